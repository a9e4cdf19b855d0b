"""forumlens.text.recache: a pattern built from kept code is the pattern `re` compiles.

Every pattern the analysis modules hold is compiled through a cache, written to a file,
read back by a new cache and compared with `re`'s own (`Pattern.__eq__` compares the
pattern, its flags and the engine code), then asked of the real transcript's lines.
"""

from __future__ import annotations

import importlib
import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from forumlens.text import fastre, recache
from forumlens.text.recache import PatternCache, cache_file

from .conftest import MAIN_SESSION, ROOT

# the packages whose import compiles most of the ~600 patterns (cues, roles, asks, procedure)
MODULES = ("forumlens.resolve", "forumlens.analyse", "forumlens.summarise", "forumlens.tag", "forumlens.threads")


def _patterns() -> list[re.Pattern[str]]:
    """The str patterns held at module level by every imported forumlens module."""
    for name in MODULES:
        importlib.import_module(name)
    found: dict[tuple[str, int], re.Pattern[str]] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("forumlens") or module is None:
            continue
        for value in vars(module).values():
            items = value if isinstance(value, (tuple, list)) else (value,)
            for item in items:
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    found[(item.pattern, item.flags)] = item
    return list(found.values())


PATTERNS = _patterns()
LINES = MAIN_SESSION.read_text("utf-8").splitlines()[:120]


def test_the_package_holds_hundreds_of_patterns():
    assert len(PATTERNS) > 300


def test_a_kept_pattern_is_the_one_re_compiles_and_finds_the_same(tmp_path):
    first = PatternCache(tmp_path / "regex.marshal")
    for p in PATTERNS:
        assert first.compile(p.pattern, p.flags) == p
    assert first.new == len(PATTERNS)
    first.save()

    again = PatternCache(tmp_path / "regex.marshal", fallback=_never)
    built = [again.compile(p.pattern, p.flags) for p in PATTERNS]
    assert again.new == 0  # every one came from the file
    for p, b in zip(PATTERNS, built):
        assert b == p and b.groupindex == p.groupindex and b.groups == p.groups
    for line in LINES:
        for p, b in zip(PATTERNS, built):
            assert [m.span() for m in b.finditer(line)] == [m.span() for m in p.finditer(line)]


def _never(*_args: Any) -> Any:
    raise AssertionError("a str pattern was compiled by re, not built from the cache")


def test_named_groups_and_flags_survive_the_file(tmp_path):
    source = r"(?P<name>[A-Z]\w+)\s+(?i:from)\s+(?P<org>\w+)|(\d+)"
    cache = PatternCache(tmp_path / "r.marshal")
    cache.compile(source, re.MULTILINE)
    cache.save()
    built = PatternCache(tmp_path / "r.marshal", fallback=_never).compile(source, re.MULTILINE)
    assert built == re.compile(source, re.MULTILINE)
    match = built.search("Amal FROM Unesco")
    assert match is not None and match.group("org") == "Unesco" and built.flags & re.MULTILINE


def test_a_bad_pattern_fails_as_re_fails(tmp_path):
    with pytest.raises(re.error):
        PatternCache(tmp_path / "r.marshal").compile("(unclosed", 0)


def test_a_damaged_or_foreign_file_is_ignored_and_rewritten(tmp_path):
    path = tmp_path / "r.marshal"
    for junk in (b"not marshal", marshal.dumps({"build": "another python", "patterns": {("a", 0): None}})):
        path.write_bytes(junk)
        cache = PatternCache(path)
        assert cache.compile(r"\bfloor\b", 0) == re.compile(r"\bfloor\b")
        cache.save()
        assert PatternCache(path, fallback=_never).compile(r"\bfloor\b", 0) == re.compile(r"\bfloor\b")


def test_nothing_is_written_when_nothing_was_compiled(tmp_path):
    path = tmp_path / "r.marshal"
    PatternCache(path).save()
    assert not path.exists()


def test_the_file_is_bounded_and_keeps_this_runs_patterns_first(tmp_path, monkeypatch):
    monkeypatch.setattr(recache, "MAX_PATTERNS", 3)
    path = tmp_path / "r.marshal"
    old = PatternCache(path)
    for word in ("alpha", "beta", "gamma"):
        old.compile(word, 0)
    old.save()
    new = PatternCache(path)
    new.compile("delta", 0)
    new.compile("alpha", 0)
    new.save()
    kept = marshal.loads(path.read_bytes())["patterns"]
    assert list(kept) == [("delta", 0), ("alpha", 0), ("beta", 0)]


def test_facts_are_kept_per_kind_and_read_back(tmp_path):
    path = tmp_path / "r.marshal"
    pattern = re.compile(r"\bthe floor is (?:yours|open)\b", re.I)
    cache = PatternCache(path)
    literals = cache.fact("required", pattern, fastre._required_literals)
    assert literals == [frozenset({"the floor is yours", "the floor is open"})]
    cache.save()
    again = PatternCache(path)
    assert again.fact("required", pattern, _never) == literals
    assert again.fact("branches", pattern, fastre._branch_literals) == fastre._branch_literals(pattern)


def test_the_file_lives_in_the_user_cache_unless_told_otherwise(tmp_path):
    assert cache_file({"XDG_CACHE_HOME": str(tmp_path)}).parent == tmp_path / "forumlens"
    assert cache_file({"FORUMLENS_REGEX_CACHE": str(tmp_path / "x")}).parent == tmp_path / "x"
    assert cache_file({"FORUMLENS_REGEX_CACHE": "off"}) is None


def _report(tmp_path: Path, cache: str) -> str:
    env = {**os.environ, "FORUMLENS_REGEX_CACHE": cache, "PYTHONPATH": str(ROOT / "src")}
    argv = [sys.executable, "-m", "forumlens", "report", "--json", str(MAIN_SESSION)]
    return subprocess.run(argv, env=env, capture_output=True, text=True, check=True, cwd=tmp_path).stdout


def test_the_command_line_gives_the_same_report_with_a_cold_and_a_warm_cache(tmp_path):
    without = json.loads(_report(tmp_path, "off"))
    cold = json.loads(_report(tmp_path, str(tmp_path / "cache")))
    assert list((tmp_path / "cache").glob("regex-*.marshal"))
    warm = json.loads(_report(tmp_path, str(tmp_path / "cache")))
    assert cold == without and warm == without


def test_importing_the_package_leaves_re_alone():
    """Only the command line installs the cache: a library user keeps `re` as it was."""
    code = "import re, forumlens.summarise; print(re._compiler.compile.__module__)"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "re._compiler"


def test_the_command_line_installs_the_cache_and_version_stays_light(tmp_path):
    """`main` installs the cache before any command; `--version` imports no prefilter for it."""
    code = (
        "import json, re, sys\n"
        "from forumlens.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(json.dumps([re._compiler.compile.__qualname__, sorted(sys.modules)]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FORUMLENS_REGEX_CACHE": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    compile_name, modules = json.loads(done.stdout.splitlines()[-1])
    assert compile_name == "PatternCache.compile"
    assert "forumlens.text.recache" in modules and "forumlens.text.fastre" not in modules


def test_a_long_run_holds_at_most_max_patterns(tmp_path, monkeypatch):
    monkeypatch.setattr(recache, "MAX_PATTERNS", 2)
    cache = PatternCache(tmp_path / "r.marshal")
    built = [cache.compile(rf"\bspeaker{i}\b", re.I) for i in range(5)]
    assert built == [re.compile(rf"\bspeaker{i}\b", re.I) for i in range(5)]
    assert len(cache.used) == 2

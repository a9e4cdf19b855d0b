"""forumlens.text.keep: derived data kept between runs is the data a fresh run derives.

The file is trusted only under its exact key (data, code, version, Python); a stale,
damaged or unwritable cache is ignored and the value computed as without it. The shipped
registry's matcher, the taxonomies and the SDG goal vectors built from kept data equal the
ones built from scratch, part for part, and the command line's report is byte-identical
with the cache off, cold, warm and damaged.
"""

from __future__ import annotations

import importlib
import json
import marshal
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from forumlens.resolve import datafiles as resolve_data
from forumlens.resolve import mentions, registry
from forumlens.tag import glossary, taxonomy
from forumlens.tag import model as tag_model
from forumlens.text import keep

from .conftest import MAIN_SESSION, ROOT


@pytest.fixture
def kept_in(tmp_path: Path) -> Iterator[Path]:
    """Keep in a fresh directory for the test, then go back to keeping nothing (library use)."""
    where = tmp_path / "kept"
    keep.install(where)
    try:
        yield where
    finally:
        keep.install(None)


def _never() -> Any:
    raise AssertionError("computed again although the value was kept")


def test_a_library_user_keeps_nothing(tmp_path: Path) -> None:
    assert keep.installed() is None
    assert keep.kept("x", keep.digest("data"), lambda: [1, 2]) == [1, 2]
    assert not any(tmp_path.iterdir())


def test_a_kept_value_is_read_back_under_the_same_key_only(kept_in: Path) -> None:
    value = {"a": [(1, 2.5, "x")], "b": {3, 4}, "c": frozenset({"y"})}
    assert keep.kept("thing", keep.digest("v1"), lambda: value) == value
    assert keep.kept("thing", keep.digest("v1"), _never) == value
    # another key (a changed data file, edited code) is computed again and replaces the old
    assert keep.kept("thing", keep.digest("v2"), lambda: [2]) == [2]
    assert keep.kept("thing", keep.digest("v2"), _never) == [2]
    assert [p.name for p in kept_in.iterdir()] == ["kept-thing.marshal"]
    assert keep.kept("thing", None, lambda: "not kept") == "not kept"  # no key: never kept


def test_the_key_includes_the_version_and_the_python(kept_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keep.kept("thing", "k", lambda: 1)
    monkeypatch.setattr(keep, "_BUILD", keep._BUILD + " another build")
    assert keep.kept("thing", "k", lambda: 2) == 2
    monkeypatch.setattr(keep, "_version", lambda: "99.0")
    assert keep.kept("thing", "k", lambda: 3) == 3


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short (a full disk, a killed writer)
        lambda data: b"not marshal at all",
        lambda data: data[:-3] + bytes([data[-3] ^ 1]) + data[-2:],  # one bit of the value flipped
        lambda data: marshal.dumps(("only", "two")),  # marshal, but not a kept file
        lambda data: b"",
    ],
)
def test_a_damaged_file_is_ignored_and_rewritten(kept_in: Path, damage: Callable[[bytes], bytes]) -> None:
    keep.kept("thing", "k", lambda: list(range(50)))
    path = kept_in / "kept-thing.marshal"
    path.write_bytes(damage(path.read_bytes()))
    assert keep.kept("thing", "k", lambda: list(range(50))) == list(range(50))
    assert keep.kept("thing", "k", _never) == list(range(50))  # rewritten whole


def test_an_unwritable_place_or_value_keeps_nothing_and_fails_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    keep.install(blocker / "cache")  # cannot be created: as a read-only home
    try:
        assert keep.kept("thing", "k", lambda: [1]) == [1]
        assert keep.kept("thing", "k", lambda: [2]) == [2]  # nothing was kept
    finally:
        keep.install(None)
    keep.install(tmp_path / "ok")
    try:
        assert keep.kept("odd", "k", lambda: object) is object  # marshal cannot write a class
        assert not (tmp_path / "ok" / "kept-odd.marshal").exists()
    finally:
        keep.install(None)


def test_the_code_digest_changes_with_any_module_of_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module two imports away edited, a module added, renamed or touched: another key; the
    same source, or a file that is not source edited: the same key."""
    package = tmp_path / "keepfake"
    (package / "sub").mkdir(parents=True)
    files = {"__init__.py": "", "a.py": "from .sub.c import WORDS\n", "sub/__init__.py": "", "sub/c.py": "WORDS = 1\n"}
    for file, text in files.items():
        (package / file).write_text(text)
    (package / "notes.txt").write_text("not code")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.import_module("keepfake")

    def digest_now() -> str | None:
        keep.code_digest.cache_clear()
        keep._package_digest.cache_clear()
        return keep.code_digest("keepfake.a")

    try:
        before = digest_now()
        assert before is not None and digest_now() == before
        for edit in (
            lambda: (package / "sub" / "c.py").write_text("WORDS = 20\n"),
            lambda: (package / "new.py").write_text(""),
            lambda: (package / "a.py").rename(package / "b.py"),  # the same file under another name
            lambda: os.utime(package / "new.py", ns=(1, 1)),  # touched: as Python, taken as edited
        ):
            edit()
            after = digest_now()
            assert after not in (None, before)
            before = after
        (package / "notes.txt").write_text("edited")
        assert digest_now() == before  # only the source counts
        assert keep.code_digest("not_imported_here.x") is None  # no source found: nothing is kept
    finally:
        sys.modules.pop("keepfake", None)
        digest_now()


def _same(a: Any, b: Any) -> bool:
    """Equal, of the same types and, for dicts and sets, iterating in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, (set, frozenset)):
        return list(a) == list(b)
    return bool(a == b)


def _fresh_caches() -> None:
    for cached in (
        resolve_data.shipped_toml,
        registry.load_registry,
        mentions._matcher_for,
        taxonomy.load_taxonomy,
        tag_model.load_model,
        tag_model._doc_vectors,
        tag_model._doc_postings,
        glossary._vocabulary,
    ):
        cached.cache_clear()


def test_what_the_pipeline_keeps_is_what_it_builds(kept_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Matcher, taxonomies, goal vectors, glossary phrases and registry tables: built, kept, read back in a
    "new process" (caches cleared), and compared part for part with a build from scratch."""
    keep.install(None)
    _fresh_caches()
    plain_registry = registry.load_registry()
    plain = mentions.Matcher(plain_registry)
    plain_tax = {s: taxonomy.load_taxonomy(s) for s in taxonomy.SCHEMES}
    plain_postings = tag_model._doc_postings(tag_model.load_model("sdg"), "sdg")
    plain_vocabulary = glossary._vocabulary()
    keep.install(kept_in)
    try:
        for run in ("cold", "warm"):
            _fresh_caches()
            if run == "warm":  # every costly part now comes from the files, none is built again
                for owner, name in (
                    (mentions.Matcher, "_add_entity"),
                    (taxonomy, "_build_index"),
                    (tag_model, "postings"),
                    (glossary, "_phrases"),
                    (resolve_data.tomllib, "loads"),  # the one tomllib: no TOML is parsed
                ):
                    monkeypatch.setattr(owner, name, _never)
            reg = registry.load_registry()
            assert reg.source is not None and reg.entities == plain_registry.entities
            matcher = mentions._matcher_for(reg)
            for part in (*mentions._KEPT, "max_len", "lengths", "topic_strings", "max_topic"):
                assert _same(getattr(matcher, part), getattr(plain, part)), (run, part)
            for scheme, plain_one in plain_tax.items():
                kept_one = taxonomy.load_taxonomy(scheme)
                assert kept_one == plain_one and _same(kept_one.index, plain_one.index), (run, scheme)
            model = tag_model.load_model("sdg")
            assert model is not None
            assert _same(tag_model._doc_postings(model, "sdg"), plain_postings), run
            assert _same(glossary._vocabulary(), plain_vocabulary), run
        names = sorted(p.name for p in kept_in.iterdir())
        assert "kept-mentions-matcher.marshal" in names and "kept-tag-postings-sdg.marshal" in names
        assert "kept-taxonomy-sdg.marshal" in names and "kept-resolve-coalitions.toml.marshal" in names
        assert "kept-glossary-vocabulary.marshal" in names
    finally:
        keep.install(None)
        _fresh_caches()


def test_a_registry_built_from_other_data_is_never_kept(kept_in: Path) -> None:
    own = registry.registry_from_data({"coalition": [{"id": "dc-x", "name": "DC on X Things"}]}, {}, {}, {}, {})
    assert own.source is None
    assert mentions._matcher_for(own).phrases
    assert not list(kept_in.glob("kept-mentions-*"))


def _report(tmp_path: Path, cache: str) -> str:
    env = {**os.environ, "FORUMLENS_REGEX_CACHE": cache, "PYTHONPATH": str(ROOT / "src")}
    argv = [sys.executable, "-m", "forumlens", "report", "--json", str(MAIN_SESSION)]
    return subprocess.run(argv, env=env, capture_output=True, text=True, check=True, cwd=tmp_path).stdout


def test_the_report_is_byte_identical_off_cold_warm_damaged_and_unwritable(tmp_path: Path) -> None:
    without = _report(tmp_path, "off")
    cache = tmp_path / "cache"
    assert _report(tmp_path, str(cache)) == without  # cold: computes and keeps
    kept_files = sorted(cache.glob("kept-*.marshal"))
    assert len(kept_files) >= 5
    assert _report(tmp_path, str(cache)) == without  # warm: reads what was kept
    for path in kept_files:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    assert _report(tmp_path, str(cache)) == without  # damaged: ignored and rebuilt
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert _report(tmp_path, str(blocker / "cache")) == without  # cannot be written
    assert json.loads(without)["people"]


def test_the_command_line_keeps_beside_the_patterns_and_version_stays_light(tmp_path: Path) -> None:
    """`main` turns keeping on in the regex cache's directory; `--version` hashes and reads nothing."""
    code = (
        "import json, sys\n"
        "from forumlens.cli import main\n"
        "from forumlens.text import keep, recache\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(json.dumps([str(keep.installed()), recache.installed()._kept is None, 'hashlib' in sys.modules]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FORUMLENS_REGEX_CACHE": str(tmp_path / "c")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    where, patterns_unread, hashed = json.loads(done.stdout.splitlines()[-1])
    assert where == str(tmp_path / "c") and patterns_unread and not hashed
    env["FORUMLENS_REGEX_CACHE"] = "off"
    done = subprocess.run(
        [sys.executable, "-c", code.replace("recache.installed()._kept is None", "1")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout.splitlines()[-1])[0] == "None"

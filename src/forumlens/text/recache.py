"""Compiled regular expressions kept on disk, so a command does not compile them again.

Why: forumlens compiles ~580 patterns as its stages are imported (long cue alternations,
case-insensitive Unicode classes) and a few hundred more on first use (the registry's
names). Python's `re` parses and generates each pattern's code in pure Python and keeps
nothing between processes: ~0.15 s of CPU in every `forumlens report`, a third of its
imports (issue 19).

How: `re` compiles in two steps. `re._compiler.compile` parses the pattern and generates
the engine's code (a list of integers; Python), then `_sre.compile` builds the pattern
object from that code (C). The code depends only on the pattern, its flags and the
Python build, so `install` wraps the first step: a pattern whose code was kept by an
earlier run is built from it, a new one is compiled as `re` does and its code kept. The
patterns are the same objects either way (`Pattern.__eq__` compares pattern, flags and
code; the tests check it for every pattern the package compiles), so no answer changes.
The same file keeps `fact`s: what a module computed from a pattern's parse tree (the
literals `text.fastre` requires, ~60 ms more), under a name that changes with that
module's code.

The file (`regex-<python tag>-<engine magic>.marshal` under `$FORUMLENS_REGEX_CACHE`, default
`$XDG_CACHE_HOME/forumlens`, or `~/.cache/forumlens`; `off` disables the cache) is
written at exit, only when this run compiled a pattern it did not hold: the patterns this
run used first, then the others, at most `MAX_PATTERNS`. It is replaced atomically, so
processes running at once never see half a file; an unreadable or foreign file is
ignored (then rewritten). Only the command line installs the cache: a program importing
forumlens as a library keeps the `re` it had. Standard library only.
"""

from __future__ import annotations

import _sre
import atexit
import marshal
import os
import re
import sys
from array import array
from collections.abc import Callable
from functools import cache
from pathlib import Path
from re import _compiler as _sre_compile  # type: ignore[attr-defined]  # Python 3.11+; no stub
from re import _parser as _sre_parse
from typing import Any

__all__ = ["MAX_PATTERNS", "PatternCache", "cache_file", "install", "installed", "kept_fact"]

MAX_PATTERNS = 1500  # kept on disk: the package's ~1,000 plus room; ~2.6 kB each
_ENV = "FORUMLENS_REGEX_CACHE"
_CODE = "I" if array("I").itemsize == _sre.CODESIZE else "L"  # one engine code word per item
# the engine code is valid for this exact build: kept in the file and compared on reading
_BUILD = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_CODE}"
_FILE = f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"

# (final flags, code as bytes, groups, group index, index group): `_sre.compile`'s arguments
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]
FactKey = tuple[str, str, int]  # (kind, pattern, flags)


def cache_file(env: dict[str, str] | os._Environ[str] | None = None) -> Path | None:
    """Where this Python build's patterns are kept, or None when `FORUMLENS_REGEX_CACHE=off`."""
    env = os.environ if env is None else env
    given = env.get(_ENV, "")
    if given.strip().lower() in {"off", "0", "no", "false"}:
        return None
    base = (
        Path(given).expanduser() if given else Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "forumlens"
    )
    return base / _FILE


def _entry(pattern: str, flags: int) -> Entry:
    """What `re._compiler.compile` hands `_sre.compile`, computed the same way."""
    tree = _sre_parse.parse(pattern, flags)
    code = _sre_compile._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    packed = array(_CODE, code).tobytes()
    return int(flags | tree.state.flags), packed, tree.state.groups - 1, groupindex, tuple(indexgroup)


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, packed, groups, groupindex, indexgroup = entry
    built: re.Pattern[str] = _sre.compile(pattern, flags, array(_CODE, packed).tolist(), groups, groupindex, indexgroup)
    return built


class PatternCache:
    """The patterns' code read from `path`, the ones compiled since, and which were used.

    `compile(pattern, flags)` has `re._compiler.compile`'s signature and answer; `save()`
    writes the file back when something new was compiled. At most `MAX_PATTERNS` patterns
    (and facts) are held, so a server or a long ingest building patterns per session
    (the speakers' names) does not grow: past that, patterns are compiled as `re` does.
    """

    def __init__(self, path: Path | None, fallback: Callable[..., Any] = _sre_compile.compile) -> None:
        self.path = path
        self.fallback = fallback
        self._kept: dict[Key, Entry] | None = None  # read on the first compile, not at install
        self._kept_facts: dict[FactKey, Any] = {}
        self.used: dict[Key, Entry] = {}
        self.used_facts: dict[FactKey, Any] = {}
        self.new = 0

    def kept(self) -> dict[Key, Entry]:
        if self._kept is None:
            self._kept, self._kept_facts = _read(self.path) if self.path is not None else ({}, {})
        return self._kept

    def fact(self, kind: str, pattern: re.Pattern[str], compute: Callable[[re.Pattern[str]], Any]) -> Any:
        """`compute(pattern)`, kept with the patterns: what `kind` (a name that changes with
        the code computing it, e.g. with its source's hash) says of it. The answer must be
        made of what `marshal` keeps (str, int, tuple, list, frozenset, dict)."""
        return self.fact_of(kind, pattern.pattern, pattern.flags, lambda: compute(pattern))

    def fact_of(self, kind: str, source: str, flags: int, compute: Callable[[], Any]) -> Any:
        """`fact` for a pattern given by its source and flags, before (or without) compiling
        it: what a module builds its pattern from (`analyse._regex.compile_cue`'s lookahead)."""
        key = (kind, source, int(flags))
        if key in self.used_facts:
            return self.used_facts[key]
        self.kept()
        if key in self._kept_facts:
            value = self._kept_facts[key]
        else:
            value = compute()
            if len(self.used_facts) >= MAX_PATTERNS:  # as `compile`: memory stays bounded in a long run
                return value
            self.new += 1
        self.used_facts[key] = value
        return value

    def compile(self, p: Any, flags: int = 0) -> Any:
        if type(p) is not str or flags & re.DEBUG:  # parsed trees (re.Scanner), bytes, debug output: as re does
            return self.fallback(p, flags)
        key = (p, int(flags))
        entry = self.used.get(key) or self.kept().get(key)
        if entry is not None:
            try:
                built = _build(p, entry)
            except Exception:  # a damaged entry: compile it again below
                self.kept().pop(key, None)
            else:
                self.used[key] = entry
                return built
        if len(self.used) >= MAX_PATTERNS:  # a long run's per-session patterns: compiled, not kept
            return self.fallback(p, flags)
        entry = _entry(p, int(flags))  # raises re.error for a bad pattern, as re does
        self.used[key] = entry
        self.new += 1
        return _build(p, entry)

    def save(self) -> None:
        """Write the patterns back (this run's first), atomically; quietly skip on any OS error."""
        if self.path is None or not self.new:
            return
        data = marshal.dumps(
            {
                "build": _BUILD,
                "patterns": _this_run_first(self.used, self.kept()),
                "facts": _this_run_first(self.used_facts, self._kept_facts),
            }
        )
        from .keep import write_atomically  # only when writing: start-up does not pay for it

        if write_atomically(self.path, data):
            self.new = 0


def _this_run_first(used: dict[Any, Any], kept: dict[Any, Any]) -> dict[Any, Any]:
    """What this run used, then what earlier runs kept, at most `MAX_PATTERNS` in all."""
    out = dict(list(used.items())[:MAX_PATTERNS])
    for key, value in kept.items():
        if len(out) >= MAX_PATTERNS:
            break
        out.setdefault(key, value)
    return out


def _read(path: Path) -> tuple[dict[Key, Entry], dict[FactKey, Any]]:
    """The kept patterns and facts, or none when the file is missing, unreadable or of another build."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}
    if not isinstance(data, dict) or data.get("build") != _BUILD:
        return {}, {}
    patterns, facts = data.get("patterns"), data.get("facts")
    if not isinstance(patterns, dict) or not isinstance(facts, dict):
        return {}, {}
    return patterns, facts


_INSTALLED: list[PatternCache] = []


def install(path: Path | None = None) -> PatternCache | None:
    """Compile this process's patterns through the disk cache (once; later calls do nothing).

    `path`: the file (default `cache_file()`; None with `FORUMLENS_REGEX_CACHE=off`, and
    then nothing is installed). Returns the cache, or None when disabled.
    """
    if _INSTALLED:
        return _INSTALLED[0]
    path = cache_file() if path is None else path
    if path is None:
        return None
    cache = PatternCache(path, _sre_compile.compile)
    _sre_compile.compile = cache.compile  # `re._compile` looks it up on every cache miss
    atexit.register(cache.save)
    _INSTALLED.append(cache)
    return cache


def installed() -> PatternCache | None:
    """The cache `install` set up in this process, if any."""
    return _INSTALLED[0] if _INSTALLED else None


@cache
def _source_hash(source: str) -> str:
    import hashlib  # only when a fact is asked: `forumlens --version` hashes nothing (tests/test_text_keep.py)

    try:
        return hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16]
    except OSError:  # pragma: no cover - no source beside the module: keep nothing
        return ""


def kept_fact(
    name: str, source: str, kind: str, pattern: re.Pattern[str], compute: Callable[[re.Pattern[str]], Any]
) -> Any:
    """`compute(pattern)`, kept with the installed cache's patterns (`PatternCache.fact`) under
    `name`, the hash of `source` (the computing module's file) and `kind`: an answer kept on
    disk is never read back by a different analysis. Without the cache (a library import) or
    without a readable source, it is computed every time."""
    patterns = installed()
    digest = _source_hash(source) if patterns is not None else ""
    if patterns is None or not digest:
        return compute(pattern)
    return patterns.fact(f"{name}-{digest}:{kind}", pattern, compute)

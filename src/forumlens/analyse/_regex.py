"""Faster compiled cue patterns with exactly the same matches.

Python's `re` tries every branch of a big case-insensitive alternation at every position
of the text; most positions cannot start a match at all. `compile_cue` reads the parsed
pattern, collects every character a match can begin with, and puts a lookahead for that
class in front: `(?=[chars])PATTERN` (or `(?:(?=[chars])|^)PATTERN` when a branch is
anchored at the start). The lookahead only refuses positions where no match can begin, so
`search`, `match`, `finditer`, `findall` and `sub` give the same spans and groups (the
lookahead has no group); `tests/test_analyse_regex.py` checks that on the corpora. When
the first characters cannot be bounded (a branch starts with `\\w`, `.`, a negated class,
inline flags, or could match the empty string) the pattern is compiled unchanged.
"""

from __future__ import annotations

import hashlib
import re
import re._constants as _K  # Python 3.11+ (the project's minimum)
import re._parser as _P
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from ..text.recache import installed

__all__ = ["compile_cue", "first_chars"]

_MAX_RANGE = 64
_REPEATS = tuple(op for op in (_K.MAX_REPEAT, _K.MIN_REPEAT, getattr(_K, "POSSESSIVE_REPEAT", None)) if op)
_AT_START = (_K.AT_BEGINNING, _K.AT_BEGINNING_STRING)


class _Unbounded(Exception):
    pass


def _first(items: Iterable[tuple[Any, Any]]) -> tuple[set[str], bool, bool]:
    """(first characters, can be empty, has a branch anchored at the string start)."""
    chars: set[str] = set()
    anchored = False
    for op, av in items:
        if op is _K.LITERAL:
            chars.add(chr(av))
            return chars, False, anchored
        if op is _K.IN:
            for cop, cav in av:
                if cop is _K.LITERAL:
                    chars.add(chr(cav))
                elif cop is _K.RANGE and cav[1] - cav[0] < _MAX_RANGE:
                    chars.update(chr(c) for c in range(cav[0], cav[1] + 1))
                else:
                    raise _Unbounded
            return chars, False, anchored
        if op is _K.AT:
            if av in _AT_START:
                return chars, False, True  # this branch matches only at position 0
            continue  # \b and friends consume nothing
        if op in (_K.ASSERT, _K.ASSERT_NOT):
            continue  # lookarounds consume nothing
        if op is _K.SUBPATTERN:
            _gid, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unbounded
            got, empty, anc = _first(sub)
        elif op is _K.BRANCH:
            got, empty, anc = set(), False, False
            for alt in av[1]:
                g, e, a = _first(alt)
                got |= g
                empty = empty or e
                anc = anc or a
        elif op in _REPEATS:
            lo, _hi, sub = av
            got, empty, anc = _first(sub)
            empty = empty or lo == 0
        else:
            raise _Unbounded
        chars |= got
        anchored = anchored or anc
        if not empty:
            return chars, False, anchored
    return chars, True, anchored


def first_chars(pattern: str, flags: int = 0) -> tuple[set[str], bool] | None:
    """(characters a match can start with, may also start at position 0), or None if unbounded."""
    if flags & re.MULTILINE:
        return None
    try:
        chars, empty, anchored = _first(_P.parse(pattern, flags))
    except _Unbounded:
        return None
    return None if empty or not chars else (chars, anchored)


def compile_cue(pattern: str, flags: int = 0, *, limit: int = 24) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with a first-character lookahead when it is selective."""
    return re.compile(_kept_head(pattern, flags, limit) + pattern, flags)


def _head(pattern: str, flags: int, limit: int) -> str:
    """The lookahead `compile_cue` puts in front of `pattern` ("" when it is not selective)."""
    found = first_chars(pattern, flags)
    if found is None:
        return ""
    chars, anchored = found
    if len({c.lower() for c in chars}) > limit:
        return ""
    cls = "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
    return f"(?:(?={cls})|^)" if anchored else f"(?={cls})"


@cache
def _analysis() -> str:
    """A name for `_head` that changes with this module's code (the file's hash), so a head
    kept on disk by `recache` is never read back by a different analysis ("" keeps nothing)."""
    try:
        return "cue-head-" + hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    except OSError:  # pragma: no cover - no source beside the module: keep nothing
        return ""


def _kept_head(pattern: str, flags: int, limit: int) -> str:
    """`_head`, through the command line's disk cache of patterns when it is installed:
    parsing the ~55 cue patterns again cost ~15-30 ms of every start (issue 19)."""
    patterns = installed()
    analysis = _analysis() if patterns is not None else ""
    if patterns is None or not analysis:
        return _head(pattern, flags, limit)
    head: str = patterns.fact_of(f"{analysis}:{limit}", pattern, flags, lambda: _head(pattern, flags, limit))
    return head

"""Ask the same patterns of many suffixes of one long text without scanning each suffix.

Why: a question in a caption turn is weighed against the rest of its turn ("does the
speaker set it aside later on?"). A one-line caption of 80,000 words holds dozens of
questions, and searching each one's rest of the turn read the turn once per question:
quadratic in the turn (issue 19).

How, with the pattern's own answers: `bool(pattern.search(text[a:]))` asks whether a match
starts at some position p of the suffix. From `back` characters into the suffix on (the
pattern's look-behinds and a word boundary's one character, `lookback`), a match at p sees
exactly the characters a match at a + p in the whole text sees, so such a match exists
exactly when the whole text has a match starting at a + back or later: when its last match
start (`last_start`, one pass over the text) is that far on. Only the first `back`
positions of the suffix, where the start of the string changes what `\\b`, `^` or a
look-behind sees, are tried on the suffix itself.
"""

from __future__ import annotations

import re
from functools import cache
from re import _constants as _sre_constants  # Python 3.11+ (the project's minimum)
from re import _parser as _sre_parse
from typing import Any

__all__ = ["Suffixes", "last_start", "lookback"]

_LOOKS = (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT)


def _behind(item: Any) -> int:
    """Sum of the widths of every look-behind in a parse tree node (nested ones included)."""
    if isinstance(item, _sre_parse.SubPattern):
        return sum(_behind(node) for node in item.data)
    if isinstance(item, tuple) and len(item) == 2 and item[0] in _LOOKS:
        direction, sub = item[1]
        return (sub.getwidth()[1] if direction < 0 else 0) + _behind(sub)
    if isinstance(item, (tuple, list)):
        return sum(_behind(node) for node in item)
    return 0


@cache
def lookback(pattern: re.Pattern[str]) -> int:
    """How many characters before a position a match there can depend on: one for `\\b`,
    `\\B` and a multi-line `^`, plus the widths of the look-behinds (an upper bound)."""
    return 1 + _behind(_sre_parse.parse(pattern.pattern, pattern.flags))


def last_start(pattern: re.Pattern[str], text: str) -> int:
    """The last position of `text` where a match of `pattern` starts (-1 when none).

    A search from a position finds a match starting there or later, so stepping one past
    each match found visits every match start once: one pass over the text."""
    last = -1
    found = pattern.search(text)
    while found is not None:
        last = found.start()
        if last >= len(text):
            break
        found = pattern.search(text, last + 1)
    return last


class Suffixes:
    """One text whose suffixes the same patterns are asked about many times.

    `search(pattern, a)` is `bool(pattern.search(text[a:]))` (see the module docstring).

    >>> s = Suffixes("later we are out of time, then we talk")
    >>> [s.search(re.compile(r"\\bout of time"), a) for a in (0, 13, 14, 30)]
    [True, True, False, False]
    """

    __slots__ = ("_last", "_tail", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._last: dict[re.Pattern[str], int] = {}
        self._tail: tuple[int, str] = (0, text)  # the last suffix cut, for the next pattern

    def _suffix(self, start: int) -> str:
        if self._tail[0] != start:
            self._tail = (start, self.text[start:])
        return self._tail[1]

    def search(self, pattern: re.Pattern[str], start: int) -> bool:
        """Whether `pattern` matches somewhere in `text[start:]` (`start` >= 0)."""
        last = self._last.get(pattern)
        if last is None:
            last = self._last[pattern] = last_start(pattern, self.text)
        back = lookback(pattern)
        if last >= start + back:
            return True
        tail = self._suffix(start)
        return any(pattern.match(tail, p) for p in range(min(back, len(tail) + 1)))

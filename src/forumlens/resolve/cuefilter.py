"""One literal prefilter shared by every cue pattern resolve asks of a sentence.

`_own_words` asks each of a speaker's sentences some twenty cue patterns (self-introduction,
organisation, mode, independence ...), each behind `text.fastre.Prefiltered`, which tests its
own required literals (up to 142 of them) with one `in` per literal, again for every pattern.
`SharedCue` gives the same answers (it *is* a `Prefiltered`), but finds which literals of
*all* registered patterns a short text holds once, indexed by their first characters (as
`PatternSet.present` does), and remembers that set for the last texts asked. A pattern is
then possible exactly when each of its required sets meets that set, which is
`Prefiltered.possible`'s own test (`all(any(lit in text for lit in set) ...)`) asked of a
superset of the literals, so every answer stays the pattern's own.
"""

from __future__ import annotations

import re
import sys
from itertools import chain

from forumlens.text.fastre import Prefiltered, fold

__all__ = ["SharedCue"]

_HEAD = 3  # a needle this long or longer is tested only when the text holds its first characters
_SHORT = 1_000  # longer texts (whole turns, a 2 MB caption line) use the pattern's own filter
_KEEP = 4096  # texts whose literal sets are remembered: a session asks each sentence again per speaker


class _Pool:
    """Every registered pattern's literals, indexed by their first three characters; the
    literals present per text."""

    def __init__(self) -> None:
        self.needles: set[str] = set()
        self._index: tuple[tuple[str, ...], dict[str, tuple[str, ...]], frozenset[str]] | None = None
        self._seen: dict[str, frozenset[str]] = {}

    def add(self, options: tuple[frozenset[str], ...]) -> None:
        for option in options:
            self.needles.update(option)
        self._index = None
        self._seen.clear()

    def _indexed(self) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], frozenset[str]]:
        if self._index is None:
            short = tuple(sorted(n for n in self.needles if len(n) < _HEAD))
            groups: dict[str, list[str]] = {}
            for needle in sorted(n for n in self.needles if len(n) >= _HEAD):
                groups.setdefault(needle[:_HEAD], []).append(needle)
            by_head = {head: tuple(group) for head, group in groups.items()}
            self._index = (short, by_head, frozenset(by_head))
        return self._index

    def present(self, text: str) -> frozenset[str]:
        """The registered literals that occur in the folded text: the short ones tested
        directly, a longer one only when the text holds its first three characters (the
        text's three-character runs meet the heads in one set intersection)."""
        found = self._seen.get(text)
        if found is None:
            short, by_head, heads = self._indexed()
            folded = fold(text)
            has = folded.__contains__
            runs = {folded[i : i + _HEAD] for i in range(len(folded) - _HEAD + 1)}
            longer = chain.from_iterable(map(by_head.__getitem__, heads.intersection(runs)))
            found = frozenset(chain(filter(has, short), filter(has, longer)))
            if len(self._seen) >= _KEEP:
                self._seen.clear()
            self._seen[text] = found
        return found


_POOL = _Pool()


class SharedCue(Prefiltered):
    """A `Prefiltered` whose literal test on a short text is shared with the other cues."""

    __slots__ = ()

    def __init__(self, pattern: re.Pattern[str]) -> None:
        super().__init__(pattern)
        _POOL.add(self.options)

    def possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when no match can lie in text[pos:endpos] (as `Prefiltered.possible`)."""
        if not self.options:
            return True
        part = text[max(pos, 0) : endpos] if pos > 0 or endpos < len(text) else text
        if len(part) > _SHORT:
            return super().possible(text, pos, endpos)
        return not any(map(_POOL.present(part).isdisjoint, self.options))

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

A pattern that is one alternation (`\b(?:A|B|C)\b`) is also asked per alternative
(`branch_literals`, issue 19): the whole pattern's sets keep only what every alternative
shares ("i", "as", " online"), so most sentences passed and the regex ran; a match is a
match of one alternative, so requiring that some alternative have all its own sets present
still never says "no" where the pattern matches, and skips about half the runs left.
"""

from __future__ import annotations

import re
import sys
from itertools import chain
from re import _constants as _sre_constants  # the parser `text.fastre` reads (Python 3.11+)
from re import _parser as _sre_parse

from forumlens.text.fastre import Prefiltered, _required, fold

__all__ = ["SharedCue", "branch_literals"]

_AT = _sre_constants.AT
_BRANCH = _sre_constants.BRANCH
_SUBPATTERN = _sre_constants.SUBPATTERN

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


def branch_literals(pattern: re.Pattern[str]) -> tuple[tuple[frozenset[str], ...], ...]:
    """Per alternative of a pattern that is one alternation (`\b(?:A|B|C)\b`), the literal
    sets that alternative requires (as `required_literals` gives them for a whole pattern);
    () when the pattern is not one alternation or some alternative requires nothing.

    A match of the pattern is a match of one alternative, so it holds a literal of each set
    of that alternative: "some alternative has all its sets present" is a necessary
    condition, tighter than the whole pattern's sets (which keep only what *every*
    alternative shares, e.g. "i" or "as" for a list of self-introductions)."""
    if pattern.flags & re.VERBOSE:
        return ()
    try:
        nodes = [n for n in _sre_parse.parse(pattern.pattern, pattern.flags) if n[0] is not _AT]
        if len(nodes) == 1 and nodes[0][0] is _SUBPATTERN:
            nodes = [n for n in nodes[0][1][-1] if n[0] is not _AT]
        if len(nodes) != 1 or nodes[0][0] is not _BRANCH:
            return ()
        branches = tuple(tuple(_required(branch)) for branch in nodes[0][1][1])
    except Exception:  # pragma: no cover - the parser's internals changed: no branch filter
        return ()
    return branches if all(branches) else ()


class SharedCue(Prefiltered):
    """A `Prefiltered` whose literal test on a short text is shared with the other cues, and
    (for a pattern that is one alternation) also asks that some alternative be possible."""

    __slots__ = ("branches",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        super().__init__(pattern)
        self.branches = branch_literals(pattern) if self.options else ()
        _POOL.add(self.options + tuple(chain.from_iterable(self.branches)))

    def possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when no match can lie in text[pos:endpos]: never where
        `Prefiltered.possible` says possible and a match exists, and more often than it."""
        if not self.options:
            return True
        part = text[max(pos, 0) : endpos] if pos > 0 or endpos < len(text) else text
        if len(part) > _SHORT:
            return super().possible(text, pos, endpos)
        present = _POOL.present(part)
        if any(map(present.isdisjoint, self.options)):
            return False
        return not self.branches or any(not any(map(present.isdisjoint, b)) for b in self.branches)

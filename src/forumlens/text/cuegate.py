"""One literal gate for a family of cue patterns asked of the same sentences (resolve's, the threads').

Why (issue 19): the gating lived in two places. `resolve/cuefilter.SharedCue` found the literals a
sentence holds once per family (`LiteralPool`) and then, per pattern, tested its required sets
against that frozenset (remembered per set in a dict); `threads/cuegate.CueGate` indexed the same
sets as one bit each so that `threads.cues.CueMemo` could rule a pattern out with one integer test.
Here both are one thing: a `CueFamily` gives every required set of every registered pattern a bit
(and every set of each alternative, `text.fastre.branch_literals`), a sentence is scanned once for
the family's literals and turned into the integer of the sets it meets (`met`), and a `GatedCue` may
match only when its own bits are all there (and, for an alternation, some alternative's bits are).

Soundness, the same argument as `Prefiltered`'s: a set's bit is in `met` exactly when the sentence
(folded, `text.fastre.fold`) holds one of the set's literals, which is `Prefiltered.possible`'s own
test, so a pattern is ruled out only when it cannot match; a match is a match of one alternative, so
requiring one alternative's sets is necessary too. A ruled-in pattern is asked as itself, so every
answer is the pattern's own. A text part longer than `short` characters (a whole turn, a 2 MB caption
line) is not scanned into the shared memo: the cue then uses its own `Prefiltered` test.

Standard library only, so resolve and threads can both use it without importing each other.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import reduce
from itertools import chain, repeat
from operator import or_
from typing import cast

from .fastre import Prefiltered, branch_literals, fold

__all__ = ["BranchTestedCue", "CueFamily", "GatedCue"]

_HEAD = 3  # a literal this long or longer is tested only when the text holds its first characters
# A literal this long or longer is keyed by its first `_LONG_HEAD` characters instead, in a family
# whose literals of that length outnumber its three-character heads `_LONG_SHARE` times or more:
# the threads' family has ~1,860 such literals under ~375 heads, so a sentence's common heads
# ("the", "we ") put ~280 candidates a sentence through `in`; keyed by six, only those whose first
# six characters occur are (issue 19, first pass: its scan 124 -> 76 ms over 2,553 sentences).
# With fewer a head (resolve's family: ~1.8), the text's second set of grams costs more than it saves.
_LONG_HEAD = 6
_LONG_SHARE = 3
_SHORT = 1_000  # longer text parts are gated by the cue's own `Prefiltered` test, never remembered
_KEEP = 4096  # texts (and text parts) whose bits are remembered: a session asks each sentence again per speaker
_UNASKED = object()  # a span not asked yet (None is an answer: too long to share)


_Groups = tuple[dict[str, tuple[str, ...]], frozenset[str]]  # head -> its literals (sorted), and the heads
_Index = tuple[tuple[str, ...], _Groups, _Groups]  # the short literals, those keyed by 3 and by 6 characters


def _grouped(literals: list[str], size: int) -> _Groups:
    """`literals` by their first `size` characters (each group sorted), and those heads."""
    groups: dict[str, list[str]] = {}
    for literal in sorted(literals):
        groups.setdefault(literal[:size], []).append(literal)
    return {head: tuple(group) for head, group in groups.items()}, frozenset(groups)


class CueFamily:
    """The gate of one family of cues: each required literal set of each registered cue is a bit.

    `met(text)` is the union of the bits of the sets whose literals the folded text holds (one scan
    of the text for all the family's literals, remembered for the last `keep` texts); `met_in` does
    the same for text[pos:endpos], or gives None when that part is longer than `short`. A family
    does not grow with another family's literals, so keep one per family of cues asked together.

    >>> family = CueFamily()
    >>> online = family.cue(re.compile(r"\\b(?:I am online|my camera)\\b", re.I))
    >>> bool(online.search("Sorry, my CAMERA is off")), online.possible("I am here in the room")
    (True, False)
    """

    def __init__(self, keep: int = _KEEP, short: int = _SHORT) -> None:
        self.keep = keep
        self.short = short
        self._mask: dict[str, int] = {}  # literal -> the bits of the sets it belongs to
        self._next = 0  # the next free bit
        self._index: _Index | None = None
        self._seen: dict[str, int] = {}
        self._spans: dict[tuple[str, int, int], int | None] = {}

    def cue(self, pattern: re.Pattern[str]) -> GatedCue:
        """`pattern` behind this family's gate, asked like the pattern itself (register at its definition)."""
        return GatedCue(pattern, self)

    def bits_of(self, cue: object) -> int:
        """The bits a cue needs all of (0 for a cue of another family or none: never ruled out here)."""
        return cue.bits if isinstance(cue, GatedCue) and cue.family is self else 0

    def allows(self, cue: object, met: int) -> bool:
        """Whether a text whose met sets are `met` (`met(text)`) may match `cue`: always, for a cue this
        family does not gate (`bits_of` 0); else the cue's own test (`GatedCue.allows`)."""
        return not self.bits_of(cue) or cast(GatedCue, cue).allows(met)

    def register(self, options: tuple[frozenset[str], ...]) -> int:
        """Give each required set a new bit and return their union (each literal's mask gains its sets' bits)."""
        bits = 0
        for option in options:
            bit = 1 << self._next
            self._next += 1
            bits |= bit
            for literal in option:
                self._mask[literal] = self._mask.get(literal, 0) | bit
        self._index = None
        self._seen.clear()
        self._spans.clear()
        return bits

    def _indexed(self) -> _Index:
        if self._index is None:
            short = tuple(sorted(n for n in self._mask if len(n) < _HEAD))
            longest = {n for n in self._mask if len(n) >= _LONG_HEAD}
            if len(longest) < _LONG_SHARE * len({n[:_HEAD] for n in self._mask if len(n) >= _HEAD}):
                longest = set()
            self._index = (
                short,
                _grouped([n for n in self._mask if len(n) >= _HEAD and n not in longest], _HEAD),
                _grouped(list(longest), _LONG_HEAD),
            )
        return self._index

    def present(self, text: str) -> frozenset[str]:
        """The family's literals that occur in the folded text: the short ones tested directly, a
        longer one only when the text holds its first three (six, for one of six characters or
        more) characters: a literal occurs only where its head does (one set intersection each)."""
        short, (by_head, heads), (by_long, longs) = self._indexed()
        folded = fold(text)
        has = folded.__contains__
        runs = {folded[i : i + _HEAD] for i in range(len(folded) - _HEAD + 1)}
        longer = chain.from_iterable(map(by_head.__getitem__, heads.intersection(runs)))
        if not longs:
            return frozenset(chain(filter(has, short), filter(has, longer)))
        long_runs = {folded[i : i + _LONG_HEAD] for i in range(len(folded) - _LONG_HEAD + 1)}
        longest = chain.from_iterable(map(by_long.__getitem__, longs.intersection(long_runs)))
        return frozenset(chain(filter(has, short), filter(has, longer), filter(has, longest)))

    def met(self, text: str) -> int:
        """The bits of the sets the text's literals meet (any length; the last `keep` texts remembered)."""
        found = self._seen.get(text)
        if found is None:
            # over the text's few literals (a set's `intersection` with the dict would walk all its keys)
            found = reduce(or_, map(self._mask.get, self.present(text), repeat(0)), 0)
            if len(self._seen) >= self.keep:
                self._seen.clear()
            self._seen[text] = found
        return found

    def met_in(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> int | None:
        """`met(text[pos:endpos])`, or None when that part is longer than `short`. Remembered per span:
        some twenty cues ask each sentence, and cutting it out and hashing it again each time cost more."""
        key = (text, pos, endpos)
        known = self._spans.get(key, _UNASKED)
        if known is not _UNASKED:
            return known  # type: ignore[return-value]
        part = text[max(pos, 0) : endpos] if pos > 0 or endpos < len(text) else text
        found = None if len(part) > self.short else self.met(part)
        if len(self._spans) >= self.keep:
            self._spans.clear()
        self._spans[key] = found
        return found


class GatedCue(Prefiltered):
    """A `Prefiltered` pattern whose literal test on a short text is its family's one scan, as bits.

    `bits`: the bits of its required sets (all needed); `branches`: per alternative of a pattern that
    is one alternation, the bits of that alternative's sets (one alternative's all needed)."""

    __slots__ = ("bits", "branches", "family")

    def __init__(self, pattern: re.Pattern[str], family: CueFamily) -> None:
        super().__init__(pattern)
        self.family = family
        self.bits = family.register(self.options)
        literal_branches = branch_literals(pattern) if self.options else ()
        self.branches = tuple(family.register(b) for b in literal_branches)

    def allows(self, met: int) -> bool:
        """Whether a text whose met sets are `met` may match: all its sets, and some alternative's."""
        bits = self.bits
        if met & bits != bits:
            return False
        return not self.branches or any(met & b == b for b in self.branches)

    def possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when no match can lie in text[pos:endpos] (never where `Prefiltered.possible`
        says possible and a match exists), and more often than it."""
        if not self.options:
            return True
        met = self.family.met_in(text, pos, endpos)
        if met is None:
            return super().possible(text, pos, endpos)
        return self.allows(met)


class BranchTestedCue(GatedCue):
    """A `GatedCue` whose first `lead` alternatives also need `test(text)`, a cheap necessary condition
    of their own that literals cannot state.

    Why (issue 19): an alternative made of word shapes ("a participle and a count": `[a-z]+ed` then a
    number) requires only literals every sentence holds ("ed", "of"), so the family's gate lets most
    sentences through to the whole alternation. When the gate allows the pattern only through those
    alternatives and `test` says they cannot match either, the pattern cannot match: it is not asked.
    `test` must be necessary for each of the first `lead` alternatives (never False where one matches);
    an allowed pattern is asked as itself, so every answer is the pattern's own."""

    __slots__ = ("lead", "test")

    def __init__(self, pattern: re.Pattern[str], family: CueFamily, lead: int, test: Callable[[str], bool]) -> None:
        super().__init__(pattern, family)
        self.lead = lead
        self.test = test

    def possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        if not super().possible(text, pos, endpos):
            return False
        met = self.family.met_in(text, pos, endpos) if self.options else None
        if met is None or not self.branches or any(met & b == b for b in self.branches[self.lead :]):
            return True
        return self.test(text[max(pos, 0) : endpos] if pos > 0 or endpos < len(text) else text)

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
(`text.fastre.branch_literals`, issue 19): the whole pattern's sets keep only what every alternative
shares ("i", "as", " online"), so most sentences passed and the regex ran; a match is a
match of one alternative, so requiring that some alternative have all its own sets present
still never says "no" where the pattern matches, and skips about half the runs left.
"""

from __future__ import annotations

import re
import sys
from itertools import chain

from forumlens.text.fastre import Prefiltered, branch_literals, fold

__all__ = ["LiteralPool", "SharedCue", "branch_literals"]  # `branch_literals` is `text.fastre`'s, named here as before

_HEAD = 3  # a needle this long or longer is tested only when the text holds its first characters
_SHORT = 1_000  # longer texts (whole turns, a 2 MB caption line) use the pattern's own filter
_UNASKED = object()  # a span not asked yet (None is an answer: too long to share)
_KEEP = 4096  # texts whose literal sets are remembered: a session asks each sentence again per speaker


class LiteralPool:
    """Every registered pattern's literals, indexed by their first three characters; the
    literals present per text (the last `keep` texts remembered).

    One pool per family of cues that are asked of the same sentences (resolve's, the
    threads'): one scan of a sentence then serves every pattern of the family, and a
    family's pool does not grow with another's literals."""

    def __init__(self, keep: int = _KEEP) -> None:
        self.keep = keep
        self.needles: set[str] = set()
        self._index: tuple[tuple[str, ...], dict[str, tuple[str, ...]], frozenset[str]] | None = None
        self._seen: dict[str, frozenset[str]] = {}
        # (text, pos, endpos) -> literals of that part, None for a part too long to share
        self._spans: dict[tuple[str, int, int], frozenset[str] | None] = {}

    def add(self, options: tuple[frozenset[str], ...]) -> None:
        for option in options:
            self.needles.update(option)
        self._index = None
        self._seen.clear()
        self._spans.clear()

    def _indexed(self) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], frozenset[str]]:
        if self._index is None:
            short = tuple(sorted(n for n in self.needles if len(n) < _HEAD))
            groups: dict[str, list[str]] = {}
            for needle in sorted(n for n in self.needles if len(n) >= _HEAD):
                groups.setdefault(needle[:_HEAD], []).append(needle)
            by_head = {head: tuple(group) for head, group in groups.items()}
            self._index = (short, by_head, frozenset(by_head))
        return self._index

    def present_in(self, text: str, pos: int, endpos: int) -> frozenset[str] | None:
        """`present(text[pos:endpos])`, or None when that part is longer than the shared test
        takes. Remembered per span: some twenty cues ask each sentence of a session's text, and
        each ask cut the sentence out and hashed it again (the whole text's hash is kept)."""
        key = (text, pos, endpos)
        known = self._spans.get(key, _UNASKED)
        if known is not _UNASKED:
            return known  # type: ignore[return-value]
        part = text[max(pos, 0) : endpos] if pos > 0 or endpos < len(text) else text
        found = None if len(part) > _SHORT else self.present(part)
        if len(self._spans) >= self.keep:
            self._spans.clear()
        self._spans[key] = found
        return found

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
            if len(self._seen) >= self.keep:
                self._seen.clear()
            self._seen[text] = found
        return found


_POOL = LiteralPool()


class SharedCue(Prefiltered):
    """A `Prefiltered` whose literal test on a short text is shared with the other cues, and
    (for a pattern that is one alternation) also asks that some alternative be possible."""

    __slots__ = ("_answers", "branches", "pool")

    def __init__(self, pattern: re.Pattern[str], pool: LiteralPool | None = None) -> None:
        super().__init__(pattern)
        self.branches = branch_literals(pattern) if self.options else ()
        self.pool = pool or _POOL
        self.pool.add(self.options + tuple(chain.from_iterable(self.branches)))
        # present set -> answer: the pool hands back one set object per text, and a session
        # asks each sentence again per speaker and per pattern (issue 19)
        self._answers: dict[frozenset[str], bool] = {}

    def possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when no match can lie in text[pos:endpos]: never where
        `Prefiltered.possible` says possible and a match exists, and more often than it."""
        if not self.options:
            return True
        present = self.pool.present_in(text, pos, endpos)
        if present is None:
            return super().possible(text, pos, endpos)
        answer = self._answers.get(present)
        if answer is None:
            answer = self.allows(present)
            if len(self._answers) >= _KEEP:
                self._answers.clear()
            self._answers[present] = answer
        return answer

    def allows(self, present: frozenset[str]) -> bool:
        """Whether a text holding exactly the literals `present` (of the pool's) may match:
        each required set met, and (for an alternation) some alternative's sets all met.
        A function of the set alone, so `possible` remembers it per set."""
        if any(map(present.isdisjoint, self.options)):
            return False
        return not self.branches or any(not any(map(present.isdisjoint, b)) for b in self.branches)

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

from forumlens.text.cuegate import CueFamily, GatedCue
from forumlens.text.fastre import branch_literals

__all__ = ["SharedCue", "branch_literals"]  # `branch_literals` is `text.fastre`'s, named here as before

_FAMILY = CueFamily()  # resolve's cues: one family, asked of the same sentences


class SharedCue(GatedCue):
    """A cue behind resolve's one literal gate (`text.cuegate`); `SharedCue(pattern)` as before."""

    __slots__ = ()

    def __init__(self, pattern: re.Pattern[str], family: CueFamily | None = None) -> None:
        super().__init__(pattern, family or _FAMILY)

"""Words that open a sentence or address the room and are no person's name.

Several stages read a capitalised word at a sentence or turn start as a name ("Hemanta, the
data question was yours", "turn to Titi", "Viktor Horvath, Hungary"), and each has to skip the
words a speaker opens with before any name: the courtesies ("Thank you,", "Yes,", "Hello,",
"Sorry,") and the pronouns and joiners ("I", "We", "The", "So", "And"). Those were written out
five times; they live here once, casefolded, and each caller adds only what its own pattern
lets through (titles and forms of address, coalition words, ordinals …), saying why.

- `COURTESY_OPENERS`: what a voice says to the room before it says anything else.
- `JOINER_OPENERS`: pronouns, articles and joiners that start a sentence in capitals.

Both are casefolded; `titled` gives them as a capitalised word is written, for callers that
compare the word as found ("Thank", "I"). `resolve.selfnames.voice_tag` keeps its own set: it is
built from the openers its tag pattern allows, so the pattern and the filter cannot drift.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["COURTESY_OPENERS", "JOINER_OPENERS", "titled"]

COURTESY_OPENERS = frozenset(["thank", "thanks", "please", "yes", "okay", "hello", "hi", "good", "sorry"])
JOINER_OPENERS = frozenset(["i", "we", "the", "my", "and", "so"])


def titled(words: Iterable[str]) -> frozenset[str]:
    """The words as they are written opening a sentence: first letter capitalised ("i" -> "I")."""
    return frozenset(w[:1].upper() + w[1:] for w in words)

"""`text.roomwords`: the words a speaker opens with that are no person's name, written once.

Why: five stages skip the same courtesies and joiners before a name; they were five literal sets.
Gathering them must not change what any stage skips, so each caller's set is pinned here against
the literal it had before (round 19, base 94c81ab): the shared words plus the caller's own.
"""

from __future__ import annotations

from forumlens.analyse import questioncues, questionfeatures
from forumlens.resolve import cues, firstnames, selfnames
from forumlens.text.roomwords import COURTESY_OPENERS, JOINER_OPENERS, titled


def _words(said: str) -> frozenset[str]:
    """The set of the space-separated words: the old literal sets, written compactly."""
    return frozenset(said.split())


FIRSTNAMES = _words(
    "Thank Thanks Please Well Sorry Yes Okay Now Again First Second Finally Also Madam Sir Chair "
    "Chairman Colleagues Friends Everybody Everyone Ladies Excellencies Honestly Actually Indeed "
    "However Sister Brother Professor Doctor Ambassador Minister Hello Hi Good Welcome Today Here "
    "There"
)
RESOLVE_CUES = _words(
    "I We You The This That Dynamic Coalition Coalitions DC DCs IGF MAG UN Internet Please Thank Now "
    "So And But Our My Zoom Office Department Hub Absolutely Indeed Yes Okay OK Good Hello Welcome"
)
QUESTIONCUES = _words(
    "yes no so and now well please the my our we i i'm okay ok thank thanks hello hi good sorry very "
    "just also madam mister chair this that here there first second one two three question"
)
QUESTIONFEATURES = _words(
    "Thank Thanks Hello Hi Good Yes Okay Sorry Question My The And So I A We From Just Please For To"
)
VOICE_TAGS = _words("so yes hello hi okay ok sorry i we me everybody everyone")


def test_every_callers_set_is_exactly_the_one_it_had() -> None:
    assert firstnames.NOT_NAMES == FIRSTNAMES
    assert cues._NOT_NAMES == RESOLVE_CUES
    assert questioncues.NOT_NAME == QUESTIONCUES
    assert questionfeatures.NOT_NAMES == QUESTIONFEATURES
    assert selfnames._NOT_NAMES == VOICE_TAGS  # kept apart: built from `voice_tag`'s own openers


def test_the_shared_words_are_in_every_set_that_uses_them() -> None:
    assert titled(COURTESY_OPENERS) <= FIRSTNAMES and titled(JOINER_OPENERS) <= RESOLVE_CUES
    assert COURTESY_OPENERS | JOINER_OPENERS <= QUESTIONCUES
    assert titled(COURTESY_OPENERS | JOINER_OPENERS) <= QUESTIONFEATURES


def test_titled_writes_a_word_as_it_opens_a_sentence() -> None:
    assert titled(["i", "thank", "okay"]) == {"I", "Thank", "Okay"}
    assert all(w == w.casefold() for w in COURTESY_OPENERS | JOINER_OPENERS)  # stored folded, once

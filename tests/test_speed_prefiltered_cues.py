"""Four per-sentence cues asked through their literal prefilter (issue 19, stop 44 PF).

`analyse.asks`' spoken-ask and relayed-message cues, `analyse.askmodel`'s list intro, the
threads' "asked at <place>" cue and the glossary's term cue are each searched once per sentence
of a session, and most sentences hold none of the words one of their alternatives needs. Each
module now asks a `text.fastre.Prefiltered` of the same pattern. These tests check, on sentences
written for them, that the filtered cue gives the pattern's own answers (the match and its span,
or none), and that the filter really skips a sentence that cannot match (so the saving is there).
"""

from __future__ import annotations

import pytest

from forumlens.analyse import askmodel, asks
from forumlens.tag import glossary
from forumlens.text.fastre import Prefiltered
from forumlens.threads import cues

CUES = {
    "spoken ask": (asks._SPOKEN_ASK_CUE, asks._SPOKEN_ASK),
    "relayed": (asks._RELAYED_CUE, asks._RELAYED),
    "list intro": (askmodel._LIST_INTRO_CUE, askmodel._LIST_INTRO),
    "asked at": (cues._ASKED_AT_CUE, cues._ASKED_AT),
    "glossary term": (glossary._CUE_FILTERED, glossary._CUE),
}

# Sentences of my own: each cue's match among them, and many sentences of ordinary talk.
SENTENCES = [
    "We would also invite the district councils of the north to share their data.",
    "And our request to the organisers is a longer session next year.",
    "I'd love it if the network had a page in Portuguese.",
    'Moses writes from Gulu: "please publish the slides early"',
    "Aroha typed that she says the hub should open on weekends.",
    "There are three things we need from the regulators, quickly.",
    "What we ask is simple: keep the helpline open.",
    "The farmers asked us in Kisumu for a radio programme.",
    "In Nairobi the women's network asked for a second training.",
    "This is what people call data sovereignty in practice.",
    "We discussed the so-called digital divide at length.",
    "Thank you very much, Chair, and good morning to everyone.",
    "The connection in the valley is still slow after six in the evening.",
    "Our school reopened in March with twelve laptops.",
    "Can you hear me now?",
    "Mobile money changed how the market traders keep their books.",
    "",
]


@pytest.mark.parametrize("name", sorted(CUES))
def test_the_filtered_cue_is_the_module_pattern_and_answers_as_it_does(name: str) -> None:
    cue, pattern = CUES[name]
    assert isinstance(cue, Prefiltered)
    assert cue.pattern is pattern  # the same compiled pattern, not a copy that could drift
    found = 0
    for sentence in SENTENCES:
        mine, theirs = cue.search(sentence), pattern.search(sentence)
        assert (mine.span() if mine else None) == (theirs.span() if theirs else None), sentence
        assert [m.span() for m in cue.finditer(sentence)] == [m.span() for m in pattern.finditer(sentence)]
        found += theirs is not None
    assert found >= 1, f"no sentence of mine matches {name}: the check above would prove nothing"


@pytest.mark.parametrize("name", sorted(CUES))
def test_the_filter_skips_ordinary_sentences(name: str) -> None:
    """The filter says "cannot match" for talk without the cue's words (else it only costs)."""
    cue, _pattern = CUES[name]
    plain = [
        "Thank you very much, Chair, and good morning to everyone.",
        "The connection in the valley is still slow after six in the evening.",
        "Mobile money changed how the market traders keep their books.",
    ]
    assert not any(cue.possible(sentence) for sentence in plain)


def test_a_sentence_with_one_alternatives_words_in_the_wrong_order_is_still_asked() -> None:
    """The filter reads literals, not order: words present but not matching go to the pattern,
    whose answer (no match) is given."""
    cue = asks._RELAYED_CUE
    sentence = "She says the partners writes nothing: fine"
    assert cue.possible(sentence)
    assert (cue.search(sentence) is None) == (asks._RELAYED.search(sentence) is None)


def test_a_case_folded_sentence_is_not_skipped() -> None:
    """Capitals do not hide a cue's words from its filter (the patterns ignore case)."""
    cue = cues._ASKED_AT_CUE
    sentence = "THE FARMERS ASKED US IN Kisumu FOR A RADIO PROGRAMME."
    assert cue.possible(sentence)
    assert cue.search(sentence) is not None

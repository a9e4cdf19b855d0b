"""Per-sentence cues asked through their literal prefilter (issue 19, stop 44 PF).

`analyse.asks`' spoken-ask and relayed-message cues, `analyse.askmodel`'s list intro and the
threads' "asked at <place>" cue (checked against their patterns on caption sentences in
`test_text_fastre_alternatives.py`), and the glossary's term cue, are each searched once per
sentence of a session; most sentences hold none of the words they need. Here: the glossary cue
answers as its pattern, and each filter really skips ordinary talk (else it is only a cost).
"""

from __future__ import annotations

import pytest

from forumlens.analyse import askmodel, asksentence, chairview
from forumlens.tag import glossary
from forumlens.text.fastre import Prefiltered
from forumlens.threads import cues

FILTERED = {
    "spoken ask": asksentence._SPOKEN_ASK_CUE,
    "relayed": chairview._RELAYED_CUE,
    "list intro": askmodel._LIST_INTRO_CUE,
    "asked at": cues._ASKED_AT_CUE,
    "glossary term": glossary._CUE_FILTERED,
}

ORDINARY = [
    "Thank you very much, Chair, and good morning to everyone.",
    "The connection in the valley is still slow after six in the evening.",
    "Mobile money changed how the market traders keep their books.",
    "Our school reopened in March with twelve laptops.",
]


@pytest.mark.parametrize("name", sorted(FILTERED))
def test_the_filter_skips_ordinary_sentences(name: str) -> None:
    cue = FILTERED[name]
    assert isinstance(cue, Prefiltered)
    assert not any(cue.possible(sentence) for sentence in ORDINARY)


def test_the_glossary_cue_answers_as_its_pattern() -> None:
    assert glossary._CUE_FILTERED.pattern is glossary._CUE  # the module's own pattern, not a copy
    sentences = [
        "This is what people call data sovereignty in practice.",
        "We discussed the so-called digital divide at length.",
        "The principle of net neutrality came up twice.",
        "It is known as the last mile, and it is the costly part.",
        *ORDINARY,
        "",
    ]
    found = 0
    for sentence in sentences:
        want = [m.span() for m in glossary._CUE.finditer(sentence)]
        assert [m.span() for m in glossary._CUE_FILTERED.finditer(sentence)] == want, sentence
        found += bool(want)
    assert found >= 3

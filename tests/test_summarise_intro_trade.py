"""A speaker's bare trade is a self-introduction, not a point (`roles.is_introduction`, issue 23):
"I am a consultant, I work mostly with …" headed a topic brief's Funding theme in the stop-44 walk.
The trade must close its clause; a trade that goes on into a claim is left to the other rules."""

from __future__ import annotations

import pytest

from forumlens.summarise.rewrite import problem
from forumlens.summarise.roles import is_introduction


@pytest.mark.parametrize(
    "sentence",
    [
        "I am a consultant, I work mostly with water utilities on how they price a cubic metre.",
        "So I'm a librarian, so I see the readers every morning.",
        "I am a volunteer and I keep the station's log book.",
        "I am a civil servant, I work in the ministry of transport.",
        "I am an electrical engineer.",
        "I work mainly with schools in the valley.",
    ],
)
def test_a_bare_trade_is_an_introduction(sentence: str) -> None:
    assert is_introduction(sentence)
    assert problem(sentence) == "introduction"


@pytest.mark.parametrize(
    "sentence",
    [
        "I am a consultant that the regulator hired to write the spectrum plan.",
        "I am a strong believer, and the evidence agrees, that open data pays for itself.",
        "The engineer, a volunteer from the village, repaired the mast in two days.",
        "We are a network of librarians, and we lend tablets to pupils.",
    ],
)
def test_a_trade_that_goes_on_or_is_not_the_speakers_is_no_introduction(sentence: str) -> None:
    assert not is_introduction(sentence)

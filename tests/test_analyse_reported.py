"""Reported asks: an interpreter in the third person and a remote moderator retelling the chat
report asks that are the reported speaker's own (`analyse.reported`). Sentences and sessions
written for this test, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.reported import direct_speech, reported_request
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    ("unit", "direct"),
    [
        (
            "She says that she asks the bus companies in the region to share the timetables as open data",
            "we ask the bus companies in the region to share the timetables as open data",
        ),
        (
            "And he says that his agency will train the drivers next spring",
            "our agency will train the drivers next spring",
        ),
        ("He asks also the city to put a ramp at every stop", "we ask the city to put a ramp at every stop"),
        (
            "They recommend that the fares must stay low for students",
            "we recommend that the fares must stay low for students",
        ),
        ("And she urges the ministries to publish their budgets", "we urge the ministries to publish their budgets"),
        (
            "He says also that the buses must have a free seat for the elderly",
            "the buses must have a free seat for the elderly",
        ),
    ],
)
def test_a_reported_ask_is_read_in_the_first_person(unit: str, direct: str) -> None:
    assert direct_speech(unit) == direct


@pytest.mark.parametrize(
    "unit",
    [
        "He asks whether the fares will go up next year",  # a question on someone's behalf
        "She asks if the data is public",
        "The minister says that the buses should be free",  # the reporting clause is not the unit's opening subject
        "We recommend that the fares stay low",  # already said in the first person
        "She says thank you",  # nothing reported after the clause
    ],
)
def test_no_reported_ask_no_rewrite(unit: str) -> None:
    assert direct_speech(unit) is None


def test_a_reported_request_is_a_relay_but_a_reported_question_is_not() -> None:
    assert reported_request("And they ask the IGF to hold a session on bus data next year.")
    assert not reported_request("And he asks whether the operators were invited.")
    assert not reported_request("They discussed it in the chat for a long time.")


def _asks(text: str) -> list[str]:
    return [a["quote"] for a in find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]]


_INTERPRETED = """>> MODERATOR:  Welcome to this open forum on public transport data. Our first speaker speaks Portuguese, with interpretation.
>> MARTA SOUSA-LINDQVIST:  (Speaking Portuguese.)
>> INTERPRETER:  She thanks the organisers.  She says that she asks the bus companies in the region to share the timetables as open data, so that small developers can build the apps.  She asks also the city to put a ramp at every stop, this is from the association of the blind.
>> MODERATOR:  Thank you.  Now the remote participants.  Petra, please.
>> REMOTE MODERATOR:  Yes, we had eleven people online, and they discussed the fares in the chat, I try to summarise.  They recommend that the fares for students must stay the same after the new ticket system.  And he asks whether the old paper tickets will still be accepted.
>> MODERATOR:  Thank you all, we close here.
"""


def test_an_interpreters_reported_ask_is_on_record_as_said() -> None:
    asks = _asks(_INTERPRETED)
    assert any(q.startswith("She says that she asks the bus companies") for q in asks)
    assert any(q.startswith("She asks also the city to put a ramp") for q in asks)


def test_a_remote_moderator_retelling_the_chats_recommendation_relays_it() -> None:
    asks = _asks(_INTERPRETED)
    assert any(q.startswith("They recommend that the fares for students") for q in asks)
    # a reported question stays a question, and the moderator's own summary line is no ask
    assert not any("paper tickets" in q or "try to summarise" in q for q in asks)


def test_without_the_report_the_same_thanks_is_no_ask() -> None:
    assert not any("thanks the organisers" in q for q in _asks(_INTERPRETED))

"""Question fates the development set of round 17 (asks_blind16) lost: what follows a question
and is not an answer. A host who stops for time is not answering, whoever the cast says hosts;
a refusal or a deflection to another body ("I cannot share it", "he cannot answer for the
Ministry of Finance", also rendered in the third person by an interpreter) is not an answer,
but one that goes on with "but …" is; "answer … in writing" and "maybe in the corridor" send
the question out of the session. Sessions written for this test, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.cues import CUT_OFF, DECLINE, PARKING
from forumlens.analyse.questioncues import NOT_KNOWN
from forumlens.transcript.parse import parse_transcript

from .questions_support import rule_questions


def _fates(text: str) -> dict[str, str]:
    """Status of each question, keyed by its first words."""
    questions = find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]
    return {" ".join(q["text"].split()[:4]): q["status"] for q in questions}


@pytest.mark.parametrize(
    "said",
    [
        "I'm so sorry, we are really out of time, the next speaker is already waiting.",
        "Sorry, we ran over, and the organisers of the next workshop are standing behind you.",
        "The next talk is already waiting, please find her at the booth.",
    ],
)
def test_a_host_stopping_for_time_cuts_the_exchange(said: str) -> None:
    assert CUT_OFF.search(said)


@pytest.mark.parametrize(
    "said",
    [
        "We are out of time, but let me answer quickly: yes, we tried it.",
        "The next step is to publish the data.",
    ],
)
def test_answering_in_spite_of_time_or_a_next_step_is_no_cut(said: str) -> None:
    from forumlens.analyse.questionfates import cut_off

    assert not cut_off(said)


@pytest.mark.parametrize(
    "said",
    [
        "the cost is commercial information, I cannot share it, sorry.",
        "He says that this is not decided yet, and he cannot answer for the Ministry of Finance.",
        "She says that the tariff is set by the ministry, and she cannot speak for the ministry.",
    ],
)
def test_a_refusal_or_deflection_declines(said: str) -> None:
    assert DECLINE.search(said)


@pytest.mark.parametrize(
    "said",
    [
        "I cannot share the contract, but the price is twelve dollars per month per clinic.",
        "I cannot speak for the ministry, but our own position is that the tariff stays.",
        "I cannot say for certain, but I think about two thirds of the schools are connected.",
    ],
)
def test_a_refusal_that_goes_on_with_but_is_no_decline(said: str) -> None:
    assert not DECLINE.search(said)


def test_an_interpreted_answer_not_at_hand_is_not_known() -> None:
    said = "She says that she does not have this number with her, she will ask her colleague in the office."
    assert NOT_KNOWN.search(said)
    assert not NOT_KNOWN.search("She says that she has the number: seven percent switched it off.")


@pytest.mark.parametrize(
    ("said", "parks"),
    [
        ("So the panellists have agreed to answer all the questions from the box in writing.", True),
        ("Lina, maybe in the corridor, after.", True),
        ("The people in the corridor are waiting for the coffee.", False),
        ("We answered the survey in five minutes.", False),
    ],
)
def test_writing_and_the_corridor_send_a_question_out_of_the_session(said: str, parks: bool) -> None:
    assert bool(PARKING.search(said)) is parks


_CUT = """>> MARIT SOLBERG:  Welcome to this lightning talk.  Tomas has fifteen minutes, then questions.

>> TOMAS VARGA:  Our app maps the potholes of the city from the photos of the bus drivers.  We publish the map every week.

>> MARIT SOLBERG:  Questions, please.  Yes, you.

>> PARTICIPANT:  Aino Laakso, from Turku.  Do the bus drivers get paid for the photos?

>> TOMAS VARGA:  No, they are volunteers, but the city gives them a free lunch once a month.

>> PARTICIPANT:  Hello, Rui Pestana, from Porto.  Who repairs the potholes first, the city or the contractor?

>> MARIT SOLBERG:  I'm so sorry, we are really out of time, the next speaker is already waiting.  Tomas will be at the booth all afternoon.

>> TOMAS VARGA:  Come to the booth, Rui!  Thank you!
"""


def test_a_question_cut_by_the_host_stays_open_and_the_one_before_stays_answered() -> None:
    fates = _fates(_CUT)
    assert fates["Do the bus drivers"] == "answered"
    assert fates["Who repairs the potholes"] == "unanswered"


def test_the_cut_holds_when_the_cast_makes_the_host_a_speaker() -> None:
    """The rules alone: the host's turn is not taken for an answer by position."""
    got = {q["line"]: q["status"] for q in rule_questions(_CUT)}
    assert got[11] == "unanswered"


_PARTS = """>> LEILA HADDAD:  Welcome to the open forum on water meters.  We open the floor.

>> PARTICIPANT:  Sana Ben Amor, from Sousse.  For Omar.  How many litres per person per day is the social minimum?  And who pays for it, the utility or the state?

>> OMAR FALL:  We propose twenty litres per person per day, the minimum of the health organisation.  For who pays, this is not decided yet, it is a discussion with the Ministry of Finance, and I cannot answer for the Ministry of Finance.

>> LEILA HADDAD:  Thank you all.
"""

_BUT = """>> LEILA HADDAD:  Welcome to the open forum on water meters.  We open the floor.

>> PARTICIPANT:  Bilal Karim, from Lahore.  Omar, can the meter be hacked?

>> OMAR FALL:  I cannot speak for every brand, but yes, the cheap ones can be opened with a magnet, so we test each model before we buy it.

>> LEILA HADDAD:  Thank you all.
"""


def test_the_addressee_is_judged_on_the_part_of_the_reply_for_each_question() -> None:
    fates = {q["text"].split()[0]: q["status"] for q in rule_questions(_PARTS)}
    assert fates["How"] == "answered"
    assert fates["And"] == "unanswered"


def test_a_deflection_that_goes_on_with_but_answers() -> None:
    assert [q["status"] for q in rule_questions(_BUT)] == ["answered"]

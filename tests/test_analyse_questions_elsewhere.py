"""A question that leaves the session unanswered is not "answered" (issue 22, stop 35): the chair
sends it outside the room ("maybe you can continue outside with Pedro"), stops for time ("we have no
more time for a new subject"), or the person asked is not there ("she has left the room for a
moment", "we will ask him when he comes back"). "Outside the capital" and an answer that only
mentions someone not in the room are no such thing. Sentences and sessions are written for this test."""

from __future__ import annotations

import pytest

from forumlens.analyse.cues import CUT_OFF, PARKING
from forumlens.analyse.questioncues import DEFERS

from .questions_support import rule_questions


@pytest.mark.parametrize(
    "said",
    [
        "It is a big question, we cannot open it now.  Maybe you can continue outside with Pedro.",
        "Perhaps take it to Amira outside, they are waiting for the room.",
    ],
)
def test_a_question_sent_outside_the_room_is_parked(said: str) -> None:
    assert PARKING.search(said)


@pytest.mark.parametrize(
    "said",
    [
        "Most of the schools outside the capital have no fibre yet.",
        "We continue to work outside the big cities.",
    ],
)
def test_outside_a_place_is_no_parking(said: str) -> None:
    assert not PARKING.search(said)


def test_no_more_time_for_a_question_cuts_it_off() -> None:
    assert CUT_OFF.search("A fair point, but we have no more time for a new subject.")


@pytest.mark.parametrize(
    "said",
    [
        "Oh, sorry, Wanjiru has left the room for a moment.",
        "She asked the minister, but he has gone now.",
        "The rapporteur is no longer with us today, sorry.",
        "Tomas, we will ask her when she comes back.",
    ],
)
def test_the_person_asked_not_being_there_defers(said: str) -> None:
    assert DEFERS.search(said)


@pytest.mark.parametrize(
    "said",
    [
        "The operator has left the market, so the prices went up.",
        "The big platforms pay nothing because they are not here in the country.",
        "When the rain comes back, the farmers plant again.",
    ],
)
def test_someone_absent_in_an_answer_is_no_deferral(said: str) -> None:
    assert not DEFERS.search(said)


_LEFT_OPEN = """>> MODERATOR:  Welcome to the session on rural energy.  Questions, please.

>> PARTICIPANT:  Ines Varga, from Pecs.  Halima, who pays the batteries?

>> HALIMA OSEI:  Ines, the project pays them for two years, then the kiosk owner pays from the fees.

>> PARTICIPANT:  Karl Lind, from Umea.  Why does nobody put small wind turbines on the kiosks?

>> MODERATOR:  A good question, but we have no more time for a new subject.  Maybe take it to Halima outside.  Let me close.  We heard three things today about the batteries, the owners and the fees, and we will write them in the report for everyone.
"""


def test_a_last_question_sent_outside_stays_unanswered() -> None:
    got = {q["text"].split()[-1]: q["status"] for q in rule_questions(_LEFT_OPEN)}
    assert got == {"batteries?": "answered", "kiosks?": "unanswered"}

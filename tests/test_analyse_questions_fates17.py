"""Question fates the development set of round 18 (asks_blind17) lost. A promise to send or
fetch the answer later ("I can send it to you by email", "I'll ask the legal service and come
back to you") defers, it does not answer; the chair's closing read-back of their notes repeats
a question's words (and the asker's city) without taking it up; a reply that answers first and
only then says it has no better answer still answers. Sessions written for this test, not taken
from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.questioncues import DEFERS, READ_BACK, without_read_back
from forumlens.transcript.parse import parse_transcript


def _fates(text: str) -> dict[str, str]:
    """Status of each question, keyed by its first words."""
    questions = find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]
    return {" ".join(q["text"].split()[:4]): q["status"] for q in questions}


@pytest.mark.parametrize(
    "said",
    [
        "I don't have the exact number here, I can send it to you by email.",
        "I'll send the figures to you after the session.",
        "I'll ask the legal service and come back to you.",
        "We will ask our lawyers first and get back to you.",
    ],
)
def test_a_promise_to_send_or_fetch_the_answer_later_defers(said: str) -> None:
    assert DEFERS.search(said)


@pytest.mark.parametrize(
    "said",
    [
        "We send the data to the regulator every month, by law.",
        "I sent it by email to all of them last year, and nobody replied.",
        "We ask the schools and they tell us what they need.",
    ],
)
def test_sending_as_the_answer_itself_is_no_deferral(said: str) -> None:
    assert not DEFERS.search(said)


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("We are out of time.  Let me read what I noted.  We ask the ITU about schools.", "We are out of time.  "),
        ("I noted three things for the report:  train the staff, publish the list.", ""),
        ("I read the report last week and it says the schools are counted.", None),
    ],
)
def test_a_read_back_of_the_chairs_notes_is_cut_off(said: str, kept: str | None) -> None:
    assert bool(READ_BACK.search(said)) is (kept is not None)
    assert without_read_back(said) == (said if kept is None else kept)


_READ_BACK = """>> DILEK ARSLAN:  Welcome to the coalition meeting on school caches.  The floor is open.

>> PARTICIPANT:  My name is Aigerim Sadykova, from Almaty.  Why does the agency count a school with a cache as a connected school?

>> DILEK ARSLAN:  Nobody from the agency is here, so we should write to them.  Next, please.

>> PARTICIPANT:  Tom Reed, from Darwin.  And to Hamid:  how much does the solar kit cost per school per year?

>> HAMID NOORI:  I don't have the exact number here, I can send it to you by email.

>> PARTICIPANT:  Lena Wirth, from Graz.  We should design the content offline first.

>> DILEK ARSLAN:  Thank you.  We have to free the room.  Let me read what I noted.  We write to the agency with the question from Almaty on the connected school with a cache, and Hamid sends the cost of the solar kit per school per year.  Thank you all.
"""


def test_a_deferral_and_the_closing_read_back_leave_the_questions_open() -> None:
    fates = _fates(_READ_BACK)
    assert fates["Why does the agency"] == "unanswered"
    assert fates["And to Hamid: how"] == "unanswered"


_ANSWERS_THEN_HEDGES = """>> RHODRI EVANS:  Welcome to the town hall on gaming.  Questions to the panel.

>> PARTICIPANT:  Mia Holt, from Bergen.  Kwame, can your platform hide the gender of a player?

>> KWAME MENSAH:  We do not collect the gender, so we never show it.  The voice is the problem, not the profile.  Voice changers, maybe, but I don't have a good answer for that.

>> RHODRI EVANS:  Thank you, Kwame.  Next question.
"""


def test_a_reply_that_answers_before_its_hedge_answers() -> None:
    assert list(_fates(_ANSWERS_THEN_HEDGES).values()) == ["answered"]


_HANDED_BACK = """>> MODERATOR:  Welcome, Honourable Ministers.  We open the floor.

>> PARTICIPANT:  My name is Sara Tesfaye, a lawyer in Addis.  My question is for the Honourable Minister.  What happens to the people who refuse the new ID card?

>> MODERATOR:  Very important question.  We will come back on this one.  Let us take the gentleman too.

>> PARTICIPANT:  Abel Girma, from a start-up.  I think the sandbox is only for the big banks, and that is a problem.

>> MODERATOR:  A good provocation.  We will come back on it, Deputy Minister, please keep it in mind.  Honourable Minister, the question from Sara, please.

>> HON. AMA OWUSU:  Yes, the question of the lawyer.  The law says the card is voluntary, and the old documents stay valid for five years.

>> MODERATOR:  Thank you all.
"""


def test_a_question_handed_back_by_its_askers_name_after_another_is_parked_is_answered_later() -> None:
    """The sentence before the hand-back parks another point; it does not set this one aside."""
    assert _fates(_HANDED_BACK)["What happens to the"] == "answered-later"

"""Question fates the development sets of round 13 (asks_blind9 … asks_blind12) lost: a question
to a body that is not on the call or not represented, handed on by name ("we will transmit your
question to the chair of …"), written into a document still to come, taken offline or sent to the
next meeting. Sentences written for this test, not taken from any set; each cue also has a
reply that answers and must not read as set aside."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.questioncues import DEFERS, NOT_KNOWN
from forumlens.analyse.questionfeatures import DEFER
from forumlens.transcript.parse import parse_transcript


def _fates(text: str) -> list[tuple[int, str]]:
    return [(q["line"], q["status"]) for q in find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]]


@pytest.mark.parametrize(
    "reply",
    [
        "The agency for roads is not on this call today.",
        "I am afraid the standards board is not represented here.",
        "Our friends from the treasury are not in the room this afternoon.",
        "No, nobody registered from them this year.",
        "I do not see the regional bank on the panel, Mehmet.",
    ],
)
def test_an_absent_body_is_not_an_answer(reply: str) -> None:
    assert NOT_KNOWN.search(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Then we will forward your question to the head of the task force, with the minutes.",
        "What I can do is write your question into our contribution paper.",
        "We will ask them and include the answer in the final report.",
        "The figures will be in the Chair's summary, I promise.",
        "Perhaps we can take this offline, it needs more time.",
        "Let us come back to it at the next planning call, with a note from the team.",
        "It sounds like a topic for next year's work, honestly.",
    ],
)
def test_a_question_sent_on_or_to_later_is_set_aside(reply: str) -> None:
    assert DEFERS.search(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I will ask the ministry and report back by email to everybody.",
        "Let me look in my notes, I would not like to say a wrong figure.",
        "Sure, come back to me after the others.",
    ],
)
def test_a_speaker_deferring_their_own_answer_is_read(reply: str) -> None:
    assert DEFER.search(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Yes, we will include it in the report of the meeting and circulate it on the list.",
        "The regulator is not only here to license, it also has to protect the users.",
        "We will send the slides to all of you after the session.",
        "We discussed it at the last meeting and the answer is yes, the fund opens in March.",
    ],
)
def test_answers_that_mention_reports_or_meetings_are_not_set_aside(reply: str) -> None:
    assert not DEFERS.search(reply)
    assert not NOT_KNOWN.search(reply)


_ABSENT_ON_CALL = """>> CHAIR:  Welcome to this coordination call of the schools coalition.  We have fifteen minutes for questions.

>> PARTICIPANT:  Thank you.  Leila Haddad-Moen, from a parents' association in Sfax.  A question for the education ministry:  will the ministry pay the connection of the rural schools after the pilot ends?

>> CHAIR:  Thank you, Leila.  The ministry is not on this call, and I do not want to guess.  We will transmit your question to the director of the digital schools unit and send the reply to the coalition list.

>> PARTICIPANT:  Good morning.  Piotr Zielinski-Asare, a teacher in Tamale.  Our school has a link now, and it works well in the morning.
"""


def test_a_question_to_a_body_not_on_the_call_stays_open() -> None:
    assert [status for line, status in _fates(_ABSENT_ON_CALL) if line == 3] == ["unanswered"]

"""Question fates the ninth blind set of issue 22 lost (development data since round 10): a
question to a body nobody in the room speaks for, which the chair promises to pass on; a
question the chair keeps for the mailing list or leaves "with us" because the time is over.
Each is a reply that is not an answer, whatever turn comes next. Sentences written for this
test, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.cues import CUT_OFF, PARKING
from forumlens.analyse.questioncues import DEFERS, NOT_KNOWN
from forumlens.transcript.parse import parse_transcript


def _fates(text: str) -> list[tuple[int, str]]:
    return [(q["line"], q["status"]) for q in find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]]


_ABSENT = """>> CHAIR:  Good morning and welcome to this roundtable on rural spectrum. Lusine, please.

>> LUSINE HAKOBYAN-DAHL:  Thank you, Chair.  Our villages wait for the licence of the community network since two years.  A question to the spectrum authority, if someone is here: when will the licence for the community networks be decided?

>> CHAIR:  I do not see anybody from the authority here this morning, Lusine.  I will pass your question to the authority staff at their stand today and share the reply with the list of the session.

>> TEODOR VASILESCU-AMARI:  Thank you.  In our region the schools have fibre, but the villages around them have nothing, because the operators say the last kilometre is too expensive for them.
"""


def test_a_question_passed_on_to_an_absent_body_is_not_answered() -> None:
    fates = _fates(_ABSENT)
    assert [status for line, status in fates if line == 3] == ["unanswered"]


_KEPT = """>> MODERATOR:  Welcome, everybody, to this call of the coalitions. Rosa, please.

>> ROSA IBARRA-LUND:  Thank you.  Our chapter is ready and we will send it on Friday.  And one question for the moderator: is there money for a translator for the paper, or do we translate it ourselves?

>> MODERATOR:  Rosa, a good question, but we are at the hour, so let's keep it for the mailing list.  Thank you all for joining, and see you on the next call.
"""


def test_a_question_kept_for_the_mailing_list_is_not_answered() -> None:
    fates = _fates(_KEPT)
    assert [status for line, status in fates if line == 3] == ["unanswered"]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (PARKING, "I am afraid this big question must stay with us"),
        (PARKING, "so let's keep it for the mailing list"),
        (CUT_OFF, "our time is over, so let me close"),
        (CUT_OFF, "we are at the top of the hour"),
        (DEFERS, "I do not see anybody from the regulator here"),
        (DEFERS, "I will send your question to the ministry staff"),
        (DEFERS, "we will write your question into our meeting report"),
        (NOT_KNOWN, "honestly, I cannot say today when the tender closes"),
    ],
)
def test_replies_that_set_a_question_aside_are_recognised(pattern, text: str) -> None:  # type: ignore[no-untyped-def]
    assert pattern.search(text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (DEFERS, "I will pass the question to Ana, who knows the numbers"),
        (PARKING, "please keep it short"),
        (CUT_OFF, "the time is right for this reform"),
        (NOT_KNOWN, "I cannot say it better than the minister did"),
    ],
)
def test_replies_that_hand_a_question_on_or_answer_are_not_set_asides(pattern, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not pattern.search(text)

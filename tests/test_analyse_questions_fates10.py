"""Question fates the tenth blind set of issue 22 lost (development data since round 11): a
question put to a body that is not in the room ("Is anybody from the fund here?  No."), a reply
that answers the first part of a two-part question and declines the second, a reply that says
whose question it takes up by the asker's name, a moderator's question that offers to be kept
for later in its heading, an announcement of a question read out for someone. Sentences
written for this test, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.cues import CUT_OFF, PARKING
from forumlens.analyse.questioncues import DEFERS, NOT_KNOWN, ordinal_part
from forumlens.analyse.questionfeatures import addressed_part
from forumlens.analyse.questions import is_announcement, is_housekeeping, is_question_sentence
from forumlens.transcript.parse import parse_transcript


def _fates(text: str) -> list[tuple[int, str]]:
    return [(q["line"], q["status"]) for q in find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]]


_ABSENT_BODY = """>> MODERATOR:  Welcome to this workshop on village libraries.  The floor is open for questions.

>> AUDIENCE:  Thank you.  Henrik Olsen-Mbeki, from a library network in Tromso.  My question is to the Nordic book fund, if they are here:  will the fund pay also for the e-books of the small libraries next year?

>> MODERATOR:  Is anybody from the Nordic book fund here?  No.  Then this one stays open, and we will put it in the report of the workshop.  The lady in the second row, please.

>> AUDIENCE:  Good afternoon.  Wanjiru Kamau-Lind, I run a reading club in Nakuru.  In our club the children read on two old tablets, and the battery does not last one hour.
"""


def test_a_question_to_a_body_nobody_speaks_for_is_not_answered() -> None:
    assert [status for line, status in _fates(_ABSENT_BODY) if line == 3] == ["unanswered"]


_TWO_PARTS = """>> MODERATOR:  Welcome to this session on school connectivity.  Questions, please.

>> AUDIENCE:  Thank you.  Tomasz Wielki-Abara, a teacher from Lodz.  To Ms. Ferreira:  the satellite link you install in the schools, who pays for it after the first year?  And second, will the ministry keep the filters on it?

>> MARIANA FERREIRA:  The first part is simple.  The municipality pays after the first year, from its education budget, and we signed it in the contract with each of the twelve towns before the work began.  For the second part, I am sorry, I am not the right person, this is for the ministry.

>> MODERATOR:  Thank you.  Next question, the gentleman at the back.

>> AUDIENCE:  Thank you.  Ahmed Rahimi-Stol, from Herat.  Do the schools also open the link for the parents in the evening?
"""


def test_a_reply_answering_the_first_part_answers_only_that_part() -> None:
    statuses = [status for line, status in _fates(_TWO_PARTS) if line == 3]
    assert statuses[0] == "answered"
    assert statuses[1:] and statuses[1] != "answered"


def test_ordinal_part_reads_the_part_of_the_question() -> None:
    reply = "The first part is simple, the town pays.  For the second part, I am not the right person."
    assert ordinal_part(reply, 0) == "The first part is simple, the town pays.  "
    assert ordinal_part(reply, 1) == "For the second part, I am not the right person."
    assert ordinal_part("Can I take the first part?  Yes, the town pays.", 1) is None
    assert ordinal_part("The town pays, every year.", 1) == "The town pays, every year."


def test_addressed_part_reads_the_part_naming_the_asker() -> None:
    reply = "Layla, yes, the deadline stays.  Wairimu, are you there?  I think Wairimu has left the call."
    mine, others = frozenset({"Layla"}), frozenset({"Wairimu"})
    assert addressed_part(reply, mine, others) == "Layla, yes, the deadline stays.  "
    assert addressed_part("For Wairimu, no.  It is closed.", mine, others) is None
    assert addressed_part("It is closed.", mine, others) == "It is closed."


def test_a_moderator_question_offering_to_be_kept_for_later_is_a_question() -> None:
    text = (
        "Amal, one from me, and you can keep it for your closing words:  in Jordan, did the schools keep the labs open?"
    )
    assert is_question_sentence(text, moderator=True)
    assert not is_question_sentence("Amal, maybe you can keep this one for the end?", moderator=True)


def test_a_question_about_something_online_is_not_a_presence_check() -> None:
    assert not is_housekeeping("To Rania:  is your study online, and can we reuse the survey in Oman?")
    assert is_housekeeping("Is Rania online?")


def test_an_announcement_of_a_question_read_out_for_someone() -> None:
    assert is_announcement("I have one question from a participant who had to go, he left me this card.")
    assert not is_announcement("We have a question from the floor.")
    assert not is_announcement("I have a question from Kenji how do we pay for it.")


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (NOT_KNOWN, "Honestly I do not remember the exact figure, it is in the annual report", True),
        (NOT_KNOWN, "Good question, I did not think about it yet", True),
        (NOT_KNOWN, "I think Pedro has left the call, his connection was bad", True),
        (NOT_KNOWN, "I see nobody from the operators on the list of speakers", True),
        (NOT_KNOWN, "Is anybody from the regional bank here?  No.", True),
        (DEFERS, "so the question is noted, and the secretariat will send it to them", True),
        (DEFERS, "can we take it in the minutes as an open question?", True),
        (DEFERS, "let's collect answers in the chat", True),
        (DEFERS, "Pedro, we will ask her by email", True),
        (DEFERS, "please catch Sunita in the corridor", True),
        (DEFERS, "we will keep it for the work of the coalition", True),
        (DEFERS, "Let's keep it and take the online questions first", True),
        (DEFERS, "please keep it short", False),
        (CUT_OFF, "I am afraid our time is finished", True),
        (CUT_OFF, "in one minute this room belongs to the next session", True),
        (CUT_OFF, "the people of the next workshop are already outside", True),
        (PARKING, "the code works offline, without the network", False),
        (PARKING, "let us discuss this offline", True),
    ],
)
def test_cues_of_a_question_set_aside(pattern, text: str, found: bool) -> None:  # type: ignore[no-untyped-def]
    assert bool(pattern.search(text)) is found

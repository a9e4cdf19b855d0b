"""A question read out as "NAME writes from PLACE, I read it: …" is the writer's, not the
reader's own (stop 31): taken for the online moderator's own question, it closed the round of
floor questions before it, so the panel's grouped reply answered none of them."""

from __future__ import annotations

from forumlens.analyse import find_intel
from forumlens.transcript.parse import parse_transcript

ROUND = """Workshop 12: Rural Libraries Online

>> CHAIR:  Welcome.  I am the chair of this workshop.  Kofi, you have the floor.

>> KOFI MENSAH:  Thank you.  Our libraries in the north share one satellite link and we train the librarians to run it.

>> CHAIR:  Thank you, Kofi.  Now the round of questions.  I take two from the room and one online.  Yes, in the front.

>> PARTICIPANT:  Thank you, Hanna Berg, from Uppsala.  For Kofi, who pays for the satellite link after the pilot ends?

>> ONLINE MODERATOR:  And online, Mirela writes from Tirana, I read it: how do the librarians keep the link running when the power fails?

>> CHAIR:  Okay, two questions.  Kofi, please answer both.

>> KOFI MENSAH:  On the link, the district pays it after the pilot, this is in the agreement we signed.  And on the power, every library has a solar panel and a battery for the router.
"""


def test_a_question_written_from_somewhere_and_read_out_is_the_writers() -> None:
    session = parse_transcript(ROUND, source="writes-from.txt")
    questions = find_intel(session).to_json()["questions"]
    read_out = next(q for q in questions if "power fails" in q["text"])
    assert read_out["by"].startswith("Mirela")


def test_the_grouped_reply_answers_the_floor_question_before_the_read_out_one() -> None:
    session = parse_transcript(ROUND, source="writes-from.txt")
    questions = find_intel(session).to_json()["questions"]
    floor = next(q for q in questions if "satellite link after the pilot" in q["text"])
    assert floor["status"] == "answered"

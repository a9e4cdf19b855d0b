"""Question fates the development set of round 15 (asks_blind14) lost: the body the question is
for named as absent from the panel, the asker sent to ask it elsewhere, and a reply that says it has
no good answer. Sentences written for this test, not taken from any set; each cue also has a
reply that answers or hands the question to someone present, and must not read as set aside."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.questioncues import DEFERS, NOT_KNOWN
from forumlens.transcript.parse import parse_transcript


def _fates(text: str) -> list[tuple[int, str]]:
    return [(q["line"], q["status"]) for q in find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]]


@pytest.mark.parametrize(
    "reply",
    [
        "That one is really for the shipping lines, and we have no shipping company on this panel.",
        "I see no ministry official in the room today, I am afraid.",
        "You should ask them directly, they have a stand in the hall.",
        "You can ask the water board yourself, their office is open on Mondays.",
    ],
)
def test_the_body_asked_is_absent_or_the_asker_is_sent_to_it(reply: str) -> None:
    assert NOT_KNOWN.search(reply)


def test_no_good_answer_is_not_an_answer() -> None:
    assert DEFERS.search("Honestly, I don't have a clear answer today, the plan is not public yet.")


@pytest.mark.parametrize(
    "reply",
    [
        "We have no regulator on the panel, but Bruno advised one for years.",
        "We have no fees on this platform, it is free for every school.",
        "You should ask for the receipt every time, that is the rule.",
        "I don't have a good feeling about this rule, it charges the poorest most.",
    ],
)
def test_a_hand_over_or_a_real_answer_is_not_set_aside(reply: str) -> None:
    assert not NOT_KNOWN.search(reply) and not DEFERS.search(reply)


_FLOOR = """>> CHAIR:  Welcome to our workshop on ferry tickets for island students. Let me open the floor for questions.
>> PARTICIPANT:  Thank you. My question is to Mr. Halvorsen. Why do the ferry companies still charge the students the full price in winter?
>> {replier}:  {reply}
>> CHAIR:  Thank you. Next question, please, the lady in the back.
>> PARTICIPANT:  Is the discount card valid on the night boats too?
>> ERIK HALVORSEN:  Yes, it is valid on every boat, day and night, since last March.
"""


def test_a_question_pointed_elsewhere_stays_unanswered() -> None:
    text = _FLOOR.format(
        replier="ERIK HALVORSEN",
        reply="Honestly, this is a question for the ferry companies, and we have no ferry company on this panel. "
        "You should ask them directly at their stand.",
    )
    fates = dict(_fates(text))
    assert fates[2] == "unanswered"
    assert fates[5] == "answered"


def test_the_same_turn_with_an_answer_answers_it() -> None:
    text = _FLOOR.format(
        replier="ERIK HALVORSEN",
        reply="Because the winter subsidy from the county ends in October, so the companies charge the full price "
        "until the new budget is voted in January.",
    )
    assert dict(_fates(text))[2] == "answered"


@pytest.mark.parametrize("heading", ["Only a question.", "Just one question.", "Only a short question."])
def test_a_modest_heading_announces_the_question_that_follows(heading: str) -> None:
    text = f""">> CHAIR:  Paragraph six is about the training handbook in the local languages. Any comment?
>> MARTA KELLERMANN-OYELARAN:  {heading}  Who will print the handbook for the village schools?  We have no printer.
>> CHAIR:  Honestly, we did not decide yet. Paragraph six adopted.
"""
    fates = dict(_fates(text))
    assert 2 in fates and fates[2] != "answered"

"""Housekeeping cues (`analyse.cues.PROCEDURAL`): asking someone to say something again is floor
management, repeating a piece of work is not. Sentences written for this test."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.cues import is_procedural
from forumlens.transcript.parse import parse_transcript

# sentence -> whether it is housekeeping
_REPEATS = {
    "Sorry, can you repeat the question?": True,
    "The interpreter asks the speaker to repeat the last sentence.": True,
    "Could you repeat the email address for the list?": True,
    "Can you repeat that, please?": True,
    "We will share the form with anybody who wants to repeat the study in their town.": False,
    "Write it down, so that we do not repeat the same mistakes next year.": False,
}


@pytest.mark.parametrize("sentence", list(_REPEATS))
def test_repeating_what_was_said_is_housekeeping_repeating_the_work_is_not(sentence: str) -> None:
    assert is_procedural(sentence) is _REPEATS[sentence]


def test_an_offer_to_help_repeat_a_study_is_on_record() -> None:
    text = """>> MODERATOR:  Welcome to this workshop on village water. Amina, please.
>> AMINA OKAFOR-LUNDGREN:  Thank you. We asked three hundred families about their bills for a year. Our team will share the survey questionnaire with anybody who wants to repeat the study in their district.
>> MODERATOR:  Thank you, we close here.
"""
    quotes = [a["quote"] for a in find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]]
    assert any(q.startswith("Our team will share the survey questionnaire") for q in quotes)

"""Floor talk (issue 23): a sentence that only manages the floor — asks for it, gives it, checks
the room can hear — is no point and no exchange, told by what its words are about, not by a list
of phrases."""

from __future__ import annotations

import pytest

from forumlens.summarise.floor import FLOOR_CORE, FLOOR_WORDS, is_floor_talk
from forumlens.summarise.rewrite import problem


@pytest.mark.parametrize(
    "text",
    [
        "May I, one sentence?",
        "Ms. Okafor, do you hear the question?",
        "Lena, hi, have you got a second?",
        "Can everybody see?",
        "I will take one more and then the Ministry responds.",
        "Mr. Dube, I will let you have the last word on that one.",
        "Ravi, the question is for you?",
        "May I, from the back?",
    ],
)
def test_asking_for_giving_or_checking_the_floor_is_floor_talk(text: str) -> None:
    assert is_floor_talk(text)


@pytest.mark.parametrize(
    "text",
    [
        "Can I ask, the spectrum fees, are they public?",  # a preface, then the subject
        "What is guaranteed?",
        "When will the forum be in Africa again?",  # a place is what it is about, not a name addressed
        "What's one thing we can do tomorrow?",  # counters and adverbs alone do not make it floor talk
        "What do we do?",  # nothing about the floor in it either
        "Lena, is your score also red sometimes?",
        "We need more time for the review of the licence.",
        "I take this one back to our Ministry of Agriculture.",  # where it goes is a body, not a name addressed
    ],
)
def test_a_sentence_with_one_word_about_the_subject_is_not(text: str) -> None:
    assert not is_floor_talk(text)


def test_floor_talk_is_no_point() -> None:
    assert problem("I will take one more and then the Ministry responds.") == "procedure"
    assert problem("The ministry will publish the spectrum fees next month.") is None


def test_the_core_words_are_floor_words() -> None:
    assert FLOOR_CORE < FLOOR_WORDS

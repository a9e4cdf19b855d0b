"""Does the reply take the question up? (issue 22, stop 37). Words a reply says before it defers
answer first only if they name something the question asked (`questionfates.takes_up`); a chair
who carries the question elsewhere by a pronoun ("let me take it with me to the plenary", "it
belongs there") without a word of its matter gives no answer of their own (`carries_away`),
wherever the question is sent. Sentences and sessions are written for this test."""

from __future__ import annotations

import pytest

from forumlens.analyse.cues import content_words
from forumlens.analyse.questioncues import CARRIED
from forumlens.analyse.questionfates import answers_then_promises, carries_away, takes_up

from .questions_support import rule_questions

_FERRY = content_words("How many ferries still run to the outer islands in the cyclone season?")


def test_words_that_name_the_matter_take_the_question_up() -> None:
    assert takes_up("Two ferries, and only in good weather.", _FERRY)
    # the crude stem of "translated" and "translation" meet on their first letters
    assert takes_up("On the translation, we have a small budget.", content_words("Will it be translated?"))


def test_words_only_about_the_question_do_not() -> None:
    assert not takes_up("I would rather give you the right number than a guess.", _FERRY)


def test_without_the_question_nothing_is_asked_of_the_reply() -> None:
    assert takes_up("Anything at all.", None)
    assert takes_up("Anything at all.", set())


def test_an_answer_first_names_the_matter_before_it_promises_more() -> None:
    answered = ["Two ferries run, the third is in the dock until March.", "We will come back to you on that."]
    framed = ["I would rather give you the right number than guess it here.", "We will come back to you on that."]
    assert answers_then_promises(answered, _FERRY)
    assert answers_then_promises(framed)  # without the question, only the words are counted
    assert not answers_then_promises(framed, _FERRY)


@pytest.mark.parametrize(
    "said",
    [
        "That is a big one.  Let me take it with me to the closing plenary this afternoon.",
        "Please take it with Margit at the coffee.",
        "That one, Jonas, I must take to the minister.",
        "There is a workshop on this tomorrow, I think it belongs there.",
        "We will pass this one to the regulators.",
    ],
)
def test_a_question_carried_elsewhere_by_a_pronoun(said: str) -> None:
    assert CARRIED.search(said)
    assert carries_away(said, _FERRY)


@pytest.mark.parametrize(
    "said",
    [
        # it names the matter: an answer, whatever it carries afterwards
        "Two ferries in the season, and we will take it to the board to add a third.",
        # nothing is carried: content only
        "The boats stop when the wind is over forty knots.",
        # the thing carried is new content, not the question
        "We give the captains a radio for each trip.",
    ],
)
def test_an_answer_or_plain_content_is_not_carried_away(said: str) -> None:
    assert not carries_away(said, _FERRY)


def test_no_question_words_no_referral() -> None:
    assert not carries_away("Please take it with Margit at the coffee.", None)


_CARRIED = """>> MODERATOR:  Welcome to the circle on disaster radio.  Questions from the floor, please.

>> PARTICIPANT:  Tomasi Lauina, from Vava'u.  How many ferries still run to the outer islands in the cyclone season?

>> MODERATOR:  Thank you, Tomasi, that is a big one, and I am looking at the clock.  Let me take it with me to the closing plenary this afternoon, because the ministers will sit on that panel.

>> PARTICIPANT:  Ana Rewa, from Suva.  Who pays the batteries of the community radio stations after a cyclone?

>> MODERATOR:  The batteries are paid by the national disaster fund, one set for each station every two years.

>> MODERATOR:  Thank you all.
"""


def test_a_chair_who_carries_the_question_away_leaves_it_open() -> None:
    got = {q["text"].split()[-1]: q["status"] for q in rule_questions(_CARRIED)}
    assert got == {"season?": "unanswered", "cyclone?": "answered"}

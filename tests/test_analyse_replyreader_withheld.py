"""Declines and put-off answers read in the reply turn (issue 22, stop 49): a refusal to make the
matter known (`replyreader.withholds`: a negated modal of ability or permission and a verb of
communication or disclosure, also with the thing withheld fronted), its reason clause, which is no
answer, and an answer put off to later in the session (`replyreader.puts_off`). Invented sentences."""

from __future__ import annotations

import pytest

from forumlens.analyse.cues import content_words
from forumlens.analyse.replyreader import ANSWERS, DECLINES, DEFERS, puts_off, read_reply, withholds

from .questions_support import statuses

TARIFF = "Will the regulator lower the spectrum fee for the rural operators next year?"
WORDS = frozenset(content_words(TARIFF))


@pytest.mark.parametrize(
    "sentence",
    [
        "I am not permitted to comment on that while the consultation is open.",
        "We are not at liberty to disclose the figures of the tender.",
        "I cannot announce the new fee here.",
        "That we cannot discuss, I am afraid.",
        "I'm not allowed to speak about the licence terms in public.",
        "I really cannot go into it today.",
    ],
)
def test_a_refusal_to_make_it_known_withholds(sentence: str) -> None:
    assert withholds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # floor management: a share of a long answer, or the time, is held back
        "I cannot discuss every point today.",
        "I can't go into detail in five minutes, but the fee falls in March.",
        "I will not talk about the appeal, I only have three minutes.",
        # "go into" a place says nothing
        "The inspectors cannot go into the towers without a permit.",
        # a contrast in the same sentence goes on to answer
        "I cannot announce the number, but it will be lower.",
    ],
)
def test_floor_management_and_places_do_not_withhold(sentence: str) -> None:
    assert not withholds(sentence)


def test_a_refusal_and_its_reason_are_a_decline() -> None:
    reply = "I am sorry, this I cannot discuss.  The file is with the tribunal now.  (Laughter)  Maybe later."
    assert read_reply(reply, WORDS) == DECLINES


def test_a_refusal_then_an_answer_about_the_question_answers() -> None:
    reply = "I cannot announce anything here.  But the spectrum fee for rural operators will be halved next year."
    assert read_reply(reply, WORDS) == ANSWERS


def test_courtesy_after_a_refusal_says_nothing() -> None:
    assert read_reply("We are not permitted to comment on that.  I am sorry.", WORDS) == DECLINES


@pytest.mark.parametrize(
    "sentence",
    [
        "Let me answer that one at the very end, I need my notes.",
        "I need to look at the numbers first, they are on my laptop.",
        "I will come back to that.",
        "Let the next speaker go first.",
    ],
)
def test_an_answer_put_off_to_later(sentence: str) -> None:
    assert puts_off(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I will answer now, briefly.",
        "At the end of the day the operators pay.",
        "We come back to this point now: the fee is too high.",
    ],
)
def test_no_put_off(sentence: str) -> None:
    assert not puts_off(sentence)


def test_a_reply_that_answers_another_point_and_puts_the_question_off_defers() -> None:
    reply = "The towers, yes, we will map them with your help.  The fee is a good one, let me answer that at the end."
    assert read_reply(reply, WORDS) == DEFERS


def test_a_reply_that_puts_off_only_a_detail_of_its_answer_answers() -> None:
    reply = "Yes, the fee for rural operators falls next year.  The exact figure I give you at the end."
    assert read_reply(reply, WORDS) == ANSWERS


# Whole sessions: the fate of a question whose reply withholds it or puts it off.
_SESSION = """>> MODERATOR:  Welcome to the workshop on rural connectivity.  Questions from the floor, please.

>> AUDIENCE:  Thank you.  Oskar, from a cooperative in Tartu.  A question to Mirela.  How many villages in your region have a fibre connection today?

>> MIRELA DRAGOMIR-OKONKWO:  Good question, I need to look at the numbers, they are on my laptop.  Let the next speaker go first.

>> MODERATOR:  Fine.  The lady at the back.

>> AUDIENCE:  Thank you.  Ayla, a journalist from Izmir.  A question to Tobias.  Did the ministry stop the auction of the rural spectrum?

>> TOBIAS VANTERPOOL-ASANTE:  I am not allowed to comment on that in public, I am sorry.  The matter is with the competition court.

>> MODERATOR:  I understand.  Mirela, you have the numbers now?

>> MIRELA DRAGOMIR-OKONKWO:  Yes.  Forty-two villages in our region have a fibre connection today, and eleven more are planned.

>> MODERATOR:  Thank you all, we close here.
"""


def _at(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if words in line)


@pytest.mark.parametrize("with_cast", [False, True])
def test_a_question_put_off_and_taken_up_later_is_answered_later(with_cast: bool) -> None:
    found = statuses(_SESSION, with_cast)
    assert found[_at(_SESSION, "How many villages")] == ("answered-later", [_at(_SESSION, "Forty-two villages")])


@pytest.mark.parametrize("with_cast", [False, True])
def test_a_question_withheld_is_unanswered(with_cast: bool) -> None:
    assert statuses(_SESSION, with_cast)[_at(_SESSION, "Did the ministry")][0] == "unanswered"


def test_a_question_put_off_and_never_taken_up_is_unanswered() -> None:
    text = _SESSION.replace("Mirela, you have the numbers now?", "We are out of time.").replace(
        "Yes.  Forty-two villages in our region have a fibre connection today, and eleven more are planned.",
        "Thank you for having me.",
    )
    assert statuses(text, False)[_at(text, "How many villages")][0] == "unanswered"


@pytest.mark.parametrize(
    "reply",
    [
        "Oskar, a fine question, but our slot is finished, the next group is already waiting outside.",
        "I am sorry, the time has run out.  Please write to us.",
    ],
)
def test_a_slot_that_ended_is_no_answer(reply: str) -> None:
    assert read_reply(reply, WORDS) == DEFERS


def test_the_end_of_a_topic_is_no_end_of_the_slot() -> None:
    reply = "The time of cheap spectrum is over: the fee for rural operators rises next year."
    assert read_reply(reply, WORDS) == ANSWERS

"""The reply reader (issue 22, stop 42): a reply turn that follows a question is not an answer when
all it says to it is a deferral to a channel or a later time, a refusal, a hand-on to someone who
then does not answer, or a repair of the line; a reply that answers, even briefly or before a
promise, still answers. Sentences and sessions are written for this test."""

from __future__ import annotations

import pytest

from forumlens.analyse.replyreader import (
    ANSWERS,
    DECLINES,
    DEFERS,
    NONE,
    REDIRECTS,
    read_reply,
    sentence_kind,
)

from .questions_support import statuses


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        # a refusal of a verb of saying, whatever its object and wherever the object stands
        ("That one I cannot answer in a few seconds, it is complicated.", DECLINES),
        ("I know two towns, but the deal is not final, so I will not name them.", DECLINES),
        ("It is the one number we never disclose.", DECLINES),
        # the answer sent to a channel anywhere in the sentence
        ("Jana, Oskar, could you answer the last two in the chat box in writing, please?", DEFERS),
        ("We will reply to everybody on the mailing list next week.", DEFERS),
        # a repair of the line
        ("Sorry, I could not hear the end, can you repeat?", NONE),
        ("Apologies, my connection is very bad today.", NONE),
        # a hand-on by name
        ("And the part on the licences, Birgit?", REDIRECTS),
        ("For the second one, Tomas, you were at the meeting in May?", REDIRECTS),
    ],
)
def test_a_sentence_that_does_not_answer_is_read_for_what_it_does(said: str, kind: str) -> None:
    assert sentence_kind(said) == kind


@pytest.mark.parametrize(
    "said",
    [
        "I can't tell you how happy we were with the result.",  # praise, not a refusal
        "I cannot say it all in one minute, but the short version is that the ministry pays.",
        "Yes, in three of the provinces.",
        "No, you are right about that.",  # "You" is no name handed the question
        "We trained forty teachers last year.",
    ],
)
def test_an_answer_sentence_makes_no_non_answer(said: str) -> None:
    assert sentence_kind(said) is None


def test_a_reply_answers_when_one_sentence_says_something() -> None:
    assert read_reply("Not yet.  We will tell you when it is signed.") == ANSWERS
    assert read_reply("Nine of the fourteen still work.  Sorry, I was not clear before.") == ANSWERS
    # courtesy or a call of the next item alone are no evidence either way
    assert read_reply("Thank you, Marit.  Sorry.") is None
    assert read_reply("Okay.  Jens, the next one, please.") is None


def test_a_reply_that_only_defers_declines_or_repairs_is_read_so() -> None:
    assert read_reply("Ah.  That is the question we never answer.  Sunniva?") == DECLINES
    assert read_reply("Sorry, my line, can you repeat?") == NONE
    closing = (
        "I am afraid the next session is already waiting outside.  Please answer that one on the mailing list.  "
        "So, to close.  Thank you to our speakers and to the captioners."
    )
    assert read_reply(closing, {"budget", "ministry"}) == DEFERS


def test_after_a_stop_for_time_only_words_about_the_question_answer_it() -> None:
    said = "We are out of time, sorry.  The budget comes from the ministry, that much I can say."
    assert read_reply(said, {"budget", "ministry"}) == ANSWERS
    assert read_reply("We are out of time, sorry.  Our speakers were wonderful today.", {"budget"}) == DEFERS


_FLASH = """IGF 2033 - Day 2 - Flash session: the village mesh networks

>> CHAIR KARIN VOSS: Welcome to this flash session. Our presenter is Ilona Varga, and Piet Jansen from the operators' side is with us. Ilona, please.

>> ILONA VARGA: Thank you. In nine villages the mesh network now reaches the school, the clinic and the market, and the villagers maintain the antennas themselves.

>> CHAIR KARIN VOSS: Thank you. Questions from the floor, please, short.

>> AUDIENCE: Thank you. Mirela, a teacher. Which operator gives you the backhaul, and at what price per month?

>> ILONA VARGA: The price I know, but the contract is not signed yet, so I will not name the operator.

>> AUDIENCE: Thank you. Goran, from a youth club. How many of the antenna keepers are women?

>> ILONA VARGA: Six of the eighteen keepers are women, and two of the villages have only women keepers.

>> CHAIR KARIN VOSS: Thank you both. We close here, the next session is already waiting outside.
"""


@pytest.mark.parametrize("with_cast", [True, False])
def test_a_refusal_leaves_the_question_open_and_an_answer_stands(with_cast: bool) -> None:
    found = statuses(_FLASH, with_cast)
    assert found[9][0] == "unanswered"  # "so I will not name the operator"
    assert found[13][0] == "answered" and found[13][1][0] == 15


_ONLINE = """IGF 2034 - Day 1 - Youth track: first jobs online

>> MODERATOR SELMA RYDBERG: Hello everyone. With us are Noor Haddad and Tiago Paiva. Fredrik Lund reads the questions from the Q and A box.

>> FREDRIK LUND: Thank you, Selma. From Amina, for Noor, how did you find the mentors for your programme?

>> NOOR HADDAD: Sorry, my connection, can you repeat?

>> MODERATOR SELMA RYDBERG: I think we lost Noor. Fredrik, the next one, please.

>> FREDRIK LUND: From Lukas, for Tiago, how long does your training take?

>> TIAGO PAIVA: Twelve weeks, three evenings a week, and the last month is a paid internship.
"""


@pytest.mark.parametrize("with_cast", [True, False])
def test_a_reply_that_only_asks_to_hear_again_does_not_answer(with_cast: bool) -> None:
    found = statuses(_ONLINE, with_cast)
    assert found[5][0] == "unanswered"
    assert found[11][0] == "answered" and found[11][1][0] == 13

"""A decline read by its grammar (`replyreader.declines_grammatically`, `declines_first`): a
first-person or "nobody" subject, a negation and a verb of knowing, answering, deciding, saying or
giving whose object is the question, carried by the reply's first sentences, with no answer after
it. Invented sentences; each wrong reading the brief names has its own shape here."""

from __future__ import annotations

import pytest

from forumlens.analyse.cues import content_words
from forumlens.analyse.replyreader import declines_first, declines_grammatically


def _words(question: str) -> frozenset[str]:
    return frozenset(content_words(question))


FUND = "Will the regional fund pay for the travel of youth delegates next year?"
HOW_MANY = "How many schools in the district have a working connection today?"


@pytest.mark.parametrize(
    "reply",
    [
        "That I really don't know, the board of the fund decides it.  Write to me and I will forward it.",
        "I cannot decide this, it is for the board, I am sorry.",
        "Okay.  Honestly, nobody here can answer it now, please leave your card with us.",
        "I cannot answer for the fund today, I have to discuss with my colleagues.",
        "Let me look at that with the board, I cannot say yes here, but I will write back to you.",
        "The second question I cannot answer today.  The board meets in spring.",
    ],
)
def test_a_reply_that_declines_the_question_at_its_opening(reply: str) -> None:
    assert declines_first(reply, _words(FUND), FUND)


def test_a_figure_asked_for_is_declined_by_not_having_the_number() -> None:
    reply = "Hmm.  I do not have a number with me.  Let me check with my team and I will send it after the session."
    assert declines_first(reply, _words(HOW_MANY), HOW_MANY)
    # the same words to a question that asks for no figure decline nothing
    assert not declines_first(reply, _words(FUND), FUND)


@pytest.mark.parametrize(
    "reply",
    [
        # "nobody" is the subject of a clause said, not of a refusal to answer
        "The formula should be public, so nobody can say it was a secret deal.",
        # the answer first, the hedge after it
        "Until June the fund pays the travel.  After June, honestly, I cannot promise anything today.",
        # declines to give a name, not the question, and answers
        "I won't say my name, I work for a ministry.  The fund pays the travel of two delegates a year.",
        # given, then hedged in the same sentence
        "The fund has a small budget for travel, we will ask for it, but I cannot promise.",
    ],
)
def test_no_decline_where_the_negated_verb_does_not_take_the_question(reply: str) -> None:
    assert not declines_first(reply, _words(FUND), FUND)


def test_an_answer_after_the_decline_makes_the_reply_an_answer() -> None:
    reply = "I cannot answer that for every country.  In our region the fund pays the travel of four youth delegates."
    assert not declines_first(reply, _words(FUND), FUND)


def test_a_decline_deep_in_a_long_reply_is_not_its_opening() -> None:
    reply = (
        "The fund was created in the spring.  The board has seven members.  "
        "It meets twice a year.  I cannot answer that today."
    )
    assert not declines_first(reply, _words(FUND), FUND)


def test_the_grammar_on_single_sentences() -> None:
    words = _words(FUND)
    assert declines_grammatically("That I cannot tell you now.", words)
    assert declines_grammatically("I don't know.", words)
    assert not declines_grammatically("I don't know the city, but the fund pays everyone.", words)
    assert not declines_grammatically("We do not have that problem in our region.", words)


SESSION = """>> MODERATOR:  Welcome to the session on rural connectivity.  Questions from the room, please.

>> AUDIENCE:  Thank you.  Ines Okafor from Lagos.  Mr. Brandt, will your company pay for the solar panels of the village hubs next year?

>> TOBIAS BRANDT:  Ah.  That I really don't know, I am not the person who decides on the budget, I am sorry.  Send me an email and I will forward it to the right people.

>> MODERATOR:  Thank you.  We move on to the second part of the session, the regulators.
"""


def test_the_fate_of_a_question_declined_at_the_opening_is_unanswered() -> None:
    from forumlens.analyse.context import build_context
    from forumlens.analyse.questions import find_questions
    from forumlens.transcript.parse import parse_transcript

    questions = find_questions(build_context(parse_transcript(SESSION)))
    panels = next(q for q in questions if "solar panels" in q.text)
    assert panels.status == "unanswered"

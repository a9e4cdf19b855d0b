"""A promise to answer later is not an answer (issue 22, stop 34): one shape, not a wording per
round. A first-person or imperative main clause passes the answer (or the question itself, as a
pronoun) on to another time, channel or person ("we will answer in writing", "please take it to
the speakers after", "please e-mail the Secretariat", "the answer goes on our web page"); a
sentence that only mentions a report, a page or the speakers, or a follow-up after the answer
("I will mail you tonight"), does not. Sentences and sessions are written for this test."""

from __future__ import annotations

import pytest

from forumlens.analyse.questioncues import DEFERS

from .questions_support import rule_questions


@pytest.mark.parametrize(
    "said",
    [
        "We will answer that one in writing, I promise.",
        "Sorry, we are over time, please take it to the speakers after.",
        "Noor, please e-mail the Secretariat, they keep the list.",
        "I'll ask the lawyers, and the answer goes on the youth page with the others.",
        "I will send it to them by e-mail after the session.",
        "We can get back to you on that tomorrow.",
        "LET ME ANSWER YOUR QUESTION OFFLINE",
    ],
)
def test_an_answer_sent_to_another_time_channel_or_person_defers(said: str) -> None:
    assert DEFERS.search(said)


@pytest.mark.parametrize(
    "said",
    [
        "Thirty-two lodges now.  I will mail you tonight with the map.",
        "We will write a short report for the Secretariat on the pilots.",
        "We ask the Secretariat to publish the list of coalitions.",
        "We put the data on our website every month.",
        "I will answer it now: yes, the licence is free.",
        "I will bring the speakers together before the next meeting.",
    ],
)
def test_content_or_a_follow_up_after_it_is_no_deferral(said: str) -> None:
    assert not DEFERS.search(said)


_PROMISED = """>> MODERATOR:  Welcome to the workshop on school connectivity.  Questions, please.

>> PARTICIPANT:  Ines Varga, from Pecs.  Halima, who pays the satellite terminals in the schools?

>> HALIMA OSEI:  Ines, we will answer that in writing after the session, sorry.

>> PARTICIPANT:  Karl Lind, from Umea.  Halima, how many schools are connected today?

>> HALIMA OSEI:  Four hundred and twelve, most of them in the north, all with a filter the teachers chose.

>> MODERATOR:  Thank you all.
"""


def test_a_question_answered_only_by_a_promise_stays_unanswered() -> None:
    got = {q["text"].split()[-1]: q["status"] for q in rule_questions(_PROMISED)}
    assert got == {"schools?": "unanswered", "today?": "answered"}

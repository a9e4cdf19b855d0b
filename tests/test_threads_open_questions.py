"""A question stays open when the reply only defers it: "I cannot say it today" or "Let us take one more and then
answer together" is no answer."""

from __future__ import annotations

import pytest

from .threads_support import items_of

TEMPLATE = """IGF 2031 – Open forum on the review

>> LAYLA HASSAN: Welcome. We have the Secretariat with us. Questions from the floor, please.

>> OUMAR DIALLO: Thank you. Oumar Diallo, Mali. For the Secretariat: who pays the national initiatives after the review of the mandate?

>> {replier}: {reply}

>> LAYLA HASSAN: Thank you all, we close here.
"""


@pytest.mark.parametrize(
    ("replier", "reply"),
    [
        ("MARIAM SESAY", "I understand. I cannot say it today, the decision is not with the Secretariat."),
        ("LAYLA HASSAN", "A good question. Let us take one more and then answer together."),
    ],
)
def test_a_reply_that_defers_the_question_does_not_answer_it(replier, reply):
    found = items_of(TEMPLATE.format(replier=replier, reply=reply), "igf2031-open-forum-review.txt").items
    assert [i.signal for i in found if i.signal == "question"] == ["question"]
    assert not [i for i in found if i.signal == "answer"]


def test_a_reply_that_answers_is_an_answer():
    reply = "The trust fund pays them, and from next year also the host country."
    found = items_of(TEMPLATE.format(replier="MARIAM SESAY", reply=reply), "igf2031-open-forum-review.txt").items
    assert [i.quote for i in found if i.signal == "answer"] == [reply]

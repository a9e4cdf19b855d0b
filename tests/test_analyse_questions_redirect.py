"""A chair sending a question on is no question of its own, and the question sent on is answered
by whoever the chair hands it to (issue 22, a new user's walk)."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.questions import is_question_sentence
from forumlens.resolve import resolve_session
from forumlens.transcript.parse import parse_transcript

FORUM = """Open forum on the IGF mandate

>> CHAIR: Welcome to this open forum. We will hear from the floor first.
>> MARKUS: Thank you, Chair. When will the secretariat publish the timeline for the renewal of the IGF mandate?
>> CHAIR: {handoff}
>> CHENGETAI: Yes, thank you. The timeline will be published in March, after the consultations close.
>> CHAIR: Thank you. We are at time.
"""


@pytest.mark.parametrize(
    "handoff",
    [
        "Markus, that is a question for the secretariat. Chengetai, could you answer?",
        "That's a good question for the secretariat. Chengetai, would you like to respond?",
    ],
)
def test_the_question_sent_on_is_the_askers_and_answered(handoff):
    session = parse_transcript(FORUM.format(handoff=handoff))
    questions = find_intel(session, resolve_session(session)).questions
    assert [(q.line, q.by, q.status, q.answer_lines) for q in questions] == [(4, "Markus", "answered", (6,))]


@pytest.mark.parametrize(
    "sentence, question",
    [
        ("Markus, that is a question for the secretariat.", False),
        ("This is a question for the MAG, not for us.", False),
        ("Chengetai, could you answer?", True),  # a question in shape; the caller sets hand-offs aside
        ("That is a question for the secretariat: when is the timeline due", True),  # a heading, "?" lost
        ("Is that a question for the secretariat?", True),
        ("My question for the secretariat is about the timeline.", True),
    ],
)
def test_a_redirect_is_a_statement(sentence, question):
    assert is_question_sentence(sentence, moderator=True) is question

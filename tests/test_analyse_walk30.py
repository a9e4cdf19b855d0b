"""Defects a new user met (issue 22, walk of session 30): a chair who answers a floor question
and then promises to follow up, and a stated need spelled out after a colon as an ask of a
body. Sentences written for this test, not taken from any transcript or set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.clauses import ask_units
from forumlens.analyse.questioncues import NOT_KNOWN
from forumlens.analyse.questions import answers_then_promises
from forumlens.transcript.parse import parse_transcript

_SESSION = """Workshop on open data in cities

>> LENA FISCHER: Welcome to our workshop on open data in cities.  I chair this session and we have two speakers today.  Omar, please begin.

>> OMAR HADDAD: Thank you, Lena.  Our city has published its transport data under an open licence since last spring, and developers have built three journey planners on it already.

>> LENA FISCHER: Thank you, Omar.  Now we open the floor for questions.

>> PAUL GRANT: Paul Grant, a student.  Has the city signed an agreement with the national statistics office?

>> LENA FISCHER: {reply}

>> LENA FISCHER: Our time is up.  Thank you all for joining this workshop today.
"""


def _status(reply: str) -> tuple[str, list[int]]:
    qs = find_intel(parse_transcript(_SESSION.format(reply=reply)), mentions=[]).to_json()["questions"]
    assert [q["line"] for q in qs] == [9]
    return qs[0]["status"], qs[0]["answer_lines"]


def test_a_chair_who_answers_and_then_promises_more_answered() -> None:
    reply = "We met the office twice, but nothing has been signed so far.  We will come back to you on that after the summer."
    assert _status(reply) == ("answered", [11])


@pytest.mark.parametrize(
    "reply",
    [
        # the deferral opens the reply
        "We will come back to you on that after the summer, when the office has replied to our letter.",
        # the words before it are about the question, not its matter
        "That is a very good question for the office and for the ministry.  We will come back to you on that.",
        # time is short: the chair closes, whatever came first
        "We met the office twice, but nothing is signed, and we are out of time.  We will come back to you on that.",
    ],
)
def test_a_chair_who_only_defers_leaves_the_question_open(reply: str) -> None:
    assert _status(reply)[0] != "answered"


def test_a_long_closing_that_defers_among_other_business_is_no_answer() -> None:
    closing = [
        "We met many people this week and heard very concrete requests from the room today.",
        "We will come back to you on that in our report.",
        "Please fill in the survey at the door, and send us your slides, and join our monthly calls.",
        "Thank you all, and safe travels home to everybody who came from far away.",
    ]
    assert not answers_then_promises(closing)
    assert answers_then_promises(closing[:2])


@pytest.mark.parametrize(
    ("said", "known"),
    [
        ("Honestly, we have not discussed it in the group yet.", False),
        ("We haven't decided that, the board meets in March.", False),
        ("We discussed it at length and decided to publish the data.", True),
    ],
)
def test_no_position_yet_is_not_an_answer_at_hand(said: str, known: bool) -> None:
    assert (NOT_KNOWN.search(said) is None) is known


def _units(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in ask_units(sentence)]


def test_a_need_spelled_out_after_a_colon_is_one_unit() -> None:
    sentence = "What we need is bandwidth: we ask the ministry to open the unused frequencies to the rural schools."
    assert _units(sentence) == [sentence]


def test_a_heading_that_states_no_need_is_still_cut_at_its_colon() -> None:
    sentence = "My message to the ministry is simple: open the unused frequencies to the rural schools this year."
    assert _units(sentence) == [
        "My message to the ministry is simple",
        "open the unused frequencies to the rural schools this year.",
    ]


def test_a_long_head_before_a_colon_is_still_cut() -> None:
    sentence = (
        "We need the ministry and the regulator and the operators of the whole region to sit down together: "
        "the schools cannot wait another year."
    )
    assert len(_units(sentence)) == 2


def test_a_need_then_the_same_need_put_to_a_body_is_one_ask() -> None:
    text = (
        ">> MODERATOR:  Now Ines, please.\n\n>> INES KOVAC:  Thank you.  Our schools in the valley are still offline.  "
        "What we need is bandwidth: we ask the ministry to open the unused frequencies to the rural schools.\n"
    )
    asks = find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]
    mine = [a for a in asks if "bandwidth" in a["quote"] or "frequencies" in a["quote"]]
    assert len(mine) == 1
    assert mine[0]["quote"].startswith("What we need is bandwidth: we ask the ministry")
    assert mine[0]["type"] == "ask"


_TALK = """Workshop on open data in cities

>> LENA FISCHER: Welcome to our workshop on open data in cities.  I chair this session today.  Omar, please begin.

>> OMAR HADDAD: Thank you, Lena.  Who owns the data a bus collects about you?  {own}  The operator thinks it does, the city thinks it does, and the passenger is never asked.  That is why our city now publishes every contract with the operators.

>> LENA FISCHER: Thank you, Omar.  We are out of time, thank you all.
"""


@pytest.mark.parametrize(
    "own", ["Nobody can tell you today.", "No one, it turns out.", "Not the passenger, that much is sure."]
)
def test_a_question_the_speaker_answers_with_nobody_is_rhetorical(own: str) -> None:
    assert find_intel(parse_transcript(_TALK.format(own=own)), mentions=[]).to_json()["questions"] == []


def test_a_question_followed_by_more_context_is_still_asked() -> None:
    qs = find_intel(parse_transcript(_TALK.format(own="Nowadays it is very unclear.")), mentions=[]).to_json()[
        "questions"
    ]
    assert [q["line"] for q in qs] == [5]

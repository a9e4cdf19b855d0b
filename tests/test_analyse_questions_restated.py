"""A chair who restates every floor question in their own words (asks_blind13's 2008 main session,
development data since round 14): the restatement is the floor question re-asked, not a new
question of the chair's and not an answer; a floor voice never addresses itself. Sessions written
for this test, with invented people, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.questioncues import NOT_KNOWN
from forumlens.analyse.restated import restates
from forumlens.transcript.parse import parse_transcript


def _questions(text: str) -> list[dict]:
    return find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]


@pytest.mark.parametrize(
    "sentence",
    [
        "So if I have understood correctly, the question to Dr. Okonjo is:  why do the towers stop at night?",
        "So the question to Madam Ferreira-Lund is, who repairs the solar panels.",
        "Okay, so the gentleman is asking whether the schools can share one satellite dish.",
        "In other words, who pays when the grant ends?",
        "Let me rephrase the question for the panel:  is the law enforced?",
        "The question is, when will the registry accept names in Amharic.",
    ],
)
def test_restating_frames(sentence: str) -> None:
    assert restates(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "My question is, when will the registry accept names in Amharic?",
        "The question of cost is the hardest one.",
        "So the answer is no, the fund is closed.",
        "She is asking:  how do the small stations pay the electricity?",
    ],
)
def test_not_restating(sentence: str) -> None:
    assert not restates(sentence)


_RESTATED = """>>CHAIR:  The floor is open.  I will repeat each question so that the interpreters can follow.

>>PARTICIPANT:  Thank you, Chair.  Obiageli Nwankwo-Sterling, a librarian in Enugu.  My question is to the gentleman from the cable company:  why does the fibre reach the stadium but not the public library two streets away?

>>CHAIR:  So if I have understood correctly, the question to Mr. Haraldsen-Mbeki is:  why is the library not connected when the stadium is?  Mr. Haraldsen-Mbeki.

>>TORE HARALDSEN-MBEKI:  A fair point.  The stadium paid for its own trench, the library did not ask.  If the library writes to us, we can connect it within a month at the normal price.

>>PARTICIPANT:  Good afternoon.  Kwame Boateng-Lindqvist, a radio producer.  When will the national broadcaster open its archive to the community radios?

>>CHAIR:  So the question is, when will the archive of the national broadcaster be opened.  I do not see anybody from the broadcaster on this panel, and nobody from the broadcaster is in the hall.  There is a session on archives tomorrow morning, please raise it there.

>>PARTICIPANT:  Thank you.  Ines Carvalho-Ntuli, from a youth network.  We would like a youth seat on the national committee.
"""


def test_a_restated_floor_question_is_answered_by_the_panel_reply() -> None:
    qs = _questions(_RESTATED)
    first = [q for q in qs if q["line"] == 3]
    assert [q["status"] for q in first] == ["answered"]
    assert first[0]["to"] == "Tore Haraldsen-Mbeki"  # the chair's restatement names whom it is for
    assert not any(q["line"] == 5 for q in qs)  # the restatement is not a question of its own


def test_a_restatement_with_a_redirect_is_no_answer() -> None:
    assert [q["status"] for q in _questions(_RESTATED) if q["line"] == 9] == ["unanswered"]


def test_a_chair_answering_after_restating_still_answers() -> None:
    text = """>>CHAIR:  We take questions now.

>>PARTICIPANT:  Thank you.  Leontyne Abara-Sundqvist, a teacher.  How many schools in the district have a computer room?

>>CHAIR:  So the question is, how many schools have a computer room.  I can answer that myself, because I sat on the district board until last year:  forty-two of the sixty schools have one, and twelve more will get one in the spring.

>>PARTICIPANT:  Thank you.  Another voice from the floor, Dmitri Volkov-Achebe.  I only want to thank the panel for the open data.
"""
    assert [q["status"] for q in _questions(text) if q["line"] == 3] == ["answered"]


_SELF_NAMED = """>> MODERATOR:  Now the floor.  Please say your name and to whom the question goes.

>> PARTICIPANT:  Good morning.  Sipho Mabuza-Eriksen, from a farmers' union.  A question to the honourable member from Ghana.  How did your committee hear the farmers before the vote?

>> HON. AKOSUA MENSAH-BERGQVIST:  Through the Chair, thank you.  We held hearings in five regions and the farmers' unions gave written comments.

>> SIPHO MABUZA-ERIKSEN:  Thank you.  And one more to the panel, is there a budget for the hearings next year?
"""


def test_the_asker_is_never_the_addressee() -> None:
    qs = _questions(_SELF_NAMED)
    assert all(q["to"] != q["by"] for q in qs)
    assert [q["status"] for q in qs if q["line"] == 3] == ["answered"]


@pytest.mark.parametrize(
    "reply",
    [
        "I do not see anybody from the regulator on this panel.",
        "I don't think anybody from the registry is in the hall at this moment.",
    ],
)
def test_an_absent_addressee_in_the_hall_is_not_known(reply: str) -> None:
    assert NOT_KNOWN.search(reply)


_ABSENT_MINISTER = """>> MODERATOR:  The floor is open for questions to the panel.

>> PARTICIPANT:  Thank you.  Chidera Okafor-Halvorsen, a student in Abuja.  A question to the Minister, but I see she has gone.  Will the scholarship programme include the polytechnics, or only the universities?

>> MODERATOR:  The Minister had to leave for the cabinet meeting.  Her adviser in the second row, Mr. Tanaka-Olsen from the ministry, do you want to say something?

>> KENJI TANAKA-OLSEN:  Thank you.  The scholarship programme covers the polytechnics from next year, the first call opens in March for both kinds of institutions.
"""


def test_a_question_to_an_absent_minister_answered_by_a_colleague_handed_the_floor() -> None:
    qs = _questions(_ABSENT_MINISTER)
    assert [q["status"] for q in qs if q["line"] == 3] == ["answered"]
    assert not any(q["line"] == 5 for q in qs)  # "…, do you want to say something?" hands the floor on

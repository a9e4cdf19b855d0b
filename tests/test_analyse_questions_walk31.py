"""Question defects a new user met on an IoT coalition session and a coordination meeting (issue 22,
walk 31): a question recognised from a later reply that answers its asker by name, a question put
to "the coalition" addressed to the coalition the session named, and a chair putting a decision to
the room that is procedure, not a question. Sessions written for these tests."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.questioncues import CONSENT_CALL
from forumlens.analyse.questionsentences import is_housekeeping
from forumlens.resolve.cast import resolve_session
from forumlens.transcript.parse import parse_transcript


def _questions(text: str, cast: bool = False) -> list[dict]:
    session = parse_transcript(text)
    return list(find_intel(session, resolve_session(session) if cast else None).to_json()["questions"])


_NAMED_REPLY = """>> CHAIR: Welcome to the workshop on school meals and digital payment. Each speaker has five minutes.

>> CHAIR: First, Lucia Ferreira from the parents' network.

>> LUCIA FERREIRA: Thank you. Parents do not trust the payment app. Many families have no bank card. Why are the schools still refusing cash for the canteen?

>> CHAIR: Thank you, Lucia. Next, Tomas Berg from the city council.

>> TOMAS BERG: Thank you. The council funds a pilot in four schools and we publish the results in June.

>> CHAIR: Thank you. Now our online speaker, Amina Yusuf.

>> AMINA YUSUF: Hello, sorry for the delay. {reply} the cashiers were removed in the budget cuts. We need funding to bring them back.

>> CHAIR: Thank you all. The session is closed.
"""


@pytest.mark.parametrize("cast", [False, True])
def test_a_later_reply_naming_the_asker_shows_she_asked(cast: bool) -> None:
    questions = _questions(_NAMED_REPLY.format(reply="To answer Lucia, the schools refuse cash because"), cast)
    asked = [q for q in questions if q["line"] == 5]
    assert asked and asked[0]["by"] == "Lucia Ferreira"
    assert asked[0]["text"].startswith("Why are the schools")
    # answered by the reply that names her, after the council's talk: later
    assert asked[0]["status"] == "answered-later" and asked[0]["answer_lines"] == [13]


def test_without_the_named_reply_a_panellists_question_to_nobody_is_not_tracked() -> None:
    questions = _questions(_NAMED_REPLY.format(reply="In our city the schools refuse cash because"))
    assert not [q for q in questions if q["line"] == 5]


_CROSSED = """>> MODERATOR: Welcome. Sandra Lenz is with us in the room and Ravi Menon joins online.

>> SANDRA LENZ: Thank you. Users do not read labels. What are the ministries doing to teach consumers about connected toys?

>> PARTICIPANT: Thank you. My name is Karim Aziz from Tunis. Will the guide on labels be published in French as well?

>> MODERATOR: Yes, we will publish the French version of the guide before the next meeting. That is a commitment.

>> RAVI MENON: Sorry, I lost the connection. To answer Sandra, ministries in several countries fund consumer education, but it is not enough.
"""


def test_the_named_reply_answers_not_the_reply_to_a_later_question() -> None:
    by_line = {q["line"]: q for q in _questions(_CROSSED)}
    assert by_line[3]["by"] == "Sandra Lenz"
    assert by_line[3]["answer_lines"] == [9] and by_line[3]["status"] == "answered-later"
    assert by_line[5]["answer_lines"] == [7]


_COALITION = """IGF 2019 - Dynamic Coalition on Accessibility and Disability - Accessible meetings

>> CHAIR: Good morning and welcome to the session of the Dynamic Coalition on Accessibility and Disability. Each speaker has five minutes.

>> JOHN KELLER: Thank you. Captioning is still missing in many regional meetings. The cost is small compared to travel.

>> PARTICIPANT: Thank you. My name is Rosa Lind from a network in Chile. {question}

>> CHAIR: Yes, we will translate the guidelines into Spanish before the next meeting.
"""


@pytest.mark.parametrize(
    "question",
    [
        "My question to the coalition: will you translate the accessibility guidelines into Spanish?",
        "A question for your coalition: will you translate the accessibility guidelines into Spanish?",
    ],
)
def test_a_question_to_the_coalition_goes_to_the_coalition_the_session_named(question: str) -> None:
    (q,) = _questions(_COALITION.format(question=question))
    assert q["to"] == "DC on Accessibility and Disability"


def test_a_question_to_the_chair_about_the_coalition_is_not_put_to_the_coalition() -> None:
    question = "And a question to the chair: does the coalition pay for the translation of the guidelines?"
    (q,) = _questions(_COALITION.format(question=question))
    assert q["to"] != "DC on Accessibility and Disability"


def test_with_no_coalition_named_the_coalition_is_not_guessed() -> None:
    text = _COALITION.replace("Dynamic Coalition on Accessibility and Disability", "workshop on meetings")
    question = "My question to the coalition: will you translate the guidelines into Spanish?"
    (q,) = _questions(text.format(question=question))
    assert q["to"] == "room"


@pytest.mark.parametrize(
    "sentence",
    [
        "Is there any objection to adopt the work plan as circulated?",
        "Are there any objections to this proposal?",
        "Any objection to Amina's text?",
        "Can we agree on Kwame as co-chair?",
        "May I take it that we ask the Secretariat to keep the call open until May?",
        "So, can we adopt the report?",
        "Does anybody object?",
        "Are we all agreed?",
        "Chair, is there any opposition to the amendment?",
    ],
)
def test_a_chair_putting_a_decision_to_the_room_is_procedure(sentence: str) -> None:
    assert CONSENT_CALL.search(sentence) and is_housekeeping(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Can we say that the communiqué is adopted by the participants, not by each organisation?",
        "Do you agree that governments should fund the community networks?",
        "Is this acceptable to the ministries who pay for it?",
        "Is there any objection from the regulators to community licences in your country?",
        "Why did the council adopt the rule without any consultation?",
    ],
)
def test_a_question_about_a_decision_is_still_a_question(sentence: str) -> None:
    assert not is_housekeeping(sentence)


def test_a_call_for_objections_is_not_tracked_but_the_question_after_it_is() -> None:
    text = """>> CHAIR: Good afternoon. The draft work plan was sent to the mailing list last week.

>> CHAIR: We now come to the work plan. Is there any objection to adopt the work plan as circulated?

>> CHAIR: I see none. The work plan is adopted.

>> MARIA LOPEZ: Thank you, chair. Maria Lopez, speaking from the floor. Who will pay for the translation of the plan, do you know?

>> CHAIR: The secretariat pays for the translation this year, from the small grant of the foundation.
"""
    lines = [q["line"] for q in _questions(text)]
    assert 3 not in lines and 7 in lines


_BATCH = """>> MODERATOR: Welcome to the workshop on rural broadband. Let me open the floor for questions. Please be brief.

>> PARTICIPANT: Thank you. Nadia Karimi from Kabul. How will the universal service fund pay for towers in the mountains?

>> PARTICIPANT: Pedro Alves from Brazil. Do the operators share their masts with the community networks?

>> PARTICIPANT: Jonas Weber, student. Who checks the coverage maps that the operators publish?

>> MODERATOR: Three good questions. Hannah, please.

>> HANNAH OKORO: Thank you. I'll take the three questions together. On the fund, the fund pays half of each tower and the province pays the rest, and the first towers in the mountains will be built next year. On the masts, yes, the licence obliges the operators to share their masts at a regulated price. On the coverage maps, {maps}

>> MODERATOR: Thank you, Hannah. We close here.
"""


@pytest.mark.parametrize("cast", [False, True])
def test_a_batch_reply_is_judged_question_by_question(cast: bool) -> None:
    maps = "honestly I don't have a good answer today, it is something we still argue about with the regulator."
    fates = {q["line"]: q["status"] for q in _questions(_BATCH.format(maps=maps), cast)}
    assert fates == {3: "answered", 5: "answered", 7: "unanswered"}


def test_a_batch_reply_that_answers_every_part_answers_them_all() -> None:
    maps = "the regulator checks them every year with its own drive tests and publishes the gaps it finds."
    fates = {q["line"]: q["status"] for q in _questions(_BATCH.format(maps=maps))}
    assert fates == {3: "answered", 5: "answered", 7: "answered"}


def test_two_questions_of_one_turn_one_answered_one_deferred() -> None:
    text = """>> MODERATOR: The floor is open for questions.

>> PARTICIPANT: Thank you. I run a shop in Kisumu. A question to Mr. Odhiambo. Why does the operator not send an SMS when the system is down?  And also, why is the commission for small transfers so low?

>> PAUL ODHIAMBO: For the SMS, you are right, we started to send the SMS in Tanzania last month. For the commission, let me take it after, I need to check one number with my colleague.
"""
    questions = _questions(text)
    assert [(q["status"], q["answer_lines"]) for q in questions] == [("answered", [5]), ("unanswered", [])]


def test_a_heading_that_says_who_can_answer_heads_a_question() -> None:
    text = """>> CHAIR: Thank you. Next speaker, please.

>> Good morning, Chair. My name is Ilse Varga, from an association of small shops. We are not sure the meeting needs more panels. And a question that maybe only the ministry can answer:  is the fund sufficient for this year, or will the meeting be smaller?

>> CHAIR: Thank you. The ministry is not in the room this morning. We will send your question on and share the answer on the mailing list.
"""
    (q,) = _questions(text)
    assert q["line"] == 3 and q["text"].startswith("And a question that") and q["status"] == "unanswered"

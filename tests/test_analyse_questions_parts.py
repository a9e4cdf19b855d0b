"""A question turn with two parts: each part is answered only by a reply that takes it up.

A reply that sorts itself among the parts by what it says ("The maintenance, the council pays
…") and never comes to the other part leaves that part open, however it sits after it
(`questionfates.left_out`); a reply that opens before taking up any part by its words answers
the first part; a reply that takes up no part by its words is judged whole. A chair's sentence of
the session's own running ("Let's hear online first and then the panel") answers no part, and a
short reply that says it cannot say and points elsewhere ("It is all in our annual report")
sends the question on (`refers_elsewhere`).
"""

from __future__ import annotations

import pytest

from forumlens.analyse.context import build_context
from forumlens.analyse.cues import content_words
from forumlens.analyse.questionfates import left_out, names_asker, refers_elsewhere, runs_the_session
from forumlens.analyse.questiongroups import find_question_groups
from forumlens.transcript.parse import parse_transcript

from .questions_support import rule_questions

_TWO_PARTS = """>> RUTA VAITKUTE:  Welcome to our session on the digital land register of the district.  Questions from the floor, please.

>> PARTICIPANT:  Hello, Brigid Okonkwo-Haller, from a tenants' union in Lagos.  My question is for Tomas.  How much did the land register cost the district council?  And who pays for the maintenance of the servers now?

>> TOMAS ZELENKA:  The maintenance of the servers, the council pays it from the new fees, and a small part comes from the national fund.

>> RUTA VAITKUTE:  Thank you.  We move to our next speaker, Agnes, on the open data.

>> AGNES MOLNAR-IRVING:  Thank you, Ruta.  The open data portal went online in May.
"""

_BOTH_TAKEN = _TWO_PARTS.replace(
    "from the national fund.", "from the national fund.  The register cost the council forty thousand euros."
)

_NO_WORDS = _TWO_PARTS.replace(
    "The maintenance of the servers, the council pays it from the new fees, and a small part comes from the national fund.",
    "Forty thousand euros, and since January we do that ourselves with the fees.",
)


def _status(text: str) -> dict[str, str]:
    return {q["text"].split()[1]: q["status"] for q in rule_questions(text)}  # "How much …", "And who …"


def test_a_reply_that_takes_up_one_part_leaves_the_other_open() -> None:
    status = _status(_TWO_PARTS)
    assert status["much"] == "unanswered"  # the cost: the reply never came to it
    assert status["who"] == "answered"  # the maintenance


def test_a_reply_that_takes_up_both_parts_answers_both() -> None:
    assert set(_status(_BOTH_TAKEN).values()) == {"answered"}


def test_a_reply_that_takes_up_no_part_by_its_words_is_judged_whole() -> None:
    assert set(_status(_NO_WORDS).values()) == {"answered"}


def test_left_out_names_only_the_part_the_reply_never_comes_to() -> None:
    ctx = build_context(parse_transcript(_TWO_PARTS), mentions=[])
    groups = find_question_groups(ctx)
    reply = next(t.index for t in ctx.turns if t.text.startswith("The maintenance"))
    cost, upkeep = (g for g in groups if g.line == 3)
    assert left_out(ctx, cost, groups, reply)
    assert not left_out(ctx, upkeep, groups, reply)


def test_an_asker_named_with_a_possessive_is_named() -> None:
    assert names_asker("To Pierre's question, two of the six got a grant.", [frozenset({"Pierre"})]) == 0
    assert names_asker("To Pierre’s question, two got a grant.", [frozenset({"Pierre"})]) == 0
    assert names_asker("Two of the six got a grant.", [frozenset({"Pierre"})]) is None


_DEFERRED_BOTH = """>> RUTA VAITKUTE:  Welcome to our session on the digital land register of the district.  Questions from the floor, please.

>> PARTICIPANT:  Hello, Brigid Okonkwo-Haller, from a tenants' union in Lagos.  A question for all: should every district publish its land register online?  And a second one: who checks the data before it is published?

>> RUTA VAITKUTE:  Hmm, two big questions.  Let's hear online first and then the panel.

>> ONLINE MODERATOR:  Thank you.  We have one in the chat.  Dalia asks Tomas: how long did the scanning of the paper maps take?

>> TOMAS ZELENKA:  For Dalia, about two years, with four students.

>> RUTA VAITKUTE:  I am told we are out of time.  Thank you all for coming.
"""


def test_a_chair_who_only_orders_the_floor_answers_neither_part() -> None:
    status = {q["text"][:12]: q["status"] for q in rule_questions(_DEFERRED_BOTH)}
    assert status["A question f"] == "unanswered"
    assert status["And a second"] == "unanswered"


def test_a_sentence_of_the_sessions_own_running_says_nothing_of_the_matter() -> None:
    assert runs_the_session("Let's hear online first and then the panel.")
    assert runs_the_session("Let me take also the online questions, and then the panel answers.")
    assert not runs_the_session("Very easy, everybody can join, there is a form on our page.")
    assert not runs_the_session("I don't see anybody here.")  # no content word: a hedge, judged as before


_ANNUAL_REPORT = """>> XIMENA ARELLANO-THORBURN:  Welcome to our session on rural schools.  Questions from the floor, please.

>> PARTICIPANT:  Good afternoon, Edgar Choc-Ekelund, from a cooperative of schools in Guatemala.  My question is for Meredith.  How much of your budget goes to Central America, and how much to Mexico?

>> MEREDITH CALLOWAY-OLANREWAJU:  I don't have the split by country in my head and I don't want to guess.  It is all in our annual report, which is on our website.

>> XIMENA ARELLANO-THORBURN:  Thank you.  We move on to our next speaker, Tomas, on the radio lessons.

>> TOMAS ZELENKA:  Thank you.  The radio lessons reach forty villages.
"""


def test_a_reply_that_only_sends_the_question_to_a_report_does_not_answer_it() -> None:
    (question,) = (q for q in rule_questions(_ANNUAL_REPORT) if q["text"].startswith("How much"))
    assert question["status"] == "unanswered"


@pytest.mark.parametrize(
    ("reply", "sends_on"),
    [
        ("I am not sure, there was a discussion once.  Let me ask my colleague in the union.", True),
        ("I don't have the split by country in my head.  It is all in our annual report.", True),
        ("I don't think they are represented today.  Rodrigo, do you know?", True),
        # a plain "no" that explains takes the question's words up: it answers
        ("We don't have a law yet.  The ministry drafts the producer law on electronic waste now.", False),
        # not opened by saying one cannot say
        ("Around one in three stay, it is in our report.", False),
    ],
)
def test_refers_elsewhere(reply: str, sends_on: bool) -> None:
    question = set(content_words("Does the ministry plan a producer law on electronic waste?"))
    assert refers_elsewhere(reply, question) is sends_on


_NOT_HERE = """>> KARIN BRANDT-OKOYE:  Welcome to the session on unwanted messages.  The floor is open.

>> PARTICIPANT:  Hi, Parisa Ranjbar-Bautista, from a mobile operator in Manila.  A question, maybe to the Action Plan, if someone from them is in the room:  does the network share the spam reports with the operators?

>> KARIN BRANDT-OKOYE:  I don't think they are represented today.  Rodrigo, do you know?

>> RODRIGO CORDEIRO-UEDA:  No, nobody registered from them.

>> KARIN BRANDT-OKOYE:  Thank you.  We move on to our next speaker, Agnes, on the short codes.

>> AGNES MOLNAR-IRVING:  Thank you, Karin.  The short codes were agreed in May.
"""


def test_a_chair_who_says_they_cannot_say_and_asks_someone_else_does_not_answer() -> None:
    (question,) = (q for q in rule_questions(_NOT_HERE) if "spam reports" in q["text"])
    assert question["status"] == "unanswered"

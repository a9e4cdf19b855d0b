"""A question turn with two parts: each part is answered only by a reply that takes it up.

A reply that sorts itself among the parts by what it says ("The maintenance, the council pays
…") and never comes to the other part leaves that part open, however it sits after it
(`questionfates.left_out`); a reply that opens before taking up any part by its words answers
the first part; a reply that takes up no part by its words is judged whole.
"""

from __future__ import annotations

from forumlens.analyse.context import build_context
from forumlens.analyse.questionfates import _names_asker, left_out, runs_the_session
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
    assert _names_asker("To Pierre's question, two of the six got a grant.", [frozenset({"Pierre"})]) == 0
    assert _names_asker("To Pierre’s question, two got a grant.", [frozenset({"Pierre"})]) == 0
    assert _names_asker("Two of the six got a grant.", [frozenset({"Pierre"})]) is None


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

"""Questions collected and answered together (issue 22, stop 47): a chair keeps a speakers list,
each intervention ends in a question, and only after the round the Secretariat answers them part
by part ("On the rooms, …  On the stipends, …").  A question that position alone paired with the
next intervention is answered later, in its own part; a part that only says "we do not know yet"
leaves its question open; one question answered at once keeps its reply.  Sessions are written for this test."""

from __future__ import annotations

import pytest

from forumlens.analyse.collectedreply import COLLECTED, collected_fates, collected_parts
from forumlens.analyse.context import AnalysisContext, build_context
from forumlens.analyse.questiongroups import QuestionGroup
from forumlens.analyse.questions import find_question_groups
from forumlens.transcript.parse import parse_transcript

from .questions_support import statuses

_ROUND = """>> CHAIR:  Good morning.  We open the consultation on the youth summit.  I have a speakers list.  First, a speaker from civil society.

>> MARTA KOWALCZYK-ODUYA:  Thank you, chair.  I run a students' association in Gdansk.  The summit last year was useful, but the rooms were far from the station.
My question to the Secretariat:  how many of the meeting rooms will be at the main venue this year?
Thank you.

>> CHAIR:  Thank you.  Next, a speaker from the private sector.

>> TOMASZ ABELARD-NWOSU:  Thank you.  I speak for a group of small software firms.  We want the youth to meet the companies, and we will send a list of mentors before May.
A question on the money.  I would like to know, will the stipends for the travel of young people be paid before the summit or after it?

>> CHAIR:  Thank you.  Next, the academic community.

>> INGRID SOLHEIM-BAPTISTE:  Thank you.  A university in Bergen.  We support the mentoring idea, and we will host two interns.
And my question to the organisers:  will the plenary of the summit have interpretation into French and Spanish?

>> CHAIR:  Thank you.  I will stop the list here and ask the Secretariat to respond to the questions.

>> SECRETARIAT:  Thank you, chair.  Let me take them in order.
On the meeting rooms, eight of the ten meeting rooms are at the main venue, and the two others are in the library next door.
On the stipends for the travel, they are paid before the summit, by bank transfer, two weeks before the opening.
On the interpretation of the plenary, I must be honest, we do not know yet.

>> CHAIR:  Thank you.  We continue with the list.  The government of Norway.
"""


def _at(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if words in line)


def _round() -> tuple[AnalysisContext, list[QuestionGroup]]:
    ctx = build_context(parse_transcript(_ROUND), mentions=[])
    return ctx, find_question_groups(ctx)


def test_questions_paired_by_position_with_the_next_intervention_are_answered_later_in_their_parts() -> None:
    ctx, groups = _round()
    rooms, stipends = _at(_ROUND, "how many of the meeting rooms"), _at(_ROUND, "will the stipends")
    # what position alone gives: each question "answered" by the next speaker of the list
    fates = [("answered", [_at(_ROUND, "TOMASZ")]), ("answered", [_at(_ROUND, "INGRID")]), ("unanswered", [])]
    assert [g.line for g in groups] == [rooms, stipends, _at(_ROUND, "will the plenary")]
    got = collected_fates(ctx, groups, fates)
    assert got[0] == ("answered-later", [_at(_ROUND, "On the meeting rooms")])
    # only a turn that mainly asks came between it and the reply: answered, not after other business
    assert got[1] == ("answered", [_at(_ROUND, "On the stipends")])
    assert 2 not in got  # "we do not know yet": its part answers nothing, and it was found open


def test_a_by_position_answer_whose_part_does_not_answer_is_left_open() -> None:
    ctx, groups = _round()
    fates = [("answered", [_at(_ROUND, "TOMASZ")]), ("answered", [_at(_ROUND, "INGRID")])]
    fates.append(("answered", [_at(_ROUND, ">> CHAIR:  Thank you.  I will stop")]))
    assert collected_fates(ctx, groups, fates)[2] == ("unanswered", [])


def test_without_a_round_named_the_next_intervention_keeps_its_pairing() -> None:
    text = _ROUND.replace("respond to the questions", "say a word").replace("Let me take them in order.", "Yes.")
    ctx = build_context(parse_transcript(text), mentions=[])
    groups = find_question_groups(ctx)
    fates = [("answered", [_at(text, "TOMASZ")]), ("answered", [_at(text, "INGRID")]), ("unanswered", [])]
    assert collected_fates(ctx, groups, fates) == {}


@pytest.mark.parametrize("with_cast", [False, True])
def test_the_whole_pipeline_answers_each_question_on_its_part_line(with_cast: bool) -> None:
    found = statuses(_ROUND, with_cast)
    assert found[_at(_ROUND, "how many of the meeting rooms")][1] == [_at(_ROUND, "On the meeting rooms")]
    assert found[_at(_ROUND, "will the stipends")][1] == [_at(_ROUND, "On the stipends")]
    assert found[_at(_ROUND, "will the plenary")][0] == "unanswered"


def test_each_sentence_goes_to_the_question_it_takes_up() -> None:
    ctx, groups = _round()
    reply = next(t.index for t in ctx.turns if t.label == "SECRETARIAT")
    parts = collected_parts(ctx, groups, reply)
    assert [groups[i].by for i in sorted(parts)] == [
        "Marta Kowalczyk-Oduya",
        "Tomasz Abelard-Nwosu",
        "Ingrid Solheim-Baptiste",
    ]
    assert parts[1].text.startswith("On the stipends for the travel")
    assert parts[2].text.startswith("On the interpretation of the plenary")


_AT_ONCE = """>> MODERATOR:  Welcome.  Questions from the floor, please.

>> AUDIENCE:  Thank you.  Lena, a teacher from Riga.  Do the schools in your project pay for the filters?

>> KAREL NOVOTNY-ADEYEMI:  No, the filters are free for the schools, the ministry pays the licence for three years.

>> MODERATOR:  Thank you.  Another question?
"""


@pytest.mark.parametrize("with_cast", [False, True])
def test_a_single_question_answered_at_once_keeps_its_reply(with_cast: bool) -> None:
    question = _at(_AT_ONCE, "Do the schools")
    assert statuses(_AT_ONCE, with_cast)[question] == ("answered", [_at(_AT_ONCE, "No, the filters")])


@pytest.mark.parametrize(
    ("said", "framed"),
    [
        ("Let me take them in order.", True),
        ("I will go through the questions one by one.", True),
        ("I now ask the panel to respond to the three questions.", True),
        ("Thank you for the question on the rooms.", False),
        ("Next, a speaker from the private sector.", False),
    ],
)
def test_a_collected_reply_speaks_of_the_questions_as_a_round(said: str, framed: bool) -> None:
    assert bool(COLLECTED.search(said)) is framed

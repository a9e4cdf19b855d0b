"""What a non-answer looks like by its form (issue 22, stop 38): a refusal made of a negated
modal and a verb of saying or making known ("I can't discuss it here"), a deflection of agency
("that decision is not made at my desk"), the answer promised at a later event ("I will answer
you after the briefing") or to reach the asker later ("You will have them in the press release
at three"), the figure asked for not at hand whatever word qualifies it ("I don't have a
regional number"); a question whose addressee answered only the other part of its turn; a floor
voice turning to an asker after a question of their own. Sentences and sessions are written for
this test."""

from __future__ import annotations

import pytest

from forumlens.analyse.context import build_context
from forumlens.analyse.cues import DECLINE
from forumlens.analyse.questioncues import ANSWERS_NOW, DEFERS
from forumlens.analyse.questions import find_questions
from forumlens.analyse.segments import find_segments, segment_boundaries
from forumlens.resolve.cast import resolve_session
from forumlens.transcript.parse import parse_transcript

from .questions_support import rule_questions


@pytest.mark.parametrize(
    "said",
    [
        "Pieter, you know I can't discuss it here, the file is with the tribunal.",
        "We cannot confirm that today.",
        "I won't tell you this in front of the cameras.",
        "A tariff for a whole island is not decided by me, it goes to the board.",
        "It's not up to me to decide, honestly.",
        "The licence is out of my hands now.",
    ],
)
def test_a_refusal_or_deflection_by_its_form(said: str) -> None:
    assert DECLINE.search(said)


@pytest.mark.parametrize(
    "said",
    [
        # "but …" in the same sentence goes on to answer
        "I can't discuss it all, but the short answer is yes, in March.",
        # the replier says what they will discuss: no refusal
        "We will discuss it with the mayors in March.",
        # a decision made by the replier's side is an answer
        "The decision is made by our board every June.",
    ],
)
def test_an_answer_is_no_refusal(said: str) -> None:
    assert not DECLINE.search(said)


@pytest.mark.parametrize(
    "said",
    [
        "This one, I will answer you after the briefing, if you don't mind.",
        "Let me answer it after the launch.",
        "The numbers are not public yet.  You will have them in the press kit at four.",
        "You'll get it tomorrow from the office.",
        "The penalties, I don't have a regional number, honestly, only ours.",
        "We do not have a national figure for that.",
    ],
)
def test_an_answer_kept_for_later_or_not_at_hand(said: str) -> None:
    assert DEFERS.search(said)


@pytest.mark.parametrize(
    "said",
    [
        # where it is now, said to a question of where: an answer
        "You can find it on our website, under reports.",
        # new content with a date, not the answer reaching the asker
        "You will have a new tower in the valley next year.",
        # a noun phrase that goes on: a thing the country lacks, not a figure not at hand
        "We don't have a regional number plan, every island has its own.",
    ],
)
def test_an_answer_is_not_a_deferral(said: str) -> None:
    assert not DEFERS.search(said)


def test_answering_now_and_answering_later() -> None:
    assert ANSWERS_NOW.search("I will answer you directly: yes, from January.")
    assert not ANSWERS_NOW.search("I will answer you after the briefing.")


_BRIEFING = """>> MODERATOR:  Good morning.  One question each, please.  Yes, in the front.

>> PARTICIPANT:  Pieter Claes, for a radio in Ghent.  Mr. Vos, how many towns get the new fibre this year?

>> ANTON VOS:  Nine towns, all of them in the south, and the work starts in April.

>> PARTICIPANT:  Marta Silva, a newspaper in Porto.  Mr. Vos, what does the whole network cost, and who pays for it?

>> ANTON VOS:  The figures are under embargo until the signing in the afternoon.  You will have them in the press release at five, I'm sorry.

>> MODERATOR:  Thank you all.  The room is needed for the next briefing.
"""


def test_a_figure_kept_for_a_later_release_is_not_answered() -> None:
    got = {q["text"].split()[-1]: q["status"] for q in rule_questions(_BRIEFING)}
    assert got == {"year?": "answered", "it?": "unanswered"}


_TWO_PARTS = """>> CHAIR:  Welcome.  Questions to the panel, please.

>> PARTICIPANT:  Lena Berg, a student from Uppsala.  Jonas, is the new grant open to students?  And who sits on the committee that picks the projects?

>> JONAS HOLM:  Students, yes, from the autumn, every university in the country is eligible.

>> PARTICIPANT:  Omar Haddad, a teacher from Malmo.  Jonas, why are the schools in the north always paid last?

>> JONAS HOLM:  The northern schools are paid last because their reports come in last, and we will change the calendar next year.

>> CHAIR:  Thank you all, we close here.
"""


def test_the_part_the_addressee_left_out_stays_open_after_the_next_question() -> None:
    got = {q["text"].split()[-1]: q["status"] for q in rule_questions(_TWO_PARTS)}
    assert got == {"students?": "answered", "projects?": "unanswered", "last?": "answered"}


_FLOOR_VOICE = """>> MODERATOR:  Welcome to the workshop on school radio.  Olga, your question for Pavel, please.

>> OLGA NOVAK:  Thank you.  Pavel, how do you keep your volunteers from burning out after a year of night shifts on the radio?

>> MODERATOR:  Pavel, please keep it for the end, I see hands in the room.  Yes, the lady in the middle.

>> MARIA LIND:  Thank you.  Maria Lind, from a foundation in Oslo, I am here in the audience.  A question to Pavel.  Does the station broadcast in the holidays too?

>> PAVEL HORAK:  Only in term time, the school closes the studio in the holidays.

>> MARIA LIND:  Thank you.  And to Olga, we open a call for small grants in January, please apply.

>> MODERATOR:  Thank you all, our time is over, we close here.
"""


def test_a_floor_voice_turning_to_an_asker_after_its_own_question_answers_nothing() -> None:
    # with the cast, as the pipeline runs: it tells a voice from the audience (`participant`) from
    # a panellist, who may come back to a question after one of their own (a relay of questions)
    session = parse_transcript(_FLOOR_VOICE)
    ctx = build_context(session, resolve_session(session), mentions=[])
    got = {q.text.split()[-1]: q.status for q in find_questions(ctx, segment_boundaries(ctx, find_segments(ctx)))}
    assert got == {"radio?": "unanswered", "too?": "answered"}

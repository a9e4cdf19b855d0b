"""Voices under a collective label (`questiongroups.same_speaker`, `voice_changes`): a floor question
and the floor reply right under it are two voices, so the fate reads that reply; a speech the
captions cut into paragraphs, and a round of floor askers, stay read as before."""

from __future__ import annotations

from forumlens.analyse.context import AnalysisContext, build_context
from forumlens.analyse.questiongroups import same_speaker, voice_changes
from forumlens.analyse.questions import find_questions
from forumlens.transcript.parse import parse_transcript

REPLY_UNDER_LABEL = """>> MODERATOR:  Welcome.  The floor is open for questions.

>> FLOOR:  Thank you.  Is the regional fund open to youth groups next year?

>> FLOOR:  I cannot answer that today, the board decides in March.  (Laughter)

>> MODERATOR:  Thank you both.  We move to the next item, the road map for the coalition.
"""

ONE_SPEECH_IN_PARAGRAPHS = """>> MODERATOR:  Please, tell us what happened in your school.

>> SPEAKER:  Good morning.  Our school has three computers and one teacher who knows them.

>> SPEAKER:  Last winter the router burned, and for two months the pupils had no connection.

>> MODERATOR:  Thank you for sharing that story with us today.
"""

ROUND_OF_ASKERS = """>> MODERATOR:  Questions from the room, please.

>> AUDIENCE:  Hello, Mirela Vasquez from Quito.  Who maintains the solar panels after the grant?

>> AUDIENCE:  Good morning, Tarik Osei from Accra.  Can a school join the network for free?

>> MODERATOR:  Thank you.  Two questions for the panel.
"""


def _ctx(text: str) -> AnalysisContext:
    return build_context(parse_transcript(text))


def _speech(ctx: AnalysisContext, label: str) -> list[int]:
    return [t.index for t in ctx.turns if t.kind == "speech" and t.label == label]


def test_a_floor_reply_under_the_askers_label_is_another_voice() -> None:
    ctx = _ctx(REPLY_UNDER_LABEL)
    ask, reply = _speech(ctx, "FLOOR")
    assert voice_changes(ctx, ask, reply)
    assert not same_speaker(ctx, reply, ask)


def test_the_fate_reads_the_floor_reply_not_the_chairs_turn_after_it() -> None:
    questions = find_questions(_ctx(REPLY_UNDER_LABEL), rules_only=True)
    fund = next(q for q in questions if "regional fund" in q.text)
    assert fund.status == "unanswered"  # the reply under the same label declines it


def test_one_speech_cut_into_paragraphs_stays_one_voice() -> None:
    ctx = _ctx(ONE_SPEECH_IN_PARAGRAPHS)
    first, second = _speech(ctx, "SPEAKER")
    assert not voice_changes(ctx, first, second)
    assert same_speaker(ctx, first, second)


def test_the_next_asker_of_a_round_is_no_reply_voice() -> None:
    ctx = _ctx(ROUND_OF_ASKERS)
    first, second = _speech(ctx, "AUDIENCE")
    assert not voice_changes(ctx, first, second)  # it asks, and names itself: never read as the reply

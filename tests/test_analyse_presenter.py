"""A moderator who presents is a presenter (issue 22, stop 20): a chair's substantive asks
count, their floor management does not; and the stop-20 features of the ask classifier."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from forumlens.analyse import build_context, find_intel
from forumlens.analyse.askmodel import type_features
from forumlens.analyse.presenter import moderator_sentences
from forumlens.models import Session
from forumlens.resolve.cast import Cast, resolve_session
from forumlens.transcript.parse import parse_transcript

ROOT = Path(__file__).resolve().parents[1]
DC_REPORT = ROOT / "tests" / "resources" / "asks_blind4" / "dc-2019-berlin-coalition-report.txt"

SESSION = """>> MODERATOR: Good morning and welcome. We have sixty minutes. Maria Costa will start, then Jon Berg.
Maria, over to you.
>> MARIA COSTA: Thank you. Our network trains volunteers in rural libraries. We need funding for the trainers.
>> MODERATOR: Thank you, Maria. Jon Berg, please go ahead.
>> JON BERG: The regulators should publish the coverage maps every quarter.
>> MODERATOR: Thank you both. If you work on rural access, please join the mailing list of the coalition, \
the sign-up sheet is at the door. Thank you all and see you tomorrow.
"""


def test_a_chairs_hand_overs_are_not_asks_and_the_closing_call_to_the_room_is() -> None:
    session = parse_transcript(SESSION, source="presenter-test")
    ctx = build_context(session, None, None, None)
    chair = [t for t in ctx.turns if ctx.is_moderator(t.index)]
    assert len(chair) == 3
    assert moderator_sentences(ctx, chair[0]) == []  # opening: welcome, plan, hand-over
    assert moderator_sentences(ctx, chair[1]) == []  # a short hand-over naming the next speaker
    closing = [s.text for s in moderator_sentences(ctx, chair[2])]
    assert any("join the mailing list" in s for s in closing)
    asks = find_intel(session, mentions=[]).asks
    by_line = {a.line: a for a in asks}
    assert by_line[6].category in ("participation", "communication-channels")
    assert "join the mailing list" in by_line[6].quote
    assert not any(a.line in (1, 2, 4) for a in asks)
    assert {a.line for a in asks} >= {3, 5}


def test_a_coordinator_presenting_under_the_moderator_label_gets_the_coalitions_asks() -> None:
    session = parse_transcript(DC_REPORT.read_text("utf-8"), source=DC_REPORT.name)
    ctx = build_context(session, None, None, None)
    asks = find_intel(session).asks
    chair_lines = {ln for t in ctx.turns if ctx.is_moderator(t.index) for ln in range(t.line, t.end_line + 1)}
    chair_asks = [a for a in asks if a.line in chair_lines]
    quotes = " ".join(a.quote for a in chair_asks)
    assert "ask the MAG" in quotes and "Secretariat" in quotes and "NRIs" in quotes
    # The opening turn (welcome, seats, plan) gives nothing.
    first = min(t.index for t in ctx.turns if ctx.is_moderator(t.index))
    assert moderator_sentences(ctx, ctx.turns[first]) == []


def test_stop_20_features_read_the_shape_not_the_words() -> None:
    assert "after-condition" in type_features("If the pilot works, fund it for three more years.")
    assert "imperative" in type_features("If the pilot works, fund it for three more years.")
    assert "cue:that-proposal" in type_features("Our council recommends that the fees are cut.")
    assert "cue:we-will" in type_features("And we, the youth forum, will document every outage.")
    assert "cue:we-will" not in type_features("We will now hear from the second panel.")
    assert "ctx:intro-need" in type_features("a budget for the trainers", "Our needs, in short: ")


# A lightning talk: the host opens and keeps time, the speaker does most of the talking and
# takes the floor's questions, so a role reader may call the speaker the moderator.
_TALK = """>> HOST:  Hello, we continue with the next short talk. Ama Quartey-Lindholm, the stage is yours.
>> AMA QUARTEY-LINDHOLM:  Thank you. Who of you has reported a broken streetlight to the city, ever? Okay, quite some. \
Our volunteers built a small app for the drains in our town, and in two years we got four thousand reports.
>> AMA QUARTEY-LINDHOLM:  What did we learn? The engineers did not trust the photos of the citizens. \
So the city councils should publish every report and its status on an open map, not only the numbers. \
And the water ministry should answer every report within one week, with a name and a date.
>> AMA QUARTEY-LINDHOLM:  The code is open and free to copy. Send us the cases where a report was ignored and \
then the street flooded, from any town. We will collect them into one report for the regional assembly next year.
>> HOST:  Thank you, Ama. Questions? Yes, you.
>> PARTICIPANT:  Thank you. How do you stop people from sending the same drain many times?
>> AMA QUARTEY-LINDHOLM:  The app shows the reports near you first, so you press 'me too' instead of a new report. \
It is not perfect, maybe ten percent are still duplicates, but the engineers can live with that number.
>> HOST:  We are out of time, thank you all.
"""


def _talk_as_cast(moderator: str) -> tuple[Session, Cast]:
    """The session and its cast with the speaker labelled `moderator` as its one moderator
    (as resolve may read a talk)."""
    session = parse_transcript(_TALK, source="talk-test")
    cast = resolve_session(session)
    people = [replace(p, role="moderator" if moderator in p.labels else "guest") for p in cast.people]
    return session, replace(cast, people=people)


def test_a_moderator_who_holds_the_session_gives_the_talk_and_her_asks_count() -> None:
    session, cast = _talk_as_cast("AMA QUARTEY-LINDHOLM")
    ctx = build_context(session, cast, [], None)
    assert ctx.people[2].role == "moderator"
    quotes = " ".join(a.quote for a in find_intel(session, cast, mentions=[]).asks)
    assert "city councils should publish every report" in quotes
    assert "Send us the cases" in quotes
    # her first turn still opens (poll, greeting) and her questions stay questions
    assert "Who of you" not in quotes and "What did we learn" not in quotes


def test_a_chair_with_a_small_share_of_the_words_stays_a_chair() -> None:
    session, cast = _talk_as_cast("HOST")
    ctx = build_context(session, cast, [], None)
    host = [t for t in ctx.turns if ctx.is_moderator(t.index)]
    assert host and all(moderator_sentences(ctx, t) == [] for t in host[:-1])

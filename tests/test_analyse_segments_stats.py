"""Agenda segments and speaking statistics."""

from __future__ import annotations

import itertools

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.stats import count_words
from forumlens.resolve import Cast, Person
from forumlens.transcript.parse import parse_transcript

SMALL = (
    ">> MODERATOR: Welcome. Please keep your interventions to 2 minutes, do not go more than 3 minutes.\n"
    ">> MODERATOR: Let's start with our first policy question, funding of community networks. Ana, go ahead.\n"
    ">> ANA LIMA: " + "word " * 500 + "\n"
    ">> MODERATOR: Thank you. Now we move to the second policy question, skills and local content.\n"
    ">> BEN OKAFOR: " + "word " * 100 + "\n"
)


def test_shared_segments(main_text: str) -> None:
    segments = find_intel(parse_transcript(main_text)).to_json()["segments"]
    starts = [s["from_line"] for s in segments]
    assert starts[:6] == [7, 17, 99, 157, 195, 257]
    assert "environmental sustainability and climate change" in segments[2]["title"]
    assert all(a["to_line"] < b["from_line"] for a, b in itertools.pairwise(segments))


def test_small_segments() -> None:
    titles = [s["title"] for s in find_intel(parse_transcript(SMALL), mentions=[]).to_json()["segments"]]
    assert titles == ["Opening", "funding of community networks", "skills and local content"]


def test_limit_is_the_hard_ceiling_and_overruns() -> None:
    stats = find_intel(parse_transcript(SMALL), mentions=[]).stats
    assert stats is not None and stats.limit == 3.0
    assert [(o.by, o.line) for o in stats.overruns] == [("Ana Lima", 3)]  # 500 words = 3.3 min > 3


@pytest.mark.parametrize("wpm, minutes", [(150.0, 3.3), (100.0, 5.0)])
def test_words_per_minute_is_a_parameter(wpm: float, minutes: float) -> None:
    stats = find_intel(parse_transcript(SMALL), mentions=[], words_per_minute=wpm).stats
    assert stats is not None
    assert next(p for p in stats.people if p.key == "Ana Lima").minutes == minutes


def test_no_announced_limit_no_overruns() -> None:
    text = ">> MODERATOR: Welcome, Ana, go ahead.\n>> ANA LIMA: " + "word " * 2000 + "\n"
    stats = find_intel(parse_transcript(text), mentions=[]).stats
    assert stats is not None and stats.limit is None and stats.overruns == ()


def test_shared_limit_and_overruns(main_text: str) -> None:
    stats = find_intel(parse_transcript(main_text)).stats
    assert stats is not None and stats.limit == 4.0 and stats.limit_line == 21
    assert {o.by for o in stats.overruns} == {"Chris Marsden", "Jason Munyan"}
    assert {g.key for g in stats.roles} >= {"moderator"}


def test_count_words_skips_stage_notes() -> None:
    assert count_words("Thank you. (Applause) We need funding.") == 5


def test_cast_gives_roles_modes_and_stakeholders() -> None:
    """Roles, modes and stakeholder groups come from resolve's `Cast` when one is given."""
    text = (
        ">> JO CHAIR: Welcome. Ana, the floor is yours. Keep it to 1 minute please.\n"
        ">> ANA LIMA: " + "word " * 200 + "\n"
    )
    cast = Cast(
        people=(
            Person("Jo Chair", labels=("JO CHAIR",), role="moderator", mode="onsite"),
            Person("Ana Lima", labels=("ANA LIMA",), role="guest", mode="online", stakeholder="Civil Society"),
        ),
        coalitions=(),
    )
    stats = find_intel(parse_transcript(text), cast, mentions=[]).stats
    assert stats is not None
    assert {g.key for g in stats.roles} == {"moderator", "guest"}
    assert {g.key for g in stats.modes} == {"onsite", "online"}
    assert "Civil Society" in {g.key for g in stats.stakeholders}
    assert [o.by for o in stats.overruns] == ["Ana Lima"]


def test_people_and_speaking_time_count_the_same_words() -> None:
    # "(Speaking through interpreter)" was counted in `people` and not in speaking time
    from forumlens.pipeline import analyse_session

    session = parse_transcript(
        ">> MODERATOR: Good morning. I am Lena Okafor and I will moderate this session today.\n\n"
        ">> INTERPRETER: (Speaking through interpreter) Thank you. I am Jonas Berg from the Ministry of"
        " Transport of Norland. Backhaul for rural schools costs too much. (Applause)\n\n"
        ">> LENA OKAFOR: Thank you, Jonas, for this [inaudible] answer.\n",
        source="notes.txt",
    )
    analysed = analyse_session(session)
    people = {p["name"]: p["words"] for p in analysed["people"] if p.get("name")}
    timed = {g["name"]: g["words"] for g in analysed["stats"]["people"]}
    assert people["Jonas Berg"] == timed["Jonas Berg"] == 20
    assert people["Lena Okafor"] == timed["Lena Okafor"] == count_words(session.turns[0].text) + 6

"""The room's decisions reach the calls to action (`actions.select_actions`' reserved slot).

Every rapporteur reference of the development sets lists a session's agreed next steps
under its calls to action. The takeaways keep one decision (`with_decision`, issue 23 item
2); the calls hold up to `DECISIONS_IN_CALLS` more. Checked on the policy-network and
town-hall sessions of held_out3 (development data now), whose closing announces several
next steps, and on the guarantee's own rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.analyse.models import Ask
from forumlens.pipeline import analyse_session
from forumlens.summarise import build_report, check_citations
from forumlens.summarise.actions import DECISIONS_IN_CALLS, select_actions
from forumlens.summarise.context import build_context
from forumlens.summarise.report import announced, room_decision
from forumlens.summarise.units import Unit
from forumlens.transcript.parse import parse_transcript

HELD3 = Path(__file__).resolve().parent / "resources" / "summarise" / "held_out3"


def _session(name: str):
    path = HELD3 / f"{name}.txt"
    return parse_transcript(path.read_text("utf-8"), source=path.name, sha256=path.name)


@pytest.mark.parametrize(
    ("name", "step"),
    [
        ("pn-internet-fragmentation-2023", "consultations on the Global Digital Compact"),
        ("th-submarine-cables-2024", "advisory body on submarine cable resilience"),
    ],
)
def test_the_announced_next_steps_are_calls_to_action(name: str, step: str) -> None:
    session = _session(name)
    report = build_report(session, analyse_session(session))
    calls = [b.text for b in report.calls_to_action]
    assert any(step in text for text in calls), calls
    assert not any(step in b.text for b in report.takeaways)  # said once in the report
    assert len(calls) <= 5
    assert check_citations(report, [session]) == []


def test_the_reserved_slot_adds_decisions_only_up_to_its_limit_and_keeps_the_section_size() -> None:
    session = _session("th-submarine-cables-2024")
    ctx = build_context(session, analyse_session(session))
    decided = announced(ctx.units)
    pool = ctx.ranking().scored()

    def is_room(unit: Unit) -> bool:
        return room_decision(unit, ctx.chairs, decided)

    def calls(asks: list[Ask], reserve: int, room=is_room):
        return select_actions(session, ctx.units, asks, 5, ctx.chairs, pool, decided=room, reserve=reserve)

    decisions = [s for s in pool if is_room(s.unit)]
    assert len(decisions) > DECISIONS_IN_CALLS  # the closing announces more than the calls keep
    assert calls([], 0) == []  # no asks, no slot: no calls
    added = calls([], DECISIONS_IN_CALLS)
    assert 1 <= len(added) <= DECISIONS_IN_CALLS
    assert all(is_room(item.unit) for item, _cite, _category in added)
    for item, cite, _category in added:  # each citation quotes the source verbatim
        assert cite.quote in session.turns[item.unit.turn].text
    assert calls([], DECISIONS_IN_CALLS, lambda _u: False) == []  # nothing decided
    # a full section gives up its weakest calls for the decisions, never grows
    others = sorted((s for s in pool if not is_room(s.unit)), key=lambda s: -s.score)[:12]
    asks = [Ask(category="other", type="ask", by=s.unit.who, line=s.unit.line, quote=s.unit.text) for s in others]
    full = calls(asks, 0)
    assert len(full) == 5 and not any(is_room(item.unit) for item, _cite, _category in full)
    swapped = calls(asks, DECISIONS_IN_CALLS)
    assert len(swapped) == 5
    kept = [item for item, _cite, _category in swapped if not is_room(item.unit)]
    assert len(kept) == 5 - len(added)
    strongest = sorted((item.score for item, _cite, _category in full), reverse=True)
    assert sorted(s.score for s in kept) == sorted(strongest[: len(kept)])  # the weakest calls gave way
    positions = [item.unit.position for item, _cite, _category in swapped]
    assert positions == sorted(positions)  # session order

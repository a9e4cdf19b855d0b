"""A facilitator's harvest is the session's outcome (issue 23): "I want to try to say back to
you what I think the room showed" followed by numbered points is a wrap-up, each point's
sentences belong to it (a bare "Two." heading a point is no sentence of it), and the points
of a wrap-up that goes point by point have a share of the closing of their own, so the
closing's other talk does not crowd them out.

The fixture is invented here (no corpus text): a world café on repairing phones whose tables
report back and whose facilitator says back what the room found.
"""

from __future__ import annotations

import pytest

from forumlens.summarise import build_report
from forumlens.summarise.context import build_context
from forumlens.summarise.rank import _ANNOUNCE, Scored, _within, mmr_select, vectorise, wrapup_spans
from forumlens.summarise.report import with_decision
from forumlens.summarise.units import Unit
from forumlens.transcript.parse import parse_transcript

CAFE = """World cafe on the right to repair phones

>>MODERATOR:  Welcome.  Three tables, twenty minutes each, then the tables report.

>>TOMASZ WIERZBICKI:  At our table the repairers said spare screens for cheap phones are sold only to authorised shops, so a street repairer pays three times the price on the grey market.

>>ADWOA MENSAH-BOATENG:  Our table found that software locks pair a battery with one phone, and a new battery from another phone shows a warning that scares customers away.

>>LUCIA FERREYRA:  We talked about manuals.  Service manuals are published in two languages only and repairers in our region translate them with machine translation, which gets the torque values wrong.

>>MODERATOR:  Thank you, tables.  I was writing during the reports, and I want to try to say back to you what I think the room showed, and you correct me.

One.  Spare parts are the first barrier.  Street repairers pay far more than authorised shops for the same screen.  Several tables want parts sold to any repairer at one price.

Two.  Software pairing of batteries and screens blocks independent repair.  The warnings drive customers back to the manufacturer.

Three.  Manuals must come in the languages repairers read.  Machine translation is not enough for technical values.

Did I get it right?

>>LUCIA FERREYRA:  Yes, and add that the manuals should be free of charge.

>>MODERATOR:  Noted.  The report goes online next week.  The coffee is outside.  Thank you all for coming, and thanks to the captioners.  We will also send the report to the organisers, and we hope to see you next year.
"""


@pytest.fixture(scope="module")
def cafe():  # type: ignore[no-untyped-def]
    return parse_transcript(CAFE, source="cafe.txt", sha256="cafe")


@pytest.mark.parametrize(
    ("sentence", "announces"),
    [
        ("I want to try to say back to you what I think the room showed, and you correct me.", True),
        ("Let me summarise what I take from this roundtable.", True),
        ("Let me read back what we heard from the tables.", True),
        ("Can you read back what the password is?", False),  # nobody announces a summary
        ("I want to say that the back office never answered.", False),
    ],
)
def test_saying_back_what_the_room_said_announces_a_wrap_up(sentence: str, announces: bool) -> None:
    assert bool(_ANNOUNCE.search(sentence)) is announces


def test_a_harvest_carries_through_its_numbered_points(cafe) -> None:  # type: ignore[no-untyped-def]
    ctx = build_context(cafe)
    spans = wrapup_spans(ctx.units)
    carried = [u.text for u in ctx.units if (u.session, u.turn, u.start, u.end) in spans]
    # a bare "One." does not use up one of the sentences the point carries
    assert "Several tables want parts sold to any repairer at one price." in carried
    assert "The warnings drive customers back to the manufacturer." in carried
    assert "Machine translation is not enough for technical values." in carried
    # the tables' own reports came before the announcement: they are no part of it
    assert not any("torque values" in t or "grey market" in t for t in carried)


def test_only_a_wrap_up_that_goes_point_by_point_is_a_harvest(cafe) -> None:  # type: ignore[no-untyped-def]
    units = build_context(cafe).units
    assert wrapup_spans(units, numbered=True) == wrapup_spans(units)
    plain = parse_transcript(
        "Closing\n\n>>ADWOA MENSAH-BOATENG:  "
        + "Street repairers in our city pay three times the authorised price for a screen.  " * 6
        + "\n\n>>CHAIR:  Let me sum up.  Repairers need parts at one price.  Thank you all for coming today.\n",
        source="plain.txt",
        sha256="plain",
    )
    plain_units = build_context(plain).units
    assert wrapup_spans(plain_units)  # a wrap-up...
    assert not wrapup_spans(plain_units, numbered=True)  # ...but not one point by point


def test_a_wrap_up_has_a_share_of_the_closing_of_its_own(cafe) -> None:  # type: ignore[no-untyped-def]
    ctx = build_context(cafe)
    spans = wrapup_spans(ctx.units)
    late = [u for u in ctx.units if u.position >= 0.5 and u.words >= 5]
    vecs = vectorise(late).vecs
    pool = [Scored(u, 1.0, v) for u, v in zip(late, vecs)]

    def restates(u):  # type: ignore[no-untyped-def]
        return (u.session, u.turn, u.start, u.end) in spans

    plain = mmr_select(pool, 6, per_speaker=9, max_sim=1.0, closing=(0.5, 1))
    assert len(plain) == 1  # the closing's one pick, and the body holds nothing else here
    shared = mmr_select(pool, 6, per_speaker=9, max_sim=1.0, closing=(0.5, 1), restates=restates)
    assert len(shared) == 2  # one more, from the harvest: its own share of one, no more
    assert sum(restates(s.unit) for s in shared) >= 1


def test_the_takeaways_keep_the_harvest(cafe) -> None:  # type: ignore[no-untyped-def]
    report = build_report(cafe)
    harvest = {u.line for u in build_context(cafe).units if u.text.startswith(("Spare parts", "Software pairing"))}
    cited = {c.line for b in report.takeaways for c in b.citations}
    assert cited & harvest
    assert not any("coffee" in b.text for b in report.takeaways)


@pytest.mark.parametrize(
    ("after", "carries"),
    [
        ("Repairers need parts at one price.  Thank you all for coming today.", False),
        ("One.  Repairers need parts at one price.  Two.  Manuals must be translated.", True),
    ],
)
def test_an_announcement_without_a_summary_cue_carries_only_into_numbered_points(after: str, carries: bool) -> None:
    # "let me summarise in one minute" says no more than that a summary may follow: only
    # points said one by one show that it did ("Let me sum up." itself is a summary cue)
    said = parse_transcript(
        f"Closing\n\n>>CHAIR:  To close, let me summarise in one minute.  {after}\n", source="c.txt", sha256="c"
    )
    carried = [u.text for u in build_context(said).units if _within(wrapup_spans(build_context(said).units), u)]
    assert ("Repairers need parts at one price." in carried) is carries


def test_a_numbered_synthesis_kept_whole_leaves_room_for_the_closings_decision() -> None:
    # four points of the chair's synthesis are one bullet: the section shows two, not five, so
    # the agreed next step is added even though every takeaway is protected (a main ask)
    said = parse_transcript(
        "Closing\n\n>>ADWOA MENSAH-BOATENG:  "
        + "Street repairers in our city pay three times the authorised price for a screen.  " * 6
        + "\n\n>>CHAIR:  Let me sum up.  First, parts cost too much.  Second, software locks block repair.  "
        "Third, manuals are in two languages only.  Fourth, repairers lack training.\n\n"
        ">>CHAIR:  We agreed that the organisers will publish the repair report in March.\n",
        source="d.txt",
        sha256="d",
    )
    units = build_context(said).units
    pool = [Scored(u, 1.0, v) for u, v in zip(units, vectorise(units).vecs)]
    decision = next(s for s in pool if "publish" in s.unit.text)
    chosen = [s for s in pool if s.unit.text.startswith(("First", "Second", "Third", "Fourth", "Let me"))]
    chairs = {units[0].who}

    def protect(_u: Unit) -> bool:
        return True

    assert with_decision(chosen, pool, keep=protect, chairs=chairs, room=5) == chosen  # counted as five
    shown = with_decision(chosen, pool, keep=protect, chairs=chairs, room=5, shown=lambda items: len(items) - 3)
    assert decision in shown and len(shown) == len(chosen) + 1

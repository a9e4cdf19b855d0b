"""Takeaways chosen by importance, not only centrality (issue 23, item 2).

A rapporteur's takeaways state a session's findings and outputs, its decisions and next
steps and its disagreements, and give each panellist's main point before anyone's second.
`rank.importance` weighs a sentence by those signals (the text's cues and what the
analyse/resolve stages found: commitments, questions, coalitions presented) and
`report.rank_takeaways` gives a new voice a large MMR bonus. Checked on the signals
themselves, on a written session whose decision and disagreement are not its most central
sentences, and on the development sessions with their analyses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from forumlens.analyse.models import Ask
from forumlens.pipeline import analyse_session
from forumlens.summarise import build_report, check_citations
from forumlens.summarise.context import build_context
from forumlens.summarise.rank import (
    IMPORTANCE,
    IMPORTANCE_MAX,
    Signals,
    announced_findings,
    importance,
    states_evidence,
)
from forumlens.summarise.report import rank_takeaways, signals_of
from forumlens.summarise.units import Unit, session_units
from forumlens.transcript.parse import parse_transcript

RES = Path(__file__).resolve().parent / "resources" / "summarise"
NETWORKS = RES / "ws-community-networks-2023.txt"

# Written for this test (invented people, caption style): a roundtable whose central
# vocabulary is "open data" and "portals", while the decision (a working group and a
# template) and the disagreement (on mandatory publication) are said once each.
ROUNDTABLE = """IGF 2025 – Day 2 – Open Forum: Open government data portals in West Africa

The following are the outputs of the real-time captioning taken during the Internet Governance Forum. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors.

***

>> MODERATOR:  Good morning, we start now, please take your seats.

>> AMINATA KONE:  Good morning everybody.  I am Aminata Kone and I moderate this open forum on open government data portals.  We have three speakers and then the floor.  Ousmane, please.

>> OUSMANE DIOP:  Thank you, Aminata.  In Senegal the open data portal now has 1,200 data sets, but most of them are old PDF files that nobody can reuse.  Open data portals in our region are full of files, but the files are not open data if a machine cannot read them.  Our main finding, after two years, is that portals without a legal obligation to publish are abandoned when the project money ends.

>> ABENA MENSAH:  Thank you.  In Ghana we see the same with our open data portal, the data sets on the portal are not updated and the users go away.  Journalists told us that they use open data only when it is updated every month.  The portals need a team inside each ministry, not only a website.

>> KOFI ASARE:  Thank you, Aminata.  I work with a civic tech group that builds tools on open data.  Open data from the portals is the raw material of our tools, for budgets, for health clinics, for schools.  I want to disagree with Ousmane on one point:  a legal obligation to publish everything will produce more useless files, we should rather start with the ten data sets that citizens ask for most.

>> OUSMANE DIOP:  I respect that, but without the law the ministries simply do not publish anything at all.

>> AMINATA KONE:  Thank you all.  We are out of time.  So we agreed to set up a working group of the three countries, and it will publish a common template for the ten most requested data sets before the next IGF.

Thank you very much.
"""


def _unit(text: str, line: int = 10, who: str = "Kofi Asare") -> Unit:
    return Unit(
        session="s",
        turn=1,
        sent_index=0,
        line=line,
        speaker=who,
        label=who.upper(),
        text=text,
        start=0,
        end=len(text),
        position=0.5,
        terms=(),
    )


@pytest.mark.parametrize(
    "text, signal",
    [
        ("Our main finding is that portals without a legal basis are abandoned after the project.", "finding"),
        ("We found that only one data set in ten is machine readable in the region.", "finding"),
        ("We agreed to set up a working group of the three countries on common templates.", "decision"),
        ("The coalition will publish a common template before the next IGF meeting.", "decision"),
        ("I want to disagree with Ousmane on the legal obligation to publish every data set.", "disagreement"),
        ("I respect that, but without the law the ministries do not publish anything.", "disagreement"),
    ],
)
def test_each_text_cue_raises_a_sentence_by_its_weight(text: str, signal: str) -> None:
    assert importance(_unit(text)) == pytest.approx(IMPORTANCE[signal])


def test_a_plain_claim_is_neutral_and_the_findings_of_earlier_stages_count() -> None:
    plain = _unit("Journalists use open data only when it is updated every month in the portal.", line=20)
    assert importance(plain) == 1.0
    signals = Signals(decisions=frozenset({20}), questions=frozenset(), presenters=frozenset())
    assert importance(plain, signals) == pytest.approx(IMPORTANCE["decision"])
    assert importance(plain, Signals(questions=frozenset({20}))) == pytest.approx(IMPORTANCE["question"])
    assert IMPORTANCE["question"] < 1.0
    assert importance(plain, Signals(presenters=frozenset({"Kofi Asare"}))) == pytest.approx(IMPORTANCE["presenter"])
    # a cue and a commitment on the same sentence count once as a decision
    both = _unit("We agreed to publish the template before the next IGF meeting.", line=20)
    assert importance(both, signals) == pytest.approx(IMPORTANCE["decision"])
    assert importance(_unit("We found that we disagree; we will publish both views."), signals) <= IMPORTANCE_MAX


def test_signals_come_from_the_analyse_and_resolve_findings() -> None:
    session = parse_transcript(NETWORKS.read_text("utf-8"), source=NETWORKS.name, sha256="networks")
    findings = analyse_session(session)
    ctx = build_context(session, findings)
    signals = signals_of(ctx)
    commitments = {a.line for a in ctx.findings.asks or () if a.type == "commitment"}
    assert signals.decisions == commitments
    asked = {line for q in ctx.findings.questions or () for line in (q.lines or (q.line,))}
    assert signals.questions == asked and asked  # Maria's question on security, Peter's on spectrum
    assert signals.presenters == {w for c in ctx.coalitions for w in c.speakers} and signals.presenters
    # asks given by the caller (the report's own, inferred or analysed): their commitments count
    line = next(u.line for u in ctx.units if "publish the map as open data" in u.text)
    given = (
        Ask("policy", "commitment", "Fatima Benali", line, "we will publish the map as open data next year"),
        Ask("funding", "ask", "Anna Schultz", line - 4, "So our ask to donors is to fund operations"),
    )
    assert signals_of(ctx, given).decisions == {line}
    # without the analyse stage: no commitments or questions known, the text cues remain
    bare = signals_of(build_context(session, None))
    assert bare.decisions == frozenset() and bare.questions == frozenset()


def _roundtable() -> tuple:
    session = parse_transcript(ROUNDTABLE, source="roundtable.txt", sha256="roundtable")
    return session, analyse_session(session)


def test_the_decision_and_the_disagreement_are_takeaways() -> None:
    session, findings = _roundtable()
    report = build_report(session, findings)
    text = " ".join(b.text for b in report.takeaways)
    assert "working group" in text and "template" in text  # the decision
    assert "disagree with Ousmane" in text  # Kofi Asare's disagreement
    assert "main finding" in text.lower()  # the finding
    # introductions are not takeaways: the chair's self-introduction is procedure, a
    # panellist's ("I work with a civic tech group ...") loses to their points
    assert "I moderate" not in text and "I work with" not in text
    assert check_citations(report, [session]) == []


def test_the_signals_move_the_decision_and_the_disagreement_up_the_ranking() -> None:
    """Weighed by importance (here the text cues alone: no commitments were analysed), the
    decision and the finding climb, and the cued sentences pass plain central claims."""
    session, findings = _roundtable()
    ctx = build_context(session, findings)
    signals = signals_of(ctx)

    def order(boost: Callable[[Unit], float] | None) -> list[str]:
        return [s.unit.text for s in sorted(ctx.ranking().scored(boost), key=lambda s: -s.score)]

    plain, weighed = order(None), order(lambda u: importance(u, signals))

    def place(ranked: list[str], needle: str) -> int:
        return next(i for i, t in enumerate(ranked) if needle in t)

    decision, disagreement, finding = "we agreed to set up a working group", "I want to disagree", "Our main finding"
    assert place(weighed, decision) < place(plain, decision)
    assert place(weighed, finding) < place(plain, finding)
    # the three cued sentences (and the rebuttal, "I respect that, but ...") rank above every
    # plain claim that centrality put above them
    uncued = [t for t in plain if not any(n in t for n in (decision, disagreement, finding, "I respect that"))]
    assert place(weighed, disagreement) < place(weighed, uncued[0])
    assert place(weighed, finding) < place(weighed, uncued[0])
    assert place(weighed, decision) < place(weighed, "Open data portals in our region")
    # a plain claim (no cue, no finding) only moves down
    claim = "Journalists told us"
    assert place(weighed, claim) >= place(plain, claim)


def test_every_panellist_speaks_before_anyone_speaks_twice() -> None:
    """New voices first: in each development session's takeaways, a speaker has a second
    point only when every other speaker with a renderable point already has one — checked
    as: the takeaways name at least as many distinct speakers as a cap of one per speaker
    would (up to the number of takeaways)."""
    for path in sorted(RES.glob("*.txt")):
        session = parse_transcript(path.read_text("utf-8"), source=path.name, sha256=path.name)
        ctx = build_context(session, analyse_session(session))
        chosen = rank_takeaways(ctx, 6)
        voices = Counter(s.unit.who for s in chosen)
        panel = {u.who for u in session_units(session) if u.who not in ctx.chairs and u.words >= 12}
        assert len(voices) >= min(len(chosen), len(panel)) - 1, (path.name, voices)


@pytest.mark.parametrize(
    "text",
    [
        "We tested 300 used phones, and 58 percent no longer received security updates.",
        "In our survey, 7 of 10 students who own a laptop bought it used.",
        "Around one third of the devices arriving as used equipment do not work.",
        "The traffic went up more than ten times in one year once the caches arrived.",
        "Only 12% of the schools in the region have a fixed connection today.",
    ],
)
def test_a_measured_share_or_count_is_evidence(text: str) -> None:
    assert states_evidence(text)
    assert importance(_unit(text)) == pytest.approx(IMPORTANCE["evidence"])


@pytest.mark.parametrize(
    "text",
    [
        "In Bolivia we have an exchange point since 2013, created by the regulator.",
        "We have only 75 minutes, and four speakers from four countries.",
        "In Senegal the open data portal now has 1,200 data sets that nobody reuses.",
    ],
)
def test_a_year_a_time_or_a_plain_count_is_not_evidence(text: str) -> None:
    assert not states_evidence(text)
    assert importance(_unit(text)) == 1.0


def test_a_lesson_learned_is_a_finding() -> None:
    lesson = _unit("So we learned that you can oblige the connection but you cannot oblige the trust.")
    assert importance(lesson) == pytest.approx(IMPORTANCE["finding"])
    assert importance(_unit("The lessons learned in Nepal apply to every landlocked country.")) > 1.0


# Written for this test (invented people, caption style): findings named in a short
# sentence and stated in the next ones, which hold no cue of their own.
FINDINGS = """IGF 2024 – Day 3 – DC Session: Used devices in the Global South

***

>> HENRIETTA WIERZ:  So the report.  Akosua, please.

>> AKOSUA BOATENG:  Thank you.  The second finding is the bad one.  Around one third of the devices arriving as used equipment do not work.  In reality it is waste that is exported as a product.  Our repairers in Nairobi call this the phone that refuses the doctor.

The third finding is about locks, and I want to say it carefully because the manufacturers are in the room today.  Activation locks stop the repair of many phones.

>> HENRIETTA WIERZ:  Thank you.  We have three findings in the report.

>> MARCO BELLANDI:  I did the chapter on security updates, and the buyers are never told.
"""


def test_a_short_announced_finding_carries_to_the_next_sentences_of_its_turn() -> None:
    session = parse_transcript(FINDINGS, source="findings.txt", sha256="findings")
    units = session_units(session)
    carried = announced_findings(units)
    by_text = {u.text: u for u in units}

    def key(start: str) -> tuple[int, int]:
        unit = next(u for t, u in by_text.items() if t.startswith(start))
        return (unit.turn, unit.sent_index)

    # the two sentences after "The second finding is the bad one." state it
    assert key("Around one third") in carried and key("In reality it is waste") in carried
    assert key("Our repairers") not in carried  # the carry is two sentences
    # a long announcement holds its own point and carries nothing
    assert key("Activation locks") not in carried
    # a count of findings carries only within its own turn: the next speaker's turn is theirs
    assert key("I did the chapter") not in carried
    stated = by_text[next(t for t in by_text if t.startswith("In reality it is waste"))]
    signals = Signals(announced_findings=carried)
    assert importance(stated, signals) == pytest.approx(IMPORTANCE["finding"])
    assert importance(stated) == 1.0


def test_the_report_signals_carry_the_announced_findings() -> None:
    session = parse_transcript(FINDINGS, source="findings.txt", sha256="findings")
    ctx = build_context(session, None)
    assert signals_of(ctx).announced_findings == announced_findings(ctx.units) != frozenset()


# Written for this test (invented people, caption style): a panellist sets out her points by
# number inside a long turn, among sentences of the same vocabulary; the floor speaker's
# "the first time" and the chair's "first" open no list.
POINTS = """Workshop: Repair cafes and the right to repair in West African cities

>> MODERATOR:  Welcome.  The first time we met on repair was in Accra.  Efua, please.

>> EFUA MENSAH:  Thank you.  Repair shops in Accra fix phones every day.  We visited forty repair shops in three cities.  First, spare parts arrive only through informal traders and cost twice the price in Europe.  Second, the shops cannot open the newer phones without tools that only the brands sell.  Third, repair manuals are published in English and French only.  Repair shops also train young people.

>> AUDIENCE:  The first time my phone broke, the repair shop fixed it in one hour for very little money.

>> MODERATOR:  Thank you both.  Let me close with what we heard.  First, spare parts are too expensive for the shops.  Second, the brands keep the tools for themselves.  We close here.
"""


def test_a_speakers_numbered_points_are_the_sentences_that_open_each_item() -> None:
    session = parse_transcript(POINTS, source="points.txt", sha256="points")
    ctx = build_context(session, None)
    points = signals_of(ctx).points
    opened = sorted(u.text.split(",")[0] for u in ctx.units if (u.turn, u.sent_index) in points)
    assert opened == ["First", "First", "Second", "Second", "Third"]
    # a point weighs 1.3 times the same sentence outside a list
    second = next(u for u in ctx.units if u.text.startswith("Second,"))
    assert importance(second, signals_of(ctx)) == pytest.approx(1.3 * importance(second, Signals()))
    plain = next(u for u in ctx.units if u.text.startswith("Repair shops also"))
    assert importance(plain, signals_of(ctx)) == importance(plain, Signals())
    assert not any("first time" in u.text for u in ctx.units if (u.turn, u.sent_index) in points)
    # the chair's numbered points sum the session up: they do not pay the chair's weight
    assert "MODERATOR" in ctx.chairs
    chair = {u.text.split(",")[0] for u in ctx.units if (u.turn, u.sent_index) in signals_of(ctx).chair_points}
    assert chair == {"First", "Second"}
    closing = next(u for u in ctx.units if u.text.startswith("Second, the brands"))
    assert importance(closing, signals_of(ctx)) == pytest.approx(1.3 / 0.6)  # the point, then the chair's lift
    assert importance(closing, signals_of(ctx)) <= IMPORTANCE_MAX  # the bound `spans` skips windows by
    assert importance(second, signals_of(ctx)) == pytest.approx(1.3)  # Efua is no chair

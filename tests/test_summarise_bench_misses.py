"""bench/summary_misses.py: each reference takeaway is matched to the source sentence that shares most
bigrams with it, and put in the class of the step that dropped it (or `chosen`).

Checked on our own fixture (tests/resources/summarise/of-cyber-capacity-2019.txt) with reference
takeaways built in the test: one restating a sentence the report cites, one a sentence it does not cite.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("nltk")  # the `bench` extra (rouge-score brings it)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "resources" / "summarise" / "of-cyber-capacity-2019.txt"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_summary_misses_under_test", ROOT / "bench" / "summary_misses.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def session_and_analyses():  # type: ignore[no-untyped-def]
    from forumlens.pipeline import analyse_session
    from forumlens.transcript.parse import parse_transcript

    session = parse_transcript(FIXTURE.read_text("utf-8"), source=FIXTURE.name, sha256=FIXTURE.name)
    return session, analyse_session(session)


def test_bigrams_are_stemmed_and_ordered() -> None:
    bench = _bench()
    assert ("capac", "build") in bench.bigrams("Capacity building matters")
    assert ("build", "capac") not in bench.bigrams("Capacity building matters")


def test_a_cited_sentence_is_chosen_and_an_uncited_one_is_classed(session_and_analyses) -> None:  # type: ignore[no-untyped-def]
    from forumlens.summarise import build_report
    from forumlens.summarise.context import build_context

    bench = _bench()
    session, analyses = session_and_analyses
    quotes = [c.quote for b in build_report(session, analyses).takeaways for c in b.citations]
    ranked = [s.unit for s in build_context(session, analyses).ranking().scored()]  # what the takeaways rank
    other = next(
        u.text
        for u in ranked
        if u.words >= 12 and not u.text.rstrip().endswith("?") and not any(q in u.text or u.text in q for q in quotes)
    )
    rows = bench.classify(session, analyses, [f"The speakers said: {quotes[0]}", other])
    assert rows[0][1] == "chosen"
    assert rows[1][1] != "chosen" and rows[1][1] in bench.CLASSES
    assert rows[1][2] is not None and rows[1][2].text == other


def test_cited_needs_the_line_and_a_quote_the_text_holds() -> None:
    from forumlens.summarise.units import Unit

    bench = _bench()
    text = "The capacity is tiny, and the threats are the same."
    unit = Unit("s", 0, 7, "Mele", None, 0, len(text), text, 0.1, 0, ("capacity", "tiny", "threats"))
    assert bench.cited(unit, [(7, "The capacity is tiny")])
    assert not bench.cited(unit, [(8, "The capacity is tiny")])
    assert not bench.cited(unit, [(7, "Four people for the whole country")])


def test_losses_are_the_references_below_some_baseline_on_rouge2_or_rougel() -> None:
    table = "\n".join(
        [
            "session                            task       system        R-1    R-2    R-L  words",
            "won-session                        takeaways  forumlens   0.400  0.150  0.200    180",
            "won-session                        takeaways  textrank    0.420  0.140  0.190    180",
            "lost-on-rl                         takeaways  forumlens   0.400  0.150  0.180    180",
            "lost-on-rl                         takeaways  lexrank     0.380  0.100  0.190    180",
            "lost-on-r2                         takeaways  forumlens   0.400  0.090  0.250    180",
            "lost-on-r2                         takeaways  lead-k      0.300  0.095  0.150    180",
            "won-takeaways-lost-report          takeaways  forumlens   0.400  0.150  0.250    180",
            "won-takeaways-lost-report          report     textrank    0.500  0.190  0.290    250",
            "MEAN                               takeaways  textrank    0.900  0.900  0.900    180",
        ]
    )
    assert _bench().losing(table) == {"lost-on-rl", "lost-on-r2"}


def test_a_best_source_is_described_by_role_place_and_what_the_analysis_found() -> None:
    from forumlens.analyse.models import Ask
    from forumlens.summarise import Findings
    from forumlens.summarise.context import build_context
    from forumlens.transcript.parse import parse_transcript

    text = (
        ">> MODERATOR: Welcome to the workshop on rural connectivity. Ana, please start.\n"
        ">> ANA LIMA: Our main finding is that backhaul prices decide whether a community network survives."
        " Regulators should waive spectrum fees for villages.\n"
        ">> BO TANAKA: In our survey 40 percent of the networks closed within three years.\n"
        ">> BO TANAKA: We will publish the survey data next month.\n"
        ">> MODERATOR: To sum up, backhaul prices matter most. Thank you all.\n"
    )
    session = parse_transcript(text, source="k.txt", sha256="k")
    units = build_context(session).units
    ask = next(u for u in units if "waive" in u.text)
    promise = next(u for u in units if "publish" in u.text)
    findings = Findings(
        asks=(
            Ask("spectrum", "recommendation", "Ana Lima", ask.line, ask.text),
            Ask("data", "commitment", "Bo Tanaka", promise.line, promise.text),
        ),
        questions=(),
    )
    ctx = build_context(session, findings)
    kinds = {u.text.split()[0]: _bench().source_kinds(ctx, frozenset(), u) for u in ctx.units}
    assert kinds["Welcome"][:2] == ("chair", "opening")
    assert kinds["Our"] == ("panellist", "body", "finding cue")
    assert kinds["Regulators"] == ("panellist", "body", "ask")
    assert kinds["In"] == ("panellist", "body", "figures")
    assert kinds["We"] == ("panellist", "body", "commitment", "decision cue")
    assert kinds["To"] == ("chair", "closing", "summing-up")
    assert (
        _bench().source_kinds(ctx, frozenset({"Bo Tanaka"}), next(u for u in ctx.units if u.text.startswith("In")))[0]
        == "presenter"
    )


def _unit(text: str, line: int) -> object:
    from forumlens.summarise.units import Unit

    return Unit("s", line, line, "Ana", None, 0, len(text), text, line / 10, 0, tuple(text.lower().split()))


def test_a_takeaway_said_over_several_sentences_is_spread_and_one_said_once_is_not() -> None:
    bench = _bench()
    units = [
        _unit("Backhaul prices decide whether a community network survives.", 1),
        _unit("Spectrum fees for villages should be waived by the regulator.", 2),
        _unit("Trained local technicians keep the networks running.", 3),
    ]
    # the rapporteur joined three sentences: the best one holds under half of what the three hold
    joined = (
        "Backhaul prices decide whether a community network survives, spectrum fees for villages matter,"
        " and trained local technicians keep the networks running."
    )
    best = bench.best_source(joined, units)
    assert best is not None and bench.spread(joined, units, best)
    said_once = "Backhaul prices decide whether a community network survives, the speakers said."
    best = bench.best_source(said_once, units)
    assert best is units[0] and not bench.spread(said_once, units, best)


def test_rounds_are_the_held_out_folders_in_order_and_the_rest_is_dev(capsys: pytest.CaptureFixture[str]) -> None:
    from collections import Counter

    bench = _bench()
    assert bench.round_of(Path("x/held_out12/a.txt")) == "held_out12"
    assert bench.round_of(Path("tests/resources/summarise/a.txt")) == "dev"
    bench.print_rounds(
        Counter(
            {("held_out10", "chosen"): 2, ("held_out", "spread"): 1, ("dev", "chosen"): 3, ("held_out2", "chosen"): 1}
        )
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "by round (dev 1 2 10)"
    chosen = next(line for line in out if line.strip().startswith("chosen"))
    assert chosen.split("rounds:")[0].split()[-1] == "3" and chosen.split("rounds:")[1].split() == ["3", "0", "1", "2"]
    spread = next(line for line in out if line.strip().startswith("spread"))
    assert spread.split("rounds:")[1].split() == ["0", "1", "0", "0"]

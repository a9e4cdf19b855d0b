"""summarise/textrank.py: TextRank's sentence graph and each sentence's share, as takeaways weigh them.

The postings-built graph must be the textbook one (every pair that shares a term, shared
terms over the sum of log sizes), so it is checked against the plain all-pairs loop the
leave-one-set-out bench measured (`bench/summary_loso.textrank_graph`) on a real transcript.
"""

from __future__ import annotations

import hashlib
import math
import sys
from pathlib import Path

import pytest

from forumlens.summarise.context import build_context
from forumlens.summarise.rank import rankable
from forumlens.summarise.textrank import sentence_key, textrank_graph, textrank_shares
from forumlens.summarise.units import Unit, session_units
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent
COMMUNITY = HERE / "resources" / "summarise" / "ws-community-networks-2023.txt"


def _unit(turn: int, index: int, text: str, terms: tuple[str, ...], who: str = "Ana") -> Unit:
    return Unit("s", turn, 1 + turn, who, None, 0, len(text), text, turn / 10, index, terms)


def test_only_sentences_that_share_a_term_are_linked_by_shared_terms_over_log_sizes() -> None:
    sets = [frozenset({"spectrum", "licence", "fee"}), frozenset({"spectrum", "fee"}), frozenset({"school", "meal"})]
    graph = textrank_graph(sets)
    assert graph[2] == {}
    assert graph[0] == {1: 2 / (math.log(3) + math.log(2))}
    assert graph[1] == {0: graph[0][1]}


def test_a_sentence_of_one_term_counts_as_two_so_no_edge_divides_by_zero() -> None:
    graph = textrank_graph([frozenset({"fee"}), frozenset({"fee"})])
    assert graph[0][1] == 1 / (2 * math.log(2))


def test_the_sentence_that_ties_the_session_together_has_the_top_share() -> None:
    units = [
        _unit(0, 0, "Spectrum fees keep rural networks out.", ("spectrum", "fee", "rural", "network")),
        _unit(1, 0, "Rural networks need spectrum.", ("rural", "network", "need", "spectrum")),
        _unit(2, 0, "Fees for spectrum should fall.", ("fee", "spectrum", "fall", "should")),
        _unit(3, 0, "Lunch is at noon downstairs.", ("lunch", "noon", "downstair")),
    ]
    shares = textrank_shares(units)
    assert shares[sentence_key(units[0])] == 1.0
    assert shares[sentence_key(units[3])] < shares[sentence_key(units[1])]


def test_a_clause_window_keys_as_its_whole_sentence() -> None:
    whole = _unit(4, 2, "Spectrum fees, which regulators set, keep rural networks out.", ("spectrum", "fee"))
    window = Unit("s", 4, 5, "Ana", None, 0, 12, "Spectrum fees", 0.4, 2, ("spectrum", "fee"))
    assert sentence_key(window) == sentence_key(whole) == ("s", 4, 2)


def test_nothing_rankable_has_no_shares() -> None:
    assert textrank_shares([]) == {}


def test_the_postings_graph_is_the_all_pairs_one_on_a_real_transcript() -> None:
    sys.path.insert(0, str(HERE.parents[0] / "bench"))
    try:
        from summary_loso import textrank_graph as plain  # the bench's all-pairs loop
    except ImportError:  # the bench extra (sumy, rouge-score) is not installed
        pytest.skip("bench extra not installed")
    data = COMMUNITY.read_bytes()
    session = parse_transcript(data.decode("utf-8"), source=COMMUNITY.name, sha256=hashlib.sha256(data).hexdigest())
    keep = [u for u in session_units(session) if rankable(u)]
    vecs = [dict.fromkeys(u.terms, 1.0) for u in keep]
    assert len(keep) > 40
    assert textrank_graph([frozenset(v) for v in vecs]) == plain(vecs)


def test_as_shipped_the_textrank_share_is_off_and_not_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    from forumlens.summarise import report

    data = COMMUNITY.read_bytes()
    session = parse_transcript(data.decode("utf-8"), source=COMMUNITY.name, sha256=hashlib.sha256(data).hexdigest())
    ctx = build_context(session)
    assert report.TEXTRANK_POWER == 0.0
    report.takeaway_boost(ctx, report.signals_of(ctx))
    assert ctx._textrank is None


def test_a_report_context_computes_the_shares_once() -> None:
    data = COMMUNITY.read_bytes()
    session = parse_transcript(data.decode("utf-8"), source=COMMUNITY.name, sha256=hashlib.sha256(data).hexdigest())
    ctx = build_context(session)
    first = ctx.textrank()
    assert first is ctx.textrank()
    assert max(first.values()) == 1.0 and min(first.values()) > 0.0


def test_with_a_power_a_takeaway_weighs_its_textrank_share_and_nothing_else_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from forumlens.summarise import report

    data = COMMUNITY.read_bytes()
    session = parse_transcript(data.decode("utf-8"), source=COMMUNITY.name, sha256=hashlib.sha256(data).hexdigest())
    ctx = build_context(session)
    signals = report.signals_of(ctx)
    shares = ctx.textrank()
    plain = report.takeaway_boost(ctx, signals)
    monkeypatch.setattr(report, "TEXTRANK_POWER", 0.5)
    weighted = report.takeaway_boost(ctx, signals)
    units = [u for u in ctx.units if sentence_key(u) in shares]
    assert any(shares[sentence_key(u)] < 1.0 for u in units)
    for u in units:
        expected = plain(u) * shares[sentence_key(u)] ** 0.5
        assert math.isclose(weighted(u), expected, rel_tol=1e-9)

"""bench/summary_loso.py: the pure parts of the leave-one-set-out reading of the takeaway ranker.

The baselines are cut as bench/summaries.py cuts them, TextRank's graph links sentences by their
shared terms, a variant patches the ranker only while it runs, and the leave-one-set-out choice
scores each set with the variant best on the *other* sets.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pytest

pytest.importorskip("sumy")  # the `bench` extra
pytest.importorskip("rouge_score")

from forumlens.summarise import rank, report
from forumlens.summarise.context import build_context
from forumlens.summarise.units import Unit
from forumlens.transcript.parse import parse_transcript

from .bench_support import load_bench

loso = load_bench("summary_loso")
COMMUNITY = Path(__file__).resolve().parent / "resources" / "summarise" / "ws-community-networks-2023.txt"


def test_baseline_takes_best_rated_until_the_budget_in_document_order_and_cuts_the_last() -> None:
    best_first = [(2, "three words here"), (0, "one two"), (1, "never reached at all")]
    assert loso.baseline_text(best_first, 4) == "one two\nthree words"


def test_textrank_graph_links_only_sentences_that_share_terms() -> None:
    vecs = [{"spyware": 0.7, "phone": 0.7}, {"phone": 1.0, "police": 0.1}, {"donation": 1.0}]
    graph = loso.textrank_graph(vecs)
    assert set(graph[0]) == {1} and graph[0][1] == graph[1][0] > 0
    assert graph[2] == {}


def test_a_variant_patches_the_ranker_only_while_it_runs() -> None:
    shipped = dict(rank.IMPORTANCE)
    with loso.variant(loso.VARIANTS["no importance"]):
        assert set(rank.IMPORTANCE.values()) == {1.0}
    assert dict(rank.IMPORTANCE) == shipped


def _case(name: str, group: str) -> object:
    return loso.Case(name, group, None, None, "", {})


def test_leave_one_set_out_scores_each_set_with_the_variant_chosen_on_the_others() -> None:
    cases = [_case("a1", "set a"), _case("b1", "set b"), _case("c1", "set c")]

    def row(ours: float) -> dict[str, tuple[float, float]]:
        return {"forumlens": (ours, ours), "textrank": (0.1, 0.1)}

    # "fitted" is best on set a only; "broad" is better than base on b and c
    results = {
        "base": {"a1": row(0.10), "b1": row(0.10), "c1": row(0.10)},
        "fitted": {"a1": row(0.50), "b1": row(0.05), "c1": row(0.05)},
        "broad": {"a1": row(0.09), "b1": row(0.12), "c1": row(0.12)},
    }
    text = loso.report(results, cases)
    assert "set a        chose broad" in text  # chosen on b and c, where "fitted" loses
    assert "set b        chose fitted" in text  # a's large gain outweighs c's loss
    # out of fold: a scored with broad (.09), b and c with fitted (.05): mean .0633
    assert "out of fold, pooled: 0.0633 / 0.0633; 0 / 0" in text


def test_a_length_prior_raises_long_sentences_and_widens_the_window_bounds_only_while_it_runs() -> None:
    from forumlens.summarise import spans

    shipped_bound = spans._MAX_WORDING
    with loso.variant(loso.length_prior(0.3)):
        assert rank._length_factor(40) > rank._length_factor(20) == 1.0 > rank._length_factor(12)
        widened = spans._MAX_WORDING
        assert widened == pytest.approx(shipped_bound * 1.5)
    restored = spans._MAX_WORDING
    assert rank._length_factor(40) == rank._length_factor(20) == 1.0
    assert restored == shipped_bound


def test_no_clause_trimming_keeps_every_sentence_whole_while_it_runs() -> None:
    from forumlens.summarise import spans

    with loso.variant(loso.VARIANTS["no clause trimming"]):
        assert spans.MIN_TRIM_WORDS > 10_000
    assert spans.MIN_TRIM_WORDS == 22


def test_a_line_read_out_after_a_relay_in_its_own_turn_is_penalised() -> None:
    from types import SimpleNamespace

    def unit(turn: int, i: int, text: str) -> SimpleNamespace:
        return SimpleNamespace(turn=turn, sent_index=i, text=text)

    relay, read_out = unit(3, 0, "Yes, we have a comment from Aisha in Kenya."), unit(3, 1, "Captions help.")
    own = unit(4, 1, "Captions help us too.")
    ctx = SimpleNamespace(units=[relay, read_out, own])
    boost = loso.after_relay_penalised(0.6)
    with patch_boost(lambda _ctx, _signals: lambda _unit: 2.0):
        scored = boost(ctx, None)
    assert scored(read_out) == pytest.approx(1.2)
    assert scored(relay) == scored(own) == 2.0


def patch_boost(fake: object) -> object:
    """`summary_loso`'s reference to the shipped takeaway boost, replaced by `fake` for one test."""
    from unittest.mock import patch

    return patch.object(loso, "_TAKEAWAY_BOOST", fake)


def test_a_window_handicap_scales_only_the_window_wording_and_the_speaker_cap_is_passed_on() -> None:
    from unittest.mock import patch

    with patch.object(loso, "_UNIT_FACTOR", lambda model, unit: 1.3):
        assert loso.windows_handicapped(0.5)(None, None) == pytest.approx(0.65)
    seen: dict[str, object] = {}
    with patch.object(loso, "_MMR_SELECT", lambda pool, k, **kw: seen.update(kw) or pool[:k]):
        assert loso.per_speaker(3)(["a", "b"], 1, per_speaker=2, lam=0.8) == ["a"]
    assert seen == {"per_speaker": 3, "lam": 0.8}


def test_a_line_reading_out_quoted_words_is_penalised_by_its_shape() -> None:
    from types import SimpleNamespace
    from unittest.mock import patch

    with patch.object(loso, "_TAKEAWAY_BOOST", lambda _ctx, _signals: lambda _unit: 1.0):
        boost = loso.read_out_penalised(0.6)(None, None)
    said = [
        'Online, Amara writes: "Every delay is a weapon."',
        "From Rashid in Dhaka: \u201cIt failed because the operators switched off on different dates.\u201d",
    ]
    own = ['We need three things: money, time and "trust".', '"It failed because nobody knew which machines."']
    assert [boost(SimpleNamespace(text=t)) for t in said] == [0.6, 0.6]
    assert [boost(SimpleNamespace(text=t)) for t in own] == [1.0, 1.0]


def test_a_chair_weight_variant_changes_only_a_chairs_plain_sentences() -> None:
    from types import SimpleNamespace

    chair = SimpleNamespace(who="Chair", text="Connectivity grew in the north.")
    summing_up = SimpleNamespace(who="Chair", text="To sum up, connectivity grew in the north.")
    panellist = SimpleNamespace(who="Ana", text="Connectivity grew in the north.")
    chairs = frozenset({"Chair"})
    for unit in (chair, summing_up, panellist):  # at the shipped 0.6 the variant is the shipped factor
        for wrapup in (False, True):
            assert loso.chair_weight(0.6)(unit, chairs, wrapup) == rank._summary_factor(unit, chairs, wrapup)
    assert loso.chair_weight(1.0)(chair, chairs, False) == 1.0 > rank._summary_factor(chair, chairs, False)
    assert loso.chair_weight(1.0)(panellist, chairs, True) == rank._summary_factor(panellist, chairs, True)


def test_a_budget_variant_passes_its_word_budget_and_bullet_cap_only_while_it_runs() -> None:
    from types import SimpleNamespace

    from forumlens.summarise import report

    picks = [SimpleNamespace(words=w) for w in (100, 100, 100, 100)]
    size = lambda s: s.words  # noqa: E731
    with loso.variant(loso.budget(250, 10)):
        assert report.MAX_TAKEAWAYS == 10
        assert len(report.fill_to_budget(picks, 1, length=size)) == 3  # 300 words reach 250
    assert report.MAX_TAKEAWAYS == 8
    assert len(report.fill_to_budget(picks, 1, length=size)) == 2  # 200 words reach the shipped 180


def test_mmr_with_changes_only_the_named_arguments() -> None:
    from unittest.mock import patch

    seen: dict[str, object] = {}
    with patch.object(loso, "_MMR_SELECT", lambda pool, k, **kw: seen.update(kw) or pool[:k]):
        assert loso.mmr_with(segment_bonus=0.3)(["a", "b"], 2, lam=0.8, segment_bonus=0.06) == ["a", "b"]
    assert seen == {"lam": 0.8, "segment_bonus": 0.3}


def test_the_centroid_variant_ranks_what_the_whole_session_talks_about_first() -> None:
    vecs = [{"cables": 0.8, "repair": 0.6}, {"cables": 1.0}, {"repair": 0.6, "ships": 0.8}, {"lunch": 1.0}]
    scores = loso.centroid(vecs)
    assert scores[0] == max(scores)  # shares both of the session's main terms
    assert scores[3] == min(scores)  # shares nothing with the others: only its own share of the centroid
    with loso.variant(loso.VARIANTS["centroid for LexRank"]):
        assert rank.lexrank is loso.centroid
    assert rank.lexrank is not loso.centroid


def test_the_closing_variants_widen_the_closings_share_only_while_they_run() -> None:
    from forumlens.summarise import report

    shipped = report.closing_share(8)
    with loso.variant(loso.VARIANTS["closing share + 1"]):
        assert report.closing_share(8) == shipped + 1
    with loso.variant(loso.VARIANTS["no closing cap"]):
        assert report.closing_share(8) == 8
    assert report.closing_share(8) == shipped == 2


def _said(who: str, turn: int, position: float, terms: str, words: int = 20) -> object:
    from types import SimpleNamespace

    return SimpleNamespace(
        session="s",
        turn=turn,
        who=who,
        position=position,
        terms=tuple(terms.split()),
        words=words,
        text=terms + ".",
        start=0,
        end=words,
        span=("s", turn, 0, words),
    )


# four panellists, each on their own subject, then two long closing turns
_BODY = [
    _said("Ana", 1, 0.1, "spectrum licence auction rural tower backhaul fibre satellite village price tariff"),
    _said("Bo", 2, 0.3, "complaint ombudsman redress refund outage deadline escalation consumer regulator fine"),
    _said("Cy", 3, 0.5, "school teacher pupil literacy curriculum device laptop homework library training"),
    _said("Di", 4, 0.7, "disability caption screen reader sign interpreter braille audio accessible format"),
]


def test_a_long_closing_turn_that_restates_many_earlier_voices_reads_as_the_sessions_summary() -> None:
    harvest = _said(
        "Chair", 5, 0.85, "rural tower fibre ombudsman refund outage teacher literacy laptop caption braille sign", 150
    )
    own_word = _said("Ana", 6, 0.9, "spectrum licence auction rural tower backhaul satellite village tariff price", 150)
    found = loso.self_summary_turns([*_BODY, harvest, own_word])
    assert found == {harvest.span}  # the panellist's last word restates only their own subject
    short = _said("Chair", 5, 0.85, " ".join(harvest.terms), 40)
    assert loso.self_summary_turns([*_BODY, short]) == frozenset()  # too short to sum a session up
    in_body = _said("Chair", 5, 0.6, " ".join(harvest.terms), 150)
    assert loso.self_summary_turns([*_BODY, in_body]) == frozenset()  # not in the closing


def test_the_self_summary_variant_adds_the_turn_to_the_wrapups_only_while_it_runs() -> None:
    harvest = _said(
        "Chair", 5, 0.85, "rural tower fibre ombudsman refund outage teacher literacy laptop caption braille", 150
    )
    units = [*_BODY, harvest]
    with loso.variant(loso.VARIANTS["self-summary turn"]):
        assert harvest.span in rank.wrapup_spans(units) and harvest.span in rank.wrapup_spans(units, numbered=True)
    with loso.variant(loso.VARIANTS["self-summary turn, weight only"]):
        assert harvest.span in rank.wrapup_spans(units) and harvest.span not in rank.wrapup_spans(units, numbered=True)
    assert rank.wrapup_spans is loso._WRAPUP_SPANS


def test_a_share_only_variant_gives_the_turn_the_harvests_share_but_not_the_wrapups_weight() -> None:
    harvest = _said(
        "Chair", 5, 0.85, "rural tower fibre ombudsman refund outage teacher literacy laptop caption braille", 150
    )
    units = [*_BODY, harvest]
    with loso.variant(loso.VARIANTS["self-summary turn, share only"]):
        assert harvest.span not in rank.wrapup_spans(units) and harvest.span in rank.wrapup_spans(units, numbered=True)


def test_a_closing_turn_that_goes_point_by_point_unannounced_is_a_numbered_closing_list() -> None:
    from types import SimpleNamespace

    def line(turn: int, i: int, position: float, text: str) -> SimpleNamespace:
        return SimpleNamespace(session="s", turn=turn, position=position, text=text, span=("s", turn, i, i + 1))

    listed = [line(9, 0, 0.9, "We corrected three things."), line(9, 1, 0.9, "First, refunds are owed.")]
    listed += [line(9, 2, 0.9, "Second, outages are reported."), line(9, 3, 0.9, "Third, the desk stays open.")]
    in_body = [line(2, i, 0.3, u.text) for i, u in enumerate(listed)]
    two_points = [line(10, 0, 0.95, "First, thanks."), line(10, 1, 0.95, "Second, see you.")]
    found = loso.numbered_closing_turns([*in_body, *listed, *two_points])
    assert found == {u.span for u in listed}  # the body's list is a panellist's own; two points are no list


def test_the_opener_variant_keeps_only_a_summary_by_someone_who_spoke_at_the_start() -> None:
    harvest = _said(
        "Chair", 5, 0.85, "rural tower fibre ombudsman refund outage teacher literacy laptop caption braille", 150
    )
    opening = _said("Chair", 0, 0.02, "welcome session")
    assert loso.self_summary_turns([*_BODY, harvest], opener=True) == frozenset()  # the chair never opened
    assert loso.self_summary_turns([opening, *_BODY, harvest], opener=True) == {harvest.span}


def test_textrank_graph_weighs_shared_terms_over_the_sum_of_log_sizes_a_single_term_counting_as_two() -> None:
    graph = loso.textrank_graph([{"spectrum": 1.0, "licence": 1.0, "fee": 1.0}, {"spectrum": 1.0, "fee": 1.0}])
    assert graph[0] == {1: 2 / (math.log(3) + math.log(2))}
    assert loso.textrank_graph([{"fee": 1.0}, {"fee": 1.0}])[0][1] == 1 / (2 * math.log(2))


def _unit(turn: int, index: int, text: str, terms: tuple[str, ...]) -> Unit:
    return Unit("s", turn, 1 + turn, "Ana", None, 0, len(text), text, turn / 10, index, terms)


def test_the_sentence_that_ties_the_session_together_has_the_top_textrank_share() -> None:
    units = [
        _unit(0, 0, "Spectrum fees keep rural networks out.", ("spectrum", "fee", "rural", "network")),
        _unit(1, 0, "Rural networks need spectrum.", ("rural", "network", "need", "spectrum")),
        _unit(2, 0, "Fees for spectrum should fall.", ("fee", "spectrum", "fall", "should")),
        _unit(3, 0, "Lunch is at noon downstairs.", ("lunch", "noon", "downstair")),
    ]
    shares = loso.textrank_shares(units)
    assert shares[loso.sentence_key(units[0])] == 1.0
    assert shares[loso.sentence_key(units[3])] < shares[loso.sentence_key(units[1])]
    assert loso.textrank_shares([]) == {}


def test_a_clause_window_keys_as_its_whole_sentence() -> None:
    whole = _unit(4, 2, "Spectrum fees, which regulators set, keep rural networks out.", ("spectrum", "fee"))
    window = Unit("s", 4, 5, "Ana", None, 0, 12, "Spectrum fees", 0.4, 2, ("spectrum", "fee"))
    assert loso.sentence_key(window) == loso.sentence_key(whole) == ("s", 4, 2)


def test_the_textrank_share_variant_weighs_each_takeaway_by_its_share_to_the_power() -> None:
    data = COMMUNITY.read_bytes()
    session = parse_transcript(data.decode("utf-8"), source=COMMUNITY.name, sha256=hashlib.sha256(data).hexdigest())
    ctx = build_context(session)
    signals = report.signals_of(ctx)
    plain = report.takeaway_boost(ctx, signals)
    shares = loso.textrank_shares(ctx.units)
    with loso.variant(loso.VARIANTS["TextRank share ^.5"]):
        weighted = report.takeaway_boost(ctx, signals)
    units = [u for u in ctx.units if loso.sentence_key(u) in shares]
    assert any(shares[loso.sentence_key(u)] < 1.0 for u in units)
    for u in units:
        assert math.isclose(weighted(u), plain(u) * shares[loso.sentence_key(u)] ** 0.5, rel_tol=1e-9)

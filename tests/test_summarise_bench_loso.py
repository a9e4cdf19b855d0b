"""bench/summary_loso.py: the pure parts of the leave-one-set-out reading of the takeaway ranker.

The baselines are cut as bench/summaries.py cuts them, TextRank's graph links sentences by their
shared terms, a variant patches the ranker only while it runs, and the leave-one-set-out choice
scores each set with the variant best on the *other* sets.
"""

from __future__ import annotations

import pytest

pytest.importorskip("sumy")  # the `bench` extra
pytest.importorskip("rouge_score")

from forumlens.summarise import rank

from .bench_support import load_bench

loso = load_bench("summary_loso")


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

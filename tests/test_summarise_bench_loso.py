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

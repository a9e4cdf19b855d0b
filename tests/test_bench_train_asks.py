"""bench/train_asks.py's fit on sparse products: the same model as the dense maths it replaced.

`fit_softmax` used to build a dense 0/1 matrix (rows × ~6,000 features, 99 % zeros) and
multiply through it 600 times a fit; `Binary` adds only the nonzero cells. The sums are the
same exact terms in another order, so the weights agree to rounding and every prediction is
the same: these tests hold that on real annotated rows (`bench/data/asks`).
"""

import json
from collections import Counter

import numpy as np
import pytest

from .bench_support import load_bench

train = load_bench("train_asks")


class Dense:
    """The dense design `fit_softmax` used before (float32 0/1 matrix, numpy's matmul)."""

    def __init__(self, feats: list[list[str]], vocab: dict[str, int]) -> None:
        self.x = np.zeros((len(feats), len(vocab)), dtype=np.float32)
        for i, fs in enumerate(feats):
            for f in set(fs):
                if f in vocab:
                    self.x[i, vocab[f]] = 1.0
        self.shape = self.x.shape

    def dot(self, w: np.ndarray) -> np.ndarray:
        return self.x @ w

    def tdot(self, g: np.ndarray) -> np.ndarray:
        return self.x.T @ g


@pytest.fixture(scope="module")
def asks() -> list:
    """The annotated asks of two rounds' gold rows: real features, several categories."""
    rows = train.read_rows(train.DATA)
    kept = [r for r in rows if r.type != "none" and r.file in {"gold-asks_blind19.tsv", "gold-asks_blind20.tsv"}]
    assert len(kept) > 100 and len({r.category for r in kept}) >= 4
    return kept


def test_the_sparse_products_are_the_dense_ones(asks):
    feats = [train.category_features(r.text, r.context) for r in asks]
    vocab = train._vocab(feats)
    sparse, dense = train._design(feats, vocab), Dense(feats, vocab)
    assert sparse.shape == dense.shape
    rng = np.random.default_rng(0)
    w, g = rng.normal(size=(len(vocab), 7)), rng.normal(size=(len(asks), 7))
    assert np.allclose(sparse.dot(w), dense.dot(w), rtol=0, atol=1e-12)
    assert np.allclose(sparse.tdot(g), dense.tdot(g), rtol=0, atol=1e-12)
    assert sparse.dot(w).shape == (len(asks), 7) and sparse.tdot(g).shape == (len(vocab), 7)


def test_a_row_with_no_known_feature_gives_a_zero_row():
    x = train._design([["a", "b"], ["zzz"], ["b"]], {"a": 0, "b": 1})
    out = x.dot(np.array([[1.0, 2.0], [10.0, 20.0]]))
    assert out.tolist() == [[11.0, 22.0], [0.0, 0.0], [10.0, 20.0]]
    assert x.tdot(np.array([[1.0], [5.0], [2.0]])).tolist() == [[1.0], [3.0]]


def test_the_sparse_fit_predicts_as_the_dense_fit_on_every_row(asks):
    feats = [train.category_features(r.text, r.context) for r in asks]
    labels = [r.category for r in asks]
    sparse = train.fit_softmax(feats, labels, train.CATEGORY_NAMES, 10.0)
    dense = train.fit_softmax(feats, labels, train.CATEGORY_NAMES, 10.0, design=Dense)
    assert set(sparse.weights) == set(dense.weights)
    assert max(abs(a - b) for a, b in zip(sparse.bias, dense.bias, strict=True)) < 1e-9
    for f in sparse.weights:
        assert max(abs(a - b) for a, b in zip(sparse.weights[f], dense.weights[f], strict=True)) < 1e-9
    top: Counter[str] = Counter()
    for fs in feats:
        ps, pd = sparse.probabilities(fs), dense.probabilities(fs)
        assert max(ps, key=ps.__getitem__) == max(pd, key=pd.__getitem__)
        assert max(abs(ps[k] - pd[k]) for k in ps) < 1e-9
        top[max(ps, key=ps.__getitem__)] += 1
    assert len(top) >= 3  # a fit that learned something, not one class everywhere


def _row(file: str, category: str, text: str, informed: str = "") -> object:
    return train.Row(file, 1, "ask", category, text, "", frozenset(informed.split()))


def test_each_round_weighs_the_same_and_the_weights_average_one():
    rows = [
        *[_row("needs.tsv", "funding", f"we need money {i}") for i in range(6)],
        *[_row("gold-asks_blind4.tsv", "policy", f"a rule {i}", "asks_blind4") for i in range(3)],
        _row("round6.tsv", "agenda", "a slot", "asks_blind4"),  # written from round 4's errors: round 4's group
        *[_row("gold-asks_blind5.tsv", "support", f"help {i}", "asks_blind5") for i in range(2)],
    ]
    weights = train.row_weights(rows, "round")
    assert sum(weights) == pytest.approx(len(rows))
    totals = Counter()
    for r, w in zip(rows, weights, strict=True):
        totals[train.row_group(r, "round")] += w
    assert set(totals) == {"written", "asks_blind4", "asks_blind5"}
    assert all(t == pytest.approx(len(rows) / 3) for t in totals.values())
    by_file = Counter()
    for r, w in zip(rows, train.row_weights(rows, "file"), strict=True):
        by_file[r.file] += w
    assert len(by_file) == 4 and all(t == pytest.approx(len(rows) / 4) for t in by_file.values())
    assert train.row_weights(rows, "none") is None


def test_weights_of_one_are_the_unweighted_fit_and_heavier_rows_move_it():
    feats = [["x", "a"]] * 6 + [["x", "b"]] * 3
    labels = ["funding"] * 6 + ["policy"] * 3
    plain = train.fit_softmax(feats, labels, train.CATEGORY_NAMES, 10.0)
    ones = train.fit_softmax(feats, labels, train.CATEGORY_NAMES, 10.0, weights=[1.0] * 9)
    for f in plain.weights:
        assert max(abs(a - b) for a, b in zip(plain.weights[f], ones.weights[f], strict=True)) < 1e-9
    p = plain.probabilities(["x"])
    assert p["funding"] > p["policy"]
    # the three policy rows weigh as much as the six funding rows: "x" alone leans less to funding
    heavy = train.fit_softmax(feats, labels, train.CATEGORY_NAMES, 10.0, weights=[0.75] * 6 + [1.5] * 3)
    q = heavy.probabilities(["x"])
    assert q["policy"] > p["policy"] and q["funding"] < p["funding"]
    assert abs(q["funding"] - q["policy"]) < abs(p["funding"] - p["policy"])


def test_c_is_chosen_on_the_other_sets_only():
    scores = {
        "a": {1.0: 10, 10.0: 30},  # a alone would pick 10
        "b": {1.0: 20, 10.0: 12},
        "c": {1.0: 20, 10.0: 12},
    }
    chosen = train.choose_c_elsewhere(scores)
    assert chosen == {"a": 1.0, "b": 10.0, "c": 10.0}  # b: a+c 30 vs 42 at 10
    assert train.choose_c_elsewhere({"a": {1.0: 5, 3.0: 5}, "b": {1.0: 5, 3.0: 5}}) == {"a": 1.0, "b": 1.0}


def test_every_gold_row_takes_a_category_its_gold_accepts():
    """The `gold-<set>.tsv` rows are generated from each set's gold (an ask's first category), and a
    few were relabelled by hand to another category the same gold accepts (README, round 24): no row
    may carry a category that none of the gold asks with its quote accepts. Several asks of one line
    can share a quote, so a quote accepts the union of their categories."""
    rows = train.read_rows(train.DATA)
    checked = 0
    for folder in train.loso_sets():
        accepted: dict[str, set[str]] = {}
        for gold_file in sorted(folder.glob("*.gold.json")):
            for a in json.loads(gold_file.read_text("utf-8")).get("asks", []):
                if a.get("quote"):
                    accepted.setdefault(train._flat(a["quote"]).lower(), set()).update(a["categories"])
        for r in rows:
            if r.file == f"gold-{folder.name}.tsv" and r.type != "none":
                assert r.category in accepted.get(train._flat(r.text).lower(), set()), (r.file, r.line, r.category)
                checked += 1
    assert checked > 1500  # every round's gold rows were read (1,657 at round 24)


def test_regenerating_the_gold_rows_keeps_the_hand_relabels():
    """The six hand relabels of stop 39 (K6) live in `relabels.json`, not only in the generated
    TSVs: regenerating a set's rows (`--gold-rows`) gives each relabelled quote its relabel, the
    category the committed row carries, while without the relabels the generator falls back to
    the gold's first category (so the file is what keeps them)."""
    relabels = train.read_relabels()
    assert sum(len(v) for v in relabels.values()) == 6
    committed = {
        (r.file, train._flat(r.text).lower()): r.category for r in train.read_rows(train.DATA) if r.type != "none"
    }
    for name, wanted in relabels.items():
        folder = train.blind_round.RESOURCES / name
        regenerated = {line.split("\t")[2].lower(): line.split("\t")[1] for line in train.gold_rows(folder)}
        plain = {line.split("\t")[2].lower(): line.split("\t")[1] for line in train.gold_rows(folder, relabels={})}
        for quote, category in wanted.items():
            assert regenerated[quote] == category == committed[(f"gold-{name}.tsv", quote)]
            assert plain[quote] == "agenda" != category


def _tiny_set(tmp_path, categories: list[str]):
    """A one-session annotated set written for this test: one ask, the categories its gold accepts."""
    folder = tmp_path / "asks_tiny"
    folder.mkdir()
    (folder / "s.txt").write_text(
        "MODERATOR: Welcome to the session on rural libraries. Ingrid, please.\n"
        "INGRID SOLBERG: Thank you. We ask the ministry to keep the reading rooms open on Sundays for the farmers.\n",
        "utf-8",
    )
    quote = "We ask the ministry to keep the reading rooms open on Sundays for the farmers."
    gold = {"source": "s.txt", "asks": [{"line": 2, "quote": quote, "type": "ask", "categories": categories}]}
    (folder / "s.gold.json").write_text(json.dumps(gold), "utf-8")
    return folder, train._flat(quote).lower()


def test_a_relabel_takes_only_a_category_its_gold_accepts(tmp_path):
    folder, quote = _tiny_set(tmp_path, ["agenda", "participation"])
    rows = {line.split("\t")[2].lower(): line.split("\t")[1] for line in train.gold_rows(folder, relabels={})}
    assert rows[quote] == "agenda"
    rows = {
        line.split("\t")[2].lower(): line.split("\t")[1]
        for line in train.gold_rows(folder, relabels={quote: "participation"})
    }
    assert rows[quote] == "participation"
    with pytest.raises(SystemExit, match="not accepted"):
        train.gold_rows(folder, relabels={quote: "funding"})
    with pytest.raises(SystemExit, match="no annotated ask"):
        train.gold_rows(folder, relabels={"we ask for a bus": "participation"})

"""bench/train_asks.py's fit on sparse products: the same model as the dense maths it replaced.

`fit_softmax` used to build a dense 0/1 matrix (rows × ~6,000 features, 99 % zeros) and
multiply through it 600 times a fit; `Binary` adds only the nonzero cells. The sums are the
same exact terms in another order, so the weights agree to rounding and every prediction is
the same: these tests hold that on real annotated rows (`bench/data/asks`).
"""

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

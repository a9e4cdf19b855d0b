"""Fit the shipped SDG scorer on the benchmark's dev part and write it as package data.

    python bench/train_sdg.py [--csv PATH] [--out PATH]

Needs the `bench` extra (scikit-learn). Deterministic: same CSV in, same JSON out
(liblinear-free lbfgs solver, sorted keys, rounded weights). The regularisation strength
is chosen by grouped cross-validation on the training rows only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from forumlens.tag.model import (
    PairModel,
    entry_document,
    fit_idf,
    lexicon_counts,
    pair_features,
    similarities,
    tfidf,
)
from forumlens.tag.taxonomy import Taxonomy, load_taxonomy
from forumlens.tag.text import features
from forumlens.text.stems import stems

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "sdg-benchmark-dev.csv"
DEFAULT_OUT = ROOT / "src" / "forumlens" / "tag" / "data" / "sdg_model.json"
C_GRID = (0.3, 1.0, 3.0)


@dataclass(frozen=True)
class Row:
    """One benchmark question: is goal `k` (0-based) present in `text`?"""

    id: str
    text: str
    k: int
    label: bool

    @property
    def group(self) -> str:
        """Rows with the same passage must fall in the same fold."""
        return hashlib.sha256(self.text.strip().encode()).hexdigest()


def read_rows(path: Path) -> list[Row]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [Row(r["id"], r["text"], int(r["sdg"]) - 1, r["label"].strip() == "True") for r in csv.DictReader(fh)]


@dataclass
class Prepared:
    """Per-passage work that does not depend on the fold (stems, features, vocabulary hits)."""

    feats: list[str]
    counts: list[float]
    n_stems: int


def prepare(rows: list[Row], tax: Taxonomy) -> dict[str, Prepared]:
    out: dict[str, Prepared] = {}
    for r in rows:
        if r.text not in out:
            s = stems(r.text)
            out[r.text] = Prepared(features(r.text), lexicon_counts(tax, s), len(s))
    return out


def design(rows: list[Row], prep: dict[str, Prepared], tax: Taxonomy, idf: dict[str, float]) -> list[list[float]]:
    """Feature rows (pair features + one-hot goal) with the fold's idf table."""
    docs = [tfidf(features(entry_document(tax, i)), idf) for i in range(len(tax.entries))]
    n = len(tax.entries)
    X = []
    for r in rows:
        p = prep[r.text]
        sims = similarities(tfidf(p.feats, idf), docs)
        onehot = [1.0 if j == r.k else 0.0 for j in range(n)]
        X.append(pair_features(p.counts, sims, r.k, p.n_stems) + onehot)
    return X


def fit(rows: list[Row], prep: dict[str, Prepared], tax: Taxonomy, C: float) -> PairModel:
    """Fit idf (training passages + goal documents) and the shared logistic regression."""
    from sklearn.linear_model import LogisticRegression

    idf = fit_idf(
        [prep[t].feats for t in dict.fromkeys(r.text for r in rows)]
        + [features(entry_document(tax, i)) for i in range(len(tax.entries))]
    )
    X = design(rows, prep, tax, idf)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=10000)
    clf.fit(X, [r.label for r in rows])
    w = [float(x) for x in clf.coef_[0]]
    nf = len(w) - len(tax.entries)
    return PairModel(
        tax.scheme, idf, tuple(w[:nf]), {e.code: w[nf + j] for j, e in enumerate(tax.entries)}, float(clf.intercept_[0])
    )


def predict(model: PairModel, rows: list[Row], prep: dict[str, Prepared], tax: Taxonomy) -> list[bool]:
    """Decisions for rows, computed exactly as the shipped pure-Python scorer does."""
    import math

    X = design(rows, prep, tax, model.idf)
    out = []
    for r, x in zip(rows, X):
        nf = len(model.coef)
        z = model.intercept + model.bias[tax.entries[r.k].code]
        z += sum(a * b for a, b in zip(model.coef, x[:nf]))
        out.append(1.0 / (1.0 + math.exp(-z)) >= model.threshold)
    return out


def grouped_folds(rows: list[Row], k: int, seed: int) -> list[list[int]]:
    """Split row indices into k folds, passages (groups) kept together, shuffled by seed."""
    import random

    groups = sorted({r.group for r in rows})
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % k for i, g in enumerate(groups)}
    folds: list[list[int]] = [[] for _ in range(k)]
    for i, r in enumerate(rows):
        folds[fold_of[r.group]].append(i)
    return folds


def macro_accuracy(rows: list[Row], pred: list[bool], n: int = 17) -> tuple[float, list[float]]:
    """The benchmark's score: mean over goals of per-goal accuracy."""
    per = []
    for k in range(n):
        idx = [i for i, r in enumerate(rows) if r.k == k]
        per.append(sum(pred[i] == rows[i].label for i in idx) / len(idx) if idx else float("nan"))
    return sum(per) / len(per), per


def choose_c(rows: list[Row], prep: dict[str, Prepared], tax: Taxonomy, seed: int = 0) -> float:
    """Pick C by 4-fold grouped CV inside `rows` only (never the outer test fold)."""
    best = (-1.0, C_GRID[0])
    folds = grouped_folds(rows, 4, seed)
    for C in C_GRID:
        pred = [False] * len(rows)
        for f in folds:
            held = set(f)
            train = [r for i, r in enumerate(rows) if i not in held]
            model = fit(train, prep, tax, C)
            for i, p in zip(f, predict(model, [rows[i] for i in f], prep, tax)):
                pred[i] = p
        score, _ = macro_accuracy(rows, pred)
        if score > best[0]:
            best = (score, C)
    return best[1]


def cv_arguments(doc: str, *, repeats: int) -> argparse.ArgumentParser:
    """The options every cross-validated SDG bench shares: the benchmark CSV, folds, repeats.

    `bench/sdg.py` and `bench/tag_short.py` fold the same rows the same way, so they take
    the same three options; each adds its own after (its repeats default differs).
    """
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=repeats)
    return ap


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    tax = load_taxonomy("sdg")
    rows = read_rows(args.csv)
    prep = prepare(rows, tax)
    C = choose_c(rows, prep, tax)
    model = fit(rows, prep, tax, C)
    args.out.write_text(json.dumps(model.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (C={C}, {len(model.idf)} idf features, {len(rows)} rows)")


if __name__ == "__main__":
    main()

"""Fit the shipped ask classifier on the annotated sentences and write it as package data.

    python bench/train_asks.py [--data DIR] [--out PATH] [--check] [--blind DIR] [--C VALUE ...]

Reads `bench/data/asks/*.tsv` (type, category, text, optional context; README there),
chooses the regularisation strength and the threshold on P(not none) by 5-fold
cross-validation on those rows only, prints the out-of-fold scores, then fits on all rows
and writes `src/forumlens/analyse/data/asks_model.json`. Features come from
`forumlens.analyse.askmodel` (the same functions inference uses). Needs numpy (the
`semantic` or `bench` extra); the shipped model runs without it. Deterministic: fixed
fold assignment and full-batch optimisation, so the same rows give the same JSON.

Blind guard: a training row that shares 6 consecutive words with a session of the current
blind set (this round's, `bench/blind_round.py`: `tests/resources/asks_blind7/*.txt`, or `--blind
DIR`) stops the run: the blind sessions must stay unseen. It prints only the training rows, never
the blind text. (The earlier rounds' `asks_blind` … are development data.)
`--check` only validates the data (format, labels, blind overlap) and exits.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import blind_round

from forumlens.analyse.askcues import CATEGORIES
from forumlens.analyse.askmodel import AskModel, Softmax, category_features, type_features

DATA = ROOT / "bench" / "data" / "asks"
OUT = ROOT / "src" / "forumlens" / "analyse" / "data" / "asks_model.json"
BLIND = blind_round.blind("asks")
TYPES = ("none", "ask", "recommendation", "commitment")
CATEGORY_NAMES = tuple(dict.fromkeys((*CATEGORIES, "policy", "other")))
C_GRID = (1.0, 3.0, 10.0)
FOLDS = 5
MIN_COUNT = 2
OVERLAP_WORDS = 6
MIN_PRECISION = 0.8
STEPS = 300
# Thresholds tried on P(not none). Stop 19's grid started at 0.20 and the calibration landed on
# its floor (0.22); from stop 20 it runs from 0.05, so the floor no longer decides.
THRESHOLDS = tuple(i / 100 for i in range(5, 91))


@dataclass(frozen=True)
class Row:
    """One annotated unit: its type, category ("-" for none), text and preceding context."""

    file: str
    line: int
    type: str
    category: str
    text: str
    context: str


def read_rows(folder: Path) -> list[Row]:
    rows = []
    for path in sorted(folder.glob("*.tsv")):
        for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cols = raw.split("\t")
            if len(cols) < 3:
                raise SystemExit(f"{path}:{n}: need type<TAB>category<TAB>text[<TAB>context]")
            kind, cat, text = cols[0].strip(), cols[1].strip(), cols[2].strip()
            if kind not in TYPES:
                raise SystemExit(f"{path}:{n}: type {kind!r} is not one of {TYPES}")
            if kind == "none" and cat != "-":
                raise SystemExit(f"{path}:{n}: a 'none' row takes category '-'")
            if kind != "none" and cat not in CATEGORY_NAMES:
                raise SystemExit(f"{path}:{n}: category {cat!r} is not one of {CATEGORY_NAMES}")
            rows.append(Row(path.name, n, kind, cat, text, cols[3].strip() if len(cols) > 3 else ""))
    return rows


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def blind_overlaps(rows: list[Row], folder: Path = BLIND, n: int = OVERLAP_WORDS) -> list[str]:
    """Rows sharing `n` consecutive words with a blind session (they would leak it)."""
    grams: set[tuple[str, ...]] = set()
    for path in folder.glob("*.txt"):
        w = _words(path.read_text("utf-8"))
        grams.update(tuple(w[i : i + n]) for i in range(len(w) - n + 1))
    out = []
    for r in rows:
        w = _words(r.text + " " + r.context)
        if any(tuple(w[i : i + n]) in grams for i in range(len(w) - n + 1)):
            out.append(f"{r.file}:{r.line}: {r.text[:70]!r}")
    return out


def _design(feats: list[list[str]], vocab: dict[str, int]):  # type: ignore[no-untyped-def]
    import numpy as np

    x = np.zeros((len(feats), len(vocab)), dtype=np.float32)
    for i, fs in enumerate(feats):
        for f in set(fs):
            j = vocab.get(f)
            if j is not None:
                x[i, j] = 1.0
    return x


def _vocab(feats: list[list[str]]) -> dict[str, int]:
    counts = Counter(f for fs in feats for f in set(fs))
    kept = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    return {f: i for i, f in enumerate(kept)}


def fit_softmax(feats: list[list[str]], labels: list[str], classes: tuple[str, ...], c: float) -> Softmax:
    """Multinomial logistic regression, L2 strength 1/(c·n), full-batch Adam (deterministic)."""
    import numpy as np

    vocab = _vocab(feats)
    x = _design(feats, vocab)
    y = np.zeros((len(labels), len(classes)))
    for i, label in enumerate(labels):
        y[i, classes.index(label)] = 1.0
    n, d = x.shape
    w = np.zeros((d, len(classes)))
    b = np.log(y.mean(axis=0) + 1e-3)
    lam = 1.0 / (c * n)
    mw, vw, mb, vb = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    lr, beta1, beta2 = 0.1, 0.9, 0.999
    for step in range(1, STEPS + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / n
        gw = x.T @ g + lam * w
        gb = g.sum(axis=0)
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        corr1, corr2 = 1 - beta1**step, 1 - beta2**step
        w -= lr * (mw / corr1) / (np.sqrt(vw / corr2) + 1e-8)
        b -= lr * (mb / corr1) / (np.sqrt(vb / corr2) + 1e-8)
    inv = {j: f for f, j in vocab.items()}
    weights = {inv[j]: tuple(float(v) for v in w[j]) for j in range(d) if np.abs(w[j]).max() >= 1e-3}
    return Softmax(classes, tuple(float(v) for v in b), weights)


def folds(rows: list[Row]) -> list[int]:
    """Fold of each row: round robin within each type, in file order (stratified, deterministic)."""
    seen: Counter[str] = Counter()
    out = []
    for r in rows:
        out.append(seen[r.type] % FOLDS)
        seen[r.type] += 1
    return out


@dataclass
class Oof:
    """Out-of-fold predictions of one setting."""

    p_ask: list[float]
    kind: list[str]
    category: list[str | None]


def out_of_fold(rows: list[Row], c: float) -> Oof:
    tf = [type_features(r.text, r.context) for r in rows]
    cf = [category_features(r.text, r.context) for r in rows]
    fold_of = folds(rows)
    p_ask = [0.0] * len(rows)
    kind = [""] * len(rows)
    category: list[str | None] = [None] * len(rows)
    for k in range(FOLDS):
        train = [i for i in range(len(rows)) if fold_of[i] != k]
        test = [i for i in range(len(rows)) if fold_of[i] == k]
        tm = fit_softmax([tf[i] for i in train], [rows[i].type for i in train], TYPES, c)
        pos = [i for i in train if rows[i].type != "none"]
        cm = fit_softmax([cf[i] for i in pos], [rows[i].category for i in pos], CATEGORY_NAMES, c)
        for i in test:
            probs = tm.probabilities(tf[i])
            p_ask[i] = 1.0 - probs["none"]
            kind[i] = max((t for t in TYPES if t != "none"), key=lambda t: probs[t])
            if rows[i].type != "none":
                cp = cm.probabilities(cf[i])
                category[i] = max(cp, key=lambda name: cp[name])
    return Oof(p_ask, kind, category)


def detection(rows: list[Row], p_ask: list[float], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for r, p in zip(rows, p_ask, strict=True) if p >= threshold and r.type != "none")
    fp = sum(1 for r, p in zip(rows, p_ask, strict=True) if p >= threshold and r.type == "none")
    fn = sum(1 for r, p in zip(rows, p_ask, strict=True) if p < threshold and r.type != "none")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def calibrate(rows: list[Row], p_ask: list[float]) -> float:
    """The threshold with the best out-of-fold recall whose precision is at least `MIN_PRECISION`
    (ties: the better F1). Recall, not F1: on unseen sessions asks were lost far more often than
    invented, and 0.8 is the precision the issue asks for."""
    best = (-1.0, -1.0, 0.5)
    for t in THRESHOLDS:
        precision, recall, f1 = detection(rows, p_ask, t)
        if precision >= MIN_PRECISION and (recall, f1) > best[:2]:
            best = (recall, f1, t)
    return best[2]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="validate the data only")
    parser.add_argument("--blind", type=Path, default=BLIND, help="the current blind set (guarded against)")
    parser.add_argument("--C", type=float, action="append", help="regularisation values to try (default: the grid)")
    args = parser.parse_args(argv)
    rows = read_rows(args.data)
    leaks = blind_overlaps(rows, args.blind)
    if leaks:
        print("training rows overlap the blind sessions (rewrite them):", *leaks, sep="\n  ")
        return 2
    counts = Counter(r.type for r in rows)
    print(f"{len(rows)} rows: " + ", ".join(f"{t} {counts[t]}" for t in TYPES))
    if args.check:
        return 0
    scores = {}
    for c in args.C or C_GRID:
        oof = out_of_fold(rows, c)
        t = calibrate(rows, oof.p_ask)
        precision, recall, f1 = detection(rows, oof.p_ask, t)
        pos = [i for i, r in enumerate(rows) if r.type != "none"]
        cat_acc = sum(1 for i in pos if oof.category[i] == rows[i].category) / len(pos)
        hit = [i for i in pos if oof.p_ask[i] >= t]
        type_acc = sum(1 for i in hit if oof.kind[i] == rows[i].type) / max(1, len(hit))
        scores[c] = (f1 + cat_acc, t, precision, recall, f1, cat_acc, type_acc)
        print(
            f"C={c:<5} threshold {t:.2f}: out-of-fold detection P {precision:.3f} R {recall:.3f} F1 {f1:.3f}; "
            f"category accuracy {cat_acc:.3f}; type accuracy {type_acc:.3f}"
        )
    c = max(scores, key=lambda k: scores[k][0])
    _, threshold, precision, recall, f1, cat_acc, type_acc = scores[c]
    type_model = fit_softmax([type_features(r.text, r.context) for r in rows], [r.type for r in rows], TYPES, c)
    pos_rows = [r for r in rows if r.type != "none"]
    category_model = fit_softmax(
        [category_features(r.text, r.context) for r in pos_rows], [r.category for r in pos_rows], CATEGORY_NAMES, c
    )
    notes = {
        "trained_by": "bench/train_asks.py",
        "rows": dict(sorted(counts.items())),
        "C": c,
        "cross_validation": {
            "folds": FOLDS,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "category_accuracy": round(cat_acc, 3),
            "type_accuracy": round(type_acc, 3),
        },
    }
    model = AskModel(type_model, category_model, threshold, notes)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json(), separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"chose C={c}, threshold {threshold:.2f}; wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

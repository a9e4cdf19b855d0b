"""Fit the threads need-pair model on the annotated threads corpora and write it as package data.

    python bench/train_links.py [--linker lexical|semantic|both] [--check] [--C VALUE]

Each development corpus of `bench/threads.py` (`dev` and the earlier blind sets, `blind` …; never this round's,
`bench/blind_round.py`) is
ingested into a store of its own, its items extracted as `forumlens threads` does, and each
gold item matched to the item on its line. Training pairs: every two matched needs of one actor
(earlier, later), labelled same-thread or not, with the features `link.need_featurizer` gives
(the ones linking reads). Printed, for each corpus left out (trained on the others, the
threshold chosen on their out-of-fold links): the pairwise link precision, recall and F1 of
`link_items` on that corpus with the hand rules and with the model, over all its gold items as
`bench/threads.py` counts them (a gold item not extracted loses its pairs: the honest estimate); then the model fitted on all of them is written to
`src/forumlens/threads/data/link_model.json` (unless `--check`). Needs numpy (`bench` or
`semantic` extra); inference does not. Deterministic (full-batch Newton steps).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import blind_round

from forumlens.store import open_store
from forumlens.threads.link import actor_of, link_items, need_featurizer
from forumlens.threads.linkmodel import NEED_FEATURES, LinkModel
from forumlens.threads.models import Item
from forumlens.threads.service import store_items
from forumlens.threads.similarity import make_scorer

OUT = ROOT / "src" / "forumlens" / "threads" / "data" / "link_model.json"
FOLDERS = ("dev", *(folder.name for folder in blind_round.earlier("threads")))  # never this round's blind set
# the threshold is chosen for pooled leave-one-corpus-out link F1, not for precision (stop 30: from 0.30 up); the
# "funding for radios" / "training to repair radios" join a low threshold once made is refused before the model
# (`link._rescue_probability`: two categories read apart and nothing but likeness in common)
THRESHOLDS = tuple(t / 20 for t in range(6, 20))


@cache
def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("threads_bench", ROOT / "bench" / "threads.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["threads_bench"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@dataclass
class Corpus:
    name: str
    items: list[Item]
    labels: dict[int, str]  # item index → gold thread
    gold: Any  # the bench's `Gold` of this corpus (its items' refs set)


def load(name: str) -> Corpus:
    """One corpus folder ingested alone, its items and the gold thread of each matched item (matched as
    `bench/threads.py` matches them: `match_quotes`)."""
    bench = _bench()
    bench.PARTS["train"] = (name,)
    gold = bench.load_gold("train")
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "links.sqlite3"))
        try:
            bench.ingest(store, "train", gold)
            items = store_items(store)
        finally:
            store.close()
    where = bench.match_quotes(gold, (((i.session, i.line), i.quote, k) for k, i in enumerate(items)))
    labels: dict[int, str] = {}
    for n, k in sorted(where.items()):
        labels.setdefault(k, gold.items[n].thread)
    return Corpus(name, items, labels, gold)


def pairs(corpus: Corpus, linker: str) -> tuple[list[list[float]], list[int]]:
    """Features and labels of every (earlier, later) pair of matched needs of one actor."""
    items = corpus.items
    featurize = need_featurizer(items, make_scorer(items, linker))
    xs, ys = [], []
    for a, b in combinations(sorted(corpus.labels), 2):
        first, second = items[a], items[b]
        if first.signal != "need" or second.signal != "need" or actor_of(first) != actor_of(second):
            continue
        if (second.when, second.seq) < (first.when, first.seq):
            first, second = second, first
        xs.append(featurize(first, second))
        ys.append(int(corpus.labels[a] == corpus.labels[b]))
    return xs, ys


def fit(xs: Sequence[Sequence[float]], ys: Sequence[int], c: float) -> tuple[list[float], float]:
    """L2 logistic regression (bias unpenalised), Newton steps."""
    x = np.hstack([np.asarray(xs, float), np.ones((len(xs), 1))])
    y = np.asarray(ys, float)
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) / c
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty @ w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return [float(v) for v in w[:-1]], float(w[-1])


def link_scores(corpus: Corpus, linker: str, model: LinkModel | bool) -> tuple[int, int, int]:
    """(correct, predicted, gold) pairwise links of the corpus linked alone, counted by `bench/threads.py`'s own
    functions (`_match`, `link_counts`): every gold pair counts, so a gold item the extraction misses loses
    its pairs (the figure is the bench's link P/R/F1 for that corpus)."""
    bench = _bench()
    linked = link_items(corpus.items, make_scorer(corpus.items, linker), model=model)
    return bench.link_counts(corpus.gold, bench._match(corpus.gold, linked.threads))  # type: ignore[no-any-return]


def prf(correct: int, predicted: int, gold: int) -> str:
    p = correct / predicted if predicted else 1.0
    r = correct / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({correct}/{predicted} predicted, {gold} gold)"


def _f1(counts: Sequence[tuple[int, int, int]]) -> float:
    c, p, g = (sum(x[i] for x in counts) for i in range(3))
    return 2 * c / (p + g) if p + g else 1.0


def train(corpora: Sequence[Corpus], data: dict[str, tuple[list[list[float]], list[int]]], c: float) -> LinkModel:
    """The model fitted on these corpora; its threshold is a placeholder (`main` chooses it by pooled
    leave-one-corpus-out link F1 and builds the shipped model with it)."""
    xs = [x for k in corpora for x in data[k.name][0]]
    ys = [y for k in corpora for y in data[k.name][1]]
    weights, bias = fit(xs, ys, c)
    return LinkModel(tuple(weights), bias, 0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--linker", choices=("lexical", "semantic", "both"), default="both")
    parser.add_argument("--check", action="store_true", help="print the figures, write nothing")
    parser.add_argument("--C", type=float, default=3.0, help="inverse L2 strength")
    args = parser.parse_args(argv)
    linkers = ["lexical", "semantic"] if args.linker == "both" else [args.linker]
    corpora = [load(name) for name in FOLDERS]
    shipped: dict[str, dict[str, object]] = {}
    for linker in linkers:
        data = {k.name: pairs(k, linker) for k in corpora}
        print(f"== linker {linker}: need pairs " + ", ".join(f"{n} {sum(y)}/{len(y)}" for n, (_, y) in data.items()))
        # threshold: pooled out-of-fold link F1 over the corpora, each scored by a model that never saw it
        folds = {k.name: train([o for o in corpora if o is not k], data, args.C) for k in corpora}
        by_threshold = {}
        for threshold in THRESHOLDS:
            counts = [
                link_scores(k, linker, LinkModel(folds[k.name].weights, folds[k.name].bias, threshold)) for k in corpora
            ]
            by_threshold[threshold] = _f1(counts)
        threshold = max(THRESHOLDS, key=lambda t: (by_threshold[t], -abs(t - 0.5)))
        print(
            "  pooled out-of-fold link F1 by threshold: "
            + " ".join(f"{t:.2f}:{f:.3f}" for t, f in by_threshold.items())
        )
        print(f"  threshold {threshold:.2f}")
        rules_all, model_all = [], []
        for k in corpora:
            fold = LinkModel(folds[k.name].weights, folds[k.name].bias, threshold)
            rules, model = link_scores(k, linker, False), link_scores(k, linker, fold)
            rules_all.append(rules)
            model_all.append(model)
            print(f"  {k.name:7} rules {prf(*rules)}\n  {'':7} model {prf(*model)}  (trained without {k.name})")
        print(f"  all     rules F1 {_f1(rules_all):.3f} → model F1 {_f1(model_all):.3f} (each corpus left out)")
        final = train(corpora, data, args.C)
        print("  weights " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(NEED_FEATURES, final.weights, strict=True)))
        shipped[linker] = LinkModel(final.weights, final.bias, threshold).to_json()
    if not args.check:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        doc = {"features": list(NEED_FEATURES), "trained_on": list(FOLDERS), "C": args.C, "linkers": shipped}
        OUT.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

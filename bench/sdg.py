"""SDG benchmark: cross-validated score of the shipped scorer's recipe, a baseline, and speed.

    python bench/sdg.py [--csv PATH] [--folds 5] [--repeats 5] [--workers 2]

Score = mean over the 17 SDGs of per-SDG accuracy (the SDG Classification Benchmark's
metric). Every figure is out-of-fold: passages are grouped so a text never sits in both
the training and test folds, idf and weights are fitted on the training folds only, and
the regularisation strength is chosen by an inner CV inside the training folds. The
baselines need no fitting. Speed is `tag_text` on every passage, on `--workers` processes.
Needs the `bench` extra (scikit-learn).
"""

from __future__ import annotations

import statistics
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_sdg import (
    Row,
    choose_c,
    cv_arguments,
    fit,
    grouped_folds,
    macro_accuracy,
    predict,
    prepare,
    read_rows,
)

from forumlens.tag.tagger import tag_text
from forumlens.tag.taxonomy import load_taxonomy


def keyword_baseline(rows: list[Row], prep) -> list[bool]:
    """Fixed rule, no fitting: the asked SDG is present iff it has the most vocabulary hits (>0)."""
    out = []
    for r in rows:
        c = prep[r.text].counts
        out.append(c[r.k] > 0 and c[r.k] == max(c))
    return out


def cross_validate(rows: list[Row], prep, tax, folds: int, repeats: int):
    """Out-of-fold decisions for each repeat; returns per-repeat scores and per-SDG means."""
    scores, per_sdg, chosen = [], [], []
    for seed in range(repeats):
        pred = [False] * len(rows)
        for test in grouped_folds(rows, folds, seed):
            held = set(test)
            train = [r for i, r in enumerate(rows) if i not in held]
            C = choose_c(train, prep, tax, seed)
            chosen.append(C)
            model = fit(train, prep, tax, C)
            for i, p in zip(test, predict(model, [rows[i] for i in test], prep, tax)):
                pred[i] = p
        score, per = macro_accuracy(rows, pred)
        scores.append(score)
        per_sdg.append(per)
    return scores, [statistics.mean(col) for col in zip(*per_sdg)], chosen


def _tag_all(texts: list[str]) -> int:
    for t in texts:
        tag_text(t, "sdg")
    return len(texts)


def speed(texts: list[str], workers: int, rounds: int = 3) -> float:
    """Passages per second of the shipped pure-Python tagger on `workers` processes."""
    chunks = [texts[i::workers] for i in range(workers)]
    with Pool(workers) as pool:
        pool.map(_tag_all, [c[:5] for c in chunks])  # warm up: load data in each worker
        t0 = time.perf_counter()
        n = sum(sum(pool.map(_tag_all, chunks)) for _ in range(rounds))
        return n / (time.perf_counter() - t0)


def main() -> None:
    ap = cv_arguments(__doc__, repeats=5)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    tax = load_taxonomy("sdg")
    rows = read_rows(args.csv)
    prep = prepare(rows, tax)
    print(f"rows {len(rows)}, passages {len(prep)}, {args.repeats} x {args.folds}-fold grouped CV")

    majority = macro_accuracy(rows, [False] * len(rows))[0]
    kw, kw_per = macro_accuracy(rows, keyword_baseline(rows, prep))
    scores, per, chosen = cross_validate(rows, prep, tax, args.folds, args.repeats)
    print(f"baseline  always-absent          {majority:.2%}")
    print(f"baseline  keyword top-hit rule   {kw:.2%}")
    print(
        f"forumlens cross-validated        {statistics.mean(scores):.2%} "
        f"(sd {statistics.pstdev(scores):.2%} over {len(scores)} repeats; "
        f"min {min(scores):.2%}, max {max(scores):.2%}); inner-CV C picks {sorted(set(chosen))}"
    )
    print("per SDG (CV mean | keyword rule):")
    for k, (a, b) in enumerate(zip(per, kw_per), start=1):
        print(f"  SDG{k:<3} {a:6.1%} | {b:6.1%}")
    texts = list(prep)
    print(
        f"speed: {speed(texts, args.workers):.0f} passages/s with {args.workers} workers "
        f"(shipped pure-Python tagger, {len(texts)} passages x 3)"
    )


if __name__ == "__main__":
    main()

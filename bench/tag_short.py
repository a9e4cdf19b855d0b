"""The bar a short session's tags must clear, measured on the SDG benchmark.

    python bench/tag_short.py [--csv PATH] [--folds 5] [--repeats 2] [--precision 0.9]

A session shorter than one passage window cannot show a topic recurring, the check the
passage rule has against a passing mention, so it is tagged as one text with a higher
bar. The bar is the lowest threshold whose precision on benchmark texts of that length
(fewer than `_WINDOW_WORDS` words: 492 of the 507 rows) reaches `--precision`:

- model scores (schemes with a shipped model, "sdg") out of fold, exactly as
  `bench/sdg.py` computes them (passages grouped, idf, weights and C fitted on the
  training folds only), pooled over the repeats;
- vocabulary-density scores (the schemes without a model) need no fitting: the same
  formula the tagger uses for issue areas and GDC objectives, on the SDG vocabulary.

Prints precision, recall and the benchmark's macro accuracy at each threshold. Needs
the `bench` extra (scikit-learn).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_sdg import Row, choose_c, cv_arguments, design, fit, grouped_folds, macro_accuracy, prepare, read_rows

from forumlens.tag.tagger import _WINDOW_WORDS, _density_of_stems
from forumlens.tag.taxonomy import Taxonomy, load_taxonomy
from forumlens.text import stems, words

GRID = [round(0.5 + 0.05 * i, 2) for i in range(10)]


def out_of_fold(rows: list[Row], prep, tax: Taxonomy, folds: int, repeats: int) -> list[list[float]]:
    """Per repeat, each row's model score from a model that never saw its passage."""
    out = []
    for seed in range(repeats):
        score = [0.0] * len(rows)
        for test in grouped_folds(rows, folds, seed):
            held = set(test)
            train = [r for i, r in enumerate(rows) if i not in held]
            model = fit(train, prep, tax, choose_c(train, prep, tax, seed))
            X = design([rows[i] for i in test], prep, tax, model.idf)
            for i, x in zip(test, X):
                nf = len(model.coef)
                z = model.intercept + model.bias[tax.entries[rows[i].k].code]
                z += sum(a * b for a, b in zip(model.coef, x[:nf]))
                score[i] = 1.0 / (1.0 + math.exp(-z))
        out.append(score)
    return out


def curve(rows: list[Row], runs: list[list[float]], keep: list[int]) -> list[tuple[float, float, float, float]]:
    """(threshold, precision, recall, macro accuracy) over the kept rows, pooled over runs."""
    sub = [rows[i] for i in keep]
    table = []
    for t in GRID:
        tp = fp = fn = 0
        acc = 0.0
        for run in runs:
            pred = [run[i] >= t for i in keep]
            tp += sum(p and r.label for p, r in zip(pred, sub))
            fp += sum(p and not r.label for p, r in zip(pred, sub))
            fn += sum(not p and r.label for p, r in zip(pred, sub))
            acc += macro_accuracy(sub, pred)[0]
        table.append((t, tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 0.0, acc / len(runs)))
    return table


def report(name: str, table: list[tuple[float, float, float, float]], target: float) -> None:
    print(f"{name}: threshold  precision  recall  macro-accuracy")
    for t, p, r, a in table:
        print(f"  {t:.2f}  {p:.3f}  {r:.3f}  {a:.2%}")
    bar = next((t for t, p, _, _ in table if p >= target), None)
    print(f"  lowest threshold with precision >= {target}: {bar}")


def main() -> None:
    ap = cv_arguments(__doc__, repeats=2)
    ap.add_argument("--precision", type=float, default=0.9)
    args = ap.parse_args()
    tax = load_taxonomy("sdg")
    rows = read_rows(args.csv)
    prep = prepare(rows, tax)
    keep = [i for i, r in enumerate(rows) if len(words(r.text)) < _WINDOW_WORDS]
    print(f"rows {len(rows)}, shorter than one passage window ({_WINDOW_WORDS} words): {len(keep)}")
    runs = out_of_fold(rows, prep, tax, args.folds, args.repeats)
    report(
        f"model, out of fold ({args.repeats} x {args.folds}-fold grouped CV)", curve(rows, runs, keep), args.precision
    )
    density = [_density_of_stems(tax, stems(r.text))[r.k] for r in rows]
    report("vocabulary density (no fitting)", curve(rows, [density], keep), args.precision)


if __name__ == "__main__":
    main()

"""How often two careful people agree on an ask's category: the ceiling of issue 22's goal.

    python bench/category_agreement.py [--labels PATH]

Why: asks with the right category is the measure farthest from its goal (.8) on every blind
round, and every refit of the classifier has been judged against one annotator's labels.
Before more model work we need to know what a second annotator reaches on the same asks.
`bench/data/agreement/ask-categories-second-annotator.json` holds a second, independent
labelling (primary + secondary categories) of every ask of `asks_blind23` and of the main
development session; each label names its gold file, line and quote, and is matched to the
first annotation there. Printed per set: primary agreement and Cohen's kappa; "bench
criterion" (the second annotator's primary among the first's acceptable categories, which
is how `bench/intel.py` credits a detection's category); and the most frequent disagreements.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "agreement" / "ask-categories-second-annotator.json"


def first_categories(gold: Path, line: int, quote: str) -> list[str]:
    """The first annotator's acceptable categories of the ask with this line and quote."""
    asks = json.loads(gold.read_text(encoding="utf-8"))["asks"]
    for ask in asks:
        if ask["line"] == line and ask["quote"] == quote:
            return list(ask["categories"])
    raise SystemExit(f"{gold}: no ask at line {line} quoting {quote[:60]!r}; fix the labels file")


def kappa(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa of paired labels."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first.keys() | second.keys()) / (n * n)
    return observed, (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=LABELS, help="the second annotator's labels (JSON)")
    args = parser.parse_args(argv)
    labels = json.loads(args.labels.read_text(encoding="utf-8"))["labels"]
    rows = [(row, first_categories(ROOT / row["gold"], row["line"], row["quote"])) for row in labels]
    disagreements: Counter[tuple[str, str]] = Counter()
    for name in ["all", *sorted({row["set"] for row, _ in rows})]:
        chosen = [(row, cats) for row, cats in rows if name in ("all", row["set"])]
        pairs = [(cats[0], row["primary"]) for row, cats in chosen]
        observed, k = kappa(pairs)
        bench = sum(row["primary"] in cats for row, cats in chosen)
        print(
            f"{name:14s} n={len(chosen):3d}  primary agree {sum(a == b for a, b in pairs):3d} ({observed:.2f}), "
            f"kappa {k:.2f}; bench criterion {bench}/{len(chosen)} ({bench / len(chosen):.2f})"
        )
        if name == "all":
            disagreements.update((a, b) for a, b in pairs if a != b)
    print("most frequent disagreements (first annotator's primary -> second's):")
    for (a, b), count in disagreements.most_common(8):
        print(f"  {count:2d}  {a} -> {b}")


if __name__ == "__main__":
    main()

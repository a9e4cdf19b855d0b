"""How often two careful people agree on an ask's category: the ceiling of issue 22's goal.

    python bench/category_agreement.py [--labels PATH]
    python bench/category_agreement.py --across-rounds [--overlap 0.35]

Why: asks with the right category is the measure farthest from its goal (.8) on every blind
round, and every refit of the classifier has been judged against one annotator's labels.
Before more model work we need to know what a second annotator reaches on the same asks.
`bench/data/agreement/ask-categories-second-annotator.json` holds a second, independent
labelling (primary + secondary categories) of every ask of `asks_blind23` and of the main
development session; each label names its gold file, line and quote, and is matched to the
first annotation there. Printed per set: primary agreement and Cohen's kappa; "bench
criterion" (the second annotator's primary among the first's acceptable categories, which
is how `bench/intel.py` credits a detection's category); and the most frequent disagreements.

`--across-rounds` (issue 22, stop 46) asks the same of the annotators of different rounds, from the gold
alone (no pipeline run): each annotated ask of the development sets (`tests/resources/analyse` and the
earlier rounds' `asks_blind*`, never this round's blind set) is paired with its most alike asks of
*other* rounds (up to three, by the overlap of their content words, at least `--overlap`), and it
prints how often such a neighbour accepts the ask's first category, per round and pooled, and the
most frequent pairs where it does not. Asks worded alike need not ask for the same thing, so this is
a floor on convention drift, not its measure; but where a neighbour refuses a category that the tool
gives, the tool has learned another round's convention, not a wrong reading.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "agreement" / "ask-categories-second-annotator.json"
NEIGHBOURS = 3
_WORD = re.compile(r"[a-z]+")
# Words that say nothing of what is asked for: glue, pronouns, modals and the ask's own cue.
_STOP_TEXT = """a an the of to for and or in on at with by from into about our your their my his her its this that
    these those some more any all every each other be is are was it we us you they i them me also just really
    very so then please not only at least one two three can could would will should must have has need needs
    ask like want do make get there here what which who as if"""
_STOP = frozenset(_STOP_TEXT.split())


def content_words(quote: str) -> frozenset[str]:
    """The words of a quote that can name what is asked for, cut to six letters (a crude stem)."""
    return frozenset(w[:6] for w in _WORD.findall(quote.lower()) if w not in _STOP and len(w) > 2)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def neighbour_agreement(
    asks: list[tuple[str, str, list[str]]], at_least: float
) -> list[tuple[str, list[str], list[list[str]]]]:
    """For each (round, quote, categories) with alike asks of other rounds: (its round, its categories,
    the categories of its up to `NEIGHBOURS` most alike asks of other rounds, overlap ≥ `at_least`)."""
    words = [content_words(quote) for _, quote, _ in asks]
    out = []
    for i, (round_, _, cats) in enumerate(asks):
        near = sorted(
            ((overlap(words[i], words[j]), j) for j, other in enumerate(asks) if other[0] != round_),
            key=lambda pair: (-pair[0], pair[1]),
        )
        chosen = [asks[j][2] for score, j in near[:NEIGHBOURS] if score >= at_least]
        if chosen:
            out.append((round_, cats, chosen))
    return out


def development_asks() -> list[tuple[str, str, list[str]]]:
    """(round, quote, categories) of every annotated ask of the development sets, never the blind set."""
    sys.path.insert(0, str(ROOT / "bench"))
    import blind_round

    folders = [blind_round.RESOURCES / "analyse", *blind_round.earlier("asks")]
    out = []
    for folder in folders:
        if folder.resolve() == blind_round.blind("asks").resolve():
            continue  # this round's blind set is never read
        name = "dev" if folder.name == "analyse" else blind_round.label("asks", folder)
        for gold in sorted(folder.glob("*.gold.json")):
            for ask in json.loads(gold.read_text(encoding="utf-8")).get("asks", []):
                out.append((name, ask["quote"], list(ask["categories"])))
    return out


def across_rounds(at_least: float) -> None:
    """Print how often alike asks of other rounds accept an ask's first category (`--across-rounds`)."""
    paired = neighbour_agreement(development_asks(), at_least)
    rounds: dict[str, list[float]] = {}
    refused: Counter[tuple[str, str]] = Counter()
    for round_, cats, near in paired:
        share = sum(cats[0] in other for other in near) / len(near)
        rounds.setdefault(round_, []).append(share)
        refused.update((cats[0], other[0]) for other in near if cats[0] not in other)
    pooled = [x for shares in rounds.values() for x in shares]
    print(
        f"asks with an alike ask in another round (overlap >= {at_least}): {len(pooled)}; "
        f"a neighbour accepts the first category {sum(pooled) / max(1, len(pooled)):.2f}"
    )
    for round_, shares in sorted(rounds.items(), key=lambda kv: (len(kv[0]), kv[0])):
        print(f"  {round_:10s} n={len(shares):3d}  {sum(shares) / len(shares):.2f}")
    print("most frequent refusals (the ask's first category -> the neighbour's first):")
    for (a, b), count in refused.most_common(8):
        print(f"  {count:3d}  {a} -> {b}")


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
    parser.add_argument("--across-rounds", action="store_true", help="alike asks of different rounds, from the gold")
    parser.add_argument("--overlap", type=float, default=0.35, help="with --across-rounds: least word overlap")
    args = parser.parse_args(argv)
    if args.across_rounds:
        across_rounds(args.overlap)
        return
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

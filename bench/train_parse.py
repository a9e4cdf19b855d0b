"""Fit the shipped label-line model (`transcript/labellines.py`) on the annotated parse sets.

    python bench/train_parse.py [--out PATH] [--loso] [--c VALUE]

**Examples from gold**: every split `labellines.candidates` proposes in a development file
(`SETS`: `tests/resources/parse` with the shared transcript and format samples, and the earlier
rounds' `parse_blind` …; never this round's blind set, `bench/blind_round.py`) is one example.
It is positive when a gold turn starts where its speech starts and, when the gold names the
label, with the same label (`starts` gold: the gold turn's first words open the text at the
split's body; `line` gold: the gold turn is on the split's line with that label). Everything else
a line start could be read as is a negative: the title lines, the speech lines, the wrong splits
of real label lines (`HIWOT TESFAYE [10` before the colon of a time).

**Fit**: a binary logistic regression, L2 strength 1/(C·n), full-batch Adam (deterministic),
numpy. Threshold 0.5. Writes `src/forumlens/transcript/data/label_lines.json`.

**`--loso`** (leave one set out): for each set, fit on the other sets only, parse the left-out
set with the rules alone and with rules + that model, and print turn F1 and speaker names of
both (`bench/parse.py`'s scoring). This is the honest figure for a set nobody tuned on.
Needs numpy (the `bench` extra).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import blind_round
from parse import CORPUS, RESOURCES, Score, _norm, _source, score_turns

from forumlens.transcript.labellines import LabelModel, candidates
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import name_key

OUT = ROOT / "src" / "forumlens" / "transcript" / "data" / "label_lines.json"
STEPS = 400
THRESHOLD = 0.5


def sets() -> dict[str, list[Path]]:
    """The development sets by name; this round's blind set is never among them."""
    found = {
        "parse": [
            *sorted((RESOURCES / "parse").glob("*.gold.json")),
            CORPUS / "igf2021-dc-main-session.turns.json",
            *sorted((CORPUS / "formats").glob("*.turns.json")),
        ]
    }
    for folder in blind_round.earlier("parse"):
        found[folder.name] = sorted(folder.glob("*.gold.json"))
    return found


def examples(path: Path) -> tuple[list[tuple[str, ...]], list[int]]:
    """(features, 0/1 label) of every candidate split of one gold file's source."""
    text = _source(path).read_text("utf-8")
    gold: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))["turns"]
    by_line = {g["line"]: g for g in gold if "line" in g}
    starts = [(_norm(g["starts"]), g) for g in gold if "starts" in g]
    feats, labels = [], []
    for c in candidates(text):
        ok = False
        if by_line:
            g = by_line.get(text.count("\n", 0, c.line_at) + 1)
            ok = g is not None and g.get("label") is not None and name_key(g["label"]) == name_key(c.label)
        else:
            head = _norm(text[c.body : c.body + 400])
            for want, g in starts:
                if head.startswith(want):
                    gold_label = g.get("label", c.label)
                    ok = ok or (gold_label is not None and name_key(gold_label) == name_key(c.label))
        feats.append(c.feats)
        labels.append(int(ok))
    return feats, labels


def fit(feats: list[tuple[str, ...]], labels: list[int], c: float) -> LabelModel:
    """Binary logistic regression over binary features, L2 1/(c·n), full-batch Adam."""
    import numpy as np
    from adam import Adam  # imports numpy: only a fit needs it

    vocab = {f: j for j, f in enumerate(sorted({f for fs in feats for f in fs}))}
    x = np.zeros((len(feats), len(vocab)))
    for i, fs in enumerate(feats):
        for f in set(fs):
            x[i, vocab[f]] = 1.0
    y = np.array(labels, dtype=float)
    n, d = x.shape
    w = np.zeros(d)
    b = float(np.log((y.mean() + 1e-3) / (1 - y.mean() + 1e-3)))
    lam = 1.0 / (c * n)
    adam_w, adam_b = Adam(lr=0.1), Adam(lr=0.1)
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = (p - y) / n
        w -= adam_w.step(x.T @ g + lam * w)
        b -= adam_b.step(float(g.sum()))
    return LabelModel(float(b), {f: float(w[j]) for f, j in vocab.items()}, THRESHOLD)


def _pool(files: list[Path]) -> tuple[list[tuple[str, ...]], list[int]]:
    feats: list[tuple[str, ...]] = []
    labels: list[int] = []
    for path in files:
        f, y = examples(path)
        feats += f
        labels += y
    return feats, labels


def score(files: list[Path], model: LabelModel | None) -> Score:
    """Pooled turn score of parsing `files` with `model` (None: the rules alone)."""
    pooled = Score()
    for path in files:
        gold = json.loads(path.read_text("utf-8"))["turns"]
        session = parse_transcript(_source(path).read_text("utf-8"), label_model=model)
        pooled.add(score_turns(gold, session.turns)[0])
    return pooled


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--loso", action="store_true", help="leave one set out: rules vs rules + model")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    args = parser.parse_args(argv)
    all_sets = sets()
    data = {name: _pool(files) for name, files in all_sets.items()}
    if args.loso:
        print(f"{'left out':14} {'rules':>44} | rules + model (fit on the other sets)")
        total_rules, total_model = Score(), Score()
        for name, files in all_sets.items():
            feats = [f for other, (fs, _) in data.items() if other != name for f in fs]
            labels = [y for other, (_, ys) in data.items() if other != name for y in ys]
            model = fit(feats, labels, args.c)
            rules, learned = score(files, None), score(files, model)
            total_rules.add(rules)
            total_model.add(learned)
            print(
                f"{name:14} F1 {rules.f1():.3f} names {rules.speaker_ok}/{rules.tp}  ->  F1 {learned.f1():.3f} names {learned.speaker_ok}/{learned.tp}   ({learned.line()})"
            )
        print(f"{'pooled':14} F1 {total_rules.f1():.3f}  ->  F1 {total_model.f1():.3f}")
        return
    feats = [f for fs, _ in data.values() for f in fs]
    labels = [y for _, ys in data.values() for y in ys]
    model = fit(feats, labels, args.c)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    notes = {"examples": len(labels), "positives": sum(labels), "sets": sorted(all_sets), "c": args.c}
    args.out.write_text(json.dumps({**model.to_json(), "notes": notes}, indent=1) + "\n", "utf-8")
    shown = (
        args.out.relative_to(ROOT) if args.out.resolve().is_relative_to(ROOT) else args.out
    )  # --out may be elsewhere
    print(f"wrote {shown}: {len(labels)} examples, {sum(labels)} positive, {len(model.weights)} features")


if __name__ == "__main__":
    main()

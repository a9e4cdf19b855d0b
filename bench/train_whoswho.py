"""Train the who's-who affiliation ranker and score it leave-one-set-out (LOSO).

    python bench/train_whoswho.py [--features all|nopick|generic|rules] [--c 1.0] [--write]

Data: the development gold sets of `bench/whoswho.py` (shared, resolve, intel_blind …
intel_blind7, intel_titled, intel_dev7 (written as training material); never this round's
blind set). For every annotated person the
resolve stage found, `cast.affiliation_options` gives the candidate organisations with
features (`resolve.affcands`) and a "none" option; the annotated affiliation (or its
accepted spellings; none when it is null) labels one option. A conditional logit (softmax
over one person's options, L2) is fitted with numpy.

LOSO: for each set, fit on all other sets and score the left-out one with the bench scorer
(`forumlens.resolve.scoring.score_people`, after putting the model's pick into the cast),
beside the rules today and the set's first run when it was blind (BENCHMARKS.md). Caveat
printed with the table: the candidates and the `rule:*` features come from today's cue
rules, which were written after reading every one of these sets, so even LOSO is optimistic
for the `all`/`rules` feature sets; `generic` (spans, registry hits, positions, neighbouring
words; no rule output) is the cleaner estimate.

`--write` fits on every development set and writes `src/forumlens/resolve/data/whoswho_model.json`.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import whoswho
from adam import Adam

from forumlens.resolve import affmodel
from forumlens.resolve.affcands import Candidate
from forumlens.resolve.cast import Cast, affiliation_options, prepare, resolve_session
from forumlens.resolve.registry import load_registry
from forumlens.resolve.scoring import _find, affiliation_key, load_gold, score_people
from forumlens.transcript.parse import parse_transcript

OUT = ROOT / "src" / "forumlens" / "resolve" / "data" / affmodel.MODEL_FILE
# Affiliation (right, people) of each set's first run while it was blind (BENCHMARKS.md,
# bench/data/whoswho-blind*-first-run.txt); the other dev sets were never blind.
FIRST_RUN = {
    "intel_blind": (10, 44),
    "intel_blind2": (30, 41),
    "intel_blind3": (23, 38),
    "intel_blind4": (37, 43),
    "intel_blind5": (27, 39),
    "intel_blind6": (18, 34),
    "intel_blind7": (20, 36),
}
MIN_GROUPS = 2  # a feature seen for fewer training people weighs nothing


@dataclass
class Option:
    features: dict[str, float]
    name: str | None  # None: the "none" option
    right: bool


@dataclass
class Example:
    """One annotated session: its gold, cast and per-person options (None: person not found)."""

    source: str
    gold: dict[str, Any]
    cast: Cast
    options: list[list[Option] | None]  # per gold person


def _keep(name: str, family: str) -> bool:
    if family == "all":
        return True
    if family == "nopick":
        return name not in ("rule:pick", "none:rule_pick")
    rule = name.startswith("rule") or name == "none:no_rule"
    return not rule if family == "generic" else rule or name.startswith(("none", "registry", "bias"))


def load(family: str) -> list[Example]:
    registry = load_registry()
    examples = []
    for gold_file in whoswho.set_files("dev"):
        gold = load_gold(gold_file)
        source = gold["source"].split(" ")[0]
        session = parse_transcript((gold_file.parent / source).read_text("utf-8"), source=source)
        prepared = prepare(session, registry)
        cast = resolve_session(session, registry=registry, prepared=prepared, use_model=False)
        per_draft = affiliation_options(prepared, registry)
        options: list[list[Option] | None] = []
        for expected in gold["people"]:
            person = _find(cast, expected)
            if person is None:
                options.append(None)
                continue
            cands, nothing = per_draft[cast.people.index(person)]
            accepted = {affiliation_key(expected["affiliation"])} | {
                affiliation_key(a) for a in expected.get("affiliation_also", [])
            }
            row = [Option({k: v for k, v in nothing.items() if _keep(k, family)}, None, None in accepted)]
            row += [
                Option(
                    {k: v for k, v in c.features.items() if _keep(k, family)},
                    c.name,
                    affiliation_key(c.name) in accepted,
                )
                for c in cands
            ]
            options.append(row)
        examples.append(Example(whoswho._source_set(gold_file), gold, cast, options))
    return examples


def fit(examples: list[Example], c: float) -> affmodel.Ranker:
    """Conditional logit over each person's options (people whose answer is among them), L2."""
    groups = [row for ex in examples for row in ex.options if row and any(o.right for o in row)]
    seen: dict[str, int] = {}
    for row in groups:
        for name in {k for o in row for k in o.features}:
            seen[name] = seen.get(name, 0) + 1
    vocab = {name: i for i, name in enumerate(sorted(n for n, k in seen.items() if k >= MIN_GROUPS))}
    data, rows, cols, group_of, right = [], [], [], [], []
    for g, row in enumerate(groups):
        for o in row:
            for k, v in o.features.items():
                if k in vocab:
                    data.append(v)
                    rows.append(len(group_of))
                    cols.append(vocab[k])
            group_of.append(g)
            right.append(o.right)
    x = sparse.csr_matrix((data, (rows, cols)), shape=(len(group_of), len(vocab)))
    gid = np.asarray(group_of)
    y = np.asarray(right, float)
    y = y / np.bincount(gid, weights=y)[gid]  # several right spellings share the mass
    w = np.zeros(len(vocab))
    adam = Adam(lr=0.05)
    starts = _starts(gid)
    for _ in range(1500):
        s = x @ w
        s -= np.maximum.reduceat(s, starts)[gid] if len(s) else 0
        e = np.exp(s)
        p = e / np.bincount(gid, weights=e)[gid]
        w -= adam.step(x.T @ (p - y) + w / c)
    return affmodel.Ranker({name: round(float(w[i]), 4) for name, i in vocab.items() if abs(w[i]) > 1e-4})


def _starts(gid: np.ndarray) -> np.ndarray:
    return np.flatnonzero(np.r_[True, gid[1:] != gid[:-1]])


def score(example: Example, ranker: affmodel.Ranker | None) -> tuple[int, int]:
    """(right, people) affiliations of one session with the bench scorer; None: the rules."""
    if ranker is None:
        s = score_people(example.cast, example.gold, example.source in whoswho.GENERIC_SELF_NAMED_UNNAMED)
        return s.affiliation, s.people
    people = list(example.cast.people)
    for expected, row in zip(example.gold["people"], example.options, strict=True):
        if row is None:
            continue
        person = _find(example.cast, expected)
        assert person is not None
        nothing, *cands = row
        pick = affmodel.choose(
            ranker, [Candidate(o.name or "", o.name or "", None, o.features) for o in cands], nothing.features
        )
        people[people.index(person)] = replace(person, affiliation=pick.name if pick else None)
    s = score_people(
        replace(example.cast, people=tuple(people)),
        example.gold,
        example.source in whoswho.GENERIC_SELF_NAMED_UNNAMED,
    )
    return s.affiliation, s.people


def _frac(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.0%})" if b else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--features", choices=("all", "nopick", "generic", "rules"), default="nopick")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--write", action="store_true", help="fit on all dev sets and write the model JSON")
    args = parser.parse_args(argv)
    examples = load(args.features)
    sets = sorted({e.source for e in examples}, key=lambda s: [e.source for e in examples].index(s))
    print(f"affiliation, features={args.features}, C={args.c}: rules today | model LOSO | first run (blind)")
    totals = dict.fromkeys(("rules", "loso", "fit", "first", "n", "rules_b", "loso_b", "n_b"), 0)
    full = fit(examples, args.c)
    for name in sets:
        held = [e for e in examples if e.source == name]
        ranker = fit([e for e in examples if e.source != name], args.c)
        rules = [score(e, None) for e in held]
        loso = [score(e, ranker) for e in held]
        fitted = [score(e, full) for e in held]
        r, n = sum(a for a, _ in rules), sum(b for _, b in rules)
        m_, f_ = sum(a for a, _ in loso), sum(a for a, _ in fitted)
        first = FIRST_RUN.get(name)
        totals["rules"] += r
        totals["loso"] += m_
        totals["fit"] += f_
        totals["n"] += n
        if first:
            totals["first"] += first[0]
            totals["rules_b"] += r
            totals["loso_b"] += m_
            totals["n_b"] += first[1]
        first_text = _frac(*first) if first else "-"
        print(f"  {name:<14} {_frac(r, n):>16} {_frac(m_, n):>16} {first_text:>16}   (dev fit {_frac(f_, n)})")
    n, nb = totals["n"], totals["n_b"]
    print(
        f"  {'all sets':<14} {_frac(totals['rules'], n):>16} {_frac(totals['loso'], n):>16} {'':>16}   (dev fit {_frac(totals['fit'], n)})"
    )
    print(
        f"  {'blind1-7':<14} {_frac(totals['rules_b'], nb):>16} {_frac(totals['loso_b'], nb):>16} "
        f"{_frac(totals['first'], nb):>16}"
    )
    print(
        "  caveat: candidates and rule:* features come from cue rules written after reading every set; "
        "LOSO of 'all'/'rules' is optimistic, 'generic' is the cleaner estimate"
    )
    if args.write:
        payload = {
            "about": "who's-who affiliation ranker; rebuild: python bench/train_whoswho.py --write",
            "features": args.features,
            "c": args.c,
            "affiliation": {"weights": dict(sorted(full.weights.items()))},
        }
        OUT.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} ({len(full.weights)} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The template fallback's gate (`transcript/gate.py`) fitted on the development sets, scored
leave-one-set-out.

    python bench/parse_gate.py [--set parse_blind18]

Each development file is read twice, by the rules alone (`parse_by_rules`) and by its learned
template alone (`parse_by_template`); a gate rule picks one reading per file from what both can
be judged by without gold (`prefer_template`). For each rule of the grid the pooled turn F1 of the
picked readings is printed; then, leave-one-set-out, the rule fitted on all sets but one (best
pooled F1, ties to the stricter rule) scores the one left out, and the
pooled F1 of those held-out picks is the gate's figure (what it would make of a set it was not
fitted on). A set is a folder: `tests/resources/parse`, `parse_blind`, `parse_blind3` …, the shared
corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from itertools import product
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from parse import SETS, Score, _source, score_turns

from forumlens.models import Session
from forumlens.transcript.gate import GATE, GateRule, prefer_template
from forumlens.transcript.parse import parse_by_rules, parse_by_template

GRID = [
    GateRule(agree, gain, recur, few_lines)
    for agree, gain, recur, few_lines in product(
        (0.5, 0.75, 0.9, 1.0), (1.5, 2.0, 2.5, 3.0, 99.0), (0.0, 0.25, 0.5, 0.6, 0.75, 0.9), (0, 12)
    )
]


@dataclass
class Case:
    """One development file: its set, text, and the two readings' scores."""

    set: str
    name: str
    text: str
    rules: Session
    template: Session
    rules_score: Score
    template_score: Score


def cases(files: list[Path]) -> list[Case]:
    out = []
    for path in files:
        gold = json.loads(path.read_text("utf-8"))["turns"]
        text = _source(path).read_text("utf-8")
        rules, template = parse_by_rules(text), parse_by_template(text)
        rs, ts = score_turns(gold, rules.turns)[0], score_turns(gold, template.turns)[0]
        out.append(Case(path.parent.name, _source(path).stem, text, rules, template, rs, ts))
    return out


def pooled(group: list[Case], rule: GateRule) -> Score:
    """The pooled score of the readings `rule` picks."""
    total = Score()
    for case in group:
        picked = prefer_template(case.text, case.rules.turns, case.template.turns, rule)
        total.add(case.template_score if picked else case.rules_score)
    return total


def fit(group: list[Case]) -> GateRule:
    """The grid's rule with the best pooled F1 on `group` (ties: the stricter rule)."""
    return max(
        GRID, key=lambda r: (round(pooled(group, r).f1(), 6), r.agree, -r.few_lines, r.recur, -abs(r.gain - 2.0))
    )


def _name(rule: GateRule) -> str:
    return f"agree {rule.agree:.2f} gain {rule.gain:4.1f} recur {rule.recur:.2f} few {rule.few_lines:2}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", help="score this development folder alone after the LOSO run")
    args = parser.parse_args(argv)
    all_cases = cases(SETS["dev"]())
    sets = sorted({c.set for c in all_cases})
    print(f"== {len(all_cases)} files in {len(sets)} sets")
    rules_only = Score()
    template_only = Score()
    for case in all_cases:
        rules_only.add(case.rules_score)
        template_only.add(case.template_score)
    print(f"{'rules alone':34} {rules_only.line()}")
    print(f"{'template alone':34} {template_only.line()}")
    for rule in GRID:
        mark = " (shipped)" if rule == GATE else ""
        print(f"{_name(rule) + mark:48} {pooled(all_cases, rule).line()}")
    held = Score()
    shipped = Score()
    for name in sets:
        out = [c for c in all_cases if c.set == name]
        rule = fit([c for c in all_cases if c.set != name])
        score = pooled(out, rule)
        held.add(score)
        shipped.add(pooled(out, GATE))
        print(f"LOSO {name:22} fitted {_name(rule)}  {score.line()}")
    print(f"{'LOSO pooled (held-out picks)':34} {held.line()}")
    print(f"{'shipped gate, same sets':34} {shipped.line()}")
    if args.set:
        for case in (c for c in all_cases if c.set == args.set):
            picked = prefer_template(case.text, case.rules.turns, case.template.turns, GATE)
            score = case.template_score if picked else case.rules_score
            print(f"{case.name[:44]:44} {'template' if picked else 'rules   '} {score.line()}")


if __name__ == "__main__":
    main()

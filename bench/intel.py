"""Accuracy of session intelligence against the hand-annotated sessions.

    python bench/intel.py [--verbose] [--cast]

`--cast` runs resolve's `resolve_session` first and passes its cast (roles,
affiliations, modes) to `find_intel`, as the pipeline does; without it the
analyses infer roles from labels and floor-giving.

Reads every `tests/resources/analyse/*.gold.json`, runs `find_intel` on its
transcript (a `shared:` source is read from ../shared) and prints question
precision/recall and status accuracy, ask detection and ask-category
precision/recall, outputs and segments, per file and pooled.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from forumlens.analyse import find_intel
from forumlens.analyse.scoring import (
    PR,
    score_asks,
    score_outputs,
    score_questions,
    score_segments,
)
from forumlens.transcript.parse import parse_transcript

RESOURCES = ROOT / "tests" / "resources" / "analyse"
SHARED = ROOT.parent / "shared"


def source_path(gold_file: Path, source: str) -> Path:
    if source.startswith("shared:"):
        return SHARED / source.removeprefix("shared:")
    return gold_file.parent / source


def evaluate(gold_file: Path, with_cast: bool = False) -> dict:
    gold = json.loads(gold_file.read_text("utf-8"))
    text = source_path(gold_file, gold["source"]).read_text("utf-8")
    session = parse_transcript(text, source=gold["source"])
    cast = None
    if with_cast:
        from forumlens.resolve.cast import resolve_session

        cast = resolve_session(session)
    intel = find_intel(session, cast).to_json()
    return {
        "questions": score_questions(intel["questions"], gold),
        "asks": score_asks(intel["asks"], gold),
        "outputs": score_outputs(intel["outputs"], gold),
        "segments": score_segments(intel["segments"], gold),
        "limit": (intel["stats"]["limit"] or {}).get("minutes"),
        "gold_limit": gold.get("time_limit_minutes"),
    }


def _pr(p: PR) -> str:
    return f"P {p.precision:.2f} R {p.recall:.2f} ({p.tp}/{p.tp + p.fp} found, {p.tp}/{p.tp + p.fn} wanted)"


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    totals: dict[str, list[int]] = {k: [0, 0, 0] for k in ("q", "a", "c", "o", "s")}
    status = matched = 0
    for gold_file in sorted(RESOURCES.glob("*.gold.json")):
        r = evaluate(gold_file, "--cast" in argv)
        q, a = r["questions"], r["asks"]
        print(f"== {gold_file.name.removesuffix('.gold.json')}")
        print(
            f"  questions      {_pr(q.detection)}; status accuracy {q.status_accuracy:.2f} "
            f"({q.status_correct}/{q.matched}); addressee {q.to_correct}/{q.matched}; first answer line "
            f"{q.answer_correct}/{q.matched}"
        )
        print(f"  asks (line)    {_pr(a.detection)}")
        print(f"  asks+category  {_pr(a.category)}")
        print(f"  outputs        {_pr(r['outputs'])}")
        print(f"  segments       {_pr(r['segments'])}")
        print(f"  time limit     found {r['limit']} / annotated {r['gold_limit']}")
        if verbose:
            for e in q.errors + a.errors:
                print("    -", e)
        for key, pr in (
            ("q", q.detection),
            ("a", a.detection),
            ("c", a.category),
            ("o", r["outputs"]),
            ("s", r["segments"]),
        ):
            totals[key][0] += pr.tp
            totals[key][1] += pr.fp
            totals[key][2] += pr.fn
        status += q.status_correct
        matched += q.matched
    print("== pooled")
    names = {"q": "questions", "a": "asks (line)", "c": "asks+category", "o": "outputs", "s": "segments"}
    for key, (tp, fp, fn) in totals.items():
        print(f"  {names[key]:<14} {_pr(PR(tp, fp, fn))}")
    print(f"  status accuracy {status / matched if matched else 1:.2f} ({status}/{matched})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

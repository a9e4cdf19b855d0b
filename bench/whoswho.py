"""Who's-who accuracy on the development sessions and on the fourth blind set, side by side.

    python bench/whoswho.py [--verbose] [--only dev|blind4]

Development = `tests/resources/resolve`, the shared transcript's annotation and the first
three blind sets `tests/resources/intel_blind`, `intel_blind2` and `intel_blind3` (each became
development data when the next blind set was written, as the blind protocol in BENCHMARKS.md
says). Blind4 = `tests/resources/intel_blind4`, annotated before any code ran on it and never
tuned on: `--verbose` never prints its per-person errors (reading them would be tuning on
them), and while it is still being written (no directory yet) it is skipped with a note. A
set's files are listed only when that set is scored, so `--only dev` never reads the blind one.

For every session: role, affiliation and mode accuracy against the annotation, turn F1
where turns are annotated, and the CPU time of parse + resolve; then the pooled figures of
the two sets side by side. Scoring reuses `bench/intel.py`'s `people_file` (parse,
resolve, `forumlens.resolve.scoring`), so both benchmarks count the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from intel import PEOPLE_SETS, people_file  # bench/intel.py, same folder

RESOURCES = ROOT / "tests" / "resources"
# Each set: fixed gold files and folders of `*.people.json` (listed only when the set is scored).
SETS: dict[str, tuple[list[Path], list[Path]]] = {
    "dev": (
        list(PEOPLE_SETS["dev"]),
        [RESOURCES / "intel_blind", RESOURCES / "intel_blind2", RESOURCES / "intel_blind3"],
    ),
    "blind4": ([], [RESOURCES / "intel_blind4"]),
}
# Sets whose per-person errors `--verbose` never prints.
BLIND_SETS = frozenset({"blind4"})


def set_files(name: str) -> list[Path]:
    """The gold files of one set; a folder not written yet is skipped with a printed note."""
    files, folders = SETS[name]
    found = list(files)
    for folder in folders:
        if not folder.is_dir():
            print(f"  note: {folder.relative_to(ROOT)} does not exist (yet); skipped")
            continue
        found += sorted(folder.glob("*.people.json"))
    return found


FIELDS = ("people", "role", "affiliation", "mode", "mode_total", "extra", "tp", "fp", "fn", "cpu_ms", "sessions")


def _frac(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.0%})" if b else "-"


def score_set(files: list[Path], verbose: bool) -> dict[str, int]:
    """Print one line per session (and its errors when verbose); return the pooled counts."""
    totals = dict.fromkeys(FIELDS, 0)
    for gold_file in files:
        if not gold_file.exists():
            print(f"  {gold_file.name}: missing, skipped")
            continue
        score, turns, cpu = people_file(gold_file)
        row = {
            "people": score.people,
            "role": score.role,
            "affiliation": score.affiliation,
            "mode": score.mode,
            "mode_total": score.mode_total,
            "extra": score.extra,
            "tp": turns.tp if turns else 0,
            "fp": turns.fp if turns else 0,
            "fn": turns.fn if turns else 0,
            "cpu_ms": round(cpu * 1000),
            "sessions": 1,
        }
        totals = {k: totals[k] + row[k] for k in FIELDS}
        turn_text = f"; turns F1 {turns.f1:.3f}" if turns else ""
        print(
            f"  {gold_file.name.removesuffix('.people.json'):<36} role {_frac(score.role, score.people)}; "
            f"affiliation {_frac(score.affiliation, score.people)}; mode {_frac(score.mode, score.mode_total)}; "
            f"extra {score.extra}{turn_text}; cpu {cpu * 1000:.0f} ms"
        )
        if verbose:
            for error in score.errors:
                print("    -", error)
    return totals


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    if only and only not in SETS:
        print(f"--only takes one of {', '.join(SETS)}, not {only!r}", file=sys.stderr)
        return 2
    pooled: dict[str, dict[str, int]] = {}
    for name in SETS:
        if only and name != only:
            continue
        print(f"== {name}")
        files = set_files(name)
        print(f"  ({len(files)} sessions)")
        pooled[name] = score_set(files, verbose and name not in BLIND_SETS)
    print("== side by side")
    print(f"  {'':<13}" + "".join(f"{n:>22}" for n in pooled))
    for label, key, total in (("role", "role", "people"), ("affiliation", "affiliation", "people")):
        print(f"  {label:<13}" + "".join(f"{_frac(v[key], v[total]):>22}" for v in pooled.values()))
    print(f"  {'mode':<13}" + "".join(f"{_frac(v['mode'], v['mode_total']):>22}" for v in pooled.values()))
    print(f"  {'extra people':<13}" + "".join(f"{v['extra']:>22}" for v in pooled.values()))
    f1 = [
        f"{2 * v['tp'] / (2 * v['tp'] + v['fp'] + v['fn']):.3f}" if v["tp"] + v["fp"] + v["fn"] else "-"
        for v in pooled.values()
    ]
    print(f"  {'turn F1':<13}" + "".join(f"{x:>22}" for x in f1))
    cpu = [f"{v['cpu_ms'] / v['sessions']:.0f} ms/session" if v["sessions"] else "-" for v in pooled.values()]
    print(f"  {'cpu':<13}" + "".join(f"{x:>22}" for x in cpu))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

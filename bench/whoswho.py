"""Who's-who accuracy on the development sessions and on this round's blind set, side by side.

    python bench/whoswho.py [--verbose] [--only dev|blindN]   (N: `bench/blind_round.py`'s ROUND)

Development = `tests/resources/resolve`, the shared transcript's annotation and the earlier
blind sets `tests/resources/intel_blind`, `intel_blind2` … (each became development data when
the next blind set was written, as the blind protocol in BENCHMARKS.md says), and `intel_titled` (titled surname labels of the
2006–2012 captions, development data from the start: written by the hand that changed the code); the development figures are also printed per source
set, so a leave-one-set-out reading (e.g. blind4's first run against its figure now) needs
no second run. The blind set = `bench/blind_round.py`'s (`intel_blind7` in round 7), annotated before any code ran on it
and never tuned on: `--verbose` never prints its per-person errors (reading them would be
tuning on them), and while it is still being written (no directory yet) it is skipped with a
note. A set's files are listed only when that set is scored, so `--only dev` never reads the
blind one.

For every session: role, affiliation and mode accuracy against the annotation, turn F1
where turns are annotated (of the parse's labels, and "people": of the person each turn
was resolved to, so a surname-only or role label resolved to the right person counts), and
the CPU time of parse + resolve; then the pooled figures of the two sets side by side.
Scoring uses `forumlens.resolve.scoring` (the scorer `tests/test_resolve_scoring.py`
checks). This is the one who's-who benchmark: it replaced `bench/intel.py --people`, which
scored the shared transcript, `tests/resources/resolve` and `intel_blind` the same way
without person-level turns; those sets are this benchmark's "shared", "resolve" and
"intel_blind" columns in the per-source table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import time

import blind_round

from forumlens.resolve.cast import resolve_session
from forumlens.resolve.scoring import (
    PeopleScore,
    TurnScore,
    load_gold,
    score_people,
    score_person_turns,
    score_turns,
)
from forumlens.transcript.parse import parse_transcript

RESOURCES = ROOT / "tests" / "resources"
SHARED = ROOT.parent / "shared"  # the shared corpus, next to the repo
# Each set: fixed gold files and folders of `*.people.json` (listed only when the set is scored).
SETS: dict[str, tuple[list[Path], list[Path]]] = {
    "dev": (
        [
            SHARED / "corpus" / "igf2021-dc-main-session.people.json",
            *sorted((RESOURCES / "resolve").glob("*.people.json")),
        ],
        [
            *blind_round.earlier("intel"),
            RESOURCES / "intel_titled",
            # written as training material for the who's-who model (never blind): README.md there
            RESOURCES / "intel_dev7",
        ],
    ),
    blind_round.BLIND_LABEL: ([], [blind_round.blind("intel")]),
}
# Sets annotated before the convention changed: they leave a voice the captions label generically
# ("PARTICIPANT") unnamed even when it says its own name; later sets name it
# (`forumlens.resolve.scoring._find`).
GENERIC_SELF_NAMED_UNNAMED = frozenset({"resolve", "intel_blind", "intel_blind2", "intel_blind3"})
# Sets whose per-person errors `--verbose` never prints.
BLIND_SETS = frozenset({blind_round.BLIND_LABEL})


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


FIELDS = (
    "people",
    "role",
    "affiliation",
    "mode",
    "mode_total",
    "extra",
    "tp",
    "fp",
    "fn",
    "ptp",
    "pfp",
    "pfn",
    "cpu_ms",
    "sessions",
)


def people_file(gold_file: Path) -> tuple[PeopleScore, TurnScore | None, TurnScore | None, float]:
    """Scores of one annotated session: its people (role, affiliation, mode), the turn F1 of the
    parse's labels and of the people the turns were resolved to (None where turns are not
    annotated), and the CPU seconds of parse + resolve."""
    gold = load_gold(gold_file)
    source = gold["source"].split(" ")[0]
    text = (gold_file.parent / source).read_text("utf-8")
    start = time.process_time()
    session = parse_transcript(text, source=source)
    cast = resolve_session(session)
    cpu = time.process_time() - start
    people = score_people(cast, gold, _source_set(gold_file) in GENERIC_SELF_NAMED_UNNAMED)
    if "turns" not in gold:
        return people, None, None, cpu
    return (
        people,
        score_turns(session, gold["turns"]),
        score_person_turns(session, cast, gold["turns"]),
        cpu,
    )


def _frac(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.0%})" if b else "-"


def _source_set(gold_file: Path) -> str:
    """The source set a gold file belongs to: its folder's name (`shared` for the corpus)."""
    return "shared" if gold_file.parent.parent.name == "shared" else gold_file.parent.name


def score_set(files: list[Path], verbose: bool) -> dict[str, dict[str, int]]:
    """Print one line per session (and its errors when verbose); return the counts per source set."""
    by_source: dict[str, dict[str, int]] = {}
    for gold_file in files:
        if not gold_file.exists():
            print(f"  {gold_file.name}: missing, skipped")
            continue
        score, turns, person_turns, cpu = people_file(gold_file)
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
            "ptp": person_turns.tp if person_turns else 0,
            "pfp": person_turns.fp if person_turns else 0,
            "pfn": person_turns.fn if person_turns else 0,
            "cpu_ms": round(cpu * 1000),
            "sessions": 1,
        }
        totals = by_source.setdefault(_source_set(gold_file), dict.fromkeys(FIELDS, 0))
        for key in FIELDS:
            totals[key] += row[key]
        turn_text = f"; turns F1 {turns.f1:.3f} (people {person_turns.f1:.3f})" if turns and person_turns else ""
        print(
            f"  {gold_file.name.removesuffix('.people.json'):<36} role {_frac(score.role, score.people)}; "
            f"affiliation {_frac(score.affiliation, score.people)}; mode {_frac(score.mode, score.mode_total)}; "
            f"extra {score.extra}{turn_text}; cpu {cpu * 1000:.0f} ms"
        )
        if verbose:
            for error in score.errors:
                print("    -", error)
    return by_source


def _pool(parts: dict[str, dict[str, int]]) -> dict[str, int]:
    return {key: sum(part[key] for part in parts.values()) for key in FIELDS}


def print_table(columns: dict[str, dict[str, int]], width: int) -> None:
    """One column per set: role, affiliation, mode, extra people, turn F1, CPU per session."""
    print(f"  {'':<13}" + "".join(f"{n:>{width}}" for n in columns))
    for label, key, total in (("role", "role", "people"), ("affiliation", "affiliation", "people")):
        print(f"  {label:<13}" + "".join(f"{_frac(v[key], v[total]):>{width}}" for v in columns.values()))
    print(f"  {'mode':<13}" + "".join(f"{_frac(v['mode'], v['mode_total']):>{width}}" for v in columns.values()))
    print(f"  {'extra people':<13}" + "".join(f"{v['extra']:>{width}}" for v in columns.values()))
    f1 = [
        f"{2 * v['tp'] / (2 * v['tp'] + v['fp'] + v['fn']):.3f}" if v["tp"] + v["fp"] + v["fn"] else "-"
        for v in columns.values()
    ]
    print(f"  {'turn F1':<13}" + "".join(f"{x:>{width}}" for x in f1))
    f1_people = [
        f"{2 * v['ptp'] / (2 * v['ptp'] + v['pfp'] + v['pfn']):.3f}" if v["ptp"] + v["pfp"] + v["pfn"] else "-"
        for v in columns.values()
    ]
    print(f"  {'turn F1 (people)':<13}" + "".join(f"{x:>{width - 3}}" for x in f1_people))
    cpu = [f"{v['cpu_ms'] / v['sessions']:.0f} ms/session" if v["sessions"] else "-" for v in columns.values()]
    print(f"  {'cpu':<13}" + "".join(f"{x:>{width}}" for x in cpu))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/whoswho.py",
        description="Who's-who accuracy (role, affiliation, mode, turn F1) on the development sessions "
        "and on this round's blind set, side by side.",
    )
    parser.add_argument("--verbose", action="store_true", help="print each person's errors (never for the blind set)")
    parser.add_argument("--only", choices=list(SETS), help="score one set only (`dev` never reads the blind one)")
    args = parser.parse_args(argv)
    verbose, only = args.verbose, args.only
    pooled: dict[str, dict[str, int]] = {}
    per_source: dict[str, dict[str, int]] = {}
    for name in SETS:
        if only and name != only:
            continue
        print(f"== {name}")
        files = set_files(name)
        print(f"  ({len(files)} sessions)")
        parts = score_set(files, verbose and name not in BLIND_SETS)
        pooled[name] = _pool(parts)
        if name not in BLIND_SETS:
            per_source.update(parts)
    print("== side by side")
    print_table(pooled, 22)
    if per_source:
        print("== development, per source set (leave-one-set-out reading: a set's first run is its honest figure)")
        print_table(per_source, 18)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The blind round: which annotated sets are held out now, and which are development data.

Every benchmark that scores analysis on annotated sessions (`intel.py`, `whoswho.py`,
`parse.py`, `threads.py`, `summaries.py`, the training scripts) and the tests' guard
(`tests/blind_sets.py`) read their blind and development folders from here, so moving to the
next round is one edit: `ROUND`. A blind set is annotated before any code runs on it, scored
once (its first run kept verbatim next to it) and becomes development data when the next
round's sets are written (the blind protocol in BENCHMARKS.md).

Folder names keep their history: round 1 of asks, who's who, parsing and threads has no number
(`asks_blind`, `bench/threads/blind`), parsing skipped round 2, and the summary sets started
two rounds later (`summarise/held_out` is round 3's).
"""

from __future__ import annotations

import re
from pathlib import Path

ROUND = 34  # the round whose sets are blind now

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "tests" / "resources"
THREADS = ROOT / "bench" / "threads"
SUMMARY_OFFSET = 2  # summary round n is `held_out{n - 2}`

# kind -> (parent folder, name of round n)
_NAMES = {
    "asks": (RESOURCES, lambda n: "asks_blind" if n == 1 else f"asks_blind{n}"),
    "intel": (RESOURCES, lambda n: "intel_blind" if n == 1 else f"intel_blind{n}"),
    "parse": (RESOURCES, lambda n: "parse_blind" if n == 1 else f"parse_blind{n}"),
    "threads": (THREADS, lambda n: "blind" if n == 1 else f"blind{n}"),
    "summaries": (
        RESOURCES / "summarise",
        lambda n: "held_out" if n == SUMMARY_OFFSET + 1 else f"held_out{n - SUMMARY_OFFSET}",
    ),
}
KINDS = tuple(_NAMES)


def folder(kind: str, round_: int) -> Path:
    """The folder of `kind`'s set written in round `round_` (it may not exist)."""
    parent, name = _NAMES[kind]
    return parent / name(round_)


def blind(kind: str) -> Path:
    """The folder held out this round (it may not exist yet while it is being written)."""
    return folder(kind, ROUND)


def earlier(kind: str) -> list[Path]:
    """The earlier rounds' folders of `kind` that exist, oldest first: development data now."""
    first = SUMMARY_OFFSET + 1 if kind == "summaries" else 1
    return [f for n in range(first, ROUND) if (f := folder(kind, n)).is_dir()]


def label(kind: str, path: Path) -> str:
    """A short name for a set folder in a benchmark's output: `blind6`, `blind1`, `held_out4`."""
    name = path.name
    if kind == "summaries":
        return name
    match = re.search(r"blind(\d*)$", name)
    return f"blind{match.group(1) or 1}" if match else name


BLIND_LABEL = f"blind{ROUND}"  # how benchmarks name the blind part (`--only blind7`)
ALL_BLIND = tuple(blind(kind) for kind in KINDS)

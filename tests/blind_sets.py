"""The blind sets being held out this round: tests never read them.

A blind set is annotated before any code runs on it and scored once by its benchmark (see the
blind protocol in BENCHMARKS.md); a test that globbed it would run code on it and, on failure,
print its text. When the next round's sets are written, the names here move on with the
benchmarks' `BLIND_SETS` (bench/intel.py, whoswho.py, parse.py, threads.py, summary_sources.py).
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent / "resources"
BLIND_FOLDERS = frozenset(
    {
        RESOURCES / "asks_blind6",
        RESOURCES / "intel_blind6",
        RESOURCES / "parse_blind6",
        RESOURCES / "summarise" / "held_out4",
    }
)


def is_blind(path: Path) -> bool:
    """Whether `path` lies in one of this round's blind folders."""
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder) for folder in BLIND_FOLDERS)

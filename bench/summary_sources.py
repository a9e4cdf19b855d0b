"""Which (transcript, reference) pairs the summary benchmark reads (bench/summaries.py).

Kept apart from the scoring (ROUGE, sumy: the `bench` extra) so the rule that a blind
held-out set is never even listed unless asked for can be tested on a plain install.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import blind_round

HELD_OUT = blind_round.blind("summaries")  # this round's held-out pairs
SOURCES = [
    ROOT.parent / "shared" / "corpus",
    ROOT / "tests" / "resources" / "summarise",
    # The earlier held-out sets (`held_out` … ; each README says how it was written and its
    # first run is its first-run.txt): development data now.
    *blind_round.earlier("summaries"),
    # This round's held-out set, written by someone else and scored once by the lead: never
    # read unless asked for with `--held-out` (`pairs(include=...)`).
    HELD_OUT,
]
# Sources left out unless named with `--held-out`: a blind set nobody tunes on.
EXCLUDED_BY_DEFAULT = frozenset({HELD_OUT})


def pairs(
    only: Sequence[str] = (), exclude: Sequence[str] = (), include: Sequence[Path] = ()
) -> list[tuple[Path, Path]]:
    """(transcript, reference) pairs; `only`/`exclude` filter by substrings of the file name.

    A source in `EXCLUDED_BY_DEFAULT` is not touched (not even listed) unless it is in
    `include`; a source folder that does not exist is skipped with a note on stderr.
    """
    out = []
    for folder in SOURCES:
        if folder in EXCLUDED_BY_DEFAULT and folder not in include:
            continue
        if not folder.is_dir():
            print(f"note: skipping {folder}: no such directory", file=sys.stderr)
            continue
        for ref in sorted(folder.glob("*.takeaways.md")):
            txt = ref.with_name(ref.name.replace(".takeaways.md", ".txt"))
            if not txt.is_file():
                continue
            if only and not any(o in txt.stem for o in only):
                continue
            if any(x in txt.stem for x in exclude):
                continue
            out.append((txt, ref))
    return out

"""Which (transcript, reference) pairs the summary benchmark reads (bench/summaries.py).

Kept apart from the scoring (ROUGE, sumy: the `bench` extra) so the rule that a blind
held-out set is never even listed unless asked for can be tested on a plain install.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT.parent / "shared" / "corpus",
    ROOT / "tests" / "resources" / "summarise",
    # Held-out pairs (see its README): tune with `--exclude bpf-gender --exclude pt-digital`.
    ROOT / "tests" / "resources" / "summarise" / "held_out",
    # Second held-out set (stop 19; its first run is held_out2/first-run.txt): development data now.
    ROOT / "tests" / "resources" / "summarise" / "held_out2",
    # Third held-out set (stop 20; its first run is held_out3/first-run.txt): development data now.
    ROOT / "tests" / "resources" / "summarise" / "held_out3",
    # Fourth held-out set (stop 21), written by someone else and scored once by the lead:
    # never read unless asked for with `--held-out4` (`pairs(include=...)`).
    HELD_OUT4 := ROOT / "tests" / "resources" / "summarise" / "held_out4",
]
# Sources left out unless named with `--held-out4`: a blind set nobody tunes on.
EXCLUDED_BY_DEFAULT = frozenset({HELD_OUT4})


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

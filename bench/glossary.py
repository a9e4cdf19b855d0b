"""Glossary definitions benchmark: are the sentences the glossary cites real definitions?

    python bench/glossary.py [--scan]      # from the repository root

`bench/data/glossary/definitions.tsv` holds a hand annotation (written before the rules
of `tag/defining.py` were tightened in round 11): every sentence the glossary cited as a
definition in the shared transcript and the development transcripts under
`tests/resources/` (round-11 blind folders excluded), labelled `yes` (it says what the
term is or stands for), `no`, or `borderline`. The file's column `why` says the reason.

Printed: precision of the cited definitions (borderline counted as wrong, then as right),
recall of the `yes` entries (still cited at the same line), and every cited definition
the annotation does not cover, to be labelled before the figures are trusted. `--scan`
also runs every development transcript, not only the annotated files, so a new citation
anywhere shows up as unannotated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from forumlens.pipeline import glossary_of, prepare_document
from forumlens.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
ANNOTATION = ROOT / "bench" / "data" / "glossary" / "definitions.tsv"
sys.path.insert(0, str(ROOT / "bench"))
from blind_round import ALL_BLIND  # this round's blind folders: never read (`blind_round.ROUND`)


def read_annotation(path: Path = ANNOTATION) -> dict[tuple[str, str, int], str]:
    """(file, term, line) → label, from the TSV (a `#` line is the header)."""
    out = {}
    for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) < 4 or cells[3] not in {"yes", "no", "borderline"}:
            raise SystemExit(f"{path}:{n}: expected file, term, line, yes|no|borderline, why")
        out[(cells[0], cells[1], int(cells[2]))] = cells[3]
    return out


def cited(file: str) -> set[tuple[str, str, int]]:
    """(file, term, line) of every glossary entry of `file` that cites a defining sentence."""
    data = (ROOT / file).read_bytes()
    session = prepare_document(read_bytes(data, file))[0]
    return {(file, t.term, t.line) for t in glossary_of(session) if t.defined}


def scan_files() -> list[str]:
    """Every transcript under tests/resources (paths relative to the repository) but those of this
    round's blind folders, which no benchmark reads before their first run."""
    found = (p for p in (ROOT / "tests" / "resources").rglob("*.txt"))
    return sorted(str(p.relative_to(ROOT)) for p in found if not any(p.is_relative_to(b) for b in ALL_BLIND))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scan", action="store_true", help="run every development transcript too")
    args = parser.parse_args()
    labels = read_annotation()
    files = sorted({f for f, _, _ in labels})
    if args.scan:
        files = sorted(set(files) | set(scan_files()))
    got: set[tuple[str, str, int]] = set()
    for f in files:
        got |= cited(f)
    known = [labels[k] for k in got if k in labels]
    unknown = sorted(k for k in got if k not in labels)
    right, wrong, border = known.count("yes"), known.count("no"), known.count("borderline")
    total = len(known) + len(unknown)
    yes_all = sum(v == "yes" for v in labels.values())
    print(f"files run: {len(files)}; cited definitions: {total} ({len(unknown)} not annotated)")
    if known:
        print(f"precision (borderline wrong): {right}/{len(known)} = {right / len(known):.3f}")
        print(f"precision (borderline right): {right + border}/{len(known)} = {(right + border) / len(known):.3f}")
    print(f"recall of annotated definitions: {right}/{yes_all}; wrong cited: {wrong}; borderline cited: {border}")
    lost = sorted(k for k, v in labels.items() if v == "yes" and k not in got)
    for k in lost:
        print("  lost:", *k, sep="\t")
    for k in sorted(k for k in got if labels.get(k) in {"no", "borderline"}):
        print(f"  still cited ({labels[k]}):", *k, sep="\t")
    for k in unknown:
        print("  not annotated:", *k, sep="\t")
    sys.exit(0)


if __name__ == "__main__":
    main()

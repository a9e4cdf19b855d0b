"""Why gold thread items are never extracted: each development corpus ingested alone, every gold item with no
item on its line given the first cause that holds.

    python bench/threads_unextracted.py [--corpus NAME ...] [--verbose]

`--corpus` takes folder names of `bench/threads/` (`dev` is the folder of that name, four files whose gold items are
all extracted, not `bench/threads.py`'s pooled dev part); the default is every development folder. Each line says
how many gold items the folder has, so a 0 reads as "all found", not as "nothing read".

Causes, in order (the first that holds):
- `no-turn`: the line is in no speech turn of the parsed session (a header, a page's chrome, a block read as
  something else);
- `moderator`: a turn holds it, but its speaker is the session's moderator, whose sentences are floor management
  (a cue of a signal the role does not allow, or none);
- `question`: the line holds a "?" sentence the questions analysis and the "?" fallback did not take (questions
  have no cue: they are read by their mark);
- `no-cue`: no cue of any signal fires on the sentences of the line;
- `cue-refused`: a cue fires, but the item rules dropped it (no deliverable named, a signal the actor may not give).
Why: not-extracted is the largest cause of missed links (`threads_misses.py`); which general fix moves recall
most depends on where the items are lost. Development corpora only (never this round's blind set).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import train_links

from forumlens.models import Session, Turn
from forumlens.store import open_store
from forumlens.threads.blocks import split_blocks
from forumlens.threads.cues import find_cue
from forumlens.threads.deliverables import _line_index
from forumlens.threads.itemcontext import _Context, _context
from forumlens.threads.items import extract_items
from forumlens.threads.models import SessionItems
from forumlens.threads.sentences import turn_sentences


def causes_of(name: str, verbose: bool) -> tuple[Counter[str], int]:
    """(cause → gold items of corpus `name` with no item on their line, how many gold items the corpus has)."""
    bench = train_links._bench()
    bench.PARTS["train"] = (name,)
    gold = bench.load_gold("train")
    out: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "u.sqlite3"))
        try:
            bench.ingest(store, "train", gold)
            for sid in sorted({g.ref[0] for g in gold.items}):
                session = store.load_session(sid)
                analyses = store.analyses(sid)
                found = extract_items(session, analyses, sid)
                lines = {i.line for i in found.items}
                ctx = _context(session, analyses, sid)
                turns = [t for t in split_blocks(session.text, session.turns) if t.kind == "speech"]
                for g in gold.items:
                    if g.ref[0] != sid or g.ref[1] in lines:
                        continue
                    cause, said = _cause(ctx, session, turns, g.ref[1], found)
                    out[cause] += 1
                    if verbose:
                        print(f"  [{name}] {cause:11} {g.file.split('/')[-1][:40]}:{g.ref[1]} {g.quote[:80]!r} {said}")
        finally:
            store.close()
    return out, len(gold.items)


def _cause(ctx: _Context, session: Session, turns: Sequence[Turn], line: int, found: SessionItems) -> tuple[str, str]:
    """(cause, what was read) of one gold line no item cites: the first cause of the module's list that holds."""
    index = _line_index(ctx)
    start, end = index.start(line), index.start(line + 1)
    turn = next((t for t in turns if t.start < max(end, start + 1) and start < t.end), None)  # after its label
    if turn is None:
        return "no-turn", ""
    coalition = found.speakers.get(turn.speaker or "")
    sentences = [s for s in turn_sentences(session, turn, ctx.lines) if s.line == line or s.start <= start < s.end]
    cues = [c for s in sentences if (c := find_cue(s.text.replace("\n", " "))) is not None]
    who = f"speaker={turn.speaker!r} doc={ctx.document_by if ctx.document else None}"
    if not ctx.document and turn.speaker in ctx.moderators:
        return "moderator", who + " " + ",".join(c.signal for c in cues)
    if any(s.text.rstrip().endswith("?") for s in sentences):
        return "question", who
    if not cues:
        return "no-cue", who
    return "cue-refused", who + " " + ",".join(f"{c.signal}:{c.text!r}" for c in cues) + f" coalition={coalition}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", nargs="*", default=list(train_links.FOLDERS))
    parser.add_argument("--verbose", action="store_true", help="print every gold item not extracted")
    args = parser.parse_args(argv)
    total: Counter[str] = Counter()
    items = 0
    for name in args.corpus:
        got, n = causes_of(name, args.verbose)
        total += got
        items += n
        print(f"{name:8} {sum(got.values()):3} of {n:4} not extracted  " + _causes(got))
    print(f"all      {sum(total.values()):3} of {items:4} not extracted  " + _causes(total))
    return 0


def _causes(got: Counter[str]) -> str:
    return "  ".join(f"{k} {v}" for k, v in sorted(got.items()))


if __name__ == "__main__":
    raise SystemExit(main())

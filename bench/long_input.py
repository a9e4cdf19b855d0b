"""Long-input benchmark: is every analysis step near-linear in the length of one turn?

Archive captions sometimes arrive as one enormous line: a whole session's words with no
punctuation and no paragraph breaks (a 2 MB line is ~300,000 words). A step that
compares every sentence with every other, or scans a window per word, is invisible on a
normal session and takes minutes there. This script writes such inputs to a temporary
directory — one `>> SPEAKER:` turn of N words drawn at random (fixed seed) from the
vocabulary of forumlens's own taxonomies, with no punctuation — and prints, for each
size, the time of the whole analysis (`prepare_bytes`: read, parse, resolve, analyse,
tag, glossary, summarise) and the ratio to the previous size per doubling of the input:
a ratio near 2 is linear, near 4 quadratic.

With `--full`, each size is a whole `ingest` instead (`ingest_paths` into a new SQLite
store: the analysis, the thread items, the store write and the after-ingest steps), the
figure issue 19 sets a goal for (a 2 MB line in < 30 s); its stages add "thread items"
and "store" (the write and the after-ingest steps).

Usage: python bench/long_input.py [--sizes 10000,20000,50000,100000,300000] [--seed 5]
       [--full] (whole ingest into a temporary store, not the analysis alone)
       [--captions] (the words of real captions in their order, not random taxonomy words)
       [--vocabulary "the coalition asks the regulators to fund connectivity"] (random words
       drawn from these few instead: an ask-dense line whose clauses repeat, where a step that
       scans every sentence of the line for each ask or call to action shows)
       [--sessions] (a long session, not a long line: each size is a number of transcripts,
       the shared one and the five `tests/resources/summarise` ones cycled into one file)
       [--profile N] (cProfile of the N-word input, top 25 by cumulative time)
       [--stages] (CPU seconds of each analysis stage too: where a regression is)
       [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import tempfile
import time
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from forumlens.ingest import IngestOptions, ingest_paths, prepare_bytes
from forumlens.store import open_store

DEFAULT_SIZES = (10_000, 20_000, 50_000, 100_000, 300_000)


def vocabulary() -> list[str]:
    """Lower-case words of the terms of every taxonomy shipped with forumlens (IGF words)."""
    words: set[str] = set()
    data = resources.files("forumlens.tag") / "data"
    for name in ("issue_area.toml", "sdg.toml", "gdc.toml"):
        raw = tomllib.loads((data / name).read_text("utf-8"))
        for entry in raw.get("entry", []):
            for term in entry.get("terms", []):
                words.update(re.findall(r"[a-z]+", term.lower()))
    common = ["the", "and", "of", "to", "we", "in", "is", "that", "for", "our", "it", "this", "on", "with", "are"]
    return sorted(words) + common * 3  # glue words, so the text is not all content words


def long_turn(words: int, seed: int = 5, vocab: list[str] | None = None) -> str:
    """One caption turn of `words` random words on a single line, without punctuation, drawn
    from `vocab` (default: `vocabulary()`; a word given twice is drawn twice as often)."""
    rng = random.Random(seed)
    vocab = vocab or vocabulary()
    body = " ".join(rng.choice(vocab) for _ in range(words))
    return f"IGF 2021 Long Session\n\n>> JANE DOE: {body}\n"


ROOT = Path(__file__).resolve().parents[1]
CAPTIONS = (ROOT.parent / "shared" / "corpus", ROOT / "tests" / "resources")


def caption_words() -> list[str]:
    """The words of real IGF captions, in their order: the shared transcript and the caption
    files of the tests, never this round's blind sets (`blind_round.ALL_BLIND`), punctuation
    and line breaks dropped."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from blind_round import ALL_BLIND

    files = sorted(
        p
        for folder in CAPTIONS
        for p in folder.rglob("*.txt")
        if not any(p.resolve().is_relative_to(b.resolve()) for b in ALL_BLIND)
    )
    return [w for f in files for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", f.read_text("utf-8"))]


def caption_turn(words: int) -> str:
    """One turn of `words` caption words on a single line (the files' words cycled): a run-on
    line as captions give it, with the cue phrases, names and verbs random words lack."""
    source = caption_words()
    body = " ".join(source[i % len(source)] for i in range(words))
    return f"IGF 2021 Long Session\n\n>> JANE DOE: {body}\n"


HERE = Path(__file__).resolve().parent
SESSION_SOURCES = (
    HERE.parents[1] / "shared" / "corpus" / "igf2021-dc-main-session.txt",
    *sorted((HERE.parent / "tests" / "resources" / "summarise").glob("*.txt")),
)


def long_session(transcripts: int) -> str:
    """One file of `transcripts` real transcripts' turns, cycled: a session of many turns and
    questions (what is O(questions x later turns) shows here, not on one long line)."""
    texts = [p.read_text("utf-8").strip() for p in SESSION_SOURCES]
    return "\n\n".join(texts[i % len(texts)] for i in range(transcripts)) + "\n"


def time_analysis(path: Path, stages: dict[str, float] | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds to read, parse and analyse one file (what `ingest` does before
    storing). CPU time is the steadier figure on a shared machine; the ratios use it.
    With `stages`, it is filled with the CPU seconds of each analysis stage ("read and
    parse" is everything before the first)."""
    data = path.read_bytes()
    marks: list[tuple[str, float]] = [("read and parse", time.process_time())]
    wall, cpu = time.perf_counter(), marks[0][1]
    prepared = prepare_bytes(
        data, str(path), IngestOptions(), on_stage=lambda name: marks.append((name, time.process_time()))
    )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if prepared.failure:
        raise SystemExit(f"{path}: analysis failed: {prepared.failure}")
    if stages is not None:
        ends = [t for _, t in marks[1:]] + [marks[0][1] + cpu]
        stages.update({name: round(end - start, 3) for (name, start), end in zip(marks, ends)})
    return wall, cpu


def time_ingest(path: Path, stages: dict[str, float] | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of a whole `ingest` of one file into a new SQLite store next to
    it, as `time_analysis` measures the analysis: what a user waits for. The last stage,
    "thread items + store", runs from the thread items to the end of the after-ingest steps
    (the store write between them announces no stage of its own)."""
    store = open_store(str(path.with_suffix(".db")))
    marks: list[tuple[str, float]] = [("read and parse", time.process_time())]
    wall, cpu = time.perf_counter(), marks[0][1]

    def mark(_path: Path, name: str) -> None:
        marks.append(("thread items + store" if name == "thread items" else name, time.process_time()))

    try:
        outcomes = ingest_paths(store, [path], IngestOptions(), on_stage=mark)
    finally:
        store.close()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if not outcomes or outcomes[0].status != "ingested":
        raise SystemExit(f"{path}: ingest failed: {outcomes[0].reason if outcomes else 'no outcome'}")
    if stages is not None:
        ends = [t for _, t in marks[1:]] + [marks[0][1] + cpu]
        stages.update({name: round(end - start, 3) for (name, start), end in zip(marks, ends)})
    return wall, cpu


def warm_up(tmp: str, seed: int, full: bool = False) -> None:
    """Analyse (or ingest) a small input first, so lazy imports and data loading are not timed."""
    path = Path(tmp) / "warm-up.txt"
    path.write_text(long_turn(300, seed) + caption_turn(300).split("\n\n", 1)[1], "utf-8")
    (time_ingest if full else time_analysis)(path)


def run(
    sizes: list[int],
    seed: int,
    show_stages: bool = False,
    full: bool = False,
    captions: bool = False,
    sessions: bool = False,
    vocab: list[str] | None = None,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    measure = time_ingest if full else time_analysis
    make = (
        long_session if sessions else (lambda n: caption_turn(n)) if captions else (lambda n: long_turn(n, seed, vocab))
    )
    with tempfile.TemporaryDirectory(prefix="forumlens-long-") as tmp:
        warm_up(tmp, seed, full)
        for n in sizes:
            path = Path(tmp) / f"long-{n}.txt"
            path.write_text(make(n), "utf-8")
            stages: dict[str, float] = {}
            wall, cpu = measure(path, stages)
            row: dict[str, Any] = {
                "words": n,
                "bytes": path.stat().st_size,
                "seconds": round(wall, 3),
                "cpu_seconds": round(cpu, 3),
                "stages_cpu_seconds": stages,
            }
            if rows:
                prev = rows[-1]
                doublings = math.log2(n / prev["words"])
                # CPU-time ratio normalised to one doubling of the input: 2 is linear, 4 quadratic
                row["ratio_per_doubling"] = round((cpu / prev["cpu_seconds"]) ** (1 / doublings), 2)
            rows.append(row)
            print(
                f"{n:>8} {'transcripts' if sessions else 'words'} {row['bytes'] / 1e6:6.2f} MB  wall {wall:8.2f} s  cpu {cpu:8.2f} s"
                + (f"  ratio per doubling {row['ratio_per_doubling']:.2f}" if "ratio_per_doubling" in row else ""),
                file=sys.stderr,
                flush=True,
            )
            if show_stages:
                print("          " + "  ".join(f"{k} {v:.2f}" for k, v in stages.items()), file=sys.stderr, flush=True)
    return rows


def profile(words: int, seed: int, full: bool = False, captions: bool = False, vocab: list[str] | None = None) -> None:
    import cProfile
    import pstats

    with tempfile.TemporaryDirectory(prefix="forumlens-long-") as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(caption_turn(words) if captions else long_turn(words, seed, vocab), "utf-8")
        warm_up(tmp, seed, full)
        prof = cProfile.Profile(time.process_time)  # CPU: the machine is shared
        prof.enable()
        (time_ingest if full else time_analysis)(path)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--profile", type=int, default=0, help="profile one input of this many words instead")
    parser.add_argument("--stages", action="store_true", help="print the CPU seconds of each analysis stage")
    parser.add_argument("--full", action="store_true", help="time a whole ingest into a new store, not the analysis")
    parser.add_argument("--captions", action="store_true", help="real caption words in order, not random words")
    parser.add_argument("--sessions", action="store_true", help="sizes are transcripts cycled into one session")
    parser.add_argument(
        "--vocabulary", default="", help="random words drawn from these (space-separated), not the taxonomies' words"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    vocab = args.vocabulary.split() or None
    if vocab and (args.captions or args.sessions):
        parser.error("--vocabulary draws random words: it does not go with --captions or --sessions")
    if args.profile:
        profile(args.profile, args.seed, args.full, args.captions, vocab)
        return
    rows = run(
        [int(s) for s in args.sizes.split(",") if s],
        args.seed,
        args.stages,
        args.full,
        args.captions,
        args.sessions,
        vocab,
    )
    if args.json:
        print(json.dumps({"rows": rows}, indent=1))


if __name__ == "__main__":
    main()

"""Ingest benchmark: parse throughput, ingest rate, store size and search latency.

Builds a synthetic corpus of N sessions from the shared transcript (turns reordered,
new titles) and reports, in one run, figures next to a baseline measured on the same
bytes in the same run, so numbers compare across machines:

- parse throughput (MB/s) vs a plain read-and-split-lines baseline;
- ingest throughput (sessions/s) into a fresh store (SQLite by default, or --db URL),
  and the CPU time per session of this process (the whole pipeline with --workers 1;
  the serial store-and-follow-up part with workers), with the load average;
- store size on disk;
- search latency p50/p95 over 200 varied queries (words, phrases, OR, prefixes,
  exclusions, filters, hostile strings).

Usage: python bench/ingest.py [--sessions 1000] [--db PATH_OR_URL] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.transcript.parse import parse_transcript

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SOURCE = SHARED / "corpus" / "igf2021-dc-main-session.txt"
TOPICS = ["Access", "Cybersecurity", "Human Rights", "Data Governance", "Climate", "Youth", "AI", "Platforms"]


def synthetic_sessions(n: int, seed: int = 7) -> list[str]:
    """N transcripts built from the shared one: header kept, turns shuffled, new titles."""
    text = SOURCE.read_text("utf-8")
    session = parse_transcript(text)
    header = text[: text.index(">>")]
    blocks = [text[t.start - (t.start - text.rfind(">>", 0, t.start)) : t.end] for t in session.turns]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        year = 2006 + i % 19
        title = f"IGF {year} – Workshop #{i} – {rng.choice(TOPICS)} and {rng.choice(TOPICS)}"
        order = blocks[:]
        rng.shuffle(order)
        body = "\n\n".join(order[: rng.randint(20, len(order))])
        out.append(title + "\n" + header[header.index("\n") :] + body + "\n")
    return out


def queries(seed: int = 11) -> list[tuple[str, SearchFilters]]:
    rng = random.Random(seed)
    words = [
        "funding",
        "coalition",
        "libraries",
        "neutrality",
        "youth",
        "gender",
        "standards",
        "UN",
        "digital",
        "cooperation",
        "visibility",
        "recognition",
        "glossary",
        "children",
        "sovereignty",
    ]
    shapes = [
        lambda: rng.choice(words),
        lambda: f"{rng.choice(words)} {rng.choice(words)}",
        lambda: f'"{rng.choice(["net neutrality", "digital cooperation", "dynamic coalition", "public access"])}"',
        lambda: f"{rng.choice(words)} OR {rng.choice(words)}",
        lambda: f"{rng.choice(words)[:4]}*",
        lambda: f"{rng.choice(words)} -{rng.choice(words)}",
        lambda: rng.choice(['"unbalanced', "NEAR((", "😀 access", "a" * 500, "AND OR NOT"]),
    ]
    out = []
    for i in range(200):
        filters = SearchFilters(limit=20)
        if i % 5 == 0:
            filters = SearchFilters(year=2006 + i % 19)
        elif i % 7 == 0:
            filters = SearchFilters(speaker=rng.choice(["Jennifer Chung", "tropina", "Marsden"]))
        out.append((shapes[i % len(shapes)](), filters))
    return out


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(
    n: int, db: str | None, *, analysis: bool = False, workers: int = 1, analysed_sample: int = 0
) -> dict[str, float | int | str]:
    workdir = Path(tempfile.mkdtemp(prefix="forumlens-bench-"))
    texts = synthetic_sessions(n)
    paths = []
    for i, text in enumerate(texts):
        path = workdir / f"s{i:05d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    total_bytes = sum(p.stat().st_size for p in paths)

    start = time.perf_counter()
    for path in paths:
        len(path.read_bytes().decode("utf-8").splitlines())
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    for path in paths:
        parse_transcript(path.read_bytes().decode("utf-8"))
    parse_time = time.perf_counter() - start

    location = db or str(workdir / "bench.sqlite3")
    store = open_store(location)
    load_before = os.getloadavg()[0]
    start, cpu = time.perf_counter(), time.process_time()
    outcomes = ingest_paths(store, paths, IngestOptions(max_bytes=50_000_000, workers=workers, analyse=analysis))
    cpu = time.process_time() - cpu  # this process only: with workers, the store writes and follow-up
    for outcome in outcomes:
        if outcome.status != "ingested":
            raise SystemExit(f"bench: {outcome.path} {outcome.status}: {outcome.reason}")
    ingest_time = time.perf_counter() - start
    analysed: dict[str, float] = {}
    if analysed_sample and not analysis:  # the full pipeline on a sample, same run
        sample_db = open_store(str(workdir / "sample.sqlite3"))
        t0 = time.perf_counter()
        ingest_paths(sample_db, paths[:analysed_sample], IngestOptions(max_bytes=50_000_000, workers=workers))
        elapsed = time.perf_counter() - t0
        sample_db.close()
        analysed = {"analysed_sample": analysed_sample, "analysed_sessions_s": round(analysed_sample / elapsed, 2)}

    latencies = []
    for text, filters in queries():
        t0 = time.perf_counter()
        store.search(parse_query(text), filters)
        latencies.append((time.perf_counter() - t0) * 1000)
    size = -1
    if location.startswith("postgres"):  # the database's size on the server, indexes included
        size = int(store._rows("SELECT pg_database_size(current_database())")[0][0])
    store.close()
    if db is None:
        size = sum(f.stat().st_size for f in workdir.glob("bench.sqlite3*"))
    mb = total_bytes / 1e6
    return {
        "sessions": n,
        "corpus_mb": round(mb, 1),
        "baseline_read_split_mb_s": round(mb / baseline, 1),
        "parse_mb_s": round(mb / parse_time, 1),
        "parse_vs_baseline": round(baseline / parse_time, 3),
        "ingest_sessions_s": round(n / ingest_time, 1),
        "ingest_seconds": round(ingest_time, 1),
        # CPU seconds a session costs this process: with --workers 1 the whole pipeline (a
        # figure the machine's other load does not change); with workers, the serial part
        # (reading, storing, after-ingest steps) that bounds how far workers can scale
        "main_process_cpu_ms_per_session": round(cpu * 1000 / n, 1),
        "load_average_1m": f"{load_before:.1f} → {os.getloadavg()[0]:.1f}",
        "store_mb": round(size / 1e6, 1) if size >= 0 else "n/a",
        "search_p50_ms": round(_percentile(latencies, 0.5), 2),
        "search_p95_ms": round(_percentile(latencies, 0.95), 2),
        "store": "postgresql" if location.startswith("postgres") else "sqlite",
        "analysis": "full" if analysis else "none",
        "workers": workers,
        **analysed,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--db", default=None, help="store to fill (default: a fresh SQLite file)")
    parser.add_argument(
        "--analysis",
        action="store_true",
        help="run the whole pipeline on every session (default: parse and store, as ingest --no-analysis)",
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--analysed-sample",
        type=int,
        default=50,
        help="without --analysis, also time the full pipeline on this many sessions (0: skip)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(
        args.sessions, args.db, analysis=args.analysis, workers=args.workers, analysed_sample=args.analysed_sample
    )
    if args.json:
        print(json.dumps(result))
        return
    width = max(map(len, result))
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    sys.exit(main())

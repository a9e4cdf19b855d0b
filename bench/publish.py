"""Publish benchmark: `forumlens publish` of a 1,000-session store — time, size, pages per second.

Builds (or reuses, with --db) the synthetic store of bench/ingest.py (the shared
transcript's turns reshuffled into N sessions, new titles), through the full pipeline
by default so the pages carry people, coalitions, topics and threads as real ones do,
then publishes it into a fresh folder and reports:

- publish time (wall clock, the whole command: planning, every page rendered by the
  portal in-process, the search index, the move into place), its CPU time (the same on
  an idle machine; a busy one shows in the difference) and pages per second;
- the site's size on disk and file count, and the search index's share of it;
- the largest index file a search may load (a term shard) and the turn shards' size.

The store build is not timed. Usage:
  python bench/publish.py [--sessions 1000] [--db PATH] [--analysis full|none] [--out DIR] [--json]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import print_result, synthetic_files

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.publish.site import PublishOptions, publish_site
from forumlens.settings import load_settings
from forumlens.store import open_store

BRIEFS = ["meaningful access", "funding"]


def build_store(n: int, location: str, *, analysis: bool, workers: int) -> float:
    """Fill `location` with N synthetic sessions unless it has them already; returns the seconds it took."""
    store = open_store(location)
    try:
        if store.counts()["sessions"] >= n:
            return 0.0
        paths = synthetic_files(n, Path(tempfile.mkdtemp(prefix="forumlens-publish-bench-")))
        print(f"bench: building the {n}-session store (analysis: {analysis}, {workers} processes)…", file=sys.stderr)
        started = time.perf_counter()
        options = IngestOptions(max_bytes=50_000_000, workers=workers, analyse=analysis)
        for outcome in ingest_paths(store, paths, options):
            if outcome.status == "failed":
                raise SystemExit(f"bench: {outcome.path}: {outcome.reason}")
        return time.perf_counter() - started
    finally:
        store.close()


def _progress() -> Callable[[int, int], None]:
    last = [time.monotonic()]

    def show(done: int, total: int) -> None:
        if time.monotonic() - last[0] >= 10 or done == total:
            last[0] = time.monotonic()
            print(f"bench: pages {done}/{total}", file=sys.stderr, flush=True)

    return show


def _largest(folder: Path, pattern: str) -> int:
    return max((p.stat().st_size for p in folder.glob(pattern)), default=0)


def run(n: int, db: str | None, out: Path | None, *, analysis: bool, workers: int) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="forumlens-publish-bench-"))
    location = db or str(work / "bench.sqlite3")
    built = build_store(n, location, analysis=analysis, workers=workers)
    settings = load_settings({"db": location}, env={"FORUMLENS_CONFIG": "/nonexistent"})
    site = out or work / "site"
    cpu = time.process_time()
    result = publish_site(location, site, settings, PublishOptions(briefs=BRIEFS), progress=_progress())
    cpu = time.process_time() - cpu
    search = site / "search"
    index_bytes = sum(p.stat().st_size for p in search.iterdir())
    return {
        "sessions": result.counts.get("sessions", 0),
        "analysis": "full" if analysis else "none",
        "store_build_seconds": round(built, 1),
        "publish_seconds": round(result.seconds, 1),
        "publish_cpu_seconds": round(cpu, 1),  # this process's CPU: what the wall clock is on an idle machine
        "pages": result.pages,
        "pages_per_second": round(result.pages / result.seconds, 1),
        "site_mb": round(result.bytes / 1e6, 1),
        "files": result.files,
        "index_mb": round(index_bytes / 1e6, 1),
        "index_turns": result.index.turns,
        "largest_term_shard_kb": round(_largest(search, "t-*.js") / 1e3, 1),
        "largest_turn_shard_kb": round(_largest(search, "d-*.js") / 1e3, 1),
        "phases_seconds": result.to_json()["phases"],
        "counts": result.counts,
        "site": str(site),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--db", default=None, help="store to reuse or fill (default: a fresh SQLite file)")
    parser.add_argument("--analysis", choices=["full", "none"], default="full", help="pipeline for a new store")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=None, help="site folder (default: a temporary one)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.sessions, args.db, args.out, analysis=args.analysis == "full", workers=args.workers)
    print_result(result, args.json)


if __name__ == "__main__":
    sys.exit(main())

"""The ingest benchmark on both stores, side by side: SQLite file vs PostgreSQL server.

Runs `bench/ingest.py`'s measurement twice on the same synthetic corpus: once into a
fresh SQLite file, once into a fresh database of a throwaway PostgreSQL cluster started
on loopback for the run (tests/pg_cluster.py: the PostgreSQL 15 binaries, as `nobody`
when run as root, durability off as in the tests; stopped and deleted afterwards).
Both runs use the same options (`--workers`, `--analysis`, as bench/ingest.py): parsing
(and analysis) in worker processes, one writer, as `forumlens ingest` does.

`--store-only` isolates the stores: every synthetic session is parsed and the analyses
of the source transcript are computed once, then only `save_session` (the store's whole
transaction: rows, search index, projections) and `search` are timed, so the analysis
stages, which dominate a full ingest, do not hide the difference between the back ends.

Usage: python bench/compare_stores.py [--sessions 1000] [--workers N] [--analysis] [--store-only] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import hashlib
import tempfile
import time

from ingest import SOURCE, _percentile, queries, run, synthetic_sessions

from forumlens.models import Document
from forumlens.pipeline import analyse_session, parse_document
from forumlens.read import read_bytes
from forumlens.search import parse_query
from forumlens.store import open_store
from tests.pg_cluster import TempCluster


def store_only(sessions: int, location: str) -> dict[str, float | int | str]:
    """save_session and search alone, on prepared sessions (analyses computed once)."""
    source = read_bytes(SOURCE.read_bytes(), str(SOURCE))
    analyses = analyse_session(parse_document(source))
    prepared = []
    for i, text in enumerate(synthetic_sessions(sessions)):
        data = text.encode("utf-8")
        document = Document(
            source=f"s{i:05d}.txt", text=text, format="text", encoding="utf-8", sha256=hashlib.sha256(data).hexdigest()
        )
        prepared.append((document, parse_document(document)))
    store = open_store(location)
    start = time.perf_counter()
    for document, session in prepared:
        store.save_session(document, session, analyses)
    seconds = time.perf_counter() - start
    latencies = []
    for text, filters in queries():
        t0 = time.perf_counter()
        store.search(parse_query(text), filters)
        latencies.append((time.perf_counter() - t0) * 1000)
    turns = store.counts()["turns"]
    store.close()
    return {
        "sessions": sessions,
        "turns": turns,
        "save_sessions_s": round(sessions / seconds, 1),
        "save_ms_per_session": round(1000 * seconds / sessions, 1),
        "search_p50_ms": round(_percentile(latencies, 0.5), 2),
        "search_p95_ms": round(_percentile(latencies, 0.95), 2),
    }


def compare(
    sessions: int, only_store: bool = False, workers: int = 1, analysis: bool = False
) -> dict[str, dict[str, float | int | str]]:
    def measure(location: str | None) -> dict[str, float | int | str]:
        if only_store:
            return store_only(sessions, location or str(Path(folder) / "bench.sqlite3"))
        return run(sessions, location, analysis=analysis, workers=workers, analysed_sample=0)

    with tempfile.TemporaryDirectory(prefix="forumlens-compare-") as folder:
        sqlite = measure(None)
    with TempCluster() as cluster:
        postgres = measure(cluster.create_database("bench"))
    return {"sqlite": sqlite, "postgresql": postgres}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--store-only", action="store_true", help="time the stores alone (see above)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--analysis", action="store_true", help="run the whole pipeline on every session")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = compare(args.sessions, args.store_only, args.workers, args.analysis)
    if args.json:
        print(json.dumps(result))
        return
    keys = list(result["sqlite"])
    width = max(map(len, keys))
    print(f"{'':<{width}}  {'sqlite':>12}  {'postgresql':>12}")
    for key in keys:
        print(f"{key:<{width}}  {result['sqlite'][key]!s:>12}  {result['postgresql'][key]!s:>12}")


if __name__ == "__main__":
    main()

"""Engine benchmark: `analyse --missing` throughput on each engine, vs one local process.

Stores N synthetic sessions (built from the shared transcript, as bench/ingest.py does)
with --no-analysis, then re-analyses a copy of that store on:

- local, 1 process (the baseline, measured in the same run);
- local, a pool of --workers processes;
- Dask: a real `dask scheduler` and --workers `dask worker` processes (one thread each)
  on this machine, started here; first with cold workers (their first task imports the
  stages), then again with the same workers warm.

Each figure is sessions/s and its ratio to the baseline; every run must write the same
record as the baseline (checked, and printed). On one machine Dask can only match the
local pool (same cores, plus serialising sessions to workers): its point is more machines.

Usage: python bench/engine.py [--sessions 16] [--workers 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ingest import synthetic_sessions  # bench/ingest.py: the same synthetic corpus

from forumlens.engine import Engine, open_engine, parse_engine
from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.reanalyse import reanalyse
from forumlens.store import open_store

DASK = Path(sys.executable).with_name("dask")


def bare_store(workdir: Path, n: int) -> Path:
    """A store of `n` sessions ingested without analyses."""
    paths = []
    for i, text in enumerate(synthetic_sessions(n)):
        path = workdir / f"session-{i:04d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    db = workdir / "bare.sqlite3"
    with open_store(str(db)) as store:
        ingest_paths(store, paths, IngestOptions(max_bytes=50_000_000, analyse=False))
    return db


def record(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute("SELECT session_id, kind, data FROM analyses ORDER BY session_id, kind"))


def timed_run(bare: Path, workdir: Path, name: str, engine: Engine) -> tuple[float, list[tuple[str, str, str]]]:
    """Seconds for `analyse --missing` on a fresh copy of the bare store, and the record written."""
    db = workdir / f"{name}.sqlite3"
    shutil.copy(bare, db)
    with open_store(str(db)) as store:
        ids = store.unanalysed_sessions()
        started = time.perf_counter()
        done = reanalyse(store, ids, engine=engine)
        elapsed = time.perf_counter() - started
    assert done == len(ids), f"{name}: {done} of {len(ids)} analysed"
    return elapsed, record(db)


def differing_kinds(base: list[tuple[str, str, str]], other: list[tuple[str, str, str]]) -> list[str]:
    """The analysis kinds whose stored JSON differs from the baseline's (empty: identical)."""
    a, b = ({(sid, kind): data for sid, kind, data in rows} for rows in (base, other))
    return sorted({kind for sid, kind in a.keys() | b.keys() if a.get((sid, kind)) != b.get((sid, kind))})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def dask_cluster(workers: int, logs: Path) -> Iterator[str]:
    """A scheduler and `workers` single-thread workers on 127.0.0.1; yields dask://HOST:PORT."""
    import distributed

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    commands = [[str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]]
    commands += [[str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard"] for _ in range(workers)]
    procs = []
    try:
        for i, command in enumerate(commands):
            with (logs / f"dask-{i}.log").open("wb") as log:
                procs.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
            if i == 0:
                time.sleep(1.0)
        with distributed.Client(address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)
        yield f"dask://127.0.0.1:{port}"
    finally:
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=30)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="forumlens-bench-engine-"))
    try:
        bare = bare_store(workdir, args.sessions)
        rows: list[tuple[str, float, list[str]]] = []

        def run(name: str, engine: Engine) -> None:
            with engine:
                elapsed, written = timed_run(bare, workdir, name.replace(" ", "-"), engine)
            if not rows:
                baseline_record.append(written)
            rows.append((name, elapsed, differing_kinds(baseline_record[0], written)))

        baseline_record: list[list[tuple[str, str, str]]] = []
        run("local, 1 process (baseline)", open_engine("local", workers=1))
        run(f"local, {args.workers} processes", open_engine("local", workers=args.workers))
        with dask_cluster(args.workers, workdir) as address:
            spec = parse_engine(address)
            run(f"dask, {args.workers} workers (cold)", open_engine(spec))
            run(f"dask, {args.workers} workers (warm)", open_engine(spec))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    base = rows[0][1]
    results = [
        {
            "engine": name,
            "seconds": round(t, 2),
            "sessions_per_s": round(args.sessions / t, 2),
            "ratio": round(base / t, 2),
        }
        | {"differing_kinds": diff}
        for name, t, diff in rows
    ]
    if args.json:
        print(json.dumps({"sessions": args.sessions, "cpus": os.cpu_count(), "results": results}, indent=2))
        return
    print(f"analyse --missing, {args.sessions} sessions, {os.cpu_count()} CPUs")
    for r in results:
        print(
            f"  {r['engine']:<32} {r['seconds']:>7.2f} s  {r['sessions_per_s']:>6.2f} sessions/s  "
            f"×{r['ratio']:.2f}  record "
            + (f"DIFFERENT in {', '.join(r['differing_kinds'])}" if r["differing_kinds"] else "identical")
        )


if __name__ == "__main__":
    main()

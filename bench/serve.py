"""Portal load benchmark: `forumlens serve` on loopback under a bounded, mixed load.

Builds (or reuses, with --db) the synthetic store of bench/ingest.py, starts the
server as a subprocess on a free 127.0.0.1 port, and drives it for --seconds with
--concurrency workers over one keep-alive connection pool. The mix: session pages,
search pages, API search, API session, API session list. Reports throughput and
p50/p95/p99 latency per kind and the error count (must be zero). The generator runs
on the same machine, so it shares the cores with the server: figures are
conservative. Traffic goes to loopback only, and the run stops by itself.

Usage: python bench/serve.py [--sessions 1000] [--db PATH] [--seconds 30] [--concurrency 32] [--workers 2] [--json]

`--part threads` measures instead the first thread pages of a new portal process on the
same store (issue 20: first coalition page < 1 s), with its links kept (`analyse` keeps
them; the bench keeps them first when they are not): the baseline, in the same run, is
the app without its start-up (the threads are read by the first request, as before the
start-up warm-up); then `forumlens serve` asked at once when it answers (the first page
waits for the warm-up still running) and once it has settled (its CPU idle: the warm-up
done), each first request timed once. The coalition is the one with the most threads.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import synthetic_files

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store

WORDS = [
    "funding",
    "coalition",
    "libraries",
    "neutrality",
    "youth",
    "gender",
    "standards",
    "digital cooperation",
    '"meaningful access"',
    "visibility OR recognition",
    "glossary",
    "children -rights",
    "sovereign*",
]
MIX = [
    ("page_session", 0.35),
    ("page_search", 0.15),
    ("api_search", 0.30),
    ("api_session", 0.10),
    ("api_sessions", 0.10),
]
MAX_REQUESTS = 500_000


def build_store(n: int, location: str) -> None:
    """The 1,000-session synthetic store (skipped when the store already has sessions)."""
    store = open_store(location)
    try:
        if store.counts()["sessions"] >= n:
            return
        paths = synthetic_files(n, Path(tempfile.mkdtemp(prefix="forumlens-serve-bench-")))
        print(f"bench: building the {n}-session store (full analysis, {os.cpu_count()} processes)…", file=sys.stderr)
        for outcome in ingest_paths(store, paths, IngestOptions(max_bytes=50_000_000, workers=os.cpu_count() or 1)):
            if outcome.status == "failed":
                raise SystemExit(f"bench: {outcome.path}: {outcome.reason}")
    finally:
        store.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def _url(kind: str, rng: random.Random, ids: list[str]) -> str:
    if kind == "page_session":
        return f"/sessions/{rng.choice(ids)}"
    if kind == "page_search":
        return f"/search?q={rng.choice(WORDS)}"
    if kind == "api_search":
        return f"/api/search?q={rng.choice(WORDS)}&limit=20"
    if kind == "api_session":
        return f"/api/sessions/{rng.choice(ids)}"
    return f"/api/sessions?limit=20&offset={rng.randrange(0, max(1, len(ids) - 20))}"


async def drive(base: str, ids: list[str], seconds: float, concurrency: int) -> dict[str, list[float] | int]:
    """Closed-loop load: each worker sends its next request when the last one answered.

    aiohttp rather than httpx: the generator shares the two cores with the server, and
    aiohttp's C parser costs the client several times less CPU per request, so more of
    the machine measures the server. Like a browser, it asks for gzip.
    """
    import aiohttp  # only the load part needs it

    latencies: dict[str, list[float]] = {kind: [] for kind, _ in MIX}
    errors: list[str] = []
    kinds, weights = zip(*MIX)
    deadline = time.perf_counter() + seconds
    sent = 0
    connector = aiohttp.TCPConnector(limit=concurrency, limit_per_host=concurrency)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(base, connector=connector, timeout=timeout) as client:

        async def worker(seed: int) -> None:
            nonlocal sent
            rng = random.Random(seed)
            while time.perf_counter() < deadline and sent < MAX_REQUESTS:
                sent += 1
                kind = rng.choices(kinds, weights)[0]
                url = _url(kind, rng, ids)
                t0 = time.perf_counter()
                try:
                    async with client.get(url) as response:
                        await response.read()
                        status: int | str = response.status
                except (TimeoutError, aiohttp.ClientError) as exc:
                    status = repr(exc)
                latencies[kind].append((time.perf_counter() - t0) * 1000)
                if status != 200:
                    errors.append(f"{url}: {status}")

        await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return {**latencies, "errors": len(errors), "error_samples": errors[:5]}  # type: ignore[dict-item]


def run(n: int, db: str | None, seconds: float, concurrency: int, workers: int = 1) -> dict[str, object]:
    location = db or str(Path(tempfile.mkdtemp(prefix="forumlens-serve-")) / "bench.sqlite3")
    t0 = time.perf_counter()
    build_store(n, location)
    build_seconds = time.perf_counter() - t0
    port = _free_port()
    env = {**os.environ, "FORUMLENS_CONFIG": "/nonexistent"}
    server = subprocess.Popen(
        [sys.executable, "-m", "forumlens", "--db", location, "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(base + "/api", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("bench: the server did not start")
        ids = []
        while len(ids) < n:  # every session: a page view can land on any of them
            with urllib.request.urlopen(f"{base}/api/sessions?limit=500&offset={len(ids)}", timeout=30) as response:
                page = [s["id"] for s in json.loads(response.read())]
            if not page:
                break
            ids += page
        asyncio.run(drive(base, ids, 2, concurrency))  # warm-up: thread pool, caches, connections
        result = asyncio.run(drive(base, ids, seconds, concurrency))
    finally:
        server.terminate()
        server.wait(timeout=10)
    rows = {}
    total = 0
    for kind, _ in MIX:
        values = result[kind]
        assert isinstance(values, list)
        total += len(values)
        rows[kind] = {
            "requests": len(values),
            "p50_ms": round(_percentile(values, 0.5), 1),
            "p95_ms": round(_percentile(values, 0.95), 1),
            "p99_ms": round(_percentile(values, 0.99), 1),
        }
    return {
        "sessions": n,
        "seconds": seconds,
        "concurrency": concurrency,
        "workers": workers,
        "cores": os.cpu_count(),
        "store_build_seconds": round(build_seconds, 1),
        "requests": total,
        "throughput_rps": round(total / seconds, 1),
        "errors": result["errors"],
        "error_samples": result["error_samples"],
        "by_kind": rows,
    }


# -- the first thread pages of a new portal process ------------------------------------------------

_NO_START_UP = """
import sys, time, warnings
warnings.simplefilter("ignore")
from fastapi.testclient import TestClient
from forumlens.settings import load_settings
from forumlens.web import create_app
db, urls = sys.argv[1], sys.argv[2:]
app = create_app(db, load_settings({"db": db}, env={"FORUMLENS_CONFIG": "/nonexistent"}))
client = TestClient(app)  # not entered: the app's start-up (lifespan) does not run, nothing is read before a request
for url in urls:
    clock, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    print(time.perf_counter() - clock, time.process_time() - cpu, flush=True)
"""


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _settle(pid: int, quiet: float = 1.0, limit: float = 300.0) -> float:
    """Seconds until the process has used under 5 % of a core for `quiet` seconds (its start-up work done)."""
    hz = os.sysconf("SC_CLK_TCK")
    start = time.perf_counter()
    samples = [(start, _cpu_ticks(pid))]
    while time.perf_counter() - start < limit:
        time.sleep(0.1)
        now = (time.perf_counter(), _cpu_ticks(pid))
        samples.append(now)
        old = next((s for s in reversed(samples) if now[0] - s[0] >= quiet), None)
        if old is not None and (now[1] - old[1]) / hz < 0.05 * (now[0] - old[0]):
            return now[0] - start - quiet
    raise SystemExit(f"bench: the server never settled in {limit:.0f} s")


def _timed_get(base: str, url: str, pid: int) -> tuple[float, float]:
    """(wall seconds, the server's CPU seconds) of one request: CPU is what a loaded machine does not inflate."""
    clock, ticks = time.perf_counter(), _cpu_ticks(pid)
    with urllib.request.urlopen(base + url, timeout=300) as response:
        response.read()
        if response.status != 200:
            raise SystemExit(f"bench: {url}: {response.status}")
    return time.perf_counter() - clock, (_cpu_ticks(pid) - ticks) / os.sysconf("SC_CLK_TCK")


def _server(location: str) -> tuple[subprocess.Popen[bytes], str, float]:
    """`forumlens serve` (one worker) on a free port; returns it, its URL and seconds until it answered."""
    port = _free_port()
    env = {**os.environ, "FORUMLENS_CONFIG": "/nonexistent"}
    clock = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "forumlens", "--db", location, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(base + "/api", timeout=1) as response:
                if response.status == 200:
                    return server, base, time.perf_counter() - clock
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("bench: the server did not start")


def run_threads(n: int, db: str | None) -> dict[str, Any]:
    """First thread pages of a new portal process: without start-up (baseline), at once, settled."""
    from forumlens.threads.service import keep_threads
    from forumlens.web.views import slug

    location = db or str(Path(tempfile.mkdtemp(prefix="forumlens-serve-")) / "bench.sqlite3")
    build_store(n, location)
    store = open_store(location)
    try:
        linked = keep_threads(store)  # what `analyse` does; a no-op when the kept links are current
    finally:
        store.close()
    counts: dict[str, int] = {}
    for t in linked.threads:
        if t.coalition:
            counts[t.coalition] = counts.get(t.coalition, 0) + 1
    coalition = max(counts, key=lambda c: counts[c])
    longest = max(linked.threads, key=lambda t: len(t.entries))
    urls = [f"/coalitions/{slug(coalition)}", "/threads", f"/threads/{longest.id}"]

    done = subprocess.run(
        [sys.executable, "-c", _NO_START_UP, location, *urls], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"bench: the baseline failed: {done.stderr[-2000:]}")
    baseline = [(float(w), float(c)) for w, c in (line.split() for line in done.stdout.splitlines())]

    server, base, started = _server(location)
    try:
        at_once = _timed_get(base, urls[0], server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)

    server, base, started = _server(location)
    try:
        settled = _settle(server.pid)
        after = [_timed_get(base, url, server.pid) for url in urls]
        again = [_timed_get(base, url, server.pid) for url in urls]
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "sessions": n,
        "threads": len(linked.threads),
        "coalition": coalition,
        "coalition_threads": counts[coalition],
        "longest_thread_items": len(longest.entries),
        "urls": urls,
        "baseline_no_start_up": [_pair(x) for x in baseline],
        "served_answers_after_s": round(started, 2),
        "served_at_once_coalition": _pair(at_once),
        "served_settles_after_s": round(settled, 2),
        "served_settled_first": [_pair(x) for x in after],
        "served_settled_second": [_pair(x) for x in again],
    }


def _pair(wall_cpu: tuple[float, float]) -> dict[str, float]:
    return {"wall_s": round(wall_cpu[0], 3), "cpu_s": round(wall_cpu[1], 3)}


def print_threads(report: dict[str, Any]) -> None:
    print(
        f"first thread pages, {report['sessions']} sessions, {report['threads']} threads; "
        f"coalition {report['coalition']!r} ({report['coalition_threads']} threads); "
        f"longest thread {report['longest_thread_items']} items"
    )
    print("first request of a new process: wall s / CPU s (the server's); ratio of CPU")
    print(f"{'request':<58}{'no start-up':>18}{'served, settled':>18}{'CPU ratio':>10}")
    for url, b, a in zip(report["urls"], report["baseline_no_start_up"], report["served_settled_first"], strict=True):
        ratio = a["cpu_s"] / b["cpu_s"] if b["cpu_s"] else 0.0
        before, after = f"{b['wall_s']:.3f} / {b['cpu_s']:.2f}", f"{a['wall_s']:.3f} / {a['cpu_s']:.2f}"
        print(f"{url:<58}{before:>18}{after:>18}{ratio:>10.2f}")
    at_once = report["served_at_once_coalition"]
    print(
        f"served: answers after {report['served_answers_after_s']} s, settles (warm-up done) "
        f"{report['served_settles_after_s']} s later; the coalition page asked at once: "
        f"{at_once['wall_s']} s (it waits for the warm-up); second requests (wall s): "
        f"{[x['wall_s'] for x in report['served_settled_second']]}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--db", default=None, help="reuse this SQLite store (built if it has fewer sessions)")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default: 2, the cores)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--part", choices=("load", "threads"), default="load", help="the mixed load, or first thread pages"
    )
    args = parser.parse_args(argv)
    if args.part == "threads":
        found = run_threads(args.sessions, args.db)
        if args.json:
            print(json.dumps(found, indent=1))
        else:
            print_threads(found)
        return
    report = run(args.sessions, args.db, args.seconds, args.concurrency, args.workers)
    if args.json:
        print(json.dumps(report, indent=1))
        return
    print(
        f"{report['sessions']} sessions, {report['concurrency']} concurrent, {report['workers']} workers, "
        f"{report['seconds']} s on "
        f"{report['cores']} cores: {report['requests']} requests, {report['throughput_rps']} req/s, "
        f"{report['errors']} errors"
    )
    print(f"{'kind':<14}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for kind, row in report["by_kind"].items():  # type: ignore[union-attr]
        print(f"{kind:<14}{row['requests']:>9}{row['p50_ms']:>9}{row['p95_ms']:>9}{row['p99_ms']:>9}")
    if report["errors"]:
        print("errors:", report["error_samples"])
        raise SystemExit(1)


if __name__ == "__main__":
    main()

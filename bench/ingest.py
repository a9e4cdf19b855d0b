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

The CPU time of the whole process tree (this process, the forkserver and its workers,
read from /proc while the ingest runs) is printed per session too: with workers it is
the figure the machine's other load changes least.

`--profile N` instead runs cProfile over the ingest of N sessions in one process and
prints where the time goes: per stage (cumulative) and per module (own time, a C
function's time counted in the module that called it), for the owners of each stage.

Usage: python bench/ingest.py [--sessions 1000] [--db PATH_OR_URL] [--json] [--profile 30]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
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


def synthetic_files(n: int, folder: Path) -> list[Path]:
    """`synthetic_sessions(n)` written into `folder` as s00000.txt, s00001.txt …: the files the
    benchmarks that fill a store ingest, named alike so their stores and timings compare."""
    paths = []
    for i, text in enumerate(synthetic_sessions(n)):
        path = folder / f"s{i:05d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


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


class TreeCPU:
    """CPU seconds (user + system) of this process and every process below it (the
    forkserver and its workers), sampled from /proc every `interval` s while `measure`
    runs; a process that exits keeps its last sample (an idle worker loses at most
    `interval` of idle time). `total` is None where /proc is missing."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.seen: dict[int, float] = {}
        self._tick = os.sysconf("SC_CLK_TCK")

    def _cpu(self, pid: int) -> float | None:
        try:
            raw = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return None
        fields = raw[raw.rindex(")") + 2 :].split()  # after "pid (name) "
        return (int(fields[11]) + int(fields[12])) / self._tick  # utime + stime

    def _children(self, pid: int) -> list[int]:
        out: list[int] = []
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            with suppress(OSError):
                out += [int(c) for c in task.read_text().split()]
        return out

    def sample(self) -> None:
        todo = [os.getpid()]
        while todo:
            pid = todo.pop()
            cpu = self._cpu(pid)
            if cpu is not None:
                self.seen[pid] = cpu
                todo += self._children(pid)

    @contextmanager
    def measure(self) -> Iterator[TreeCPU]:
        if not Path("/proc/self/stat").exists():
            yield self
            return
        self.sample()
        start, stop = dict(self.seen), threading.Event()

        def poll() -> None:
            while not stop.wait(self.interval):
                self.sample()

        thread = threading.Thread(target=poll, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            stop.set()
            thread.join()
            self.sample()
            self.seen = {pid: cpu - start.get(pid, 0.0) for pid, cpu in self.seen.items()}

    @property
    def total(self) -> float | None:
        return sum(self.seen.values()) if self.seen else None


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(
    n: int, db: str | None, *, analysis: bool = False, workers: int = 1, analysed_sample: int = 0
) -> dict[str, float | int | str]:
    workdir = Path(tempfile.mkdtemp(prefix="forumlens-bench-"))
    paths = synthetic_files(n, workdir)
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
    tree = TreeCPU()
    with tree.measure():
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
        # every process of the run (workers included): the work a session costs, whatever the load
        "all_processes_cpu_ms_per_session": round(tree.total * 1000 / n, 1) if tree.total is not None else "n/a",
        "load_average_1m": f"{load_before:.1f} → {os.getloadavg()[0]:.1f}",
        "store_mb": round(size / 1e6, 1) if size >= 0 else "n/a",
        "search_p50_ms": round(_percentile(latencies, 0.5), 2),
        "search_p95_ms": round(_percentile(latencies, 0.95), 2),
        "store": "postgresql" if location.startswith("postgres") else "sqlite",
        "analysis": "full" if analysis else "none",
        "workers": workers,
        **analysed,
    }


# the stages a profile reports, by function name (cumulative time, so nested stages overlap)
PROFILED_STAGES = (
    ("read_bytes", "decode"),
    ("prepare_document", "parse + metadata"),
    ("analyse_session", "analysis (all stages below)"),
    ("resolve_session", "  resolve: people and coalitions"),
    ("find_intel", "  analyse: questions and asks"),
    ("tag_session", "  tag: tags"),
    ("extract_glossary", "  tag: glossary"),
    ("build_report", "  summarise: summary"),
    ("keyword_counts", "  semantic: keywords"),
    ("thread_items_of", "thread items (threads.items)"),
    ("_store_prepared", "store (merge names + one transaction)"),
    ("after_ingest", "after-ingest steps"),
    ("match_new_sessions", "  route: subscribers' matches"),
    ("link_outputs", "  documents: output links"),
    ("refresh_thread_items", "  threads: items not stored yet"),
)


def _module(path: str) -> str:
    """forumlens.x.y for the project's files, the package (or stdlib module) otherwise."""
    parts = Path(path).with_suffix("").parts
    if "forumlens" in parts:
        return ".".join(parts[len(parts) - 1 - parts[::-1].index("forumlens") :]).removesuffix(".__init__")
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    return f"stdlib:{parts[-1]}" if parts else path


def module_times(stats: pstats.Stats) -> dict[str, float]:
    """Own time per module; a built-in's (regex, json, sqlite3 calls) goes to the module that called it."""
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, dict]] = stats.stats  # type: ignore[attr-defined]
    out: dict[str, float] = defaultdict(float)
    for (path, _, _), (_, _, own, _, callers) in raw.items():
        if path.startswith(("~", "<")) and callers:
            for (cpath, _, _), caller in callers.items():
                out[_module(cpath)] += caller[2]
        else:
            out[_module(path)] += own
    return dict(out)


def stage_times(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative time of each profiled stage (summed over its functions of that name in forumlens)."""
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, dict]] = stats.stats  # type: ignore[attr-defined]
    names = dict(PROFILED_STAGES)
    out: dict[str, float] = defaultdict(float)
    for (path, _, name), (_, _, _, cumulative, _) in raw.items():
        if name in names and "forumlens" in path:
            out[names[name]] += cumulative
    return dict(out)


def profile(n: int, top: int = 25, out: Path | None = None) -> dict[str, object]:
    """cProfile over the ingest (with analysis, one process) of n synthetic sessions
    (the raw statistics written to `out` for `python -m pstats`, when given)."""
    workdir = Path(tempfile.mkdtemp(prefix="forumlens-profile-"))
    paths = synthetic_files(n, workdir)
    store = open_store(str(workdir / "profile.sqlite3"))
    ingest_paths(store, [paths[0]], IngestOptions(max_bytes=50_000_000, force=True))  # imports and caches warm
    profiler = cProfile.Profile(time.process_time)  # CPU time: the other load on the machine does not count
    start = time.perf_counter()
    profiler.enable()
    ingest_paths(store, paths, IngestOptions(max_bytes=50_000_000, force=True))
    profiler.disable()
    wall = time.perf_counter() - start
    store.close()
    stats = pstats.Stats(profiler)
    if out is not None:
        stats.dump_stats(out)
    total: float = stats.total_tt  # type: ignore[attr-defined]
    stages = stage_times(stats)
    modules = sorted(module_times(stats).items(), key=lambda kv: -kv[1])[:top]
    return {
        "sessions": n,
        "profiled_ms_per_session": round(total * 1000 / n, 1),
        "wall_ms_per_session_under_profiler": round(wall * 1000 / n, 1),
        "stages_ms_per_session": {label: round(stages.get(label, 0.0) * 1000 / n, 1) for _, label in PROFILED_STAGES},
        "modules_own_ms_per_session": {name: round(t * 1000 / n, 1) for name, t in modules},
    }


def _print_profile(result: dict[str, object]) -> None:
    for key in ("sessions", "profiled_ms_per_session", "wall_ms_per_session_under_profiler"):
        print(f"{key:<36}  {result[key]}")
    total = float(result["profiled_ms_per_session"])  # type: ignore[arg-type]
    for title, key in (
        ("stage (cumulative)", "stages_ms_per_session"),
        ("module (own time)", "modules_own_ms_per_session"),
    ):
        print(f"\n{title:<44}  ms/session   share")
        rows: dict[str, float] = result[key]  # type: ignore[assignment]
        for name, ms in rows.items():
            print(f"{name:<44}  {ms:>10.1f}  {ms / total:>6.1%}")


def print_result(result: Mapping[str, object], as_json: bool) -> None:
    """A bench run's figures on standard output: one JSON line (`--json`), else one aligned `key  value` line each."""
    if as_json:
        print(json.dumps(result))
        return
    width = max(map(len, result))
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")


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
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="profile the ingest of N sessions in one process instead"
    )
    parser.add_argument("--profile-out", type=Path, default=None, help="with --profile: write the raw statistics here")
    args = parser.parse_args(argv)
    if args.profile:
        found = profile(args.profile, out=args.profile_out)
        print(json.dumps(found)) if args.json else _print_profile(found)
        return
    result = run(
        args.sessions, args.db, analysis=args.analysis, workers=args.workers, analysed_sample=args.analysed_sample
    )
    print_result(result, args.json)


if __name__ == "__main__":
    sys.exit(main())

"""Search latency at archive scale: 200 first-time queries, per kind, store API and HTTP.

Builds (once, cached under .venv/bench-cache) a 1,000-session store with bench/ingest.py's
synthetic generator, then runs a realistic mix of distinct queries (rare words, common
words, two words, phrases, prefixes, OR, exclusions, year and speaker filters):

- through the store API, three paths interleaved query by query, so caches favour none:
  `raw`, the index's match count alone (the floor any ranked search pays); `exhaustive`,
  every match ranked (`SearchFilters(candidates=None)`: the query path before the
  candidate cap, kept callable for this comparison); `default`, the capped path;
- through the HTTP API (`/api/search`, `forumlens serve` on loopback, one request at a
  time over one keep-alive connection, a new server per round so every URL is new to
  its caches): `http` as shipped, `http_exhaustive` with the cap switched off.

Each query keeps its fastest of `--repeat` rounds (the machine is shared). Prints
p50/p95/p99 per kind and the p95 ratios against the exhaustive baseline of the same run,
and checks that every query with fewer matches than the cap returns exactly the hits of
the exhaustive path. `--pg` repeats everything on a throwaway PostgreSQL cluster
(tests/pg_cluster.py) holding a copy of the same store (same turn ids).

`--pg-baseline SRC` also times an older forumlens (its `src` folder, e.g. from `git worktree
add`) against this one on one cluster, query by query in alternating order (the same load
for both), after this version migrated a byte-identical copy of the older one's store. It also
prints the write cost of each version: the seconds `copy_store` took to fill its PostgreSQL copy.

Usage: python bench/search.py [--sessions 1000] [--db PATH] [--pg [--pg-baseline SRC]] [--no-http] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from ingest import SOURCE, synthetic_files

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.search import SearchFilters, parse_query, to_fts5
from forumlens.store import open_store
from forumlens.store.fts import to_tsquery, tokens
from forumlens.transcript.parse import parse_transcript

CACHE = ROOT / ".venv" / "bench-cache"
KINDS = {  # kind → queries of that kind in the mix of 200
    "rare": 30,
    "common": 30,
    "two_words": 25,
    "phrase": 25,
    "prefix": 20,
    "or": 20,
    "exclude": 15,
    "year": 20,
    "speaker": 15,
}
PAGE = 20  # the API's default page; the portal asks the store for one more (has_next)


@dataclasses.dataclass(frozen=True)
class Probe:
    """One query of the mix: its kind, the text a user types, its filters."""

    kind: str
    text: str
    year: int | None = None
    speaker: str | None = None

    def filters(self, **changes: Any) -> SearchFilters:
        return dataclasses.replace(SearchFilters(year=self.year, speaker=self.speaker, limit=PAGE + 1), **changes)

    def url(self) -> str:
        params: dict[str, Any] = {"q": self.text, "limit": PAGE}
        if self.year is not None:
            params["year"] = self.year
        if self.speaker:
            params["speaker"] = self.speaker
        return "/api/search?" + urllib.parse.urlencode(params)


def build_store(n: int, location: str) -> float:
    """The synthetic store (text and turns, no analyses: search reads neither); seconds spent, 0 if reused."""
    store = open_store(location)
    try:
        if store.counts()["sessions"] >= n:
            return 0.0
        start = time.perf_counter()
        paths = synthetic_files(n, Path(tempfile.mkdtemp(prefix="forumlens-search-bench-")))
        print(f"bench: building the {n}-session store at {location}…", file=sys.stderr)
        options = IngestOptions(max_bytes=50_000_000, analyse=False, workers=1)
        for outcome in ingest_paths(store, paths, options):
            if outcome.status == "failed":
                raise SystemExit(f"bench: {outcome.path}: {outcome.reason}")
        return time.perf_counter() - start
    finally:
        store.close()


def query_mix(seed: int = 19) -> list[Probe]:
    """200 distinct queries drawn from the source transcript's own words and speakers.

    Word frequency is measured on the source's turns (the synthetic sessions reshuffle
    them, so the order carries over): "common" is the top 5% of words by turns holding
    them, "rare" the words of a single turn.
    """
    session = parse_transcript(SOURCE.read_text("utf-8"))
    turn_words = [tokens(t.text) for t in session.turns]
    df = Counter(w for words in turn_words for w in set(words) if len(w) > 2 and w.isalpha())
    by_df = sorted(df, key=lambda w: (-df[w], w))  # ties by spelling: the same mix in every process
    common = by_df[: max(20, len(by_df) // 20)]
    rare = [w for w in by_df if df[w] == 1]
    middle = by_df[len(common) : len(by_df) - len(rare)] or by_df
    speakers = sorted({t.speaker.split()[-1].lower() for t in session.turns if t.speaker})
    rng = random.Random(seed)

    def bigram() -> str:
        words = rng.choice([w for w in turn_words if len(w) > 3])
        at = rng.randrange(len(words) - 1)
        return f'"{words[at]} {words[at + 1]}"'

    makers: dict[str, Callable[[], Probe]] = {
        "rare": lambda: Probe("rare", rng.choice(rare)),
        "common": lambda: Probe("common", rng.choice(common)),
        "two_words": lambda: Probe("two_words", f"{rng.choice(middle)} {rng.choice(common + middle)}"),
        "phrase": lambda: Probe("phrase", bigram()),
        "prefix": lambda: Probe("prefix", rng.choice(common + middle)[:4] + "*"),
        "or": lambda: Probe("or", f"{rng.choice(middle + rare)} OR {rng.choice(common + middle)}"),
        "exclude": lambda: Probe("exclude", f"{rng.choice(common)} -{rng.choice(middle)}"),
        "year": lambda: Probe("year", rng.choice(common + middle), year=rng.randrange(2006, 2025)),
        "speaker": lambda: Probe("speaker", rng.choice(common + middle), speaker=rng.choice(speakers)),
    }
    seen: set[Probe] = set()
    out: list[Probe] = []
    for kind, count in KINDS.items():
        made = 0
        for _ in range(count * 50):
            probe = makers[kind]()
            if probe not in seen:
                seen.add(probe)
                out.append(probe)
                made += 1
                if made == count:
                    break
    rng.shuffle(out)
    return out


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def _stats(values: list[float]) -> dict[str, float]:
    return {f"p{int(q * 100)}": round(_percentile(values, q), 2) for q in (0.5, 0.95, 0.99)}


def raw_count(store: Any, probe: Probe) -> int:
    """The floor: matching turns counted by the index alone (no filter, no rank, no snippet)."""
    query = parse_query(probe.text)
    if store.dialect == "sqlite":
        match = to_fts5(query)
        if match is None:
            return 0
        return int(store._rows("SELECT count(*) FROM turns_fts WHERE turns_fts MATCH ?", (match,))[0][0])
    tsquery = to_tsquery(query)
    if tsquery is None:
        return 0
    return int(store._native("SELECT count(*) FROM turn_search WHERE tsv @@ %s::tsquery", (tsquery,))[0][0])


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = call()
    return (time.perf_counter() - start) * 1000, value


def run_store(location: str, mix: list[Probe], repeat: int) -> dict[str, Any]:
    """The three paths per query, interleaved (the order rotates so none always runs first).

    Each query's time is its fastest of `repeat` rounds: the machine is shared, and the
    minimum is the figure least disturbed by other processes (the store API has no result
    cache, so a repeated query does the same work; the database pages are warm in every
    round, as they are in a running server).
    """
    has_cap = "candidates" in {f.name for f in dataclasses.fields(SearchFilters)}
    names = ("raw", "exhaustive", "default")
    best: dict[str, list[float]] = {name: [float("inf")] * len(mix) for name in names}
    capped = differ = 0
    store = open_store(location, readonly=True)
    try:
        for probe in mix[:10]:  # warm the page cache the way a running server has it
            store.search(parse_query(probe.text), probe.filters())
        for round_ in range(repeat):
            for i, probe in enumerate(mix):
                query = parse_query(probe.text)
                exhaustive = probe.filters(candidates=None) if has_cap else probe.filters()
                calls: dict[str, Callable[[], Any]] = {
                    "raw": lambda p=probe: raw_count(store, p),  # type: ignore[misc]
                    "exhaustive": lambda q=query, f=exhaustive: store.search(q, f),  # type: ignore[misc]
                    "default": lambda q=query, p=probe: store.search(q, p.filters()),  # type: ignore[misc]
                }
                order = names[(i + round_) % 3 :] + names[: (i + round_) % 3]
                results: dict[str, Any] = {}
                for name in order:
                    elapsed, results[name] = _timed(calls[name])
                    best[name][i] = min(best[name][i], elapsed)
                if round_ == 0:
                    if getattr(results["default"], "total_is_estimate", False):
                        capped += 1
                    elif [dataclasses.astuple(h) for h in results["default"]] != [
                        dataclasses.astuple(h) for h in results["exhaustive"]
                    ]:
                        differ += 1
    finally:
        store.close()
    return {
        "paths": {name: _by_kind(mix, times) for name, times in best.items()},
        "capped_queries": capped,
        "uncapped_queries_differing_from_exhaustive": differ,
    }


def _by_kind(mix: list[Probe], times: list[float]) -> dict[str, dict[str, float]]:
    by_kind = {kind: [t for p, t in zip(mix, times) if p.kind == kind] for kind in KINDS}
    return {**{k: _stats(v) for k, v in by_kind.items()}, "all": _stats(times)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# `forumlens serve` with the candidate cap switched off in the stores: the exhaustive path over HTTP
UNCAPPED_SERVER = """
import runpy, sys
import forumlens.store.postgres as pg, forumlens.store.sqlite as lite
lite.candidate_window = pg.candidate_window = lambda filters: None
sys.argv = ["forumlens", *sys.argv[1:]]
runpy.run_module("forumlens", run_name="__main__", alter_sys=True)
"""


@contextmanager
def serving(location: str, *, capped: bool = True) -> Iterator[int]:
    """`forumlens serve` on a free loopback port, one worker (in-process); stopped on exit."""
    port = _free_port()
    env = {**os.environ, "FORUMLENS_CONFIG": "/nonexistent"}
    args = ["--db", location, "serve", "--port", str(port), "--workers", "1"]
    command = [sys.executable, "-m", "forumlens", *args] if capped else [sys.executable, "-c", UNCAPPED_SERVER, *args]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit(f"bench: the server stopped: {server.stderr.read().decode()[-2000:]}") from None  # type: ignore[union-attr]
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def run_http(location: str, mix: list[Probe], repeat: int) -> dict[str, Any]:
    """Each query over HTTP as a client sees it (request, JSON, response read), on a new
    server per round so every query is new to its caches; fastest of `repeat` rounds.
    Rounds alternate the default server and one with the cap off (`http_exhaustive`)."""
    best = {name: [float("inf")] * len(mix) for name in ("http", "http_exhaustive")}
    for _ in range(repeat):
        for name in best:
            with serving(location, capped=name == "http") as port:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                for warm in ("/api", "/api/search?q=bench+warm+up+zzzz", "/api/sessions?limit=5"):
                    conn.request("GET", warm)
                    conn.getresponse().read()
                for i, probe in enumerate(mix):
                    start = time.perf_counter()
                    conn.request("GET", probe.url())
                    response = conn.getresponse()
                    body = response.read()
                    best[name][i] = min(best[name][i], (time.perf_counter() - start) * 1000)
                    if response.status != 200:
                        raise SystemExit(f"bench: {probe.url()} answered {response.status}: {body[:300]!r}")
                conn.close()
    return {name: _by_kind(mix, times) for name, times in best.items()}


def measure(location: str, mix: list[Probe], http: bool, repeat: int) -> dict[str, Any]:
    result = run_store(location, mix, repeat)
    if http:
        result["paths"].update(run_http(location, mix, repeat))
    return result


COPY_SECONDS: dict[str, float] = {}  # the write cost: copying the store into PostgreSQL, per version


@contextmanager
def postgres_copy(sqlite_location: str) -> Iterator[str]:
    """A throwaway PostgreSQL cluster holding a copy of the SQLite store (same turn ids)."""
    from forumlens.store.transfer import copy_store
    from tests.pg_cluster import TempCluster

    with TempCluster() as cluster:
        url = cluster.create_database("search_bench")
        source, target = open_store(sqlite_location, readonly=True), open_store(url)
        try:
            started = time.perf_counter()
            copy_store(source, target)
            COPY_SECONDS["current"] = round(time.perf_counter() - started, 1)
            target._native("VACUUM ANALYZE")  # type: ignore[attr-defined]  # as autovacuum leaves a loaded table
        finally:
            source.close()
            target.close()
        yield url


# -- the same copy, an older forumlens: `--pg-baseline SRC` --------------------------------------------
def serve_queries(url: str) -> None:
    """Worker of `compare_versions`: times `store.search` of the mix's query i for each i read from stdin."""
    mix = query_mix()
    store = open_store(url, readonly=True)
    for probe in mix[:10]:
        store.search(parse_query(probe.text), probe.filters())
    print("ready", flush=True)
    for line in sys.stdin:
        probe = mix[int(line)]
        elapsed, found = _timed(lambda p=probe: store.search(parse_query(p.text), p.filters()))  # type: ignore[misc]
        page = "|".join(f"{h.session}:{h.line}" for h in found)
        print(f"{elapsed:.3f} {found.total} {int(found.total_is_estimate)} {page}", flush=True)


def compare_versions(sqlite_location: str, baseline_src: str, repeat: int) -> dict[str, Any]:
    """The capped store path of an older forumlens (`baseline_src`, its `src` folder) and of this one,
    on one PostgreSQL cluster, query by query in alternating order, so both see the same load.

    The baseline copies the SQLite store at its own schema version and vacuums it; this
    version gets a byte-identical copy (CREATE DATABASE … TEMPLATE) and migrates it on open,
    as an upgrade would. The vacuum is what makes the copies equal: without it autovacuum
    reached the first database mid-run and not its copy, and its vacuumed pages alone made
    the same queries 1.3–1.5× faster there (the same code on both databases, stop 19). Also counts the queries whose pages (session:line of every hit), totals and
    estimate flags are identical, and times the migration.
    """
    from tests.pg_cluster import TempCluster

    mix = query_mix()
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    sources = {"baseline": str(Path(baseline_src).resolve()), "current": str(ROOT / "src")}
    copy = "import sys, time; from forumlens.store import open_store; from forumlens.store.transfer import copy_store\n"
    copy += "s, t = open_store(sys.argv[2], readonly=True), open_store(sys.argv[1]); started = time.perf_counter()\n"
    copy += "copy_store(s, t); print(time.perf_counter() - started); t._native('VACUUM ANALYZE')"
    baseline_env = {**env, "PYTHONPATH": sources["baseline"]}
    asked = [sys.executable, "-c", "from forumlens.store.migrations import SCHEMA_VERSION; print(SCHEMA_VERSION)"]
    version = int(subprocess.run(asked, env=baseline_env, check=True, capture_output=True, text=True).stdout)
    with TempCluster() as cluster, tempfile.TemporaryDirectory(prefix="forumlens-bench-") as folder:
        source = sqlite_at_version(sqlite_location, version, Path(folder))
        urls = {"baseline": cluster.create_database("baseline"), "current": cluster.url("current")}
        copying = [sys.executable, "-c", copy, urls["baseline"], source]
        copied = float(subprocess.run(copying, env=baseline_env, check=True, capture_output=True, text=True).stdout)
        cluster.admin('CREATE DATABASE "current" TEMPLATE baseline')
        started = time.perf_counter()
        current = open_store(urls["current"])  # migrates
        migration = time.perf_counter() - started
        current.close()
        workers = {
            name: subprocess.Popen(
                [sys.executable, __file__, "--serve-queries", urls[name]],
                env={**env, "PYTHONPATH": sources[name]},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for name in sources
        }
        best = {name: [float("inf")] * len(mix) for name in workers}
        pages: dict[str, list[tuple[str, ...]]] = {name: [()] * len(mix) for name in workers}
        try:
            for worker in workers.values():
                if worker.stdout.readline().strip() != "ready":  # type: ignore[union-attr]
                    raise SystemExit("bench: a query worker did not start")
            for round_ in range(repeat):
                for i in range(len(mix)):
                    order = list(workers) if (i + round_) % 2 == 0 else list(reversed(workers))
                    for name in order:
                        worker = workers[name]
                        worker.stdin.write(f"{i}\n")  # type: ignore[union-attr]
                        worker.stdin.flush()  # type: ignore[union-attr]
                        elapsed, *page = worker.stdout.readline().rstrip("\n").split(" ")  # type: ignore[union-attr]
                        best[name][i] = min(best[name][i], float(elapsed))
                        pages[name][i] = tuple(page)
        finally:
            for worker in workers.values():
                worker.stdin.close()  # type: ignore[union-attr]
                worker.wait(timeout=30)
    same = sum(a == b for a, b in zip(pages["baseline"], pages["current"]))
    return {
        "paths": {name: _by_kind(mix, times) for name, times in best.items()},
        "identical_pages": same,
        "migration_seconds": round(migration, 1),
        "baseline_copy_seconds": round(copied, 1),
    }


def sqlite_at_version(location: str, version: int, folder: Path) -> str:
    """The SQLite store as a forumlens at schema `version` can open it: itself, or a copy
    marked with that version when no SQLite migration since then changed anything (the
    PostgreSQL-only migration 6, say); otherwise a clear refusal."""
    import sqlite3

    from forumlens.store.catalog import DATA_MIGRATIONS
    from forumlens.store.migrations import SQLITE_MIGRATIONS
    from forumlens.store.transfer import schema_version_of

    have = schema_version_of(location)
    if have <= version:
        return location
    changed = [n + 1 for n in range(version, have) if SQLITE_MIGRATIONS[n] or (n + 1) in DATA_MIGRATIONS]
    if changed:
        raise SystemExit(
            f"bench: {location} is at schema {have} and SQLite migrations {changed} changed it since {version};"
            " give --db a new path so the store is built afresh"
        )
    target = folder / "baseline.sqlite3"
    with sqlite3.connect(f"file:{location}?mode=ro", uri=True) as reader, sqlite3.connect(target) as writer:
        reader.backup(writer)
        writer.execute(f"PRAGMA user_version = {int(version)}")
    return str(target)


def print_versions(result: dict[str, Any]) -> None:
    paths = result["paths"]
    print("\npostgresql, an older forumlens (baseline) and this one on the same copy, interleaved: p50 / p95 ms")
    print(f"{'kind':<10}{'baseline':>16}{'current':>16}   p95 current/baseline")
    for kind in [*KINDS, "all"]:
        a, b = paths["baseline"][kind], paths["current"][kind]
        ratio = b["p95"] / max(a["p95"], 1e-9)
        print(f"{kind:<10}{a['p50']:>8.1f}{a['p95']:>8.1f}{b['p50']:>8.1f}{b['p95']:>8.1f}   {ratio:.2f}x")
    print(
        f"identical pages, totals and estimate flags: {result['identical_pages']}/{sum(KINDS.values())};"
        f" migration of the copy: {result['migration_seconds']} s"
    )
    if "current" in COPY_SECONDS:
        print(
            f"write cost, copying the store into PostgreSQL (`copy_store`): baseline {result['baseline_copy_seconds']} s,"
            f" current {COPY_SECONDS['current']} s"
        )


def print_report(name: str, result: dict[str, Any]) -> None:
    paths = result["paths"]
    columns = [c for c in ("raw", "exhaustive", "default", "http_exhaustive", "http") if c in paths]
    print(f"\n{name}: p50 / p95 / p99 ms per kind; raw = index match count only, exhaustive = every match")
    print("ranked (the path before the cap), default = capped; http_* = /api/search from outside")
    print(f"{'kind':<10}{'n':>4} " + "".join(f"{c:>22}" for c in columns) + "   p95 default/exhaustive (http)")
    for kind in [*KINDS, "all"]:
        n = sum(KINDS.values()) if kind == "all" else KINDS[kind]
        cells = "".join(
            f"{paths[c][kind]['p50']:>8.1f}{paths[c][kind]['p95']:>7.1f}{paths[c][kind]['p99']:>7.1f}" for c in columns
        )
        ratio = paths["default"][kind]["p95"] / max(paths["exhaustive"][kind]["p95"], 1e-9)
        extra = ""
        if "http" in paths:
            extra = f" ({paths['http'][kind]['p95'] / max(paths['http_exhaustive'][kind]['p95'], 1e-9):.2f}x)"
        print(f"{kind:<10}{n:>4} {cells}   {ratio:.2f}x{extra}")
    print(
        f"capped queries: {result['capped_queries']}; uncapped queries whose hits differ from the exhaustive"
        f" path: {result['uncapped_queries_differing_from_exhaustive']} (must be 0)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--db", default=None, help="SQLite store to build or reuse (default: cached in .venv)")
    parser.add_argument("--pg", action="store_true", help="also on PostgreSQL (a throwaway cluster, same rows)")
    parser.add_argument("--no-http", action="store_true", help="store API only")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; each query keeps its fastest (default 3)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--pg-baseline",
        metavar="SRC",
        help="with --pg: also time an older forumlens (its src folder, e.g. of a git worktree) on the same copy",
    )
    parser.add_argument("--serve-queries", metavar="URL", help=argparse.SUPPRESS)  # a worker of --pg-baseline
    args = parser.parse_args(argv)
    if args.serve_queries:
        serve_queries(args.serve_queries)
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    location = args.db or str(CACHE / f"search-{args.sessions}.sqlite3")
    built = build_store(args.sessions, location)
    mix = query_mix()
    report: dict[str, Any] = {
        "sessions": args.sessions,
        "queries": len(mix),
        "repeat": args.repeat,
        "build_seconds": round(built, 1),
    }
    report["sqlite"] = measure(location, mix, not args.no_http, args.repeat)
    if args.pg:
        with postgres_copy(location) as url:
            report["postgresql"] = measure(url, mix, not args.no_http, args.repeat)
        if args.pg_baseline:
            report["postgresql_versions"] = compare_versions(location, args.pg_baseline, args.repeat)
    if args.json:
        print(json.dumps(report, indent=1))
        return
    print(
        f"{report['sessions']} sessions, {report['queries']} distinct first-time queries,"
        f" fastest of {report['repeat']} rounds each"
    )
    for name in ("sqlite", "postgresql"):
        if name in report:
            print_report(name, report[name])
    if "postgresql_versions" in report:
        print_versions(report["postgresql_versions"])


if __name__ == "__main__":
    main()

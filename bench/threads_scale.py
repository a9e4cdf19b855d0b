"""Threads at archive scale: link time by store size, `forumlens threads` cold, the portal's first requests.

Run:  python bench/threads_scale.py [--db PATH] [--sessions 1000] [--sizes 100,300,1000] [--old-commit REV] [--json]
      [--link-only] [--stale-items]

The store is the synthetic one of bench/ingest.py (every session a shuffle of the shared
2021 transcript, so one coalition has thousands of items), fully analysed; it is built
when --db is missing or holds fewer sessions. Printed, all in one run:

- items: reading and parsing the stored items of the first N sessions (by ingest order);
- baseline: the linker of --old-commit (the one before this work; `git show`, loaded
  beside the current one) on the smallest size, and whether the current linker gives
  the same threads and decisions there (it must);
- link time (wall and CPU: the machine may be shared) for each size, with the ratio to
  the previous size and to the baseline;
- `forumlens threads --json` wall time in a new process, with no kept links (it links)
  and after `keep_threads` (what ingest and `analyse` now do: it rebuilds), and the
  time `keep_threads` takes;
- the portal's first request to a coalition page with threads and to `/threads` in a new
  process (response cache off), with the links kept.

Goals (issue 20): `threads` on 1,000 sessions < 15 s cold; first coalition page or
`/threads` request < 1 s once threads are kept.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from forumlens.store import Store, open_store
from forumlens.threads import Item, link_items, make_scorer, place_items
from forumlens.threads.models import ITEMS_VERSION, SessionItems
from forumlens.threads.service import keep_threads, linker_name

OLD_COMMIT = "7f8b619"  # the linker before issue 20's scale work
_STALE_OK = False  # --stale-items
FORUMLENS = [sys.executable, "-m", "forumlens"]


def build_store(n: int, location: str) -> None:
    """The synthetic store with the whole analysis (skipped when it holds n sessions already)."""
    from ingest import synthetic_files

    from forumlens.ingest import IngestOptions, ingest_paths

    store = open_store(location)
    try:
        if store.counts()["sessions"] >= n:
            return
        paths = synthetic_files(n, Path(tempfile.mkdtemp(prefix="forumlens-threads-scale-")))
        print(f"bench: building the {n}-session store (full analysis)…", file=sys.stderr)
        options = IngestOptions(max_bytes=50_000_000, workers=os.cpu_count() or 1)
        for outcome in ingest_paths(store, paths, options):
            if outcome.status == "failed":
                raise SystemExit(f"bench: {outcome.path}: {outcome.reason}")
    finally:
        store.close()


def items_of(store: Store, n: int) -> list[Item]:
    """The stored items of the first n sessions by ingest order, placed in time as `threads` places them."""
    sources = sorted(store.thread_sources(), key=lambda s: (s.ingested_at, s.session))[:n]
    if _STALE_OK:  # timing only: any stored items will do, sessions without any (still being stored) are left out
        sources = [s for s in sources if s.items is not None]
    missing = [
        s.session
        for s in sources
        if s.items is None or (int(s.items.get("version") or 0) != ITEMS_VERSION and not _STALE_OK)
    ]
    if missing:
        raise SystemExit(f"bench: {len(missing)} sessions have no current thread items: run `forumlens analyse --all`")
    sources.sort(key=lambda s: (s.year or 0, s.date or "", s.ingested_at, s.session))
    return place_items(
        [
            (s.year, (s.year or 0, s.date or "", s.ingested_at, s.session), SessionItems.from_json(s.session, s.items))
            for s in sources
            if s.items is not None
        ]
    )


def old_modules(commit: str) -> tuple[ModuleType, ModuleType]:
    """link.py and similarity.py of `commit`, loaded beside the current package (they import its other modules;
    the pair model module of the commits that had one, removed at stop 20, is loaded from the commit too)."""
    loaded = {}
    for name in ("pairmodel", "similarity", "link"):
        shown = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:src/forumlens/threads/{name}.py"],
            capture_output=True,
            text=True,
        )
        if shown.returncode != 0:
            if name == "pairmodel":
                continue  # a commit before the pair model or after its removal
            raise SystemExit(f"bench: no {name}.py at {commit}: {shown.stderr.strip()}")
        source = shown.stdout.replace("from .similarity", "from ._old_similarity")
        source = source.replace("from . import pairmodel", "from . import _old_pairmodel as pairmodel")
        spec = importlib.util.spec_from_loader(f"forumlens.threads._old_{name}", loader=None)
        assert spec is not None
        module = importlib.util.module_from_spec(spec)
        module.__package__ = "forumlens.threads"
        sys.modules[spec.name] = module
        exec(compile(source, f"{commit}:{name}.py", "exec"), module.__dict__)
        loaded[name] = module
    return loaded["similarity"], loaded["link"]


def timed(fn: Any) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def same_threads(old: Any, new: Any) -> bool:
    """The same threads, field for field (contract, actor, items, roles, statuses, summaries)."""
    return [t.to_json() for t in old.threads] == [t.to_json() for t in new.threads]


def same_decisions(old: Any, new: Any) -> bool:
    """The same decision for every item: rule, score, shared words; the candidates it names a subset of the old ones
    (a decision names at most `Rules.named_candidates`)."""

    def rest(d: Any) -> dict[str, Any]:
        return {k: v for k, v in d.to_json().items() if k != "candidates"}

    return len(old.decisions) == len(new.decisions) and all(
        rest(a) == rest(b) and set(b.candidates) <= set(a.candidates)
        for a, b in zip(old.decisions, new.decisions, strict=True)
    )


def run_cli(db: str) -> float:
    clock = time.perf_counter()
    done = subprocess.run([*FORUMLENS, "--db", db, "threads", "--json"], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: forumlens threads failed: {done.stderr[-2000:]}")
    return time.perf_counter() - clock


PORTAL = """
import sys, time
from fastapi.testclient import TestClient
from forumlens.settings import load_settings
from forumlens.web import create_app
from forumlens.web.views import slug
db, coalition = sys.argv[1], sys.argv[2]
settings = load_settings({"db": db, "portal_cache_mb": 0}, env={"FORUMLENS_CONFIG": "/nonexistent"})
with TestClient(create_app(db, settings)) as client:
    for url in (f"/coalitions/{slug(coalition)}", "/threads", "/threads"):
        clock = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert url != "/threads" or "No threads" not in response.text
        print(url, time.perf_counter() - clock, flush=True)
"""


def run_portal(db: str, coalition: str) -> list[tuple[str, float]]:
    done = subprocess.run([sys.executable, "-c", PORTAL, db, coalition], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: portal run failed: {done.stderr[-2000:]}")
    return [(line.split()[0], float(line.split()[1])) for line in done.stdout.splitlines() if line.startswith("/")]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="store to use (built when missing); default: a temporary file")
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--old-commit", default=OLD_COMMIT, help="the baseline linker's commit ('' to skip)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--link-only", action="store_true", help="time linking only (no command or portal runs)")
    parser.add_argument(
        "--stale-items",
        action="store_true",
        help="link stored items of another ITEMS_VERSION (timing the linker on a store built before an items change)",
    )
    args = parser.parse_args(argv)
    global _STALE_OK
    _STALE_OK = args.stale_items
    db = args.db or str(Path(tempfile.mkdtemp(prefix="forumlens-threads-scale-")) / "store.sqlite3")
    build_store(args.sessions, db)
    sizes = [int(s) for s in args.sizes.split(",")]
    report: dict[str, Any] = {"sessions": args.sessions, "sizes": {}}

    store = open_store(db, readonly=True)
    try:
        by_size = {}
        for n in sizes:
            by_size[n], wall, cpu = timed(lambda n=n: items_of(store, n))
            report["sizes"][n] = {"items": len(by_size[n]), "read_s": round(wall, 2)}
    finally:
        store.close()

    smallest = sizes[0]
    if args.old_commit:
        old_similarity, old_link = old_modules(args.old_commit)
        items = by_size[smallest]
        old, wall, cpu = timed(lambda: old_link.link_items(items, old_similarity.LexicalScorer(items)))
        new = link_items(items, make_scorer(items, "lexical"))
        report["baseline"] = baseline = {
            "commit": args.old_commit,
            "sessions": smallest,
            "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2),
            "identical_threads": same_threads(old, new),
            "same_decisions": same_decisions(old, new),
        }
        print(f"bench: baseline {baseline}", file=sys.stderr)
    previous = None
    for n in sizes:
        items = by_size[n]
        linked, wall, cpu = timed(lambda items=items: link_items(items, make_scorer(items, "lexical")))
        row = report["sizes"][n]
        row.update(threads=len(linked.threads), link_wall_s=round(wall, 2), link_cpu_s=round(cpu, 2))
        if previous is not None:
            row["cpu_ratio_to_previous"] = round(cpu / previous, 2) if previous else None
        if "baseline" in report:
            row["cpu_vs_baseline"] = round(cpu / report["baseline"]["cpu_s"], 3)
        previous = cpu
        print(f"bench: {n} sessions {row}", file=sys.stderr)

    if args.link_only:
        print(json.dumps(report, indent=1))
        return report
    # the command and the portal on the whole store: first without kept links, then kept
    writer = open_store(db)
    try:
        writer.save_thread_links({}, {})
    finally:
        writer.close()
    report["cli_unkept_s"] = round(run_cli(db), 2)
    writer = open_store(db)
    try:
        linked, wall, _ = timed(lambda: keep_threads(writer))
    finally:
        writer.close()
    report["keep_s"] = round(wall, 2)
    report["linker"] = linker_name("auto")
    report["cli_kept_s"] = round(run_cli(db), 2)
    coalition = max(
        {t.coalition for t in linked.threads if t.coalition},
        key=lambda c: sum(1 for t in linked.threads if t.coalition == c),
    )
    report["portal"] = {"coalition": coalition, "first_requests": run_portal(db, coalition)}

    if args.json:
        print(json.dumps(report, indent=1))
        return report
    print(
        f"threads at scale — {args.sessions}-session synthetic store, linker for the command/portal: {report['linker']}"
    )
    if "baseline" in report:
        b = report["baseline"]
        same = "identical threads" if b["identical_threads"] else "DIFFERENT THREADS"
        same += ", the same decisions" if b["same_decisions"] else ", DIFFERENT DECISIONS"
        print(f"baseline (linker of {b['commit']}, {b['sessions']} sessions): {b['wall_s']} s wall, {b['cpu_s']} s CPU")
        print(f"  current linker on the same items: {same}")
    for n, row in report["sizes"].items():
        step = f", ×{row['cpu_ratio_to_previous']} CPU vs previous size" if "cpu_ratio_to_previous" in row else ""
        base = f", {row['cpu_vs_baseline']}× baseline CPU" if "cpu_vs_baseline" in row else ""
        print(
            f"{n:>5} sessions: {row['items']} items, read {row['read_s']} s; "
            f"link {row['link_wall_s']} s wall / {row['link_cpu_s']} s CPU → {row['threads']} threads{step}{base}"
        )
    print(f"forumlens threads --json, new process: {report['cli_unkept_s']} s without kept links (links)")
    print(
        f"keep_threads (ingest/analyse): {report['keep_s']} s; forumlens threads --json with kept links: {report['cli_kept_s']} s"
    )
    for url, seconds in report["portal"]["first_requests"]:
        print(f"portal, new process, links kept: GET {url} {seconds:.3f} s")
    return report


if __name__ == "__main__":
    main()

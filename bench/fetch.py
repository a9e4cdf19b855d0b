"""`forumlens fetch igf` against a synthetic IGF site on loopback, rate limit off.

Serves N synthetic transcript pages (tests/fetch_support.py: the site's page shapes,
listing pages with a Drupal pager, ETag/Last-Modified on every page) from a real HTTP
server on 127.0.0.1 and measures:

- fetch only: listing walk + every page downloaded and cleaned (no store), pages/s;
- a full first run: walk, download, clean, ingest into a fresh SQLite store, pages/s;
- a second run over the same cache and store: downloads (goal 0: every page is a 304
  or fresh in the cache), bodies the server sent, sessions added (goal 0), pages/s.

Usage: python bench/fetch.py [--pages 200] [--per-page 20] [--analysis] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from forumlens.fetch import igf_site
from forumlens.fetch.cache import HttpCache
from forumlens.fetch.http import Fetcher, FetchPolicy
from forumlens.fetch.run import fetch_igf, page_text, walk_listing
from forumlens.ingest import IngestOptions
from forumlens.store import open_store
from tests.fetch_support import SyntheticIGF

POLICY = FetchPolicy(timeout=30.0, retries=0, delay=0.0)


def fetch_only(site: SyntheticIGF, cache_dir: Path) -> dict[str, float]:
    started = time.perf_counter()
    with Fetcher(POLICY, HttpCache(cache_dir)) as fetcher:
        links = walk_listing(fetcher, site.listing, "transcripts")
        for url in links:
            igf_site.clean_page(page_text(fetcher.get(url)))
    seconds = time.perf_counter() - started
    return {"pages": len(links), "seconds": round(seconds, 3), "pages_per_s": round(len(links) / seconds, 1)}


def full_run(site: SyntheticIGF, store_path: Path, cache_dir: Path, analyse: bool) -> dict[str, float]:
    store = open_store(str(store_path))
    bodies_before = site.downloads
    sessions_before = store.counts()["sessions"]
    started = time.perf_counter()
    try:
        with Fetcher(POLICY, HttpCache(cache_dir)) as fetcher:
            report = fetch_igf(store, fetcher, site.listing, options=IngestOptions(analyse=analyse))
            stats = fetcher.stats
        seconds = time.perf_counter() - started
        added = store.counts()["sessions"] - sessions_before
    finally:
        store.close()
    pages = len(report.outcomes)
    return {
        "pages": pages,
        "seconds": round(seconds, 3),
        "pages_per_s": round(pages / seconds, 1),
        "requests": stats.requests,
        "downloads": stats.downloads,
        "not_modified": stats.not_modified,
        "cache_hits": stats.cache_hits,
        "server_bodies_sent": site.downloads - bodies_before,
        "sessions_added": added,
        "failed": sum(o.status == "failed" for o in report.outcomes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--analysis", action="store_true", help="analyse each session (default: turns only)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as tmp,
        SyntheticIGF(transcripts=args.pages, per_page=args.per_page, troubles=False) as site,
    ):
        work = Path(tmp)
        results = {
            "pages": args.pages,
            "analysis": args.analysis,
            "fetch_only": fetch_only(site, work / "cache-fetch-only"),
            "first_run": full_run(site, work / "store.sqlite3", work / "cache", args.analysis),
            "second_run": full_run(site, work / "store.sqlite3", work / "cache", args.analysis),
        }
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(f"synthetic IGF site on loopback: {args.pages} transcript pages, {args.per_page} per listing page")
    print(f"  fetch + clean only:   {results['fetch_only']['pages_per_s']:>7} pages/s")
    for name in ("first_run", "second_run"):
        r = results[name]
        print(
            f"  {name.replace('_', ' ')}:  {r['pages_per_s']:>7} pages/s  downloads {r['downloads']}"
            f"  (server sent {r['server_bodies_sent']} bodies, {r['not_modified']} not modified,"
            f" {r['cache_hits']} from cache)  sessions added {r['sessions_added']}  failed {r['failed']}"
        )


if __name__ == "__main__":
    main()

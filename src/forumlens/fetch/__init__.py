"""Transcripts from the web: a polite, cached HTTP client and the IGF site's page shapes.

http.py      `Fetcher`: robots.txt, per-host rate limit, retries, size and time limits
cache.py     the on-disk HTTP cache (conditional requests; a second run downloads nothing new)
polite.py    robots.txt rules and the rate limiter
igf_site.py  everything specific to intgovforum.org, as pure functions over HTML
run.py       `ingest_url` (one page) and `fetch_igf` (a year's listing) into the store

The names are imported on first use (PEP 562): `ingest` asks only `is_url` of a path,
and `forumlens fetch --help` only the site's listing kinds; neither should import
httpx, the readers and the ingest pipeline with it (issue 19).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports  # the one PEP 562 loader (forumlens/__init__.py)

# public name → submodule that defines it
_PUBLIC = {
    "FetchError": ".http",
    "FetchPolicy": ".http",
    "FetchReport": ".run",
    "Fetcher": ".http",
    "HttpCache": ".cache",
    "Page": ".http",
    "default_cache_dir": ".cache",
    "fetch_igf": ".run",
    "ingest_url": ".run",
    "is_url": ".http",
}

__all__ = [
    "FetchError",
    "FetchPolicy",
    "FetchReport",
    "Fetcher",
    "HttpCache",
    "Page",
    "default_cache_dir",
    "fetch_igf",
    "ingest_url",
    "is_url",
]

if TYPE_CHECKING:
    from .cache import HttpCache, default_cache_dir
    from .http import Fetcher, FetchError, FetchPolicy, Page, is_url
    from .run import FetchReport, fetch_igf, ingest_url


__getattr__, __dir__ = _lazy_exports(__name__, _PUBLIC, globals())

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

import importlib
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])

"""Transcripts from the web: a polite, cached HTTP client and the IGF site's page shapes.

http.py      `Fetcher`: robots.txt, per-host rate limit, retries, size and time limits
cache.py     the on-disk HTTP cache (conditional requests; a second run downloads nothing new)
polite.py    robots.txt rules and the rate limiter
igf_site.py  everything specific to intgovforum.org, as pure functions over HTML
run.py       `ingest_url` (one page) and `fetch_igf` (a year's listing) into the store
"""

from .cache import HttpCache, default_cache_dir
from .http import Fetcher, FetchError, FetchPolicy, Page, is_url
from .run import FetchReport, fetch_igf, ingest_url

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

"""An on-disk HTTP cache, so a second run of a fetch downloads nothing it already has.

One entry per URL: `KEY.body` (the bytes) and `KEY.json` (status, validators, freshness,
the body's hash), KEY being the SHA-256 of the URL. The body is written before the
metadata and each by an atomic rename; the metadata names the body's hash, so an entry
cut in half by a crash reads as a miss, never as a wrong page.

What is kept: 200 responses (with their ETag/Last-Modified for conditional requests and
the freshness that Cache-Control/Expires give) and permanent redirects (301, 308), whose
target is reused without asking again. `no-store` responses are not kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import platformdirs

__all__ = ["CacheEntry", "HttpCache", "default_cache_dir", "freshness_lifetime"]

_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*\"?(\d+)", re.IGNORECASE)


def default_cache_dir() -> Path:
    """Where fetched pages are kept unless `--cache DIR` says otherwise: the user cache dir."""
    return Path(platformdirs.user_cache_dir("forumlens")) / "http"


def freshness_lifetime(headers: dict[str, str], now: float) -> float | None:
    """Seconds a response may be reused without asking the server (None: always revalidate).

    `Cache-Control: no-cache` forces revalidation; `max-age` wins over `Expires` (RFC 9111).
    Without either there is no heuristic freshness: the next run asks again, conditionally.
    """
    control = headers.get("cache-control", "").lower()
    if "no-cache" in control or "no-store" in control:
        return None
    match = _MAX_AGE.search(control)
    if match:
        return float(match.group(1))
    expires = headers.get("expires")
    if expires:
        try:
            return max(0.0, parsedate_to_datetime(expires).timestamp() - now)
        except (TypeError, ValueError, IndexError):
            return 0.0  # an unparsable Expires means "already expired"
    return None


@dataclass(frozen=True)
class CacheEntry:
    """What the cache knows about one URL."""

    url: str
    status: int
    stored_at: float
    body_sha256: str = ""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    lifetime: float | None = None
    location: str | None = None

    def fresh(self, now: float) -> bool:
        """Reusable without a request: permanent redirects always, pages within their lifetime."""
        if self.location is not None:
            return True
        return self.lifetime is not None and now - self.stored_at < self.lifetime

    def validators(self) -> dict[str, str]:
        """Headers that make the next request conditional (answered by 304 if unchanged)."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class HttpCache:
    """Cache entries in one folder (created on first write)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.root / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def load(self, url: str) -> tuple[CacheEntry, bytes] | None:
        """The entry and body for `url`, or None if absent, unreadable or half-written."""
        meta_path, body_path = self._paths(url)
        try:
            raw: dict[str, Any] = json.loads(meta_path.read_text("utf-8"))
            entry = CacheEntry(**raw)
            body = body_path.read_bytes() if entry.location is None else b""
        except (OSError, ValueError, TypeError):
            return None
        if entry.url != url or (entry.location is None and hashlib.sha256(body).hexdigest() != entry.body_sha256):
            return None
        return entry, body

    def store_page(self, url: str, body: bytes, headers: dict[str, str], now: float) -> CacheEntry | None:
        """Keep a 200 response (unless `no-store`); returns the entry written."""
        if "no-store" in headers.get("cache-control", "").lower():
            return None
        entry = CacheEntry(
            url=url,
            status=200,
            stored_at=now,
            body_sha256=hashlib.sha256(body).hexdigest(),
            content_type=headers.get("content-type", ""),
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            lifetime=freshness_lifetime(headers, now),
        )
        meta_path, body_path = self._paths(url)
        _atomic_write(body_path, body)
        _atomic_write(meta_path, json.dumps(asdict(entry)).encode("utf-8"))
        return entry

    def store_redirect(self, url: str, status: int, location: str, now: float) -> None:
        meta_path, _ = self._paths(url)
        entry = CacheEntry(url=url, status=status, stored_at=now, location=location)
        _atomic_write(meta_path, json.dumps(asdict(entry)).encode("utf-8"))

    def refresh(self, entry: CacheEntry, headers: dict[str, str], now: float) -> CacheEntry:
        """After a 304: the same body, the new validators and freshness (RFC 9111 §4.3.4)."""
        updated = CacheEntry(
            url=entry.url,
            status=entry.status,
            stored_at=now,
            body_sha256=entry.body_sha256,
            content_type=entry.content_type,
            etag=headers.get("etag", entry.etag),
            last_modified=headers.get("last-modified", entry.last_modified),
            lifetime=freshness_lifetime(headers, now),
        )
        meta_path, _ = self._paths(entry.url)
        _atomic_write(meta_path, json.dumps(asdict(updated)).encode("utf-8"))
        return updated


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise

"""The response cache's second tier: one file shared by the portal's worker processes.

With `forumlens serve --workers N`, each worker has its own in-memory cache, so every
page would be rendered N times before all workers can replay it. This tier lets a
page rendered by one worker be replayed by the others: entries are keyed by a hash
of (path, query, the store version's shared part), which is the same in every process
and changes with any commit (`store.data_version().shared`). The file
(`store/response_cache.py`) lives in a temporary folder the `serve` command creates and
removes; it is a cache only, so any error reading or writing it counts as a miss and
never fails a request.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..store.response_cache import CachedResponse, ResponseFile

__all__ = ["SHARED_DIR_ENV", "SharedTier"]

SHARED_DIR_ENV = "FORUMLENS_PORTAL_SHARED_CACHE"

Headers = tuple[tuple[bytes, bytes], ...]


def _pack(headers: Headers) -> bytes:
    return b"\x01".join(n + b"\x00" + v for n, v in headers)


def _unpack(packed: bytes) -> Headers:
    return tuple((name, value) for name, _, value in (h.partition(b"\x00") for h in packed.split(b"\x01") if h))


class SharedTier:
    """Entries (headers, body, compressed, etag, expiry) in a file every worker reads and writes."""

    def __init__(self, folder: str | Path, max_bytes: int) -> None:
        self.file = ResponseFile(Path(folder) / "responses.sqlite3", max_bytes)

    @staticmethod
    def key(path: str, query: bytes, state: Any) -> bytes:
        return hashlib.blake2b(repr((path, query, state)).encode(), digest_size=16).digest()

    def get(self, key: bytes) -> tuple[Headers, bytes, bool, bytes, float | None] | None:
        """(headers, body, compressed, etag, expires as wall-clock time), or None (missing, expired, unreadable)."""
        try:
            entry = self.file.get(key)
        except StoreError:
            return None
        if entry is None or (entry.expires is not None and entry.expires < time.time()):
            return None
        return _unpack(entry.headers), entry.body, entry.compressed, entry.etag, entry.expires

    def put(
        self, key: bytes, headers: Headers, body: bytes, compressed: bool, etag: bytes, expires: float | None
    ) -> None:
        try:
            self.file.put(key, CachedResponse(_pack(headers), body, compressed, etag, expires))
        except StoreError:
            return

    def stored_bytes(self) -> int:
        """Bytes kept in the file (0 when it cannot be read)."""
        try:
            return self.file.stored_bytes()
        except StoreError:
            return 0

"""The file behind the portal's shared response cache: entries in one SQLite file, oldest out first.

Not the forumlens store: a cache file the portal's worker processes share (see
`web/cache_shared.py`, which decides what goes in and when an entry is still good).
One connection per thread; driver errors come out as `StoreError`, which the web layer
treats as a miss.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError

__all__ = ["CachedResponse", "ResponseFile"]

_EVICT_EVERY = 64  # writes between checks of the file's total size


@dataclass(frozen=True)
class CachedResponse:
    """One stored response: its kept headers packed as bytes, the body, and when it expires (wall clock)."""

    headers: bytes
    body: bytes
    compressed: bool
    etag: bytes
    expires: float | None = None


class ResponseFile:
    """Entries keyed by bytes, within a byte budget; the oldest written go first."""

    def __init__(self, path: str | Path, max_bytes: int) -> None:
        self.path = str(path)
        self.max_bytes = int(max_bytes)
        self._local = threading.local()
        self._writes = 0

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=0.5, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = OFF")  # a cache: losing it in a crash costs a re-render
            conn.execute(
                "CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, headers BLOB, body BLOB,"
                " compressed INTEGER, etag BLOB, expires REAL, size INTEGER)"
            )
            self._local.conn = conn
        return conn

    def get(self, key: bytes) -> CachedResponse | None:
        """The entry stored under `key`, expired or not; None when there is none."""
        try:
            row = (
                self._conn()
                .execute("SELECT headers, body, compressed, etag, expires FROM entries WHERE key = ?", (key,))
                .fetchone()
            )
        except sqlite3.Error as exc:
            raise StoreError(f"the shared response cache cannot be read ({exc})", source=self.path) from exc
        if row is None:
            return None
        return CachedResponse(bytes(row[0]), bytes(row[1]), bool(row[2]), bytes(row[3]), row[4])

    def put(self, key: bytes, entry: CachedResponse) -> None:
        """Store (or replace) an entry; every few writes, drop the oldest down to the budget."""
        try:
            conn = self._conn()
            conn.execute(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    entry.headers,
                    entry.body,
                    int(entry.compressed),
                    entry.etag,
                    entry.expires,
                    len(entry.body) + len(entry.headers),
                ),
            )
            self._writes += 1
            if self._writes % _EVICT_EVERY == 0:
                self._evict(conn)
        except sqlite3.Error as exc:
            raise StoreError(f"the shared response cache cannot be written ({exc})", source=self.path) from exc

    def stored_bytes(self) -> int:
        """Bytes of all entries (bodies and headers), as the budget counts them."""
        try:
            return int(self._conn().execute("SELECT coalesce(sum(size), 0) FROM entries").fetchone()[0])
        except sqlite3.Error as exc:
            raise StoreError(f"the shared response cache cannot be read ({exc})", source=self.path) from exc

    def _evict(self, conn: sqlite3.Connection) -> None:
        total = int(conn.execute("SELECT coalesce(sum(size), 0) FROM entries").fetchone()[0])
        if total <= self.max_bytes:
            return
        conn.execute("DELETE FROM entries WHERE expires IS NOT NULL AND expires < ?", (time.time(),))
        while total > self.max_bytes:  # rowid order is insertion order: the oldest go first
            rows = conn.execute("SELECT rowid, size FROM entries ORDER BY rowid LIMIT 64").fetchall()
            if not rows:
                break
            conn.execute(f"DELETE FROM entries WHERE rowid IN ({', '.join('?' * len(rows))})", [r[0] for r in rows])
            total -= sum(int(r[1]) for r in rows)

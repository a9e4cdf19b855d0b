"""The response cache's second tier: one SQLite file shared by the portal's worker processes.

With `forumlens serve --workers N`, each worker has its own in-memory cache, so every
page would be rendered N times before all workers can replay it. This tier lets a
page rendered by one worker be replayed by the others: entries are keyed by a hash
of (path, query, store file state), where the file state (`store_file_state`) is
the same in every process and changes with any commit. The file lives in a
temporary folder the `serve` command creates and removes; it is a cache only, so
any error reading or writing it counts as a miss and never fails a request.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

__all__ = ["SHARED_DIR_ENV", "SharedTier", "store_file_state"]

SHARED_DIR_ENV = "FORUMLENS_PORTAL_SHARED_CACHE"
_EVICT_EVERY = 64  # writes between checks of the tier's total size


def store_file_state(location: str) -> tuple[int, ...] | None:
    """(size, mtime) of a SQLite store and of its write-ahead log: the same in every process.

    Every commit writes to the WAL (or, without WAL, to the main file), which moves its
    modification time and usually its size; a checkpoint moves the main file's. So the
    tuple changes with every change of the data (and, harmlessly, at a checkpoint).
    """
    try:
        main = os.stat(location)
    except OSError:
        return None
    try:
        wal = os.stat(location + "-wal")
        wal_state: tuple[int, int] = (wal.st_size, wal.st_mtime_ns)
    except OSError:
        wal_state = (-1, -1)
    return (main.st_size, main.st_mtime_ns, *wal_state)


class SharedTier:
    """Entries (headers, body, compressed, etag, expiry) in a SQLite file, oldest out first."""

    def __init__(self, folder: str | Path, max_bytes: int) -> None:
        self.path = str(Path(folder) / "responses.sqlite3")
        self.max_bytes = int(max_bytes)
        self._local = threading.local()
        self._writes = 0

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=0.5, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = OFF")  # a cache: losing it in a crash costs a re-render
            conn.execute("CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, headers BLOB, body BLOB,"
                         " compressed INTEGER, etag BLOB, expires REAL, size INTEGER)")
            self._local.conn = conn
        return conn

    @staticmethod
    def key(path: str, query: bytes, state: Any) -> bytes:
        return hashlib.blake2b(repr((path, query, state)).encode(), digest_size=16).digest()

    def get(self, key: bytes) -> tuple[tuple[tuple[bytes, bytes], ...], bytes, bool, bytes, float | None] | None:
        """(headers, body, compressed, etag, expires as wall-clock time) or None."""
        try:
            row = self._conn().execute("SELECT headers, body, compressed, etag, expires FROM entries WHERE key = ?",
                                       (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None or (row[4] is not None and row[4] < time.time()):
            return None
        headers = tuple(tuple(h.split(b"\x00", 1)) for h in bytes(row[0]).split(b"\x01") if h)
        return headers, bytes(row[1]), bool(row[2]), bytes(row[3]), row[4]  # type: ignore[return-value]

    def put(self, key: bytes, headers: tuple[tuple[bytes, bytes], ...], body: bytes, compressed: bool, etag: bytes,
            expires: float | None) -> None:
        packed = b"\x01".join(n + b"\x00" + v for n, v in headers)
        try:
            conn = self._conn()
            conn.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (key, packed, body, int(compressed), etag, expires, len(body) + len(packed)))
            self._writes += 1
            if self._writes % _EVICT_EVERY == 0:
                self._evict(conn)
        except sqlite3.Error:
            return

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

"""Whole-response cache for the public read routes, keyed by the store's data version.

Every public page and read endpoint is a pure function of its URL and the stored data:
nothing depends on cookies, users or time. So a rendered response can be replayed
until the store changes. This middleware keeps the bodies (gzip-compressed, within a
byte budget, least recently used out first) keyed by (path, query, store version)
and answers a repeat request on the event loop: no thread hop, no routing, and one
cheap question to the store (`store.data_version()`: on SQLite `PRAGMA data_version`
and the file's state, on PostgreSQL the current transaction snapshot). Any ingest,
embed or reanalysis moves the version, and every old entry stops matching.

Rules that keep it safe:
- only GET/HEAD on an allow-list of public read routes; no request with credentials
  (`Authorization`, admin or subscriber tokens) is served from or stored in the cache;
- only 200 responses are stored; a handler can opt a response out with the
  `X-Forumlens-Cache: no-store` header, or keep it for a short while only with
  `X-Forumlens-Cache: max-age=N` (the session page does while its related items are
  still pending, so they appear once computed);
- the version is cheap and exact; its shared part (the same in every worker process)
  keys the shared tier; when a store cannot say, the request bypasses the cache.

Clients that accept gzip get the stored bytes as they are (`Content-Encoding: gzip`),
the others a decompressed copy; an `ETag` lets browsers revalidate with 304.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store import open_store
from ..store.portal import DataVersion
from .cache_shared import SharedTier

__all__ = ["CACHEABLE_PREFIXES", "NO_STORE_HEADER", "ResponseCache", "clear_all", "store_version"]

NO_STORE_HEADER = "x-forumlens-cache"
CACHEABLE_EXACT = frozenset(
    {"/", "/api", "/sessions", "/people", "/coalitions", "/topics", "/search", "/glossary", "/graph"}
)
CACHEABLE_PREFIXES = (
    "/sessions/",
    "/people/",
    "/coalitions/",
    "/topics/",
    "/api/sessions",
    "/api/search",
    "/api/people",
    "/api/coalitions",
    "/api/tags",
    "/api/glossary",
    "/api/graph",
)
CREDENTIAL_HEADERS = frozenset({b"authorization", b"x-admin-token", b"x-forumlens-token", b"cookie"})
KEPT_HEADERS = frozenset({b"content-type", b"link"})
MIN_GZIP_BYTES = 1024
GZIP_LEVEL = 1  # a transcript page shrinks about 4x even so, in a few milliseconds
_instances: weakref.WeakSet[ResponseCache] = weakref.WeakSet()


@dataclass(frozen=True)
class _Entry:
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes  # gzip-compressed when `compressed`
    compressed: bool
    etag: bytes
    expires: float | None = None  # monotonic deadline of a short-lived entry

    @property
    def size(self) -> int:
        return len(self.body) + 200


def cacheable_path(path: str) -> bool:
    return path in CACHEABLE_EXACT or path.startswith(CACHEABLE_PREFIXES)


def _accepts_gzip(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"accept-encoding":
            return b"gzip" in value.lower()
    return False


def _has_credentials(scope: Scope) -> bool:
    return any(name in CREDENTIAL_HEADERS for name, _ in scope.get("headers", ()))


def _header(scope: Scope, wanted: bytes) -> bytes | None:
    for name, value in scope.get("headers", ()):
        if name == wanted:
            return value
    return None


def _if_none_match(scope: Scope) -> bytes | None:
    return _header(scope, b"if-none-match")


def _directive(value: bytes, storable: bool) -> tuple[bool, float | None]:
    """(storable, max age) from a handler's `X-Forumlens-Cache` header: no-store or max-age=N."""
    text = value.decode("latin-1").strip().lower()
    if text.startswith("max-age="):
        try:
            return storable, max(0.0, float(text[8:]))
        except ValueError:
            return False, None
    return False, None


def _etag(body: bytes) -> bytes:
    return b'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


class ResponseCache:
    """ASGI middleware: replay stored 200 responses of public read routes until the data changes.

    `version` returns the current store version (any hashable) or None when this
    store has no cheap one; it runs on the event loop, so it must be quick.
    """

    def __init__(
        self, app: ASGIApp, version: Callable[[], Any], max_bytes: int = 64 * 2**20, shared: SharedTier | None = None
    ) -> None:
        self.app = app
        self.version = version
        self.max_bytes = max(0, int(max_bytes))
        self.shared = shared  # the tier other worker processes see (None: this process only)
        self._entries: OrderedDict[tuple[Any, ...], _Entry] = OrderedDict()
        self._bytes = 0
        self._guard = threading.Lock()
        self.hits = self.misses = self.shared_hits = 0
        self._executor: ThreadPoolExecutor | None = None  # compresses and stores, one at a time
        _instances.add(self)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or not self.max_bytes
            or not cacheable_path(scope["path"])
            or _has_credentials(scope)
        ):
            await self.app(scope, receive, send)
            return
        version = self.version()
        if version is None:
            await self.app(scope, receive, send)
            return
        # pages link with absolute URLs built from the request: the origin is part of the key
        origin = (scope.get("scheme", "http"), _header(scope, b"host") or b"")
        key = (origin, scope["path"], scope.get("query_string", b""), version)
        with self._guard:
            entry = self._entries.get(key)
            if entry is not None and entry.expires is not None and entry.expires < time.monotonic():
                self._bytes -= self._entries.pop(key).size
                entry = None
            if entry is not None:
                self._entries.move_to_end(key)
                self.hits += 1
        if entry is None and self.shared is not None:
            entry = self._from_shared(key)
        if entry is not None:
            await self._replay(entry, scope, send)
            return
        with self._guard:
            self.misses += 1
        await self._record(key, scope, receive, send)

    def _shared_key(self, key: tuple[Any, ...]) -> bytes:
        origin, path, query, version = key
        # the part of the version every worker process sees alike (a store's own connection counters are not)
        state = version.shared if isinstance(version, DataVersion) else version
        return SharedTier.key(path, query, (origin, state))

    def _from_shared(self, key: tuple[Any, ...]) -> _Entry | None:
        assert self.shared is not None
        found = self.shared.get(self._shared_key(key))
        if found is None:
            return None
        headers, body, compressed, etag, expires = found
        entry = _Entry(
            headers, body, compressed, etag, None if expires is None else time.monotonic() + (expires - time.time())
        )
        self._keep(key, entry)
        with self._guard:
            self.shared_hits += 1
        return entry

    async def _replay(self, entry: _Entry, scope: Scope, send: Send) -> None:
        headers = [*entry.headers, (b"etag", entry.etag), (b"vary", b"Accept-Encoding")]
        if _if_none_match(scope) == entry.etag:
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        body = entry.body
        if entry.compressed and _accepts_gzip(scope):
            headers.append((b"content-encoding", b"gzip"))
        elif entry.compressed:
            body = gzip.decompress(body)
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    async def _record(self, key: tuple[Any, ...], scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        storable = scope["method"] == "GET"
        max_age: float | None = None

        async def capture(message: Message) -> None:
            nonlocal start, storable, max_age
            if message["type"] == "http.response.start":
                start = message
                headers = message.get("headers", ())
                if message["status"] != 200 or any(n.lower() == b"content-encoding" for n, _ in headers):
                    storable = False
                directive = next((v for n, v in headers if n.lower() == NO_STORE_HEADER.encode()), None)
                if directive is not None:
                    storable, max_age = _directive(directive, storable)
                    message = {
                        **message,
                        "headers": [(n, v) for n, v in headers if n.lower() != NO_STORE_HEADER.encode()],
                    }
                if storable:  # held back until the body is known, so the first answer has its ETag too
                    start = message
                    return
            elif message["type"] == "http.response.body" and storable and start is not None:
                held, start = start, None
                if message.get("more_body", False):  # a stream: pass it on untouched, keep nothing
                    storable = False
                else:
                    body = message.get("body", b"")
                    etag = _etag(body)
                    held = {
                        **held,
                        "headers": [*held.get("headers", ()), (b"etag", etag), (b"vary", b"Accept-Encoding")],
                    }
                    await send(held)
                    await send(message)
                    # compress and keep it after the client has its answer, off the event loop
                    # (zlib and SQLite release the GIL, so hits keep flowing meanwhile)
                    await asyncio.get_running_loop().run_in_executor(
                        self._writer(), self._store, key, held, body, max_age, etag
                    )
                    return
                await send(held)
            await send(message)

        await self.app(scope, receive, capture)

    def _writer(self) -> ThreadPoolExecutor:
        with self._guard:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="forumlens-cache")
            return self._executor

    def _store(self, key: tuple[Any, ...], start: Message, body: bytes, max_age: float | None, etag: bytes) -> None:
        """Keep a response (within the budget), here and in the shared tier."""
        headers = tuple((n.lower(), v) for n, v in start.get("headers", ()) if n.lower() in KEPT_HEADERS)
        compressed = len(body) >= MIN_GZIP_BYTES
        stored = gzip.compress(body, GZIP_LEVEL, mtime=0) if compressed else body
        entry = _Entry(headers, stored, compressed, etag, None if max_age is None else time.monotonic() + max_age)
        if entry.size > self.max_bytes // 8:  # one huge page must not flush everything else
            return
        self._keep(key, entry)
        if self.shared is not None:
            self.shared.put(
                self._shared_key(key),
                headers,
                stored,
                compressed,
                etag,
                None if max_age is None else time.time() + max_age,
            )

    def _keep(self, key: tuple[Any, ...], entry: _Entry) -> None:
        with self._guard:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._entries[key] = entry
            self._bytes += entry.size
            while self._bytes > self.max_bytes and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= dropped.size

    def clear(self) -> None:
        with self._guard:
            self._entries.clear()
            self._bytes = 0

    def stats(self) -> dict[str, int]:
        with self._guard:
            return {
                "entries": len(self._entries),
                "bytes": self._bytes,
                "hits": self.hits,
                "shared_hits": self.shared_hits,
                "misses": self.misses,
            }


def clear_all() -> None:
    """Empty every response cache of this process (tests; after changing settings in place)."""
    for cache in list(_instances):
        cache.clear()


def store_version(location: str) -> Callable[[], DataVersion | None]:
    """The version function of `ResponseCache` for a store location: `store.data_version()`.

    It keeps a read-only store of its own, so SQLite's `PRAGMA data_version` in it moves
    exactly when another connection commits (this also notices a reanalysis that rewrites
    analyses in place, which counting rows would not); on PostgreSQL the snapshot moves
    with every write. None (no caching) whenever the store cannot answer, or cannot give
    a version the worker processes share (a SQLite store in memory).
    """
    state: dict[str, Any] = {"store": None}
    lock = threading.Lock()

    def version() -> DataVersion | None:
        with lock:
            try:
                if state["store"] is None:
                    state["store"] = open_store(location, readonly=True)
                current: DataVersion = state["store"].data_version()
            except Exception:  # a store that cannot say (or a lost connection): do not cache
                if state["store"] is not None:
                    with suppress(Exception):
                        state["store"].close()
                state["store"] = None
                return None
            return current if current.shared else None

    return version

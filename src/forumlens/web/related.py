"""Related items for the portal and the API: similar sessions and turns, coalitions, partners.

Thin, cached wrappers over `forumlens.semantic` (issue 10). The functions there work on
every install (session word profiles, tags, coalition mentions, the full-text index)
and add passage vectors when the `semantic` extra is installed and `forumlens embed`
has run. Results are cached per store location and store *signature* (sessions, turns,
tags, mentions and vectors counted): any ingest changes the signature and the cache
answers afresh. Every session's profile is loaded once per signature
(`session_profiles`), so one session's related items are a walk over in-memory
posting lists plus a few evidence lookups.

Cost controls (same answers, less work): one computation reads the store through a
`_MemoStore` view, so identical reads inside it run once; concurrent misses for the
same key wait for the one computation in flight instead of repeating it; the
signature is re-counted only when SQLite's `PRAGMA data_version` says another
connection committed since; and on a large store the session page never computes
them while other requests are waiting (`session_related_for_page`).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ..store.base import Store
from . import records
from .activity import requests_in_flight
from .cache_shared import store_file_state

__all__ = ["clear_cache", "coalition_partners", "session_related", "session_related_for_page", "store_signature"]

CACHE_SIZE = 4096  # related items of every session of a large archive, and the profiles
INLINE_MAX_SESSIONS = 100  # stores up to this size compute a session page's related items inline
PAGE_WAIT_SECONDS = 0.15  # above it, the page waits this long for a computation, then links instead
log = logging.getLogger("forumlens.web")
_background = threading.BoundedSemaphore(1)  # one background computation per process at a time
_cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_lock = threading.Lock()


_inflight: dict[tuple[Any, ...], threading.Event] = {}


def _data_version(store: Store) -> tuple[int, int, int] | None:
    """(connection, `PRAGMA data_version`, `total_changes`) of a SQLite store, else None.

    data_version moves when another connection commits; total_changes when this one
    writes. While both stand still, nothing the signature counts can have changed.
    """
    conn = getattr(store, "conn", None)
    if type(store).__name__ != "SQLiteStore" or conn is None:
        return None
    try:
        return id(conn), int(conn.execute("PRAGMA data_version").fetchone()[0]), int(conn.total_changes)
    except Exception:  # noqa: BLE001 - fall back to counting
        return None


def store_signature(store: Store) -> tuple[Any, ...]:
    """Cheap fingerprint of the stored data; changes with any ingest, embed or reanalysis.

    SQLite: the store file's state (which any commit moves, see `store_file_state`) and
    row counts; the counts are cached on the store object and reused while `PRAGMA
    data_version` (and the connection) is unchanged, so a read-only worker does not
    re-count the tables on every request. PostgreSQL: the current transaction snapshot.
    """
    if type(store).__name__ == "PostgresStore":  # the transaction snapshot moves with every write
        return ("pg", str(store.query("SELECT pg_current_snapshot()::text")[0][0]))
    version = _data_version(store)
    files = store_file_state(str(getattr(store, "location", "")))  # any commit moves it, even a rewrite in place
    cached = getattr(store, "_forumlens_signature", None)
    if version is not None and cached is not None and cached[0] == (version, files):
        return cached[1]  # type: ignore[no-any-return]
    signature = (files, *_count_signature(store))
    if version is not None:
        try:
            store._forumlens_signature = ((version, files), signature)  # type: ignore[attr-defined]
        except AttributeError:  # a store with __slots__: just recount next time
            pass
    return signature


def _count_signature(store: Store) -> tuple[Any, ...]:
    row = store.query("SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM turns),"
                      " (SELECT coalesce(max(id), 0) FROM turns), (SELECT count(*) FROM tags),"
                      " (SELECT count(*) FROM coalition_mentions), (SELECT count(*) FROM appearances)")[0]
    from ..semantic import vector_counts

    return (*row, tuple(sorted(vector_counts(store).items())))


def _location(store: Store) -> str:
    return str(getattr(store, "path", None) or getattr(store, "location", None) or id(store))


class _MemoStore:
    """A read view of a store for one computation: identical `query`/`search` calls run once.

    Everything else is the underlying store's. Only used inside one cache computation,
    on one thread, over a read-only connection, so the memo cannot go stale.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._memo: dict[tuple[Any, ...], Any] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def _once(self, key: tuple[Any, ...], run: Callable[[], Any]) -> Any:
        try:
            hash(key)
        except TypeError:
            return run()
        if key not in self._memo:
            self._memo[key] = run()
        return self._memo[key]

    def query(self, sql: str, params: Any = ()) -> Any:
        return list(self._once(("query", sql, tuple(params)), lambda: self._store.query(sql, params)))

    def search(self, query: Any, filters: Any = None, *args: Any, **kwargs: Any) -> Any:
        # the query and filter dataclasses hold dicts (unhashable): their repr is the key
        key = ("search", repr(query), repr(filters), repr(args), repr(sorted(kwargs.items())))
        return list(self._once(key, lambda: self._store.search(query, filters, *args, **kwargs)))


def _cached(store: Store, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    full = (_location(store), store_signature(store), *key)
    while True:
        with _lock:
            if full in _cache:
                _cache.move_to_end(full)
                return _cache[full]
            pending = _inflight.get(full)
            if pending is None:  # this thread computes; others asking for the same key wait
                pending = _inflight[full] = threading.Event()
                break
        pending.wait()
        with _lock:
            if full in _cache:
                _cache.move_to_end(full)
                return _cache[full]
        # the computation in flight failed: try it here (and raise its error if it fails again)
    try:
        value = compute()
        with _lock:
            _cache[full] = value
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
        return value
    finally:
        with _lock:
            _inflight.pop(full, None)
        pending.set()


def clear_cache() -> None:
    """Forget cached related items, search result pages and whole responses."""
    from .searching import clear_cache as clear_search_cache

    with _lock:
        _cache.clear()
    clear_search_cache()
    from .cache import clear_all

    clear_all()


def session_profiles(store: Store) -> Any:
    """Every session's word/tag/coalition profile (`semantic.profiles`), loaded once per store version."""
    from ..semantic.profiles import load_profiles

    return _cached(store, ("profiles",), lambda: load_profiles(store))


def session_related(store: Store, session_id: str, *, line: int | None = None, k: int = 5) -> dict[str, Any]:
    """{"session", "sessions", "coalitions"[, "line", "turns"]} as JSON-ready lists.

    `sessions`: similar sessions; `coalitions`: coalitions and initiatives working on
    what this session is about; with `line`, `turns`: turns elsewhere similar to the
    turn covering that line. Each item carries reasons and cited evidence.
    """
    from ..semantic import coalitions_working_on, similar_sessions, similar_turns

    sid = store.resolve_ref(session_id)

    def compute() -> dict[str, Any]:
        view: Any = _MemoStore(store)
        profiles = session_profiles(store)
        similar = similar_sessions(view, sid, max(k, 10), profiles=profiles)
        return {"session": sid, "sessions": [r.to_json() for r in similar[:k]],
                "coalitions": [r.to_json() for r in coalitions_working_on(view, sid, k, profiles=profiles,
                                                                          similar=similar)]}

    out = dict(_cached(store, ("session", sid, k), compute))
    if line is not None:
        out["line"] = line
        out["turns"] = _cached(store, ("turns", sid, line, k),
                               lambda: [h.to_json() for h in similar_turns(store, sid, line, k)])
    return out


def coalition_partners(store: Store, coalition_id: str, *, k: int = 5) -> dict[str, Any]:
    """{"coalition", "partners"}: coalitions and initiatives with overlapping topics that have
    not yet been in a session with this one, each with reasons and evidence."""
    from ..semantic import suggest_partners

    name = records.coalition_name(store, coalition_id)

    def compute() -> dict[str, Any]:
        return {"coalition": name, "partners": [r.to_json() for r in suggest_partners(store, name, k)]}

    return _cached(store, ("partners", name, k), compute)


def _peek(store: Store, key: tuple[Any, ...]) -> Any | None:
    full = (_location(store), store_signature(store), *key)
    with _lock:
        if full in _cache:
            _cache.move_to_end(full)
            return _cache[full]
    return None


def session_related_for_page(store: Store, session_id: str, open_reader: Callable[[], Store], *,
                             k: int = 5, wait: float = PAGE_WAIT_SECONDS) -> dict[str, Any]:
    """The session page's related items without letting a cache miss hold the page.

    On a small store (at most `INLINE_MAX_SESSIONS` sessions) this is `session_related`.
    On a larger one a miss costs tens of milliseconds of CPU (profiles of every session
    compared, evidence looked up), so: a cached answer is used; otherwise, when no other
    request is in flight, one background thread per process computes it (with its own
    read-only store from `open_reader`) and the page waits up to `wait` seconds for it.
    If it is not ready, or the worker is busy, the answer is
    `{"session": id, "pending": True}` and the page links to /sessions/{id}/related,
    which computes on demand; the next view of the session page shows the items inline.
    """
    sid = store.resolve_ref(session_id)  # type: ignore[attr-defined]
    if int(store.query("SELECT count(*) FROM sessions")[0][0] or 0) <= INLINE_MAX_SESSIONS:
        return session_related(store, sid, k=k)
    hit = _peek(store, ("session", sid, k))
    if hit is not None:
        return dict(hit)
    if requests_in_flight() > 1:  # others are waiting: their CPU comes first
        return {"session": sid, "pending": True}
    if not _background.acquire(blocking=False):  # one is running: the page does not queue more CPU work
        return {"session": sid, "pending": True}
    done = threading.Event()

    def job() -> None:
        try:
            session_related(open_reader(), sid, k=k)
        except Exception:
            log.exception("related items of %s", sid)
        finally:
            _background.release()
            done.set()

    _executor().submit(job)
    if done.wait(wait) and (hit := _peek(store, ("session", sid, k))) is not None:
        return dict(hit)
    return {"session": sid, "pending": True}


_pool: Any = None


def _executor() -> Any:
    """One long-lived background thread (so its thread-local read-only store is opened once)."""
    global _pool
    with _lock:
        if _pool is None:
            from concurrent.futures import ThreadPoolExecutor

            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="forumlens-related")
        return _pool

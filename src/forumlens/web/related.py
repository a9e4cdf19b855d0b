"""Related items for the portal and the API: similar sessions and turns, coalitions, partners.

Thin, cached wrappers over `forumlens.semantic`. The functions there work on every
install (session word profiles, tags, coalition mentions, the full-text index) and add
passage vectors when the `semantic` extra is installed and `forumlens embed` has run.
Results are cached per store location and store *signature* (`store_signature`, built
on `store.data_version()`): any ingest, embed or reanalysis changes it and the cache
answers afresh. Every session's profile is loaded once per signature
(`session_profiles`), so one session's related items are a walk over in-memory
posting lists plus a few evidence lookups.

Cost controls (same answers, less work): one computation reads the store through a
`_MemoStore` view, so identical reads inside it run once; concurrent misses for the
same key wait for the one computation in flight instead of repeating it; and on a
large store the session page never computes them while other requests are waiting
(`session_related_for_page`).
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ..store.base import Store
from ..store.portal import DataVersion
from . import views
from .activity import requests_in_flight

__all__ = [
    "clear_cache",
    "coalition_partners",
    "session_related",
    "session_related_for_page",
    "store_key",
    "store_signature",
]

CACHE_SIZE = 4096  # related items of every session of a large archive, and the profiles
INLINE_MAX_SESSIONS = 100  # stores up to this size compute a session page's related items inline
PAGE_WAIT_SECONDS = 0.15  # above it, the page waits this long for a computation, then links instead
log = logging.getLogger("forumlens.web")
_background = threading.BoundedSemaphore(1)  # one background computation per process at a time
_cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_lock = threading.Lock()


_inflight: dict[tuple[Any, ...], threading.Event] = {}
_seen: weakref.WeakKeyDictionary[Any, DataVersion] = weakref.WeakKeyDictionary()  # store object → version last seen
_epochs: dict[str, int] = {}  # store location → changes noticed by this process


def store_signature(store: Store) -> tuple[Any, ...]:
    """A fingerprint of the stored data that every thread of this process computes alike.

    `store.data_version()` moves with every commit, but its SQLite part is counted per
    connection, and each worker thread has its own. So each store object's version is
    compared with the one it gave last time: when it moved (or the object is new), this
    process's epoch for the location moves on. The signature is (the version's shared
    part, the epoch): every thread sees the same one, and no thread can miss a commit,
    since its own version moves with it.
    """
    version = store.data_version()
    with _lock:
        if _seen.get(store) != version:
            _seen[store] = version
            _epochs[store.location] = _epochs.get(store.location, 0) + 1
        return (version.shared, _epochs[store.location])


def store_key(store: Store) -> tuple[Any, ...]:
    """(location, signature): the prefix of every key of the caches that depend on the stored data."""
    return (store.location, store_signature(store))


class _MemoStore:
    """A read view of a store for one computation: a store method called again with the same arguments runs once.

    Only used inside one cache computation, on one thread, over a read-only store, which
    calls read methods only, so the memo cannot go stale. Lists and dicts are handed out
    as copies, so a caller that changes one does not change the memo.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._memo: dict[tuple[Any, ...], Any] = {}

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if name.startswith("_") or not callable(attr):
            return attr

        def once(*args: Any, **kwargs: Any) -> Any:
            key: tuple[Any, ...] = (name, args, tuple(sorted(kwargs.items())))
            try:
                hash(key)
            except TypeError:  # arguments holding lists or dicts (queries, filters): their repr is the key
                key = (name, repr(args), repr(sorted(kwargs.items())))
            if key not in self._memo:
                self._memo[key] = attr(*args, **kwargs)
            value = self._memo[key]
            return list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value

        return once


def _cached(store: Store, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    full = (*store_key(store), *key)
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
        return {
            "session": sid,
            "sessions": [r.to_json() for r in similar[:k]],
            "coalitions": [
                r.to_json() for r in coalitions_working_on(view, sid, k, profiles=profiles, similar=similar)
            ],
        }

    out = dict(_cached(store, ("session", sid, k), compute))
    if line is not None:
        out["line"] = line
        out["turns"] = _cached(
            store, ("turns", sid, line, k), lambda: [h.to_json() for h in similar_turns(store, sid, line, k)]
        )
    return out


def coalition_partners(store: Store, coalition_id: str, *, k: int = 5) -> dict[str, Any]:
    """{"coalition", "partners"}: coalitions and initiatives with overlapping topics that have
    not yet been in a session with this one, each with reasons and evidence."""
    from ..semantic import suggest_partners

    name = views.coalition_name(store, coalition_id)

    def compute() -> dict[str, Any]:
        return {"coalition": name, "partners": [r.to_json() for r in suggest_partners(store, name, k)]}

    return _cached(store, ("partners", name, k), compute)


def _peek(store: Store, key: tuple[Any, ...]) -> Any | None:
    full = (*store_key(store), *key)
    with _lock:
        if full in _cache:
            _cache.move_to_end(full)
            return _cache[full]
    return None


def session_related_for_page(
    store: Store, session_id: str, open_reader: Callable[[], Store], *, k: int = 5, wait: float = PAGE_WAIT_SECONDS
) -> dict[str, Any]:
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
    sid = store.resolve_ref(session_id)
    if store.session_count() <= INLINE_MAX_SESSIONS:
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

"""Related items for the portal and the API: similar sessions and turns, coalitions, partners.

Thin, cached wrappers over `forumlens.semantic` (issue 10). The functions there work on
every install (full-text index, tags, coalition mentions) and add passage vectors when
the `semantic` extra is installed and `forumlens embed` has run. They read much of the
store, so results are cached per store location and store *signature* (sessions, turns,
tags, mentions and vectors counted): any ingest changes the signature and the cache
answers afresh. The session page is the most visited page; this keeps it fast.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ..store.base import Store
from . import records

__all__ = ["clear_cache", "coalition_partners", "session_related", "store_signature"]

CACHE_SIZE = 512
_cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_lock = threading.Lock()


def store_signature(store: Store) -> tuple[Any, ...]:
    """Cheap fingerprint of what related items depend on; changes with any ingest or embed."""
    row = store.query("SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM turns),"
                      " (SELECT coalesce(max(id), 0) FROM turns), (SELECT count(*) FROM tags),"
                      " (SELECT count(*) FROM coalition_mentions), (SELECT count(*) FROM appearances)")[0]
    from ..semantic import vector_counts

    return (*row, tuple(sorted(vector_counts(store).items())))


def _location(store: Store) -> str:
    return str(getattr(store, "path", None) or getattr(store, "location", None) or id(store))


def _cached(store: Store, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    full = (_location(store), store_signature(store), *key)
    with _lock:
        if full in _cache:
            _cache.move_to_end(full)
            return _cache[full]
    value = compute()
    with _lock:
        _cache[full] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def session_related(store: Store, session_id: str, *, line: int | None = None, k: int = 5) -> dict[str, Any]:
    """{"session", "sessions", "coalitions"[, "line", "turns"]} as JSON-ready lists.

    `sessions`: similar sessions; `coalitions`: coalitions and initiatives working on
    what this session is about; with `line`, `turns`: turns elsewhere similar to the
    turn covering that line. Each item carries reasons and cited evidence.
    """
    from ..semantic import coalitions_working_on, similar_sessions, similar_turns

    sid = store.resolve_ref(session_id)

    def compute() -> dict[str, Any]:
        return {"session": sid, "sessions": [r.to_json() for r in similar_sessions(store, sid, k)],
                "coalitions": [r.to_json() for r in coalitions_working_on(store, sid, k)]}

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

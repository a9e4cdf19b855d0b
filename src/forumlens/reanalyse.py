"""Re-run the analysis stages over stored sessions, replacing their analyses atomically.

Two uses: `forumlens ingest --no-analysis` loads a large archive fast and analyses it
later, in parallel; and after an upgrade of the stages, old sessions catch up. Written
in portable SQL (`store.transaction()`), so it works on both back ends.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .ingest import known_people, watch_parent, worker_context
from .models import Session
from .pipeline import analyse_session, merge_people_with_store
from .store.base import Store
from .store.projections import PROJECTED_TABLES, project_analyses

__all__ = ["replace_analyses", "reanalyse", "unanalysed_sessions"]

_PER_SESSION = ("analyses", "appearances", "coalition_mentions", "tags")


def replace_analyses(store: Store, session_id: str, analyses: dict[str, Any]) -> None:
    """Swap a session's analyses and their projections in one transaction."""
    rows = project_analyses(session_id, analyses)
    with store.transaction() as execute:
        for table in _PER_SESSION:
            execute(f"DELETE FROM {table} WHERE session_id = ?", (session_id,))
        for kind, data in analyses.items():
            execute("INSERT INTO analyses (session_id, kind, data) VALUES (?, ?, ?)",
                    (session_id, kind, json.dumps(data, ensure_ascii=False)))
        for key, name in rows["people"]:
            execute("INSERT INTO people (key, name) SELECT ?, ? WHERE NOT EXISTS"
                    " (SELECT 1 FROM people WHERE key = ?)", (key, name, key))
        for key, label in rows["person_labels"]:
            execute("INSERT INTO person_labels (person_key, label) SELECT ?, ? WHERE NOT EXISTS"
                    " (SELECT 1 FROM person_labels WHERE person_key = ? AND label = ?)", (key, label, key, label))
        for table in ("appearances", "coalition_mentions", "tags"):
            columns = PROJECTED_TABLES[table]
            for row in rows[table]:
                execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", row)


def unanalysed_sessions(store: Store) -> list[str]:
    """Sessions stored without analyses (ingested with --no-analysis)."""
    return [r[0] for r in store.query(
        "SELECT s.id FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.session_id = s.id"
        " AND a.kind = 'people') ORDER BY s.id")]


def _analyse(session: Session, options: dict[str, Any]) -> dict[str, Any]:
    return analyse_session(session, {**options, "known_people": []})


def reanalyse(store: Store, session_ids: Iterable[str], *, options: dict[str, Any] | None = None,
              workers: int = 1, on_done: Callable[[str], None] | None = None) -> int:
    """Analyse the sessions again (in `workers` processes); returns how many were replaced."""
    options = dict(options or {})
    known = known_people(store)
    ids = list(session_ids)

    def finish(sid: str, analyses: dict[str, Any], keep: dict[str, Any]) -> None:
        analyses = {**analyses, **keep}
        analyses["people"] = merge_people_with_store(analyses.get("people") or [], known)
        replace_analyses(store, sid, analyses)
        known.extend(p["name"] for p in analyses["people"] if p.get("name") and p["name"] not in known)
        if on_done:
            on_done(sid)

    def kept(sid: str) -> dict[str, Any]:  # metadata stated at ingest survives re-analysis
        rows = store.query("SELECT data FROM analyses WHERE session_id = ? AND kind = 'document'", (sid,))
        return {"document": json.loads(rows[0][0])} if rows else {}

    if workers <= 1:
        for sid in ids:
            finish(sid, _analyse(store.load_session(sid), options), kept(sid))
        return len(ids)
    with ProcessPoolExecutor(max_workers=workers, mp_context=worker_context(), initializer=watch_parent,
                             initargs=(os.getpid(),)) as pool:
        sessions = ((sid, store.load_session(sid)) for sid in ids)
        futures = [(sid, pool.submit(_analyse, session, options)) for sid, session in sessions]
        for sid, future in futures:
            finish(sid, future.result(), kept(sid))
    return len(ids)

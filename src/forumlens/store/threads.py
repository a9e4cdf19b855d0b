"""What the threads stage reads and keeps: each session's thread items, with its place in time.

Threads are computed from stored analyses (`forumlens.threads`): the costly part, the
items of one session, is kept as that session's `thread_items` analysis (so no schema
change is needed, a re-ingest or `analyse` replaces it with the session's other
analyses, and it is copied and backed up with them); linking the items of the whole
store into threads is cheap and done when threads are asked for.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from .common import SQLBase

__all__ = ["THREAD_ITEMS", "ThreadQueries", "ThreadSource", "ThreadStore"]

# the analysis that holds one session's thread items (forumlens.threads.models.SessionItems)
THREAD_ITEMS = "thread_items"


@dataclass(frozen=True)
class ThreadSource:
    """One stored session as the threads stage sees it: when it was, and its items (None: not extracted yet)."""

    session: str
    title: str
    year: int | None
    date: str | None  # the document's stated or detected date ("2023-11"), when known
    ingested_at: str
    items: Mapping[str, Any] | None


def _json(raw: Any) -> Any:
    try:
        return json.loads(raw) if raw else None
    except (TypeError, ValueError):
        return None


class ThreadStore(Protocol):
    """Thread items of every session (store/threads.py)."""

    def thread_sources(self) -> list[ThreadSource]:
        """Every stored session with its thread items (None when not extracted yet), oldest first."""
        ...

    def save_thread_items(self, session_id: str, items: Mapping[str, Any]) -> None:
        """Store (or replace) one session's thread items."""
        ...

    def sessions_without_thread_items(self) -> list[str]:
        """Analysed sessions whose thread items are not extracted yet (stored before threads existed)."""
        ...


class ThreadQueries(SQLBase):
    """Implementation over the shared primitives."""

    def thread_sources(self) -> list[ThreadSource]:
        rows = self._rows(
            "SELECT s.id, s.title, s.year, d.meta, d.ingested_at, a.data FROM sessions s"
            " JOIN documents d ON d.id = s.id"
            " LEFT JOIN analyses a ON a.session_id = s.id AND a.kind = ?"
            " ORDER BY s.year, d.ingested_at, s.id",
            (THREAD_ITEMS,),
        )
        out = []
        for sid, title, year, meta, ingested_at, data in rows:
            stated = _json(meta)
            date = stated.get("date") if isinstance(stated, dict) else None
            items = _json(data)
            out.append(
                ThreadSource(
                    str(sid),
                    str(title or ""),
                    year,
                    str(date) if date else None,
                    str(ingested_at),
                    items if isinstance(items, dict) else None,
                )
            )
        return out

    def save_thread_items(self, session_id: str, items: Mapping[str, Any]) -> None:
        with self._write() as tx:
            tx(
                "INSERT INTO analyses (session_id, kind, data) VALUES (?, ?, ?)"
                " ON CONFLICT (session_id, kind) DO UPDATE SET data = excluded.data",
                (session_id, THREAD_ITEMS, json.dumps(dict(items), ensure_ascii=False)),
            )

    def sessions_without_thread_items(self) -> list[str]:
        return [
            str(r[0])
            for r in self._rows(
                "SELECT s.id FROM sessions s WHERE EXISTS (SELECT 1 FROM analyses a WHERE a.session_id = s.id"
                " AND a.kind = 'people') AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.session_id = s.id"
                " AND a.kind = ?) ORDER BY s.id",
                (THREAD_ITEMS,),
            )
        ]

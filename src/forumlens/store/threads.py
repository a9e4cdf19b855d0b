"""What the threads stage reads and keeps: each session's thread items, with its place in time.

Threads are computed from stored analyses (`forumlens.threads`): the costly part, the
items of one session, is kept as that session's `thread_items` analysis (so no schema
change is needed, a re-ingest or `analyse` replaces it with the session's other
analyses, and it is copied and backed up with them).

Linking the items of the whole store into threads is kept too, so a page or a command
does not link again what nothing changed: which thread each of a session's items opened
or joined is its `thread_links` analysis, and why (rule, scores, candidates) its
`thread_reasons` analysis, read only when a decision is explained. Both are stamped with
a digest of everything linking read (`threads.service.link_stamp`), kept as a whole
(`save_thread_links` replaces every row in one transaction) and trusted only when every
row carries the stamp of the store as it is now.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from .common import SQLBase

__all__ = [
    "THREAD_ITEMS",
    "THREAD_LINKS",
    "THREAD_REASONS",
    "ThreadQueries",
    "ThreadSource",
    "ThreadStore",
    "items_digest",
]

# the analysis that holds one session's thread items (forumlens.threads.models.SessionItems)
THREAD_ITEMS = "thread_items"
# the analyses that hold where each of one session's items went, and why (forumlens.threads.service)
THREAD_LINKS = "thread_links"
THREAD_REASONS = "thread_reasons"


@dataclass(frozen=True)
class ThreadSource:
    """One stored session as the threads stage sees it: when it was, and its items (None: not extracted yet)."""

    session: str
    title: str
    year: int | None
    date: str | None  # the document's stated or detected date ("2023-11"), when known
    ingested_at: str
    items: Mapping[str, Any] | None
    digest: str = ""  # SHA-1 of the stored items as stored ("" when not extracted yet)


def _encode(items: Mapping[str, Any]) -> str:
    return json.dumps(dict(items), ensure_ascii=False)


def items_digest(items: Mapping[str, Any]) -> str:
    """The digest `thread_sources` gives a session's items once they are stored as they are now."""
    return _digest(_encode(items))


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


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

    def thread_links(self) -> dict[str, Any]:
        """Every session's kept links: where its items went (session id → the stored document)."""
        ...

    def thread_reasons(self) -> dict[str, str]:
        """Every session's kept reasons, as stored (JSON text: parsed only when a decision is explained)."""
        ...

    def save_thread_links(
        self, links: Mapping[str, Mapping[str, Any]], reasons: Mapping[str, Mapping[str, Any]]
    ) -> None:
        """Replace every session's kept links and reasons by these, in one transaction."""
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
            digest = _digest(data) if isinstance(data, str) and data else ""
            out.append(
                ThreadSource(
                    str(sid),
                    str(title or ""),
                    year,
                    str(date) if date else None,
                    str(ingested_at),
                    items if isinstance(items, dict) else None,
                    digest if isinstance(items, dict) else "",
                )
            )
        return out

    def save_thread_items(self, session_id: str, items: Mapping[str, Any]) -> None:
        with self._write() as tx:
            tx(
                "INSERT INTO analyses (session_id, kind, data) VALUES (?, ?, ?)"
                " ON CONFLICT (session_id, kind) DO UPDATE SET data = excluded.data",
                (session_id, THREAD_ITEMS, _encode(items)),
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

    def thread_links(self) -> dict[str, Any]:
        rows = self._rows("SELECT session_id, data FROM analyses WHERE kind = ?", (THREAD_LINKS,))
        return {str(sid): found for sid, data in rows if isinstance(found := _json(data), dict)}

    def thread_reasons(self) -> dict[str, str]:
        rows = self._rows("SELECT session_id, data FROM analyses WHERE kind = ?", (THREAD_REASONS,))
        return {str(sid): str(data) for sid, data in rows}

    def save_thread_links(
        self, links: Mapping[str, Mapping[str, Any]], reasons: Mapping[str, Mapping[str, Any]]
    ) -> None:
        with self._write() as tx:
            tx("DELETE FROM analyses WHERE kind IN (?, ?)", (THREAD_LINKS, THREAD_REASONS))
            for kind, documents in ((THREAD_LINKS, links), (THREAD_REASONS, reasons)):
                for sid, data in documents.items():
                    tx(
                        "INSERT INTO analyses (session_id, kind, data) SELECT id, ?, ? FROM sessions WHERE id = ?",
                        (kind, json.dumps(dict(data), ensure_ascii=False), sid),
                    )

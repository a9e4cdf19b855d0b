"""The catalogue: documents, sessions, turns and their analyses, written and read.

The core of the store, shared by both back ends: saving a session (rows built by
`rows.py`, projections by `projections.py`), replacing its analyses, finding a session
from what a user types, and the small lookups every feature needs (the turn at a line,
the analyses of one kind across the store).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from ..errors import ConfigError, NotFound
from ..models import Document, Session, Turn
from .base import SessionInfo, TurnAt
from .common import SQLBase, Tx
from .projections import PROJECTED_TABLES, project_analyses
from .rows import (
    ANALYSIS_COLUMNS,
    DOCUMENT_COLUMNS,
    SESSION_COLUMNS,
    SPEAKER_COLUMNS,
    session_rows,
)
from .sql import SESSION_INFO_SQL, sessions_sql

__all__ = ["CatalogQueries"]

# the conflict key of each projected table; people and labels keep their first spelling
_CONFLICT_KEYS: dict[str, tuple[str, ...]] = {
    "people": ("key",),
    "person_labels": ("person_key", "label"),
    "appearances": ("session_id", "person_key"),
    "coalition_mentions": ("session_id", "coalition"),
    "tags": ("session_id", "scheme", "code"),
}
_KEEP_FIRST = {"people", "person_labels"}
_PER_SESSION = ("analyses", "appearances", "coalition_mentions", "tags")
_COUNTED = ("documents", "sessions", "turns", "speakers", "analyses", "people", "tags")
_INFO_SQL = SESSION_INFO_SQL + " WHERE s.id = ?"


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _upsert(table: str) -> str:
    """INSERT … ON CONFLICT for a projected table: the same text on SQLite (≥ 3.24) and PostgreSQL."""
    columns = PROJECTED_TABLES[table]
    keys = _CONFLICT_KEYS[table]
    if table in _KEEP_FIRST:
        action = "DO NOTHING"
    else:
        action = "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in columns if c not in keys)
    return f"{_insert(table, columns)} ON CONFLICT ({', '.join(keys)}) {action}"


def _project(tx: Tx, session_id: str, analyses: dict[str, Any]) -> None:
    """Write the query tables of one session's analyses (people, coalitions, tags)."""
    for table, rows in project_analyses(session_id, analyses).items():
        if not rows:
            continue
        columns = PROJECTED_TABLES[table]
        keys = _CONFLICT_KEYS[table]
        # a fixed order of keys, so two writers touching the same people cannot deadlock
        ordered = sorted(rows, key=lambda row: tuple(str(row[columns.index(k)]) for k in keys))
        tx.many(_upsert(table), ordered)


class CatalogQueries(SQLBase):
    """Sessions and analyses: the part of the store every command uses."""

    # -- back-end hooks --------------------------------------------------------------
    def _lock_content(self, tx: Tx, sha256: str) -> None:
        """Serialise two writers of the same content (SQLite's write lock already does)."""

    def _insert_turns(self, tx: Tx, rows: list[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    # -- writing -----------------------------------------------------------------------
    def has_document(self, sha256: str) -> bool:
        return bool(self._rows("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)))

    def save_session(
        self, document: Document, session: Session, analyses: dict[str, Any] | None = None, *, replace: bool = False
    ) -> str:
        """Store a document, its turns and analyses in one transaction; returns the session id.

        The same content stored already is left alone (its id is returned) unless `replace`.
        """
        sid = session.id
        rows = session_rows(document, session, analyses, datetime.now(UTC).isoformat(timespec="seconds"))
        with self._write() as tx:
            self._lock_content(tx, document.sha256)
            existing = tx("SELECT id FROM documents WHERE sha256 = ?", (document.sha256,))
            if existing and not replace:
                return str(existing[0][0])
            if existing:
                tx("DELETE FROM documents WHERE id = ?", (existing[0][0],))
            tx(_insert("documents", DOCUMENT_COLUMNS), rows.document)
            tx(_insert("sessions", SESSION_COLUMNS), rows.session)
            if rows.speakers:
                tx.many(_insert("speakers", SPEAKER_COLUMNS), rows.speakers)
            if rows.turns:
                self._insert_turns(tx, rows.turns)
            if rows.analyses:
                tx.many(_insert("analyses", ANALYSIS_COLUMNS), rows.analyses)
            _project(tx, sid, analyses or {})
        return sid

    def save_analysis(self, session_id: str, kind: str, data: Any) -> None:
        """Store (or replace) one analysis of a session; it is not projected."""
        with self._write() as tx:
            tx(
                "INSERT INTO analyses (session_id, kind, data) VALUES (?, ?, ?)"
                " ON CONFLICT (session_id, kind) DO UPDATE SET data = excluded.data",
                (session_id, kind, json.dumps(data, ensure_ascii=False)),
            )

    def replace_analyses(self, session_id: str, analyses: dict[str, Any]) -> None:
        """Swap all of a session's analyses and their projections in one transaction."""
        with self._write() as tx:
            for table in _PER_SESSION:
                tx(f"DELETE FROM {table} WHERE session_id = ?", (session_id,))
            tx.many(
                _insert("analyses", ANALYSIS_COLUMNS),
                [(session_id, kind, json.dumps(data, ensure_ascii=False)) for kind, data in analyses.items()],
            )
            _project(tx, session_id, analyses)

    # -- finding sessions ----------------------------------------------------------------
    def resolve_ref(self, ref: str) -> str:
        """Session id from an id, an id prefix, or a unique part of the title."""
        ref = ref.strip()
        if not ref:
            raise ConfigError("no session given", hint="give a session id, an id prefix or part of its title")
        rows = self._rows("SELECT id FROM sessions WHERE id = ?", (ref,))
        if not rows and re.fullmatch(r"[0-9a-fA-F]{4,64}", ref):
            if len(ref) <= 12:  # an id prefix
                rows = self._rows(f"SELECT id FROM sessions WHERE id LIKE ?{self._like()}", (ref.lower() + "%",))
            else:  # longer than an id: a prefix of the content hash the id starts, never "id + anything"
                rows = self._rows(
                    f"SELECT s.id FROM sessions s JOIN documents d ON d.id = s.id WHERE d.sha256 LIKE ?{self._like()}",
                    (ref.lower() + "%",),
                )
        if not rows:
            rows = self._rows(
                f"SELECT id FROM sessions WHERE {self._lower('title')} LIKE ?{self._like()} ORDER BY id LIMIT 6",
                ("%" + ref.lower() + "%",),
            )
        if not rows:
            raise NotFound(f"no session matches {ref!r}", hint="list them with `forumlens sessions`")
        if len(rows) > 1:
            raise ConfigError(
                f"{ref!r} matches several sessions: " + ", ".join(r[0] for r in rows[:5]), hint="give more of the id"
            )
        return str(rows[0][0])

    def sessions(self, *, year: int | None = None, limit: int = 100, offset: int = 0) -> list[SessionInfo]:
        sql, params = sessions_sql(year, limit, offset)
        return [SessionInfo(*row) for row in self._rows(sql, params)]

    def session_info(self, ref: str) -> SessionInfo:
        sid = self.resolve_ref(ref)
        rows = self._rows(_INFO_SQL, (sid,))
        if not rows:  # removed between resolving and reading
            raise NotFound(f"no session matches {ref!r}", hint="list them with `forumlens sessions`")
        return SessionInfo(*rows[0])

    def session_ids(self) -> list[str]:
        return [str(r[0]) for r in self._rows("SELECT id FROM sessions ORDER BY id")]

    def sessions_ingested_since(self, stamp: str) -> list[str]:
        """Ids of sessions ingested at or after an ISO timestamp (UTC), oldest first."""
        return [
            str(r[0])
            for r in self._rows(
                "SELECT s.id FROM sessions s JOIN documents d ON d.id = s.id WHERE d.ingested_at >= ?"
                " ORDER BY d.ingested_at, s.id",
                (stamp,),
            )
        ]

    def unanalysed_sessions(self) -> list[str]:
        """Sessions stored without analyses (ingested with --no-analysis)."""
        return [
            str(r[0])
            for r in self._rows(
                "SELECT s.id FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.session_id = s.id"
                " AND a.kind = 'people') ORDER BY s.id"
            )
        ]

    # -- reading one session ---------------------------------------------------------------
    def load_session(self, ref: str) -> Session:
        sid = self.resolve_ref(ref)
        with self._snapshot() as tx:
            doc = tx("SELECT title, sha256, source, text, year, warnings FROM documents WHERE id = ?", (sid,))
            rows = tx(
                "SELECT idx, line, label, speaker, kind, text, start_offset, end_offset, end_line,"
                " page, section FROM turns WHERE session_id = ? ORDER BY idx",
                (sid,),
            )
        if not doc:  # replaced or deleted between resolving and reading
            raise NotFound(f"no session matches {ref!r}", hint="list them with `forumlens sessions`")
        title, sha, source, text, year, warnings = doc[0]
        turns = tuple(
            Turn(
                index=r[0],
                line=r[1],
                label=r[2],
                speaker=r[3],
                kind=r[4],
                text=r[5],
                start=r[6],
                end=r[7],
                end_line=r[8],
                page=r[9],
                section=r[10],
            )
            for r in rows
        )
        return Session(
            title=title,
            sha256=sha,
            source=source,
            turns=turns,
            text=text,
            year=year,
            warnings=tuple(json.loads(warnings)),
        )

    def session_text(self, session_id: str) -> tuple[str, int | None, str] | None:
        """(title, year, source text) of a session, or None when it is not stored."""
        rows = self._rows(
            "SELECT s.title, s.year, d.text FROM sessions s JOIN documents d ON d.id = s.id WHERE s.id = ?",
            (session_id,),
        )
        return (str(rows[0][0]), rows[0][1], str(rows[0][2])) if rows else None

    def session_title(self, session_id: str) -> str | None:
        rows = self._rows("SELECT title FROM sessions WHERE id = ?", (session_id,))
        return str(rows[0][0]) if rows else None

    def turn_at(self, session_id: str, line: int, *, speech_only: bool = False) -> TurnAt | None:
        """The turn that covers a line (the last one starting at or before it)."""
        kind = " AND kind = 'speech'" if speech_only else ""
        rows = self._rows(
            "SELECT line, speaker, text FROM turns WHERE session_id = ? AND line <= ? AND end_line >= ?"
            f"{kind} ORDER BY line DESC, idx LIMIT 1",
            (session_id, line, line),
        )
        return TurnAt(line=int(rows[0][0]), speaker=rows[0][1], text=str(rows[0][2])) if rows else None

    def analysis(self, session_id: str, kind: str) -> Any | None:
        rows = self._rows("SELECT data FROM analyses WHERE session_id = ? AND kind = ?", (session_id, kind))
        return json.loads(rows[0][0]) if rows else None

    def analyses(self, session_id: str) -> dict[str, Any]:
        """Every stored analysis of a session, keyed by kind."""
        return {
            str(kind): json.loads(data)
            for kind, data in self._rows("SELECT kind, data FROM analyses WHERE session_id = ?", (session_id,))
        }

    # -- across the store ------------------------------------------------------------------
    def analyses_of_kind(self, kind: str, *, year: int | None = None) -> list[tuple[str, str, int | None, Any]]:
        """(session id, title, year, data) of every analysis of one kind, newest year first."""
        where, params = "a.kind = ?", list[Any]([kind])
        if year is not None:
            where += " AND s.year = ?"
            params.append(year)
        return [
            (str(sid), str(title), yr, json.loads(data))
            for sid, title, yr, data in self._rows(
                "SELECT a.session_id, s.title, s.year, a.data FROM analyses a JOIN sessions s ON s.id = a.session_id"
                f" WHERE {where} ORDER BY s.year DESC, s.id",
                params,
            )
        ]

    def known_people(self) -> list[str]:
        """Names already on record, so a new session's people merge with them."""
        return [str(r[0]) for r in self._rows("SELECT name FROM people ORDER BY name")]

    def counts(self) -> dict[str, int]:
        return {table: int(self._rows(f"SELECT count(*) FROM {table}")[0][0]) for table in _COUNTED}

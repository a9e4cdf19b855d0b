"""The catalogue: documents, sessions, turns and their analyses, written and read.

The core of the store, shared by both back ends: saving a session (rows built by
`rows.py`, projections by `projections.py`), replacing its analyses, finding a session
from what a user types, and the small lookups every feature needs (the turn at a line,
the analyses of one kind across the store).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from ..errors import ConfigError, NotFound
from ..models import Document, Session
from ..suggest import did_you_mean, nearest_parts
from .base import SessionInfo, TurnAt
from .common import Rows, SQLBase, Tx
from .credited import backfill_person_keys, credit_turns
from .projections import PROJECTED_TABLES, project_analyses
from .rows import (
    ANALYSIS_COLUMNS,
    DOCUMENT_COLUMNS,
    SESSION_COLUMNS,
    SPEAKER_COLUMNS,
    TURN_READ,
    session_rows,
    turn_of,
)
from .sql import SESSION_INFO_SQL, sessions_sql

__all__ = ["DATA_MIGRATIONS", "CatalogQueries", "ambiguous_ref", "backfill_text_sha256", "text_sha256"]

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
_CANDIDATES = 10  # sessions an ambiguous ref lists (then "and more")
_TITLE_WIDTH = 80


_BACKFILL_BATCH = 200  # documents read at a time by the migration 5 backfill (texts can be megabytes)


def text_sha256(text: str) -> str:
    """The hash of a decoded text as the store compares texts: line ends as "\\n", no BOM, NFC.

    Why not the bytes: the same transcript saved as UTF-16, with CRLF line ends or with a
    byte-order mark has other bytes but is the same session; storing it again would make
    false "recurring" threads. Decoding (read/text.py) already strips the BOM and turns
    CRLF and CR into "\\n"; they are repeated here so the hash means the same thing
    whatever text it is given (a backfill from stored text, a document reader's output),
    and NFC makes a precomposed "é" and "e" + combining accent one text.
    """
    plain = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(unicodedata.normalize("NFC", plain).encode("utf-8")).hexdigest()


def _in_progress(meta: str | None) -> bool:
    """A live session still being captioned: its text grows, so it gets no text hash yet."""
    try:
        live = json.loads(meta or "{}").get("live")
    except (ValueError, AttributeError):
        return False
    return isinstance(live, dict) and live.get("state") == "live"


def ambiguous_ref(ref: str, candidates: list[tuple[str, int | None, str]], *, more: int, advice: str) -> str:
    """The error for a ref that fits several sessions: each one's id, year and title, one a line,
    so the user sees which to pick (ids alone say nothing); the advice on the first line, where
    it is read, rather than after the list."""
    count = len(candidates) + more
    lines = [f"{ref!r} matches {count} sessions ({advice}):"]
    for sid, year, title in candidates:
        short = title if len(title) <= _TITLE_WIDTH else title[: _TITLE_WIDTH - 1] + "…"
        lines.append(f"  {sid}  {year or '?':>4}  {short or '(untitled)'}")
    if more > 0:
        lines.append(f"  … and {more} more")
    return "\n".join(lines)


def backfill_text_sha256(tx: Tx) -> None:
    """Migration 5's data step: the text hash of every stored document, from its stored text.

    Exact: `documents.text` is the decoded text every turn offset points into (the reader's
    output, BOM stripped and line ends normalised), the very text an ingest hashes. Live
    sessions still in progress are left NULL (finalising sets it). Batched by id, so a
    large store is never read into memory whole.
    """
    ids = [str(r[0]) for r in tx("SELECT id FROM documents WHERE text_sha256 IS NULL ORDER BY id")]
    for start in range(0, len(ids), _BACKFILL_BATCH):
        batch = ids[start : start + _BACKFILL_BATCH]
        marks = ", ".join("?" * len(batch))
        rows = tx(f"SELECT id, text, meta FROM documents WHERE id IN ({marks})", batch)
        updates = [(text_sha256(str(text)), str(sid)) for sid, text, meta in rows if not _in_progress(meta)]
        if updates:
            tx.many("UPDATE documents SET text_sha256 = ? WHERE id = ?", updates)


# Data steps of a migration, run by both back ends in the migration's transaction right
# after its statements (store/sqlite.py and store/postgres.py `_migrate`): what SQL alone
# cannot compute the same way on both (Unicode normalisation, sha256).
DATA_MIGRATIONS: dict[int, Callable[[Tx], None]] = {5: backfill_text_sha256, 10: backfill_person_keys}
_SESSION_OF_TEXT_SQL = (
    "SELECT d.id FROM documents d JOIN sessions s ON s.id = d.id WHERE d.text_sha256 = ?"
    " ORDER BY d.ingested_at, d.id LIMIT 1"
)


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


def _project(tx: Tx, session_id: str, analyses: dict[str, Any]) -> int:
    """Write the query tables of one session's analyses (people, coalitions, tags) and credit
    its turns to their people (`credited.credit_turns`); returns how many turns changed person."""
    projected = project_analyses(session_id, analyses)
    for table, rows in projected.items():
        if not rows:
            continue
        columns = PROJECTED_TABLES[table]
        keys = _CONFLICT_KEYS[table]
        # a fixed order of keys, so two writers touching the same people cannot deadlock
        ordered = sorted(rows, key=lambda row: tuple(str(row[columns.index(k)]) for k in keys))
        tx.many(_upsert(table), ordered)
    return credit_turns(tx, session_id, analyses.get("people"))


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

        The same content stored already is left alone (its id is returned) unless `replace`;
        so is the same *text* in other bytes (another encoding, CRLF, a BOM: see
        `text_sha256`), whose session's id is returned — callers compare it with
        `session.id` to tell the two apart. `replace` stores the bytes whatever is stored.
        """
        sid = session.id
        rows = session_rows(document, session, analyses, datetime.now(UTC).isoformat(timespec="seconds"))
        text_hash = text_sha256(session.text)
        with self._write() as tx:
            self._lock_content(tx, document.sha256)
            self._lock_content(tx, text_hash)  # the same text racing in from two encodings
            existing = tx("SELECT id FROM documents WHERE sha256 = ?", (document.sha256,))
            if existing and not replace:
                return str(existing[0][0])
            if not existing and not replace and (same_text := tx(_SESSION_OF_TEXT_SQL, (text_hash,))):
                return str(same_text[0][0])
            if existing:
                tx("DELETE FROM documents WHERE id = ?", (existing[0][0],))
            tx(_insert("documents", (*DOCUMENT_COLUMNS, "text_sha256")), (*rows.document, text_hash))
            tx(_insert("sessions", SESSION_COLUMNS), rows.session)
            if rows.speakers:
                tx.many(_insert("speakers", SPEAKER_COLUMNS), rows.speakers)
            if rows.turns:
                self._insert_turns(tx, rows.turns)
            if rows.analyses:
                tx.many(_insert("analyses", ANALYSIS_COLUMNS), rows.analyses)
            if _project(tx, sid, analyses or {}):
                self._turns_recredited(tx)
        return sid

    def session_of_text(self, text_hash: str) -> str | None:
        """The session whose stored text has this `text_sha256` (the oldest, if copies exist), or None."""
        rows = self._rows(_SESSION_OF_TEXT_SQL, (text_hash,))
        return str(rows[0][0]) if rows else None

    def refresh_text_sha256(self, session_id: str) -> None:
        """Set a session's text hash from its stored text (a live session once finalised)."""
        with self._write() as tx:
            rows = tx("SELECT text, meta FROM documents WHERE id = ?", (session_id,))
            if rows and not _in_progress(rows[0][1]):
                tx("UPDATE documents SET text_sha256 = ? WHERE id = ?", (text_sha256(str(rows[0][0])), session_id))

    def discard_empty_live_session(self, session_id: str) -> bool:
        """Remove a live session in progress that holds no turn, in one transaction; True if removed.

        A follower whose source never delivered a turn must not leave an empty "live"
        session behind (it would be listed, and resumed, forever). Anything else — a
        session with turns, a finished or ordinary one — is left alone (False).
        """
        from .live import _SOURCE_KEY  # the source key live_begin wrote (store/live.py)

        with self._write() as tx:
            rows = tx(
                "SELECT d.meta, d.source, s.turn_count FROM documents d JOIN sessions s ON s.id = d.id WHERE d.id = ?",
                (session_id,),
            )
            if not rows or not _in_progress(rows[0][0]) or int(rows[0][2] or 0) > 0:
                return False
            if tx("SELECT 1 FROM turns WHERE session_id = ? LIMIT 1", (session_id,)):
                return False
            source = str((json.loads(rows[0][0] or "{}").get("live") or {}).get("source") or rows[0][1])
            tx("DELETE FROM leases WHERE name = ? AND owner = ?", (_SOURCE_KEY + source, session_id))
            tx("DELETE FROM documents WHERE id = ?", (session_id,))  # its session and every row of it cascade
        return True

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
            if _project(tx, session_id, analyses):
                self._turns_recredited(tx)

    # -- finding sessions ----------------------------------------------------------------
    def resolve_ref(self, ref: str) -> str:
        """Session id from an id, an id prefix, or a title (exact, else a unique part of it, any case).

        A ref that fits several sessions is an error listing each one with its year and
        title, since ids alone do not tell a user which one they meant; a title given in
        full picks its session even when it is also part of longer titles.
        """
        ref = ref.strip()
        if not ref:
            raise ConfigError("no session given", hint="give a session id, an id prefix or part of its title")
        rows = self._rows("SELECT id FROM sessions WHERE id = ?", (ref,))
        by_id = False
        if not rows and re.fullmatch(r"[0-9a-fA-F]{4,64}", ref):
            by_id = True
            if len(ref) <= 12:  # an id prefix
                rows = self._rows(
                    f"SELECT id FROM sessions WHERE id LIKE ?{self._like()} ORDER BY id LIMIT {_CANDIDATES + 1}",
                    (ref.lower() + "%",),
                )
            else:  # longer than an id: a prefix of the content hash the id starts, never "id + anything"
                rows = self._rows(
                    f"SELECT s.id FROM sessions s JOIN documents d ON d.id = s.id WHERE d.sha256 LIKE ?{self._like()}"
                    f" ORDER BY s.id LIMIT {_CANDIDATES + 1}",
                    (ref.lower() + "%",),
                )
        if not rows:
            by_id = False
            rows = self._title_matches(ref)
        if not rows:
            short = re.fullmatch(r"[0-9a-fA-F]{1,3}", ref) is not None  # too short to be read as an id prefix
            hint = "an id prefix needs 4 characters or more; " if short else self._nearest_sessions(ref)
            raise NotFound(f"no session matches {ref!r}", hint=hint + "list them with `forumlens sessions`")
        if len(rows) > 1:
            advice = "give more of the id" if by_id else "give more of the title, the whole title, or the id"
            listed = self._ref_candidates([str(r[0]) for r in rows[:_CANDIDATES]])
            raise ConfigError(ambiguous_ref(ref, listed, more=len(rows) - len(listed), advice=advice))
        return str(rows[0][0])

    def _title_matches(self, ref: str) -> Rows:
        """Sessions whose title contains `ref` (any case); only the one whose whole title it is, when one is."""
        rows = self._rows(
            f"SELECT id, title FROM sessions WHERE {self._lower('title')} LIKE ?{self._like()} ORDER BY id",
            ("%" + ref.lower() + "%",),
        )
        wanted = " ".join(ref.split()).casefold()
        exact = [r for r in rows if " ".join(str(r[1] or "").split()).casefold() == wanted]
        return exact if len(exact) == 1 else rows

    def _nearest_sessions(self, ref: str) -> str:
        """ "did you mean “title” (id)? " for the sessions whose titles hold something close to a
        mistyped ref, as a misspelt coalition name gets; empty when none is close."""
        rows = self._rows("SELECT id, title FROM sessions WHERE title IS NOT NULL ORDER BY id")
        near = nearest_parts(ref, list(dict.fromkeys(str(r[1]) for r in rows)))
        found = sorted((near.index(str(r[1])), str(r[1]), str(r[0])) for r in rows if str(r[1]) in near)
        return did_you_mean([f"“{title}” ({sid})" for _, title, sid in found[:3]])

    def _ref_candidates(self, ids: list[str]) -> list[tuple[str, int | None, str]]:
        """Id, year and title of these sessions, in the order given."""
        marks = ", ".join("?" for _ in ids)
        found = {str(r[0]): r for r in self._rows(f"SELECT id, year, title FROM sessions WHERE id IN ({marks})", ids)}
        return [(i, found[i][1], str(found[i][2] or "")) for i in ids if i in found]

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
            rows = tx(f"SELECT {TURN_READ} FROM turns WHERE session_id = ? ORDER BY idx", (sid,))
        if not doc:  # replaced or deleted between resolving and reading
            raise NotFound(f"no session matches {ref!r}", hint="list them with `forumlens sessions`")
        title, sha, source, text, year, warnings = doc[0]
        turns = tuple(turn_of(r) for r in rows)
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
            "SELECT line, speaker, text, page, section, label FROM turns"
            " WHERE session_id = ? AND line <= ? AND end_line >= ?"
            f"{kind} ORDER BY line DESC, idx LIMIT 1",
            (session_id, line, line),
        )
        if not rows:
            return None
        found, speaker, text, page, section, label = rows[0]
        return TurnAt(
            line=int(found),
            speaker=speaker,
            text=str(text),
            page=None if page is None else int(page),
            section=section,
            label=label,
        )

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

"""The embedded default store: one SQLite file, WAL mode, FTS5 search.

Every write is one `BEGIN IMMEDIATE` transaction, so an ingest that fails (bad input,
full disk, killed process) leaves the file exactly as it was, and two ingests of the
same file serialise on the unique content hash instead of storing it twice.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import (
    ConfigError,
    NotFound,
    StoreCorrupt,
    StoreError,
    StoreFull,
    StoreReadOnly,
)
from ..models import Document, SearchHit, Session, Turn
from ..search import Query, SearchFilters, highlight_terms, to_fts5
from .base import SessionInfo
from .migrations import SCHEMA_VERSION, SQLITE_MIGRATIONS
from .projections import PROJECTED_TABLES, project_analyses
from .rows import (
    ANALYSIS_COLUMNS,
    DOCUMENT_COLUMNS,
    SESSION_COLUMNS,
    SPEAKER_COLUMNS,
    TURN_COLUMNS,
    session_rows,
)
from .sql import SNIPPET_CLOSE, SNIPPET_OPEN, search_sql, sessions_sql, snippet_sql

__all__ = ["SQLiteStore", "translate_sqlite_error"]

_HEADER = b"SQLite format 3\x00"


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _writable(path: Path) -> bool:
    """Writable by us *and* not marked read-only: root ignores permission bits, users do not."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def translate_sqlite_error(exc: sqlite3.Error, location: str) -> StoreError:
    """Map a driver error to the forumlens exception tree, with a fix in the message."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return StoreReadOnly("the database is read-only", source=location,
                             hint="check the file and folder permissions, or pass another --db")
    if "disk is full" in text or "disk full" in text or "database or disk is full" in text:
        return StoreFull("disk full: the database could not be written; nothing was changed", source=location,
                         hint="free some space or move the store with --db")
    if "malformed" in text or "not a database" in text or "encrypted" in text or "corrupt" in text:
        return StoreCorrupt(f"the database file is damaged ({exc})", source=location,
                            hint="run `forumlens check`, restore a backup, or start a new store with --db")
    if "locked" in text or "busy" in text:
        return StoreError("the database is busy (locked by another process)", source=location,
                          hint="wait for the other ingest to finish and retry")
    if "unable to open" in text:
        return StoreError("the database file cannot be opened", source=location,
                          hint="check that the folder exists and is writable, or pass another --db")
    return StoreError(f"database error: {exc}", source=location)


class SQLiteStore:
    """A forumlens store in one SQLite file (or ":memory:")."""

    def __init__(self, location: str, *, readonly: bool = False) -> None:
        self.location = location
        self.readonly = readonly
        memory = location == ":memory:"
        path = Path(location)
        if not memory:
            self._check_file(path)
        try:
            if not memory and readonly and path.exists() and not _writable(path):
                self.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                            timeout=30, isolation_level=None, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(location, timeout=30, isolation_level=None,
                                            check_same_thread=False)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 30000")
            self.conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: the FTS index of a large store stays hot
            if not memory:
                self.conn.execute("PRAGMA mmap_size = 268435456")
            if not memory and not self.readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, location) from exc

    # -- opening -------------------------------------------------------------------
    def _check_file(self, path: Path) -> None:
        if path.is_dir():
            raise ConfigError("is a folder, not a database file", source=str(path),
                              hint="pass a file path such as forumlens.sqlite3 to --db")
        if path.exists():
            if path.stat().st_size:
                with path.open("rb") as handle:
                    if handle.read(16) != _HEADER:
                        raise StoreCorrupt("is not a SQLite database (or its header is damaged)", source=str(path),
                                           hint="pass the right file to --db, or restore a backup")
            if not self.readonly and not _writable(path):
                raise StoreReadOnly("the database file is read-only", source=str(path),
                                    hint="check its permissions, or pass another --db")
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the database ({exc.strerror})", source=str(path),
                             hint="pass a writable location to --db") from exc
        if not os.access(path.parent, os.W_OK):
            raise StoreReadOnly("the database folder is not writable", source=str(path.parent),
                                hint="pass a writable location to --db")

    def schema_version(self) -> int:
        """The applied migration count (`forumlens migrate` reports it)."""
        return int(self._read("PRAGMA user_version")[0][0])

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"the store has schema version {version}, newer than this forumlens ({SCHEMA_VERSION})",
                             source=self.location, hint="upgrade forumlens")
        if version == SCHEMA_VERSION:
            return
        if self.readonly and not _writable(Path(self.location)):
            raise StoreReadOnly("the store needs a schema upgrade but is read-only", source=self.location)
        with self._write():
            for number in range(version, SCHEMA_VERSION):
                for statement in SQLITE_MIGRATIONS[number]:
                    self.conn.execute(statement)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.location) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise translate_sqlite_error(exc, self.location) from exc
            raise

    def _read(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.location) from exc

    def close(self) -> None:
        self.conn.close()

    # -- portable SQL for feature modules (route, documents): "?" placeholders ------------
    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only statement written in portable SQL with `?` placeholders."""
        return self._read(sql, params)

    @contextmanager
    def transaction(self) -> Iterator[Callable[[str, list[Any] | tuple[Any, ...]], list[tuple[Any, ...]]]]:
        """One atomic write: yields `execute(sql, params) -> rows`; rolls back on any error."""
        with self._write() as conn:
            yield lambda sql, params=(): conn.execute(sql, params).fetchall()

    # -- writing -------------------------------------------------------------------
    def has_document(self, sha256: str) -> bool:
        return bool(self._read("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)))

    def save_session(self, document: Document, session: Session,
                     analyses: dict[str, Any] | None = None, *, replace: bool = False) -> str:
        sid = session.id
        rows = session_rows(document, session, analyses, datetime.now(UTC).isoformat(timespec="seconds"))
        with self._write() as conn:
            existing = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (document.sha256,)).fetchone()
            if existing and not replace:
                return str(existing[0])
            if existing:
                conn.execute("DELETE FROM documents WHERE id = ?", (existing[0],))
            conn.execute(_insert("documents", DOCUMENT_COLUMNS), rows.document)
            conn.execute(_insert("sessions", SESSION_COLUMNS), rows.session)
            conn.executemany(_insert("speakers", SPEAKER_COLUMNS), rows.speakers)
            conn.executemany(_insert("turns", TURN_COLUMNS), rows.turns)
            conn.executemany(_insert("analyses", ANALYSIS_COLUMNS), rows.analyses)
            self._project(conn, sid, analyses or {})
        return sid

    @staticmethod
    def _project(conn: sqlite3.Connection, sid: str, analyses: dict[str, Any]) -> None:
        for table, rows in project_analyses(sid, analyses).items():
            if not rows:
                continue
            columns = PROJECTED_TABLES[table]
            verb = "INSERT OR IGNORE" if table in ("people", "person_labels") else "INSERT OR REPLACE"
            conn.executemany(f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                             rows)

    def save_analysis(self, session_id: str, kind: str, data: Any) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO analyses (session_id, kind, data) VALUES (?, ?, ?)",
                         (session_id, kind, json.dumps(data, ensure_ascii=False)))

    # -- reading -------------------------------------------------------------------
    def resolve_ref(self, ref: str) -> str:
        """Session id from an id, an id prefix, or a unique part of the title."""
        ref = ref.strip()
        rows = self._read("SELECT id FROM sessions WHERE id = ?", (ref,))
        if not rows and re.fullmatch(r"[0-9a-f]{4,64}", ref):
            rows = self._read("SELECT id FROM sessions WHERE id LIKE ?", (ref[:12] + "%",))
        if not rows:
            rows = self._read("SELECT id FROM sessions WHERE lower(title) LIKE ? ORDER BY id LIMIT 6",
                              ("%" + ref.lower() + "%",))
        if not rows:
            raise NotFound(f"no session matches {ref!r}", hint="list them with `forumlens sessions`")
        if len(rows) > 1:
            raise ConfigError(f"{ref!r} matches several sessions: " + ", ".join(r[0] for r in rows[:5]),
                              hint="give more of the id")
        return str(rows[0][0])

    def sessions(self, *, year: int | None = None, limit: int = 100, offset: int = 0) -> list[SessionInfo]:
        sql, params = sessions_sql(year, limit, offset)
        return [SessionInfo(*row) for row in self._read(sql, params)]

    def session_info(self, ref: str) -> SessionInfo:
        sid = self.resolve_ref(ref)
        sql = ("SELECT s.id, s.title, s.year, d.source, s.turn_count, s.speaker_count, s.word_count, d.ingested_at"
               " FROM sessions s JOIN documents d ON d.id = s.id WHERE s.id = ?")
        return SessionInfo(*self._read(sql, (sid,))[0])

    def load_session(self, ref: str) -> Session:
        sid = self.resolve_ref(ref)
        doc = self._read("SELECT title, sha256, source, text, year, warnings FROM documents WHERE id = ?", (sid,))[0]
        rows = self._read("SELECT idx, line, label, speaker, kind, text, start_offset, end_offset, end_line,"
                          " page, section FROM turns WHERE session_id = ? ORDER BY idx", (sid,))
        turns = tuple(Turn(index=r[0], line=r[1], label=r[2], speaker=r[3], kind=r[4], text=r[5], start=r[6],
                           end=r[7], end_line=r[8], page=r[9], section=r[10]) for r in rows)
        return Session(title=doc[0], sha256=doc[1], source=doc[2], turns=turns, text=doc[3], year=doc[4],
                       warnings=tuple(json.loads(doc[5])))

    def analysis(self, session_id: str, kind: str) -> Any | None:
        rows = self._read("SELECT data FROM analyses WHERE session_id = ? AND kind = ?", (session_id, kind))
        return json.loads(rows[0][0]) if rows else None

    def search(self, query: Query, filters: SearchFilters) -> list[SearchHit]:
        match = to_fts5(query)
        if match is None:
            return []
        sql, params = search_sql(match, filters)
        ranked = self._read(sql, params)
        if not ranked:
            return []
        sql, params = snippet_sql(match, [r[0] for r in ranked])
        details = {row[0]: row[1:] for row in self._read(sql, params)}
        words = highlight_terms(query)
        hits = []
        for rowid, score in ranked:
            sid, end_line, speaker, label, text, snip, title = details[rowid]
            hits.append(SearchHit(
                session=sid, line=_line_of_first(text, end_line, words), speaker=speaker,
                snippet=snip.replace(SNIPPET_OPEN, "**").replace(SNIPPET_CLOSE, "**"),
                score=-float(score), title=title, label=label,
            ))
        return hits

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "sessions", "turns", "speakers", "analyses", "people", "tags"):
            out[table] = int(self._read(f"SELECT count(*) FROM {table}")[0][0])
        return out

    def backup(self, target: str) -> None:
        """A consistent copy of the store while readers and writers go on (SQLite backup API)."""
        path = Path(target)
        if path.exists():
            raise ConfigError("already exists; refusing to overwrite a backup", source=target,
                              hint="choose a new file name")
        try:
            destination = sqlite3.connect(target)
            try:
                self.conn.backup(destination)
            finally:
                destination.close()
        except sqlite3.Error as exc:
            path.unlink(missing_ok=True)
            raise translate_sqlite_error(exc, target) from exc

    def check(self) -> list[str]:
        """Problems found by SQLite's own checks and forumlens's invariants; [] if healthy."""
        problems: list[str] = []
        version = self._read("PRAGMA user_version")[0][0]
        if version != SCHEMA_VERSION:
            problems.append(f"schema version {version}, expected {SCHEMA_VERSION}")
        rows = self._read("PRAGMA integrity_check")
        problems += [f"integrity: {r[0]}" for r in rows if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in self._read("PRAGMA foreign_key_check")]
        try:
            self.conn.execute("INSERT INTO turns_fts(turns_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.Error as exc:
            problems.append(f"search index: {exc}")
        orphans = self._read("SELECT count(*) FROM sessions s LEFT JOIN documents d ON d.id = s.id WHERE d.id IS NULL")
        if orphans[0][0]:
            problems.append(f"{orphans[0][0]} sessions without a document")
        mismatch = self._read("SELECT s.id FROM sessions s WHERE s.turn_count !="
                              " (SELECT count(*) FROM turns t WHERE t.session_id = s.id)")
        problems += [f"session {r[0]}: turn count does not match its turns" for r in mismatch]
        fts = self._read("SELECT (SELECT count(*) FROM turns), (SELECT count(*) FROM turns_fts)")[0]
        if fts[0] != fts[1]:
            problems.append(f"search index has {fts[1]} rows for {fts[0]} turns")
        for table in ("appearances", "coalition_mentions", "tags", "analyses", "speakers"):
            orphans = self._read(f"SELECT count(*) FROM {table} x LEFT JOIN sessions s ON s.id = x.session_id"
                                 " WHERE s.id IS NULL")[0][0]
            if orphans:
                problems.append(f"{orphans} orphan rows in {table}")
        return problems


def _line_of_first(text: str, end_line: int, words: list[str]) -> int:
    """Line of the first query word inside a turn, so a hit cites the exact line.

    A turn's text is an exact slice of the source ending on `end_line`, so its first
    character sits `text.count("\n")` lines earlier.
    """
    first_line = end_line - text.count("\n")
    lowered = text.lower()
    positions = [p for p in (re.search(r"\b" + re.escape(w), lowered) for w in words) if p]
    if not positions:
        return first_line
    return first_line + text.count("\n", 0, min(p.start() for p in positions))

"""The server store: PostgreSQL through psycopg 3, for many readers and an ingest job.

It keeps the SQLite store's promises with the server's own tools: each write is one
transaction (a failed ingest leaves nothing behind); two ingests of the same content
serialise on a transaction-level advisory lock keyed by the content hash, so they store
one session; multi-statement reads run in one REPEATABLE READ snapshot, so a reader never
sees half a session. Search uses a `tsvector` column with a GIN index, built from the
same tokens FTS5 indexes (store/fts.py), so both stores return the same hits.

One connection per store object, guarded by a lock: threads sharing a store take turns,
as they do on the SQLite store's single connection; open one store per worker for
parallel reads.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Loader

from ..errors import (
    ConfigError,
    NotFound,
    StoreCorrupt,
    StoreError,
    StoreFull,
    StoreReadOnly,
)
from ..models import Document, SearchHit, Session, Turn
from ..search import Query, SearchFilters, highlight_terms
from . import redact
from .base import SessionInfo
from .fts import to_tsquery, tokens, tsvector_literal
from .migrations import PG_MIGRATIONS, SCHEMA_VERSION
from .placeholders import to_pyformat
from .projections import PROJECTED_TABLES, project_analyses
from .rows import (
    ANALYSIS_COLUMNS,
    DOCUMENT_COLUMNS,
    SESSION_COLUMNS,
    SPEAKER_COLUMNS,
    TURN_COLUMNS,
    session_rows,
)
from .sql import SNIPPET_CLOSE, SNIPPET_OPEN, pg_search_sql, sessions_sql
from .sqlite import _line_of_first

__all__ = ["PostgresStore", "translate_pg_error"]

SCHEMA_TABLE = "forumlens_schema"
_MIGRATION_LOCK = 0x666F72756D  # "forum": one migrator at a time per database
# INSERT OR REPLACE of the SQLite store → ON CONFLICT (key) DO UPDATE
_CONFLICT_KEYS: dict[str, tuple[str, ...]] = {
    "people": ("key",),
    "person_labels": ("person_key", "label"),
    "appearances": ("session_id", "person_key"),
    "coalition_mentions": ("session_id", "coalition"),
    "tags": ("session_id", "scheme", "code"),
}
_KEEP_FIRST = {"people", "person_labels"}  # INSERT OR IGNORE in the SQLite store
_ADJACENT_MARKS = re.compile(f"{SNIPPET_CLOSE}(\\s+){SNIPPET_OPEN}")


class _NumericLoader(Loader):
    """numeric → int when whole, else float: `sum()` of integers gives what SQLite gives."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        if text.lstrip("-").isdigit():
            return int(text)
        return float(text)


def translate_pg_error(exc: psycopg.Error, location: str) -> StoreError:
    """Map a psycopg error to the forumlens exception tree, with what to do in the message."""
    where = redact(location)
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, (pg_errors.ReadOnlySqlTransaction, pg_errors.InsufficientPrivilege)):
        return StoreReadOnly(f"the database refused the write ({detail})", source=where,
                             hint="connect as a user allowed to write, or to the primary server")
    if isinstance(exc, (pg_errors.DiskFull, pg_errors.OutOfMemory)):
        return StoreFull("the database server is out of space; nothing was changed", source=where,
                         hint="free space on the server and retry")
    if isinstance(exc, (pg_errors.DataCorrupted, pg_errors.IndexCorrupted)):
        return StoreCorrupt(f"the database reports damaged data ({detail})", source=where,
                            hint="run `forumlens check`, REINDEX, or restore a backup")
    if isinstance(exc, (pg_errors.DeadlockDetected, pg_errors.SerializationFailure,
                        pg_errors.LockNotAvailable, pg_errors.QueryCanceled)):
        return StoreError(f"the database is busy ({detail})", source=where,
                          hint="retry; another writer held the same rows")
    if isinstance(exc, pg_errors.UndefinedTable):
        return StoreError(f"this database is not a forumlens store ({detail})", source=where,
                          hint="run `forumlens migrate --db URL`, or check the URL")
    if isinstance(exc, psycopg.OperationalError):
        return StoreError(f"cannot reach the PostgreSQL server ({detail})", source=where,
                          hint="check the URL, that the server is running, and the user's password")
    if isinstance(exc, psycopg.DataError):
        return StoreError(f"the database rejected a value ({detail})", source=where)
    return StoreError(f"database error: {detail}", source=where)


class PostgresStore:
    """A forumlens store in a PostgreSQL database (tables in the URL's search_path)."""

    dialect = "postgres"

    def __init__(self, location: str, *, readonly: bool = False) -> None:
        self.location = location
        self.readonly = readonly  # advisory, as on SQLite: the server's grants decide
        self._lock = threading.RLock()
        try:
            # keepalives and an idle-in-transaction limit: a client that dies mid-transaction
            # must not leave its locks behind for the next ingest
            self.conn = psycopg.connect(location, autocommit=True, connect_timeout=15,
                                        application_name="forumlens", keepalives=1, keepalives_idle=30,
                                        keepalives_interval=10, keepalives_count=3,
                                        options="-c idle_in_transaction_session_timeout=120000")
        except psycopg.Error as exc:
            raise translate_pg_error(exc, location) from exc
        except Exception as exc:  # malformed URL (psycopg raises ProgrammingError or ValueError)
            raise ConfigError(f"not a usable PostgreSQL URL ({exc})", source=redact(location),
                              hint="postgresql://USER:PASSWORD@HOST:PORT/DATABASE") from exc
        self.conn.adapters.register_loader("numeric", _NumericLoader)
        try:
            self._migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise translate_pg_error(exc, location) from exc

    # -- schema ----------------------------------------------------------------------
    def schema_version(self) -> int:
        rows = self._read("SELECT to_regclass(%s) IS NOT NULL", (SCHEMA_TABLE,))
        if not rows[0][0]:
            return 0
        rows = self._read(f"SELECT max(version) FROM {SCHEMA_TABLE}")
        return int(rows[0][0] or 0)

    def _migrate(self) -> None:
        if self.schema_version() == SCHEMA_VERSION:
            return
        with self._lock, self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            cur.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} (version INTEGER NOT NULL,"
                        " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            cur.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA_TABLE}")
            version = int(cur.fetchone()[0])  # type: ignore[index]
            if version > SCHEMA_VERSION:
                raise StoreError(f"the store has schema version {version}, newer than this forumlens "
                                 f"({SCHEMA_VERSION})", source=redact(self.location), hint="upgrade forumlens")
            for number in range(version, SCHEMA_VERSION):
                for statement in PG_MIGRATIONS[number]:
                    cur.execute(statement)
                cur.execute(f"INSERT INTO {SCHEMA_TABLE} (version) VALUES (%s)", (number + 1,))

    # -- plumbing ----------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[psycopg.Cursor[Any]]:
        """One write transaction; any error rolls it back and is mapped to a forumlens error."""
        with self._lock:
            try:
                with self.conn.transaction(), self.conn.cursor() as cur:
                    yield cur
            except psycopg.Error as exc:
                raise translate_pg_error(exc, self.location) from exc

    @contextmanager
    def _snapshot(self) -> Iterator[psycopg.Cursor[Any]]:
        """Several reads that see one consistent state of the store."""
        with self._lock:
            try:
                with self.conn.transaction(), self.conn.cursor() as cur:
                    cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    yield cur
            except psycopg.Error as exc:
                raise translate_pg_error(exc, self.location) from exc

    def _read(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                with self.conn.cursor() as cur:
                    cur.execute(sql, params)
                    return cur.fetchall() if cur.description is not None else []
            except psycopg.Error as exc:
                raise translate_pg_error(exc, self.location) from exc

    def close(self) -> None:
        self.conn.close()

    # -- portable SQL for feature modules: "?" placeholders ----------------------------
    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only statement written in portable SQL with `?` placeholders."""
        return self._read(to_pyformat(sql), tuple(params))

    @contextmanager
    def transaction(self) -> Iterator[Callable[[str, list[Any] | tuple[Any, ...]], list[tuple[Any, ...]]]]:
        """One atomic write: yields `execute(sql, params) -> rows`; rolls back on any error."""
        with self._write() as cur:
            def execute(sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
                cur.execute(to_pyformat(sql), tuple(params))
                return cur.fetchall() if cur.description is not None else []

            yield execute

    # -- writing -----------------------------------------------------------------------
    def has_document(self, sha256: str) -> bool:
        return bool(self._read("SELECT 1 FROM documents WHERE sha256 = %s", (sha256,)))

    def save_session(self, document: Document, session: Session,
                     analyses: dict[str, Any] | None = None, *, replace: bool = False) -> str:
        sid = session.id
        rows = session_rows(document, session, analyses, datetime.now(UTC).isoformat(timespec="seconds"))
        # the search column is built here, from the same tokens as SQLite's FTS5 index
        turn_rows = [(*row, tsvector_literal(row[8], row[6])) for row in rows.turns]
        with self._write() as cur:
            # same content racing in two processes: the second waits here, then finds the first's row
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_hash_lock(document.sha256),))
            cur.execute("SELECT id FROM documents WHERE sha256 = %s", (document.sha256,))
            existing = cur.fetchone()
            if existing and not replace:
                return str(existing[0])
            if existing:
                cur.execute("DELETE FROM documents WHERE id = %s", (existing[0],))
            cur.execute(_insert("documents", DOCUMENT_COLUMNS), rows.document)
            cur.execute(_insert("sessions", SESSION_COLUMNS), rows.session)
            if rows.speakers:
                cur.executemany(_insert("speakers", SPEAKER_COLUMNS), rows.speakers)
            if turn_rows:
                with cur.copy(f"COPY turns ({', '.join(TURN_COLUMNS)}, tsv) FROM STDIN") as copy:
                    for row in turn_rows:
                        copy.write_row(row)
            if rows.analyses:
                cur.executemany(_insert("analyses", ANALYSIS_COLUMNS), rows.analyses)
            self._project(cur, sid, analyses or {})
        return sid

    @staticmethod
    def _project(cur: psycopg.Cursor[Any], sid: str, analyses: dict[str, Any]) -> None:
        for table, rows in project_analyses(sid, analyses).items():
            if not rows:
                continue
            columns = PROJECTED_TABLES[table]
            keys = _CONFLICT_KEYS[table]
            if table in _KEEP_FIRST:
                action = "DO NOTHING"
            else:
                action = "DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in keys)
            # a fixed order of keys, so two ingests touching the same people cannot deadlock
            ordered = sorted(rows, key=lambda row: tuple(str(row[columns.index(k)]) for k in keys))
            cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
                            f" ON CONFLICT ({', '.join(keys)}) {action}", ordered)

    def save_analysis(self, session_id: str, kind: str, data: Any) -> None:
        with self._write() as cur:
            cur.execute("INSERT INTO analyses (session_id, kind, data) VALUES (%s, %s, %s)"
                        " ON CONFLICT (session_id, kind) DO UPDATE SET data = EXCLUDED.data",
                        (session_id, kind, json.dumps(data, ensure_ascii=False)))

    # -- reading -----------------------------------------------------------------------
    def resolve_ref(self, ref: str) -> str:
        """Session id from an id, an id prefix, or a unique part of the title."""
        ref = ref.strip()
        rows = self._read("SELECT id FROM sessions WHERE id = %s", (ref,))
        if not rows and re.fullmatch(r"[0-9a-f]{4,64}", ref):
            rows = self._read("SELECT id FROM sessions WHERE id LIKE %s ESCAPE ''", (ref[:12] + "%",))
        if not rows:
            rows = self._read("SELECT id FROM sessions WHERE lower(title COLLATE \"C\") LIKE %s ESCAPE ''"
                              " ORDER BY id LIMIT 6", ("%" + ref.lower() + "%",))
        if not rows:
            raise NotFound(f"no session matches {ref!r}", hint="list them with `forumlens sessions`")
        if len(rows) > 1:
            raise ConfigError(f"{ref!r} matches several sessions: " + ", ".join(r[0] for r in rows[:5]),
                              hint="give more of the id")
        return str(rows[0][0])

    def sessions(self, *, year: int | None = None, limit: int = 100, offset: int = 0) -> list[SessionInfo]:
        sql, params = sessions_sql(year, limit, offset)
        return [SessionInfo(*row) for row in self._read(to_pyformat(sql), params)]

    def session_info(self, ref: str) -> SessionInfo:
        sid = self.resolve_ref(ref)
        sql = ("SELECT s.id, s.title, s.year, d.source, s.turn_count, s.speaker_count, s.word_count, d.ingested_at"
               " FROM sessions s JOIN documents d ON d.id = s.id WHERE s.id = %s")
        rows = self._read(sql, (sid,))
        if not rows:
            raise NotFound(f"no session matches {ref!r}", hint="list them with `forumlens sessions`")
        return SessionInfo(*rows[0])

    def load_session(self, ref: str) -> Session:
        sid = self.resolve_ref(ref)
        with self._snapshot() as cur:
            cur.execute("SELECT title, sha256, source, text, year, warnings FROM documents WHERE id = %s", (sid,))
            doc = cur.fetchone()
            cur.execute("SELECT idx, line, label, speaker, kind, text, start_offset, end_offset, end_line,"
                        " page, section FROM turns WHERE session_id = %s ORDER BY idx", (sid,))
            rows = cur.fetchall()
        if doc is None:  # replaced or deleted between resolving and reading
            raise NotFound(f"no session matches {ref!r}", hint="list them with `forumlens sessions`")
        turns = tuple(Turn(index=r[0], line=r[1], label=r[2], speaker=r[3], kind=r[4], text=r[5], start=r[6],
                           end=r[7], end_line=r[8], page=r[9], section=r[10]) for r in rows)
        return Session(title=doc[0], sha256=doc[1], source=doc[2], turns=turns, text=doc[3], year=doc[4],
                       warnings=tuple(json.loads(doc[5])))

    def analysis(self, session_id: str, kind: str) -> Any | None:
        rows = self._read("SELECT data FROM analyses WHERE session_id = %s AND kind = %s", (session_id, kind))
        return json.loads(rows[0][0]) if rows else None

    def search(self, query: Query, filters: SearchFilters) -> list[SearchHit]:
        tsquery = to_tsquery(query)
        if tsquery is None:
            return []
        sql, params = pg_search_sql(tsquery, filters)
        words = highlight_terms(query)
        hits = []
        for _id, score, sid, end_line, speaker, label, text, headline, title in self._read(sql, params):
            hits.append(SearchHit(
                session=sid, line=_line_of_first(text, end_line, words), speaker=speaker,
                snippet=_snippet(headline, text), score=float(score), title=title, label=label,
            ))
        return hits

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "sessions", "turns", "speakers", "analyses", "people", "tags"):
            out[table] = int(self._read(f"SELECT count(*) FROM {table}")[0][0])
        return out

    def check(self) -> list[str]:
        """Problems found against forumlens's invariants; [] if healthy.

        The server enforces foreign keys itself; we check what it cannot know: the schema
        version, session/turn counts, and that every turn with words is in the search index.
        """
        problems: list[str] = []
        with self._snapshot() as cur:
            version = self.schema_version_in(cur)
            if version != SCHEMA_VERSION:
                problems.append(f"schema version {version}, expected {SCHEMA_VERSION}")
            cur.execute("SELECT count(*) FROM sessions s LEFT JOIN documents d ON d.id = s.id WHERE d.id IS NULL")
            orphans = cur.fetchone()[0]  # type: ignore[index]
            if orphans:
                problems.append(f"{orphans} sessions without a document")
            cur.execute("SELECT s.id FROM sessions s WHERE s.turn_count !="
                        " (SELECT count(*) FROM turns t WHERE t.session_id = s.id)")
            problems += [f"session {r[0]}: turn count does not match its turns" for r in cur.fetchall()]
            cur.execute("SELECT count(*) FROM turns WHERE tsv = ''::tsvector AND text ~ '[[:alnum:]]'")
            unindexed = cur.fetchone()[0]  # type: ignore[index]
            if unindexed:
                problems.append(f"search index: {unindexed} turns with words are not indexed")
        return problems

    @staticmethod
    def schema_version_in(cur: psycopg.Cursor[Any]) -> int:
        cur.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA_TABLE}")
        return int(cur.fetchone()[0])  # type: ignore[index]


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"


def _hash_lock(sha256: str) -> int:
    """A signed 64-bit advisory-lock key from a content hash (any string)."""
    return int.from_bytes(hashlib.sha256(sha256.encode()).digest()[:8], "big", signed=True)


def _snippet(headline: str, text: str) -> str:
    """ts_headline's fragment in FTS5 snippet() style: `**` marks, a marked phrase as one
    span, and `…` on a side where the fragment cuts the turn (judged on words, since
    ts_headline drops the punctuation around its fragment)."""
    marked = _ADJACENT_MARKS.sub(r"\1", headline.strip())
    words = tokens(marked)
    body = tokens(text)
    out = marked.replace(SNIPPET_OPEN, "**").replace(SNIPPET_CLOSE, "**")
    if words and body[: len(words)] != words:
        out = "…" + out
    if words and body[-len(words):] != words:
        out += "…"
    return out

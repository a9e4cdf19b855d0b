"""The embedded default store: one SQLite file, WAL mode, FTS5 search.

Every write is one `BEGIN IMMEDIATE` transaction, so an ingest that fails (bad input,
full disk, killed process) leaves the file exactly as it was, and two ingests of the
same file serialise on the unique content hash instead of storing it twice.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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
from ..search import (
    Query,
    SearchFilters,
    SearchResults,
    candidate_window,
    highlight_terms,
    rank_candidates,
    to_fts5,
)
from .catalog import DATA_MIGRATIONS
from .common import Params, Rows, Tx
from .migrations import SCHEMA_VERSION, SQLITE_MIGRATIONS, added_column
from .rows import TURN_COLUMNS
from .search_snippets import page_hits, page_snippets
from .sql import candidates_sql, page_sql, search_sql, snippet_sql
from .sqlstore import SQLStore

__all__ = ["SQLiteStore", "translate_sqlite_error"]

_HEADER = b"SQLite format 3\x00"


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


class _SQLiteTx:
    """The `Tx` of an open SQLite transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __call__(self, sql: str, params: Params = ()) -> Rows:
        return self._conn.execute(sql, params).fetchall()

    def many(self, sql: str, rows: Sequence[Params]) -> None:
        self._conn.executemany(sql, rows)


def _writable(path: Path) -> bool:
    """Writable by us *and* not marked read-only: root ignores permission bits, users do not."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def _not_sqlite(path: Path) -> bool:
    """Whether the file SQLite refused lacks SQLite's header (another kind of file, not a damaged store).

    Read only once SQLite has refused the file: reading it while this process holds a
    connection to it would drop that connection's locks (SQLiteStore._check_file)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) != _HEADER
    except OSError:
        return False


def translate_sqlite_error(exc: sqlite3.Error, location: str) -> StoreError:
    """Map a driver error to the forumlens exception tree, with a fix in the message."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return StoreReadOnly(
            "the database is read-only",
            source=location,
            hint="check the file and folder permissions, or pass another --db",
        )
    if "disk is full" in text or "disk full" in text or "database or disk is full" in text:
        return StoreFull(
            "disk full: the database could not be written; nothing was changed",
            source=location,
            hint="free some space or move the store with --db",
        )
    if "malformed" in text or "not a database" in text or "encrypted" in text or "corrupt" in text:
        return StoreCorrupt(
            f"the database file is damaged ({exc})",
            source=location,
            hint="run `forumlens check`, restore a backup, or start a new store with --db",
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            "the database is busy (locked by another process)",
            source=location,
            hint="wait for the other ingest to finish and retry",
        )
    if "unable to open" in text:
        return StoreError(
            "the database file cannot be opened",
            source=location,
            hint="check that the folder exists and is writable, or pass another --db",
        )
    return StoreError(f"database error: {exc}", source=location)


class SQLiteStore(SQLStore):
    """A forumlens store in one SQLite file (or ":memory:")."""

    dialect = "sqlite"

    def __init__(self, location: str, *, readonly: bool = False, create: bool = True) -> None:
        self.location = location
        self.readonly = readonly
        self.create = create and not readonly
        memory = location == ":memory:"
        path = Path(location)
        if not memory:
            self._check_file(path)
        try:
            if not memory and readonly and path.exists() and not _writable(path):
                self.conn = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=ro",
                    uri=True,
                    timeout=30,
                    isolation_level=None,
                    check_same_thread=False,
                )
            else:
                self.conn = sqlite3.connect(location, timeout=30, isolation_level=None, check_same_thread=False)
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
            if not memory and "not a database" in str(exc) and _not_sqlite(path):
                raise StoreCorrupt(
                    "is not a SQLite database (or its header is damaged)",
                    source=str(path),
                    hint="pass the right file to --db, or restore a backup",
                ) from exc
            raise translate_sqlite_error(exc, location) from exc
        except UnicodeDecodeError as exc:  # garbage where SQLite keeps the schema's text
            raise StoreCorrupt(
                "the database file is damaged (its schema is unreadable)",
                source=location,
                hint="restore a backup, or start a new store with --db",
            ) from exc

    # -- opening -------------------------------------------------------------------
    def _check_file(self, path: Path) -> None:
        if path.is_dir():
            raise ConfigError(
                "is a folder, not a database file",
                source=str(path),
                hint="pass a file path such as forumlens.sqlite3 to --db",
            )
        if path.exists():
            # The header is not read here: closing any handle on the file drops every POSIX lock
            # this process holds on it, so a portal thread opening its store beside another's
            # open connection let a finishing `forumlens ingest` delete the WAL under it ("database
            # disk image is malformed" on every page). A file that is not SQLite is named after
            # SQLite refuses it (`_not_sqlite`), which reads nothing and changes nothing.
            if not self.create and not path.stat().st_size and not Path(f"{path}-wal").exists():
                # an empty file (`touch`, or notes.txt by mistake) holds no store: a reading command
                # turned it into one, schema and all, and said "No sessions stored yet"
                raise NotFound(
                    "is an empty file, not a store",
                    source=str(path),
                    hint="`forumlens ingest FILES` or `forumlens migrate` makes it one; check --db",
                )
            if not self.readonly and not _writable(path):
                raise StoreReadOnly(
                    "the database file is read-only",
                    source=str(path),
                    hint="check its permissions, or pass another --db",
                )
            return
        if not self.create:  # a reading command never creates a store (a typo in --db would)
            raise NotFound(
                "no store at this path",
                source=str(path),
                hint="`forumlens ingest FILES` or `forumlens migrate` creates one; check --db",
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the folder for the database ({exc.strerror})",
                source=str(path),
                hint="pass a writable location to --db",
            ) from exc
        if not os.access(path.parent, os.W_OK):
            raise StoreReadOnly(
                "the database folder is not writable", source=str(path.parent), hint="pass a writable location to --db"
            )

    def schema_version(self) -> int:
        """The applied migration count (`forumlens migrate` reports it)."""
        return int(self._rows("PRAGMA user_version")[0][0])

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the store has schema version {version}, newer than this forumlens ({SCHEMA_VERSION})",
                source=self.location,
                hint="upgrade forumlens",
            )
        if version == SCHEMA_VERSION:
            return
        if self.readonly and not _writable(Path(self.location)):
            raise StoreReadOnly("the store needs a schema upgrade but is read-only", source=self.location)
        with self._write() as tx:
            for number in range(version, SCHEMA_VERSION):
                for statement in SQLITE_MIGRATIONS[number]:
                    if (added := added_column(statement)) is not None and self._has_column(*added):
                        continue  # the column is there already: the migration is idempotent on it
                    self.conn.execute(statement)
                if (data_step := DATA_MIGRATIONS.get(number + 1)) is not None:
                    data_step(tx)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _has_column(self, table: str, column: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM pragma_table_info(?) WHERE name = ?", (table, column)).fetchone()
            is not None
        )

    @contextmanager
    def _write(self) -> Iterator[Tx]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.location) from exc
        try:
            yield _SQLiteTx(self.conn)
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise translate_sqlite_error(exc, self.location) from exc
            raise

    @contextmanager
    def _snapshot(self) -> Iterator[Tx]:
        """Plain reads: the connection may be shared by threads, so no BEGIN here (a
        concurrent writer would find a transaction already open); WAL readers see
        whole commits only."""
        yield _SQLiteTx(self.conn)

    def _rows(self, sql: str, params: Params = ()) -> Rows:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.location) from exc

    def close(self) -> None:
        self.conn.close()

    # -- whole tables, for `forumlens copy` ------------------------------------------------
    def _table_columns(self) -> dict[str, list[str]]:
        names = self._rows(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        return {
            str(t): [str(r[0]) for r in self._rows("SELECT name FROM pragma_table_info(?) ORDER BY cid", (t,))]
            for (t,) in names
        }

    def _foreign_keys(self) -> list[tuple[str, str]]:
        return [
            (table, str(r[0]))
            for table in self._table_columns()
            for r in self._rows('SELECT "table" FROM pragma_foreign_key_list(?)', (table,))
        ]

    def _stream(self, table: str, columns: list[str], batch: int) -> Iterator[Rows]:
        names = ", ".join(f'"{c}"' for c in columns)
        try:
            cursor = self.conn.execute(f'SELECT {names} FROM "{table}"')
            while rows := cursor.fetchmany(batch):
                yield rows
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.location) from exc

    def _bulk_insert(self, tx: Tx, table: str, columns: list[str], rows: Rows) -> None:
        names = ", ".join(f'"{c}"' for c in columns)
        tx.many(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})', rows)

    @contextmanager
    def _consistent_reads(self) -> Iterator[None]:
        """One read transaction around a long, single-threaded read (a copy, a digest)."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def _insert_turns(self, tx: Tx, rows: list[tuple[Any, ...]]) -> None:
        tx.many(_insert("turns", TURN_COLUMNS), rows)  # the FTS5 index follows by trigger

    def search(self, query: Query, filters: SearchFilters) -> SearchResults:
        """Ranked hits with snippets: the newest `candidate_window` matches scored (see
        `search.CANDIDATE_CAP`), the page chosen in Python, then its turns and snippets."""
        match = to_fts5(query)
        if match is None:
            return SearchResults(total=0)
        window = candidate_window(filters)
        if window is None:
            return self._search_exhaustive(match, query, filters)
        sql, params = candidates_sql(match, filters, window)
        candidates = [(int(rowid), -float(bm25)) for rowid, bm25 in self._rows(sql, params)]
        page, total, capped = rank_candidates(candidates, filters)
        if not page:
            return SearchResults(total=total, total_is_estimate=capped)
        sql, params = page_sql([rowid for rowid, _ in page])
        details = {row[0]: row[1:] for row in self._rows(sql, params)}
        snippets = page_snippets(match, [(rowid, row[4], row[5]) for rowid, row in details.items()])
        hits = page_hits(page, details, snippets, highlight_terms(query))
        return SearchResults(hits, total=total, total_is_estimate=capped)

    def _search_exhaustive(self, match: str, query: Query, filters: SearchFilters) -> SearchResults:
        """Every match scored and sorted in SQL, snippets from the store's index: the path
        before the candidate cap (`SearchFilters(candidates=None)`), kept for comparison."""
        sql, params = search_sql(match, filters)
        ranked = self._rows(sql, params)
        if not ranked:
            return SearchResults()
        sql, params = snippet_sql(match, [r[0] for r in ranked])
        # (session, end line, speaker, label, text, snippet, title): the snippet stands where
        # `page_hits` reads the speaker key it does not use, and is handed over apart
        details = {row[0]: row[1:] for row in self._rows(sql, params)}
        snippets = {rowid: row[5] for rowid, row in details.items()}
        page = [(rowid, -float(score)) for rowid, score in ranked]
        return SearchResults(page_hits(page, details, snippets, highlight_terms(query)))

    def backup(self, target: str) -> None:
        """A consistent copy of the store while readers and writers go on (SQLite backup API)."""
        path = Path(target)
        if path.exists():
            raise ConfigError(
                "already exists; refusing to overwrite a backup", source=target, hint="choose a new file name"
            )
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
        """Problems found by SQLite's own checks and forumlens's invariants; [] if healthy.

        A file damaged past what `PRAGMA integrity_check` can walk makes the check itself fail:
        that is the problem to list (`forumlens check` said "damaged: run `forumlens check`"
        instead, to the one who had just run it), and the checks after it are not tried."""
        problems: list[str] = []
        try:
            self._check_into(problems)
        except StoreCorrupt as exc:
            problems.append(f"{exc.message}: restore a backup, or start a new store with --db")
        return problems

    def _check_into(self, problems: list[str]) -> None:
        version = self._rows("PRAGMA user_version")[0][0]
        if version != SCHEMA_VERSION:
            problems.append(f"schema version {version}, expected {SCHEMA_VERSION}")
        rows = self._rows("PRAGMA integrity_check")
        problems += [f"integrity: {r[0]}" for r in rows if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in self._rows("PRAGMA foreign_key_check")]
        try:
            self.conn.execute("INSERT INTO turns_fts(turns_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.Error as exc:
            problems.append(f"search index: {exc}")
        orphans = self._rows("SELECT count(*) FROM sessions s LEFT JOIN documents d ON d.id = s.id WHERE d.id IS NULL")
        if orphans[0][0]:
            problems.append(f"{orphans[0][0]} sessions without a document")
        mismatch = self._rows(
            "SELECT s.id FROM sessions s WHERE s.turn_count != (SELECT count(*) FROM turns t WHERE t.session_id = s.id)"
        )
        problems += [f"session {r[0]}: turn count does not match its turns" for r in mismatch]
        fts = self._rows("SELECT (SELECT count(*) FROM turns), (SELECT count(*) FROM turns_fts)")[0]
        if fts[0] != fts[1]:
            problems.append(f"search index has {fts[1]} rows for {fts[0]} turns")
        for table in ("appearances", "coalition_mentions", "tags", "analyses", "speakers"):
            orphans = self._rows(
                f"SELECT count(*) FROM {table} x LEFT JOIN sessions s ON s.id = x.session_id WHERE s.id IS NULL"
            )[0][0]
            if orphans:
                problems.append(f"{orphans} orphan rows in {table}")

"""The server store: PostgreSQL through psycopg 3, for many readers and an ingest job.

It keeps the SQLite store's promises with the server's own tools: each write is one
transaction (a failed ingest leaves nothing behind); two ingests of the same content
serialise on a transaction-level advisory lock keyed by the content hash, so they store
one session; multi-statement reads run in one REPEATABLE READ snapshot, so a reader never
sees half a session. Search uses a `tsvector` column built from the same tokens FTS5
indexes (store/fts.py), so both stores return the same hits; it is matched and ranked in
the narrow table `turn_search` (migration 6, kept in step by triggers), and a page's
snippets are made by FTS5 itself (store/search_snippets.py), as on SQLite. Migration 7
indexes that table twice more, for what the words' index cannot narrow: each turn's
adjacent word pairs (phrases) and its speaker key's trigrams (speaker filters). Since
migration 8 those indexes take new entries into a pending list, which every write merges
in bulk before it commits (`_flush_search`): writes pay one sorted merge, not one tree
insert per word, and readers still find no pending entries.

One connection per store object, guarded by a lock: threads sharing a store take turns,
as they do on the SQLite store's single connection; open one store per worker for
parallel reads.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from itertools import pairwise
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
from ..models import SearchHit
from ..search import (
    Query,
    SearchFilters,
    SearchResults,
    candidate_window,
    highlight_terms,
    rank_candidates,
    to_fts5,
)
from . import redact
from .catalog import DATA_MIGRATIONS
from .common import Params, Rows, Tx
from .fts import PAIR_CHARS, to_tsquery, tokens, tsvector_literal, word_pairs_tsquery
from .migrations import PG_MIGRATIONS, SCHEMA_VERSION
from .placeholders import to_pyformat
from .rows import TURN_COLUMNS
from .search_snippets import page_hits, page_snippets
from .sql import (
    RANK_OF,
    SEARCH_TABLE,
    page_sql,
    pg_candidates_sql,
    pg_phrase_candidates_sql,
    pg_search_sql,
    rank_newest,
)
from .sqlstore import SQLStore

__all__ = ["PostgresStore", "translate_pg_error"]

SCHEMA_TABLE = "forumlens_schema"
_MIGRATION_LOCK = 0x666F72756D  # "forum": one migrator at a time per database


class _PostgresTx:
    """The `Tx` of an open PostgreSQL transaction (portable SQL adapted on the way in)."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self.cursor = cursor

    def __call__(self, sql: str, params: Params = ()) -> Rows:
        self.cursor.execute(to_pyformat(sql), tuple(params))
        return self.cursor.fetchall() if self.cursor.description is not None else []

    def many(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            self.cursor.executemany(to_pyformat(sql), [tuple(r) for r in rows])


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
        return StoreReadOnly(
            f"the database refused the write ({detail})",
            source=where,
            hint="connect as a user allowed to write, or to the primary server",
        )
    if isinstance(exc, (pg_errors.DiskFull, pg_errors.OutOfMemory)):
        return StoreFull(
            "the database server is out of space; nothing was changed",
            source=where,
            hint="free space on the server and retry",
        )
    if isinstance(exc, (pg_errors.DataCorrupted, pg_errors.IndexCorrupted)):
        return StoreCorrupt(
            f"the database reports damaged data ({detail})",
            source=where,
            hint="run `forumlens check`, REINDEX, or restore a backup",
        )
    if isinstance(
        exc,
        (
            pg_errors.DeadlockDetected,
            pg_errors.SerializationFailure,
            pg_errors.LockNotAvailable,
            pg_errors.QueryCanceled,
        ),
    ):
        return StoreError(
            f"the database is busy ({detail})", source=where, hint="retry; another writer held the same rows"
        )
    if isinstance(exc, pg_errors.UndefinedTable):
        return StoreError(
            f"this database is not a forumlens store ({detail})",
            source=where,
            hint="run `forumlens migrate --db URL`, or check the URL",
        )
    if isinstance(exc, psycopg.OperationalError):
        return StoreError(
            f"cannot reach the PostgreSQL server ({detail})",
            source=where,
            hint="check the URL, that the server is running, and the user's password",
        )
    if isinstance(exc, psycopg.DataError):
        return StoreError(f"the database rejected a value ({detail})", source=where)
    return StoreError(f"database error: {detail}", source=where)


class PostgresStore(SQLStore):
    """A forumlens store in a PostgreSQL database (tables in the URL's search_path)."""

    dialect = "postgres"
    _shares: tuple[float, LexemeShares] | None = None  # (when read, lexeme statistics) for search plans

    def __init__(self, location: str, *, readonly: bool = False, create: bool = True) -> None:
        self.location = location
        self.readonly = readonly  # advisory, as on SQLite: the server's grants decide
        self._lock = threading.RLock()
        try:
            # keepalives and an idle-in-transaction limit: a client that dies mid-transaction
            # must not leave its locks behind for the next ingest
            self.conn = psycopg.connect(
                location,
                autocommit=True,
                connect_timeout=15,
                application_name="forumlens",
                keepalives=1,
                keepalives_idle=30,
                keepalives_interval=10,
                keepalives_count=3,
                options="-c idle_in_transaction_session_timeout=120000",
            )
        except psycopg.Error as exc:
            raise translate_pg_error(exc, location) from exc
        except Exception as exc:  # malformed URL (psycopg raises ProgrammingError or ValueError)
            raise ConfigError(
                f"not a usable PostgreSQL URL ({exc})",
                source=redact(location),
                hint="postgresql://USER:PASSWORD@HOST:PORT/DATABASE",
            ) from exc
        self.conn.adapters.register_loader("numeric", _NumericLoader)
        try:
            if (readonly or not create) and self.schema_version() == 0:  # only writers create a store
                self.conn.close()
                raise NotFound(
                    "this database holds no forumlens store",
                    source=redact(location),
                    hint="`forumlens migrate` or `forumlens ingest FILES` creates one; check --db",
                )
            self._migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise translate_pg_error(exc, location) from exc

    # -- schema ----------------------------------------------------------------------
    def schema_version(self) -> int:
        rows = self._native("SELECT to_regclass(%s) IS NOT NULL", (SCHEMA_TABLE,))
        if not rows[0][0]:
            return 0
        rows = self._native(f"SELECT max(version) FROM {SCHEMA_TABLE}")
        return int(rows[0][0] or 0)

    def _migrate(self) -> None:
        if self.schema_version() == SCHEMA_VERSION:
            return
        with self._lock, self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            cur.execute(
                f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} (version INTEGER NOT NULL,"
                " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            cur.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA_TABLE}")
            version = int(cur.fetchone()[0])  # type: ignore[index]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the store has schema version {version}, newer than this forumlens ({SCHEMA_VERSION})",
                    source=redact(self.location),
                    hint="upgrade forumlens",
                )
            for number in range(version, SCHEMA_VERSION):
                for statement in PG_MIGRATIONS[number]:
                    cur.execute(statement)
                if (data_step := DATA_MIGRATIONS.get(number + 1)) is not None:
                    data_step(_PostgresTx(cur))
                cur.execute(f"INSERT INTO {SCHEMA_TABLE} (version) VALUES (%s)", (number + 1,))
            if version < SCHEMA_VERSION:  # a data step (10) may have rewritten search rows: merge their entries
                _flush_search(_PostgresTx(cur))

    # -- primitives ----------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Tx]:
        """One write transaction; any error rolls it back and is mapped to a forumlens error."""
        with self._lock:
            try:
                with self.conn.transaction(), self.conn.cursor() as cur:
                    yield _PostgresTx(cur)
            except psycopg.Error as exc:
                raise translate_pg_error(exc, self.location) from exc

    @contextmanager
    def _snapshot(self) -> Iterator[Tx]:
        """Several reads that see one consistent state of the store."""
        with self._lock:
            try:
                with self.conn.transaction(), self.conn.cursor() as cur:
                    cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    yield _PostgresTx(cur)
            except psycopg.Error as exc:
                raise translate_pg_error(exc, self.location) from exc

    def _rows(self, sql: str, params: Params = ()) -> Rows:
        return self._native(to_pyformat(sql), tuple(params))

    def _native(self, sql: str, params: Params = ()) -> Rows:
        """Rows of a statement already in psycopg's `%s` style."""
        with self._lock:
            try:
                with self.conn.cursor() as cur:
                    cur.execute(sql, params)
                    return cur.fetchall() if cur.description is not None else []
            except psycopg.Error as exc:
                raise translate_pg_error(exc, self.location) from exc

    def _unprepared(self, sql: str, params: Params = ()) -> Rows:
        """Rows of a statement planned for its own values, never from a prepared statement.

        psycopg prepares a statement run five times, and the server may then reuse a
        generic plan, blind to the values. For the search candidates the best plan depends
        on them (how common the words are, which year): a generic plan that joins every
        session of a year to every match took 170 ms where the planned one takes 10.
        """
        with self._lock:
            try:
                with self.conn.cursor() as cur:
                    cur.execute(sql, params, prepare=False)
                    return cur.fetchall()
            except psycopg.Error as exc:
                raise translate_pg_error(exc, self.location) from exc

    def close(self) -> None:
        self.conn.close()

    # -- whole tables, for `forumlens copy` ------------------------------------------------
    def _table_columns(self) -> dict[str, list[str]]:
        columns: dict[str, list[str]] = {}
        for table, column in self._rows(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c"
            " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
            f" AND c.table_name != '{SCHEMA_TABLE}' ORDER BY c.table_name, c.ordinal_position"
        ):
            # computed from the text on the way in (turns.tsv), and kept in step by triggers (turn_search)
            if (table, column) != ("turns", "tsv") and table != SEARCH_TABLE:
                columns.setdefault(str(table), []).append(str(column))
        return columns

    def _foreign_keys(self) -> list[tuple[str, str]]:
        return [
            (str(a), str(b))
            for a, b in self._rows(
                "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
                " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"
            )
        ]

    def _stream(self, table: str, columns: list[str], batch: int) -> Iterator[Rows]:
        names = ", ".join(f'"{c}"' for c in columns)
        idle = self.conn.info.transaction_status == 0  # a server-side cursor needs a transaction
        with self._lock:
            try:
                with (
                    self.conn.transaction() if idle else nullcontext(),
                    self.conn.cursor(name=f"forumlens_copy_{table}") as cur,
                ):
                    cur.itersize = batch
                    cur.execute(f'SELECT {names} FROM "{table}"')
                    while rows := cur.fetchmany(batch):
                        yield rows
            except psycopg.Error as exc:
                raise translate_pg_error(exc, self.location) from exc

    def _bulk_insert(self, tx: Tx, table: str, columns: list[str], rows: Rows) -> None:
        assert isinstance(tx, _PostgresTx)
        names = list(columns)
        if table == "turns":  # the search vector, as an ingest computes it
            text_at, key_at = columns.index("text"), columns.index("speaker_key")
            names.append("tsv")
            rows = [(*row, tsvector_literal(row[text_at] or "", row[key_at] or "")) for row in rows]
        with tx.cursor.copy(f'COPY "{table}" ({", ".join(chr(34) + c + chr(34) for c in names)}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)

    def _after_bulk_insert(self, tx: Tx) -> None:
        """After explicit ids went in, new rows must number on from the largest; the search
        indexes' pending entries are merged before the copy commits (migration 8)."""
        _flush_search(tx)
        for table, column in tx(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND is_identity = 'YES'"
        ):
            tx(
                f'SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max("{column}"), 0) + 1, false) FROM "{table}"',
                (f'"{table}"', column),
            )

    @contextmanager
    def _consistent_reads(self) -> Iterator[None]:
        """One REPEATABLE READ snapshot around a long read (a copy, a digest)."""
        with self._lock:
            try:
                with self.conn.transaction():
                    self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    yield
            except psycopg.Error as exc:
                raise translate_pg_error(exc, self.location) from exc

    # -- hooks of the shared queries ---------------------------------------------------------
    def _lock_content(self, tx: Tx, sha256: str) -> None:
        # same content racing in two processes: the second waits here, then finds the first's row
        tx("SELECT pg_advisory_xact_lock(?)", (_hash_lock(sha256),))

    def _insert_turns(self, tx: Tx, rows: list[tuple[Any, ...]]) -> None:
        # the search column is built here, from the same tokens as SQLite's FTS5 index
        assert isinstance(tx, _PostgresTx)
        with tx.cursor.copy(f"COPY turns ({', '.join(TURN_COLUMNS)}, tsv) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((*row, tsvector_literal(row[8], row[6])))
        _flush_search(tx)

    def _turns_recredited(self, tx: Tx) -> None:
        # the triggers rewrote those turns' search rows (migration 10): merge their index entries now
        _flush_search(tx)

    def search(self, query: Query, filters: SearchFilters) -> SearchResults:
        """Ranked hits with snippets, as the SQLite store ranks them: the same newest
        candidates (highest turn ids) scored, the page chosen in Python, then its rows."""
        tsquery = to_tsquery(query)
        if tsquery is None:
            return SearchResults(total=0)
        window = candidate_window(filters)
        if window is None:
            return self._search_exhaustive(tsquery, query, filters)
        candidates = self._search_candidates(tsquery, query, filters, window)
        page, total, capped = rank_candidates(candidates, filters)
        if not page:
            return SearchResults(total=total, total_is_estimate=capped)
        sql, params = page_sql([turn_id for turn_id, _ in page])
        details = {row[0]: row[1:] for row in self._rows(sql, params)}
        return SearchResults(_page_hits(query, page, details), total=total, total_is_estimate=capped)

    def _search_candidates(
        self, tsquery: str, query: Query, filters: SearchFilters, window: int
    ) -> list[tuple[int, float]]:
        """The newest `window + 1` matches after filters, with their ts_rank scores.

        Three ways to read them, chosen from the server's statistics, the same rows by each:
        a common word or phrase (`coalition`, `"of the"`) makes the GIN index hand over every
        turn holding the words (a phrase's each to be read for its positions), only to keep
        the newest 2,000: when the statistics say those lie within the newest `span` turns,
        that range is walked first, newest first (`_recent_first`), and older turns are
        searched only if it held too few. A query of phrases otherwise reads the turns
        holding the phrases' word pairs (migration 7, `pg_phrase_candidates_sql`), ranking
        each as it is read when few are expected. The rest is one query on the words'
        index. A speaker filter keeps the words' index: its trigram bitmap narrows the rows
        there, and an AND with the pairs' bitmap would re-make each row's pairs to check them.
        """
        shares = self._lexeme_shares()
        share = match_share(query, shares)
        if not _has_filters(filters):
            span = recent_span(share, window, shares.rows)
            if span is not None:
                return self._recent_first(tsquery, window, span)
        pairs = None if filters.speaker else word_pairs_tsquery(query)
        if pairs is not None:
            one_pass = share * shares.rows <= ONE_PASS_MOST * (window + 1)
            sql, params = pg_phrase_candidates_sql(tsquery, pairs, filters, window, one_pass=one_pass)
        else:
            sql, params = pg_candidates_sql(tsquery, filters, window)
        return [(int(turn_id), float(score)) for turn_id, score in self._unprepared(sql, params)]

    def _recent_first(self, tsquery: str, window: int, span: int) -> list[tuple[int, float]]:
        """The candidates of an unfiltered query, the newest `span` turns first.

        The newest `span` turns are one id range below the highest id, and its lowest id is
        a value the planner sees: it reads that range (newest first, stopping at `window + 1`
        matches) rather than every turn holding the words. If the range held fewer (the
        estimate was high: an exclusion, correlated words), the next range below is sized
        from the share of turns the last one matched and walked the same way, while it is
        a small part of the turns left; the rest come from below the last range in one
        query. Ranges are id ranges: after deletions one holds fewer turns, and the next
        step finds what it missed. A turn stored meanwhile has a higher id, so it only
        joins the first range. The same rows as one query, whatever the ranges.
        """
        limit = window + 1
        top = self._unprepared(f"SELECT max(id) FROM {SEARCH_TABLE}")[0][0]
        if top is None:
            return []
        ceiling = int(top) + 1  # a range is [floor, ceiling)
        found: list[tuple[int, float]] = []
        for step in range(RECENT_STEPS):
            floor = ceiling - span
            upper = _ABOVE_ALL if step == 0 else ceiling  # the first range takes turns stored meanwhile
            rows = self._unprepared(_RECENT_SQL, (tsquery, floor, upper, tsquery, limit - len(found)))
            found += [(int(i), float(score)) for i, score in rows]
            if len(found) >= limit or floor <= 1:  # ids start at 1
                return found
            left = floor  # ids below the range: at most this many turns
            share = len(rows) / span
            span = int(RECENT_MARGIN * (limit - len(found)) / share) + 1 if share else left
            ceiling = floor
            if span >= left / 2:
                break
        older = self._unprepared(_OLDER_SQL, (tsquery, ceiling, limit - len(found)))
        return found + [(int(i), float(score)) for i, score in older]

    def _lexeme_shares(self) -> LexemeShares:
        """The share of turns holding each frequent lexeme and word pair (the server's statistics), kept a while."""
        import time

        now = time.monotonic()
        if self._shares is not None and now - self._shares[0] < _SHARES_TTL:
            return self._shares[1]
        rows = self._native(_SHARES_SQL)
        shares = LexemeShares.from_stats(*rows[0]) if rows else LexemeShares(0.0, {}, 0.0)
        pair_rows = self._native(_PAIR_SHARES_SQL)
        if pair_rows:
            shares.pairs = LexemeShares.from_stats(shares.rows, *pair_rows[0])
        self._shares = (now, shares)
        return shares

    def _search_exhaustive(self, tsquery: str, query: Query, filters: SearchFilters) -> SearchResults:
        """Every match ranked in one statement: the path before the candidate cap
        (`SearchFilters(candidates=None)`), kept for comparison."""
        sql, params = pg_search_sql(tsquery, filters)
        rows = self._native(sql, params)
        page = [(int(row[0]), float(row[1])) for row in rows]
        return SearchResults(_page_hits(query, page, {row[0]: row[2:] for row in rows}))

    def check(self) -> list[str]:
        """Problems found against forumlens's invariants; [] if healthy.

        The server enforces foreign keys itself; we check what it cannot know: the schema
        version, session/turn counts, and that every turn with words is in the search index.
        """
        problems: list[str] = []
        with self._snapshot() as tx:
            version = int(tx(f"SELECT coalesce(max(version), 0) FROM {SCHEMA_TABLE}")[0][0])
            if version != SCHEMA_VERSION:
                problems.append(f"schema version {version}, expected {SCHEMA_VERSION}")
            orphans = tx("SELECT count(*) FROM sessions s LEFT JOIN documents d ON d.id = s.id WHERE d.id IS NULL")
            if orphans[0][0]:
                problems.append(f"{orphans[0][0]} sessions without a document")
            mismatched = tx(
                "SELECT s.id FROM sessions s WHERE s.turn_count !="
                " (SELECT count(*) FROM turns t WHERE t.session_id = s.id)"
            )
            problems += [f"session {r[0]}: turn count does not match its turns" for r in mismatched]
            unindexed = tx("SELECT count(*) FROM turns WHERE tsv = ''::tsvector AND text ~ '[[:alnum:]]'")
            if unindexed[0][0]:
                problems.append(f"search index: {unindexed[0][0]} turns with words are not indexed")
            stale = tx(_STALE_SEARCH_SQL)
            if stale[0][0]:
                problems.append(
                    f"search table: {stale[0][0]} turns missing from {SEARCH_TABLE} or holding another vector"
                    " (`forumlens copy` the store to rebuild it)"
                )
        return problems


def _flush_search(tx: Tx) -> None:
    """Merge the search indexes' pending lists, in bulk, inside the writer's transaction.

    Migration 8 lets new turns' words and word pairs wait in each GIN index's pending list
    (one append per turn instead of one tree insert per key); merging them here, before
    the commit, keeps the lists empty for readers, so a search never scans them.
    """
    tx("SELECT forumlens_flush_search()")


def _hash_lock(sha256: str) -> int:
    """A signed 64-bit advisory-lock key from a content hash (any string)."""
    return int.from_bytes(hashlib.sha256(sha256.encode()).digest()[:8], "big", signed=True)


def _page_hits(
    query: Query, page: Sequence[tuple[int, float]], details: Mapping[Any, Sequence[Any]]
) -> list[SearchHit]:
    """The hits of one page, best first, with FTS5's own snippets (store/search_snippets.py).

    `details` maps a turn id to (session, end line, speaker, label, text, speaker key,
    title). The snippet is the one the SQLite store shows, made by FTS5 on a scratch index
    of the page (same tokens, so the same turns match): ts_headline re-parsed each turn's
    text with the server's parser (3–30 ms a page), and cut and marked it otherwise. A turn
    missing from `details` (replaced by an ingest since it was ranked) is left out, as on SQLite.
    """
    match = to_fts5(query)
    rows = [(turn_id, row[4], row[5]) for turn_id, row in details.items()]
    snippets = page_snippets(match, rows) if match is not None else {}
    return page_hits(page, details, snippets, highlight_terms(query))


# -- search planning ------------------------------------------------------------------------
_ABOVE_ALL = 2**62  # above every turn id
# The newest matches in the newest turns' id range (see `_recent_first`), ranked as
# `pg_candidates_sql` ranks: the primary key walked backwards from the newest turn, each
# vector tested and ranked in the same visit, stopping at `window + 1` matches or at the
# range's floor. `IS TRUE` keeps the GIN index out (it cannot answer it): the index would
# hand over every match in the range, to be sorted by id, where the walk reads only the
# newest turns. The tsquery is a value here, so the rank's constant is folded once.
_RECENT_SQL = (
    f"SELECT x.id, {RANK_OF.format('x').replace('q.q', '%s::tsquery')} FROM {SEARCH_TABLE} x"
    " WHERE x.id >= %s AND x.id < %s AND (x.tsv @@ %s::tsquery) IS TRUE ORDER BY x.id DESC LIMIT %s"
)
# turns whose search row is missing or differs from turns.tsv (the triggers keep them equal)
_STALE_SEARCH_SQL = (
    f"SELECT count(*) FROM turns t LEFT JOIN {SEARCH_TABLE} x ON x.id = t.id"
    " WHERE x.tsv IS DISTINCT FROM t.tsv OR x.session_id IS DISTINCT FROM t.session_id"
    " OR x.speaker_key IS DISTINCT FROM t.speaker_key OR x.person_key IS DISTINCT FROM t.person_key"
)
# the rest of the newest matches, below that range (as `pg_candidates_sql` without filters)
_OLDER_SQL = "WITH q AS (SELECT %s::tsquery AS q) " + rank_newest(f"{SEARCH_TABLE} x", "x.tsv @@ q.q AND x.id < %s")
# the server's lexeme statistics of the search vectors (ANALYZE keeps them) and its row estimate
_SHARES_SQL = (
    f"SELECT (SELECT reltuples FROM pg_class WHERE oid = '{SEARCH_TABLE}'::regclass),"
    " s.most_common_elems::text::text[], s.most_common_elem_freqs FROM pg_stats s"
    f" WHERE s.tablename = '{SEARCH_TABLE}' AND s.attname = 'tsv' AND s.schemaname = current_schema()"
)
# the same of the word pairs (migration 7): the statistics of the expression index `turn_search_pairs`
_PAIR_SHARES_SQL = (
    "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs FROM pg_stats s"
    " WHERE s.tablename = 'turn_search_pairs' AND s.schemaname = current_schema()"
)
_SHARES_TTL = 300.0  # seconds; statistics change on ANALYZE, a plan choice only needs them roughly
RECENT_MARGIN = 1.5  # read this many times the turns the estimate says hold the newest matches
RECENT_STEPS = 3  # id ranges walked newest first before the rest is read through the index
RECENT_MIN_SHARE = 0.02  # below this share the matches are few enough to read them all
ONE_PASS_MOST = 3.0  # phrases expected to match at most this many times the window are ranked as read


class LexemeShares:
    """How common the store's frequent lexemes are: the share of turns holding each.

    From PostgreSQL's statistics of the tsvector column (`most_common_elems`); a lexeme
    not listed is rarer than every listed one, so it gets the smallest listed share.
    `pairs`: the same for adjacent word pairs (the pair index's statistics), when known.
    Used only to choose how to read the candidates, never to decide what they are.
    """

    def __init__(self, rows: float, shares: dict[str, float], floor: float) -> None:
        self.rows = rows
        self.shares = shares
        self.floor = floor
        self.pairs: LexemeShares | None = None

    @classmethod
    def from_stats(cls, rows: Any, elems: Sequence[str] | None, freqs: Sequence[float] | None) -> LexemeShares:
        """From pg_stats: `most_common_elem_freqs` holds one share per element, then min, max, null share."""
        if not elems or not freqs or len(freqs) < len(elems):
            return cls(float(rows or 0), {}, 0.0)
        shares = {str(e): float(f) for e, f in zip(elems, freqs, strict=False)}
        return cls(float(rows or 0), shares, min(shares.values()))

    def of_word(self, word: str, prefix: bool = False) -> float:
        if not prefix:
            return self.shares.get(word, self.floor)
        return min(1.0, self.floor + sum(f for w, f in self.shares.items() if w.startswith(word)))

    def of_phrase(self, words: Sequence[str], prefix: bool = False) -> float:
        """A phrase's share: at most its rarest word's, and at most its rarest pair's when pairs are known."""
        share = min((self.of_word(w, prefix and i == len(words) - 1) for i, w in enumerate(words)), default=0.0)
        if self.pairs is not None and self.pairs.shares and len(words) > 1:
            pairs = [
                (f"{a} {b}"[:PAIR_CHARS], prefix and i == len(words) - 2) for i, (a, b) in enumerate(pairwise(words))
            ]
            share = min(share, *(self.pairs.of_word(pair, star) for pair, star in pairs))
        return share


def match_share(query: Query, shares: LexemeShares) -> float:
    """Estimated share of turns a query matches: a phrase as its rarest word or pair, the terms of
    a group as independent, groups as a sum (at most 1), an exclusion as removing its share."""
    total = 0.0
    for group in query.groups:
        share = 1.0
        for term in group:
            share *= shares.of_phrase(tokens(term.text), term.prefix)
        total += share
    for term in query.excluded:
        words = tokens(term.text)
        total *= 1.0 - min((shares.of_word(w, term.prefix) for w in words), default=0.0)
    return min(1.0, total)


def recent_span(share: float, window: int, rows: float) -> int | None:
    """How many of the newest turns to search first for `window + 1` matches, or None to
    read every match: when matches are rare, or the span would be most of the store."""
    if share < RECENT_MIN_SHARE or rows <= 0:
        return None
    span = int(RECENT_MARGIN * (window + 1) / share) + 1
    return span if span < rows / 2 else None


def _has_filters(filters: SearchFilters) -> bool:
    return bool(filters.speaker or filters.session or filters.year is not None or filters.tag or filters.coalition)

"""Moving a whole store between back ends (SQLite ⇄ PostgreSQL), and proving it lossless.

`copy_store` streams every table of the source, in foreign-key order, into an empty
target, in one target transaction (a failed copy leaves the target empty), reading the
source in one snapshot (so a copy taken while an ingest runs is still consistent). Only
real tables move: SQLite's FTS5 index is rebuilt by its triggers, PostgreSQL's search
vectors are computed on the way in. `table_digests` gives, per table, a row count and an
order-independent hash of the rows, so two stores can be compared without sorting them.

Tables are discovered from the catalogue, not listed here, so tables that later
migrations add are copied too.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from ..errors import ConfigError, StoreError
from .base import Store
from .fts import tsvector_literal

__all__ = ["copy_store", "dialect_of", "iter_rows", "schema_version_of", "table_digests", "tables_of"]

BATCH = 2000
_PG_ONLY_COLUMNS = {("turns", "tsv")}


def dialect_of(store: Store) -> str:
    return str(getattr(store, "dialect", "sqlite"))


def schema_version_of(location: str) -> int:
    """The schema version of a store without opening (and so migrating) it; 0 if new."""
    if location.startswith(("postgresql://", "postgres://")):
        import psycopg

        from .postgres import translate_pg_error

        try:
            with psycopg.connect(location, connect_timeout=15) as pg:
                found = pg.execute("SELECT to_regclass('forumlens_schema') IS NOT NULL").fetchone()
                if not found or not found[0]:
                    return 0
                row = pg.execute("SELECT coalesce(max(version), 0) FROM forumlens_schema").fetchone()
                return int(row[0]) if row else 0
        except psycopg.Error as exc:
            raise translate_pg_error(exc, location) from exc
    path = Path(location)
    if location == ":memory:" or not path.is_file() or path.stat().st_size == 0:
        return 0
    try:
        lite = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return int(lite.execute("PRAGMA user_version").fetchone()[0])
        finally:
            lite.close()
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the schema version ({exc})", source=location) from exc


def _fk_edges(store: Store) -> list[tuple[str, str]]:
    """(table, table it references) pairs."""
    if dialect_of(store) == "postgres":
        rows = store.query("SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
                           " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace")
        return [(str(a), str(b)) for a, b in rows]
    edges = []
    for (table,) in store.query("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                                " AND name NOT LIKE 'sqlite_%'"):
        edges += [(str(table), str(r[0])) for r in store.query("SELECT \"table\" FROM pragma_foreign_key_list(?)",
                                                                (table,))]
    return edges


def tables_of(store: Store) -> dict[str, list[str]]:
    """Data tables → their columns, parents before children (foreign-key order)."""
    columns: dict[str, list[str]] = {}
    if dialect_of(store) == "postgres":
        rows = store.query("SELECT c.table_name, c.column_name FROM information_schema.columns c"
                           " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                           " AND t.table_name = c.table_name"
                           " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
                           " AND c.table_name != 'forumlens_schema' ORDER BY c.table_name, c.ordinal_position")
        for table, column in rows:
            if (table, column) not in _PG_ONLY_COLUMNS:
                columns.setdefault(str(table), []).append(str(column))
    else:
        names = store.query("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                            " AND name NOT LIKE 'sqlite_%' ORDER BY name")
        for (table,) in names:
            columns[str(table)] = [str(r[0]) for r in store.query("SELECT name FROM pragma_table_info(?) ORDER BY cid",
                                                                  (table,))]
    parents: dict[str, set[str]] = {t: set() for t in columns}
    for child, parent in _fk_edges(store):
        if child in parents and parent in columns and parent != child:
            parents[child].add(parent)
    ordered: list[str] = []
    while parents:
        ready = sorted(t for t, deps in parents.items() if not deps - set(ordered))
        if not ready:
            raise StoreError("the tables' foreign keys form a cycle; cannot order the copy")
        ordered += ready
        for table in ready:
            del parents[table]
    return {t: columns[t] for t in ordered}


@contextmanager
def _source_snapshot(store: Store) -> Iterator[None]:
    """Every read of the source inside one consistent snapshot."""
    if dialect_of(store) == "postgres":
        conn = store.conn  # type: ignore[attr-defined]
        with store._lock, conn.transaction():  # type: ignore[attr-defined]
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    conn = store.conn  # type: ignore[attr-defined]
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def iter_rows(store: Store, table: str, columns: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    """Batches of a table's rows (column order as given), streamed, not loaded whole."""
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'SELECT {names} FROM "{table}"'
    if dialect_of(store) == "postgres":
        conn = store.conn  # type: ignore[attr-defined]
        idle = conn.info.transaction_status == 0  # not inside a snapshot: a server cursor needs one
        with (store._lock, conn.transaction() if idle else nullcontext(),  # type: ignore[attr-defined]
              conn.cursor(name=f"forumlens_copy_{table}") as cur):
            cur.itersize = BATCH
            cur.execute(sql)
            while batch := cur.fetchmany(BATCH):
                yield batch
        return
    cur = store.conn.execute(sql)  # type: ignore[attr-defined]
    while batch := cur.fetchmany(BATCH):
        yield batch


def _writer(target: Store) -> Callable[[Any, str, list[str], list[tuple[Any, ...]]], None]:
    if dialect_of(target) == "postgres":
        def write_pg(cur: Any, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
            names = list(columns)
            if table == "turns":  # the search vector, as the store computes it on ingest
                text_at, key_at = columns.index("text"), columns.index("speaker_key")
                names.append("tsv")
                rows = [(*row, tsvector_literal(row[text_at] or "", row[key_at] or "")) for row in rows]
            with cur.copy(f'COPY "{table}" ({", ".join(chr(34) + c + chr(34) for c in names)}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
        return write_pg

    def write_sqlite(conn: Any, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        names = ", ".join(f'"{c}"' for c in columns)
        conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})', rows)
    return write_sqlite


@contextmanager
def _target_transaction(target: Store) -> Iterator[Any]:
    if dialect_of(target) == "postgres":
        with target._write() as cur:  # type: ignore[attr-defined]
            yield cur
        return
    with target._write() as conn:  # type: ignore[attr-defined]
        yield conn


def _reset_identities(cur: Any) -> None:
    """After explicit ids went in, new rows must number on from the largest."""
    cur.execute("SELECT table_name, column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND is_identity = 'YES'")
    for table, column in cur.fetchall():
        cur.execute(f'SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max("{column}"), 0) + 1, false)'
                    f' FROM "{table}"', (f'"{table}"', column))


def copy_store(source: Store, target: Store,
               on_table: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every row of `source` into the empty `target`; returns rows copied per table."""
    source_tables = tables_of(source)
    target_tables = tables_of(target)
    missing = [t for t in source_tables if t not in target_tables]
    if missing:
        raise ConfigError(f"the target store has no table {', '.join(missing)}",
                          hint="upgrade forumlens on the target side, then `forumlens migrate`")
    for table, columns in source_tables.items():
        lacking = [c for c in columns if c not in target_tables[table]]
        if lacking:
            raise ConfigError(f"the target table {table} has no column {', '.join(lacking)}",
                              hint="both stores must be at the same schema version (`forumlens migrate`)")
    busy = [t for t in target_tables if target.query(f'SELECT 1 FROM "{t}" LIMIT 1')]
    if busy:
        raise ConfigError(f"the target store is not empty ({', '.join(busy)} have rows)",
                          source=str(getattr(target, "location", "")),
                          hint="copy into a new database or file")
    write = _writer(target)
    copied: dict[str, int] = {}
    with _target_transaction(target) as handle, _source_snapshot(source):
        for table in target_tables:
            if table not in source_tables:
                continue
            columns = source_tables[table]
            copied[table] = 0
            for batch in iter_rows(source, table, columns):
                write(handle, table, columns, batch)
                copied[table] += len(batch)
            if on_table:
                on_table(table, copied[table])
        if dialect_of(target) == "postgres":
            _reset_identities(handle)
    return copied


def _row_hash(row: tuple[Any, ...]) -> int:
    text = repr(tuple(float(v).hex() if isinstance(v, float) else v for v in row))
    return int.from_bytes(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), "big")


def table_digests(store: Store, columns: dict[str, list[str]] | None = None) -> dict[str, tuple[int, str]]:
    """Per table: (row count, order-independent digest of its rows over the sorted column names)."""
    out: dict[str, tuple[int, str]] = {}
    tables = columns or tables_of(store)
    with _source_snapshot(store):
        for table, cols in tables.items():
            names = sorted(cols)
            total, count = 0, 0
            for batch in iter_rows(store, table, names):
                for row in batch:
                    total = (total + _row_hash(row)) % (1 << 256)
                    count += 1
            out[table] = (count, f"{total:064x}")
    return out

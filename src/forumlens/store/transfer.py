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
from pathlib import Path
from typing import Any

from ..errors import ConfigError, StoreError
from .base import Store
from .common import SQLBase

__all__ = ["copy_store", "iter_rows", "schema_version_of", "table_digests", "tables_of"]

BATCH = 2000


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


def _sql(store: Store) -> SQLBase:
    """The SQL back end behind a store (both back ends are SQL stores)."""
    assert isinstance(store, SQLBase), type(store)
    return store


def tables_of(store: Store) -> dict[str, list[str]]:
    """Data tables → their columns, parents before children (foreign-key order)."""
    backend = _sql(store)
    columns = backend._table_columns()
    parents: dict[str, set[str]] = {t: set() for t in columns}
    for child, parent in backend._foreign_keys():
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


def iter_rows(store: Store, table: str, columns: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    """Batches of a table's rows (column order as given), streamed, not loaded whole."""
    return _sql(store)._stream(table, columns, BATCH)


def copy_store(source: Store, target: Store, on_table: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every row of `source` into the empty `target`; returns rows copied per table."""
    reader, writer = _sql(source), _sql(target)
    source_tables = tables_of(source)
    target_tables = tables_of(target)
    missing = [t for t in source_tables if t not in target_tables]
    if missing:
        raise ConfigError(
            f"the target store has no table {', '.join(missing)}",
            hint="upgrade forumlens on the target side, then `forumlens migrate`",
        )
    for table, columns in source_tables.items():
        lacking = [c for c in columns if c not in target_tables[table]]
        if lacking:
            raise ConfigError(
                f"the target table {table} has no column {', '.join(lacking)}",
                hint="both stores must be at the same schema version (`forumlens migrate`)",
            )
    busy = [t for t in target_tables if writer._rows(f'SELECT 1 FROM "{t}" LIMIT 1')]
    if busy:
        raise ConfigError(
            f"the target store is not empty ({', '.join(busy)} have rows)",
            source=target.location,
            hint="copy into a new database or file",
        )
    copied: dict[str, int] = {}
    with writer._write() as tx, reader._consistent_reads():
        for table in target_tables:
            if table not in source_tables:
                continue
            columns = source_tables[table]
            copied[table] = 0
            for batch in iter_rows(source, table, columns):
                writer._bulk_insert(tx, table, columns, batch)
                copied[table] += len(batch)
            if on_table:
                on_table(table, copied[table])
        writer._after_bulk_insert(tx)
    return copied


def _row_hash(row: tuple[Any, ...]) -> int:
    text = repr(tuple(float(v).hex() if isinstance(v, float) else v for v in row))
    return int.from_bytes(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), "big")


def table_digests(store: Store, columns: dict[str, list[str]] | None = None) -> dict[str, tuple[int, str]]:
    """Per table: (row count, order-independent digest of its rows over the sorted column names)."""
    out: dict[str, tuple[int, str]] = {}
    tables = columns or tables_of(store)
    with _sql(store)._consistent_reads():
        for table, cols in tables.items():
            names = sorted(cols)
            total, count = 0, 0
            for batch in iter_rows(store, table, names):
                for row in batch:
                    total = (total + _row_hash(row)) % (1 << 256)
                    count += 1
            out[table] = (count, f"{total:064x}")
    return out

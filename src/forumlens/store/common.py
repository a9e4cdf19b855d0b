"""The shared SQL base of both back ends: three primitives, and the context manager.

Every query method of the store (in `catalog.py`, `views.py`, `routing.py`,
`vectors.py`, …) is written once, in portable SQL with `?` placeholders, against these
primitives; `SQLiteStore` and `PostgresStore` implement only the primitives and what is
truly theirs (connecting, migrating, the search index, integrity checks, backups).

Nothing outside `src/forumlens/store/` may call a primitive: features call the store's
named methods, declared in `base.Store`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, ClassVar, Protocol

__all__ = ["Params", "Rows", "SQLBase", "Tx"]

Rows = list[tuple[Any, ...]]
Params = Sequence[Any]


class Tx(Protocol):
    """One open transaction: portable SQL in, rows out."""

    def __call__(self, sql: str, params: Params = ()) -> Rows: ...

    def many(self, sql: str, rows: Sequence[Params]) -> None: ...


class SQLBase:
    """What the query mixins may rely on; the back ends fill it in."""

    dialect: ClassVar[str] = "sqlite"
    location: str

    # -- primitives (portable SQL: `?` placeholders, each back end adapts) -----------------
    def _rows(self, sql: str, params: Params = ()) -> Rows:
        """Rows of one read statement."""
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Tx]:
        """One atomic write: everything or nothing; errors mapped to the forumlens tree."""
        raise NotImplementedError

    def _snapshot(self) -> AbstractContextManager[Tx]:
        """Several reads that see one consistent state of the store."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- whole-table access for copying a store (transfer.py) -------------------------------
    def _table_columns(self) -> dict[str, list[str]]:
        """Every data table and its columns (as the other back end has them)."""
        raise NotImplementedError

    def _foreign_keys(self) -> list[tuple[str, str]]:
        """(table, table it references) pairs."""
        raise NotImplementedError

    def _stream(self, table: str, columns: list[str], batch: int) -> Iterator[Rows]:
        """A table's rows in batches, without loading it whole."""
        raise NotImplementedError

    def _bulk_insert(self, tx: Tx, table: str, columns: list[str], rows: Rows) -> None:
        """Rows with their own ids into a table, inside a write."""
        raise NotImplementedError

    def _after_bulk_insert(self, tx: Tx) -> None:
        """Whatever must follow explicit ids (PostgreSQL: identity sequences)."""

    def _turns_recredited(self, tx: Tx) -> None:
        """Whatever must follow a change of turns' `person_key` inside a write (PostgreSQL: its
        search rows were rewritten, and their index entries are merged before the commit)."""

    def _consistent_reads(self) -> AbstractContextManager[None]:
        """Every read until the end of the block sees one state (single-threaded use only)."""
        raise NotImplementedError

    # -- helpers for the mixins -------------------------------------------------------
    def _like(self) -> str:
        """The LIKE suffix that makes both back ends treat `\\` as an ordinary character."""
        return " ESCAPE ''" if self.dialect == "postgres" else ""

    def _lower(self, column: str) -> str:
        """`lower(column)` folding ASCII only on both back ends (as SQLite's lower() does)."""
        return f'lower({column} COLLATE "C")' if self.dialect == "postgres" else f"lower({column})"

    # -- a store is a context manager: `with open_store(url) as store: …` -----------------
    def __enter__(self) -> Any:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

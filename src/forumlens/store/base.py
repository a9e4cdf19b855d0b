"""The `Store` protocol: what every back end (SQLite, PostgreSQL) offers.

Stages never import a database driver; they get plain records from here.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from ..models import Document, SearchHit, Session
from ..search import Query, SearchFilters

__all__ = ["Store", "SessionInfo"]


@dataclass(frozen=True)
class SessionInfo:
    """One row of the session list."""

    id: str
    title: str
    year: int | None
    source: str
    turns: int
    speakers: int
    words: int
    ingested_at: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Store(Protocol):
    location: str

    def has_document(self, sha256: str) -> bool: ...

    def schema_version(self) -> int:
        """Migrations applied to this store (SCHEMA_VERSION once opened)."""
        ...

    def save_session(self, document: Document, session: Session,
                     analyses: dict[str, Any] | None = None, *, replace: bool = False) -> str:
        """Store a document, its turns and analyses in one transaction; returns the session id."""
        ...

    def sessions(self, *, year: int | None = None, limit: int = 100, offset: int = 0) -> list[SessionInfo]: ...

    def session_info(self, ref: str) -> SessionInfo: ...

    def load_session(self, ref: str) -> Session: ...

    def analysis(self, session_id: str, kind: str) -> Any | None: ...

    def search(self, query: Query, filters: SearchFilters) -> list[SearchHit]: ...

    def counts(self) -> dict[str, int]: ...

    def check(self) -> list[str]: ...

    def close(self) -> None: ...

    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Portable SQL with `?` placeholders (each back end adapts them)."""
        ...

    def transaction(self) -> AbstractContextManager[Callable[[str, list[Any] | tuple[Any, ...]], list[tuple[Any, ...]]]]:
        """An atomic unit of work yielding `execute(sql, params) -> rows`."""
        ...

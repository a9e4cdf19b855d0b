"""The `Store` protocol: what every back end (SQLite, PostgreSQL) offers.

Stages never import a database driver; they get plain records from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType
from typing import Any, ClassVar, Protocol

from ..models import Document, SearchHit, Session
from ..search import Query, SearchFilters
from .live import LiveStore
from .portal import PortalStore
from .routing import RoutingStore
from .threads import ThreadStore
from .vectors import VectorStore
from .views import ViewStore

__all__ = ["CatalogStore", "SessionInfo", "Store", "TurnAt"]


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


@dataclass(frozen=True)
class TurnAt:
    """The turn covering a line: where it starts, who spoke, what was said."""

    line: int
    speaker: str | None
    text: str
    page: int | None = None  # a document's paragraph: its page (formats with pages) and nearest heading,
    section: str | None = None  # so a citation can name where it is as reports and threads do
    label: str | None = None  # the caption label as written ("AUDIENCE"), for a voice with no speaker


class CatalogStore(Protocol):
    """Documents, sessions, turns and analyses (store/catalog.py)."""

    location: str

    def has_document(self, sha256: str) -> bool: ...

    def save_session(
        self, document: Document, session: Session, analyses: dict[str, Any] | None = None, *, replace: bool = False
    ) -> str:
        """Store a document, its turns and analyses in one transaction; returns the session id."""
        ...

    def save_analysis(self, session_id: str, kind: str, data: Any) -> None: ...

    def replace_analyses(self, session_id: str, analyses: dict[str, Any]) -> None:
        """Swap all of a session's analyses and their projections in one transaction."""
        ...

    def resolve_ref(self, ref: str) -> str:
        """Session id from an id, an id prefix or a unique part of the title (NotFound, ConfigError)."""
        ...

    def sessions(self, *, year: int | None = None, limit: int = 100, offset: int = 0) -> list[SessionInfo]: ...

    def session_info(self, ref: str) -> SessionInfo: ...

    def session_ids(self) -> list[str]: ...

    def sessions_ingested_since(self, stamp: str) -> list[str]: ...

    def unanalysed_sessions(self) -> list[str]: ...

    def load_session(self, ref: str) -> Session: ...

    def session_text(self, session_id: str) -> tuple[str, int | None, str] | None: ...

    def session_title(self, session_id: str) -> str | None: ...

    def turn_at(self, session_id: str, line: int, *, speech_only: bool = False) -> TurnAt | None: ...

    def analysis(self, session_id: str, kind: str) -> Any | None: ...

    def analyses(self, session_id: str) -> dict[str, Any]: ...

    def analyses_of_kind(self, kind: str, *, year: int | None = None) -> list[tuple[str, str, int | None, Any]]: ...

    def known_people(self) -> list[str]: ...

    def counts(self) -> dict[str, int]: ...


class Store(CatalogStore, ViewStore, PortalStore, RoutingStore, VectorStore, LiveStore, ThreadStore, Protocol):
    """The one door to the data. Both back ends implement all of it (store/sqlstore.py)."""

    dialect: ClassVar[str]

    def schema_version(self) -> int:
        """Migrations applied to this store (SCHEMA_VERSION once opened)."""
        ...

    def search(self, query: Query, filters: SearchFilters) -> list[SearchHit]: ...

    def check(self) -> list[str]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

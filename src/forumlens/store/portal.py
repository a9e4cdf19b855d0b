"""Read models of the portal: session, coalition and topic pages, the graph, search facets,
and the store version that keys the response caches (people: `store/views.py`, one model for CLI and portal).

`PortalStore` declares the methods (part of `base.Store`); `PortalQueries` implements them once,
in portable SQL over the `SQLBase` primitives, for both back ends. The web layer turns
these plain values into its JSON and pages (`web/views.py`); user input only ever
reaches the SQL as a bound parameter.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..search import Query, SearchFilters, to_fts5
from ..transcript.speakers import name_key
from .common import SQLBase
from .fts import to_tsquery
from .sql import filter_sql

if TYPE_CHECKING:
    from .base import SessionInfo

__all__ = [
    "FACET_WINDOW",
    "CoalitionCount",
    "CoalitionFacts",
    "CoalitionSession",
    "DataVersion",
    "PortalQueries",
    "PortalStore",
    "SearchFacets",
    "SessionFilters",
    "TagCount",
    "TaggedSession",
    "facets_sql",
    "file_state",
    "filtered_sessions_sql",
]

FACET_WINDOW: int | None = None  # None: facets count every matching turn (exact, the same on both stores)


# -- what the methods return -------------------------------------------------------------


@dataclass(frozen=True)
class DataVersion:
    """A cheap value that changes with every committed write to the store.

    `shared` is the same in every connection and process for the same stored data
    (SQLite: the size and modification time of the file and its write-ahead log;
    PostgreSQL: the server's current transaction snapshot), so it can key a cache
    shared by worker processes. `local` is exact for this store object's connection
    (SQLite: `PRAGMA data_version`, which moves when another connection commits, and
    `total_changes()`, which moves when this one writes; PostgreSQL: nothing more), so
    two versions of one store object compare exactly. `shared` is empty when the store
    cannot say (a SQLite store in memory).
    """

    shared: tuple[Any, ...]
    local: tuple[Any, ...] = ()


@dataclass(frozen=True)
class SessionFilters:
    """Filters of the session list; all optional, AND-ed. Names are stored names, not URL ids."""

    year: int | None = None
    title: str | None = None
    coalition: str | None = None
    tag: str | None = None
    affiliation: str | None = None
    speaker: str | None = None


@dataclass(frozen=True)
class CoalitionCount:
    """A coalition with the number of sessions mentioning it and how many it presented in."""

    name: str
    acronym: str | None
    sessions: int
    presented: int


@dataclass(frozen=True)
class CoalitionSession:
    """A session (or a stored document: `kind` is then its document kind) mentioning a coalition."""

    session: str
    title: str
    year: int | None
    acronym: str | None
    status: str | None
    lines: tuple[int, ...]
    kind: str = "transcript"


@dataclass(frozen=True)
class CoalitionFacts:
    """A coalition's sessions (newest first), who spoke for it, the coalitions seen with it, and analyses."""

    sessions: tuple[CoalitionSession, ...]
    speakers: tuple[tuple[str, str, str | None], ...]  # (person name, session id, role)
    partners: tuple[tuple[str, int], ...]  # (coalition, shared sessions), most first
    analyses: dict[str, dict[str, Any]]  # session id → kind → data


@dataclass(frozen=True)
class TagCount:
    """A tag used in the record and how many sessions carry it."""

    scheme: str
    code: str
    label: str | None
    sessions: int
    top_score: float | None


@dataclass(frozen=True)
class TaggedSession:
    """A session carrying a tag."""

    session: str
    title: str
    year: int | None
    label: str | None
    score: float | None
    lines: tuple[int, ...]


@dataclass(frozen=True)
class SearchFacets:
    """Matching turns counted per year (newest first), speaker, coalition and tag (most first)."""

    years: tuple[tuple[int, int], ...] = ()
    speakers: tuple[tuple[str, int], ...] = ()
    coalitions: tuple[tuple[str, int], ...] = ()
    tags: tuple[tuple[str, str, int], ...] = ()  # (code, label or code, count)


# -- pure helpers and SQL builders --------------------------------------------------------


def file_state(location: str) -> tuple[int, ...]:
    """(size, mtime) of a SQLite file and of its write-ahead log: the same in every process; () without a file.

    Every commit writes to the WAL (or, without WAL, to the main file), which moves its
    modification time and usually its size; a checkpoint moves the main file's. So the
    tuple changes with every change of the data (and, harmlessly, at a checkpoint).
    """
    try:
        main = os.stat(location)
    except OSError:
        return ()
    try:
        wal = os.stat(location + "-wal")
        wal_state: tuple[int, int] = (wal.st_size, wal.st_mtime_ns)
    except OSError:
        wal_state = (-1, -1)
    return (main.st_size, main.st_mtime_ns, *wal_state)


def _lines(raw: Any) -> tuple[int, ...]:
    """The JSON list of line numbers kept in the projected tables."""
    try:
        return tuple(int(x) for x in json.loads(raw or "[]"))
    except (TypeError, ValueError):
        return ()


def _like(dialect: str) -> str:
    return " ESCAPE ''" if dialect == "postgres" else ""


def _lower(column: str, dialect: str) -> str:
    return f'lower({column} COLLATE "C")' if dialect == "postgres" else f"lower({column})"


_SESSION_COLUMNS = (
    "SELECT s.id, s.title, s.year, d.source, s.turn_count, s.speaker_count, s.word_count,"
    " d.ingested_at FROM sessions s JOIN documents d ON d.id = s.id"
)


def filtered_sessions_sql(
    filters: SessionFilters, limit: int, offset: int, dialect: str = "sqlite"
) -> tuple[str, list[Any]]:
    """The session list narrowed by the filters, newest year first (`?` placeholders)."""
    where: list[str] = []
    params: list[Any] = []
    if filters.year is not None:
        where.append("s.year = ?")
        params.append(int(filters.year))
    if filters.title:
        where.append(f"{_lower('s.title', dialect)} LIKE ?{_like(dialect)}")
        params.append("%" + filters.title.lower() + "%")
    if filters.coalition:
        where.append("s.id IN (SELECT session_id FROM coalition_mentions WHERE coalition = ?)")
        params.append(filters.coalition)
    if filters.tag:
        where.append("s.id IN (SELECT session_id FROM tags WHERE code = ?)")
        params.append(filters.tag)
    if filters.affiliation:
        where.append("s.id IN (SELECT session_id FROM appearances WHERE affiliation = ?)")
        params.append(filters.affiliation)
    if filters.speaker:
        # a turn's caption label, or the person it is counted for: the search's speaker filter
        where.append(
            f"s.id IN (SELECT session_id FROM turns WHERE speaker_key LIKE ?{_like(dialect)}"
            f" OR person_key LIKE ?{_like(dialect)})"
        )
        params.extend(["%" + name_key(filters.speaker) + "%"] * 2)
    sql = _SESSION_COLUMNS
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY s.year DESC, s.title, s.id LIMIT ? OFFSET ?"
    return sql, [*params, limit, offset]


def facets_sql(
    match: str, filters: SearchFilters, dialect: str = "sqlite", window: int | None = FACET_WINDOW
) -> tuple[str, list[Any]]:
    """Counts of the matching turns within the filters, per facet (`?` placeholders).

    `match` is the FTS5 expression on SQLite, the tsquery text on PostgreSQL. Rows are
    (facet, value, label, count) with facet in year | speaker | coalition | tag; the
    filters are those of the search itself (`filter_sql`), so a facet never offers
    what the current filters exclude, and following any offered value finds a hit.

    Every matching turn is counted, so the counts are exact and the same on both back
    ends: an unordered `LIMIT` (the old 2,000-turn window) took FTS5's rowid order on
    SQLite and whatever the plan gave on PostgreSQL, and dropped values past the window.
    `window` (optional) caps the count at the first turns in (session id, turn index)
    order, which both stores share. Turns are grouped per session first, so the
    coalition and tag joins touch one row per session, not one per turn.
    """
    where, params = filter_sql(filters, "?", dialect)
    if dialect == "postgres":
        source = "turns t"
        clauses = ["t.tsv @@ CAST(? AS tsquery)", *where]
        order = 't.session_id COLLATE "C", t.idx'
    elif dialect == "sqlite":
        source = "turns_fts JOIN turns t ON t.id = turns_fts.rowid"
        clauses = ["turns_fts MATCH ?", *where]
        order = "t.session_id, t.idx"
    else:
        raise ValueError(f"unknown dialect {dialect!r}")
    if filters.session or filters.year is not None:  # the only filters that read the session row
        source += " JOIN sessions s ON s.id = t.session_id"
    cap, tail = "", []
    if window is not None:
        cap, tail = f" ORDER BY {order} LIMIT ?", [max(1, int(window))]
    sql = (
        f"WITH m AS MATERIALIZED (SELECT t.session_id, t.speaker FROM {source} WHERE {' AND '.join(clauses)}{cap}),"
        " per AS MATERIALIZED (SELECT session_id, count(*) AS n FROM m GROUP BY session_id)"
        " SELECT 'year', CAST(y.year AS TEXT), NULL, sum(per.n) FROM per JOIN sessions y ON y.id = per.session_id"
        " WHERE y.year IS NOT NULL GROUP BY y.year"
        " UNION ALL SELECT 'speaker', speaker, NULL, count(*) FROM m"
        " WHERE speaker IS NOT NULL AND speaker <> '' GROUP BY speaker"
        " UNION ALL SELECT 'coalition', c.coalition, NULL, sum(per.n) FROM per"
        " JOIN coalition_mentions c ON c.session_id = per.session_id GROUP BY c.coalition"
        " UNION ALL SELECT 'tag', g.code, max(g.label), sum(per.n) FROM per"
        " JOIN (SELECT session_id, code, max(label) AS label FROM tags GROUP BY session_id, code) g"
        " ON g.session_id = per.session_id GROUP BY g.code"
    )
    return sql, [match, *params, *tail]


def _most_first(counts: dict[Any, int]) -> list[tuple[Any, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))


# -- the protocol ----------------------------------------------------------------------------


class PortalStore(Protocol):
    """What the portal reads (see the module docstring)."""

    def data_version(self) -> DataVersion:
        """A cheap value that moves with every committed write, so the portal's caches know when to answer afresh."""
        ...

    def session_count(self) -> int:
        """How many sessions are stored (the session page computes related items inline on small stores)."""
        ...

    def filtered_sessions(self, filters: SessionFilters, *, limit: int = 50, offset: int = 0) -> list[SessionInfo]:
        """One page of the session list narrowed by the filters, newest year first (the /sessions page and API)."""
        ...

    def session_years(self) -> list[tuple[int, int]]:
        """(year, sessions), newest first: the year filter of the session list."""
        ...

    def coalition_names(self) -> list[tuple[str, str | None]]:
        """Distinct (coalition, acronym) pairs mentioned anywhere, so a URL id can be matched to a stored name."""
        ...

    def affiliations(self) -> list[str]:
        """Distinct affiliations people spoke for, so a URL id can be matched to a stored name."""
        ...

    def person_labels(self) -> list[tuple[str, str]]:
        """(name, caption label) of every person on record (with an appearance), so the speaker
        facet can tell a caption label that is a person from one that is not (a flagged label)."""
        ...

    def coalition_counts(self) -> list[CoalitionCount]:
        """Every coalition mentioned, with sessions and presentations counted (the coalitions list)."""
        ...

    def coalition_count(self) -> int:
        """How many distinct coalitions are mentioned (the home page)."""
        ...

    def coalition_facts(self, name: str, kinds: tuple[str, ...]) -> CoalitionFacts | None:
        """Sessions, speakers, co-present coalitions and the given analyses of a coalition; None if never mentioned."""
        ...

    def tag_counts(self, scheme: str | None = None) -> list[TagCount]:
        """Tags in use (of one scheme, or all) with how many sessions carry each (the topics list)."""
        ...

    def tagged_sessions(self, scheme: str, code: str) -> list[TaggedSession]:
        """Sessions carrying one tag, best score first (the topic page)."""
        ...

    def latest_sessions(self, limit: int) -> list[tuple[str, str, int | None]]:
        """(id, title, year) of the sessions ingested last (the home page)."""
        ...

    def latest_analyses(self, kind: str, limit: int) -> list[tuple[str, Any]]:
        """(session id, data) of one analysis kind, sessions ingested last first (the home page's outputs)."""
        ...

    def session_coalitions(self) -> list[tuple[str, str]]:
        """(session id, coalition) of every mention: the coalition nodes of the cooperation graph."""
        ...

    def session_affiliations(self) -> list[tuple[str, str]]:
        """Distinct (session id, affiliation) people spoke for: the institution nodes of the cooperation graph."""
        ...

    def search_facets(
        self, query: Query, filters: SearchFilters, *, window: int | None = FACET_WINDOW
    ) -> SearchFacets | None:
        """Matching turns per year, speaker, coalition and tag within the filters (exact counts unless `window`
        caps them); None when the query has no words."""
        ...


# -- the implementation -------------------------------------------------------------------------


class PortalQueries(SQLBase):
    """The portal's read models over the shared primitives."""

    def data_version(self) -> DataVersion:
        if self.dialect == "postgres":
            snapshot = self._rows("SELECT CAST(pg_current_snapshot() AS TEXT)")[0][0]
            return DataVersion(shared=(str(snapshot),))
        version, changes = self._rows("SELECT data_version, total_changes() FROM pragma_data_version")[0]
        return DataVersion(shared=file_state(self.location), local=(int(version), int(changes)))

    def session_count(self) -> int:
        return int(self._rows("SELECT count(*) FROM sessions")[0][0] or 0)

    def filtered_sessions(self, filters: SessionFilters, *, limit: int = 50, offset: int = 0) -> list[SessionInfo]:
        from .base import SessionInfo  # base imports this module

        sql, params = filtered_sessions_sql(filters, limit, offset, self.dialect)
        return [SessionInfo(*row) for row in self._rows(sql, params)]

    def session_years(self) -> list[tuple[int, int]]:
        return [
            (int(y), int(n))
            for y, n in self._rows(
                "SELECT year, count(*) FROM sessions WHERE year IS NOT NULL GROUP BY year ORDER BY year DESC"
            )
        ]

    def coalition_names(self) -> list[tuple[str, str | None]]:
        return [
            (str(name), acronym)
            for name, acronym in self._rows("SELECT DISTINCT coalition, acronym FROM coalition_mentions")
        ]

    def person_labels(self) -> list[tuple[str, str]]:
        return [
            (str(name), str(label))
            for name, label in self._rows(
                "SELECT p.name, l.label FROM person_labels l JOIN people p ON p.key = l.person_key"
                " WHERE EXISTS (SELECT 1 FROM appearances a WHERE a.person_key = p.key)"
            )
        ]

    def affiliations(self) -> list[str]:
        return [
            str(r[0]) for r in self._rows("SELECT DISTINCT affiliation FROM appearances WHERE affiliation IS NOT NULL")
        ]

    # -- coalitions ------------------------------------------------------------------------------
    def coalition_counts(self) -> list[CoalitionCount]:
        return [
            CoalitionCount(name=str(name), acronym=acronym, sessions=int(sessions), presented=int(presented or 0))
            for name, acronym, sessions, presented in self._rows(
                "SELECT coalition, max(acronym), count(*), sum(CASE WHEN status = 'presented' THEN 1 ELSE 0 END)"
                " FROM coalition_mentions GROUP BY coalition ORDER BY coalition"
            )
        ]

    def coalition_count(self) -> int:
        return int(self._rows("SELECT count(DISTINCT coalition) FROM coalition_mentions")[0][0] or 0)

    def coalition_facts(self, name: str, kinds: tuple[str, ...]) -> CoalitionFacts | None:
        mentioned = "SELECT session_id FROM coalition_mentions WHERE coalition = ?"
        with self._snapshot() as tx:
            sessions = tx(
                "SELECT c.session_id, s.title, s.year, c.acronym, c.status, c.lines, d.kind FROM coalition_mentions c"
                " JOIN sessions s ON s.id = c.session_id JOIN documents d ON d.id = s.id"
                " WHERE c.coalition = ? ORDER BY s.year DESC, s.title",
                (name,),
            )
            if not sessions:
                return None
            speakers = tx(
                "SELECT DISTINCT p.name, a.session_id, a.role FROM appearances a JOIN people p ON p.key = a.person_key"
                f" WHERE a.affiliation = ? AND a.session_id IN ({mentioned})",
                (name, name),
            )
            analyses = (
                tx(
                    f"SELECT session_id, kind, data FROM analyses WHERE kind IN ({', '.join('?' * len(kinds))})"
                    f" AND session_id IN ({mentioned})",
                    (*kinds, name),
                )
                if kinds
                else []
            )
            partners = tx(
                f"SELECT coalition, count(*) FROM coalition_mentions WHERE session_id IN ({mentioned})"
                " AND coalition <> ? GROUP BY coalition ORDER BY count(*) DESC, coalition LIMIT 20",
                (name, name),
            )
        found: dict[str, dict[str, Any]] = {}
        for sid, kind, data in analyses:
            found.setdefault(str(sid), {})[str(kind)] = json.loads(data)
        return CoalitionFacts(
            sessions=tuple(
                CoalitionSession(
                    session=r[0],
                    title=r[1],
                    year=r[2],
                    acronym=r[3],
                    status=r[4],
                    lines=_lines(r[5]),
                    kind=str(r[6] or "transcript"),
                )
                for r in sessions
            ),
            speakers=tuple((str(r[0]), str(r[1]), r[2]) for r in speakers),
            partners=tuple((str(p), int(n)) for p, n in partners),
            analyses=found,
        )

    # -- topics ------------------------------------------------------------------------------------
    def tag_counts(self, scheme: str | None = None) -> list[TagCount]:
        where, params = ("WHERE scheme = ? ", [scheme]) if scheme else ("", [])
        return [
            TagCount(scheme=str(r[0]), code=str(r[1]), label=r[2], sessions=int(r[3]), top_score=r[4])
            for r in self._rows(
                f"SELECT scheme, code, max(label), count(*), max(score) FROM tags {where}"
                "GROUP BY scheme, code ORDER BY scheme, code",
                params,
            )
        ]

    def tagged_sessions(self, scheme: str, code: str) -> list[TaggedSession]:
        return [
            TaggedSession(session=r[0], title=r[1], year=r[2], label=r[3], score=r[4], lines=_lines(r[5]))
            for r in self._rows(
                "SELECT t.session_id, s.title, s.year, t.label, t.score, t.lines FROM tags t"
                " JOIN sessions s ON s.id = t.session_id WHERE t.scheme = ? AND t.code = ?"
                " ORDER BY t.score DESC, s.title",
                (scheme, code),
            )
        ]

    # -- home and graph ----------------------------------------------------------------------------
    def latest_sessions(self, limit: int) -> list[tuple[str, str, int | None]]:
        return [
            (str(sid), str(title), year)
            for sid, title, year in self._rows(
                "SELECT s.id, s.title, s.year FROM sessions s JOIN documents d ON d.id = s.id"
                " ORDER BY d.ingested_at DESC, s.year DESC, s.id LIMIT ?",
                (limit,),
            )
        ]

    def latest_analyses(self, kind: str, limit: int) -> list[tuple[str, Any]]:
        return [
            (str(sid), json.loads(data))
            for sid, data in self._rows(
                "SELECT a.session_id, a.data FROM analyses a JOIN documents d ON d.id = a.session_id"
                " WHERE a.kind = ? ORDER BY d.ingested_at DESC LIMIT ?",
                (kind, limit),
            )
        ]

    def session_coalitions(self) -> list[tuple[str, str]]:
        return [
            (str(sid), str(name)) for sid, name in self._rows("SELECT session_id, coalition FROM coalition_mentions")
        ]

    def session_affiliations(self) -> list[tuple[str, str]]:
        return [
            (str(sid), str(name))
            for sid, name in self._rows(
                "SELECT DISTINCT session_id, affiliation FROM appearances"
                " WHERE affiliation IS NOT NULL AND affiliation <> ''"
            )
        ]

    # -- search facets -------------------------------------------------------------------------------
    def search_facets(
        self, query: Query, filters: SearchFilters, *, window: int | None = FACET_WINDOW
    ) -> SearchFacets | None:
        match = to_tsquery(query) if self.dialect == "postgres" else to_fts5(query)
        if match is None:
            return None
        sql, params = facets_sql(match, filters, self.dialect, window)
        counts: dict[str, dict[Any, int]] = {"year": {}, "speaker": {}, "coalition": {}, "tag": {}}
        for facet, value, label, n in self._rows(sql, params):
            if facet == "year":
                counts["year"][int(value)] = int(n)
            elif facet == "tag":
                counts["tag"][(str(value), str(label or value))] = int(n)
            else:
                counts[str(facet)][str(value)] = int(n)
        return SearchFacets(
            years=tuple(sorted(counts["year"].items(), reverse=True)),
            speakers=tuple(_most_first(counts["speaker"])),
            coalitions=tuple(_most_first(counts["coalition"])),
            tags=tuple((code, label, n) for (code, label), n in _most_first(counts["tag"])),
        )

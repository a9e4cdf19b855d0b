"""Semantic search: passage vectors, their signatures, and the texts the similarity views read.

`VectorStore` declares the methods (part of `base.Store`); `VectorQueries` implements them once,
in portable SQL over the `SQLBase` primitives, for both back ends.

Vectors are float32, little-endian, one row per passage in `passage_vectors` (created by
migration 3, so every opened store has the table); they go with their session (`ON DELETE
CASCADE`). The store hands them out as bytes: the matrix and its numpy arithmetic belong to
`semantic/vectors.py` (numpy is part of an optional extra, the store never imports it).
The other reads here serve the related-item views: turns and their texts, tags with their
evidence lines, and who was there (coalition mentions, affiliations of speakers).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..models import SpeechLines
from ..search import SearchFilters
from .common import SQLBase
from .migrations import PASSAGE_VECTORS
from .sql import filter_sql

__all__ = [
    "ActorMention",
    "Affiliation",
    "PassageKey",
    "PassageRow",
    "PassageVectors",
    "ProfileInputs",
    "StoredTurn",
    "VectorQueries",
    "VectorStore",
    "turns_passing_sql",
]

PassageKey = tuple[str, int, int, int, int, int]  # session, turn index, part, line, start, end (in the turn's text)
PassageRow = tuple[int, int, int, int, int, bytes]  # turn index, part, line, start, end, float32 LE vector

_TURN_COLUMNS = "t.session_id, s.title, t.idx, t.line, t.end_line, t.speaker, t.label, t.kind, t.text"
_TURNS = "turns t JOIN sessions s ON s.id = t.session_id"
_MENTIONS = "SELECT session_id, coalition, acronym, status, lines FROM coalition_mentions"


@dataclass(frozen=True)
class PassageVectors:
    """Every stored vector of one model, in (session, turn, part) order, row-aligned with its key."""

    model: str
    keys: list[PassageKey]
    data: bytes  # len(keys) vectors, float32 little-endian, one after another


@dataclass(frozen=True)
class StoredTurn(SpeechLines):
    """One stored turn, as the similarity views quote and cite it."""

    session: str
    title: str  # of its session
    index: int
    line: int  # the marker's line
    end_line: int
    speaker: str | None
    label: str | None
    kind: str  # "speech" | "note"
    text: str


@dataclass(frozen=True)
class ActorMention:
    """A coalition named in a session: how it was there, and the lines that say so."""

    session: str
    name: str
    acronym: str | None
    status: str  # "presented" | "mentioned" | "invited-absent"
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Affiliation:
    """Someone in a session spoke for `name` (a coalition, an NRI, an institution), on these lines."""

    session: str
    name: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class ProfileInputs:
    """What session profiles are computed from, read in one snapshot."""

    sessions: list[str]  # every session id
    keywords: dict[str, Any]  # session → its stored `keywords` analysis (parsed; sessions without one absent)
    tags: list[tuple[str, str, str, float]]  # (session, scheme, code, score)
    mentions: list[ActorMention]


def turns_passing_sql(filters: SearchFilters, dialect: str = "sqlite") -> tuple[str, list[Any]]:
    """(session id, turn index) of every turn the search filters let through (all turns without filters)."""
    where, params = filter_sql(filters, "?", dialect)
    sql = f"SELECT t.session_id, t.idx FROM {_TURNS}"
    return (sql + " WHERE " + " AND ".join(where) if where else sql), params


def _lines(text: str | None) -> tuple[int, ...]:
    return tuple(int(x) for x in json.loads(text or "[]"))


def _mentions(rows: Iterable[Sequence[Any]]) -> list[ActorMention]:
    # sorted here, not by ORDER BY: PostgreSQL's collation may order names unlike SQLite's bytes
    return [
        ActorMention(str(r[0]), str(r[1]), r[2], str(r[3]), _lines(r[4]))
        for r in sorted(rows, key=lambda r: (str(r[0]), str(r[1])))
    ]


def _turn(row: Sequence[Any]) -> StoredTurn:
    return StoredTurn(
        session=str(row[0]),
        title=str(row[1]),
        index=int(row[2]),
        line=int(row[3]),
        end_line=int(row[4]),
        speaker=row[5],
        label=row[6],
        kind=str(row[7]),
        text=str(row[8]),
    )


class VectorStore(Protocol):
    """Passage vectors and the reads of the related-item views (store/vectors.py)."""

    # -- passage vectors ---------------------------------------------------------------
    def vector_counts(self) -> dict[str, int]:
        """Passages stored per model ({} when nothing was embedded): can semantic search run?"""
        ...

    def embedded_sessions(self, model: str) -> set[str]:
        """Sessions that have vectors of `model`, so `forumlens embed` resumes where it stopped."""
        ...

    def vectors_signature(self, model: str) -> tuple[Any, ...]:
        """A cheap fingerprint of one model's vectors: a cached matrix is reloaded when it changes."""
        ...

    def passage_vectors(self, model: str) -> PassageVectors:
        """Every vector of `model` with its passage key, for exact kNN in memory."""
        ...

    def replace_passage_vectors(self, session_id: str, model: str, rows: Sequence[PassageRow]) -> None:
        """Swap a session's vectors (of every model) for these, in one transaction: never half embedded."""
        ...

    # -- turns --------------------------------------------------------------------------
    def turns_passing(self, filters: SearchFilters) -> set[tuple[str, int]]:
        """(session, turn index) of the turns the search filters let through, to mask vector hits."""
        ...

    def session_turns(self, session_id: str) -> list[StoredTurn]:
        """A session's turns in order (notes too), for evidence and actors' words."""
        ...

    def turns_by_key(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], StoredTurn]:
        """The turns of these (session, turn index) pairs that are stored, to show vector hits."""
        ...

    def turn_covering(self, session_id: str, line: int) -> StoredTurn | None:
        """The first turn (by index) whose lines include `line`: the turn a hit or a citation is in."""
        ...

    def session_ids_with_prefix(self, prefix: str) -> list[str]:
        """Session ids starting with `prefix` (hex), to tell a session reference from topic text."""
        ...

    # -- tags and who was there ----------------------------------------------------------
    def profile_inputs(self) -> ProfileInputs:
        """Sessions, their stored keyword profiles, tag scores and coalition mentions, in one snapshot."""
        ...

    def best_tag_line(self, session_id: str) -> int | None:
        """First evidence line of the session's best-scored tag that has one: evidence of last resort."""
        ...

    def tag_evidence(self) -> list[tuple[str, str, float, list[int]]]:
        """(session, code, score, evidence lines) of every tag, for actors' topic profiles."""
        ...

    def actor_mentions(self) -> list[ActorMention]:
        """Every coalition mention, ordered by session and name (the same order on both back ends)."""
        ...

    def affiliated_appearances(self) -> list[Affiliation]:
        """Every appearance with an affiliation (whom a speaker spoke for), ordered by session."""
        ...

    def speaker_affiliations(self, session_id: str, speaker: str) -> list[str]:
        """What a speaker (display name) spoke for in one session: did a coalition say it itself?"""
        ...


class VectorQueries(SQLBase):
    """Implementation over the shared primitives."""

    # -- passage vectors ---------------------------------------------------------------
    def vector_counts(self) -> dict[str, int]:
        return {
            str(model): int(n)
            for model, n in self._rows(f"SELECT model, count(*) FROM {PASSAGE_VECTORS} GROUP BY model")
        }

    def embedded_sessions(self, model: str) -> set[str]:
        return {
            str(r[0])
            for r in self._rows(f"SELECT DISTINCT session_id FROM {PASSAGE_VECTORS} WHERE model = ?", (model,))
        }

    def vectors_signature(self, model: str) -> tuple[Any, ...]:
        rows = self._rows(
            f"SELECT count(*), coalesce(sum(line * 7 + turn_idx * 3 + part), 0),"
            f" coalesce(max(session_id), '') FROM {PASSAGE_VECTORS} WHERE model = ?",
            (model,),
        )
        return tuple(rows[0]) if rows else ()

    def passage_vectors(self, model: str) -> PassageVectors:
        rows = self._rows(
            f"SELECT session_id, turn_idx, part, line, start_offset, end_offset, vector"
            f" FROM {PASSAGE_VECTORS} WHERE model = ? ORDER BY session_id, turn_idx, part",
            (model,),
        )
        keys = [(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5])) for r in rows]
        return PassageVectors(model, keys, b"".join(bytes(r[6]) for r in rows))

    def replace_passage_vectors(self, session_id: str, model: str, rows: Sequence[PassageRow]) -> None:
        with self._write() as tx:
            tx(f"DELETE FROM {PASSAGE_VECTORS} WHERE session_id = ?", (session_id,))
            tx.many(
                f"INSERT INTO {PASSAGE_VECTORS} (session_id, turn_idx, part, line, start_offset, end_offset,"
                " model, vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (session_id, turn, part, line, start, end, model, vector)
                    for turn, part, line, start, end, vector in rows
                ],
            )

    # -- turns --------------------------------------------------------------------------
    def turns_passing(self, filters: SearchFilters) -> set[tuple[str, int]]:
        sql, params = turns_passing_sql(filters, self.dialect)
        return {(str(r[0]), int(r[1])) for r in self._rows(sql, params)}

    def session_turns(self, session_id: str) -> list[StoredTurn]:
        return [
            _turn(r)
            for r in self._rows(
                f"SELECT {_TURN_COLUMNS} FROM {_TURNS} WHERE t.session_id = ? ORDER BY t.idx", (session_id,)
            )
        ]

    def turns_by_key(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], StoredTurn]:
        wanted: dict[str, set[int]] = {}
        for sid, idx in keys:
            wanted.setdefault(sid, set()).add(idx)
        out: dict[tuple[str, int], StoredTurn] = {}
        for sid, indexes in wanted.items():  # one read per session
            marks = ", ".join("?" * len(indexes))
            for row in self._rows(
                f"SELECT {_TURN_COLUMNS} FROM {_TURNS} WHERE t.session_id = ? AND t.idx IN ({marks})",
                (sid, *sorted(indexes)),
            ):
                turn = _turn(row)
                out[(turn.session, turn.index)] = turn
        return out

    def turn_covering(self, session_id: str, line: int) -> StoredTurn | None:
        rows = self._rows(
            f"SELECT {_TURN_COLUMNS} FROM {_TURNS} WHERE t.session_id = ? AND t.line <= ?"
            " AND t.end_line >= ? ORDER BY t.idx LIMIT 1",
            (session_id, line, line),
        )
        return _turn(rows[0]) if rows else None

    def session_ids_with_prefix(self, prefix: str) -> list[str]:
        return [
            str(r[0])
            for r in self._rows("SELECT id FROM sessions WHERE substr(id, 1, ?) = ? ORDER BY id", (len(prefix), prefix))
        ]

    # -- tags and who was there ----------------------------------------------------------
    def profile_inputs(self) -> ProfileInputs:
        with self._snapshot() as tx:
            sessions = [str(r[0]) for r in tx("SELECT id FROM sessions ORDER BY id")]
            stored = tx("SELECT session_id, data FROM analyses WHERE kind = 'keywords' ORDER BY session_id")
            tags = sorted(
                (str(sid), str(scheme), str(code), float(score))
                for sid, scheme, code, score in tx("SELECT session_id, scheme, code, score FROM tags")
            )
            mentions = _mentions(tx(_MENTIONS))
        keywords: dict[str, Any] = {}
        for sid, data in stored:
            try:
                keywords[str(sid)] = json.loads(data)
            except (TypeError, ValueError):  # unreadable: the profile is computed from the turns instead
                continue
        return ProfileInputs(sessions, keywords, tags, mentions)

    def best_tag_line(self, session_id: str) -> int | None:
        rows = self._rows("SELECT score, scheme, code, lines FROM tags WHERE session_id = ?", (session_id,))
        for *_, lines in sorted(rows, key=lambda r: (-float(r[0]), str(r[1]), str(r[2]))):
            found = _lines(lines)
            if found:
                return found[0]
        return None

    def tag_evidence(self) -> list[tuple[str, str, float, list[int]]]:
        rows = sorted(
            self._rows("SELECT session_id, scheme, code, score, lines FROM tags"),
            key=lambda r: (str(r[0]), str(r[1]), str(r[2])),
        )
        return [(str(sid), str(code), float(score), list(_lines(lines))) for sid, _, code, score, lines in rows]

    def actor_mentions(self) -> list[ActorMention]:
        return _mentions(self._rows(_MENTIONS))

    def affiliated_appearances(self) -> list[Affiliation]:
        rows = sorted(
            self._rows(
                "SELECT session_id, person_key, affiliation, lines FROM appearances WHERE affiliation IS NOT NULL"
            ),
            key=lambda r: (str(r[0]), str(r[1])),
        )
        return [Affiliation(str(sid), str(name), _lines(lines)) for sid, _, name, lines in rows]

    def speaker_affiliations(self, session_id: str, speaker: str) -> list[str]:
        return [
            str(r[0])
            for r in self._rows(
                "SELECT a.affiliation FROM appearances a JOIN people p ON p.key = a.person_key"
                " WHERE a.session_id = ? AND p.name = ? AND a.affiliation IS NOT NULL",
                (session_id, speaker),
            )
        ]

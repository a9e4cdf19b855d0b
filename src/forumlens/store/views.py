"""Cross-store read models of the CLI: people, coalitions, questions, topics, documents and the coalition record.

`ViewStore` declares the methods (part of `base.Store`); `ViewQueries` implements them once,
in portable SQL over the `SQLBase` primitives, for both back ends. The rows come back as
small frozen records; grouping and filtering stay with the features (`forumlens.views`,
`forumlens.documents`, `forumlens.briefs`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .common import SQLBase

__all__ = ["OUTPUT_LINKS", "CoalitionAppearance", "PersonAppearance", "StoredDocument", "ViewQueries", "ViewStore"]

# the analysis that holds a document's links to the transcript lines that mention it
OUTPUT_LINKS = "output_links"


@dataclass(frozen=True)
class PersonAppearance:
    """One person in one session (a row of the `appearances` projection, with the session's title and year)."""

    person_key: str
    name: str
    session: str
    title: str
    year: int | None
    role: str | None
    affiliation: str | None
    mode: str | None
    words: int
    lines: tuple[int, ...]


@dataclass(frozen=True)
class CoalitionAppearance:
    """One coalition in one session: presented, mentioned or invited-absent, and where."""

    coalition: str
    acronym: str | None
    session: str
    title: str
    year: int | None
    status: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class StoredDocument:
    """One stored document, transcript or not, with its detected metadata ({} when it has none)."""

    id: str
    kind: str  # "transcript" or a document kind
    title: str
    year: int | None
    meta: Mapping[str, Any]


def _json(raw: Any, default: Any) -> Any:
    """A JSON column read leniently: missing, null or unreadable gives `default`."""
    try:
        value = json.loads(raw or "null")
    except (TypeError, ValueError):
        return default
    return value if isinstance(value, type(default)) else default


class ViewStore(Protocol):
    """Who's who, coalitions, stored documents and output links, across the whole store (store/views.py)."""

    def labels_by_person(self) -> dict[str, list[str]]:
        """Person key → every caption label seen for them, alphabetical (people list their spellings)."""
        ...

    def person_appearances(self) -> list[PersonAppearance]:
        """Every appearance of every person, by name, then year and session (the `people` command's rows)."""
        ...

    def coalition_appearances(self) -> list[CoalitionAppearance]:
        """Every coalition in every session, by coalition, then year and session (the `coalitions` command's rows)."""
        ...

    def sessions_naming_coalition(self, name: str) -> list[str]:
        """Ids of sessions where a coalition whose name contains `name`, or whose acronym is `name`, appears."""
        ...

    def stored_documents(self) -> list[StoredDocument]:
        """Every stored document, transcripts included, by year then title (the record and output links read them)."""
        ...

    def output_links(self) -> dict[str, list[dict[str, Any]]]:
        """Document id → its stored links to the transcript lines that mention it (see documents/links.py)."""
        ...

    def save_output_links(self, links: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        """Replace the output links of each document given, in one transaction; an empty list removes them."""
        ...


class ViewQueries(SQLBase):
    """Implementation over the shared primitives."""

    def labels_by_person(self) -> dict[str, list[str]]:
        labels: dict[str, list[str]] = {}
        for key, label in self._rows("SELECT person_key, label FROM person_labels ORDER BY label"):
            labels.setdefault(str(key), []).append(str(label))
        return labels

    def person_appearances(self) -> list[PersonAppearance]:
        rows = self._rows(
            "SELECT p.key, p.name, a.session_id, s.title, s.year, a.role, a.affiliation, a.mode, a.words, a.lines"
            " FROM people p JOIN appearances a ON a.person_key = p.key JOIN sessions s ON s.id = a.session_id"
            " ORDER BY p.name, s.year, s.id"
        )
        return [
            PersonAppearance(
                str(key),
                str(name),
                str(sid),
                str(title),
                year,
                role,
                affiliation,
                mode,
                int(words or 0),
                tuple(_json(lines, [])),
            )
            for key, name, sid, title, year, role, affiliation, mode, words, lines in rows
        ]

    def coalition_appearances(self) -> list[CoalitionAppearance]:
        rows = self._rows(
            "SELECT c.coalition, c.acronym, c.session_id, s.title, s.year, c.status, c.lines"
            " FROM coalition_mentions c JOIN sessions s ON s.id = c.session_id ORDER BY c.coalition, s.year, s.id"
        )
        return [
            CoalitionAppearance(
                str(coalition), acronym, str(sid), str(title), year, str(status), tuple(_json(lines, []))
            )
            for coalition, acronym, sid, title, year, status, lines in rows
        ]

    def sessions_naming_coalition(self, name: str) -> list[str]:
        wanted = name.lower()
        return [
            str(r[0])
            for r in self._rows(
                f"SELECT DISTINCT session_id FROM coalition_mentions WHERE {self._lower('coalition')} LIKE ?{self._like()}"
                f" OR {self._lower('acronym')} = ? ORDER BY session_id",
                ("%" + wanted + "%", wanted),
            )
        ]

    def stored_documents(self) -> list[StoredDocument]:
        return [
            StoredDocument(str(row_id), str(kind or "transcript"), str(title or ""), year, _json(meta, {}))
            for row_id, kind, title, year, meta in self._rows(
                "SELECT id, kind, title, year, meta FROM documents ORDER BY year, title"
            )
        ]

    def output_links(self) -> dict[str, list[dict[str, Any]]]:
        return {
            str(sid): _json(data, [])
            for sid, data in self._rows(
                "SELECT session_id, data FROM analyses WHERE kind = ? ORDER BY session_id", (OUTPUT_LINKS,)
            )
        }

    def save_output_links(self, links: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        with self._write() as tx:
            for document, items in links.items():
                tx("DELETE FROM analyses WHERE session_id = ? AND kind = ?", (document, OUTPUT_LINKS))
                if items:
                    tx(
                        "INSERT INTO analyses (session_id, kind, data) VALUES (?, ?, ?)",
                        (document, OUTPUT_LINKS, json.dumps(list(items), ensure_ascii=False)),
                    )

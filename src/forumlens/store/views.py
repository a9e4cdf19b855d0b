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

from ..transcript.speakers import name_key
from .common import SQLBase

__all__ = [
    "OUTPUT_LINKS",
    "CoalitionAppearance",
    "PersonAppearance",
    "PersonOnRecord",
    "StoredDocument",
    "ViewQueries",
    "ViewStore",
]

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
    minutes: float | None = None

    def to_json(self, *, speaking: bool = False) -> dict[str, Any]:
        """The session record of a person (`forumlens people --json`); with `speaking` also the words and minutes
        said there (the portal's person page)."""
        record: dict[str, Any] = {
            "session": self.session,
            "title": self.title,
            "year": self.year,
            "role": self.role,
            "affiliation": self.affiliation,
            "mode": self.mode,
        }
        if speaking:
            record |= {"words": self.words, "minutes": self.minutes}
        return record | {"lines": list(self.lines)}


@dataclass(frozen=True)
class PersonOnRecord:
    """A person the resolve stage named in at least one stored session, with every appearance (oldest first).

    The one people model of the CLI (`forumlens people`), the API (`/api/people`) and the
    portal (`/people`), so the three always list the same people. Caption labels alone
    never make a person: a label the resolve stage flagged as a mis-attribution has its
    turn counted for the likely real speaker and is not on record under its own name.
    """

    key: str
    name: str
    labels: tuple[str, ...]
    appearances: tuple[PersonAppearance, ...]

    @property
    def id(self) -> str:
        """The URL id of the person (`/people/<id>`): the comparison key with hyphens."""
        return self.key.replace(" ", "-")

    @property
    def sessions(self) -> int:
        return len({a.session for a in self.appearances})

    @property
    def roles(self) -> list[str]:
        return list(dict.fromkeys(a.role for a in self.appearances if a.role))

    @property
    def affiliations(self) -> list[str]:
        return list(dict.fromkeys(a.affiliation for a in self.appearances if a.affiliation))

    @property
    def is_place(self) -> bool:
        """A place, not a person: in every session the cast read the caption label as a remote hub
        (a place of the gazetteer speaking for a hub, "DHAKA BANGLADESH"). Such a hub is credited in
        its session, and never listed as a person nor given a person page."""
        roles = {a.role for a in self.appearances}
        return bool(self.appearances) and roles == {"remote-hub"}

    @property
    def words(self) -> int:
        return sum(a.words for a in self.appearances)

    def matches(self, wanted: str) -> bool:
        """True when `wanted` (a comparison key) is part of the name or of a caption label."""
        return wanted in self.key or any(wanted in name_key(label) for label in self.labels)

    def to_json(self) -> dict[str, Any]:
        """The `forumlens people --json` record (name, labels, roles, affiliations, sessions, words) and the id."""
        return {
            "id": self.id,
            "name": self.name,
            "labels": list(self.labels),
            "roles": self.roles,
            "affiliations": self.affiliations,
            "sessions": [a.to_json() for a in self.appearances],
            "words": self.words,
        }


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


# one row per appearance of a named person; a person is on record only through an appearance
_APPEARANCES = (
    "SELECT p.key, p.name, a.session_id, s.title, s.year, a.role, a.affiliation, a.mode, a.words, a.lines, a.minutes"
    " FROM people p JOIN appearances a ON a.person_key = p.key JOIN sessions s ON s.id = a.session_id"
)


def _appearance(row: Sequence[Any]) -> PersonAppearance:
    key, name, sid, title, year, role, affiliation, mode, words, lines, minutes = row
    return PersonAppearance(
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
        None if minutes is None else float(minutes),
    )


class ViewStore(Protocol):
    """Who's who, coalitions, stored documents and output links, across the whole store (store/views.py)."""

    def people_on_record(self, name: str | None = None, *, key: str | None = None) -> list[PersonOnRecord]:
        """The people on record, by name: those whose name or caption label contains `name`, or the one `key`.

        The single source of the `people` command, `/api/people` and the `/people` pages.
        """
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

    # -- catalogue methods (store/catalog.py `CatalogQueries`), declared here until
    # `base.CatalogStore` (not part of this change) takes them over
    def session_of_text(self, text_hash: str) -> str | None:
        """The session whose stored text has this `catalog.text_sha256` (the oldest, if copies exist), or None."""
        ...

    def refresh_text_sha256(self, session_id: str) -> None:
        """Set a session's text hash from its stored text (a live session once finalised)."""
        ...

    def discard_empty_live_session(self, session_id: str) -> bool:
        """Remove a live session in progress that holds no turn, in one transaction; True if removed."""
        ...


class ViewQueries(SQLBase):
    """Implementation over the shared primitives."""

    def people_on_record(self, name: str | None = None, *, key: str | None = None) -> list[PersonOnRecord]:
        where, params = (" WHERE p.key = ?", (key,)) if key is not None else ("", ())
        with self._snapshot() as tx:
            rows = tx(_APPEARANCES + where, params)
            label_rows = tx(
                "SELECT person_key, label FROM person_labels" + (" WHERE person_key = ?" if key is not None else ""),
                params,
            )
        labels: dict[str, set[str]] = {}
        for person_key, label in label_rows:
            labels.setdefault(str(person_key), set()).add(str(label))
        grouped: dict[str, list[PersonAppearance]] = {}
        for row in rows:
            found = _appearance(row)
            grouped.setdefault(found.person_key, []).append(found)
        people = [
            PersonOnRecord(
                key=person_key,
                name=found[0].name,
                labels=tuple(sorted(labels.get(person_key, ()))),
                appearances=tuple(sorted(found, key=lambda a: (a.year is None, a.year or 0, a.session))),
            )
            for person_key, found in grouped.items()
        ]
        people = [p for p in people if not p.is_place]
        if name:
            wanted = name_key(name)
            people = [p for p in people if p.matches(wanted)]
        return sorted(people, key=lambda p: (p.name.casefold(), p.key))

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

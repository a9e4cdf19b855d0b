"""Cross-store views of who's who: people and coalitions with the sessions they appear in.

Reads the projected tables (people, person_labels, appearances, coalition_mentions)
with portable SQL, so it works on either back end; grouping happens here in Python.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .store.base import Store
from .transcript.speakers import name_key

__all__ = ["PersonRecord", "CoalitionRecord", "list_people", "list_coalitions"]


@dataclass
class PersonRecord:
    name: str
    labels: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    words: int = 0

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass
class CoalitionRecord:
    name: str
    acronym: str | None
    sessions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def presented(self) -> int:
        return sum(s["status"] == "presented" for s in self.sessions)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "acronym": self.acronym, "presented": self.presented,
                "sessions": self.sessions}


def list_people(store: Store, name: str | None = None) -> list[PersonRecord]:
    """Every person on record (or those whose name or label contains `name`)."""
    labels: dict[str, list[str]] = {}
    for key, label in store.query("SELECT person_key, label FROM person_labels ORDER BY label"):
        labels.setdefault(key, []).append(label)
    rows = store.query(
        "SELECT p.key, p.name, a.session_id, s.title, s.year, a.role, a.affiliation, a.mode, a.words, a.lines"
        " FROM people p JOIN appearances a ON a.person_key = p.key JOIN sessions s ON s.id = a.session_id"
        " ORDER BY p.name, s.year, s.id")
    wanted = name_key(name) if name else None
    people: dict[str, PersonRecord] = {}
    for key, display, sid, title, year, role, affiliation, mode, words, lines in rows:
        if wanted and wanted not in key and not any(wanted in name_key(lb) for lb in labels.get(key, [])):
            continue
        record = people.setdefault(key, PersonRecord(display, labels.get(key, [])))
        record.sessions.append({"session": sid, "title": title, "year": year, "role": role,
                                "affiliation": affiliation, "mode": mode, "lines": json.loads(lines)})
        record.words += int(words or 0)
        if role and role not in record.roles:
            record.roles.append(role)
        if affiliation and affiliation not in record.affiliations:
            record.affiliations.append(affiliation)
    return list(people.values())


def list_coalitions(store: Store, name: str | None = None) -> list[CoalitionRecord]:
    """Every coalition seen in a session, with its status in each (presented, mentioned, invited-absent)."""
    rows = store.query(
        "SELECT c.coalition, c.acronym, c.session_id, s.title, s.year, c.status, c.lines"
        " FROM coalition_mentions c JOIN sessions s ON s.id = c.session_id ORDER BY c.coalition, s.year, s.id")
    wanted = name.lower() if name else None
    out: dict[str, CoalitionRecord] = {}
    for coalition, acronym, sid, title, year, status, lines in rows:
        if wanted and wanted not in coalition.lower() and wanted != (acronym or "").lower():
            continue
        record = out.setdefault(coalition, CoalitionRecord(coalition, acronym))
        record.sessions.append({"session": sid, "title": title, "year": year, "status": status,
                                "lines": json.loads(lines)})
    return sorted(out.values(), key=lambda c: (-c.presented, c.name))

"""Cross-store views of who's who: people and coalitions with the sessions they appear in.

The store hands back one row per appearance (`store.person_appearances()`,
`store.coalition_appearances()`); grouping and the name filters happen here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .store.base import Store
from .transcript.speakers import name_key

__all__ = ["CoalitionRecord", "PersonRecord", "list_coalitions", "list_people"]


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
        return {"name": self.name, "acronym": self.acronym, "presented": self.presented, "sessions": self.sessions}


def list_people(store: Store, name: str | None = None) -> list[PersonRecord]:
    """Every person on record (or those whose name or label contains `name`)."""
    labels = store.labels_by_person()
    wanted = name_key(name) if name else None
    people: dict[str, PersonRecord] = {}
    for a in store.person_appearances():
        key = a.person_key
        if wanted and wanted not in key and not any(wanted in name_key(lb) for lb in labels.get(key, [])):
            continue
        record = people.setdefault(key, PersonRecord(a.name, labels.get(key, [])))
        record.sessions.append(
            {
                "session": a.session,
                "title": a.title,
                "year": a.year,
                "role": a.role,
                "affiliation": a.affiliation,
                "mode": a.mode,
                "lines": list(a.lines),
            }
        )
        record.words += a.words
        if a.role and a.role not in record.roles:
            record.roles.append(a.role)
        if a.affiliation and a.affiliation not in record.affiliations:
            record.affiliations.append(a.affiliation)
    return list(people.values())


def list_coalitions(store: Store, name: str | None = None) -> list[CoalitionRecord]:
    """Every coalition seen in a session, with its status in each (presented, mentioned, invited-absent)."""
    wanted = name.lower() if name else None
    out: dict[str, CoalitionRecord] = {}
    for c in store.coalition_appearances():
        if wanted and wanted not in c.coalition.lower() and wanted != (c.acronym or "").lower():
            continue
        record = out.setdefault(c.coalition, CoalitionRecord(c.coalition, c.acronym))
        record.sessions.append(
            {"session": c.session, "title": c.title, "year": c.year, "status": c.status, "lines": list(c.lines)}
        )
    return sorted(out.values(), key=lambda c: (-c.presented, c.name))

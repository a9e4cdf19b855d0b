"""Cross-store view of the coalitions with the sessions they appear in.

The store hands back one row per appearance (`store.coalition_appearances()`); grouping
and the name filter happen here. People have one model, `store.people_on_record()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .store.base import Store

__all__ = ["CoalitionRecord", "list_coalitions"]


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

"""A person's stakeholder group, from their affiliation and their own words.

Statistics per stakeholder group (government, civil society, private sector, technical
community, academia, intergovernmental organisations) need each speaker's group. The
affiliation's registry kind settles it for UN bodies and other IGOs; otherwise the
speaker's self-introduction or the evidence quotes may name the group ("a civil
society organisation", "the Ministry of Digital Economy", "a university"). Coalition
representatives and people with no such evidence stay unknown rather than guessed:
coalitions are multistakeholder by design.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .registry import Registry, load_registry

if TYPE_CHECKING:
    from .cast import Person

__all__ = ["stakeholder_group"]

_KIND_GROUP = {"un-body": "Intergovernmental Organizations", "igo": "Intergovernmental Organizations"}

# Cue words in a person's own evidence quotes → group (most specific first).
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "Government",
        re.compile(
            r"\b(ministry|minister|ministerial|government|regulator|regulatory authority"
            r"|parliament(arian)?|ambassador|permanent mission)\b",
            re.I,
        ),
    ),
    (
        "Civil Society",
        re.compile(r"\b(civil society|non-?governmental organi[sz]ation|NGO|foundation|charity)\b", re.I),
    ),
    ("Academia", re.compile(r"\b(universit(y|ies)|professor|lecturer|researcher at|academi[ac]|PhD)\b", re.I)),
    (
        "Private Sector",
        re.compile(
            r"\b(company|companies|corporation|business association|industry association"
            r"|telecom operator|start-?up)\b",
            re.I,
        ),
    ),
    (
        "Technical Community",
        re.compile(
            r"\b(ICANN|IETF|RIR|registry operator|network operators?|ISOC|Internet Society"
            r"|engineer)\b",
            re.I,
        ),
    ),
)


def stakeholder_group(person: Person, registry: Registry | None = None) -> str | None:
    """Stakeholder group of one person of the cast, or None when unknown."""
    registry = registry or load_registry()
    entity = registry.entities.get(person.affiliation_id or "")
    if entity is not None and entity.kind in _KIND_GROUP:
        return _KIND_GROUP[entity.kind]
    if person.role == "dc-representative":
        return None
    own_words = " ".join(e.quote for e in person.evidence)
    own_words += " " + (person.description or "")
    for group, cue in _CUES:
        if cue.search(own_words):
            return group
    return None

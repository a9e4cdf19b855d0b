"""Composes the pure stages: Document → Session → analyses. No I/O here.

`analyse_session` returns the JSON-ready parts of the `report` contract that are
computed at ingest and stored with the session (kinds: people, coalitions, flags, …).
Each stage takes the records of the stages before it, never the store; what the store
knows (people already on record) comes in through `options`.
"""

from __future__ import annotations

from typing import Any

from .models import Document, Session
from .transcript.parse import parse_transcript

__all__ = ["parse_document", "analyse_session", "merge_people_with_store"]


def parse_document(document: Document) -> Session:
    """Turns of a decoded document (zero turns plus a warning when there are no markers)."""
    return parse_transcript(document.text, source=document.source, sha256=document.sha256)


def merge_people_with_store(people: list[dict[str, Any]], known: list[str]) -> list[dict[str, Any]]:
    """Rename people to the name already on record when they are the same person.

    Label variants merge across the store this way ("Anriette Asterhuysen" in one
    session, "Anriette Esterhuysen" in another), and every label is kept.
    """
    from .resolve import merge_known

    names = [p["name"] for p in people if p.get("name")]
    if not names or not known:
        return people
    mapping = merge_known(names, known)
    merged = []
    for person in people:
        name = person.get("name")
        if name and mapping.get(name, name) != name:
            person = {**person, "name": mapping[name],
                      "labels": sorted({*person.get("labels", []), name}),
                      "aliases": sorted({*person.get("aliases", []), name})}
        merged.append(person)
    return merged


def analyse_session(session: Session, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every analysis of a session, keyed by report-contract field."""
    from .resolve import resolve_session

    options = options or {}
    wpm = float(options.get("words_per_minute", 150.0))
    out: dict[str, Any] = {}
    cast = resolve_session(session, words_per_minute=wpm)
    cast_json = cast.to_json()
    out["people"] = merge_people_with_store(cast_json["people"], list(options.get("known_people") or []))
    out["coalitions"] = cast_json["coalitions"]
    out["flags"] = cast_json["flags"]
    return out

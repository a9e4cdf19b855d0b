"""Analyses (JSON, per the report contract) → rows of the query tables. Pure.

A session's analyses are stored whole as JSON, and the parts other features query
across the store — people, coalitions, tags — are also projected into tables, in the
same transaction, so lists, filters and feeds need no JSON scanning. Both back ends
use these rows; only the INSERT syntax differs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..transcript.speakers import name_key

__all__ = ["PROJECTED_TABLES", "document_columns", "project_analyses"]

# table → column order of the rows `project_analyses` returns
PROJECTED_TABLES: dict[str, tuple[str, ...]] = {
    "people": ("key", "name"),
    "person_labels": ("person_key", "label"),
    "appearances": ("session_id", "person_key", "role", "affiliation", "mode", "words", "minutes", "lines"),
    "coalition_mentions": ("session_id", "coalition", "acronym", "status", "lines"),
    "tags": ("session_id", "scheme", "code", "label", "score", "lines"),
}


def _lines(value: Any) -> str:
    return json.dumps([int(x) for x in (value or []) if isinstance(x, int | float)])


def document_columns(analyses: Mapping[str, Any] | None) -> tuple[str, str]:
    """(documents.kind, documents.meta JSON) from the `document` analysis (metadata).

    Transcripts are kind "transcript"; reports carry their detected or stated kind
    ("annual-report", …), so the coalition record can query kinds without JSON.
    """
    meta = (analyses or {}).get("document") or {}
    kind = str(meta.get("kind") or "transcript")
    return kind, json.dumps(meta, ensure_ascii=False)


def project_analyses(session_id: str, analyses: Mapping[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """Rows per table for one session; unnamed people stay in the JSON only."""
    rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in PROJECTED_TABLES}
    seen_people: set[str] = set()
    for person in analyses.get("people") or []:
        name = person.get("name")
        if not name:
            continue
        key = name_key(name)
        if not key or key in seen_people:
            continue
        seen_people.add(key)
        rows["people"].append((key, name))
        for label in sorted(set(person.get("labels") or [])) or [name]:
            rows["person_labels"].append((key, label))
        rows["appearances"].append(
            (
                session_id,
                key,
                person.get("role"),
                person.get("affiliation"),
                person.get("mode"),
                int(person.get("words") or 0),
                float(person.get("minutes") or 0.0),
                _lines(person.get("lines")),
            )
        )
    seen_coalitions: set[str] = set()
    for coalition in analyses.get("coalitions") or []:
        name = coalition.get("name")
        if not name or name in seen_coalitions:
            continue
        seen_coalitions.add(name)
        rows["coalition_mentions"].append(
            (
                session_id,
                name,
                coalition.get("acronym"),
                coalition.get("status") or "mentioned",
                _lines(coalition.get("lines")),
            )
        )
    seen_tags: set[tuple[str, str]] = set()
    for tag in analyses.get("tags") or []:
        scheme, code = str(tag.get("scheme") or ""), str(tag.get("code") or "")
        if not (scheme and code) or (scheme, code) in seen_tags:
            continue
        seen_tags.add((scheme, code))
        rows["tags"].append(
            (session_id, scheme, code, tag.get("label") or "", float(tag.get("score") or 0.0), _lines(tag.get("lines")))
        )
    return rows

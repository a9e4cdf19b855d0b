"""Tidy tables of the record for researchers: one row per item, stable column names.

Each table is a pure function of one stored session (its list row, its turns and its
analyses), so an export streams session by session and never holds the archive in
memory. Every item row repeats the session's id, title and year, so a row printed on
its own still cites its source (session + line), as DESIGN.md asks of citations.
Column names are a contract (README, "Exports"): extend, never rename.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .models import Session
from .store.base import SessionInfo

__all__ = ["TABLES", "Table", "cell"]

Row = dict[str, Any]
Analyses = Mapping[str, Any]


@dataclass(frozen=True)
class Table:
    """One exported table: its file stem, its columns in order, and how to make its rows."""

    name: str
    columns: tuple[str, ...]
    rows: Callable[[SessionInfo, Session, Analyses], Iterator[Row]]
    about: str


_CITE = ("session", "title", "year")


def _cite(info: SessionInfo) -> Row:
    return {"session": info.id, "title": info.title, "year": info.year}


def _document(analyses: Analyses) -> Mapping[str, Any]:
    doc = analyses.get("document")
    return doc if isinstance(doc, Mapping) else {}


def _items(analyses: Analyses, kind: str) -> list[Mapping[str, Any]]:
    value = analyses.get(kind)
    return [x for x in value if isinstance(x, Mapping)] if isinstance(value, list) else []


def _sessions(info: SessionInfo, session: Session, analyses: Analyses) -> Iterator[Row]:
    doc = _document(analyses)
    yield {
        **_cite(info),
        "date": doc.get("date"),
        "kind": doc.get("kind") or "transcript",
        "source": info.source,
        "turns": info.turns,
        "speakers": info.speakers,
        "words": info.words,
        "ingested_at": info.ingested_at,
    }


def _turns(info: SessionInfo, session: Session, analyses: Analyses) -> Iterator[Row]:
    for t in session.turns:
        yield {
            **_cite(info),
            "index": t.index,
            "line": t.line,
            "end_line": t.end_line or t.line,
            "speaker": t.speaker,
            "label": t.label,
            "kind": t.kind,
            "page": t.page,
            "section": t.section,
            "text": t.text,
        }


# Fields that hold lists (line numbers, caption labels): always a list in a row, never None.
_LIST_FIELDS = frozenset({"lines", "labels", "answer_lines"})


def _item_table(kind: str, fields: tuple[str, ...], about: str) -> Table:
    """A table of one row per item of the `kind` analysis, each column the item's field of that name.

    The columns are named once, here, so a table's rows cannot drift from its documented columns.
    """

    def rows(info: SessionInfo, session: Session, analyses: Analyses) -> Iterator[Row]:
        for item in _items(analyses, kind):
            yield {
                **_cite(info),
                **{f: list(item.get(f) or []) if f in _LIST_FIELDS else item.get(f) for f in fields},
            }

    return Table(kind, (*_CITE, *fields), rows, about)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "sessions",
            (*_CITE, "date", "kind", "source", "turns", "speakers", "words", "ingested_at"),
            _sessions,
            "one row per stored session or document",
        ),
        Table(
            "turns",
            (*_CITE, "index", "line", "end_line", "speaker", "label", "kind", "page", "section", "text"),
            _turns,
            "one row per speaker turn (or document paragraph), with its line span",
        ),
        _item_table(
            "people",
            ("name", "role", "affiliation", "mode", "words", "minutes", "lines", "labels"),
            "one row per person per session (who spoke, for whom, how long)",
        ),
        _item_table(
            "questions",
            ("line", "by", "to", "status", "answer_lines", "text"),
            "one row per question put, with its fate",
        ),
        _item_table(
            "asks",
            ("line", "by", "coalition", "category", "type", "quote"),
            "one row per ask, need or commitment, with its category",
        ),
        _item_table(
            "tags",
            ("scheme", "code", "label", "score", "lines"),
            "one row per tag (issue area, SDG, GDC objective) of a session",
        ),
    )
}


def cell(value: Any) -> str:
    """A CSV cell: lists of line numbers or labels joined by spaces / '; ', None empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        sep = " " if all(isinstance(v, int) for v in value) else "; "
        return sep.join(str(v) for v in value)
    return str(value)

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


def _people(info: SessionInfo, session: Session, analyses: Analyses) -> Iterator[Row]:
    for p in _items(analyses, "people"):
        yield {
            **_cite(info),
            "name": p.get("name"),
            "role": p.get("role"),
            "affiliation": p.get("affiliation"),
            "mode": p.get("mode"),
            "words": p.get("words"),
            "minutes": p.get("minutes"),
            "lines": list(p.get("lines") or []),
            "labels": list(p.get("labels") or []),
        }


def _questions(info: SessionInfo, session: Session, analyses: Analyses) -> Iterator[Row]:
    for q in _items(analyses, "questions"):
        yield {
            **_cite(info),
            "line": q.get("line"),
            "by": q.get("by"),
            "to": q.get("to"),
            "status": q.get("status"),
            "answer_lines": list(q.get("answer_lines") or []),
            "text": q.get("text"),
        }


def _asks(info: SessionInfo, session: Session, analyses: Analyses) -> Iterator[Row]:
    for a in _items(analyses, "asks"):
        yield {
            **_cite(info),
            "line": a.get("line"),
            "by": a.get("by"),
            "coalition": a.get("coalition"),
            "category": a.get("category"),
            "type": a.get("type"),
            "quote": a.get("quote"),
        }


def _tags(info: SessionInfo, session: Session, analyses: Analyses) -> Iterator[Row]:
    for t in _items(analyses, "tags"):
        yield {
            **_cite(info),
            "scheme": t.get("scheme"),
            "code": t.get("code"),
            "label": t.get("label"),
            "score": t.get("score"),
            "lines": list(t.get("lines") or []),
        }


_CITE = ("session", "title", "year")
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
        Table(
            "people",
            (*_CITE, "name", "role", "affiliation", "mode", "words", "minutes", "lines", "labels"),
            _people,
            "one row per person per session (who spoke, for whom, how long)",
        ),
        Table(
            "questions",
            (*_CITE, "line", "by", "to", "status", "answer_lines", "text"),
            _questions,
            "one row per question put, with its fate",
        ),
        Table(
            "asks",
            (*_CITE, "line", "by", "coalition", "category", "type", "quote"),
            _asks,
            "one row per ask, need or commitment, with its category",
        ),
        Table(
            "tags",
            (*_CITE, "scheme", "code", "label", "score", "lines"),
            _tags,
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

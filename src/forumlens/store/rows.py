"""The rows one stored session is made of, built once for both back ends. Pure.

SQLite and PostgreSQL write the same tables; only placeholders, conflict clauses and
the PostgreSQL search column differ. Building the rows here keeps the two stores from
drifting apart (a test compares every table after the same ingest on both).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Document, Session, Turn
from ..transcript.speakers import name_key
from .projections import document_columns

__all__ = [
    "ANALYSIS_COLUMNS",
    "DOCUMENT_COLUMNS",
    "SESSION_COLUMNS",
    "SPEAKER_COLUMNS",
    "TURN_COLUMNS",
    "TURN_READ",
    "SessionRows",
    "session_rows",
    "turn_of",
]

DOCUMENT_COLUMNS = (
    "id",
    "sha256",
    "source",
    "format",
    "encoding",
    "kind",
    "title",
    "year",
    "text",
    "warnings",
    "ingested_at",
    "meta",
)
SESSION_COLUMNS = ("id", "title", "year", "turn_count", "speaker_count", "word_count")
SPEAKER_COLUMNS = ("session_id", "label", "speaker", "turns")
TURN_COLUMNS = (
    "session_id",
    "idx",
    "line",
    "end_line",
    "label",
    "speaker",
    "speaker_key",
    "kind",
    "text",
    "start_offset",
    "end_offset",
    "page",
    "section",
)
ANALYSIS_COLUMNS = ("session_id", "kind", "data")
# The turns columns read back, in `turn_of`'s order (a SELECT list: "SELECT " + TURN_READ + ...).
TURN_READ = "idx, line, label, speaker, kind, text, start_offset, end_offset, end_line, page, section"


def turn_of(row: Sequence[Any]) -> Turn:
    """The `Turn` one row of `TURN_READ` stores: reading a whole session and the live tail
    (`turns_from`) build turns alike, so neither drifts when a column is added."""
    index, line, label, speaker, kind, text, start, end, end_line, page, section = row
    return Turn(
        index=index,
        line=line,
        label=label,
        speaker=speaker,
        kind=kind,
        text=text,
        start=start,
        end=end,
        end_line=end_line,
        page=page,
        section=section,
    )


@dataclass(frozen=True)
class SessionRows:
    document: tuple[Any, ...]
    session: tuple[Any, ...]
    speakers: list[tuple[Any, ...]]
    turns: list[tuple[Any, ...]]
    analyses: list[tuple[Any, ...]]


def session_rows(document: Document, session: Session, analyses: dict[str, Any] | None, now: str) -> SessionRows:
    """Rows of documents, sessions, speakers, turns and analyses for one session."""
    sid = session.id
    speech = [t for t in session.turns if t.kind == "speech"]
    labels: dict[str, tuple[str | None, int]] = {}
    for turn in speech:
        if turn.label:
            speaker, count = labels.get(turn.label, (turn.speaker, 0))
            labels[turn.label] = (speaker, count + 1)
    kind, meta = document_columns(analyses)
    return SessionRows(
        document=(
            sid,
            document.sha256,
            document.source,
            document.format,
            document.encoding,
            kind,
            session.title,
            session.year,
            session.text,
            json.dumps([*document.warnings, *session.warnings]),
            now,
            meta,
        ),
        session=(
            sid,
            session.title,
            session.year,
            len(session.turns),
            len({name_key(t.speaker or t.label or "") for t in speech if t.label}),
            sum(len(t.text.split()) for t in speech),
        ),
        speakers=[(sid, label, speaker, count) for label, (speaker, count) in labels.items()],
        turns=[
            (
                sid,
                t.index,
                t.line,
                t.end_line,
                t.label,
                t.speaker,
                name_key(t.speaker or t.label or ""),
                t.kind,
                t.text,
                t.start,
                t.end,
                t.page,
                t.section,
            )
            for t in session.turns
        ],
        analyses=[(sid, kind, json.dumps(data, ensure_ascii=False)) for kind, data in (analyses or {}).items()],
    )

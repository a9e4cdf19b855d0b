"""Composes the pure stages: Document → Session → analyses. No I/O here.

`analyse_session` returns the JSON-ready parts of the `report` contract that are
computed at ingest and stored with the session; each stage adds its own key, so a
store holds whatever analysis had landed when the session was ingested.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .models import Document, Session
from .transcript.parse import parse_transcript

__all__ = ["parse_document", "analyse_session", "ANALYSES"]


def parse_document(document: Document) -> Session:
    """Turns of a decoded document (zero turns plus a warning when there are no markers)."""
    return parse_transcript(document.text, source=document.source, sha256=document.sha256)


# kind → stage; each stage is pure: Session (+ settings) → JSON-ready data.
ANALYSES: dict[str, Callable[[Session, dict[str, Any]], Any]] = {}


def analyse_session(session: Session, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every registered analysis of a session, keyed by kind."""
    options = options or {}
    return {kind: stage(session, options) for kind, stage in ANALYSES.items()}

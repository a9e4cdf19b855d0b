"""Cited summaries: session reports, coalition snapshots and topic briefs.

Deterministic and offline (no model download): sentences are ranked by centrality,
informativeness and cue signals, selected with MMR for coverage, compressed by deleting
filler only, and every bullet carries the verbatim sentence it came from
(`check_citations` proves it).
"""

from .check import check_citations
from .models import (
    Appearance,
    Bullet,
    CoalitionBrief,
    CoalitionEntry,
    Findings,
    SessionReport,
    SpeakerPoints,
    Theme,
    TopicBrief,
)
from .render import render, render_html, render_json, render_markdown, render_text
from .report import build_report
from .snapshot import brief_coalition
from .topic import brief_topic

__all__ = [
    "Appearance",
    "Bullet",
    "CoalitionBrief",
    "CoalitionEntry",
    "Findings",
    "SessionReport",
    "SpeakerPoints",
    "Theme",
    "TopicBrief",
    "brief_coalition",
    "brief_topic",
    "build_report",
    "check_citations",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
]

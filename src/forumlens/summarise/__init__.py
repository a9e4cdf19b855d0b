"""Cited summaries: session reports, coalition snapshots and topic briefs.

Deterministic and offline (no model download): sentences are ranked by centrality,
informativeness and cue signals, selected with MMR for coverage, compressed by deleting
filler only, and every bullet carries the verbatim sentence it came from
(`check_citations` proves it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports  # the one PEP 562 loader (forumlens/__init__.py)

# `render` names both a submodule and its function, and an imported submodule becomes the
# package's attribute: importing the functions here keeps `summarise.render` the function.
# They import the records, so those are no extra cost.
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

# The other names are imported on first use: `report FILE` needs the session report, never
# the topic briefs, coalition snapshots or their theme labels (~15-20 ms of imports; issue 19).
_PUBLIC = {
    "check_citations": ".check",
    "build_report": ".report",
    "brief_coalition": ".snapshot",
    "brief_topic": ".topic",
}

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

if TYPE_CHECKING:
    from .check import check_citations
    from .report import build_report
    from .snapshot import brief_coalition
    from .topic import brief_topic

__getattr__, __dir__ = _lazy_exports(__name__, _PUBLIC, globals())

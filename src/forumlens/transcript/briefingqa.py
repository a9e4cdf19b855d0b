"""A press briefing's `Q:` / `A:` lines inside a labelled turn: each a turn of its own.

In a briefing captioned with `>>` labels the moderator's turn often goes on with the
questions and answers written `Q: …` / `A: …` (or `Q. …` / `A. …`) at the start of their
lines, with no `>>` before them. Those lines are other voices — a journalist asking, a
panellist answering — so each starts a turn labelled `Q` or `A`, unnamed as
`initials.py` leaves a briefing's letters. Only when the file uses them as a pattern: two
such lines or more, a `Q` among them; a single "Q:" in a speech is prose, and lettered
lines with no `Q` (`A. …`, `B. …`) are a list.
"""

from __future__ import annotations

import re

from .markers import Marker

__all__ = ["briefing_markers"]

# `Q:` / `A:` / `Q.` / `A.` opening a line, then the words on the same line.
_QA_LINE = re.compile(r"^[ \t]*(?P<letter>[QA])[:.][ \t]+(?=\S)", re.MULTILINE)


def briefing_markers(text: str, markers: list[Marker]) -> list[Marker]:
    """Markers for the `Q:` / `A:` lines after the first labelled marker that no marker opens
    already (module docstring); [] when the file does not use them as a pattern."""
    first = min((m.at for m in markers if not m.implicit), default=None)
    if first is None:
        return []
    lines = list(_QA_LINE.finditer(text, first))
    if len(lines) < 2 or not any(m.group("letter") == "Q" for m in lines):
        return []
    marked = {text.rfind("\n", 0, m.at) + 1 for m in markers}  # line starts that open a turn already
    return [
        Marker(m.start() + (len(m.group()) - len(m.group().lstrip())), m.end(), label=m.group("letter"))
        for m in lines
        if m.start() not in marked and m.start() > first
    ]

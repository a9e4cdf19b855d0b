"""Saved captions with a label line above each caption: `[Display Name] 11:00:14`.

Meeting tools save their live captions as blocks: a line holding only the speaker's display
name in square brackets and the wall-clock time (Zoom's "Save captions": `[Jo Li] 11:00:14`;
the time may come first), then the caption on the lines below, a blank line between blocks.
The file states its turns (`exportmarks.py`):

- the label line is furniture: the brackets and the time are no part of the label, and the
  speech starts on the line below;
- blocks in a row with the same display name are one turn (the tool cuts a speaker's words
  into blocks by time, not by voice);
- what comes before the first label line (the meeting title, `Meeting ID: …`) is the header.

A display name is the label as written: a room system (`Room 2`) or a phone (`iPhone de Ana`)
is left to `speakers.display_name`, which gives no person for them. Told from the lines: two
or more label lines, and most blocks under one (so a transcript quoting one such line is not
read as saved captions).
"""

from __future__ import annotations

import re

from .clock import CLOCK
from .exportmarks import ExportMarks, head_line_mark, voice_changes

__all__ = ["LABEL_LINE", "read_label_blocks"]

_TIME = CLOCK
# A label line: the bracketed display name and a time (either order), nothing else.
LABEL_LINE = re.compile(
    rf"^[ \t]*(?:\[(?P<a>[^\[\]\n]{{1,80}})\][ \t]+{_TIME}|{_TIME}[ \t]+\[(?P<b>[^\[\]\n]{{1,80}})\])[ \t\r]*$",
    re.MULTILINE,
)
_LEAST = 2


def read_label_blocks(text: str) -> ExportMarks | None:
    """The turns of a saved-captions file (see the module doc); None for any other text."""
    if "]" not in text:
        return None  # the common case, found without a regex
    lines = list(LABEL_LINE.finditer(text))
    if len(lines) < _LEAST:
        return None
    blocks = len(re.findall(r"\n[ \t\r]*\n[ \t\r]*\S", text[lines[0].start() :])) + 1
    if len(lines) * 2 < blocks:
        return None  # most blocks are not under a label line: not a saved-captions file
    found = (head_line_mark(text, line, " ".join((line.group("a") or line.group("b")).split())) for line in lines)
    return ExportMarks(voice_changes(found), lines[0].start())

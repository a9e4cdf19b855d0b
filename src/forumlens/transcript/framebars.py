"""The `|` line break inside a frame-numbered subtitle line: `[156][214]>> JO LI:|Thank you.`

MicroDVD (`{75}{200}`) and MPL2 (`[156][214]`, tenths of a second) subtitle files write each
subtitle on one line after its start and end, and the subtitle's own line breaks as `|`. A label
at the end of the subtitle's first line is then glued to its speech by the bar (`>> JO LI:|Thank
you.`), and the speech would start with it. The view (`view.py`) reads each bar on such a line as
a space, so the rules see `>> JO LI: Thank you.`; the turns are cut from the source again.

A file is written this way when it shows it on most lines: at least three lines, and most of the
non-blank ones, open with a frame pair (two numbers in braces or in square brackets). A bar in
any other file (a table, a caption quoting a command line) is left alone.
"""

from __future__ import annotations

import re

from .view import Edit

__all__ = ["frame_bar_edits"]

_FRAMED = re.compile(r"^[ \t]*(?:\{\d{1,7}\}\{\d{0,7}\}|\[\d{1,7}\]\[\d{0,7}\])[^\n]*", re.MULTILINE)
_LEAST = 3
_SHARE = 0.6  # of the non-blank lines


def frame_bar_edits(text: str) -> list[Edit]:
    """A space for each `|` on the frame-numbered lines of a MicroDVD or MPL2 file; [] else."""
    if "|" not in text:
        return []
    framed = list(_FRAMED.finditer(text))
    if len(framed) < _LEAST or len(framed) < _SHARE * sum(1 for line in text.split("\n") if line.strip()):
        return []
    return [
        Edit(line.start() + i, line.start() + i + 1, " ")
        for line in framed
        for i, ch in enumerate(line.group())
        if ch == "|"
    ]

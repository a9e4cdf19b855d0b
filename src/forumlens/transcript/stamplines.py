"""A bare clock stamp glued to the start of every line: `00:01:02:>> CHAIR: …` (TMPlayer and kin).

Some subtitle formats write each subtitle as one line, the time it appears first and the text
glued on after a colon or an equals sign, with no brackets (`hh:mm:ss:text`, `h:mm:ss=text`), and
a `|` for the line break inside the subtitle. The stamp is never part of a speaker label in any
format, yet with no bracket around it the label rules would read `00:00:31:>> PARTICIPANT` as one
label, or miss the `>>` that no longer opens the line.

The shape is learned from the file: when at least `_LEAST` lines and most of the non-blank lines
open with such a stamp, the view (`view.py`) reads each stamp as nothing and each `|` on those
lines as a space, so the rules read the subtitles' own marks and labels; the turns are cut from
the source again, so citations keep the stamps as written.
"""

from __future__ import annotations

import re

from .view import Edit

__all__ = ["stamp_line_edits"]

# A clock time glued to the text by a colon or `=` (not followed by another digit: `12:30:45:10`
# would be a frame count, read as part of the stamp).
_STAMP = re.compile(r"^[ \t]*\d{1,2}:\d{2}:\d{2}(?:[.,:]\d{1,3})?[:=](?!\d)", re.MULTILINE)
_LEAST = 3
_HEAD = 30  # lines of the head read first: most of them open with a stamp in such a file
_SHARE = 0.6  # of the non-blank lines, the share that must open with a stamp


def stamp_line_edits(text: str) -> list[Edit]:
    """Each line-opening stamp read as nothing and each `|` after it as a space; [] when the
    file's lines do not keep that shape (see the module doc)."""
    head = [line for line in text[:4000].splitlines()[:_HEAD] if line.strip()]
    if sum(1 for line in head if _STAMP.match(line)) < _SHARE * len(head) - 2:
        return []  # the common case: the file's head already keeps another shape
    stamps = list(_STAMP.finditer(text))
    if len(stamps) < _LEAST:
        return []
    lines = sum(1 for line in text.splitlines() if line.strip())
    if len(stamps) < _SHARE * lines:
        return []
    edits = []
    for stamp in stamps:
        edits.append(Edit(stamp.start(), stamp.end(), ""))
        end = text.find("\n", stamp.end())
        end = len(text) if end == -1 else end
        at = text.find("|", stamp.end(), end)
        while at != -1:
            edits.append(Edit(at, at + 1, " "))
            at = text.find("|", at + 1, end)
    return edits

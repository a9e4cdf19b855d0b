"""Delimited fields opening every row, their payload an ordinary caption: `…|…|CC1|RU3|>> CHAIR: …`.

A caption extraction tool saves broadcast captions one row a caption, the caption behind fields
of its own: start and end stamps, the caption channel, the display mode, separated by pipes (or
tabs). The payload is the captioner's text with its `>>` marks and labels, but the fields hide
them from the caption rules (a `>>` is only a marker at a line start). Rather than one reader per
tool, the fields are learned from the file: each row's leading run of short fields without
spaces, each followed by the delimiter; every field of the run holds a digit (a stamp, a frame,
a count) or is the same on nearly all rows (a channel, a mode), so a varying field of words (a
speaker column) is never read away; the run that opens at least `_LEAST` rows and most rows is
the file's. The view (`view.py`) reads it as nothing on every row that opens with it, and the
rules read the payload; the turns are cut from the source again.
"""

from __future__ import annotations

import re
from collections import Counter

from .view import Edit

__all__ = ["row_field_edits"]

_LEAST = 3
_SHARE = 0.6  # of the non-blank lines, the share the fields must open
_FIELDS = {
    "|": re.compile(r"^[ \t]*(?:[^\s|]{1,24}\|){2,8}", re.MULTILINE),
    "\t": re.compile(r"^(?:\S{1,24}\t){2,8}", re.MULTILINE),
}


def _shape(field: str) -> str:
    return re.sub(r"[^\W\d_]+", "A", re.sub(r"\d+", "9", field))


def row_field_edits(text: str) -> list[Edit]:
    """Each row's learned leading fields read as nothing; [] when the file has none (see the
    module doc)."""
    lines = sum(1 for line in text.split("\n") if line.strip())
    for delimiter, pattern in _FIELDS.items():
        if delimiter not in text:
            continue
        runs = list(pattern.finditer(text))
        if len(runs) < _LEAST or len(runs) < _SHARE * lines:
            continue
        rows = [run.group().strip().split(delimiter)[:-1] for run in runs]
        width, n = Counter(len(r) for r in rows).most_common(1)[0]
        if n < _SHARE * lines:
            continue
        ok = True
        for i in range(width):
            values = [r[i].strip() for r in rows if len(r) >= width]
            constant = Counter(values).most_common(1)[0][1] >= 0.8 * len(values)
            shapes = Counter(_shape(v) for v in values).most_common(1)[0]
            if not (constant or (any(ch.isdigit() for ch in shapes[0]) and shapes[1] >= 0.8 * len(values))):
                ok = False
        if not ok:
            continue
        edits = []
        for run, row in zip(runs, rows, strict=True):
            if len(row) < width:
                continue
            end = run.start()
            for _ in range(width):
                end = text.index(delimiter, end) + 1
            while end < run.end() and text[end] in " \t" and delimiter != "\t":
                end += 1
            edits.append(Edit(run.start(), end, ""))
        return edits
    return []

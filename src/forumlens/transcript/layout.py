"""A two-column table turned into text with its layout kept: `MR. JO        Thank you. The …`.

A record of statements kept as a two-column table in a PDF or a word processor, turned into
text by a tool that keeps the layout (`pdftotext -layout`, a "save as text" that pads with
spaces), puts each row's cells side by side on the same lines: the speaker in a narrow left
column, the speech in a wide right one, both wrapped. A long label runs over two or three
lines beside the speech (`MR. JO` / `LI OKAFOR`), its last line may stand alone under a
one-line speech, and a line with an empty left column goes on with the speech. The header row
names the columns (`Speaker     Remarks`, the names `tables.py` knows), so the table states
its turns (`exportmarks.py`):

- the right column starts where the header's text column starts (a cell may be off by a
  column or two); the left cells of a row, joined, are the label, the right cells the speech;
- a left cell opens a new row after a line whose left cell was empty, or when the speech
  beside the row before ended a sentence and this line has speech of its own; a left cell
  beside a speech that runs on (no sentence end), or alone on its line, is the label going on;
- a line that starts right of the text column (a centred running footer, a page number) is
  furniture, never speech and no end of a turn; rows in a row with the same label are one turn.

Told from the lines: a header row with a speaker and a text column apart by two or more
spaces, among the first lines, and two or more rows whose labels read as labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .exportmarks import ExportMarks, Mark, voice_changes
from .speakers import looks_like_label
from .tables import SPEAKER_COLUMNS, TEXT_COLUMNS

__all__ = ["read_layout_table"]

_GAP = re.compile(r"[ \t]{2,}")
_HEADER_WITHIN = 8  # the header row is among the first non-blank lines
_SLACK = 2  # how far a right cell may start from the header's text column
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*$")
_LEAST = 2


@dataclass
class _Row:
    """A table row being read: where it starts, its label pieces and its speech cells' spans."""

    at: int
    label: list[str]
    speech: list[tuple[int, int]]


def _header(text: str) -> tuple[int, int, int] | None:
    """(offset of the header line, its end, the text column) of a layout table's header row."""
    at = seen = 0
    while at < len(text) and seen < _HEADER_WITHIN:
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        line = text[at:end].rstrip()
        if line.strip():
            seen += 1
            cells = _GAP.split(line.strip())
            named = len(cells) == 2 and cells[0].lower() in SPEAKER_COLUMNS and cells[1].lower() in TEXT_COLUMNS
            if named and not line[:1].isspace():  # the speaker column is the left one
                return at, end, line.rindex(cells[1])
        at = end + 1
    return None


def read_layout_table(text: str) -> ExportMarks | None:
    """The turns of a two-column layout table (see the module doc); None for any other text."""
    if "  " not in text:
        return None  # the common case, found without a scan of the lines
    header = _header(text)
    if header is None:
        return None
    header_at, at, column = header
    rows: list[_Row] = []
    ended = True  # whether the speech beside the last row's line ended a sentence
    left_before = False  # whether the line before had a left cell
    while at < len(text):
        start = at + 1
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        at = end
        line = text[start:end].rstrip()
        indent = len(line) - len(line.lstrip())
        if not line.strip() or indent > column + _SLACK:
            continue  # a blank line, a footer or a page number: furniture
        if indent >= column - _SLACK:  # the left column is empty: the speech goes on
            if rows:
                rows[-1].speech.append((start + indent, start + len(line)))
                ended = bool(_SENTENCE_END.search(line))
            left_before = False
            continue
        gap = _GAP.search(line, indent)
        if gap is not None and abs(gap.end() - column) > _SLACK:
            return None  # the cells do not keep the header's columns: not a layout table
        left = line[indent : gap.start()] if gap else line[indent:]
        right = (gap.end(), len(line)) if gap else None
        if not rows or not left_before or (ended and right is not None):
            rows.append(_Row(start, [], []))
        rows[-1].label.append(left.strip())
        if right is not None:
            rows[-1].speech.append((start + right[0], start + right[1]))
            ended = bool(_SENTENCE_END.search(line))
        left_before = True
    return _marks(rows, header_at)


def _marks(rows: list[_Row], header_at: int) -> ExportMarks | None:
    """The export marks of the rows read: one turn for rows in a row with the same label."""
    labels = [" ".join(" ".join(row.label).split()) for row in rows]
    if len(rows) < _LEAST or not all(row.speech and looks_like_label(label) for row, label in zip(rows, labels)):
        return None
    marks = voice_changes(Mark(row.at, row.speech[0][0], label) for row, label in zip(rows, labels, strict=True))
    speech = tuple(span for row in rows for span in row.speech)
    return ExportMarks(marks, header_at, speech=speech)

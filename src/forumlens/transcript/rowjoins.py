"""Export furniture inside a turn's text: what sits between the speech of merged rows or blocks.

An export reader (`readers.py`) merges an export's consecutive rows or blocks with the same
speaker into one turn, and a turn's text is one exact slice of the file (citations quote
slices and count lines), so the rows between keep their furniture in the turn text:

- a table (`tables.py`): the rest of a row after its text cell (a closing quote, a confidence
  column, a closing pipe), the line break, and the next row up to its text cell (its time
  and speaker cells, an opening quote): `Hello there.","0.9"` / `"00:05","Jo Li","And more.`;
- saved captions (`labelblocks.py`): a `[Jo Li] 11:00:14` label line between two blocks;
- a transcribe or video-editor export (`timedlabels.py`): a `00:00:41 Jo Li` label line (or a
  time range and the label on the next line) between two paragraphs of the same voice;
- recognition segments (`segments.py`): the `[00:00:04.380 --> 00:00:10.020] [SPEAKER_00]:`
  opening the next segment of the same voice;
- a SubStation Alpha script (`ssa.py`): the `Dialogue: 0,0:00:01.20,…,,` fields before the next
  line's text, and a `Comment:` line between two lines;
- markup and frame wrappers around caption lines (`markup.py`, `wrappers.py`): `</text>` and
  `<text start="5.05" dur="3.67">` of a timed-text track, `{201}{330}` of a MicroDVD file.

`export_furniture` finds these spans in a text by their shape, so the sentence splitter
(`sentences.py`) skips them as it skips a subtitle cue's timing lines, whichever stage asks.
A table is read only when every line break of the text is a row join of one layout — the
same delimiter, the same number of cells before the text cell on every row, every cell
around the text a short field (empty, quoted, a time or number, a short name) — and each row
shows a table's mark: a quoted cell, two cells with a time among them, or a pipe opening the
line. Caption prose with commas after a line break ("Maria, please go ahead") never has it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .clock import CLOCK
from .labelblocks import LABEL_LINE
from .markup import break_spans, markup_spans
from .segments import SEGMENT_LINE
from .ssa import EVENT_FIELDS
from .timedlabels import timed_label_lines
from .wrappers import wrapper_spans

__all__ = ["export_furniture"]

_DELIMITERS = (",", ";", "\t", "|")
# A time ("00:05", "11:00:14.250") or a plain number ("0.93", "12"): a cell no speech is.
_TIME = re.compile(CLOCK)
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
# A short name cell ("Jo Li", "Speaker 2", "Ana Ruiz (online)"): capitalised, no sentence end,
# five words at most.
_NAME = re.compile(r"[^\W\d_][\w .'’()\-]{0,59}")
# A line after a break that could open a row: a quote, a pipe or a digit first.
_ROW_START = re.compile(r"\n[ \t]*[\"|\d]")


@dataclass(frozen=True)
class _Cell:
    """A cell of a row line: its content span (inside the quotes of a quoted cell), and how it
    was written."""

    start: int
    end: int
    quoted: bool
    closed: bool  # a quoted cell's closing quote was found (the last text cell may lack it)


def export_furniture(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of `text` that are export furniture between merged rows or blocks
    (see the module doc), in order; empty for caption text."""
    spans: list[tuple[int, int]] = []
    if "]" in text:
        spans += [(m.start(), m.end()) for m in LABEL_LINE.finditer(text)]
    if "-->" in text or "]" in text:
        spans += [(m.start(), m.end()) for m in SEGMENT_LINE.finditer(text)]
    if ":" in text and "\n" in text:
        spans += [(m.start(), m.end()) for m in timed_label_lines(text)]
    if "Dialogue:" in text or "Comment:" in text:
        spans += [(m.start(), m.end()) for m in EVENT_FIELDS.finditer(text)]
    if "<" in text or "{" in text:  # tags and frame wrappers between caption lines
        spans += markup_spans(text)
        spans += break_spans(text)
        spans += wrapper_spans(text)
    if _ROW_START.search(text):
        for delimiter in _DELIMITERS:
            joins = _row_joins(text, delimiter)
            if joins:
                spans += joins
                break
    return sorted(spans)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, a closing `\r` left out; lazily, as a text that is no table
    is told from its first lines."""
    at = 0
    while True:
        end = text.find("\n", at)
        if end == -1:
            yield at, len(text)
            return
        yield at, end - 1 if end > at and text[end - 1] == "\r" else end
        at = end + 1


def _cells(text: str, start: int, end: int, delimiter: str) -> list[_Cell] | None:
    """The cells of the row line text[start:end], None when it is no well-formed row (text
    after a closing quote, a quote inside an unquoted CSV cell). A pipe table has no quoting."""
    cells: list[_Cell] = []
    pos = start
    quoting = delimiter != "|"
    while True:
        if quoting and pos < end and text[pos] == '"':
            close = pos + 1
            while True:
                close = text.find('"', close, end)
                if close == -1 or close + 1 >= end or text[close + 1] != '"':
                    break
                close += 2
            if close == -1:  # unclosed: only the turn's last text cell, cut at its end
                cells.append(_Cell(pos + 1, end, True, False))
                return cells
            cells.append(_Cell(pos + 1, close, True, True))
            pos = close + 1
            if pos >= end:
                return cells
            if text[pos] != delimiter:
                return None
        else:
            stop = _next_delimiter(text, pos, end, delimiter)
            if quoting and text.find('"', pos, stop) != -1:
                return None
            cells.append(_Cell(pos, stop, False, True))
            pos = stop
            if pos >= end:
                return cells
        pos += 1  # the delimiter
        if pos >= end:
            cells.append(_Cell(pos, pos, False, True))
            return cells


def _next_delimiter(text: str, pos: int, end: int, delimiter: str) -> int:
    while True:
        at = text.find(delimiter, pos, end)
        if at == -1:
            return end
        if delimiter == "|" and at > 0 and text[at - 1] == "\\":
            pos = at + 1  # an escaped pipe inside a cell
            continue
        return at


def _short_field(text: str, cell: _Cell) -> bool:
    value = text[cell.start : cell.end].strip()
    if not value or _TIME.fullmatch(value) or _NUMBER.fullmatch(value):
        return True
    if cell.quoted:
        return "\n" not in value and len(value) <= 80
    return value[0].isupper() and _NAME.fullmatch(value) is not None and len(value.split()) <= 5


def _marked(text: str, head: list[_Cell], line_start: int, delimiter: str) -> bool:
    """Whether a row's cells before its text show a table: a quoted cell, two or more cells with
    a time among them, or a pipe opening the line."""
    if delimiter == "|":
        return text[line_start : head[0].end + 1].strip() == "|" or (
            len(head) >= 2 and any(_TIME.fullmatch(text[c.start : c.end].strip()) for c in head)
        )
    return any(c.quoted for c in head) or (
        len(head) >= 2 and any(_TIME.fullmatch(text[c.start : c.end].strip()) for c in head)
    )


def _first_tail(text: str, start: int, end: int, delimiter: str) -> tuple[int, int] | None:
    """(where the first line's text cell ends, how many cells follow it) — the text starts
    inside its cell; None when what follows is no row's tail."""
    if delimiter != "|":
        quote = text.find('"', start, end)
        while quote != -1 and quote + 1 < end and text[quote + 1] == '"':
            quote = text.find('"', quote + 2, end)
        after = quote + 1 if quote != -1 else -1
        if quote != -1 and (after >= end or text[after] == delimiter):
            if after >= end:
                return quote, 0
            cells = _cells(text, after + 1, end, delimiter)
            if cells is None or not all(_short_field(text, c) for c in cells):
                return None
            return quote, len(cells)
    stop = _next_delimiter(text, start, end, delimiter)
    if stop >= end:
        return end, 0  # the text cell ends its row
    cells = _cells(text, stop + 1, end, delimiter)
    if cells is None or not all(_short_field(text, c) for c in cells):
        return None
    return len(text[start:stop].rstrip()) + start, len(cells)


def _row_joins(text: str, delimiter: str) -> list[tuple[int, int]]:
    """The furniture spans of a text whose every line break joins two rows of one table with
    this delimiter (see the module doc); empty otherwise."""
    lines = _lines(text)
    first = _first_tail(text, *next(lines), delimiter)
    if first is None:
        return []
    cell_end, tail = first
    before: int | None = None  # cells before the text cell, the same on every row
    spans: list[tuple[int, int]] = []
    for start, end in lines:
        cells = _cells(text, start, end, delimiter)
        last = text.find("\n", end) == -1  # the text's last line: its text cell is cut at the speech's end
        if cells is None or len(cells) < 2:
            return []
        k = len(cells) - 1 - (0 if last else tail)
        if k < 1 or (before is not None and k != before):
            return []
        before = k
        head, cell, after = cells[:k], cells[k], cells[k + 1 :]
        if not _marked(text, head, start, delimiter) or not all(_short_field(text, c) for c in head + after):
            return []
        if not last and cell.quoted and not cell.closed:
            return []
        spans.append((cell_end, _text_start(text, cell)))
        cell_end = cell.end if cell.quoted else cell.start + len(text[cell.start : cell.end].rstrip())
    return spans


def _text_start(text: str, cell: _Cell) -> int:
    """Where the speech of a text cell starts (its content, leading spaces skipped)."""
    at = cell.start
    while at < cell.end and text[at] in " \t":
        at += 1
    return at

"""A delimited table (CSV, TSV) whose columns are told by their values, not their names.

`tables.py` reads a caption table whose header names its speaker and text columns. An export
whose header calls them something else (`Sprecher`, `Orateur`, `Spk`, `Transcript text`) is the
same table: rows of as many fields as the header, one field long and varying (the speech), one
short and varying over a small set (the speaker). This reader learns the columns from the values
(`structured.speech_field`, `structured.record_marks`): the header is the first of the first
lines that, read with the stdlib `csv` module and the delimiter that splits it most, has three
or more fields, and every later non-blank record has as many; a table of prose sentences that
happen to hold commas never has the same number on every line. Offsets are into the text as
given (a field's content inside its quotes), so a turn's line is the line its speech starts on.

Some exports write no header row and may have no speaker field (issue 22): an annotation tool's
tab export (`tier<TAB><TAB>begin<TAB>end<TAB>duration<TAB>text`), an audio editor's label track
(`start<TAB>end<TAB>text`). Such a file is a table when every non-blank line splits into the
same number of fields (three or more), one column holds times or numbers on every row (what
keeps a few prose lines with the same number of commas from reading as a table), and one long
varying column holds the speech. The voice is then the one short field with letters that comes
back over a small set (the tier name). With no such field (the speaker, if any, is written in the
text: `CHAIR: Good afternoon`), the table is read as caption lines: `text_column_edits` gives a
view (`view.py`) in which each row shows its speech cell alone on its own line, and the caption
rules find the labels there; line numbers stay the file's.
"""

from __future__ import annotations

import re

from .exportmarks import ExportMarks
from .structured import Field, Record, record_marks, speech_field
from .tables import csv_fields, record_spans
from .view import Edit

__all__ = ["read_delimited", "text_column_edits"]

_DELIMITERS = (",", ";", "\t")
_HEADER_WITHIN = 8
_LEAST_FIELDS = 3
_LEAST_ROWS = 3
_HEAD_CHARS = 16_384
_SHORT = 40  # characters: a field beside the speech in a header-less table (a time, a tier name)
# A time or a number on its own: `00:00:01.250`, `4.350000`, `12`, `0:04`.
_TIME = re.compile(r"\d+(?:[:.,]\d+)*")


def read_delimited(text: str) -> ExportMarks | None:
    """The turns of a delimited table read by its columns' values (see the module doc); None
    for any other text."""
    for at, line in _lines(text)[:_HEADER_WITHIN]:
        delimiter = max(_DELIMITERS, key=line.count)
        if line.count(delimiter) < _LEAST_FIELDS - 1:
            continue
        header = csv_fields(line, delimiter)
        if len(header) < _LEAST_FIELDS or any(not h.strip() or len(h) > 40 for h in header):
            continue
        table = _table(text, at + len(line) + 1, [h.strip() for h in header], delimiter)
        if table is not None:
            return table
        break  # a header-less table may have a short row that reads as a header
    found = _headerless(text)
    if found is None:
        return None
    records, speech = found
    return record_marks(text, records, exclude=speech, unnamed=True)


def text_column_edits(text: str) -> list[Edit]:
    """A header-less table with no speaker field, read as caption lines: every field but the
    speech cell read as nothing, so each row shows its text alone (see the module doc); []
    for any other text, and for a table whose voice is a field of its own (`read_delimited`)."""
    found = _headerless(text)
    if found is None:
        return []
    records, speech = found
    if record_marks(text, records, exclude=speech, unnamed=True) is not None:
        return []
    edits = []
    for r in records:
        cell = r.fields[speech]
        line_start = text.rfind("\n", 0, cell.start) + 1
        line_end = text.find("\n", cell.end)
        line_end = len(text) if line_end == -1 else line_end
        edits.append(Edit(line_start, cell.start, ""))
        edits.append(Edit(cell.end, len(text[:line_end].rstrip("\r")), ""))
    return edits


def _headerless(text: str) -> tuple[list[Record], str] | None:
    """The records of a table with no header row (fields named by their column) and its speech
    field, when every non-blank line has as many fields (three or more), a column holds a time
    or a number on every row, and every other field but the speech is short; None else."""
    lines = _lines(text[:_HEAD_CHARS])[:_HEADER_WITHIN]  # the first lines tell; never a whole split
    if len(lines) < _LEAST_ROWS:
        return None
    delimiter = max(_DELIMITERS, key=lines[0][1].count)
    width = lines[0][1].count(delimiter) + 1
    if width < _LEAST_FIELDS or any(line.count(delimiter) + 1 != width for _, line in lines[:-1]):
        return None  # the common case (a caption file), told from its first lines
    records = []
    pos = 0
    while pos < len(text):
        spans, end = record_spans(text, pos, delimiter)
        if text[pos:end].strip():
            if len(spans) != width:
                return None
            fields = {f"column {i + 1}": Field(text[a:b].replace('""', '"'), a, b) for i, (a, b) in enumerate(spans)}
            records.append(Record(fields))
        pos = end
    if len(records) < _LEAST_ROWS:
        return None
    timed = any(all(_TIME.fullmatch(r.fields[k].value.strip()) for r in records) for k in records[0].fields)
    speech = speech_field(records) if timed else None
    if speech is None:
        return None
    if any(len(v.value) > _SHORT for r in records for k, v in r.fields.items() if k != speech):
        return None
    for r in records:
        if r.fields[speech].value.strip():
            r.spans = [(r.fields[speech].start, r.fields[speech].end)]
    return records, speech


def _lines(text: str) -> list[tuple[int, str]]:
    found, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append((at, line.rstrip("\r")))
        at += len(line) + 1
    return found


def _table(text: str, pos: int, header: list[str], delimiter: str) -> ExportMarks | None:
    """The records under `header` (every one with as many fields), read as turns."""
    records = []
    while pos < len(text):
        spans, end = record_spans(text, pos, delimiter)
        if text[pos:end].strip():
            if len(spans) != len(header):
                return None  # not a table all the way down
            fields = {}
            for name, (a, b) in zip(header, spans, strict=True):
                value = text[a:b].replace('""', '"')
                fields[name] = Field(value, a, b)
            records.append(Record(fields))
        pos = end
    if len(records) < _LEAST_ROWS:
        return None
    speech = speech_field(records)
    if speech is None:
        return None
    for r in records:
        if r.fields[speech].value.strip():
            r.spans = [(r.fields[speech].start, r.fields[speech].end)]
    return record_marks(text, records, exclude=speech)

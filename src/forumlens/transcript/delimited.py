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
"""

from __future__ import annotations

import csv

from .exportmarks import ExportMarks
from .structured import Field, Record, record_marks, speech_field
from .tables import record_spans

__all__ = ["read_delimited"]

_DELIMITERS = (",", ";", "\t")
_HEADER_WITHIN = 8
_LEAST_FIELDS = 3
_LEAST_ROWS = 3


def read_delimited(text: str) -> ExportMarks | None:
    """The turns of a delimited table read by its columns' values (see the module doc); None
    for any other text."""
    for at, line in _lines(text)[:_HEADER_WITHIN]:
        delimiter = max(_DELIMITERS, key=line.count)
        if line.count(delimiter) < _LEAST_FIELDS - 1:
            continue
        header = next(csv.reader([line], delimiter=delimiter), [])
        if len(header) < _LEAST_FIELDS or any(not h.strip() or len(h) > 40 for h in header):
            continue
        return _table(text, at + len(line) + 1, [h.strip() for h in header], delimiter)
    return None


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

"""What to say of a file read as a document that was meant as data: a JSON file (whole or cut off), or
a CSV/TSV whose quote is never closed or whose first rows hold no caption header.

Why: a file named on the command line is always tried, and a text with no speaker turns is kept as a
document. For a JSON file of turns, or a CSV whose opening quote runs to the end of the file (so no
caption table is found), the generic "no turn markers" note says nothing of the cause; these notes
name it, with the line and the fix. The file is still stored as it stands (a user may have meant to
keep it so); the note is what tells a cut-off download or a wrong header apart from a real document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import PurePath

from ..filetypes import CAPTION_HEADER_NEEDED
from .tables import all_record_spans, caption_table, unclosed_quote, unclosed_quote_note

__all__ = ["JsonRead", "data_file_notes", "open_quote_line", "read_json"]

_TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t"}
_JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
# how JSON data opens (an object's first key, an array of values): a report that opens with a bracketed
# note ("[Draft] …", "{placeholder}") does not
_JSON_OPENING = re.compile(r'\A\s*(?:\{\s*"|\[\s*[\[{"\d-])')


@dataclass(frozen=True)
class JsonRead:
    """A text read as JSON once: `value` is the parsed value (JSON lines: the list of the lines'
    values) when `error` is None; else `error` is where it stops being valid (line, column, why)."""

    value: object = None
    error: tuple[int, int, str] | None = None


def read_json(text: str) -> JsonRead:
    """`text` parsed as one JSON value, or as JSON lines (two or more non-empty lines, each an object
    or an array), each line parsed once. The error of a broken file: for JSON lines of objects whose
    first line parses, the first broken line (so a cut-off line is named); else the whole text's."""
    try:
        return JsonRead(json.loads(text))
    except json.JSONDecodeError as error:
        whole = (error.lineno, error.colno, error.msg)
    except ValueError as error:  # a lone surrogate, a number too long: no position to name
        whole = (1, 1, str(error))
    lines = [(n, ln) for n, ln in enumerate(text.split("\n"), 1) if ln.strip()]
    if len(lines) < 2 or any(ln.lstrip()[:1] not in "{[" for _, ln in lines):
        return JsonRead(error=whole)
    values: list[object] = []
    for i, (n, ln) in enumerate(lines):
        try:
            values.append(json.loads(ln))
        except ValueError as error:
            objects = all(line.lstrip()[:1] == "{" for _, line in lines)
            if i and objects:  # JSON lines read one by one: the first broken line is the one named
                return JsonRead(error=(n, getattr(error, "colno", 1), getattr(error, "msg", str(error))))
            return JsonRead(error=whole)
    return JsonRead(values)


def data_file_notes(text: str, source: str) -> tuple[str, ...]:
    """Notes for a file kept as a document: a JSON value, or a table's quote never closed (else none)."""
    stripped = text.strip()
    suffix = PurePath(source).suffix.lower() if source else ""
    meant_as_json = suffix in _JSON_SUFFIXES or _JSON_OPENING.match(text) is not None
    read = read_json(stripped) if stripped and (stripped[:1] in "{[" or meant_as_json) else None
    if read is not None and read.error is None and stripped[:1] in "{[":
        return (
            "the file is JSON data, not a transcript or a document: its text was kept as one document as it"
            " stands; to store turns, write one `NAME: text` line a turn, or a .csv with a speaker and a"
            " text column",
        )
    if meant_as_json and read is not None and read.error is not None:
        return (_broken(*read.error),)
    delimiter = _TABLE_SUFFIXES.get(suffix)
    if delimiter is None:
        return ()
    line = open_quote_line(text, delimiter)
    if line is not None:
        return (unclosed_quote_note(line, "no table was read and the file was kept as a document"),)
    if not caption_table(text):
        return (
            f"no caption table was read: {CAPTION_HEADER_NEEDED} in its first rows, so the file was kept as a"
            " document; fix the header and ingest again",
        )
    return ()


def _broken(line: int, column: int, why: str) -> str:
    return (
        f"line {line}, column {column}: the file is JSON data that is not valid ({why}; a download cut off?),"
        " so its text was kept as one document as it stands; fix the JSON, or write one `NAME: text` line a"
        " turn, and ingest again"
    )


def open_quote_line(text: str, delimiter: str) -> int | None:
    """The 1-based line of a cell's opening quote that is never closed, as the caption-table reader
    reads the records (`tables.record_spans`: a quote opens a cell only at the cell's start; `""`
    inside is a quote), else None."""
    return unclosed_quote(text, all_record_spans(text, delimiter))

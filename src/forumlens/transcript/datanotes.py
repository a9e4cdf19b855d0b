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
from pathlib import PurePath

from ..filetypes import CAPTION_HEADER_NEEDED
from .tables import all_record_spans, caption_table, unclosed_quote, unclosed_quote_note

__all__ = ["data_file_notes", "open_quote_line"]

_TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t"}
_JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
# how JSON data opens (an object's first key, an array of values): a report that opens with a bracketed
# note ("[Draft] …", "{placeholder}") does not
_JSON_OPENING = re.compile(r'\A\s*(?:\{\s*"|\[\s*[\[{"\d-])')


def data_file_notes(text: str, source: str) -> tuple[str, ...]:
    """Notes for a file kept as a document: a JSON value, or a table's quote never closed (else none)."""
    stripped = text.strip()
    if stripped[:1] in "{[" and _is_json(stripped):
        return (
            "the file is JSON data, not a transcript or a document: its text was kept as one document as it"
            " stands; to store turns, write one `NAME: text` line a turn, or a .csv with a speaker and a"
            " text column",
        )
    suffix = PurePath(source).suffix.lower() if source else ""
    if suffix in _JSON_SUFFIXES or _JSON_OPENING.match(text):
        broken = _json_error(stripped)
        if broken is not None:
            return (broken,)
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


def _json_error(text: str) -> str | None:
    """Where JSON data stops being valid, as a note with the line and the fix; None when it parses or
    is empty. JSON lines are read one by one, so the first broken line is the one named."""
    if not text:
        return None
    lines = [(n, ln) for n, ln in enumerate(text.split("\n"), 1) if ln.strip()]
    if len(lines) > 1 and all(ln.lstrip()[:1] == "{" for _, ln in lines) and _parses(lines[0][1]):
        for n, ln in lines:
            try:
                json.loads(ln)
            except ValueError as error:
                return _broken(n, getattr(error, "colno", 1), getattr(error, "msg", str(error)))
        return None
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return _broken(error.lineno, error.colno, error.msg)
    return None


def _parses(line: str) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def _broken(line: int, column: int, why: str) -> str:
    return (
        f"line {line}, column {column}: the file is JSON data that is not valid ({why}; a download cut off?),"
        " so its text was kept as one document as it stands; fix the JSON, or write one `NAME: text` line a"
        " turn, and ingest again"
    )


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        # JSON lines: every non-empty line a JSON object or array
        lines = [ln for ln in text.split("\n") if ln.strip()]
        try:
            return len(lines) > 1 and all(ln.strip()[:1] in "{[" and json.loads(ln) is not None for ln in lines)
        except ValueError:
            return False
    return True


def open_quote_line(text: str, delimiter: str) -> int | None:
    """The 1-based line of a cell's opening quote that is never closed, as the caption-table reader
    reads the records (`tables.record_spans`: a quote opens a cell only at the cell's start; `""`
    inside is a quote), else None."""
    return unclosed_quote(text, all_record_spans(text, delimiter))

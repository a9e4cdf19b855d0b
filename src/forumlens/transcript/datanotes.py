"""What to say of a file read as a document that was meant as data: a JSON file, or a CSV/TSV whose
quote is never closed.

Why: a file named on the command line is always tried, and a text with no speaker turns is kept as a
document. For a JSON file of turns, or a CSV whose opening quote runs to the end of the file (so no
caption table is found), the generic "no turn markers" note says nothing of the cause; these notes
name it, with the line and the fix. The file is still stored as it stands.
"""

from __future__ import annotations

import json
from pathlib import PurePath

from .tables import all_record_spans, unclosed_quote, unclosed_quote_note

__all__ = ["data_file_notes", "open_quote_line"]

_TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t"}


def data_file_notes(text: str, source: str) -> tuple[str, ...]:
    """Notes for a file kept as a document: a JSON value, or a table's quote never closed (else none)."""
    stripped = text.strip()
    if stripped[:1] in "{[" and _is_json(stripped):
        return (
            "the file is JSON data, not a transcript or a document: its text was kept as one document as it"
            " stands; to store turns, write one `NAME: text` line a turn, or a .csv with a speaker and a"
            " text column",
        )
    delimiter = _TABLE_SUFFIXES.get(PurePath(source).suffix.lower()) if source else None
    line = open_quote_line(text, delimiter) if delimiter else None
    if line is None:
        return ()
    return (unclosed_quote_note(line, "no table was read and the file was kept as a document"),)


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

"""Transcripts exported as tables: a caption CSV, a Markdown (wiki) pipe table, a word-processor
table saved as text.

Caption services and wikis export a transcript as rows, one caption or utterance a row, with
a header row naming the columns: `"Start","End","Speaker","Text"` in a CSV, `| Time | Speaker |
Text |` and a `|---|` separator in a pipe table, `Speaker<TAB>Statement` when a record of
statements kept as a two-column word-processor table is saved as plain text (a tab between
cells, no quotes; a row whose speaker cell is empty is the same speaker's next paragraph). The header says which column holds the
speaker and which the speech, so the table states its turns (`exportmarks.py`):

- the header row, the separator row and the time columns are never speech;
- the speaker cell is the label as written (a CSV field read by the stdlib `csv` module, its
  quotes and doubled `""` undone); the text cell is the speech;
- a row with an empty speaker cell, or the same speaker as the row before, goes on with the
  turn before (caption exports cut one utterance into several rows).

A table is told from its content, never its file name: a header row, among the first lines,
with a speaker column and a text column, and two or more rows under it with as many cells. A
header that also names the session or document a row comes from (`session`, `title`) is a
table of many sessions' rows — a data export such as `forumlens export`'s turns table — and no
caption export (`caption_table` is the test folder ingest asks of a `.csv`).
Offsets are into the text as given: a turn's speech starts at its first text cell, so a
citation quotes the cell as written (a CSV cell keeps any doubled `""`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from .answers import ANSWER_COLUMNS, answer_turns
from .exportmarks import ExportMarks, Mark

__all__ = [
    "all_record_spans",
    "caption_table",
    "csv_fields",
    "read_table",
    "record_spans",
    "unclosed_quote",
    "unclosed_quote_note",
]

# Column names (lower case, spaces collapsed) that hold the speaker and the speech.
SPEAKER_COLUMNS = frozenset(
    [
        *["speaker", "speaker name", "speakers", "name", "who", "voice", "participant", "person"],
        *["asker", "asker name", "author", "sender"],  # a question table's asker, a message export's sender
    ]
)
TEXT_COLUMNS = frozenset(
    [
        "text",
        "transcript",
        "transcription",
        "caption",
        "captions",
        "utterance",
        "speech",
        "content",
        "words",
        "statement",
        "statements",
        "remarks",
        "intervention",
        "question",  # a question table: the asker's question (`answers.py` reads the answer cell)
        "message",
    ]
)
# Column names that say which session or document a row is from: rows of many sessions.
SESSION_COLUMNS = frozenset(["session", "session id", "session_id", "sessions", "title", "document", "file"])
_HEADER_WITHIN = 8  # the header row is among the first non-blank lines
_LEAST_ROWS = 2


@dataclass(frozen=True)
class _Row:
    """A table row: its start offset, and each cell's value and (start, end) content span."""

    at: int
    values: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def read_table(text: str) -> ExportMarks | None:
    """The turns of a CSV or pipe-table export (see the module doc); None for any other text."""
    head = _first_lines(text)
    if not head:
        return None
    if any(line.lstrip().startswith("|") for _, line in head):
        return _pipe_table(text, head)
    if any(ch in line for _, line in head for ch in ",;\t"):
        return _csv_table(text, head)
    return None


def caption_table(text: str) -> bool:
    """Whether `text` is a caption export in a table (a CSV or pipe table that states its turns)."""
    return read_table(text) is not None


def _first_lines(text: str) -> list[tuple[int, str]]:
    """The first non-blank lines, as (offset, line)."""
    out: list[tuple[int, str]] = []
    at = 0
    while at < len(text) and len(out) < _HEADER_WITHIN:
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        if text[at:end].strip():
            out.append((at, text[at:end]))
        at = end + 1
    return out


def _columns(values: tuple[str, ...]) -> tuple[int, int] | None:
    """(speaker column, text column) when a header row names both, else None."""
    names = [" ".join(v.lower().split()) for v in values]
    speaker = next((i for i, n in enumerate(names) if n in SPEAKER_COLUMNS), None)
    speech = next((i for i, n in enumerate(names) if n in TEXT_COLUMNS), None)
    if speaker is None or speech is None or speaker == speech or SESSION_COLUMNS.intersection(names):
        return None
    return speaker, speech


def _marks(header: _Row, rows: list[_Row], columns: tuple[int, int], text: str = "") -> ExportMarks | None:
    """The turns of the data rows under `header` (see the module doc); in a question table, the
    named answers of the answer cell after each question (`answers.py`)."""
    speaker_col, text_col = columns
    rows = [r for r in rows if len(r.values) > max(columns)]
    if len(rows) < _LEAST_ROWS:
        return None
    names = [" ".join(v.lower().split()) for v in header.values]
    answer_col = next((i for i, n in enumerate(names) if n in ANSWER_COLUMNS), None) if text else None
    marks: list[Mark] = []
    speech: list[tuple[int, int]] = []
    previous: str | None = None
    for row in rows:
        label = " ".join(row.values[speaker_col].split()) or None
        start, end = row.spans[text_col]
        if start == end and label is None:
            continue  # an empty row
        speech.append((start, end))
        if not marks or (label is not None and label != previous):
            marks.append(Mark(row.at, start, label))  # else the turn goes on
            previous = label
        if answer_col is not None and answer_col < len(row.spans):
            for a, b, answerer in answer_turns(text, *row.spans[answer_col]):
                speech.append((a, b))
                marks.append(Mark(a, a, answerer))
                previous = answerer
    return ExportMarks(tuple(marks), header.at, speech=tuple(speech)) if marks else None


# --- pipe tables ------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*")
_PIPE = re.compile(r"(?<!\\)\|")


def _pipe_row(text: str, at: int, line: str) -> _Row | None:
    """A pipe-table row (`| a | b |`, outer pipes optional) with its cells' trimmed spans."""
    cuts = [m.start() for m in _PIPE.finditer(line)]
    if len(cuts) < 2:
        return None
    lead = line[: cuts[0]].strip()
    bounds = ([-1] if lead else []) + cuts + ([len(line)] if line[cuts[-1] + 1 :].strip() else [])
    values, spans = [], []
    for a, b in pairwise(bounds):
        cell = line[a + 1 : b]
        start = a + 1 + (len(cell) - len(cell.lstrip()))
        end = a + 1 + len(cell.rstrip())
        values.append(cell.strip().replace("\\|", "|"))
        spans.append((at + start, at + max(start, end)))
    return _Row(at, tuple(values), tuple(spans))


def _pipe_table(text: str, head: list[tuple[int, str]]) -> ExportMarks | None:
    for at, line in head:
        header = _pipe_row(text, at, line)
        columns = _columns(header.values) if header else None
        if header is None or columns is None:
            continue
        rows = []
        pos = text.find("\n", at)
        while pos != -1:
            start = pos + 1
            pos = text.find("\n", start)
            row_line = text[start : pos if pos != -1 else len(text)]
            if not row_line.strip() or _SEPARATOR.fullmatch(row_line):
                continue
            row = _pipe_row(text, start, row_line) if row_line.lstrip().startswith("|") else None
            if row is None:
                break  # the table ends
            rows.append(row)
        return _marks(header, rows, columns)
    return None


# --- CSV --------------------------------------------------------------------------------------


_DELIMITERS = (",", ";", "\t")
_QUOTE = '"'


def csv_fields(line: str, delimiter: str, quotechar: str = _QUOTE) -> list[str]:
    """The fields of one delimited line; [] when the csv module refuses it (a lone carriage
    return inside the line, an old Mac line end, is no record of a table)."""
    try:
        return next(csv.reader([line], delimiter=delimiter, quotechar=quotechar), [])
    except csv.Error:
        return []


def _csv_header(line: str) -> tuple[tuple[str, ...], tuple[int, int], str] | None:
    """(column names, (speaker column, text column), delimiter) of a CSV header row naming a speaker and a text column: read
    with each usual delimiter, the one that splits the line into the most fields wins."""
    low = line.lower()
    if not any(name in low for name in SPEAKER_COLUMNS) or not any(name in low for name in TEXT_COLUMNS):
        return None  # no column names at all: prose (cheap, before any CSV reading)
    best = max(_DELIMITERS, key=lambda d: line.count(d))
    values = tuple(csv_fields(line, best))
    columns = _columns(values) if len(values) >= 2 else None
    return (values, columns, best) if columns is not None else None


def _csv_table(text: str, head: list[tuple[int, str]]) -> ExportMarks | None:
    for at, line in head:
        found = _csv_header(line)
        if found is None:
            continue
        values, columns, delimiter = found
        quote = _QUOTE
        header = _Row(at, values, ())
        rows = []
        pos = _record_end(text, at, delimiter, quote)[1]
        while pos < len(text):
            spans, end = _record_end(text, pos, delimiter, quote)
            record = text[pos:end].rstrip("\r\n")
            if record.strip():
                row_values = csv_fields(record, delimiter, quote)
                if len(row_values) != len(spans):
                    break  # not a record of this table
                rows.append(_Row(pos, tuple(row_values), tuple(spans)))
            pos = end
        marks = _marks(header, rows, columns, text)
        opened = unclosed_quote(text, [span for row in rows for span in row.spans], quote)
        if marks is None or opened is None:
            return marks
        return replace(
            marks, warnings=(unclosed_quote_note(opened, "the rest of the file was read as that one cell", quote),)
        )
    return None


def unclosed_quote(text: str, spans: Iterable[tuple[int, int]], quote: str = _QUOTE) -> int | None:
    """The 1-based line of a CSV cell whose opening quote is never closed, among the read cells'
    `spans` (a cell read to the end of the text right after a quote), else None.

    Why: `csv` reads such a cell to the end of the file, so every later row became the speech of
    one turn, silently (`Bo Chen,"Thanks.` and then twenty rows in Bo Chen's mouth).
    """
    n = len(text)
    start = next((a for a, b in spans if b == n and a > 0 and text[a - 1] == quote), None)
    return None if start is None else text.count("\n", 0, start) + 1


def unclosed_quote_note(line: int, consequence: str, quote: str = _QUOTE) -> str:
    """What an ingest says of an unclosed quote at `line`: what became of the file, and the fix."""
    return (
        f"line {line}: a quote opens a cell and is never closed, so {consequence};"
        f" close the quote, or write a quote inside a cell twice ({quote}{quote}), and ingest again"
    )


def all_record_spans(text: str, delimiter: str) -> list[tuple[int, int]]:
    """The field spans of every CSV record of `text`, read as `record_spans` reads one."""
    spans: list[tuple[int, int]] = []
    at = 0
    while at < len(text):
        record, at = record_spans(text, at, delimiter)
        spans.extend(record)
    return spans


def record_spans(text: str, at: int, delimiter: str) -> tuple[list[tuple[int, int]], int]:
    """`_record_end` with the usual quote: the field spans of the CSV record at `at` and the
    offset after it (for `delimited.py`, which tells the columns by their values)."""
    return _record_end(text, at, delimiter, _QUOTE)


def _record_end(text: str, at: int, delimiter: str, quote: str) -> tuple[list[tuple[int, int]], int]:
    """The content spans of the fields of the CSV record starting at `at` (inside the quotes of
    a quoted field), and the offset after the record's line break. A quoted field may hold
    delimiters, doubled quotes and line breaks."""
    spans: list[tuple[int, int]] = []
    pos = at
    n = len(text)
    while True:
        if pos < n and text[pos] == quote:
            start = pos + 1
            close = start
            while True:
                close = text.find(quote, close)
                if close == -1:
                    close = n
                    break
                if close + 1 < n and text[close + 1] == quote:
                    close += 2
                    continue
                break
            spans.append((start, close))
            pos = min(n, close + 1)
            while pos < n and text[pos] not in (delimiter, "\n"):
                pos += 1  # stray characters after the closing quote belong to the field
        else:
            start = pos
            while pos < n and text[pos] not in (delimiter, "\n"):
                pos += 1
            end = pos - 1 if pos > start and text[pos - 1] == "\r" else pos
            spans.append((start, end))
        if pos >= n:
            return spans, n
        if text[pos] == "\n":
            return spans, pos + 1
        pos += 1  # the delimiter

"""Rows of a Markdown/text table of outputs in a document, each read as one commitment follow-up. Pure.

Why: a coalition's annual report often lists its outputs as a table (`| Output | Promised at | Status |`),
one output a row, with no sentence that says "we published …": the row's status cell is a verbless
predicate of its output ("Published April 2010", "Stopped", "In progress: …"). Sentence rules find no cue in
it, so the output's fate was lost. A row is read as its output cell being the subject of its status cell:
the status is read as "It is …", then "It was …", then as it stands, by the same commitment cues as any
sentence (`cues.find_cue`: no word list of its own), so "Published …" is a delivery, "Stopped" a slip and
"In progress" an update. The column holding the status is the one whose header says "status"; without one,
every cell after the output's is tried in order. The output is the first column (or the one whose header says
"output"/"deliverable"). A row whose status says none of these gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .cues import Cue, find_cue

__all__ = ["TableRow", "row_signal", "table_rows", "undertaken"]

_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_SEPARATOR = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*$")
_STATUS_HEADER = re.compile(r"\b(?:status|follow[ -]?up|progress)\b", re.I)
_OUTPUT_HEADER = re.compile(r"\b(?:outputs?|deliverables?)\b", re.I)
# a column of what the body asks or undertakes, one a row ("| No. | Recommendation | Addressed to | Follow-up |")
_ASK_HEADER = re.compile(r"\b(?:recommendations?|requests?|asks?|commitments?|actions?|what)\b", re.I)
_FOLLOW_UPS = frozenset({"delivery", "slip", "update"})
_READINGS = ("It is ", "It was ", "")  # a verbless status cell read as the predicate of its output


@dataclass(frozen=True)
class Cell:
    """One cell: `text` is exactly the session text at `start` (stripped)."""

    start: int
    text: str


@dataclass(frozen=True)
class TableRow:
    """One data row of a table: where it is (`start`, `end`: the cells' span), its output and status cells."""

    start: int
    end: int
    output: Cell
    statuses: tuple[Cell, ...]  # the status column's cell first, else every cell after the output's
    asks: bool = False  # the output column holds what the body asks or undertakes, a sentence a row


def _cells(text: str, start: int, end: int) -> list[Cell]:
    """The cells of the row `text[start:end]`, between its pipes (an escaped "\\|" is no border)."""
    cells: list[Cell] = []
    line = text[start:end]
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    for a, b in pairwise(bounds):
        raw = line[a + 1 : b]
        lead = len(raw) - len(raw.lstrip())
        cells.append(Cell(start + a + 1 + lead, raw.strip()))
    return cells


def table_rows(text: str, start: int, end: int) -> list[TableRow]:
    """The data rows of every table (a header row, a `|---|` separator row, then rows) in `text[start:end]`."""
    rows: list[TableRow] = []
    offset = start
    header: list[Cell] | None = None
    previous: tuple[int, int] | None = None
    for line in text[start:end].split("\n"):
        a, b = offset, offset + len(line)
        offset = b + 1
        if not _ROW.match(line) and not (previous and _SEPARATOR.match(line)):
            header, previous = None, None
            continue
        if _SEPARATOR.match(line):
            header = _cells(text, *previous) if previous else None
            continue
        previous = (a, b)
        if header is None:
            continue
        cells = _cells(text, a, b)
        if len(cells) < 2 or len(cells) != len(header):
            continue
        out = next((k for k, h in enumerate(header) if _OUTPUT_HEADER.search(h.text)), None)
        said = next((k for k, h in enumerate(header) if _ASK_HEADER.search(h.text)), None)
        asks = out is None and said is not None
        out = (said if asks else out) or 0
        status = [k for k, h in enumerate(header) if k != out and _STATUS_HEADER.search(h.text)]
        order = status or [k for k in range(out + 1, len(cells))]
        statuses = tuple(cells[k] for k in order if cells[k].text)
        if cells[out].text and statuses:
            end = cells[-1].start + len(cells[-1].text)
            rows.append(TableRow(cells[0].start, end, cells[out], statuses, asks))
    return rows


# a follow-up cell that says the body is at work on the row ("Planned for 2015", "Drafting", "In preparation")
_UNDER_WAY = re.compile(
    r"\b(?:planned|planning|drafting|drafted|in progress|ongoing|under ?way|started|scheduled|in preparation"
    r"|preparing|being prepared|done|completed|delivered|published|held)\b",
    re.I,
)


def undertaken(row: TableRow) -> Cue | None:
    """The promise a row of a table of recommendations makes when its cell is an instruction ("Publish a glossary of
    …", read as "We will publish …") and its follow-up says the body is at it ("Drafting", "Planned for 2015"); None
    for a cell that names whom it asks ("The regulator should …": read as a sentence) or a row no one has taken up
    ("New").

    Why: a national IGF's report lists what it recommends to others and what it sets itself, in one column; the
    rows it reports progress on are its own undertakings, whose delivery a later year tells ("in Cochabamba every
    session had Quechua interpretation, as our report promised")."""
    text = row.output.text
    if not row.asks or not text[:1].isupper() or not any(_UNDER_WAY.search(c.text) for c in row.statuses):
        return None
    said = find_cue(text)
    if said is not None and said.start > 0:  # a subject before the cue: someone else is asked
        return None
    return find_cue("We will " + text[0].lower() + text[1:], signals=frozenset({"promise"}))


# a status cell that opens on the word for "finished" ("Done: 212 women trained", "Completed", "Achieved, in four
# languages"): a verbless delivery, which no sentence cue reads ("It is done" tells no output of its own)
_DONE = re.compile(r"^(?:done|achieved|delivered|completed|accomplished)\b(?![ \t]+(?:by|in|at)[ \t]+part)", re.I)


def row_signal(row: TableRow) -> tuple[Cue, Cell] | None:
    """The follow-up (delivery, slip or update) the row's status says, and the cell that says it."""
    for cell in row.statuses:
        done = _DONE.match(cell.text)
        if done is not None:
            return Cue("delivery", 0, done.end(), done.group()), cell
        for lead in _READINGS:
            cue = find_cue(lead + cell.text, signals=_FOLLOW_UPS)
            if cue is not None:
                return cue, cell
    return None

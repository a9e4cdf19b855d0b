"""Line records: every line a record of short fields, then the speech (issue 22).

A speech-recognition reference (NIST `.stm`: `file channel speaker begin end <o,f0,male> text`)
and a messaging app's chat export (`hh:mm<TAB>Sender<TAB>text`) write one record a line, the
fields before the speech in the same layout on most lines. Rather than one reader per tool, the
layout is learned from the file's own regularity:

- the fields are split at tabs when most lines hold one, else at runs of spaces;
- a leading column is a field while its values are times or numbers on every record, or come
  back over a small set (an id, a speaker, a condition code); the first column whose values are
  mostly all different is where the speech starts (the rest of the line);
- a line is a record when it has the layout's kinds of fields (time or not); most non-blank
  lines must be records (at least `_SHARE`), with a time or number column (two when split at
  spaces, where prose splits too), so a page of prose is never read as records. Lines before
  the first record are the file's header (`;;` comments, a chat's title and date lines); a line
  after a record that is no record goes on with its speech (a message quoted over several lines);
- the voice is the field that comes back over a small set (`structured.record_marks`); a field
  in brackets (`<o,f0,male>`) is a code, not a voice. A record with an empty voice (a chat's
  system line) or whose speech is one machine token (`ignore_time_segment_in_scoring`) or
  nothing (a gap) is no turn and does not end one.
"""

from __future__ import annotations

import re
from collections import Counter

from .exportmarks import ExportMarks
from .structured import Field, Record, record_marks

__all__ = ["read_field_lines"]

_SHARE = 0.5  # of the non-blank lines, the share that must be records
_LEAST = 4  # records
_MOST_FIELDS = 8
_REPEATS = 0.6  # a field column: at most this share of its values distinct (unless all times)
_TIME = re.compile(r"\d+(?:[:.,]\d+)*")
_CODE = re.compile(r"<[^<>]*>|\[[^\[\]]*\]|\([^()]*\)|\{[^{}]*\}")
_MACHINE = re.compile(r"\S*_\S*")  # one token joined by underscores: no speech
_HEAD_CHARS = 65_536
_HEAD_LINES = 200


def _lines(text: str) -> list[tuple[int, str]]:
    """The non-blank lines and where each starts."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if not m.group().isspace()]


def read_field_lines(text: str) -> ExportMarks | None:
    """The turns of a file of line records (see the module doc); None for any other text."""
    head = _lines(text[:_HEAD_CHARS])[:_HEAD_LINES]  # the layout is learned from the head: cheap
    if len(head) < _LEAST:
        return None
    tabbed = 2 * sum("\t" in line for _, line in head) >= len(head)
    kinds = _layout([_values(line, tabbed) for _, line in head], tabbed)
    if kinds is None:
        return None
    lines = _lines(text)
    split = [_fields(at, line, tabbed) for at, line in lines]
    width = len(kinds)
    records: list[Record] = []
    for at, fields in zip([at for at, _ in lines], split, strict=True):
        if _matches(fields, kinds):
            records.append(_record(fields, width, tabbed))
        elif records and records[-1].spans:  # a message that goes on over several lines
            end = at + len(text[at:].split("\n", 1)[0].rstrip())
            start = at + len(text[at:end]) - len(text[at:end].lstrip())
            if end > start:
                records[-1].spans.append((start, end))
    if len(records) < _SHARE * len(lines) or len(records) < _LEAST:
        return None
    for r in records:
        if r.spans:
            _unquote(text, r.spans)
    return record_marks(text, records, exclude=None, unnamed=True)


def _fields(at: int, line: str, tabbed: bool) -> list[Field]:
    """A line's fields with their spans in the text (`at`: where the line starts)."""
    line = line.rstrip()
    if not tabbed:
        return [Field(m.group(), at + m.start(), at + m.end()) for m in re.finditer(r"\S+", line)]
    found, start = [], 0
    for piece in line.split("\t"):
        lead = len(piece) - len(piece.lstrip())
        found.append(Field(piece.strip(), at + start + lead, at + start + len(piece.rstrip())))
        start += len(piece) + 1
    return found


def _values(line: str, tabbed: bool) -> list[str]:
    """A line's leading fields as strings (the layout needs no more than `_MOST_FIELDS` + 1)."""
    found = line.split("\t", _MOST_FIELDS + 1) if tabbed else line.split(None, _MOST_FIELDS + 1)
    return [v.strip() for v in found[: _MOST_FIELDS + 1]]


def _kind(value: str) -> str:
    return "" if not value else "t" if _TIME.fullmatch(value) else "w"


def _matches(fields: list[Field], kinds: tuple[str, ...]) -> bool:
    return len(fields) >= len(kinds) and all(_kind(f.value) in (k, "") for f, k in zip(fields, kinds, strict=False))


def _layout(split: list[list[str]], tabbed: bool) -> tuple[str, ...] | None:
    """The kinds of the fields before the speech (None: no layout of records): column by
    column, the lines whose field has the column's most common kind, while they are most lines
    and the column is a field (times on every line, or values that come back)."""
    rows = [f for f in split if len(f) >= 2]
    kinds: list[str] = []
    while len(kinds) < _MOST_FIELDS:
        i = len(kinds)
        counts = Counter(_kind(r[i]) for r in rows if len(r) > i and r[i])
        kind = max(counts, key=lambda k: counts[k]) if counts else ""
        kept = [r for r in rows if len(r) > i and _kind(r[i]) in (kind, "")]  # an empty field fits any
        column = [r[i] for r in kept if r[i]]
        if not kind or len(kept) < _SHARE * len(split) or (kind == "w" and len(set(column)) > _REPEATS * len(column)):
            break
        kinds.append(kind)
        rows = kept
    times = kinds.count("t")
    if times < (1 if tabbed else 2) or "w" not in kinds:
        return None
    return tuple(kinds)


def _record(fields: list[Field], width: int, tabbed: bool) -> Record:
    """A record: its fields (codes in brackets left out), its speech the rest of the line."""
    named = {f"f{i}": f for i, f in enumerate(fields[:width]) if not _CODE.fullmatch(f.value)}
    if tabbed and any(not f.value for f in named.values()):
        return Record(named, [])  # an empty sender: a system line, no turn
    rest = fields[width:]
    if not rest or (len(rest) == 1 and _MACHINE.fullmatch(rest[0].value)):
        return Record(named, [])
    return Record(named, [(rest[0].start, rest[-1].end)])


def _unquote(text: str, spans: list[tuple[int, int]]) -> None:
    """A message written in double quotes over several lines: the quotes are not speech."""
    a, b = spans[0]
    if len(spans) > 1 and text[a] == '"' and text[spans[-1][1] - 1] == '"':
        spans[0] = (a + 1, b)
        last = spans[-1]
        spans[-1] = (last[0], last[1] - 1)

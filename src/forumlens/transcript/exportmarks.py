"""What an export reader gives the parse: where each turn starts, its label, its speech.

Some exports say who speaks in a column or a label line of their own (a caption CSV, a wiki
table, Zoom's saved captions, a Markdown page with bold labels): the file states its turns, so
its reader (`readers.py`) marks them all and the caption rules add none. One shape for all of
them, so `parse.py` builds turns the same way whatever the export.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["ExportMarks", "Mark", "head_line_mark", "voice_changes"]


@dataclass(frozen=True)
class Mark:
    """A turn stated by the export: it starts at `at` (its row or label line), its speech at
    `body`; `label` is the speaker as the export wrote it (None: no label, a note or a voice)."""

    at: int
    body: int
    label: str | None


def head_line_mark(text: str, head: re.Match[str], label: str | None) -> Mark:
    """The turn under a head line of its own (`Jo Li says:`, a post's author line, a `[Jo Li]`
    line): the line is no speech, the speech starts after its line break (the text's end for a
    head on the last line)."""
    return Mark(head.start(), min(len(text), head.end() + 1), label)


@dataclass(frozen=True)
class ExportMarks:
    """The turns of an export, in order. `header_end`: where the export's own furniture begins
    (a table's header row), so the title is read from the lines above it. `speech` lists the
    (start, end) spans that are speech (a table's text cells); empty when everything between
    marks is speech. `skip` lists lines' (start, end) spans that are never speech (a Markdown
    heading), trimmed from a turn's end. `handles`: the labels are account names (a forum's
    posters), so one in a single lower-case word (`lagosreader`) is a handle, no person.
    `warnings`: a fault of the file the reader read past (a CSV quote never closed), said on ingest.
    `heading`: header lines to read the title and year from instead of the text above `header_end`
    (a mail archive's first `Subject:` and `Date:`, which sit inside its first turn's head)."""

    marks: tuple[Mark, ...]
    header_end: int
    speech: tuple[tuple[int, int], ...] = field(default=())
    skip: tuple[tuple[int, int], ...] = field(default=())
    handles: bool = False
    warnings: tuple[str, ...] = field(default=())  # what the reader saw wrong in the file, for the session
    heading: str | None = None  # the lines the title and year are read from, when the export states them elsewhere

    def speech_end(self, text: str, start: int, end: int) -> int:
        """Where the speech of a turn in text[start:end] ends: at the end of its last speech
        span (a closing quote and the pipes after a table cell are not speech), before the
        furniture lines trailing it, and never before `start`."""
        if self.speech:
            i = bisect_left(self.speech, (end, end)) - 1
            while i >= 0 and self.speech[i][1] > end:
                i -= 1
            if i >= 0 and self.speech[i][1] >= start:
                end = self.speech[i][1]
        while self.skip:
            i = bisect_left(self.skip, (end, end)) - 1
            stripped = len(text[start:end].rstrip()) + start
            if i < 0 or self.skip[i][1] < stripped or self.skip[i][0] <= start:
                break
            end = self.skip[i][0]
        return start + len(text[start:end].rstrip())


def voice_changes(found: Iterable[Mark]) -> tuple[Mark, ...]:
    """The marks of `found` (in order) where the label changes: an export cuts one voice into
    rows, blocks or segments by time, so the same label in a row goes on with the same turn."""
    marks: list[Mark] = []
    for mark in found:
        if not marks or mark.label != marks[-1].label:
            marks.append(mark)
    return tuple(marks)

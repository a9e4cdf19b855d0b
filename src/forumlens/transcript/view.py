"""A reading view of a transcript: the text the parse rules read, mapped back to the source.

Some exports write a caption's marks in a way the rules do not read, though the transcript
under them is an ordinary one: a web page scrape keeps `&gt;&gt;` for `>>`, a PDF turns `>>`
into `»` or `> >`, a Markdown page wraps each label in bold (`**Jo Li:**`). A reader
(`readers.py`) rewrites those marks in a *view* of the text; the rules parse the view; every
turn is then cut from the source again (`View.source_span`), so a turn's text stays an exact
slice of the source file, a citation quotes the file as it is, and what a view rewrote (an
`&amp;` in a speech) is still there, as written.

A view never adds or removes a line break: line `n` of the view is line `n` of the source, so
turn line numbers need no mapping. Offsets are mapped through the list of rewritten spans.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Edit", "View", "apply_edits"]


@dataclass(frozen=True)
class Edit:
    """Replace source[start:end] by `new` in the view (neither side may hold a line break)."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class View:
    """`text` as the rules read it; `_spans` holds each rewritten span as (view start, view end,
    source start, source end), in order. A view with no spans is the source itself."""

    text: str
    _spans: tuple[tuple[int, int, int, int], ...] = field(default=())
    _view_starts: tuple[int, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return bool(self._spans)

    def source_offset(self, at: int, *, end: bool = False) -> int:
        """The source offset of view offset `at`. Inside a rewritten span the whole source span
        is taken: its start for a start offset, its end for an `end` offset (exclusive); at a
        deleted span (`**` of a bold label) a start skips it and an end stops before it."""
        i = (bisect_left if end else bisect_right)(self._view_starts, at) - 1
        if i < 0:
            return at
        _, v_end, s_start, s_end = self._spans[i]
        if at < v_end:
            return s_end if end else s_start
        return s_end + (at - v_end)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) of the view slice [start:end]."""
        a = self.source_offset(start)
        return a, max(a, self.source_offset(end, end=True))


def apply_edits(source: str, edits: Iterable[Edit]) -> View:
    """The view of `source` with `edits` applied (overlapping edits: the first one wins)."""
    pieces: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    at = 0  # source offset copied so far
    length = 0  # view length so far
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < at or "\n" in edit.new or "\n" in source[edit.start : edit.end]:
            continue
        kept = source[at : edit.start]
        pieces.append(kept)
        length += len(kept)
        pieces.append(edit.new)
        spans.append((length, length + len(edit.new), edit.start, edit.end))
        length += len(edit.new)
        at = edit.end
    if not spans:
        return View(source)
    pieces.append(source[at:])
    return View("".join(pieces), tuple(spans), tuple(s[0] for s in spans))

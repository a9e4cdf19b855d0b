"""Sentences of a turn with their absolute offsets and 1-based lines, so every quote is a verbatim slice. Pure."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..models import Session, Turn

__all__ = ["LineFinder", "Sentence", "turn_sentences"]

# a sentence ends at . ! ? (closing quotes/brackets kept) before a capital, a digit or a quote;
# a blank line (a new paragraph inside a turn) always ends one, and so does a line that opens a list item
# ("- …", "* …", "2. …"): a Markdown list is one item a line, and an item quotes its own line only
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z0-9\"“‘(])|\n\s*\n|\n[ \t]*(?=(?:[-*+•]|\d{1,3}[.)])[ \t])")
_NEWLINE = re.compile("\n")
# the marker of a list item ("- ", "* ", "2. ") is layout, not words of the item: a sentence starts after it
_LIST_MARKER = re.compile(r"(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)")
# a caption block's timing line ("0:01:48.900 --> 0:02:40.010") or a bare clock stamp line ("[11:32]") is layout
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_STAMP_LINE = re.compile(rf"(?:{_CLOCK}[ \t]*-->[ \t]*{_CLOCK}|\[{_CLOCK}\])[ \t]*\n")


@dataclass(frozen=True)
class Sentence:
    """One sentence: `text` is exactly `session.text[start:end]`; `line` is where it starts."""

    start: int
    end: int
    line: int
    text: str


class LineFinder:
    """Offset → 1-based line of a text (binary search over its newlines)."""

    def __init__(self, text: str) -> None:
        self._newlines = [m.start() for m in _NEWLINE.finditer(text)]

    def line(self, offset: int) -> int:
        return bisect_right(self._newlines, offset - 1) + 1


def turn_sentences(session: Session, turn: Turn, lines: LineFinder) -> list[Sentence]:
    """The sentences of one turn, stripped (of a list item's marker too), with absolute offsets into `session.text`."""
    text = session.text
    base = turn.start
    body = text[turn.start : turn.end] if turn.end > turn.start else turn.text
    if body != turn.text:  # offsets not kept (hand-built sessions): fall back to the turn text
        found = text.find(turn.text)
        if found < 0:
            return []
        base, body = found, turn.text
    out: list[Sentence] = []
    cursor = 0
    for match in [*_BOUNDARY.finditer(body), None]:
        stop = match.start() if match else len(body)
        chunk = body[cursor:stop]
        lead = len(chunk) - len(chunk.lstrip())
        piece = chunk.strip()
        skipped = _layout_lead(piece, turn.label)
        lead, piece = lead + skipped, piece[skipped:]
        marker = _LIST_MARKER.match(piece)
        if marker:
            lead, piece = lead + marker.end(), piece[marker.end() :]
        if piece:
            start = base + cursor + lead
            out.append(Sentence(start, start + len(piece), lines.line(start), piece))
        if match:
            cursor = match.end()
    return out


def _layout_lead(piece: str, label: str | None) -> int:
    """How many characters at the start of `piece` are a caption block's header, not words: its timing line and
    then the turn's own label line again.

    Why: an export that labels every caption block makes one turn of a speaker's consecutive blocks, so the
    first sentence of each later block would otherwise open with "0:01:48.900 --> …" and the speaker's label,
    and no cue or topic at its start ("About the glossary: …") would be read as the sentence's start."""
    cut = 0
    while stamp := _STAMP_LINE.match(piece, cut):
        cut = stamp.end()
        own = piece.find("\n", cut)
        if label and own > 0 and piece[cut:own].strip() == label.strip():
            cut = own + 1
    return cut + len(piece[cut:]) - len(piece[cut:].lstrip())

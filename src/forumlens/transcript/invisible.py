"""Invisible characters left in a copied transcript: `\u200f>>\u00a0RAYAN\u00a0EL-HAJJAR\u200b: …`.

A transcript copied out of a bilingual web page or a word processor carries characters that
show nothing but sit between the marks the rules read: a byte-order mark before the first
line, bidi marks (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) before a `>>` of a
right-to-left page, zero-width spaces and joiners, word joiners, soft hyphens inside a word,
and no-break or narrow spaces where a space was typed. To the rules a `\u200f>>` is no marker
at a line start and `RAYAN\u00a0EL-HAJJAR\u200b:` no label, though a reader sees both.

The view (`view.py`) reads the format characters (Unicode category Cf) as nothing and every
other kind of space (category Zs) as an ordinary space, so labels and names come out as a reader
sees them; each turn is cut from the source again, so a citation keeps the file as written. A
zero-width joiner or non-joiner between two letters is left alone: in Arabic, Persian or Indic
script it shapes the word, and it never sits inside a mark.
"""

from __future__ import annotations

import re

from .clock import label_colon
from .speakers import looks_like_label
from .view import Edit

__all__ = ["invisible_edits"]

# Format characters (Cf) seen in copied text, and spaces other than U+0020 (Zs); the tab is Cc.
_FORMAT = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_INVISIBLE = re.compile(f"[{_FORMAT}{_SPACES}]")
_JOINERS = "\u200c\u200d"
# How far into a line a marker and a label may reach: invisible characters further on are
# inside a speech, where they change no mark.
_HEAD = 80
_NOTHING = str.maketrans("", "", _FORMAT)
_AS_SPACE = str.maketrans(_SPACES, " " * len(_SPACES))
_BLANK = " \t" + _FORMAT + _SPACES


def _head_end(text: str, line: int) -> int:
    """Where the marks of the line starting at `line` end: at its colon when the text before
    it (within `_HEAD` characters, a `>>` marker left out) reads as a label, else at the line
    start (then only a space right after a `>>` marker is among the marks)."""
    colon = label_colon(text, line, line + _HEAD + 1)
    if colon == -1 or "\n" in text[line:colon]:
        return line
    label = text[line:colon].translate(_NOTHING).translate(_AS_SPACE).strip().removeprefix(">>")
    return colon if looks_like_label(label) else line


def _after_marker(before: str) -> bool:
    """Whether the text `before` a space ends with a `>>` marker (blanks and invisible characters aside)."""
    return before.rstrip(_BLANK).endswith(">>")


def invisible_edits(text: str) -> list[Edit]:
    """The reading of each invisible character among the marks of a line (its first `_HEAD`
    characters): nothing for a format character, a space for a space of another kind before a
    label's colon or after a `>>` marker; a joiner between two letters stays. In a speech they
    change no mark (`str.split` and the rules' `\\s` read a no-break space as a space already),
    so a page with hundreds of no-break spaces between sentences needs no view, and only the
    heads of lines are scanned."""
    if text.isascii():
        return []  # the common case: one fast scan, no edit
    edits = []
    line = 0
    for row in text.split("\n"):
        head = row[:_HEAD]
        if not head.isascii() and _INVISIBLE.search(head):
            edits += _head_edits(text, line, head)
        line += len(row) + 1
    return edits


def _head_edits(text: str, line: int, head: str) -> list[Edit]:
    """The edits of the invisible characters in `head`, the start of the line at `line`."""
    edits = []
    head_end: int | None = None
    for match in _INVISIBLE.finditer(head):
        char = match.group()
        at = line + match.start()
        if char.isspace():
            before = head[: match.start()]
            if _after_marker(before):
                edits.append(Edit(at, at + 1, " "))
                continue
            if ":" in before or ":" not in head[match.end() :]:
                continue  # not before a label's colon: inside a speech
            if head_end is None:
                head_end = _head_end(text, line)
            if at < head_end:
                edits.append(Edit(at, at + 1, " "))
        elif not (char in _JOINERS and at > 0 and text[at - 1].isalpha() and text[at + 1 : at + 2].isalpha()):
            edits.append(Edit(at, at + 1, ""))
    return edits

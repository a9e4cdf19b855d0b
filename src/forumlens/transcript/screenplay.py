"""Screenplay layout: a character cue alone on its line, indented, the dialogue below it.

A documentary's dialogue typed in screenwriting software and exported as plain text keeps the
screenplay page: each turn opens with the character cue, a name in capitals alone on its line and
indented far in (centred), and the dialogue follows on the next lines, indented less; scene
headings (`INT. … - DAY`), action lines and transitions (`CUT TO:`) sit at the margin or at the
right edge, parentheticals (`(beat)`) inside the dialogue. No colon, no `>>`: nothing the caption
rules read as a label.

The layout is learned from the file: a cue is a line indented at least `_INDENT` columns holding
only capitals (a name, perhaps with a parenthesised extension such as `(V.O.)`), followed
directly by a line indented less but not at the margin (the dialogue); at least `_LEAST` cues
make the layout. The view (`view.py`) writes each cue as a `>> NAME:` marker, so the dialogue
below is the turn's speech; a cue marked `(CONT'D)` goes on with the turn the action line
interrupted and is read as nothing. Transitions and scene headings then sit outside any label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .view import Edit

__all__ = ["screenplay_edits"]

_INDENT = 8
_LEAST = 3
_SLACK = 2  # columns a cue or dialogue line may stray from the file's indentation
# A cue: capitals (any script's upper case), spaces, hyphens, apostrophes and full stops, then
# perhaps one parenthesised extension in capitals; no colon, nothing else on the line.
_CUE = re.compile(
    rf"^( {{{_INDENT},}}|\t+ *)([^\W\d_a-z][^\n:()]{{0,60}}?)[ \t]*(\([^()\n:]{{1,12}}\))?[ \t]*$", re.MULTILINE
)
_CONTINUED = re.compile(r"CONT['’]?D|CONTINUED|MORE", re.IGNORECASE)


@dataclass(frozen=True)
class _Cue:
    """A candidate cue line, its indentation and that of the line below it, in columns."""

    match: re.Match[str]
    indent: int
    below: int


def _indent(line: str) -> int:
    """The indentation of `line` in columns (a tab as eight)."""
    stripped = line.lstrip(" \t")
    return len(line[: len(line) - len(stripped)].expandtabs(8))


def _is_name(words: str) -> bool:
    """Whether `words` read as a cue's name: letters in upper case only, no sentence ending."""
    letters = [ch for ch in words if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and not words.rstrip().endswith(("!", "?", ","))


def _in_layout(cues: list[_Cue]) -> list[_Cue]:
    """The candidate cues at the file's cue indentation with the dialogue below at the file's
    dialogue indentation (each the most common, give or take `_SLACK` columns): centred title
    lines of a heading each sit at an indentation of their own."""
    if not cues:
        return []
    cue_at = max({c.indent for c in cues}, key=lambda n: sum(abs(c.indent - n) <= _SLACK for c in cues))
    speech_at = max({c.below for c in cues}, key=lambda n: sum(abs(c.below - n) <= _SLACK for c in cues))
    return [c for c in cues if abs(c.indent - cue_at) <= _SLACK and abs(c.below - speech_at) <= _SLACK]


def _candidates(text: str) -> list[_Cue]:
    """Every indented capitals line followed directly by a line indented less, not at the margin."""
    cues = []
    for m in _CUE.finditer(text):
        if not _is_name(m.group(2)) or m.end() >= len(text):
            continue
        end = text.find("\n", m.end() + 1)
        below = text[m.end() + 1 : len(text) if end == -1 else end]
        indent = _indent(m.group(1))
        if below.strip() and 0 < _indent(below) < indent:
            cues.append(_Cue(m, indent, _indent(below)))
    return cues


def screenplay_edits(text: str) -> list[Edit]:
    """Each character cue written as a `>> NAME:` marker (a `(CONT'D)` cue as nothing); [] when
    the file does not keep the screenplay layout (see the module doc)."""
    if "        " not in text or ">>" in text:
        return []  # a screenplay indents its cues; a file with caption markers is read as captions
    cues = _in_layout(_candidates(text))
    if len(cues) < _LEAST:
        return []
    edits = []
    for cue in cues:
        m = cue.match
        extension = m.group(3) or ""
        if _CONTINUED.search(extension):
            edits.append(Edit(m.start(), m.end(), ""))
        else:
            edits.append(Edit(m.end(1), m.end(), f">> {m.group(2).strip()}{' ' + extension if extension else ''}:"))
    return edits

"""Rolling automatic captions: each caption line shown in several cues is one piece of speech.

A video platform's automatic captions, downloaded as WebVTT, roll: a cue shows the previous
caption line again as plain text above the new one, whose words carry timing tags
(`on<00:00:03.620><c> the</c>…`), and a cue of a few milliseconds shows the new line plain once
more. Read as written, every line is spoken two or three times and a `>>` in a repeated line
opens the same voice again and again. Learned from the file, not from the platform: a caption
line whose words (timing and class tags left out, spaces collapsed) were shown in one of the two
cues before is a repetition. Of the showings of one line the view (`view.py`) keeps one, the
first plain one (a plain line is cited as it reads), else the tagged one with its tags read as
nothing, and reads the others as empty lines. A file counts as rolling when at least `_LEAST`
lines repeat and they are a good part of its caption lines, so a caption that says "Thank you."
twice in an ordinary cue file stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import is_cue_file
from .view import Edit

__all__ = ["rolling_edits"]

_LEAST = 3
_SHARE = 0.3  # of the caption lines, the share that must be repetitions
_WINDOW = 2  # a repetition shows a line of one of the cues this far back
_TIMING = re.compile(r"^[^\n]*-->[^\n]*$", re.MULTILINE)
# An inline timing tag and a class span tag of a WebVTT cue (`<00:00:03.620>`, `<c>`, `</c>`, `<c.colorE5E5E5>`)
_TAG = re.compile(r"<\d{1,2}:\d{2}(?::\d{2})?\.\d{1,3}>|</?c(?:\.[\w.-]+)?>")


@dataclass
class _Shown:
    """A caption line kept in the view: its offsets, whether it is plain, the last cue showing it."""

    start: int
    end: int
    plain: bool
    cue: int


def _cue_lines(text: str) -> list[list[tuple[int, int]]]:
    """The (start, end) of each caption line of each cue: the lines after a timing line up to an
    empty line (a line holding only spaces is a shown blank line, not the end of the cue)."""
    cues = []
    for timing in _TIMING.finditer(text):
        lines = []
        at = timing.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end == -1 else end
            if not text[at:end].strip("\r"):
                break
            if text[at:end].strip():
                lines.append((at, len(text[at:end].rstrip("\r")) + at))
            at = end + 1
        cues.append(lines)
    return cues


def rolling_edits(text: str) -> list[Edit]:
    """Edits that read each repeated showing of a rolling caption line as an empty line and the
    timing tags of the showing kept as nothing (see the module doc); none for other text."""
    if "-->" not in text or not is_cue_file(text):
        return []
    shown: dict[str, _Shown] = {}
    dropped: list[tuple[int, int]] = []
    total = 0
    for i, lines in enumerate(_cue_lines(text)):
        for start, end in lines:
            line = text[start:end]
            words = " ".join(_TAG.sub("", line).split())
            plain = _TAG.search(line) is None
            total += 1
            before = shown.get(words)
            if before is None or i - before.cue > _WINDOW:
                shown[words] = _Shown(start, end, plain, i)
                continue
            if plain and not before.plain:  # the plain showing is cited, the tagged one dropped
                dropped.append((before.start, before.end))
                shown[words] = _Shown(start, end, plain, i)
            else:
                dropped.append((start, end))
                before.cue = i
    if len(dropped) < _LEAST or len(dropped) < _SHARE * total:
        return []
    edits = [Edit(a, b, "") for a, b in dropped]
    gone = set(dropped)
    for kept in shown.values():
        if not kept.plain and (kept.start, kept.end) not in gone:
            edits += [Edit(m.start(), m.end(), "") for m in _TAG.finditer(text, kept.start, kept.end)]
    return edits

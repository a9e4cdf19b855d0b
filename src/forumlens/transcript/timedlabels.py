"""Exports with a time and a bare label above each paragraph: `00:00:41 Jo Li` / `Thank you…`.

A word processor's transcribe feature and a video editor's transcript export write each
paragraph under a label line of its own: the elapsed time, then the speaker the recogniser
numbered (`Speaker 2`) or the name the editor typed in, with no brackets and no colon
(`00:00:41 Jo Li`); a video editor writes a time range with frames on one line and the
speaker on the next (`00:00:07:13 - 00:00:15:02` / `Jo Li`); a meeting client's copied chat
writes the date and time in square brackets before the sender (`[10/10/2023 2:14 PM] Jo Li`),
the message below. The file states its turns
(`exportmarks.py`):

- the time and the label line are furniture, the speech starts on the line below;
- paragraphs in a row with the same label are one turn (the tool cuts a voice by pauses);
- what comes before the first label line (the file name, `Transcribed by …`) is the header.

Told from the lines: two or more label lines whose label reads as one (`speakers.looks_like_label`:
a name or a role, no sentence), and most paragraphs under one, so a transcript with a time
stamp before a sentence here and there is not read this way. A `-->` range is a subtitle cue's
(`cues.py`), never this.
"""

from __future__ import annotations

import re

from .clock import CLOCK_OPENING, TIMECODE
from .exportmarks import ExportMarks, Mark, voice_changes
from .speakers import looks_like_label

__all__ = ["read_timed_labels", "timed_label_lines"]

# A time: minutes and seconds, perhaps hours and frames, perhaps a fraction.
_TIME = TIMECODE
# A chat client's stamp: a wall-clock time, perhaps after a date and before AM/PM, in square
# brackets (a meeting client's copied chat: `[10/10/2023 2:14 PM] Jo Li`, the message below).
_STAMP = (
    rf"\[(?:\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}},?[ \t]+)?{CLOCK_OPENING}(?::\d{{2}})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?\]"
)
# The label line: a time (or a range of two, with a hyphen or a dash) or a stamp, then the label
# on the same line after a space or alone on the next line; no colon, no bracket in the label.
_TIMED_LABEL = re.compile(
    rf"^[ \t]*(?:{_TIME}(?:[ \t]*[-\u2013][ \t]*{_TIME})?|{_STAMP})(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
    r"(?P<label>[^\s\[\]:\d][^\[\]\n:]{0,59}?)[ \t\r]*$",
    re.MULTILINE,
)
# Where a label line may start: a line opening with a time or a bracketed stamp, found by a scan
# for the line break (a pattern opening with `^` is tried at every offset, one opening with a
# literal is not).
_OPENING = re.compile(r"\n[ \t]*\[?\d")
_LEAST = 2


def timed_label_lines(text: str) -> list[re.Match[str]]:
    """The label lines of `text` (a time, then a label that reads as one), in order."""
    starts = [0] if text[:1].isdigit() or text[:1] in " \t[" else []
    starts += [m.start() + 1 for m in _OPENING.finditer(text)]
    return [m for at in starts if (m := _TIMED_LABEL.match(text, at)) and looks_like_label(m.group("label"))]


def read_timed_labels(text: str) -> ExportMarks | None:
    """The turns of an export with timed label lines (see the module doc); None for any other text."""
    if ":" not in text:
        return None  # no time at all
    lines = timed_label_lines(text)
    if len(lines) < _LEAST:
        return None
    blocks = len(re.findall(r"\n[ \t\r]*\n[ \t\r]*\S", text[lines[0].start() :])) + 1
    if len(lines) * 2 < blocks:
        return None  # most paragraphs are not under a label line
    found = (
        Mark(line.start(), min(len(text), line.end() + 1), " ".join(line.group("label").split())) for line in lines
    )
    return ExportMarks(voice_changes(found), lines[0].start())

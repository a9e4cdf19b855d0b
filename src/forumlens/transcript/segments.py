"""Speech-recognition output with diarisation: `[00:00:04.380 --> 00:00:10.020] [SPEAKER_00]: text`.

Open-source transcription pipelines that tell voices apart (WhisperX and the scripts around
it, pyannote-based tools) write one segment a line: the segment's time range (in brackets, or
bare), the speaker label the diariser gave (`SPEAKER_00`, in brackets, perhaps with a colon
after) or a name the organisers put in its place by hand (`[Jo Li]:`), then the words. The file
states its turns (`exportmarks.py`):

- the time range and the label's brackets and colon are furniture, the speech starts after;
- segments in a row with the same label are one turn (the recogniser cuts a voice into
  segments by pauses, not by voice);
- a line that opens with no time range goes on with the segment before (a long segment
  wrapped by an editor); what comes before the first segment (the command line, a title) is
  the header.

A machine label is the label as written; `speakers.display_name` gives no person for it. Told
from the lines: a segment line among the first lines, two or more in all, and most lines after
the first one are segment lines (so a transcript that quotes a time range once is not read this
way). A bare label (no brackets) must read as a label (`speakers.looks_like_label`), so a time range before a
sentence with a colon in it is not taken for one.
"""

from __future__ import annotations

import re

from .clock import OFFSET
from .exportmarks import ExportMarks, Mark, voice_changes
from .speakers import looks_like_label

__all__ = ["SEGMENT_LINE", "read_segments"]

_TIME = OFFSET  # "1:02:03.5", hours optional
_RANGE = rf"(?:\[[ \t]*{_TIME}[ \t]*(?:-->|-|–)[ \t]*{_TIME}[ \t]*\]|{_TIME}[ \t]*-->[ \t]*{_TIME})"
# A segment line: the time range, the label (bracketed, a colon optional; or bare with a colon),
# then a space and the words.
SEGMENT_LINE = re.compile(
    rf"^[ \t]*{_RANGE}[ \t]+(?:\[(?P<a>[^\[\]\n]{{1,80}})\][ \t]*:?|(?P<b>[^\[\]:\n]{{1,80}}):)[ \t]+(?=\S)",
    re.MULTILINE,
)
_LEAST = 2
_FIRST_WITHIN = 8  # the first segment is among the first non-blank lines


def _first_lines(text: str) -> list[str]:
    """The first `_FIRST_WITHIN` non-blank lines of `text`, each with its line break."""
    found: list[str] = []
    at = 0
    while at < len(text) and len(found) < _FIRST_WITHIN:
        end = text.find("\n", at)
        end = len(text) if end == -1 else end + 1
        if text[at:end].strip():
            found.append(text[at:end])
        at = end
    return found


def read_segments(text: str) -> ExportMarks | None:
    """The turns of a diarised recognition output (see the module doc); None for any other text."""
    if "-->" not in text and "]" not in text:
        return None  # the common case, found without a regex
    if not any(SEGMENT_LINE.match(line) for line in _first_lines(text)):
        return None  # no segment opens the file (after a short header): cheap, before a scan of it all
    lines = [m for m in SEGMENT_LINE.finditer(text) if m.group("a") or looks_like_label(m.group("b"))]
    if len(lines) < _LEAST:
        return None
    rest = [line for line in text[lines[0].start() :].split("\n") if line.strip()]
    if len(lines) * 2 < len(rest):
        return None  # most lines are no segment: not a recognition output
    found = (Mark(line.start(), line.end(), " ".join((line.group("a") or line.group("b")).split())) for line in lines)
    return ExportMarks(voice_changes(found), lines[0].start())

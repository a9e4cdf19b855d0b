"""An unmarked voice between two turns of the same speaker.

A captioner writes a speaker's label again only when somebody else spoke in between: two
`>>` turns in a row with the same named label (`>> ANA LIMA: …`, then `>> ANA LIMA: …`) mean
the first one holds another voice the captioner did not mark — a question from the floor, a
self-introduction, a reply — typed on a line of its own with no blank line before it. That
voice starts on a line of the first turn that opens a sentence after a line that ended one;
the last such line is taken, since the voice speaks right before the label comes back.

Only labels naming a person count: a role or a generic voice (`>> PARTICIPANT:` twice) may be
two people each time, and nothing is in between. A line that is no speech (a stage note, a
time stamp, a running page header in capitals) is not a voice.

A single line break starts a voice only where the file's own convention makes a line break
mean one (`line_breaks_part_voices`): its labelled turns start right after a single line break
(no blank line parts them), and its lines inside a turn end sentences (each line a caption).
A file that parts its turns by blank lines, or hard-wraps its text at a fixed width (most lines
end mid-sentence, so a line may end a sentence by chance), writes a speaker's label again
over a new paragraph or a new time-cut block of the same voice: there a line break is layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, pairwise

from ..models import Turn
from .furniture import NOTE, TIME_STAMP

__all__ = ["voices_between"]

# A line that ends a sentence: the last word closes with . ? ! (a quote or bracket may follow).
_ENDS_SENTENCE = re.compile(r"[.?!…][\"”’)\]]*[ \t]*$")
# A page number alone on its line: "12", "Page 3", "- 4 -", "5 of 20", "Page 6/20".
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)


def _page_line(line: str) -> bool:
    """A page number or a running page header (letters all in capitals, no sentence end): the
    mark of a page break, after which a captioner writes the speaker's label again although
    nobody else spoke."""
    text = line.strip()
    if _PAGE_NUMBER.match(text):
        return True
    return (
        len(text.split()) >= 2
        and any(c.isalpha() for c in text)
        and not any(c.islower() for c in text)
        and not _ENDS_SENTENCE.search(text)
        and not text.startswith(">>")
    )


def _voice_line(line: str) -> bool:
    """A line that can open a new voice: speech (three or more words, some in lower case, not a
    note or time stamp) whose first letter is a capital, as a new sentence starts."""
    text = line.strip()
    words = text.split()
    return (
        len(words) >= 3
        and text[:1].isupper()
        and any(w[:1].islower() for w in words)
        and not NOTE.match(text)
        and not TIME_STAMP.match(text)
        and not text.startswith(">>")
    )


def _page_break_last(lines: Sequence[str]) -> bool:
    """Whether a page number or page header follows the turn's last line of speech: the label
    came back because a page began, not because another voice spoke."""
    for line in reversed(lines[1:]):
        text = line.strip()
        if _page_line(text):
            return True
        if text and not NOTE.match(text) and not TIME_STAMP.match(text):
            return False
    return False


def line_breaks_part_voices(text: str, turns: Sequence[Turn], starts: Sequence[int]) -> bool:
    """Whether a single line break can start a voice in this file (see the module docstring):
    most labelled turns after the first begin with no blank line above their line, and most
    lines inside a turn (its last line aside, blank lines and notes skipped) end a sentence.
    `starts`: the text's line starts (`markers.line_starts`)."""
    labelled = [t for t in turns[1:] if t.label and t.line >= 2]
    parted = sum(1 for t in labelled if not _line(text, starts, t.line - 1).strip())
    if not labelled or parted * 2 >= len(labelled):
        return False
    ended = inside = 0
    for turn in turns:
        lines = [line for line in turn.text.split("\n")[:-1] if line.strip() and not NOTE.match(line.strip())]
        inside += len(lines)
        ended += sum(1 for line in lines if _ENDS_SENTENCE.search(line))
    return ended * 2 > inside


def _line(text: str, starts: Sequence[int], line: int) -> str:
    """The text of 1-based line `line`."""
    start = starts[line - 1]
    end = starts[line] - 1 if line < len(starts) else len(text)
    return text[start:end]


def voices_between(text: str, turns: Sequence[Turn], starts: Sequence[int]) -> list[int]:
    """Offsets where an unmarked voice starts inside a turn followed by a turn with the same
    named label (see the module docstring); [] when there is none, or when a single line break
    is no voice's start in this file (`line_breaks_part_voices`)."""
    found: list[int] = []
    for turn, after in pairwise(turns):
        if (
            turn.kind != "speech"
            or after.kind != "speech"
            or not turn.label
            or turn.label != after.label
            or turn.speaker is None
            or turn.end_line <= turn.line
        ):
            continue
        lines = text[turn.start : turn.end].split("\n")
        if _page_break_last(lines):
            continue
        offsets = [turn.start, *(turn.start + n for n in accumulate(len(line) + 1 for line in lines))]
        start = None
        for k in range(1, len(lines)):
            # no blank line between: a voice after a blank line has its own rules in `unmarked.py`
            if lines[k - 1].strip() and _ENDS_SENTENCE.search(lines[k - 1]) and _voice_line(lines[k]):
                start = offsets[k] + len(lines[k]) - len(lines[k].lstrip())
        if start is not None:
            found.append(start)
    return found if found and line_breaks_part_voices(text, turns, starts) else []

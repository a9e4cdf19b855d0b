"""An unlabelled block inside a caption turn (a video message the chair rolls) read as its own speaker's turn. Pure.

Why: a caption writes a recorded message as paragraphs under the chair's label, between stage notes
("[VIDEO MESSAGE BEGINS …]" … "[VIDEO MESSAGE ENDS]"), and the message opens with its speaker naming herself
("I am Priyamvada …, of the Dynamic Coalition on Sign Languages Online"). Read under the chair's label, the
coalition's news ("our glossary is online") was the chair's body's. A block that opens, right after a stage note,
with someone other than the turn's speaker naming themselves is split off as that person's turn, up to the next stage
note (or the turn's end); what follows the closing note is the turn's speaker's again. The transcript parser is left
as it is: only how threads reads whose words these are changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import Turn
from ..transcript.speakers import name_key

__all__ = ["split_blocks"]

# a line that is only a stage note in brackets ("[VIDEO MESSAGE BEGINS -- SIGNED …]", "[VIDEO MESSAGE ENDS]")
_NOTE = re.compile(r"^[ \t]*\[[^\]\n]+\][ \t]*$", re.M)
# a speaker naming themselves, name then comma ("I am Priyamvada Ranganathan-Sethumadhavan, of the …")
_SELF = re.compile(
    r"\b(?:I am|I'm|I’m|My name is|This is)\s+(?P<name>[A-Z][\w'’.-]+(?:[ \t]+(?:[A-Z][\w'’.-]+|de|da|van|von|al)){1,4})"
    r"\s*,"
)


def _introduced(paragraph: str, speaker: str | None) -> str | None:
    """The name of someone other than `speaker` who names themselves in the paragraph's first line, else None."""
    first = paragraph.split("\n", 1)[0]
    found = _SELF.search(first)
    if found is None:
        return None
    name = found.group("name")
    return None if speaker and name_key(name) == name_key(speaker) else name


def _part(text: str, turn: Turn, start: int, end: int, index: int, speaker: str | None, label: str | None) -> Turn:
    """The turn's span `text[start:end]` (stripped) as a turn of its own."""
    body = text[start:end]
    start += len(body) - len(body.lstrip())
    end = start + len(body.strip())
    return replace(
        turn,
        index=index,
        speaker=speaker,
        label=label,
        text=text[start:end],
        start=start,
        end=end,
        line=text.count("\n", 0, start) + 1,
        end_line=text.count("\n", 0, end) + 1,
    )


def split_blocks(text: str, turns: Sequence[Turn]) -> list[Turn]:
    """`turns` with each speech turn's self-introduced block after a stage note split off as its speaker's turn.

    New parts get indices after every existing turn's, so what is keyed by an old index keeps its turn; a turn with
    no such block is returned as it was (the same object)."""
    out: list[Turn] = []
    fresh = max((t.index for t in turns), default=-1) + 1
    for turn in turns:
        if turn.kind != "speech" or turn.end <= turn.start or text[turn.start : turn.end] != turn.text:
            out.append(turn)
            continue
        notes = list(_NOTE.finditer(text, turn.start, turn.end))
        cut = next(
            (
                (k, name)
                for k, note in enumerate(notes)
                if (name := _introduced(text[note.end() : turn.end].lstrip(), turn.speaker)) is not None
            ),
            None,
        )
        if cut is None:
            out.append(turn)
            continue
        k, name = cut
        begin = notes[k].end()
        stop = notes[k + 1].start() if k + 1 < len(notes) else turn.end
        if text[turn.start : notes[k].start()].strip():
            out.append(_part(text, turn, turn.start, notes[k].start(), turn.index, turn.speaker, turn.label))
            out.append(_part(text, turn, begin, stop, fresh, name, None))
            fresh += 1
        else:  # the note opens the turn: the block keeps the turn's index
            out.append(_part(text, turn, begin, stop, turn.index, name, None))
        if text[stop : turn.end].strip():
            out.append(_part(text, turn, stop, turn.end, fresh, turn.speaker, turn.label))
            fresh += 1
    return out

"""A cue file that labels every cue: consecutive cues under one label are one turn.

A video-meeting service's cloud-recording transcript (Zoom's `.vtt`) writes the speaker's
display name before the text of every cue (`Jo Li: …`), so a speaker who talks across three
cues is labelled three times. In a caption file a label written twice in a row means somebody
spoke between (`interjections.py`); in such a cue file it is the cue cut, not a new voice. So a
turn that opens its cue's first text line with the same label as the turn before it, with only
cue furniture (identifier, timing, blank lines) between the two, goes on with that turn, as a
voice span (`<v Jo Li>`) repeated on consecutive cues does (`cues.py`). A `>>` before the label
is a captioner's mark of a new turn and keeps its cut.
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Turn
from .cues import is_cue_file, timing_between

__all__ = ["join_repeated_cues"]


def join_repeated_cues(text: str, turns: list[Turn]) -> list[Turn]:
    """`turns` with each turn that repeats the label of the turn before at the start of a new cue
    joined to it (see the module doc); `turns` itself when `text` is no cue file."""
    if len(turns) < 2 or not is_cue_file(text):
        return turns
    out: list[Turn] = []
    for turn in turns:
        last = out[-1] if out else None
        if last is not None and _goes_on(text, last, turn):
            out[-1] = replace(last, text=text[last.start : turn.end], end=turn.end, end_line=turn.end_line)
        else:
            out.append(turn)
    return [replace(t, index=i) for i, t in enumerate(out)] if len(out) < len(turns) else turns


def _goes_on(text: str, last: Turn, turn: Turn) -> bool:
    """Whether `turn` is `last` going on in the next cue: the same label, both speech, `turn`'s
    line opening with the label itself, and a cue timing line between the two."""
    if turn.label is None or turn.label != last.label or turn.kind != "speech" or last.kind != "speech":
        return False
    line_start = text.rfind("\n", 0, turn.start) + 1
    if not text[line_start : turn.start].lstrip().startswith(turn.label):
        return False
    return timing_between(text, last.end, line_start)

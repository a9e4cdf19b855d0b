"""A cue file that labels every cue: consecutive cues under one label are one turn.

A video-meeting service's cloud-recording transcript (Zoom's `.vtt`) writes the speaker's
display name before the text of every cue (`Jo Li: …`), so a speaker who talks across three
cues is labelled three times. In a caption file a label written twice in a row means somebody
spoke between (`interjections.py`); in such a cue file it is the cue cut, not a new voice. So a
turn that opens its cue's first text line with the same label as the turn before it, with only
cue furniture (identifier, timing, blank lines) between the two, goes on with that turn, as a
voice span (`<v Jo Li>`) repeated on consecutive cues does (`cues.py`). A `>>` before the label
is a captioner's mark of a new turn and keeps its cut.

A meeting service's text export does the same on lines, not cues: `00:00:11 Jo Li: …` (Webex),
`<3:00:20 PM> Jo Li: …` (Jitsi), one line a sentence or a pause, each with its time mark and the
speaker's name. Two such lines in a row under one name are one turn cut by the export
(`join_stamped_repeats`). A meeting's saved captions write the name first and the time mark after
it (`[Jo Li] 10:31:02 …`, `Jo Li 10:31:02 …`): the same head in the other order, one caption
line each, so two of them in a row under one name are one turn too. A line without a time mark before its name (`Jo Li: …` twice in a
caption file) is still a new turn after a voice nobody labelled, and `>>` still cuts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..models import Turn
from .clock import CLOCK
from .cues import is_cue_file, timing_between

__all__ = ["join_repeated_cues", "join_stamped_repeats"]

# A line's time mark before the speaker's name: `00:00:11 `, `[10:02:40] `, `<3:00:20 PM> `.
_STAMP = re.compile(rf"[ \t]*[\[<(]?{CLOCK}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[\]>)]?[ \t]+")
# …or after it, ending the head: `[Jo Li] 10:31:02 `, `Jo Li: (10:31:02) ` (a meeting's saved captions).
_STAMP_AFTER = re.compile(rf"[ \t]+[\[<(]?{CLOCK}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[\]>)]?[ \t]*$")


def join_repeated_cues(text: str, turns: list[Turn]) -> list[Turn]:
    """`turns` with each turn that repeats the label of the turn before at the start of a new cue
    joined to it (see the module doc); `turns` itself when `text` is no cue file."""
    if len(turns) < 2 or not is_cue_file(text):
        return turns
    return _joined(text, turns, _goes_on)


def _goes_on(text: str, last: Turn, turn: Turn) -> bool:
    """Whether `turn` is `last` going on in the next cue: the same label, both speech, `turn`'s
    line opening with the label itself, and a cue timing line between the two."""
    if turn.label is None or turn.label != last.label or turn.kind != "speech" or last.kind != "speech":
        return False
    line_start = text.rfind("\n", 0, turn.start) + 1
    if not text[line_start : turn.start].lstrip().startswith(turn.label):
        return False
    return timing_between(text, last.end, line_start)


def join_stamped_repeats(text: str, turns: list[Turn]) -> list[Turn]:
    """`turns` with each turn whose line opens with a time mark and then the same label as the turn
    right before it (also time-marked, nothing but blank space between) joined to that turn: a
    meeting export's lines of one speaker (see the module doc)."""
    return _joined(text, turns, _stamped_on) if len(turns) > 1 else turns


def _joined(text: str, turns: list[Turn], goes_on: Callable[[str, Turn, Turn], bool]) -> list[Turn]:
    """`turns` with each turn that `goes_on` says continues the one before joined to it, reindexed."""
    out: list[Turn] = []
    for turn in turns:
        last = out[-1] if out else None
        if last is not None and goes_on(text, last, turn):
            out[-1] = replace(last, text=text[last.start : turn.end], end=turn.end, end_line=turn.end_line)
        else:
            out.append(turn)
    return [replace(t, index=i) for i, t in enumerate(out)] if len(out) < len(turns) else turns


def _stamped_on(text: str, last: Turn, turn: Turn) -> bool:
    """Whether `turn` is `last` going on in the export's next line: the same label, both speech,
    both lines time-marked heads, and `turn`'s head the line right after `last`'s speech."""
    if turn.label is None or turn.label != last.label or turn.kind != "speech" or last.kind != "speech":
        return False
    if text[last.end : turn.start].strip() == "":
        return False  # no head between: not two lines
    return _stamped_head(text, turn) and _stamped_head(text, last) and _only_head_between(text, last, turn)


def _stamped_head(text: str, turn: Turn) -> bool:
    """Whether the turn's line is a time mark, the label (and a colon), then the speech; or the
    label (perhaps in square brackets, perhaps with a colon), a time mark, then the speech."""
    line_start = text.rfind("\n", 0, turn.start) + 1
    head = text[line_start : turn.start]
    if ">>" in head:
        return False
    label = (turn.label or "").strip()
    stamp = _STAMP.match(head)
    if stamp is not None:
        return head[stamp.end() :].strip().rstrip(":").strip() == label
    after = _STAMP_AFTER.search(head)
    if after is None:
        return False
    name = head[: after.start()].strip().rstrip(":").strip()
    if name[:1] == "[" and name[-1:] == "]":
        name = name[1:-1].strip()
    return bool(label) and name == label


def _only_head_between(text: str, last: Turn, turn: Turn) -> bool:
    """Whether the turn's head is the line right after the last turn's speech: an export writes
    one line after another; a blank line between two stamped paragraphs of one name
    (`[14:01:05] JO LI: …`, a blank line, `[14:02:20] JO LI: …`) is a captioner's cut, kept."""
    line_start = text.rfind("\n", 0, turn.start) + 1
    between = text[last.end : line_start]
    return line_start >= last.end and between.strip() == "" and between.count("\n") <= 1

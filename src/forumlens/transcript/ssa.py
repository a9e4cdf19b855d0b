"""SubStation Alpha subtitle files (`.ass`, `.ssa`): the `Name` field of each `Dialogue:` line.

Subtitlers' tools (Aegisub and its kin) save a script in sections: `[Script Info]` (`Title:`,
`ScriptType:`, `; comments`), `[V4+ Styles]` (or `[V4 Styles]`) and `[Events]`, whose
`Format:` line names the comma-separated fields of every event line after it, the text last
(v4+: `Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text`). A `Dialogue:`
line is a subtitle; its `Name` (the actor) field is the speaker as the subtitler wrote it. The
file states its turns (`exportmarks.py`):

- a turn starts at a `Dialogue:` line whose name differs from the voice before; lines in a row
  with the same name are one turn (a subtitle is cut by time, not by voice);
- a line with an empty name goes on with the voice before it (`{\\i1}(Applause){\\i0}`, a
  subtitle with no actor set), like a cue with no mark of its own;
- only the text field is speech: the layer, times, style, margins and effect before it are
  furniture, and so are `Comment:` lines and every line of the other sections. Override
  blocks (`{\\i1}`) are markup, read as nothing in the view (`markup.py`); a `\\N` line break is
  part of the text as written.

The fields are read by the file's own `Format:` line (the v4+ order when it has none), never
by position guesses. Told from the lines: an `[Events]` section and two or more `Dialogue:`
lines. A field is split at commas only up to the text, so commas in a speech stay in it.
"""

from __future__ import annotations

import re

from .exportmarks import ExportMarks, Mark

__all__ = ["EVENT_FIELDS", "read_ssa"]

_EVENTS = re.compile(r"^[ \t]*\[Events\][ \t\r]*$", re.MULTILINE | re.IGNORECASE)
_FORMAT = re.compile(r"^[ \t]*Format:[ \t]*([^\n]*)$", re.MULTILINE | re.IGNORECASE)
_EVENT = re.compile(r"^[ \t]*(Dialogue|Comment):[ \t]*([^\n]*)$", re.MULTILINE | re.IGNORECASE)
# The furniture of an event line inside a turn's text: a `Dialogue:` line's fields before its
# text (v4 and v4+ both write nine fields before it), or a whole `Comment:` line.
EVENT_FIELDS = re.compile(r"^[ \t]*(?:Dialogue:[ \t]*(?:[^,\n]*,){9}|Comment:[^\n]*)", re.MULTILINE)
_V4_PLUS = ("layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text")
_LEAST = 2


def _fields(text: str, events_at: int) -> tuple[str, ...]:
    """The event fields named by the `Format:` line of the `[Events]` section (lower case)."""
    found = _FORMAT.search(text, events_at)
    if found is None:
        return _V4_PLUS
    names = tuple(f.strip().lower() for f in found.group(1).split(","))
    return names if "text" in names and names[-1] == "text" else _V4_PLUS


def read_ssa(text: str) -> ExportMarks | None:
    """The turns of a SubStation Alpha script (see the module doc); None for any other text."""
    if "Dialogue:" not in text:
        return None  # the common case, found without a regex
    events = _EVENTS.search(text)
    if events is None:
        return None
    lines = [m for m in _EVENT.finditer(text, events.end()) if m.group(1).lower() == "dialogue"]
    if len(lines) < _LEAST:
        return None
    fields = _fields(text, events.end())
    name_at = fields.index("name") if "name" in fields else fields.index("actor") if "actor" in fields else None
    marks: list[Mark] = []
    speech: list[tuple[int, int]] = []
    voice: str | None = None
    for line in lines:
        values = line.group(2).split(",", len(fields) - 1)
        if len(values) < len(fields):
            continue  # a damaged line with no text field: furniture
        body = line.start(2) + sum(len(v) + 1 for v in values[:-1])
        body += len(values[-1]) - len(values[-1].lstrip())
        speech.append((body, line.end(2)))
        name = " ".join(values[name_at].split()) if name_at is not None else ""
        if not marks or (name and name != voice):
            marks.append(Mark(line.start(), body, name or None))
            voice = name or voice
    if not marks:
        return None
    return ExportMarks(tuple(marks), marks[0].at, speech=tuple(speech))

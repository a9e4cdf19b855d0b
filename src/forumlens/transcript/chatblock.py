"""A meeting's chat saved below (or inside) a caption transcript, read as turns by its names.

Online IGF sessions often publish the captions with the meeting's chat pasted after them
(`CHAT LOG`, then `14:41:02 From Jo Li to Everyone: text` or `[10:02] Jo Li: text` lines).
The caption rules read only `>>` labels, so the chat lines stayed inside the last caption turn
and the questions asked there were lost. A whole file of chat is `records.py`'s business; this
module finds a *block* of such lines in a file the caption rules did read:

- a block is a run of lines opening with a stamp (a date or a time), with at most `_GAP`
  unstamped lines (a message's continuation) between two stamped ones and at least `_LEAST`
  stamped lines;
- its record shape is learned from the block's own lines (`records.record_heads`: the stamp,
  the fixed words around the name field), and most stamped lines must be heads of it;
- the heads are chat, not the captioner's: the caption rules opened a turn on fewer than half
  of their lines, and `_CAPTIONS` labelled caption turns lie outside the block (else the file
  is a chat copy, `records.py`'s, even when a title line reads as a label);
- the names are names: the shape has a fixed word (`From … to`), or some sender comes back
  (in the block or as a caption speaker).

The caption turns stay as they were, cut where the block begins (a short heading line above it,
`CHAT LOG (exported from Zoom)`, belongs to neither); each change of sender in the block opens a
turn labelled with the chat name. `parse.py` asks for the blocks before its records fallback:
a chat longer than the captions above it must not make the whole file a chat copy.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Turn
from .exportmarks import Mark, voice_changes
from .markers import Marker, line_of
from .records import record_heads, stamped
from .shapes import label_shapes
from .speakers import display_name
from .turns import build_turns

__all__ = ["chat_blocks", "with_chat_blocks"]

_LEAST = 3
_CAPTIONS = 2  # labelled caption turns outside the block: a mixed file, not a chat copy
_GAP = 2  # unstamped lines a message may run on for between two stamped lines
_HEADING_WORDS = 8  # a heading above the block: one short line that ends no sentence
_SENTENCE_END = re.compile(r"[.?!:;,]$")


def _stamped_runs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, stamped lines) of each run of stamped lines in `text` (see the module doc);
    the run ends after its last stamped line's continuation, at a blank line or the next run."""
    runs: list[tuple[int, int, int]] = []
    start = end = -1
    count = gap = 0
    at = 0
    for line in text.split("\n"):
        after = at + len(line) + 1
        if line.strip() and stamped(line):
            if start == -1 or gap > _GAP:
                if count >= _LEAST:
                    runs.append((start, end, count))
                start, count = at, 0
            count += 1
            gap = 0
            end = min(after, len(text))
        elif start != -1 and line.strip():
            gap += 1
            if gap <= _GAP:
                end = min(after, len(text))
        at = after
    if count >= _LEAST:
        runs.append((start, end, count))
    return runs


def _names_come_back(marks: list[Mark], speakers: set[str]) -> bool:
    """Whether some chat sender writes twice or also speaks in the captions (by last name word)."""
    seen: set[str] = set()
    for mark in marks:
        words = (display_name(mark.label or "") or "").casefold().split()
        last = words[-1] if words else ""
        if last and (last in seen or last in speakers):
            return True
        seen.add(last)
    return False


def chat_blocks(text: str, turns: list[Turn], starts: list[int]) -> list[tuple[int, int, list[Mark]]]:
    """(start, end, heads) of each chat block in `text` that the caption `turns` did not read."""
    turn_lines = {t.line for t in turns}
    speakers = {w[-1] for t in turns if t.speaker and (w := t.speaker.casefold().split())}
    blocks = []
    for start, end, count in _stamped_runs(text):
        learned = record_heads(text, (start, end))
        if learned is None:
            continue
        shape, marks = learned
        if len(marks) < _LEAST or 2 * len(marks) < count:
            continue
        if 2 * sum(line_of(starts, m.at) in turn_lines for m in marks) >= len(marks):
            continue  # the captioner's own stamped lines (`[00:12:01] >> JO LI:`), read already
        if sum(t.label is not None and (t.end <= start or t.start >= end) for t in turns) < _CAPTIONS:
            continue  # (nearly) nothing but chat: `records.py` reads a whole file of it
        if not (shape.lead or shape.stop or _names_come_back(marks, speakers)):
            continue
        blocks.append((start, end, marks))
    return blocks


def _heading_start(text: str, start: int) -> int:
    """Where the block at `start` really begins: at the short heading line above it, when the
    line above (after a blank line) is one."""
    above = text[:start].rstrip()
    line_at = above.rfind("\n") + 1
    line = above[line_at:].strip()
    before = above[:line_at]
    if (
        line
        and len(line.split()) <= _HEADING_WORDS
        and not _SENTENCE_END.search(line.rstrip(")]"))
        and not line.startswith(">>")
        and (not before.strip() or before.rstrip(" \t\r").endswith("\n"))
    ):
        return line_at
    return start


def with_chat_blocks(text: str, turns: list[Turn], starts: list[int]) -> list[Turn]:
    """`turns` with each chat block of `text` read as turns by the senders' names (module doc)."""
    blocks = chat_blocks(text, turns, starts)
    if not blocks:
        return turns
    spans = [(_heading_start(text, start), end) for start, end, _ in blocks]
    kept: list[Turn] = []
    for turn in turns:
        if any(cut <= turn.start < end for cut, end in spans):
            continue  # a caption rule's turn inside the chat: the chat's heads say who wrote
        for cut, _ in spans:
            if turn.start < cut < turn.end:  # the caption turn the chat was pasted after
                b = turn.start + len(text[turn.start : cut].rstrip())
                turn = replace(turn, text=text[turn.start : b], end=b, end_line=line_of(starts, max(turn.start, b - 1)))
        if turn.text.strip():
            kept.append(turn)
    for _, end, marks in blocks:
        markers = [Marker(m.at, m.body, label=m.label) for m in voice_changes(marks)]
        kept += build_turns(text[:end], markers, starts, label_shapes(""), {})
    kept.sort(key=lambda t: t.start)
    return [replace(t, index=i) for i, t in enumerate(kept)]

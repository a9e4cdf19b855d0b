"""Turns signed at their end: the name AFTER the text, in a signature that closes each block.

A wiki talk page signs each comment at its end (`… the same. Jo Li (talk) 14:02, 3 May 2011
(UTC)`), a mailing list or forum post closes with a sign-off (`-- Jo Li, 3 May 2011`). No label
opens the speech, so the learned template (`templates.py`), which reads a line's opening, finds
nothing, and `headblocks.py` looks for a name above the speech, not below it.

This reader learns the signature from the file's own regularity, never from a wiki's or a
client's words:

- a line is read as *visible text* first: link markup shows its displayed part
  (`[[User:Jl|Jo Li]]` → `Jo Li`), tags and templates (`<small>`, `{{…}}`) show nothing;
- a *signature* closes the visible line: a boundary (a dash, or a sentence's end and then a
  capitalised name) and a name (one to five name-like words), or a handle (one token with a
  digit, an address) before a note; an optional short note in brackets (`(talk)`, `(panel)`),
  then a *stamp*: a short coded run from a digit to the line's end holding a time of day or a
  year. A name and a time alone on a line, no dash, is a head line (`Jo Li  10:02`, the speech
  below it), not a sign-off: the first version read such lines and took nine subtitle, chat and
  forum files of the earlier sets down;
- the note and stamp, written as a shape (words `a`, digit runs `9`: `(a) 9:9, 9 a 9 (a`), must
  recur on at least `_LEAST` lines and their names must differ (one name under every line is
  a page's footer, not its writers), and the signed lines must hold most of the file's prose.

A signature with speech before it on its line closes a one-line turn; a signature alone on its
line (`-- Jo Li, 3 May`) closes the lines above it back to the previous signature. The speech of
a turn ends before its signature (`ExportMarks.speech`), so the name and stamp are no speech.
"""

from __future__ import annotations

import re
from collections import Counter

from .exportmarks import ExportMarks, Mark, voice_changes
from .headblocks import shape_of

__all__ = ["read_signed_blocks", "visible"]

_LEAST = 3  # signed lines a file must hold
_PROSE_SHARE = 0.5  # of the file's non-blank lines, the share the signed blocks must hold

# Markup that shows nothing (a tag, a template, a link's target and brackets) or shows a part.
_MARKUP = re.compile(r"<!--.*?-->|<[^<>\n]{0,200}>|\{\{[^{}\n]{0,200}\}\}|\[\[(?:[^\[\]|\n]{0,200}\|)?|\]\]")
_WORD = r"[^\W\d_][\w'’.-]*"
# The signature closing a visible line: boundary, name or handle, note, stamp.
_SIGNATURE = re.compile(
    rf"(?:(?P<lead>[.!?…]\s+|\s*(?:—|–|--|~~)\s*)(?P<name>{_WORD}(?:[ \t]{_WORD}){{0,4}})"
    r"|(?<=\s)(?P<handle>[\w.:-]*\d[\w.:-]*)(?=[ \t]*\())"
    r",?[ \t]*(?P<tail>(?:\([^()\n]{1,20}\)[ \t]*)?\d[\w \t:,/()+-]{0,40})$"
)
# A stamp holds a time of day or a year, not only a count.
_STAMP = re.compile(r"\d:\d\d|(?<!\d)\d{4}(?!\d)")
_DASH = re.compile(r"\s(?:—|–|--)(?!.*\s(?:—|–|--))")
_HANDLE_WORDS = 60  # how far before a handle its signature's own words may start

# What opens a line before its speech: indent marks (`:`, `*`, `>`), a template, blanks.
_INDENT = re.compile(r"(?:[\s:*#>]|\{\{[^{}\n]{0,200}\}\})*")


def visible(line: str) -> tuple[str, list[int]]:
    """The line as shown (see the module doc) and, for each shown character, its index in
    `line`, so a signature found in the shown text is cut from the written one."""
    shown: list[str] = []
    where: list[int] = []
    at = 0
    for found in _MARKUP.finditer(line):
        shown.extend(line[at : found.start()])
        where.extend(range(at, found.start()))
        at = found.end()
    shown.extend(line[at:])
    where.extend(range(at, len(line)))
    return "".join(shown), where


def _signature(line: str) -> tuple[str, str, int] | None:
    """A line's signature: (its name, its note and stamp's shape, the index in `line` where
    the speech before it ends: 0 for a signature alone on its line); None without one."""
    shown, where = visible(line)
    found = _SIGNATURE.search(shown.rstrip())
    if found is None or not _STAMP.search(found.group("tail")):
        return None
    name = found.group("name") or found.group("handle")
    sentence = (found.group("lead") or "").strip() in {".", "!", "?", "…"}
    if sentence and not name[0].isupper():
        return None  # after a sentence's close, a signature's name is capitalised
    before = shown[: found.start()]
    if found.group("handle"):  # a handle's signature may say more before it (`— added by 10.2.3.4`)
        dash = _DASH.search(before, max(0, len(before) - _HANDLE_WORDS))
        before = before[: dash.start()] if dash else before
    before = before.rstrip(" \t—–-~")
    if sentence:
        before = shown[: found.start() + 1]  # the sentence's close is speech
    end = where[len(before) - 1] + 1 if before.strip() else 0
    return name.strip(), shape_of(found.group("tail")), end


def read_signed_blocks(text: str) -> ExportMarks | None:
    """The turns a file's signatures close (see the module doc), as an export's marks; None when
    the file shows no such regularity."""
    lines = text.split("\n")
    signed = {i: sig for i, line in enumerate(lines) if (sig := _signature(line)) is not None}
    shapes = Counter(shape for _, shape, _ in signed.values())
    if not shapes:
        return None
    shape, n = shapes.most_common(1)[0]
    rows = {i: (name, end) for i, (name, s, end) in signed.items() if s == shape}
    if n < _LEAST or len({name for name, _ in rows.values()}) < 2:
        return None
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    marks: list[Mark] = []
    speech: list[tuple[int, int]] = []
    held = 0
    previous = -1
    for i in sorted(rows):
        name, end = rows[i]
        first = i if end else _block_start(lines, previous, i)
        if first is None:
            previous = i
            continue
        body = starts[first] + len(_INDENT.match(lines[first]).group())  # type: ignore[union-attr]
        close = starts[i] + end if end else starts[i] - 1
        marks.append(Mark(body, body, name))
        speech.append((body, close))
        held += i - first + 1
        previous = i
    nonblank = sum(1 for line in lines if line.strip())
    if len(marks) < _LEAST or held < _PROSE_SHARE * nonblank:
        return None
    return ExportMarks(voice_changes(marks), marks[0].at, speech=tuple(speech), handles=True)


def _block_start(lines: list[str], previous: int, i: int) -> int | None:
    """The first line of the block a signature alone on line `i` closes: the first non-blank
    line after the previous signature (for the first signature, its paragraph's first line);
    None when no speech stands above it."""
    j = i
    while j - 1 > previous and (lines[j - 1].strip() or previous >= 0):
        j -= 1
    while j < i and not lines[j].strip():
        j += 1
    return j if j < i else None

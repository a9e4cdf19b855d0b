"""Copied chat and meeting transcripts whose head line is a name and a stamp, the speech below.

A chat client's copied messages, a messaging app's copy and a meeting platform's document all
write each message or block under a head line of its own that holds only the sender and when:
`Jo Li — 12/06/2021 3:04 PM` (a chat server), `Jo Li, [15.09.2022 11:02]` (a messaging app),
`Jo Li   0:04` (a meeting transcript). One shape, learned from the file rather than one reader
per client: a line that is a short name field, then a separator (a comma, a dash, a pipe or a
run of spaces) and a stamp (a date, a time or both, perhaps in brackets) ending the line. The
part after the name, written as a signature (the separator and brackets as written, the stamp
whatever its form as one mark), is the file's head shape when nearly all such lines share it, at least `_LEAST` write it, some name
comes back and the heads are a good part of the lines.

The stamp and the separator are no part of the label or the speech; the speech starts on the
next line and runs to the next head; lines between (a platform's `started transcription`) stay in
the turn. The file states its turns (`exportmarks.py`): consecutive heads of one sender are one
turn.
"""

from __future__ import annotations

import re
from collections import Counter

from .exportmarks import ExportMarks, Mark, voice_changes

__all__ = ["read_stamped_heads"]

_LEAST = 3
_SHARE = 0.8  # of the lines ending in a stamp after a name, the share that must share the shape
_LINE_SHARE = 0.2  # of the non-blank lines, the share that must be heads
_NAME_WORDS = 8
_NAME_CHARS = 80

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
# a chat client writes the day in words for recent messages: `Today at 3:04 PM`
_STAMP = rf"(?:{_DATE}(?:,?[ \t]+{_TIME})?|(?:(?:Today|Yesterday)[ \t]+at[ \t]+)?{_TIME})"
# A head line: the name field, a separator, a stamp perhaps in brackets, nothing after it.
_HEAD = re.compile(
    rf"(?P<name>[^\W\d_][^\n]*?)(?P<tail>(?:[ \t]*[,|\u2013\u2014-][ \t]*|[ \t]+)"
    rf"[\[(]?(?P<stamp>{_STAMP})[\])]?)[ \t\r]*"
)
# A clock time or a numeric date inside what would be the name: no sender writes one in a name.
_IN_NAME = re.compile(rf"(?<!\w)(?:{_TIME}|{_DATE})")
_STAMP_ENDS = frozenset("0123456789])MmPp.")  # the last character of a stamp (`11:02]`, `PM`, `p.m.`)
_HEAD_CHARS = _NAME_CHARS + 60  # a longer line is speech: never tried (the pattern is not linear)
_SENTENCE_END = re.compile(r"[.?!;:][\"'”’)]?$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# A date written in words before the clock time (`June 3, 2023 at 9:12 am`, `Mon, 3 June 2023,
# 14:02`): the head line of a web comment's meta, no sender's name.
_WORDED_DATE = re.compile(
    rf"(?:[a-z]{{3,9}}\.?,?[ \t]+)?(?:{_MONTH}[ \t]+{_DAY}|{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH})"
    r"(?:,?[ \t]+\d{4})?(?:,?[ \t]+(?:at|um|à|a las|alle|om))?",
    re.IGNORECASE,
)


def _signature(head: re.Match[str]) -> str:
    """The head's shape after the name: the separator and brackets as written (space runs as one
    space), the stamp as `S` whatever form it takes (`3/14/2024 9:58 AM`, `Today at 3:04 PM`)."""
    line = head.string
    before = line[head.start("tail") : head.start("stamp")]
    after = line[head.end("stamp") : head.end("tail")]
    return re.sub(r"[ \t]+", " ", before + "S" + after)


def read_stamped_heads(text: str) -> ExportMarks | None:
    """The turns of a file of `Name <separator> stamp` head lines (see the module doc); None for
    any other text."""
    if ":" not in text and "." not in text and "/" not in text:
        return None  # no stamp at all: one cheap test for plain text
    heads = []
    at = 0
    for line in text.split("\n"):
        short = len(line) <= _HEAD_CHARS and line.rstrip()[-1:] in _STAMP_ENDS
        m = _HEAD.fullmatch(text, at, at + len(line)) if short else None
        at += len(line) + 1
        if m is None:
            continue
        name = m.group("name").strip()
        if _WORDED_DATE.fullmatch(name):
            continue  # the date of a stamp written in words (`June 3, 2023 at 9:12 am`): no name
        if _IN_NAME.search(name):
            continue  # a stamp inside the name field (`Thu, 10/22 2:03PM • 47:18`): a recording's date line
        if len(name) <= _NAME_CHARS and len(name.split()) <= _NAME_WORDS and not _SENTENCE_END.search(name):
            heads.append((m, _signature(m)))
    if len(heads) < _LEAST:
        return None
    shape, n = Counter(sig for _, sig in heads).most_common(1)[0]
    lines = sum(1 for line in text.split("\n") if line.strip())
    if n < _LEAST or n < _SHARE * len(heads) or n < _LINE_SHARE * lines:
        return None
    marks = []
    for m, sig in heads:
        if sig != shape:
            continue
        body = m.end()
        if body < len(text) and text[body] == "\n":
            body += 1
        marks.append(Mark(m.start(), body, m.group("name").strip()))
    if max(Counter(m.label for m in marks).values()) < 2:
        return None  # no sender comes back: a list of dated entries, not a conversation
    return ExportMarks(voice_changes(marks), marks[0].at)

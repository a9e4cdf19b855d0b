"""Clock times as transcripts write them: one spelling of each shape, shared by every reader.

Readers used to spell a time each in their own way, and a fix to one (a fraction, a bracket)
missed the others. Three shapes occur in the files, so there are three patterns (plain regex
text, to be composed into a reader's own pattern; brackets and spaces stay with the reader):

- `CLOCK`: a wall clock or a running time, `9:05`, `14:02:11`, `00:12:31.250`: one or two
  digits, then minutes, perhaps seconds, perhaps a fraction. `CLOCK_WITH_SECONDS` is the same
  with the seconds required, for places where `10:30` alone would too often be prose.
- `TIMECODE`: a `CLOCK` that may carry one more group, `00:01:02:03` (hours, minutes, seconds,
  frames), as editors' timecodes do.
- `OFFSET`: a media offset as subtitle files write it, hours optional and up to three digits
  (a long recording), `2:05`, `1:02:03.5`, `102:03:04,500`. `OFFSET_WITH_FRACTION` requires the
  fraction, as a cue timing line does; `CUE_OFFSET` also takes unpadded fields with hours
  (`0:0:7.420`), as an early meeting platform wrote its cue timings.

`CLOCK_OPENING` is the start every one of them shares (`9:05`), for a cheap scan before a full
match.

A colon with a digit on both sides belongs to one of these, to a ratio (`3:1`) or to a verse
reference (`John 3:16`), never to a label: `label_colon` is the colon search every reader of
`Name:` labels shares, so a web page's `June 3, 2023 at 9:12 am` is no label `June 3, 2023 at`.
"""

from __future__ import annotations

import re

__all__ = [
    "CLOCK",
    "CLOCK_OPENING",
    "CLOCK_WITH_SECONDS",
    "CUE_OFFSET",
    "FRACTION",
    "OFFSET",
    "OFFSET_WITH_FRACTION",
    "TIMECODE",
    "label_colon",
    "stamp_free",
]

# A fraction of a second: "." or "," then up to milliseconds.
FRACTION = r"[.,]\d{1,3}"
# Hours (or minutes) then two-digit minutes (or seconds).
CLOCK_OPENING = r"\d{1,2}:\d{2}"
CLOCK = rf"{CLOCK_OPENING}(?::\d{{2}})?(?:{FRACTION})?"
CLOCK_WITH_SECONDS = rf"{CLOCK_OPENING}:\d{{2}}(?:{FRACTION})?"
TIMECODE = rf"{CLOCK_OPENING}(?::\d{{2}}){{0,2}}(?:{FRACTION})?"
_OFFSET = r"(?:\d{1,3}:)?\d{1,2}:\d{2}"
OFFSET = rf"{_OFFSET}(?:{FRACTION})?"
OFFSET_WITH_FRACTION = rf"{_OFFSET}{FRACTION}"
CUE_OFFSET = rf"(?:{OFFSET_WITH_FRACTION}|\d{{1,3}}:\d{{1,2}}:\d{{1,2}}{FRACTION})"


def label_colon(text: str, start: int = 0, stop: int | None = None) -> int:
    """The first colon in `text[start:stop]` that may close a label, -1 when there is none: a
    colon between two digits (`9:12`, `3:1`, `3:16`) is skipped, as it joins numbers."""
    stop = len(text) if stop is None else min(stop, len(text))
    at = text.find(":", start, stop)
    while at != -1 and 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit():
        at = text.find(":", at + 1, stop)
    return at


_TRAILING_STAMP = re.compile(r"[ \t]*[\[(]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])][ \t]*$")


def stamp_free(label: str) -> str:
    """`label` without a bracketed time stamp closing it (`MODERATOR [14:02:10]` before the
    colon `label_colon` finds past the stamp's own): the stamp says when, not who."""
    return _TRAILING_STAMP.sub("", label)

"""Subtitle cue files (WebVTT, SRT): where a new voice starts.

Meeting tools and video platforms export captions as cue files: each cue is an optional
identifier line (SRT: a number; WebVTT: any text, Teams writes a GUID), a timing line
`00:00:02.410 --> 00:00:06.980` (SRT writes a comma before the milliseconds; WebVTT may leave
out the hours and add cue settings), then the cue's text lines up to a blank line. Identifiers
and timing lines are furniture, never speech and never a label; a cue with no mark of its own
goes on with the voice before it. Four marks of a new voice live in the cue, where the
line-start label rules of `parse.py` cannot see them:

- a WebVTT voice span `<v Name>` (or `<v.class Name>`): the annotation after the tag name is the
  label; the span may be closed by `</v>` or left open (the spec allows an unclosed span that
  covers the rest of the cue). Cues in a row with the same voice are one turn, so only a change
  of voice starts a turn;
- a cue identifier that names the voice in quotes (`3 "Jo Li" (2107749120)`, a meeting
  platform's transcript): a new voice when the name changes, like a voice span;
- a speaker line heading each cue's text (`Li, Jo (ICT)` above the words: a meeting platform's
  transcript saved as a document), when nearly every cue of two or more lines opens with a short
  line with no sentence end and names recur: a new voice when the name changes;
- a subtitle dialogue dash: a cue line that opens with a hyphen or a dash and a space
  (`- Sorry, one moment…` / `- Now it works…`) is a voice of its own — the subtitling
  convention for two speakers sharing one cue. The dash carries no name; a label written after
  it (`- JO LI: Thank you`) is read by the parse rules like any label at a turn start.

Whether a text is a cue file is decided from its lines (two or more timing lines, or the
`WEBVTT` signature), never from the file name, so a `.txt` holding an export is read the same.
Offsets are into the text as given: turn text stays an exact slice of the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clock import CUE_OFFSET

__all__ = [
    "CueMark",
    "cue_marks",
    "cues_begin",
    "first_speech",
    "is_cue_file",
    "speech_end",
    "speech_start",
    "timing_between",
    "unread_timings",
]

# A cue timing line: hours optional (WebVTT), fields perhaps unpadded (`0:0:7.420`, an early
# meeting platform), "." or "," before the milliseconds, cue settings
# ("align:start position:10%") may follow the end time.
_TIMING = re.compile(
    rf"^[ \t]*{CUE_OFFSET}[ \t]+-->[ \t]+{CUE_OFFSET}\b[^\n]*$",
    re.MULTILINE,
)
_SIGNATURE = re.compile(r"\A\ufeff?[ \t]*WEBVTT(?:[ \t]|$)", re.MULTILINE)
# A voice span's start tag: `<v Name>`, `<v.loud Name>`; the annotation runs to the `>` and its
# spaces are trimmed where it is read. No two parts of the pattern may take the same space: a
# long run of spaces with no `>` would be re-read once per way to share it (quadratic).
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?[ \t]([^<>\n]+)>")
# A dialogue dash at the start of a cue line: hyphen, en or em dash, then a space and speech.
_DASH = re.compile(r"[ \t]*[-\u2010\u2013\u2014][ \t]+(?=\S)")
# A cue identifier that names the voice (a meeting platform's transcript): a cue number, the
# display name in quotes, perhaps a participant id in brackets: `3 "Jo Li" (2107749120)`.
_NAMED_ID = re.compile(r'[ \t]*(?:\d+[ \t]+)?"(?P<name>[^"\n]{1,80})"(?:[ \t]*[(\[]\d+[)\]])?[ \t\r]*')
# A speaker line heading a cue's text: up to six words, no sentence punctuation at its end, no
# dialogue dash, voice tag or note bracket at its start.
_NAME_LINE = re.compile(r"(?![-\u2010\u2013\u2014<\[(])\S+(?: \S+){0,5}(?<![.?!,;:\"”])")
_NAME_LINES_LEAST = 3
# A closing tag of cue markup (voice, class, italic, bold, underline) at the end of a turn.
_CLOSING_TAG = re.compile(r"</(?:v|c|i|b|u|lang|ruby)>\Z")


@dataclass(frozen=True)
class CueMark:
    """A new voice inside a cue: the turn starts at `at` (the cue line, or the voice tag inside
    a line), its speech at `body`; `label` is a voice annotation, None after a dialogue dash."""

    at: int
    body: int
    label: str | None


def is_cue_file(text: str) -> bool:
    """Whether `text` is a WebVTT or SRT export: the `WEBVTT` signature on its first line, or
    two or more cue timing lines (one alone may be a quoted time range in a transcript)."""
    if _SIGNATURE.match(text):
        return True
    if "-->" not in text:  # the common case, found without a regex over every line
        return False
    timings = _TIMING.finditer(text)
    return next(timings, None) is not None and next(timings, None) is not None


# A line that opens as a cue timing does (a time, then an arrow) but is none `_TIMING` reads:
# `00:00:05.000 --> 00:00:0X.000`. Its cue is read as more of the cue before, so the next voice
# is lost unless the file is fixed; `unread_timings` names such lines so the ingest can say so.
_TIMING_LIKE = re.compile(r"^[ \t]*\d[\d:.,]*[ \t]*-->", re.MULTILINE)


def unread_timings(text: str) -> list[int]:
    """The 1-based lines of a cue file that open like a timing line (a time and `-->`) but cannot be
    read as one; empty for a text that is no cue file."""
    if "-->" not in text or not is_cue_file(text):
        return []
    return [
        text.count("\n", 0, m.start()) + 1 for m in _TIMING_LIKE.finditer(text) if not _TIMING.match(text, m.start())
    ]


def timing_between(text: str, start: int, end: int) -> bool:
    """Whether a cue timing line lies in text[start:end] (a new cue begins there)."""
    return _TIMING.search(text, start, end) is not None


def _cue_texts(text: str) -> list[list[tuple[int, str]]]:
    """The text lines of each cue, as (offset of the line, line), in order: the lines after a
    timing line up to the first blank line."""
    return [lines for _, lines in _cues(text)]


def _named_id(text: str, timing_at: int) -> tuple[int, str] | None:
    """(offset, name) of the identifier above the timing line at `timing_at` when it names a
    voice in quotes (`3 "Jo Li" (2107749120)`); None else."""
    above_end = timing_at - 1
    if above_end <= 0:
        return None
    above = text.rfind("\n", 0, above_end) + 1
    named = _NAMED_ID.fullmatch(text, above, above_end)
    name = " ".join(named.group("name").split()) if named else ""
    return (above, name) if name else None


def _name_lines(cues: list[tuple[int, list[tuple[int, str]]]]) -> bool:
    """Whether the first line of each cue of two or more lines is its speaker's name (a meeting
    platform's transcript saved as a document: `Li, Jo (ICT)` above the words): such lines are
    short, end with no sentence punctuation, cover nearly all those cues, and names recur."""
    firsts = [" ".join(lines[0][1].split()) for _, lines in cues if len(lines) >= 2]
    if len(firsts) < _NAME_LINES_LEAST:
        return False
    named = [f for f in firsts if _NAME_LINE.fullmatch(f)]
    return len(named) >= 0.8 * len(firsts) and len(set(named)) < len(named)


def _cues(text: str) -> list[tuple[int, list[tuple[int, str]]]]:
    """Each cue as (offset of its timing line, its text lines as in `_cue_texts`)."""
    cues: list[tuple[int, list[tuple[int, str]]]] = []
    for timing in _TIMING.finditer(text):
        lines: list[tuple[int, str]] = []
        at = timing.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end == -1 else end
            line = text[at:end]
            if not line.strip():
                break
            lines.append((at, line))
            at = end + 1
        cues.append((timing.start(), lines))
    return cues


def cues_begin(text: str) -> int:
    """Offset where the first cue begins (its identifier line, else its timing line), len(text)
    when there is none: what comes before is the file's header, where a title may be."""
    timing = _TIMING.search(text)
    if timing is None:
        return len(text)
    above_end = text.rfind("\n", 0, timing.start())
    if above_end <= 0:
        return timing.start()
    above = text.rfind("\n", 0, above_end) + 1
    return above if text[above:above_end].strip() else timing.start()


def first_speech(text: str) -> int | None:
    """Offset of the first cue's text in a cue file (None when `text` is not one, or its cues are
    empty): everything in a cue is speech, so what comes first is a turn even when no voice or
    label marks it — the header of a cue file is only its signature and metadata lines."""
    if not is_cue_file(text):
        return None
    for cue in _cue_texts(text):
        if cue:
            at, line = cue[0]
            return at + len(line) - len(line.lstrip())
    return None


def cue_marks(text: str) -> list[CueMark]:
    """Where voices change in a cue file, in order ([] when `text` is not one): at every voice
    span whose voice differs from the voice speaking before it, and at every cue line opening
    with a dialogue dash (a dash voice is nobody known, so the next voice span starts a turn
    even when it repeats the voice before the dash)."""
    if not is_cue_file(text):
        return []
    marks: list[CueMark] = []
    voice: str | None = None
    cues = _cues(text)
    name_lines = _name_lines(cues)
    for timing_at, cue in cues:
        named = _named_id(text, timing_at) if cue else None
        if name_lines and len(cue) >= 2 and _NAME_LINE.fullmatch(" ".join(cue[0][1].split())):
            named = cue[0][0], " ".join(cue[0][1].split())
            cue = cue[1:]
        if named is not None and named[1] != voice:  # the identifier names a new voice
            voice = named[1]
            first_at, first = cue[0]
            marks.append(CueMark(named[0], first_at + len(first) - len(first.lstrip()), voice))
        for at, line in cue:
            dash = _DASH.match(line)
            if dash:
                voice = None
                after = at + dash.end()
                tag = _VOICE.match(text, after)
                if tag:  # "- <v Ana>Yes." : the dash and the voice mark the same turn
                    voice = " ".join(tag.group(1).split())
                    marks.append(CueMark(at, tag.end(), voice))
                else:
                    marks.append(CueMark(at, after, None))
                continue
            for tag in _VOICE.finditer(line):
                name = " ".join(tag.group(1).split())
                if name != voice:
                    start = at + tag.start()
                    # a tag opening the line starts the turn at the line, after any indent
                    marks.append(CueMark(at if not line[: tag.start()].strip() else start, at + tag.end(), name))
                    voice = name
    return marks


def speech_start(text: str, start: int, end: int) -> int:
    """Where the speech in the cue block text[start:end] starts, after its furniture: a cue
    identifier line (the line above a timing line), the timing line, and an opening voice tag
    (`<v Jo Li>`). `start` itself when the block opens with speech."""
    at = start
    first_end = text.find("\n", at, end)
    if first_end != -1 and not _TIMING.match(text, at, first_end):
        second_end = text.find("\n", first_end + 1, end)
        if _TIMING.fullmatch(text, first_end + 1, end if second_end == -1 else second_end):
            at = first_end + 1  # the identifier above the timing
    timing = _TIMING.match(text, at, end)
    if timing is not None:
        at = min(end, timing.end() + 1)
    while at < end and text[at] in " \t":
        at += 1
    tag = _VOICE.match(text, at, end)
    return tag.end() if tag else at


def speech_end(text: str, start: int, end: int) -> int:
    """Where the speech in text[start:end] ends, before the cue furniture trailing it: the next
    cue's timing line, the identifier above it, blank lines and closing tags (`…is on.</v>`).
    A turn then quotes only what was said; it stays an exact slice of the text."""
    lines = text[start:end].split("\n")
    while len(lines) > 1:
        last = lines[-1].strip()
        if not last:
            lines.pop()
        elif _TIMING.fullmatch(last):
            lines.pop()
            # an identifier is the line above the timing, right after a blank line
            if len(lines) > 2 and lines[-1].strip() and not lines[-2].strip():
                lines.pop()
        else:
            break
    kept = "\n".join(lines).rstrip()
    return start + len(_without_closing_tags(kept))


def _without_closing_tags(text: str) -> str:
    """`text` without the closing tags that end it (`…is on.</v></c>`), unless it is nothing
    else. Peeled from the end one tag at a time: a regex searched from every offset would
    re-read a long run of spaces inside the turn once per offset (quadratic on a 2 MB line)."""
    kept = text
    while (tag := _CLOSING_TAG.search(kept, max(0, len(kept) - 7))) is not None:
        kept = kept[: tag.start()].rstrip(" \t")
    return kept.rstrip() if kept else text

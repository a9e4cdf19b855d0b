"""Posts signed after their text: the author's name and date come below or at the end of the post.

A question-and-answer page copied as text writes each post first and its author after it: a
dated action line and the user's card below the post (`answered Dec 8, 2016 at 0:15`, then
`Jo Li`, then a reputation line), and each comment on one line, the text then ` – Jo Li Dec 7,
2016 at 23:02`. A mailing list's signed notes and a wiki's talk page (`… — Jo Li 12:04, 3 May
2019`) do the same. The web comment reader (`webcomments.py`) reads the name *above* the post;
here the signature closes it, so a post runs from the furniture before it to its signature:

- an *inline signature* ends a line: a dash (`–`, `—`, ` - `), one to six name words and a dated
  meta line (`webcomments.dated_meta`: a date or a clock time and the page's connecting words);
  the line is the post, the tail no speech (`ExportMarks.speech` ends each post at its signature);
- a *signature block* is a dated meta line (`asked …`, `answered …`, `edited …` above it) with a
  name line right below it (and a short line of the user's counts under the name); the post is
  the text above it, after the last line of counts or meta alone (`6`, a vote count) since the
  previous post.

Told from the file: three or more signatures, two or more authors, and the file *ends* with a
signature (after the last one only meta lines and the page's link lines, `Add a comment`): a page
whose name lines stand above their text (a caption export, a blog's comments) has its last
post's text after its last name line. Registered after the web comment reader, so
a page with the names above keeps that reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .exportmarks import ExportMarks, Mark, voice_changes
from .webcomments import dated_meta, name_like

__all__ = ["read_signed_posts"]

_LEAST_SIGNATURES = 3
_MAX_NAME_WORDS = 6
_MAX_TAIL = _MAX_NAME_WORDS + 8  # words after the dash: a name and a date with its tying words
_DASH = re.compile(r"\s[–—-]\s+(?=\S)")
_COUNTS = re.compile(r"^[\d,.\sA-Za-z•·]{1,60}$")  # a user card's reputation and badges line
_SENTENCE_END = re.compile(r"[.!?…:;,\"”)]$")
_PURE = re.compile(r"^[\d,.k]+$")  # a count alone on its line (votes, answers)


@dataclass(frozen=True)
class _Signature:
    """One post's signature: its label, its lines `first` to `end` (the line itself for an inline
    one, else the meta lines, the name line and the counts under it), and for an inline signature
    `tail`, the offset in its line where the dash starts."""

    label: str
    first: int
    end: int
    tail: int | None


def _inline(text: str) -> tuple[int, str] | None:
    """The offset and name of an inline signature at the end of `text` (`… – Jo Li Dec 7, 2016
    at 23:02`), or None."""
    for dash in reversed(list(_DASH.finditer(text))):
        tail = text[dash.end() :].split()
        if len(tail) > _MAX_TAIL or not text[: dash.start()].strip():
            return None  # a dash inside prose: the tails of the earlier dashes are longer still
        if not any(ch.isdigit() for ch in tail[-1]):
            continue  # a signature ends in its date or time
        for n in range(1, min(_MAX_NAME_WORDS, len(tail) - 1) + 1):
            name = " ".join(tail[:n])
            if name_like(name) and dated_meta(" ".join(tail[n:])):
                return dash.start(), name
    return None


def _meta_alone(text: str) -> bool:
    """A line of furniture between posts: a count alone or a dated meta line."""
    return bool(_PURE.fullmatch(text)) or dated_meta(text)


def _signatures(lines: list[str]) -> list[_Signature]:
    """The signatures of the file, in order."""
    found: list[_Signature] = []
    j = 0
    while j < len(lines):
        text = lines[j]
        inline = _inline(text) if text else None
        if inline is not None:
            found.append(_Signature(inline[1], j, j, inline[0]))
            j += 1
            continue
        k = j + 1
        if (
            text
            and dated_meta(text)
            and k < len(lines)
            and lines[k]
            and name_like(lines[k])
            and not dated_meta(lines[k])
        ):
            first = j
            while first > 0 and lines[first - 1] and dated_meta(lines[first - 1]):
                first -= 1
            end = k + 1 if k + 1 < len(lines) and _counts(lines[k + 1]) else k
            found.append(_Signature(lines[k], first, end, None))
            j = end + 1
            continue
        j += 1
    return found


def _link(text: str) -> bool:
    """A page's link or button line (`Add a comment`, `Share`): up to four words, no sentence
    punctuation."""
    return len(text.split()) <= 4 and not _SENTENCE_END.search(text)


def _counts(text: str) -> bool:
    """A user card's line of counts under the name (`1,21411 silver badge99 bronze badges`)."""
    return bool(_COUNTS.fullmatch(text)) and any(ch.isdigit() for ch in text)


def read_signed_posts(text: str) -> ExportMarks | None:
    """The posts of a page whose posts are signed after their text (see the module doc); None
    for any other text."""
    raw = text.split("\n")
    starts = [0]
    for line in raw:
        starts.append(starts[-1] + len(line) + 1)
    lines = [line.strip() for line in raw]
    if sum(line.startswith(">>") for line in lines) >= _LEAST_SIGNATURES:
        return None
    signatures = _signatures(lines)
    if len(signatures) < _LEAST_SIGNATURES or len({s.label for s in signatures}) < 2:
        return None
    if any(t and not _meta_alone(t) and not _link(t) for t in lines[signatures[-1].end + 1 :]):
        return None  # text after the last signature: the names stand above their posts
    marks: list[Mark] = []
    speech: list[tuple[int, int]] = []
    previous = -1
    for sig in signatures:
        if sig.tail is not None:
            top = sig.first
            end = starts[top] + len(raw[top]) - len(raw[top].lstrip()) + sig.tail
        else:
            region = range(previous + 1, sig.first)
            top = next((j + 1 for j in reversed(region) if _meta_alone(lines[j])), previous + 1)
            while top < sig.first and not lines[top]:
                top += 1
            previous = sig.end
            if top >= sig.first:
                continue  # a signature with no text above it
            end = starts[sig.first] - 1
        marks.append(Mark(starts[top], starts[top], sig.label))
        speech.append((starts[top], end))
        previous = sig.end
    if len(marks) < _LEAST_SIGNATURES:
        return None
    return ExportMarks(voice_changes(marks), marks[0].at, speech=tuple(speech), handles=True)

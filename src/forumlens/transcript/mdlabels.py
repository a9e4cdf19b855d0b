"""Markdown transcripts: a label in bold (or italics) opening a paragraph, `**Jo Li:** Thank you`.

Edited transcripts published as web pages or wiki pages write each speaker's label in bold at
the start of a paragraph, the colon inside the emphasis (`**Jo Li:**`) or after it
(`**Jo Li**:`), with `**` or `__` (a single `*` or `_` for italics). The page states its turns
(`exportmarks.py`):

- the label is the text inside the emphasis, without its colon;
- a heading line (`# Title`, `## Round two`) is never speech: before the first label it is the
  header, between two turns it is trimmed from the end of the turn before;
- everything else is speech of the turn it is in: an italic stage note alone on a line
  (`*[Applause]*`), a second paragraph, bold words inside a sentence (`**every one**`, not
  at a paragraph start and with no colon).

Told from the lines: two or more paragraphs open with an emphasised label that
`speakers.looks_like_label` accepts, so one bold phrase with a colon is not read as a format.
"""

from __future__ import annotations

import re

from .exportmarks import ExportMarks, Mark
from .speakers import looks_like_label

__all__ = ["read_markdown_labels"]

# A label in emphasis at a line start: the same run of `*` or `_` on both sides, the colon
# inside the emphasis or right after it, then a space (or the line's end) before the speech.
_LABEL = re.compile(
    r"(?:(?<=\n)|\A)[ \t]*(?P<em>\*{1,2}|_{1,2})(?P<label>[^*_\s:][^*_\n:]{0,158}?)[ \t]*"
    r"(?::[ \t]*(?P=em)|(?P=em)[ \t]*:)(?=[ \t]|\r?$)[ \t]*",
    re.MULTILINE,
)
# Where an emphasised label may open a line: found with a literal first character, which the
# regex engine scans for quickly (a pattern opening with `^` is tried at every offset).
_OPENING = re.compile(r"\n[ \t]*[*_]")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t][^\n]*", re.MULTILINE)
_LEAST = 2


def read_markdown_labels(text: str) -> ExportMarks | None:
    """The turns of a Markdown transcript with emphasised labels (see the module doc); None
    for any other text."""
    if "*" not in text and "_" not in text:
        return None  # the common case, found without a regex
    openings = [0] if text[:1] in " \t*_" else []
    openings += [m.start() + 1 for m in _OPENING.finditer(text)]
    found = [m for at in openings if (m := _LABEL.match(text, at)) and looks_like_label(m.group("label"))]
    if len(found) < _LEAST:
        return None
    marks = tuple(Mark(m.start(), m.end(), " ".join(m.group("label").split())) for m in found)
    headings = tuple((h.start(), h.end()) for h in _HEADING.finditer(text))
    return ExportMarks(marks, found[0].start(), skip=headings)

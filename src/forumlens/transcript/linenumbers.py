"""Numbered lines of a research transcript: `01  Mod:   so: we have`, `02        ten minutes left`.

A conversation-analysis extract (Jefferson notation) and other research transcripts number every
line for reference, the number followed by a run of spaces or a tab, then the speaker's label on
the line that opens a turn and only speech on the lines that go on with it. The number is
furniture, no part of the label or the speech: the view (`view.py`) reads each line without the
number and the spaces after it, so the label rules see `Mod:` at the line start and a line with no
label goes on with the turn; the turns are cut from the source, so a citation keeps the numbers.

A file numbers its lines when the numbers are its structure: at least four lines open with a
number and two spaces or a tab, they are most of the non-blank lines from the first of them on, and
they count up one by one. A table of figures (`2019   41%`) is a few such lines, or does not count
up, and is left as it is; a paragraph number with its full stop is `numbered.py`'s.
"""

from __future__ import annotations

import re

from .numbered import numbers_structure
from .view import Edit

__all__ = ["line_number_edits"]

_NUMBER = re.compile(r"^(\d{1,4})(?:[ \t]*\t|[ ]{2,})[ \t]*", re.MULTILINE)
_SHARE = 0.8  # of the non-blank lines from the first numbered one on
_IN_ORDER = 0.9  # of consecutive numbers that go up by one


def line_number_edits(text: str) -> list[Edit]:
    """The deletion of each line number and the spaces after it, when the file numbers its
    lines; [] else."""
    if not text[:1].isdigit() and not re.search(r"\n\d", text):
        return []
    found = list(_NUMBER.finditer(text))
    if not numbers_structure(text, found, share=_SHARE, in_order=_IN_ORDER):
        return []
    return [Edit(m.start(), m.end(), "") for m in found]

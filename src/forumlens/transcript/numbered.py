"""Numbered paragraphs of an edited transcript: `1. CHAIR: Good morning.`, `2. MR. JO LI: …`.

An edited (verbatim-record) transcript numbers every paragraph for reference, the number
before the label or before the next paragraph of the same speaker (`3. First, …`). The number
is furniture, no part of the label or the speech: the view (`view.py`) reads each paragraph
without it, so the label rules see `CHAIR:` at the line start and a numbered paragraph with no
label goes on with the turn before; the turns are cut from the source, so a citation keeps the
number as written.

A file numbers its paragraphs when the numbers are its structure, not a list inside a speech:
at least four lines open with `N. `, they are most of the lines from the first of them on, and
they count up one by one (a page break may split a paragraph in two: an unnumbered line
between is allowed). A speaker's list of points (`1. The mandate…`, `2. The funding…` inside
a `>>` turn) is a few lines among many, so it is left as it is.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .view import Edit

__all__ = ["numbers_structure", "paragraph_number_edits"]

# A paragraph number at a line start: one to three digits, a full stop, then spaces.
_NUMBER = re.compile(r"^[ \t]*(\d{1,3})\.[ \t]+(?=\S)", re.MULTILINE)
_LEAST = 4
_SHARE = 0.75  # of the non-blank lines from the first numbered one on
_IN_ORDER = 0.8  # of consecutive numbers that go up by one


def paragraph_number_edits(text: str) -> list[Edit]:
    """The deletion of each paragraph number, when the file numbers its paragraphs; [] else."""
    found = list(_NUMBER.finditer(text))
    if not numbers_structure(text, found, share=_SHARE, in_order=_IN_ORDER):
        return []
    return [Edit(m.start(1), m.end(), "") for m in found]


def numbers_structure(text: str, found: list[re.Match[str]], *, share: float, in_order: float) -> bool:
    """Whether the numbers `found` at line starts (group 1) are the file's structure, not a list
    in a speech: at least `_LEAST` of them, `in_order` of the consecutive ones going up by one,
    and `share` of the non-blank lines from the first of them on opening with one
    (`linenumbers.py` asks the same of a research transcript's line numbers)."""
    if len(found) < _LEAST:
        return False
    numbers = [int(m.group(1)) for m in found]
    if sum(1 for a, b in pairwise(numbers) if b == a + 1) < in_order * (len(numbers) - 1):
        return False
    lines = sum(1 for line in text[found[0].start() :].split("\n") if line.strip())
    return len(found) >= share * lines

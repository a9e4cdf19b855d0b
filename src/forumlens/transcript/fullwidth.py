"""Full-width punctuation from East Asian captioning services: `>> OKABE MIDORI：Thank you`.

A Japanese, Chinese or Korean captioning service (or an input method left in full-width mode)
writes a caption's marks with the full-width forms of ASCII punctuation: the colon after a
label `：` (U+FF1A), often with no space after it, brackets around a mode or a role's native
word `（online）`, `（通訳）` (U+FF08, U+FF09), and an ideographic space (U+3000) after the
marker. They do the same job as `:`, `( )` and a space, so the view (`view.py`) reads them as
those, and every label, note and card rule reads these files too; the turns are cut from the
source, so a citation keeps the full-width characters as written.

A full-width colon glued to the next word reads as a colon and a space (the label rules want
the space a caption writes after `:`). Nothing else changes: a full-width colon inside a speech
(`Our first rule：one idea`) is an ordinary colon there, and an ordinary colon in a speech is
no label (the label rules decide that, not this view).
"""

from __future__ import annotations

import re

from .view import Edit

__all__ = ["fullwidth_edits"]

_COLON = "\uff1a"
# The full-width marks the caption rules read in their ASCII form (the colon aside).
_ASCII = {"\uff08": "(", "\uff09": ")", "\u3000": " ", "\uff3b": "[", "\uff3d": "]", "\uff1b": ";"}
_MARK = re.compile("[\uff1a\uff08\uff09\u3000\uff3b\uff3d\uff1b]")


def fullwidth_edits(text: str) -> list[Edit]:
    """The ASCII reading of each full-width colon, bracket and ideographic space in `text`."""
    if not _MARK.search(text):
        return []  # the common case: one scan, no edit
    edits = []
    for match in _MARK.finditer(text):
        mark = match.group()
        if mark == _COLON:
            after = text[match.end() : match.end() + 1]
            new = ":" if after in ("", " ", "\t", "\n", "\r") else ": "
        else:
            new = _ASCII[mark]
        edits.append(Edit(match.start(), match.end(), new))
    return edits

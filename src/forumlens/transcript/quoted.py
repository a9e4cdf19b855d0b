"""Captions quoted in an e-mail or a list archive: every line behind the quote prefix `> `.

A message that quotes part of a caption file puts `> ` before each quoted line, so a marker is
`> >> MODERATOR:` and the rules see a `>` and a space before it (or read `> >` as a marker
spread by a PDF and keep a stray `>` in the label). The view (`view.py`) reads the quote
prefix opening a line as nothing, so the quoted captions read as they were sent; the turns are
cut from the source again.

Told from the lines: at least two lines open with `> ` and plain text (a re-wrapped quoted
line, `> at the back, please.`), which a `> >` marker spread by a PDF never does. A `>>` is a
marker, never a prefix.
"""

from __future__ import annotations

import re
from itertools import islice

from .view import Edit

__all__ = ["quote_edits"]

# A quote prefix: `>` then a space, at a line start, not part of a `>>` marker.
_PREFIX = re.compile(r"^[ \t]*>[ \t](?=[ \t]*\S)", re.MULTILINE)
# A quoted line of plain text: the prefix, then no marker.
_PLAIN = re.compile(r"^[ \t]*>[ \t]+(?![>\u00bb])\S", re.MULTILINE)
_LEAST = 2


def quote_edits(text: str) -> list[Edit]:
    """The quote prefix of each line read as nothing, when the text quotes lines (see above)."""
    if "\n> " not in text and not text.startswith("> "):
        return []  # the common case (a `>>` caption file has none), found without a regex
    if sum(1 for _ in islice(_PLAIN.finditer(text), _LEAST)) < _LEAST:
        return []
    return [Edit(m.start(), m.end(), "") for m in _PREFIX.finditer(text)]

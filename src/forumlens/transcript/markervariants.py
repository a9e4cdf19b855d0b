"""Turn markers mangled on the way through a PDF or a word processor: `»`, `> >`, `>>>`.

Converting a caption file to PDF and back, or typing it into a word processor with
"smart" replacement, turns the `>>` marker into a right guillemet `»` (with or without a space
before the label: `»MODERATOR:`), spreads it into `> >`, or triples it (`>>>`, which the
parse rules already read as `>>`). The view (`view.py`) writes each variant opening a line
as `>>`, so every rule that knows `>>` reads these files too.

Only at a line start (after any indentation), and only when two or more lines open with a
variant: a `»` closing a French quotation (`« … »`) sits inside a line, and one line opening
with `> >` may be a quoted e-mail line.
"""

from __future__ import annotations

import re

from .view import Edit

__all__ = ["marker_edits"]

# A variant marker at a line start: a guillemet (then a space or the label glued on), or two
# `>` with spaces between; never a `>>` (read as it is) and never followed by a line break.
_VARIANT = re.compile(r"^[ \t]*(\u00bb|>[ \t]+>)(?=[ \t]*\S)", re.MULTILINE)
# The same after a line break: a literal first character, which the regex engine scans for
# quickly (a pattern opening with `^` is tried at every offset).
_LINE_OPENING = re.compile(r"\n[ \t]*(\u00bb|>[ \t]+>)(?=[ \t]*\S)")
_LEAST = 2


def marker_edits(text: str) -> list[Edit]:
    """`>>` for each marker variant opening a line, when two or more lines open with one."""
    first = _VARIANT.match(text)
    found = ([first] if first else []) + list(_LINE_OPENING.finditer(text))  # one quick scan
    if len(found) < _LEAST:
        return []
    edits = []
    for match in found:
        after = text[match.end(1) : match.end(1) + 1]
        new = ">>" if after in (" ", "\t") else ">> "  # "»MODERATOR:" reads as ">> MODERATOR:"
        edits.append(Edit(match.start(1), match.end(1), new))
    return edits

"""Printed hearings: an indented paragraph opening with `Mr. Surname. ` starts that speaker's turn.

A government printing office prints a committee hearing as plain text: each speaker's paragraph
is indented and opens with the speaker's title and surname and a full stop (`    Mr. Jo. The
subcommittee will come to order.`, `    Senator Li. Thank you.`, `    The Chairman. Without
objection…`), a paragraph without one goes on with the speaker before. The full stop is no
colon, so the label rules would read these labels as speech: the view (`view.py`) writes a colon
for the full stop, so the rules see `Mr. Jo: The subcommittee…`; the turns are cut from the
source, so a citation keeps the full stop as printed.

A file is printed this way when it shows the layout by its regularity, not a name list: no `>>`
markers, at least three indented paragraphs opening with a title (`speakers.title_word`) and a
capitalised surname, or `The` and a role, then a full stop and a capital, and at least one such
label recurring. A narrative paragraph that starts `Mr. Jo. ` once in a caption file is no layout.
"""

from __future__ import annotations

import re
from collections import Counter

from .labelwords import GENERIC_LABELS, is_title
from .view import Edit

__all__ = ["printed_label_edits"]

# An indented paragraph start: a title and a capitalised surname (perhaps hyphenated), or `The`
# and a role word, then the full stop and the speech, which opens with a capital or a bracket.
_OPENING = re.compile(
    r"^[ \t]{2,}(?P<label>(?P<title>[A-Z][a-z]{1,12}\.?)[ \t](?P<name>[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*))"
    r"(?P<stop>\.)[ \t]+(?=[A-Z\[\"“])",
    re.MULTILINE,
)
_LEAST = 3  # paragraph openings in the file


def _is_label(title: str, name: str) -> bool:
    """`Mr. Jo`, `Senator Li`, `The Chairman`: a title before a surname, or `The` before a role."""
    if title == "The":
        return name.lower() in GENERIC_LABELS or is_title(name)
    return is_title(title) and not is_title(name)


def printed_label_edits(text: str) -> list[Edit]:
    """A colon for the full stop after each paragraph-opening label of a printed hearing; []
    when the file is not one (see the module doc)."""
    if ">>" in text or "." not in text:
        return []
    found = [m for m in _OPENING.finditer(text) if _is_label(m.group("title"), m.group("name"))]
    if len(found) < _LEAST:
        return []
    counts = Counter(m.group("label") for m in found)
    if max(counts.values()) < 2:
        return []
    return [Edit(m.start("stop"), m.end("stop"), ":") for m in found]

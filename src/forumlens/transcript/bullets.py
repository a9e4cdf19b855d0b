"""Notes written as a bulleted list, one bullet a speaker: `- Jo Li: asks about funding`.

Shared notes of a session (a collaborative editor's pad, a wiki page, an e-mailed summary)
give each intervention a bullet at the line start (`-`, `*`, `•`, `–`), the speaker's label,
a colon and the notetaker's words, with indented sub-bullets that go on with the same
intervention. The bullet is furniture, no part of the label: the view (`view.py`) reads each
top-level bullet without it, so the label rules see `Jo Li:` at the line start, and an
indented sub-bullet (not read as a label: it opens with its bullet) goes on with the turn.

A file is such notes when the bullet is its structure, not a list inside a speech: at least
three top-level bullets open with a label and a colon (`speakers.looks_like_label`), and they are most of
the file's top-level bullets. A speaker's list of points (`- the mandate`, `- the funding`)
has no labels, so it is left as it is.
"""

from __future__ import annotations

import re

from .clock import label_colon
from .speakers import looks_like_label
from .view import Edit

__all__ = ["bullet_edits"]

# A top-level bullet: a dash, star or bullet character at the line start, then spaces.
_BULLET = re.compile(r"^[-*•–][ \t]+(?=\S)", re.MULTILINE)
_LEAST = 3
_SHARE = 0.6  # of the top-level bullets, the share that open with a label
_LABEL_MAX = 80


def bullet_edits(text: str) -> list[Edit]:
    """The deletion of each top-level bullet, when the file's bullets open with labels; [] else."""
    if "- " not in text and "* " not in text and "• " not in text and "– " not in text:
        return []  # the common case, found without a regex
    found = list(_BULLET.finditer(text))
    if len(found) < _LEAST:
        return []
    labelled = 0
    for m in found:
        end = text.find("\n", m.end())
        colon = label_colon(text, m.end(), end if end != -1 else len(text))
        labelled += 0 < colon - m.end() <= _LABEL_MAX and looks_like_label(text[m.end() : colon])
    if labelled < _LEAST or labelled < _SHARE * len(found):
        return []
    return [Edit(m.start(), m.end(), "") for m in found]

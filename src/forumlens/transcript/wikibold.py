"""Wiki source with bold labels: `'''Jo Li:''' text`, `'''Jo Li''' (Ministry of ICT): text`.

Meeting notes kept on a wiki and copied as wiki source (MediaWiki markup) mark each speaker in
bold with triple apostrophes, the colon inside or after the bold, and indent a continuation
paragraph with a leading colon (`: The first point…`). The rules read `Jo Li:` at a line start,
but not inside apostrophes, and a leading `:` would read as an empty label. In a file where at
least `_LEAST` lines open with a bold run, the view (`view.py`) reads those apostrophes as
nothing, and the indent colons of the lines in between as a space, so the rules read the labels
and the continuations stay in the turn. Italics (`''…''`) are left as written: speech or notes.
"""

from __future__ import annotations

import re

from .view import Edit

__all__ = ["wiki_bold_edits"]

_LEAST = 3
# A line opening with a bold run: the apostrophes, up to 80 characters, the apostrophes again.
_BOLD = re.compile(r"^([ \t]*)(''')(?!')([^'\n]{1,80}?)(''')", re.MULTILINE)
# A wiki indent: one or more colons opening a line.
_INDENT = re.compile(r"^:+", re.MULTILINE)


def wiki_bold_edits(text: str) -> list[Edit]:
    """The bold marks of the label lines and the indent colons read as nothing; [] for a text
    with fewer than `_LEAST` bold-opened lines (see the module doc)."""
    if "'''" not in text:
        return []
    bold = list(_BOLD.finditer(text))
    if len(bold) < _LEAST:
        return []
    edits = []
    for m in bold:
        edits.append(Edit(m.start(2), m.end(2), ""))
        edits.append(Edit(m.start(4), m.end(4), ""))
    edits += [Edit(m.start(), m.end(), " " * (m.end() - m.start())) for m in _INDENT.finditer(text)]
    return edits

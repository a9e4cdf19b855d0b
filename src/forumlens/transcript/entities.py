"""HTML character references left in a scraped transcript: `&gt;&gt; CHAIR:` is `>> CHAIR:`.

A transcript copied out of a web page's source, or scraped by a tool that stripped the tags
but not the escaping, holds its marks as entities: every `>>` marker is `&gt;&gt;`, and
speeches carry `&amp;`, `&quot;`, `&nbsp;`, `&ndash;`. The view (`view.py`) reads them decoded
(`html.unescape`, one reference at a time, so each keeps its source span), and the turns are
cut from the source as written. A text is taken to hold references as text when two or more
decode to something else (one `&amp;` in a speech may be the speaker's own); a reference that
would decode to a line break is left alone, since a view keeps the source's lines.
"""

from __future__ import annotations

import html
import re

from .view import Edit

__all__ = ["entity_edits"]

# A named, decimal or hexadecimal character reference, with its closing semicolon.
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_LEAST = 2


def entity_edits(text: str) -> list[Edit]:
    """The decoding of each character reference in `text`, when it holds two or more; [] else."""
    if "&" not in text:
        return []  # the common case, found without a regex
    edits = []
    for ref in _REFERENCE.finditer(text):
        decoded = html.unescape(ref.group())
        if decoded != ref.group() and "\n" not in decoded and "\r" not in decoded:
            edits.append(Edit(ref.start(), ref.end(), decoded))
    return edits if len(edits) >= _LEAST else []

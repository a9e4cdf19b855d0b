"""Markup left around the words of a transcript: `<p><b>CHAIR:</b> Good morning.</p>`.

Three exports keep their markup in a text the parse reads:

- a web page saved or copied as source: `<p>`, `<b>`/`<strong>` around a label, `<br />`,
  `<i>(Applause)</i>`, a `<div>` around it all;
- a TTML (DFXP) caption file: `<?xml …?>`, `<tt>`, `<head>`, `<styling>`, `<body>`, one
  `<p begin="…" end="…">` a cue, `<span tts:fontStyle="italic">`, `<br/>` inside a cue;
- a subtitle file with the broadcaster's formatting: `<i>`, `<b>`, `<font color="…">` around a
  label or a cue, a position or style override `{\\an8}`, `{\\i1}…{\\i0}` (SRT, ASS).

None of it is speech, and it hides the marks the rules read (`<b>>> MODERATOR:</b>` opens a
line with `<`, `<font …>JO LI:</font>` puts a tag before the label). The view (`view.py`) reads
each tag as nothing and a line-break tag as a space, so a `<p>` line reads as the paragraph it
shows; the turns are cut from the source again. A text is taken to hold markup when two or
more tags of the elements these exports use occur in it (one `<b>` may be quoted in a speech);
an angle-bracket note (`<inaudible>`, `<laughter>`) names no such element and stays, and so does a
WebVTT voice span `<v Jo Li>`, which `cues.py` reads as the label.
"""

from __future__ import annotations

import re

from .view import Edit

__all__ = ["markup_edits"]

# The elements of HTML text, TTML captions and subtitle styling (never `v`: a WebVTT voice).
_ELEMENTS = (
    "a|abbr|address|article|aside|b|big|blockquote|body|br|c|caption|center|cite|code|dd|del|div|dl|"
    "dt|em|figcaption|figure|font|footer|h[1-6]|head|header|hr|html|i|img|ins|label|layout|li|link|"
    "main|mark|meta|metadata|nav|ol|p|pre|q|region|ruby|rt|s|section|small|span|strike|strong|style|"
    "styling|sub|sup|table|tbody|td|tfoot|th|thead|time|title|tr|tt|u|ul|wbr"
)
# A start, end or empty tag of one of those elements (attributes on one line), an XML
# declaration or processing instruction, a doctype, a comment on one line, or a subtitle
# override block `{\an8}`.
_TAG = re.compile(
    rf"</?(?:{_ELEMENTS})(?:[ \t][^<>\n]*)?/?>|<\?[^<>\n]*\?>|<![^<>\n]*>|\{{\\[^{{}}\n]*\}}",
    re.IGNORECASE,
)
_BREAK = re.compile(r"<br\b", re.IGNORECASE)
_LEAST = 2


def markup_edits(text: str) -> list[Edit]:
    """Each markup tag in `text` read as nothing (a line-break tag as a space), when it holds
    two or more; [] else."""
    if "<" not in text and "{\\" not in text:
        return []  # the common case, found without a regex
    edits = []
    for tag in _TAG.finditer(text):
        edits.append(Edit(tag.start(), tag.end(), " " if _BREAK.match(tag.group()) else ""))
    return edits if len(edits) >= _LEAST else []

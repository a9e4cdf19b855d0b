"""Markup left around the words of a transcript: `<p><b>CHAIR:</b> Good morning.</p>`.

Three exports keep their markup in a text the parse reads:

- a web page saved or copied as source: `<p>`, `<b>`/`<strong>` around a label, `<br />`,
  `<i>(Applause)</i>`, a `<div>` around it all;
- a TTML (DFXP) caption file: `<?xml …?>`, `<tt>`, `<head>`, `<styling>`, `<body>`, one
  `<p begin="…" end="…">` a cue, `<span tts:fontStyle="italic">`, `<br/>` inside a cue;
- a subtitle file with the broadcaster's formatting: `<i>`, `<b>`, `<font color="…">` around a
  label or a cue, a position or style override `{\\an8}`, `{\\i1}…{\\i0}` (SRT, ASS), a Spruce
  STL style toggle `^I`, `^B`, `^U` (`^I>> (Applause)^I`).

None of it is speech, and it hides the marks the rules read (`<b>>> MODERATOR:</b>` opens a
line with `<`, `<font …>JO LI:</font>` puts a tag before the label). The view (`view.py`) reads
each tag as nothing and a line-break tag as a space, so a `<p>` line reads as the paragraph it
shows; the turns are cut from the source again. A text is taken to hold markup when two or
more tags of the elements these exports use occur in it (one `<b>` may be quoted in a speech);
an angle-bracket note (`<inaudible>`, `<laughter>`) names no such element and stays, and so does a
WebVTT voice span `<v Jo Li>`, which `cues.py` reads as the label.

A caption format may add elements of its own (RealText: `<window …>`, `<time begin="…"/>`,
`<clear/>`). In a text that holds markup by the test above, an empty-element tag (`<clear/>`)
of any name and the tags of any element the text closes (`</window>`) are markup too: a note
in angle brackets is never written self-closed, nor closed.
"""

from __future__ import annotations

import re

from .view import Edit

__all__ = ["break_spans", "markup_edits", "markup_spans"]

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
    two or more; [] else. Spruce STL toggles too (`_toggle_edits`)."""
    toggles = _toggle_edits(text)
    if "<" not in text and "{\\" not in text:
        return toggles  # the common case, found without a regex
    return toggles + _tag_edits(text)


# A Spruce STL subtitle's style toggle: `^I` italic, `^B` bold, `^U` underline (on, then off).
_TOGGLE = re.compile(r"\^[IBU]")


def _toggle_edits(text: str) -> list[Edit]:
    """Each Spruce STL style toggle read as nothing, when the text holds two or more (a toggle
    is switched on and off again: `^I>> (Applause)^I`); [] else."""
    if "^" not in text:
        return []
    found = [Edit(m.start(), m.end(), "") for m in _TOGGLE.finditer(text)]
    return found if len(found) >= _LEAST else []


def _tag_edits(text: str) -> list[Edit]:
    """Each markup tag read as nothing (see `markup_edits`), when there are two or more."""
    edits = []
    for tag in _TAG.finditer(text):
        edits.append(Edit(tag.start(), tag.end(), " " if _BREAK.match(tag.group()) else ""))
    if len(edits) < _LEAST:
        return []
    known = {e.start for e in edits}
    found = [m for m in _ANY_TAG.finditer(text) if m.start() not in known]
    closed = {m.group("name").lower() for m in found if m.group().startswith("</")} - {"v"}
    for m in found:
        if (m.group().endswith("/>") and m.group("name").lower() != "v") or m.group("name").lower() in closed:
            edits.append(Edit(m.start(), m.end(), ""))
    return edits


# Any start or end tag on one line: `<text start="5.05" dur="3.67">`, `</text>`.
_ANY_TAG = re.compile(r"</?(?P<name>[A-Za-z][\w:.-]*)(?:[ \t][^<>\n]*)?/?>")


def markup_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of markup tags between caption lines in `text`: `</text>` and
    `<text start="5.05" …>` around a line break, a `<p>` opening a line, a `</p>` ending the
    text. Tags of the elements above count when the text holds two or more; a tag of any
    element the text closes (a timed-text track's `<text>`) always counts, as a closing tag is
    never speech. A turn's text keeps its tags (it is an exact slice); the sentence splitter
    skips these runs, so no sentence quotes a tag. Tags inside a line (`<b>not</b>`, a `<br>`
    before more words) are left, as cutting there would cut a sentence; an angle-bracket note
    (`<inaudible>`) is never closed and stays."""
    if "<" not in text:
        return []
    found = list(_ANY_TAG.finditer(text))
    closed = {m.group("name").lower() for m in found if m.group().startswith("</")}
    tags = [m for m in found if m.group("name").lower() in closed or _TAG.fullmatch(m.group())]
    if len(tags) < _LEAST and not closed:
        return []
    runs: list[list[int]] = []  # [start, end, opens a line]
    for tag in tags:
        if runs and not text[runs[-1][1] : tag.start()].strip():
            between = text[runs[-1][1] : tag.start()]
            runs[-1][1] = tag.end()
            runs[-1][2] |= "\n" in between
        else:
            line_start = text.rfind("\n", 0, tag.start()) + 1
            runs.append([tag.start(), tag.end(), int(not text[line_start : tag.start()].strip())])
    return [(a, b) for a, b, opens in runs if opens or not text[b:].strip()]  # or ends the text


# A line-break tag and the sentence end before it (closing quotes or brackets allowed).
_LINE_BREAK = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.?!…][\"'”’)\]]*[ \t]*$")


def break_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each `<br>` that follows a sentence end ("Thank you.<br>We start"): a
    caption line break written as markup, where cutting cuts no sentence, so the sentence
    splitter ends the sentence there and no quote holds the tag. One tag is enough (unlike
    `markup_spans`): a `<br>` is never speech. A `<br>` inside a sentence stays (see above)."""
    if "<" not in text:
        return []
    return [
        (m.start(), m.end())
        for m in _LINE_BREAK.finditer(text)
        if _ENDS_SENTENCE.search(text, max(0, m.start() - 8), m.start())
    ]

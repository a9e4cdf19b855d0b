"""LaTeX source of a session record: a speaker macro opening each turn (`\\fala{Jo Li} Good …`).

An edited record kept for a printed book or a report is often LaTeX source: each turn opens with
a macro the editor defined for the speaker (`\\speaker{Jo Li}`, `\\fala{Chair}`), a bold label
(`\\textbf{Jo Li:}`) or a description-list item (`\\item[Jo Li]`), the speech after it on the line;
around the turns sit `%` comments, the preamble and sectioning commands. None of those marks is a
label shape the caption rules read.

The macro is learned from the file, never from a list of names: the command that opens at least
`_LEAST` lines, each with its argument short enough for a label and speech after it, and that is
not one of LaTeX's own structure commands (`\\section`, `\\label`, …). The view (`view.py`)
writes each such opening as `Label:` (markup and accent commands in the label resolved:
`Jo\\~ao` is `João`), and reads comment lines and structure-command lines as nothing, so the
rules read an ordinary `NAME:` transcript; turns are cut from the source again.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .view import Edit

__all__ = ["latex_label_edits", "plain_latex"]

# A command opening a line, its label argument in braces or square brackets, speech after it.
_OPENING = re.compile(
    r"^[ \t]*\\([A-Za-z]+)\*?(?:\{([^{}\n]{1,100})\}|\[([^\[\]\n]{1,100})\])[ \t~]*(?=\S)", re.MULTILINE
)
# LaTeX's own structure and preamble commands: they open lines of every document, never a turn.
_STRUCTURE = frozenset(
    [
        "documentclass",
        "usepackage",
        "input",
        "include",
        "chapter",
        "section",
        "subsection",
        "subsubsection",
        "paragraph",
        "subparagraph",
        "part",
        "label",
        "caption",
        "begin",
        "end",
        "title",
        "author",
        "date",
        "newcommand",
        "renewcommand",
        "providecommand",
        "def",
        "setlength",
        "vspace",
        "hspace",
        "index",
        "includegraphics",
        "bibliography",
        "bibliographystyle",
    ]
)
# Commands that mark up words inside speech: never the speaker macro, and a line they open is speech.
_INLINE = frozenset(["emph", "textit", "textsl", "footnote", "url", "href", "cite", "ref"])
_STRUCTURE_LINE = re.compile(r"^[ \t]*\\([A-Za-z]+)\b[^\n]*$", re.MULTILINE)
_COMMENT = re.compile(r"^[ \t]*%[^\n]*$", re.MULTILINE)
_LEAST = 3
# Accent commands and the combining mark each one puts on the next letter (`\~a` is `ã`).
_ACCENTS = {"~": "\u0303", "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "c": "\u0327", "v": "\u030c"}
_ACCENT = re.compile(r"""\\([~'`^"]|[cv](?=\{|\s))\s*\{?([A-Za-z])\}?""")
_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*")


def plain_latex(label: str) -> str:
    """`label` with accent commands resolved, other commands and braces dropped, `\\&` as `&`."""
    text = _ACCENT.sub(lambda m: m.group(2) + _ACCENTS[m.group(1)], label)
    text = text.replace("\\&", "&").replace("~", " ")
    text = _COMMAND.sub("", text).replace("{", "").replace("}", "")
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _speaker_macro(openings: list[re.Match[str]]) -> str | None:
    """The command the file opens its turns with, or None (see the module doc)."""
    counts = Counter(m.group(1) for m in openings if m.group(1) not in _STRUCTURE | _INLINE)
    if not counts:
        return None
    macro, n = counts.most_common(1)[0]
    return macro if n >= _LEAST else None


def latex_label_edits(text: str) -> list[Edit]:
    """Each speaker-macro opening written as `Label:`, comment and structure lines read as
    nothing; [] when the file is not LaTeX with a speaker macro (see the module doc)."""
    if "\\" not in text:
        return []  # the common case, found without a regex
    openings = list(_OPENING.finditer(text))
    macro = _speaker_macro(openings)
    if macro is None:
        return []
    edits = []
    for m in openings:
        if m.group(1) != macro:
            continue
        label = plain_latex(m.group(2) if m.group(2) is not None else m.group(3))
        if not label:
            continue
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        edits.append(Edit(start, m.end(), (label if label.endswith(":") else label + ":") + " "))
    for comment in _COMMENT.finditer(text):
        edits.append(Edit(comment.start(), comment.end(), ""))
    for line in _STRUCTURE_LINE.finditer(text):
        if line.group(1) in _STRUCTURE:
            edits.append(Edit(line.start(), line.end(), ""))
    return edits

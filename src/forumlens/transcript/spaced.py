"""Labels set in letter-spaced capitals, copied from a PDF: `M S .   J O   L I :   Thank you`.

A typeset transcript may set its speaker labels with tracking; copied as text, every letter of
the label is followed by a space and words by three, while the speech after it reads normally.
The rules see single letters, no label. The view (`view.py`) reads each letter-spaced run that
opens a line (after any `>>`) joined: the letters without their spaces, a wider gap as one
space (`MS. JO LI:`); the turns are cut from the source again.

A run is three or more single characters each followed by one space, up to its colon; it counts only when two or
more lines of the file open with one (a letter-spaced heading alone is left as it is).
"""

from __future__ import annotations

import re

from .view import Edit

__all__ = ["spaced_edits"]

# Single characters, one space between (`O Y U N`), three or more in a run.
_WORD = r"\S(?: \S){2,}(?!\S)"
# A line opening (after indentation and any `>>`) with letter-spaced words, wider gaps between.
_RUN = re.compile(rf"^[ \t]*(?:>>[ \t]*)?(?P<run>{_WORD}(?:[ \t]{{2,4}}\S(?: \S)+(?!\S))*)", re.MULTILINE)
# A run ends at its colon: `C H A I R :   A good question` is `CHAIR:` before the speech.
_COLON_END = re.compile(r"^.*?:(?= |$)")
_GAP = re.compile(r"[ \t]{2,}")
# A cheap test first: some line opens with three spaced single characters (a pattern opening
# with a literal line break is scanned for quickly; one opening with `^` is tried everywhere).
_OPENING = re.compile(r"\n[ \t]*(?:>>[ \t]*)?\S \S \S")
_LEAST = 2


def _joined(run: str) -> str:
    """`M S .   J O   L I :` read as `MS. JO LI:`."""
    return " ".join(word.replace(" ", "") for word in _GAP.split(run))


def spaced_edits(text: str) -> list[Edit]:
    """Each letter-spaced run opening a line, joined, when two or more lines open with one."""
    if _OPENING.search(text) is None and _RUN.match(text) is None:
        return []
    runs = [m for m in _RUN.finditer(text) if len(m.group("run")) >= 5]
    if len(runs) < _LEAST:
        return []
    edits = []
    for m in runs:
        run = _COLON_END.match(m.group("run"))
        end = m.start("run") + (run.end() if run else len(m.group("run")))
        edits.append(Edit(m.start("run"), end, _joined(text[m.start("run") : end])))
    return edits

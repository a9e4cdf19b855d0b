"""Social pages copied as text: a head line above each post names its author, the post below.

A microblog's search page and a discussion site's comment thread, selected and copied from the
browser, write each post under a head line that holds the author and the post's furniture:
`Jo Li ‏@joli 6 Nov` (the display name, a right-to-left mark, the handle, the date) and
`[–]jo_li 148 points 7 hours ago` (a collapse control, the username, the score, the age, perhaps
`[S]` for the thread's submitter or `[M]` for a moderator). The handle, the date, the score, the
age and the marks are no part of the label or the speech; a username joins the words of a name
with underscores (`speakers.display_name` reads `Jo_Li` as `Jo Li`), and an account that is no
name (`milpa_del_norte`, `igf12_remote`) is a handle, no person (`ExportMarks.handles`). A
deleted comment's head (`[–][deleted] …`) has no author and is no turn.

The page's action lines (`Expand`, `View conversation`, `permalink … reply`) are the same line
repeated under many posts: a line written three or more times in the file, never a head, is
furniture, trimmed from the end of the turn it closes. The file states its turns (`exportmarks.py`):
consecutive posts of one author are one turn.

Told from the lines: three or more head lines of one of the two shapes, an author coming back.
"""

from __future__ import annotations

import re
from collections import Counter

from .exportmarks import ExportMarks, head_line_mark, voice_changes

__all__ = ["read_post_heads"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DATE = rf"(?:\d{{1,2}}[ \t]+{_MONTH}(?:[ \t]+\d{{2,4}})?|{_MONTH}[ \t]+\d{{1,2}}(?:,[ \t]+\d{{4}})?|\d{{1,2}}[smhd])"
_AGE = r"\d{1,3}[ \t]+(?:second|minute|hour|day|week|month|year)s?[ \t]+ago"
_HEADS = (
    # a microblog: display name, perhaps a direction mark, `@handle`, the date
    re.compile(
        rf"^(?P<name>[^\W\d_@][^\n@]{{0,59}}?)[ \t\u200e\u200f]*@\w{{1,30}}[ \t]+{_DATE}[ \t\r]*$", re.MULTILINE
    ),
    # a discussion site: a collapse control, the username, marks, the score and the age
    re.compile(
        rf"^\[[–-]\](?P<name>[\w-]{{2,40}})(?:\[[A-Z+]\])*[ \t]+-?\d+[ \t]+points?[ \t]+{_AGE}\*?[ \t\r]*$",
        re.MULTILINE,
    ),
)
_LEAST = 3
_REPEATED = 3  # a line written this often is the page's furniture


def read_post_heads(text: str) -> ExportMarks | None:
    """The turns of a copied social page (see the module doc); None for any other text."""
    if "@" not in text and "[" not in text:
        return None
    for head in _HEADS:
        found = list(head.finditer(text))
        names = [m.group("name").strip() for m in found]
        if len(found) >= _LEAST and len(set(names)) < len(names):
            return _marks(text, found, names)
    return None


def _marks(text: str, found: list[re.Match[str]], names: list[str]) -> ExportMarks:
    """The turns under the head lines `found`, the repeated action lines trimmed as furniture."""
    heads = {m.start() for m in found}
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]+", text)]
    counts = Counter(line for _, _, line in lines)
    skip = tuple((a, b) for a, b, line in lines if counts[line] >= _REPEATED and a not in heads)
    marks = (head_line_mark(text, m, name) for m, name in zip(found, names, strict=True))
    return ExportMarks(voice_changes(marks), found[0].start(), skip=skip, handles=True)

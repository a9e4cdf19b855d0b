"""A web forum thread copied as text (phpBB and its kin): one turn per post, the poster its label.

Remote participants of the early forums asked their questions on a bulletin board; a `View topic`
page selected and copied keeps each post's author block around the post text:

- the classic layout (phpBB 2 and kin): the username alone on a line, perhaps a rank line
  (`Site Admin`), then the profile lines `Joined: <date>` and `Posts: <n>`, the post header
  (`PostPosted: <date>  Post subject: …`, on the `Posts:` line after a tab or on a line of its own),
  the post text, and a `Back to top` footer line;
- the newer layout (phpBB 3, its kin): the post's subject line, a head line `by NAME » <date>`
  or `Post by NAME » <date>` above the post text, the profile lines (`Posts:`, `Joined:`, `Location:`) and a `Top` footer
  after it.

The username is the first line after the previous post's footer (or after the page's
`Author  Message` table head), else the line right above the profile lines. The profile lines,
the post header, the next post's subject line and the footer are no speech (`ExportMarks.skip` trims them from a post's end); a
quote inside a post (`Jo Li wrote:` and the quoted lines) is part of the post, no turn of its own.
A thread needs two posts by these shapes; a poster's account name in one lower-case word
(`lagosreader`) is a handle, no person (`ExportMarks.handles`).
"""

from __future__ import annotations

import re

from .exportmarks import ExportMarks, Mark

__all__ = ["read_forum_posts"]

_LEAST = 2
_JOINED = re.compile(r"^[ \t]*Joined:[ \t]*\S[^\n]*$", re.MULTILINE)
_POSTS = re.compile(r"[ \t]*Posts:[ \t]*[\d,.]+\b")
_POSTED = re.compile(r"\b(?:Post)?Posted:[ \t]*\S")
_BY_HEAD = re.compile(
    r"^[ \t]*(?:Post[ \t]+)?by[ \t]+(?P<name>[^\n\u00bb]{1,60}?)[ \t]+\u00bb[ \t]*\S[^\n]*$", re.MULTILINE
)
_FOOTER = re.compile(r"^[ \t]*(?:Back[ \t]+to[ \t]+top\b[^\n]*|Top[ \t\r]*)$", re.MULTILINE)
_TABLE_HEAD = re.compile(r"^[ \t]*Author[ \t]+Message[ \t\r]*$", re.MULTILINE)
_PROFILE = re.compile(r"^[ \t]*(?:Joined|Posts|Location|Rank|Status):[^\n]*$", re.MULTILINE)
_PROFILE_LINES = 3  # the profile lines after a username: a rank, `Joined:`, `Posts:`


def read_forum_posts(text: str) -> ExportMarks | None:
    """The posts of a copied forum thread (see the module doc); None for any other text."""
    if "Joined:" not in text and "\u00bb" not in text:
        return None  # one cheap test: neither layout's mark is in the text
    marks = _classic_posts(text)
    subjects: list[tuple[int, int]] = []
    if not marks:
        marks = _by_head_posts(text)
        subjects = [_line_above(text, m.at) for m in marks]  # the post's subject line above its head
    if len(marks) < _LEAST:
        return None
    furniture = [(m.start(), m.end()) for pattern in (_FOOTER, _PROFILE) for m in pattern.finditer(text)]
    skip = sorted(set(furniture + [span for span in subjects if span[0] < span[1]]))
    return ExportMarks(tuple(marks), marks[0].at, skip=tuple(skip), handles=True)


def _line_above(text: str, at: int) -> tuple[int, int]:
    """The (start, end) span of the line before the one starting at `at` (empty at the top)."""
    if at == 0:
        return (0, 0)
    return (text.rfind("\n", 0, at - 1) + 1, at - 1)


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The non-blank lines of text[start:end] with their offsets."""
    found, at = [], start
    for line in text[start:end].split("\n"):
        if line.strip():
            found.append((at, line))
        at += len(line) + 1
    return found


def _classic_posts(text: str) -> list[Mark]:
    """Posts under an author block: username, rank, `Joined:` and `Posts:` lines, `Posted:` header."""
    bounds = [m.end() for m in _FOOTER.finditer(text)] + [m.end() for m in _TABLE_HEAD.finditer(text)]
    marks: list[Mark] = []
    for joined in _JOINED.finditer(text):
        after = _lines(text, joined.end() + 1, len(text))[:2]
        posts = next(((at, line) for at, line in after if _POSTS.match(line)), None)
        if posts is None:
            continue  # a `Joined:` line with no post count is no author block
        block_start = max((b for b in bounds if b <= joined.start()), default=-1)
        before = _lines(text, max(block_start, marks[-1].body if marks else 0, 0), joined.start())
        if not before:
            continue
        author = before[0] if block_start >= 0 and len(before) <= _PROFILE_LINES else before[-1]
        if _POSTED.search(author[1]) or _PROFILE.match(author[1]):
            continue
        head = next(((at, line) for at, line in [posts, *after] if _POSTED.search(line)), posts)
        body = text.find("\n", head[0])
        marks.append(Mark(author[0], body + 1 if body != -1 else len(text), author[1].strip()))
    return marks


def _by_head_posts(text: str) -> list[Mark]:
    """Posts under a `by NAME » date` head line."""
    marks = []
    for head in _BY_HEAD.finditer(text):
        body = text.find("\n", head.end())
        marks.append(Mark(head.start(), body + 1 if body != -1 else len(text), head.group("name").strip()))
    return marks

"""Instant-messenger copies: a `Display name says:` line above each message.

A desktop messenger of the 2000s (MSN/Windows Live Messenger and its kin) copies a conversation
as text with a head line of its own before each message: the sender's display name, then
`says:` (`Jo Li says:` / `hello all`). Display names were decorated by their owners
(`~ Jo Li ~`, `Jo Li [Pune hub]`, `Jo Li - ISOC volunteer`), so the label keeps the name with
the decoration symbols trimmed and a bracketed note written in round brackets, which the name
card rules (`speakers.parse_name_card`) read as no part of the name; an account that never set a
name shows its handle (`arv_mumbai`), no person (`ExportMarks.handles`). The client also writes
lines about a sender in the third person (`Jo Li has joined the conversation.`, `Jo Li may not
reply because …`): a line that opens with a sender's display name and goes on in lower case is
such a system line, never speech of the turn it sits in, trimmed from its end.

Told from the lines, never a file name: three or more head lines ending in `says:`, one sender's
head at least twice, and no `>>` marker (a caption's `Jo Li says:` quoting somebody is speech).
A blog writes its comments' authors the same way, with the post's date on the line below
(`Jo Li says:` / `June 3, 2023 at 9:12 am`): a dated line under most heads leaves the page to the
web comment reader, which takes the date and the `Reply` lines out of the posts.
"""

from __future__ import annotations

import re

from .exportmarks import ExportMarks, head_line_mark, voice_changes
from .webcomments import dated_meta

__all__ = ["read_says_lines"]

_HEAD = re.compile(r"^[ \t]*(?P<head>\S[^\n]{0,79}?)[ \t]+says:[ \t\r]*$", re.MULTILINE)
_DECORATION = re.compile(r"^[^\w\[(]+|[^\w\])]+$")  # symbols an owner put around the name
_LEAST = 3


def _label(head: str) -> str:
    """The head's display name as a label: decoration trimmed, a `[note]` written `(note)`."""
    bare = _DECORATION.sub("", head)
    bare = re.sub(r"[ \t]*[^\w\s\[(]+[ \t]*(?=\[)", " ", bare)  # `~ Jo Li ~ [Pune]`: a symbol before the note
    return re.sub(r"\[([^\[\]]*)\]", r"(\1)", bare).strip()


def read_says_lines(text: str) -> ExportMarks | None:
    """The turns of a messenger copy (see the module doc); None for any other text."""
    if "says:" not in text or ">>" in text:
        return None
    heads = list(_HEAD.finditer(text))
    if len(heads) < _LEAST:
        return None
    below = [text[m.end() + 1 : text.find("\n", m.end() + 1) % (len(text) + 1)] for m in heads]
    if sum(map(dated_meta, below)) * 2 > len(heads):
        return None  # a dated meta line under most heads: a blog's comments (`webcomments.py`)
    labels = [_label(m.group("head")) for m in heads]
    if len(set(labels)) == len(labels) or not all(labels):
        return None  # no sender comes back: a few quotations, no conversation
    names = {m.group("head").strip() for m in heads} | {re.split(r"[ \t]+[-(\[]", x, maxsplit=1)[0] for x in labels}
    system = re.compile(
        rf"^[ \t]*(?:{'|'.join(re.escape(n) for n in sorted(names, key=len, reverse=True))})[ \t]+[a-z][^\n]*$",
        re.MULTILINE,
    )
    skip = tuple((m.start(), m.end()) for m in system.finditer(text, heads[0].start()))
    found = (head_line_mark(text, m, label) for m, label in zip(heads, labels, strict=True))
    return ExportMarks(voice_changes(found), heads[0].start(), skip=skip, handles=True)

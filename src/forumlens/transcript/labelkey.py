"""A transcript's key to its labels: `Mod = moderator; Aud = audience member` above the turns.

A research transcript (a conversation-analysis extract, an interview study) writes short labels
for its turns and explains them once in a key above the first turn, `Label = who` pairs split by
semicolons (`Participants (pseudonyms): Mod = moderator; Meskerem, Abenezer = panellists; Aud =
audience member`). A label that is the short form of a role in that key (`Mod` of `moderator`,
`Aud` of `audience member`: the role starts with the label, or the label is the role's initials)
names a role, no person, whatever its letters would read as; a pseudonym the key places in a group
(`Meskerem … = panellists`) is not short for the group and stays the speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Turn
from .speakers import generic_label

__all__ = ["keyed_roles"]

_PAIR = re.compile(r"(?P<labels>[^\W\d_][^=;:\n]{0,60}?)[ \t]*=[ \t]*(?P<who>[^=;\n]{1,60})")


def _short_for(label: str, role: str) -> bool:
    """Whether `label` abbreviates `role`: its start (`Mod`, `mod.`), or its words' initials (`AM`)."""
    short = label.lower().rstrip(".")
    words = role.lower().split()
    return len(short) >= 1 and (role.lower().startswith(short) or short == "".join(w[0] for w in words))


def keyed_roles(text: str, turns: list[Turn]) -> list[Turn]:
    """`turns` with no speaker where the label is the short form of a role in the file's key
    above the first turn (see the module doc)."""
    if not turns or "=" not in text[: turns[0].start]:
        return turns
    roles: set[str] = set()
    for pair in _PAIR.finditer(text[: turns[0].start]):
        who = pair.group("who").strip().rstrip(".")
        labels = [x.strip() for x in pair.group("labels").split(",")]
        for label in labels:
            if label and generic_label(who) and _short_for(label, who):
                roles.add(label)
    if not roles:
        return turns
    return [replace(t, speaker=None) if t.speaker and (t.label or "").strip() in roles else t for t in turns]

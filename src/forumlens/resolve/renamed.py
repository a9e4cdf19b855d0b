"""A participant who renames themselves in the meeting tool mid-session: ">> Co-host 2: … I am
Tomás, I will help with the chat" then, the very next turn, ">> Tomás Ibarguren (he/him) – Arrasate
Data Coop: OK, now I have a proper name"; ">> Zoom User: … I'm Priyamvada Seshadrinathan …" then
">> Priyamvada R – Chennai Cyber Commons: OK, I renamed myself".

Why: the tool's default or placeholder label ("Zoom User", "Co-host 2", "iPhone") and the name the
speaker then types are two labels of one voice, and label by label they become two people, the
first without a body. Two things together tell a rename from a second person who shares a first
name: the placeholder voice says that first name as its own ("I am Tomás", "I'm Priyamvada …"),
and the new label speaks for the first time in the very next turn, nobody between. The person
keeps the fuller name: the new label's, unless it shortens a word to an initial ("Priyamvada R")
and the placeholder voice said a full name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from forumlens.models import Turn
from forumlens.resolve import cues
from forumlens.resolve.people import LabelGroup, name_key
from forumlens.transcript.speakers import display_name, generic_label

__all__ = ["is_placeholder", "join_renamed"]


def is_placeholder(label: str) -> bool:
    """A label the meeting tool gives before the speaker types a name: its default ("Zoom User",
    "Participant") or a seat or device that reads as no name ("Co-host 2", "iPhone"), not a duty
    ("MODERATOR") or a voice from the floor."""
    bare = label.strip(" .:")
    if cues.ACCOUNT_DEFAULT.fullmatch(bare):
        return True
    return display_name(label) is None and not generic_label(label) and cues.AUDIENCE_LABEL.search(label) is None


def _says_own(text: str, first: str) -> bool:
    """Whether a turn gives `first` (a display name's first word) as the speaker's own name."""
    own = re.compile(
        r"\b(?:I am|I'm|I’m|my name is|my name's|this is|it's|it’s)\s+" + re.escape(first) + r"(?![\w'’-])",
        re.IGNORECASE,
    )
    return own.search(text) is not None


def join_renamed(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Join a voice under a placeholder label to the label it renames itself to (module doc)."""
    speech = [t.index for t in turns if t.kind == "speech"]
    following = dict(pairwise(speech))
    owner = {index: group for group in groups for index in group.turns}
    gone: set[int] = set()
    for group in groups:
        if not group.labels or not all(is_placeholder(lab) for lab in group.labels):
            continue
        for index in group.turns:
            after = following.get(index)
            new = owner.get(after) if after is not None else None
            if new is None or new is group or id(new) in gone or new.name is None or new.turns[0] != after:
                continue
            if any(is_placeholder(lab) for lab in new.labels):
                continue
            first = new.name.split()[0]
            if not _says_own(turns[index].text, first):
                continue
            shortened = any(len(w) == 1 for w in name_key(new.name).split())
            if shortened and group.name and name_key(group.name).split()[0] == name_key(first):
                new.name = group.name
            new.turns = sorted({*new.turns, *group.turns})
            new.labels = [*group.labels, *(lab for lab in new.labels if lab not in group.labels)]
            gone.add(id(group))
            break
    return [g for g in groups if id(g) not in gone]

"""An unmarked turn that chairs: ">> Thank you, Rocío.  Time for one last question, the lady in the
front, briefly please." between a panellist's answer and a floor voice is the chair's.

Why: the captioner, busy with the voice before, drops the chair's label on a short turn, and the
turn becomes an unnamed extra person. What tells the chair's turn, taken together: it is short;
it opens by thanking the speaker just heard by name; it gives the floor into the room (`modes`'
pointing at a seat, "the lady in the front") or to a next voice ("one last question"); the
session has one moderator in the room who chairs (most of the moderators' turns), and the turn
before is not theirs (a chair going on is one turn, not two). Anything else stays unnamed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from forumlens.models import Turn
from forumlens.resolve import modes
from forumlens.resolve.people import LabelGroup, name_key

__all__ = ["join_unmarked_chair_turns"]

_SHORT = 40  # words
_THANKS = re.compile(
    r"\s*(?:thank\s+you|thanks|merci|gracias),?\s+((?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])[\w'’-]+)\s*[.,!]", re.IGNORECASE
)
_NEXT_VOICE = re.compile(
    r"\b(?:(?:one|a|the)\s+(?:last|final|more|next)\s+(?:question|comment|intervention)|"
    r"time\s+for\s+(?:one|a|two|three)\s+(?:last\s+|more\s+|final\s+)?(?:question|comment)s?|"
    r"(?:next|another)\s+(?:question|speaker|hand))\b",
    re.IGNORECASE,
)


def _chairs(text: str) -> bool:
    """Whether a short turn gives the floor: pointing into the room or calling a next voice."""
    return modes.floor_cues(text)[1] > 0 or _NEXT_VOICE.search(text) is not None


def join_unmarked_chair_turns(
    groups: Sequence[LabelGroup], turns: Sequence[Turn], moderators: Collection[str]
) -> list[LabelGroup]:
    """The groups with each unmarked chairing turn joined to the session's one chairing moderator
    (see the module's docstring)."""
    chairs = [g for g in groups if g.name in moderators and g.labels]
    if not chairs:
        return list(groups)
    chair = max(chairs, key=lambda g: len(g.turns))
    if sum(len(g.turns) for g in chairs) > 2 * len(chair.turns) - 1:
        return list(groups)  # no moderator holds most of the chairing
    speech = [t.index for t in turns if t.kind == "speech"]
    owner = {i: g for g in groups for i in g.turns}
    gone: set[int] = set()
    for group in groups:
        if group.name is not None or group.labels or len(group.turns) != 1:
            continue
        index = group.turns[0]
        text = turns[index].text
        k = speech.index(index) if index in speech else 0
        before = owner.get(speech[k - 1]) if k else None
        thanked = _THANKS.match(text)
        if (
            thanked is None
            or before is None
            or before is chair
            or before.name is None
            or name_key(thanked.group(1)) != name_key(before.name).split()[0]
            or len(text.split()) > _SHORT
            or not _chairs(text)
        ):
            continue
        chair.turns = sorted([*chair.turns, index])
        gone.add(id(group))
    return [g for g in groups if id(g) not in gone]

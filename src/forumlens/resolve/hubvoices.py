"""A person who speaks under a remote hub's label and says who she is.

Captioners label every voice of a remote hub with the hub ("REMOTE HUB NAIROBI"), so the
hub's turns may be several people: "My name is Grace Wanjiku from the Kenya ICT Action
Network. Our question is for Carlos" is Grace, a participant from the remote floor, and
whatever she says about herself (her organisation) is hers, not the room's. Left under the
hub she is never named, `people grace` finds nothing and her organisation is dropped
(a hub speaks for no one body).

A turn is told apart when its speaker gives exactly one full name as theirs in so many
words ("my name is", "I am"); the hub keeps the other turns. Left with the hub:

- a hub heard only through one named voice (one turn, "Hello from Kampala. My name is Ruth
  Namutebi …"): that voice is how the room speaks, and taking it away would leave the room
  out of the record (the who's-who annotations give such a turn to the hub);
- a voice that says it runs the hub ("I am Karen, I am moderating the hub here"): the
  hub's moderator speaks for the room (`modes.HUB_DUTY`).

The person keeps the hub as `LabelGroup.hub`: her place, and why she is online.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve import modes
from forumlens.resolve.people import LabelGroup, same_person
from forumlens.resolve.selfnames import own_names

__all__ = ["split_hub_voices"]

_HUB = re.compile(r"\bhub\b", re.IGNORECASE)


def _hub_group(group: LabelGroup) -> bool:
    """A group every label of which names a hub ("REMOTE HUB NAIROBI", "PRAIA HUB")."""
    return bool(group.labels) and group.hub is None and all(_HUB.search(label) for label in group.labels)


def _voices(group: LabelGroup, turns: Sequence[Turn]) -> dict[int, str]:
    """The hub's turns whose speaker names themselves, and the name."""
    owner: dict[int, str] = {}
    for index in group.turns:
        text = turns[index].text
        names = own_names(text)
        if len(names) == 1 and not modes.HUB_DUTY.search(text):
            owner[index] = names[0]
    return owner


def split_hub_voices(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Groups with every self-named voice of a hub's label its own person (joined to the
    group of a speaker of that name, if the session has one); the hub keeps the rest."""
    result = list(groups)
    for group in groups:
        if not _hub_group(group):
            continue
        owner = _voices(group, turns)
        rest = [i for i in group.turns if i not in owner]
        if not owner or not rest:
            continue
        group.turns = rest
        for name in dict.fromkeys(owner.values()):
            mine = [i for i, n in owner.items() if n == name]
            same = next((g for g in result if g.name and g is not group and same_person(name, g.name)), None)
            if same is not None and not _hub_group(same):
                same.turns = sorted([*same.turns, *mine])
                same.labels += [lab for lab in group.labels if lab not in same.labels]
                continue
            result.append(LabelGroup(name, list(group.labels), mine, hub=group.name))
    return sorted(result, key=lambda g: g.turns[0] if g.turns else -1)

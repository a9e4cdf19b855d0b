"""An unmarked turn inside an order the chair called: "one sentence each, Alioune, then Mariana,
Sione and Anahit" … ">> ALIOUNE …:" … ">> The online courses before, …" … ">> SIONE …:": the
unmarked answer is Mariana's.

Why: in a quick round the captioner drops a label (the answer is one line, the next voice is
already speaking), and the turn becomes an unnamed extra person. What tells whose it is, taken
together: the chair named three speakers or more in one turn, in order; the turns after it
follow that order with nobody else between; and the unmarked turn sits where the next name of
the order falls, the speaker after it being the one named after that (or, at the end of the
order, two speakers of it having gone before). A turn outside such a run is left unnamed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_key

__all__ = ["called_order", "name_turns_in_called_order"]

_CAPITALISED = re.compile(r"(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])[\w'’]+")
_LOOK_BACK = 8  # speech turns between the chair's order and the unmarked turn, at most


def called_order(text: str, people: Sequence[LabelGroup]) -> list[LabelGroup]:
    """The people a turn names by their first name (or full name), in the order it first names
    them; a first name two of them share names neither."""
    firsts: dict[str, list[LabelGroup]] = {}
    for group in people:
        if group.name:
            firsts.setdefault(name_key(group.name).split()[0], []).append(group)
    order: list[LabelGroup] = []
    for word in _CAPITALISED.findall(text):  # by the name key: "Lucía" said, "LUCIA" labelled
        holders = firsts.get(name_key(word), [])
        if len(holders) == 1 and len(word) >= 3 and holders[0] not in order:
            order.append(holders[0])
    return order


def name_turns_in_called_order(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """The groups with each unmarked one-turn voice inside a called order joined to the person the
    order puts there (see the module's docstring)."""
    speech = [t.index for t in turns if t.kind == "speech"]
    owner = {i: g for g in groups for i in g.turns}
    named = [g for g in groups if g.name]
    gone: set[int] = set()
    for group in groups:
        if group.name is not None or group.labels or len(group.turns) != 1 or group.turns[0] not in owner:
            continue
        k = speech.index(group.turns[0]) if group.turns[0] in speech else -1
        for back in range(k - 2, max(k - _LOOK_BACK, 0) - 1, -1):
            chair = owner.get(speech[back])
            order = [g for g in called_order(turns[speech[back]].text, named) if g is not chair]
            if len(order) < 3:
                continue
            before = [owner.get(i) for i in speech[back + 1 : k]]
            place = len(before)
            if place >= len(order) or any(b is not o for b, o in zip(before, order, strict=False)):
                break  # the run after the chair's order does not follow it: nobody is told
            after = owner.get(speech[k + 1]) if k + 1 < len(speech) else None
            anchored = after is order[place + 1] if place + 1 < len(order) else place >= 2
            if place >= 1 and anchored:
                target = order[place]
                target.turns = sorted([*target.turns, *group.turns])
                gone.add(id(group))
            break
    return [g for g in groups if id(g) not in gone]

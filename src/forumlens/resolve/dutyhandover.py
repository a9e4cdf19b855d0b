"""Split a duty label whose holder hands the duty on mid-session into one group per holder.

Why: a caption keeps one `>> CHAIR:` (or `>> MODERATOR:`) for whoever holds the duty, so when the
chair leaves and another takes the chair the label stands for two people in sequence. Left as one
group it gives two names and stays unnamed (`selfnames.name_generic_voices`), and every turn of
both holders is scored against nobody. Two signals together tell the hand-over, never a phrase
alone: the label's turns give two own names one after the other (every turn giving the first
before the first turn giving the second: "I am Akinyi …" … "I am Hernán …"), and a turn up to
the second name's first one speaks of the duty changing hands ("I give the chair to …", "will
take this chair", "I am the chair now"). Co-moderators under one label name themselves in
alternation and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, same_person
from forumlens.resolve.selfnames import is_one_holder_label, own_names

__all__ = ["split_handed_duties"]

_DUTY = r"(?:chair|moderation|chairing|chairmanship|facilitation)"
# the duty changing hands, said by the one leaving or the one taking it
_HANDS_OVER = re.compile(
    rf"\b(?:(?:give|giving|gave|hand|handing|handed|pass|passing|passed|leave|leaving|turn|turning)\s+"
    rf"(?:over\s+)?(?:the|this|my)\s+{_DUTY}(?:\s+over)?\s+to"
    rf"|(?:take|taking|took|takes)\s+(?:over\s+)?(?:the|this|my)\s+{_DUTY}"
    rf"|I\s+am\s+the\s+{_DUTY}\s+now)\b",
    re.IGNORECASE,
)


def _holders(group: LabelGroup, turns: Sequence[Turn]) -> tuple[str, str, int] | None:
    """The two holders of a duty label and the position in its turns where the second one's
    first own name is said; None unless exactly two people name themselves, in sequence."""
    people: list[str] = []
    first_at: list[int] = []
    last_at: list[int] = []
    for k, index in enumerate(group.turns):
        text = turns[index].text
        for name in own_names(text, limit=len(text)):
            at = next((j for j, p in enumerate(people) if same_person(name, p)), None)
            if at is None:
                people.append(name)
                first_at.append(k)
                last_at.append(k)
            else:
                last_at[at] = k
    if len(people) != 2 or last_at[0] >= first_at[1]:
        return None
    return people[0], people[1], first_at[1]


def split_handed_duties(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """One group per holder of a duty label handed on mid-session (module docstring): the turns
    before the second holder's first self-introduction are the first holder's, the rest the
    second's, each group under the label and still unnamed (`name_generic_voices` names them)."""
    result: list[LabelGroup] = []
    for group in groups:
        holders = (
            _holders(group, turns)
            if group.name is None and group.labels and all(is_one_holder_label(lab) for lab in group.labels)
            else None
        )
        if holders is None:
            result.append(group)
            continue
        split = holders[2]
        if not any(_HANDS_OVER.search(turns[index].text) for index in group.turns[: split + 1]):
            result.append(group)
            continue
        result.append(LabelGroup(None, list(group.labels), group.turns[:split], group.hub))
        result.append(LabelGroup(None, list(group.labels), group.turns[split:], group.hub))
    return sorted(result, key=lambda g: g.turns[0] if g.turns else -1)

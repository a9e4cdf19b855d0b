"""A remote room's city label joined to the person who speaks from it.

Captioners label a remote voice by the place it connects from when they do not know the name
yet (">> DILI: … I am Domingas Lequi-Rai, I coordinate …"), and once the name is said the next
turns carry it (">> DOMINGAS LEQUI-RAI: Thank you, obrigada …"). Label by label these are two
people: a "Dili" who is nobody, with her self-introduction, and a Domingas with no body and no
place. A city is a place, not a person, so the two labels are one voice when the city-labelled
voice says in so many words that it is the person whose own label comes later ("I am …",
"my name is …").

Left alone:

- a city label whose voice names nobody of the cast, or more than one name as its own (the
  label keeps its voice, and `selfnames.name_account_labels` may still name it);
- a name that only addresses somebody ("Thank you, Domingas"), or a person whose label spoke
  before the city's did (the city voice then answers or greets her, it is not her arriving);
- a label that is not a place the gazetteer knows ("FICA", "MARIA").
"""

from __future__ import annotations

from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, same_person
from forumlens.resolve.selfnames import is_place_name, own_names
from forumlens.resolve.titled import merge_groups
from forumlens.transcript.speakers import display_name

__all__ = ["is_place_label", "join_place_labels"]

_OPENING_CHARS = 300  # where a remote voice says who it is


def is_place_label(label: str) -> bool:
    """A caption label that is a place the gazetteer knows (">> DILI:", ">> Honiara:"), not a name."""
    return is_place_name(display_name(label) or label)


def _city_label(group: LabelGroup) -> bool:
    """A group captioned only with place names ("DILI", "Honiara")."""
    return bool(group.labels) and all(is_place_label(lab) for lab in group.labels)


def _claimed(group: LabelGroup, turns: Sequence[Turn]) -> str | None:
    """The one full name a city-labelled voice says is its own, or None."""
    names: list[str] = []
    for index in group.turns:
        for name in own_names(turns[index].text, _OPENING_CHARS):
            if not any(same_person(name, n) for n in names):
                names.append(name)
    return names[0] if len(names) == 1 else None


def join_place_labels(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Join each city-labelled voice to the later label of the person it says it is (module doc)."""
    gone: set[int] = set()
    for group in groups:
        if not _city_label(group) or not group.turns:
            continue
        name = _claimed(group, turns)
        if name is None:
            continue
        owners = [
            g
            for g in groups
            if g is not group and id(g) not in gone and g.name and g.turns and same_person(name, g.name)
        ]
        if len(owners) != 1 or owners[0].turns[0] < group.turns[0]:
            continue
        merge_groups(owners[0], group)
        gone.add(id(group))
    return [g for g in groups if id(g) not in gone]

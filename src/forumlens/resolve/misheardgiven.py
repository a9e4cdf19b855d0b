"""A given name typed by ear and corrected later: ">> SEAN TALAKAI:" right after the co-moderator
said "Sione Talakai is on the WebEx", and ">> SIONE TALAKAI:" for the same voice later.

Why: the captioner types an unfamiliar given name as heard before they have the spelling, so one
panellist becomes two people, the first with the body and the second with none. Two people can
share a family name (siblings, spouses), so a shared surname alone joins nobody; what tells the
mishearing, taken together:

- the two labels carry one surname, written the same (at least five letters), and no other
  speaker carries it;
- the given names begin with the same letter and differ;
- the session says one of the two full names in speech (the introduction, a hand-off), and
  nowhere says the other's given name: a relative in the room is called by their given name,
  a mishearing is said by nobody;
- the two voices never answer each other (`soundalike.answer_each_other`).

The name kept is the one said; the misheard label stays among the person's labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_key
from forumlens.resolve.respelled import merge_into
from forumlens.resolve.soundalike import answer_each_other

__all__ = ["join_misheard_given_names"]

_MIN_SURNAME = 5


def _given_and_surname(group: LabelGroup) -> tuple[str, str] | None:
    """(given name, surname) of a group named by two words or more, on the name key."""
    words = name_key(group.name or "").split()
    return (words[0], " ".join(words[1:])) if len(words) >= 2 else None


def join_misheard_given_names(
    groups: Sequence[LabelGroup], turns: Sequence[Turn]
) -> tuple[list[LabelGroup], dict[str, str]]:
    """The groups with each misheard given name joined to the corrected one (see the module's
    docstring), and the renames made (old name -> kept name)."""
    keyed = [(g, k) for g in groups if (k := _given_and_surname(g)) is not None]
    surnames: dict[str, int] = {}
    for _g, (_given, surname) in keyed:
        surnames[surname] = surnames.get(surname, 0) + 1
    pairs = [
        (a, ka, b, kb)
        for (a, ka), (b, kb) in combinations(keyed, 2)
        if ka[1] == kb[1]
        and surnames[ka[1]] == 2
        and len(ka[1].replace(" ", "")) >= _MIN_SURNAME
        and ka[0] != kb[0]
        and ka[0][:1] == kb[0][:1]
    ]
    if not pairs:
        return list(groups), {}
    speech = [t.index for t in turns if t.kind == "speech"]
    spoken = f" {name_key(' '.join(turns[i].text for i in speech))} "
    gone: set[int] = set()
    renamed: dict[str, str] = {}
    for a, ka, b, kb in pairs:
        said = [f" {ka[0]} {ka[1]} " in spoken, f" {kb[0]} {kb[1]} " in spoken]
        if said.count(True) != 1:
            continue
        unsaid_given = kb[0] if said[0] else ka[0]
        if f" {unsaid_given} " in spoken or answer_each_other(a, b, speech):
            continue
        final = a.name if said[0] else b.name
        if final is None:
            continue
        kept, other = (a, b) if min(a.turns) < min(b.turns) else (b, a)
        merge_into(kept, other, final, renamed)
        gone.add(id(other))
    return [g for g in groups if id(g) not in gone], renamed

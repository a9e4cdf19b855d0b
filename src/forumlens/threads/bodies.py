"""One body under one name: the wordings of a coalition's or a forum's name that differ only in case, apostrophes or
the field that holds it read as one actor. Pure.

Why: linking never joins two actors, and the actor key is the name as an item holds it. The same coalition reaches
items in several wordings: a caption label in capitals that is the body itself (">> DYNAMIC COALITION ON SEAFARERS'
CONNECTIVITY:", read as a speaker), an introduction the registry does not know (an institution, "Dynamic Coalition
on Seafarers' Connectivity"), a document's metadata (a coalition). Its ask of one year then never meets the same ask
of the next. A name is compared by its head and topic (`renames.name_key`: "DC on X" and "Dynamic Coalition on X"
are one), with case and apostrophes ignored; each body is then written as most of its items write it, a coalition
(the registry's or a document's word for it) before an institution.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .models import Item
from .renames import name_key

__all__ = ["body_key", "unified_bodies"]

_APOSTROPHE = re.compile(r"['’`]")


def body_key(name: str | None) -> tuple[str, str] | None:
    """How two wordings of a body's name compare (head, topic without case or apostrophes); None when the name is
    no head-and-topic name (a person, an office)."""
    if not name:
        return None
    plain = _APOSTROPHE.sub("", name)
    key = name_key(plain) or name_key(plain.lower())  # a label in capitals or in title case ("… Coalition On …")
    return None if key is None else (key[0], " ".join(key[1].split()))


def unified_bodies(items: Sequence[Item]) -> list[Item]:
    """The items with each body's name written one way (coalition first, then its most frequent wording), and an
    item whose speaker is a body's name (a label that names no person) and that has no actor of its own read as
    that body's."""
    seen: dict[tuple[str, str], Counter[tuple[int, str]]] = {}
    for item in items:
        for rank, value in ((0, item.coalition), (1, item.org)):
            if (key := body_key(value)) is not None and value:
                seen.setdefault(key, Counter())[(rank, value)] += 1
    if not seen and not any(body_key(i.speaker) for i in items):
        return list(items)
    best = {key: min(counts, key=lambda rv: (rv[0], -counts[rv], rv[1])) for key, counts in seen.items()}
    out = []
    for item in items:
        if item.coalition is None and item.org is None and (key := body_key(item.speaker)) is not None:
            rank, name = best.get(key, (1, item.speaker or ""))
            item = replace(item, coalition=name) if rank == 0 else replace(item, org=name)
        else:  # the field linking reads (`linkrecords.actor_of`): the coalition, else the institution
            held = (0, item.coalition) if item.coalition else (1, item.org or "")
            key = body_key(held[1])
            if key is not None and key in best and best[key] != held:
                rank, name = best[key]
                item = replace(item, coalition=name) if rank == 0 else replace(item, coalition=None, org=name)
        out.append(item)
    return out

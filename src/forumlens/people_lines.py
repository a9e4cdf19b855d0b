"""Which person a people analysis counts each turn for: the one reading of its `lines`.

The session page, the turns shown elsewhere (`credits.turn_credits`), the speaker filter
(`turns.person_key`, written by `store.credited`) and the briefs' credits
(`summarise.attribution.Credits`) all credit the same person for the same turn by
reading the analysis here. Kept outside `store/` so a brief of a transcript file, which
opens no store, does not load the store's modules for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["credited_lines", "persons_of"]


def credited_lines(people: Any) -> dict[int, str]:
    """Line of each turn start → the name of the person the people analysis counted it for.

    The one reading of the people analysis' `lines`: a line listed for two people goes to
    the later one. The session page, the turns shown elsewhere (`credits.turn_credits`)
    and the speaker filter (`turns.person_key`) all credit the same person for the same turn.
    """
    credited: dict[int, str] = {}
    for person in people if isinstance(people, list | tuple) else []:
        if isinstance(person, Mapping) and person.get("name"):
            for line in person.get("lines") or []:
                if isinstance(line, int):
                    credited[line] = str(person["name"])
    return credited


def persons_of(people: Any) -> list[Any]:
    """The people analysis' entries that are persons: without the remote hubs (a caption label the cast
    read as a place of the gazetteer, "DHAKA BANGLADESH"). Why: a turn shown with a link to its
    speaker links a person page, and a hub has none; its turns keep their caption label instead."""
    entries = people if isinstance(people, list | tuple) else []
    return [p for p in entries if not (isinstance(p, Mapping) and p.get("role") == "remote-hub")]

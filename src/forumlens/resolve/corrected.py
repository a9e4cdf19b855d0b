"""A name its owner corrects: the chair names a voice "Mr. Desmond Ferguson" from the printed
programme, and the speaker answers "It is Ferguson-Vanderhorst, with the hyphen".

Why: the voice was named from someone else's words (a hand-off, the chair's "That was …"), and
the owner's own words are the better source of their own name. Only the one shape that cannot be
another person is read: a surname the owner says in their own turns that is the known surname
lengthened by a hyphenated part ("Ferguson" → "Ferguson-Vanderhorst"). A different surname
could be anybody the speaker talks about; a lengthened one is the same family name written in
full. The corrected name is the person's; the earlier form stays among their aliases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_key

__all__ = ["correct_surnames"]

_HYPHENS = "-\u2010\u2011\u2013"


def _lengthened(name: str, turns: Sequence[Turn], own: Sequence[int], taken: set[str]) -> str | None:
    """The owner's fuller form of `name` said in their own turns ("Ferguson-Vanderhorst" of
    "Desmond Ferguson"), or None; a form that is another speaker's surname is not theirs."""
    words = name.split()
    if len(words) < 2 or any(h in words[-1] for h in _HYPHENS):
        return None
    surname = re.compile(rf"\b{re.escape(words[-1])}", re.IGNORECASE)
    for index in own:
        found = _said_lengthened(surname, turns[index].text)
        if found is not None and name_key(found) not in taken:
            return " ".join([*words[:-1], found])
    return None


# what follows a surname lengthened: a hyphen and a capitalised part ("-Vanderhorst"); compiled
# once a process, the surname alone per name (its hyphen and letter classes cost ~1 ms a compile, issue 19)
_LENGTHENING = re.compile(rf"[{_HYPHENS}](?-i:[A-Z])[\w'’]+", re.IGNORECASE)


def _said_lengthened(surname: re.Pattern[str], text: str) -> str | None:
    """The first surname-and-lengthening `text` says, as one pattern of the two would find it."""
    m = surname.search(text)
    while m is not None:
        tail = _LENGTHENING.match(text, m.end())
        if tail is not None:
            return text[m.start() : tail.end()]
        m = surname.search(text, m.start() + 1)
    return None


def correct_surnames(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> tuple[list[LabelGroup], dict[str, str]]:
    """The groups with each owner-corrected name (see the module doc), and corrected → earlier name."""
    taken = {name_key(g.name).split()[-1] for g in groups if g.name and name_key(g.name).split()}
    out: list[LabelGroup] = []
    earlier: dict[str, str] = {}
    for group in groups:
        fuller = _lengthened(group.name, turns, group.turns, taken) if group.name else None
        if fuller is None or group.name is None:
            out.append(group)
            continue
        earlier[fuller] = group.name
        out.append(replace(group, name=fuller))
    return out, earlier

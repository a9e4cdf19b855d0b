"""A voice speaking under somebody else's display name.

In a hybrid session a remote speaker who drops out may come back on a colleague's device, and
the meeting tool labels the voice with the colleague's name (">> Nuwan Jayatilleke:  Yes, it's
Chathurika again, sorry.  I'm on my colleague Nuwan's laptop, and the screen says his name").
The label is then no person of its own: its turns are the speaker's who says who they are.

The group is joined to that speaker only when, in its first turn, the voice both

- says it is a person the cast already has ("it's Chathurika", "this is Chathurika again",
  "I am Chathurika Perera"), another group than the label's, and
- says the label's name is not its own: the label's person owns the device or the account
  ("Nuwan's laptop", "his account"), the screen shows a name that is not theirs ("the
  screen says his name", "please ignore the name"), or the voice says it is not the label's
  person (">> AIGERIM SYDYKOVA:  First, I am not Aigerim, as you can see. … My name is Nurlan
  Akhmatbekov": a stand-in captioned under the name of the absent speaker the chair announced).

Either alone is common and means nothing ("it's Chathurika's point" is a reference, "I'm on
Nuwan's laptop" a fact), so both are required.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_forms

__all__ = ["join_borrowed_labels"]

_DEVICE = r"(?:laptop|computer|pc|tablet|phone|mobile|device|account|login|zoom|webex|connection|screen)"
_OPENING = 400  # characters: the voice explains itself when it comes back
# "the screen says his name", "it shows her name", "please ignore the name", "the name on the screen is wrong"
_NOT_MY_NAME = re.compile(
    r"\b(?:(?:screen|it|zoom|the\s+tool)\s+(?:says|shows|displays)\s+(?:his|her|their|another|my\s+colleague's)\s+name|"
    r"ignore\s+the\s+name|(?:the\s+)?name\s+on\s+the\s+screen\s+is\s+(?:not\s+(?:mine|me)|wrong|my\s+colleague's))",
    re.IGNORECASE,
)


# "I am not Aigerim", "I'm not Mr. Kaplan": the voice says it is not the label's person
_NOT_HER = re.compile(
    r"\b(?:I am|I['’]m)\s+not\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?((?-i:[A-Z])[\w\u2011-]*)", re.IGNORECASE
)
# "it's Chathurika", "this is Chathurika again", "I am Chathurika Perera", "my name is Nurlan
# Akhmatbekov": up to four capitalised words
_CLAIM = re.compile(
    r"\b(?:it['’]s|it is|this is|I am|I['’]m|my name is)\s+(?:(?:still|again|only|just|actually)\s+)?"
    r"((?-i:[A-Z])[\w\u2011-]*(?:\s+(?-i:[A-Z])[\w\u2011-]*){0,3})(?!['’]s)",
    re.IGNORECASE,
)
# "Nuwan's laptop", "my colleague Nuwan's old computer": the owner of the device
_OWNER = re.compile(rf"\b((?-i:[A-Z])[\w\u2011-]*)['’]s\s+(?:[\w-]+\s+)?{_DEVICE}\b", re.IGNORECASE)


def _claimed(text: str) -> set[str]:
    """Every name the voice says it is, at every length ("Chathurika Perera" gives "chathurika
    perera" and "chathurika"), folded."""
    said: set[str] = set()
    for m in _CLAIM.finditer(text):
        words = m.group(1).casefold().split()
        said.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    return said


def _disowns(text: str, label_forms: Sequence[str]) -> bool:
    """The voice says the label's name is not its own: the label's person owns the device."""
    if _NOT_MY_NAME.search(text):
        return True
    forms = {f.casefold() for f in label_forms}
    return any(m.group(1).casefold() in forms for m in (*_OWNER.finditer(text), *_NOT_HER.finditer(text)))


def join_borrowed_labels(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Join a group labelled by a borrowed display name to the person its voice says it is."""
    result = list(groups)
    gone: set[int] = set()
    for group in groups:
        if group.name is None or not group.turns or id(group) in gone:
            continue
        opening = turns[group.turns[0]].text[:_OPENING]
        if not _disowns(opening, name_forms(group.name)):
            continue
        said = _claimed(opening)
        owners = [
            other
            for other in result
            if other is not group
            and id(other) not in gone
            and other.name
            and any(f.casefold() in said for f in name_forms(other.name))
        ]
        if len(owners) != 1:
            continue
        (owner,) = owners
        owner.turns = sorted([*owner.turns, *group.turns])
        owner.labels = [*owner.labels, *(lab for lab in group.labels if lab not in owner.labels)]
        gone.add(id(group))
    return [g for g in result if id(g) not in gone]

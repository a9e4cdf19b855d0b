"""A chair who is also the session's rapporteur: her ">> RAPPORTEUR:" turns are hers.

Small sessions give the chair both duties, and she says so before the read-out ("Let me now take
my other hat, because the Secretariat asked me to be also the rapporteur"); the captioner then
labels the read-out with the duty (">> RAPPORTEUR: So, key points …"). Label by label the
read-out is an unnamed extra person from the floor, and the chair's summary is nobody's.

The label joins the chair only when:

- every label of the group is the bare duty ("RAPPORTEUR", "SESSION RAPPORTEUR"), and nobody
  named the voice (a rapporteur who says her own name is her own person);
- exactly one chair says in so many words, in a turn before the label first speaks, that she is
  (or will be) the rapporteur: the first person right before the duty ("I am also the
  rapporteur", "asked me to be also the rapporteur", "I will act as rapporteur") or her other
  hat ("my other hat … rapporteur");
- the label's turns never call that chair by name (one does not address oneself).

Left alone: a chair handing over to a rapporteur ("I give the floor to our rapporteur"), or
saying she is not the rapporteur.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_forms
from forumlens.resolve.titled import merge_groups

__all__ = ["claims_rapporteur", "join_rapporteur_hat"]

_DUTY = re.compile(r"(?:session\s+|the\s+)?rapporteurs?", re.IGNORECASE)
_CLAIM = re.compile(
    r"\b(?:(?:I am|I'm|I’m|me to be|I will be|I'll be|I’ll be|I act as|I will act as|acting as|I serve as|"
    r"I will serve as|myself)\s+(?:also\s+)?(?:the\s+|your\s+|our\s+|this\s+session's\s+)?(?:session\s+)?rapporteur"
    r"|\bmy\s+(?:other\s+|second\s+)?(?:hat|role)\b[^.?!]{0,120}\brapporteur)",
    re.IGNORECASE,
)
_DENIED = re.compile(r"\bnot\b", re.IGNORECASE)


def claims_rapporteur(text: str) -> bool:
    """Whether a turn says its speaker is (also) the rapporteur, not that she is not."""
    for m in _CLAIM.finditer(text):
        start = max(text.rfind(".", 0, m.start()), text.rfind("?", 0, m.start()), text.rfind("!", 0, m.start()))
        if not _DENIED.search(text, start + 1, m.end()):
            return True
    return False


def _names(text: str, name: str) -> bool:
    """Whether a turn says any form of `name` (the label addressing the chair)."""
    return any(re.search(r"\b" + re.escape(form) + r"\b", text) for form in name_forms(name))


def join_rapporteur_hat(
    groups: Sequence[LabelGroup], turns: Sequence[Turn], is_chair: Callable[[LabelGroup], bool]
) -> list[LabelGroup]:
    """Join an unnamed RAPPORTEUR label to the one chair who says she is the rapporteur (module doc)."""
    gone: set[int] = set()
    for group in groups:
        if group.name is not None or not group.labels or not group.turns:
            continue
        if not all(_DUTY.fullmatch(lab.strip(" .:")) for lab in group.labels):
            continue
        first = group.turns[0]
        chairs = [
            g
            for g in groups
            if g is not group
            and g.name
            and is_chair(g)
            and any(i < first and claims_rapporteur(turns[i].text) for i in g.turns)
        ]
        if len(chairs) != 1 or any(_names(turns[i].text, chairs[0].name or "") for i in group.turns):
            continue
        merge_groups(chairs[0], group)
        gone.add(id(group))
    return [g for g in groups if id(g) not in gone]

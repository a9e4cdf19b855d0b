"""Labels the session itself says as offices ("the Permanent Secretary", "the MC"), not names.

A captioner who does not know a dignitary's name labels the turn by the office the MC called
("PERMANENT SECRETARY", "MASTER OF CEREMONIES", "MC"). No fixed list of offices can hold every
one of them, and read as a name the label becomes a person of its own ("Permanent Secretary")
that none of the MC's read-out ("The Permanent Secretary, Ministry of …, Mr. Barnabas …") or
the speaker's own "My name is …" ever reaches. The session tells the two apart by its shape: a
name is not said after "the" on its own ("the Permanent Secretary", "the MC said"), an office
is. A label qualifies when its whole wording follows "the" in some speech turn and no
capitalised word goes on after it ("the Okoro Foundation" is an organisation, not an office),
and it carries no honorific (then it is a titled name: `resolve.titled`).

`acronym_of`: "MC" beside "MASTER OF CEREMONIES" is one office written two ways (its initials),
so one person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup
from forumlens.resolve.titles import parse_title

__all__ = ["acronym_of", "office_key", "said_office_labels"]

_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_MAX_WORDS = 4
# small words that an office's initials leave out ("Master of Ceremonies" → MC)
_LINKS = frozenset({"of", "the", "for", "and", "de", "du", "des"})
# a remote hub's or a room's label is said with "the" too ("the Yerevan hub"), but it is a place
# whose voices `resolve.hubvoices` tells apart, not an office one person holds
_ROOM = re.compile(r"\b(?:hub|room)\b", re.IGNORECASE)


def _words(label: str) -> list[str]:
    return _WORDS.findall(label)


def office_key(label: str) -> str:
    """The office a label says, as `resolve.titled` keys offices ("master-of-ceremonies")."""
    words = _words(label)
    if words and words[0].casefold() == "the":
        words = words[1:]
    return "-".join(w.casefold() for w in words)


def _said_with_the(label: str, speech: str) -> bool:
    words = _words(label)
    if words and words[0].casefold() == "the":
        words = words[1:]
    if not words or len(words) > _MAX_WORDS or parse_title(label).titles or _ROOM.search(label):
        return False
    phrase = r"\s+".join(re.escape(w) for w in words)
    # "the Permanent Secretary, Ministry …", "as the MC said": not "the Okoro Foundation"
    pattern = rf"(?<![\w-])the\s+{phrase}(?![\w-])(?!\s+(?-i:[A-Z]))"
    return re.search(pattern, speech, re.IGNORECASE) is not None


def said_office_labels(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> set[str]:
    """The labels of named-by-label groups that the speech says as offices (see the module doc)."""
    speech = "\n".join(t.text for t in turns if t.kind == "speech")
    return {
        lab
        for g in groups
        if g.name is not None and g.labels and all(_said_with_the(other, speech) for other in g.labels)
        for lab in g.labels
    }


def acronym_of(short: str, label: str) -> bool:
    """Whether `short` ("MC") is the initials of the office `label` ("MASTER OF CEREMONIES")."""
    letters = re.sub(r"[^\w]", "", short)
    if not (2 <= len(letters) <= 4) or not letters.isupper():
        return False
    words = [w for w in _words(label) if w.casefold() not in _LINKS]
    return len(words) == len(letters) and all(w[:1].upper() == c for w, c in zip(words, letters, strict=True))

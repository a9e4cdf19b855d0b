"""A body named in short after a speaker's own name ("Rosario Quispe, Community Air Sensors."), and which of those
short names a whole archive confirms as a body's. Pure.

Why: once a coalition is known to the room its members introduce themselves with its short name alone, no
"coalition", "forum" or "network" in it ("Chiamaka Obi, Waste Pickers."). Read as nobody's, their items are the
person's and never meet the same coalition's items of the years its coordinator said the full name, nor their own
items of a year they said nothing ("I coordinate the coalition since January"). A title-case phrase after a name
may also be a job ("Senior Adviser") or a town the gazetteer does not know, so one introduction proves nothing: a
short name counts only when the archive confirms it, either as the topic of a body it names in full ("Dynamic
Coalition on Waste Pickers") or as the body two different people introduce themselves with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..resolve.orgwords import is_place, load_gazetteer
from ..transcript.speakers import name_key
from .bodies import body_key
from .sentences import Sentence

__all__ = ["apposed_body", "confirmed_bodies"]

# ", Title Case Words." right after the name: two to six capitalised words (small linking words between them)
_APPOSED = re.compile(
    r"^\s*,\s+(?P<body>[A-Z][\w'’-]+(?:\s+(?:(?:of|and|for|on|the|&)\s+)?[A-Z][\w'’-]+){1,5})\s*(?:[.;:]|,\s|$)"
)
# the words a person, not a body, is described by after their name
_ROLE = re.compile(
    r"\b(?:chair|co-?chair|chairman|chairwoman|chairperson|president|director|officer|adviser|advisor|manager"
    r"|coordinator|co-?coordinator|professor|lecturer|researcher|student|member|minister|ambassador|secretary"
    r"|head|lead|fellow|consultant|rapporteur|moderator|founder|editor|journalist|lawyer|engineer|speaker|senior"
    r"|junior|deputy|vice|representative|delegate|participant)\b",
    re.I,
)
_SMALL = frozenset({"of", "and", "for", "on", "the", "&"})


def apposed_body(speaker: str | None, sentences: Sequence[Sentence]) -> str | None:
    """The title-case name right after the speaker's own full name opening one of a turn's first sentences ("Hello.
    Enkhtuya Bold, Community Air Sensors."), when it is no place the gazetteer knows and no description of a person
    ("Senior Adviser"); None otherwise."""
    if not speaker or len(name_key(speaker).split()) < 2:
        return None
    own = set(name_key(speaker).split())
    last = name_key(speaker).split()[-1]
    for sentence in sentences[:5]:
        text = sentence.text.replace("\n", " ")
        words = list(re.finditer(r"[\w'’-]+", text[:80]))
        end = next((m.end() for m in words if name_key(m.group(0)).split()[-1:] == [last]), None)
        if end is None or not set(name_key(text[:end]).split()) <= own:  # the sentence opens with the name
            continue
        found = _APPOSED.match(text[end:])
        if found is None:
            continue
        body = " ".join(found.group("body").split())
        if body.isupper() or _ROLE.search(body) or is_place(body, load_gazetteer()):
            return None
        if any(is_place(w, load_gazetteer()) for w in body.split() if w.lower() not in _SMALL):
            return None
        return body
    return None


def confirmed_bodies(apposed: Iterable[tuple[str, str]], named: Iterable[str]) -> set[str]:
    """The short names (`apposed`: (person, short name) of every session) the archive
    confirms: the whole topic of a body of a head and a topic it names (`named`: every body name of its items), or
    the short name two different people introduced themselves with."""
    topics = {key[1] for name in named if (key := body_key(name)) is not None}
    people: dict[str, set[str]] = {}
    for person, body in apposed:
        people.setdefault(body, set()).add(name_key(person))
    return {body for body, who in people.items() if len(who) > 1 or _bare(body) in topics}


def _bare(name: str) -> str:
    return " ".join(re.sub(r"['’`]", "", name).lower().split())

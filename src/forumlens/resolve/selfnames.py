"""Name a generic-labelled voice from the name its speaker says.

Captioners label a voice from the floor ("PARTICIPANT", "AUDIENCE", "FLOOR") or a duty
("REMOTE MODERATOR", "MODERATOR") when they do not know the name, but the speaker usually
says it in the opening words, often without "my name is":

- "Thank you.  Pham Minh Chau, I am a student at …" (a full name opening a sentence, then
  the first person or an organisation);
- "Hi.  Pedro Ayala-Whitcombe.  For many years I was …";
- "Thank you, Chair.  Ms. Layla Al-Jishi, I am a journalist …" (a title before it);
- "Yes, this is Hülya Demirtaş, I help with …", "It's Mwangi Kuria.";
- "Let me introduce myself first: Betelhem Alemayehu, and today I'm …";
- "Oh, sorry, I didn't say, my name is Arjun Bhattacharya" further into the turn.

A voice is named only when its turns give exactly one such name, the name is not an
organisation, a job, a place or a form of address ("Madam Chair"), and it is not the name of
another person of the cast (that is the speaker addressing them). Without this the voice stays
an unnamed "PARTICIPANT", and whatever it said about itself (affiliation, where it is) is
scored against nobody.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources

from forumlens.models import Turn
from forumlens.resolve import cues
from forumlens.resolve.orgs import looks_org
from forumlens.resolve.people import LabelGroup, name_key, same_person
from forumlens.resolve.titles import is_title_word
from forumlens.transcript.speakers import generic_label

__all__ = ["complete_names", "is_generic_label", "name_generic_voices", "said_names"]


def is_generic_label(label: str) -> bool:
    """A label that stands for a voice from the floor or a duty, not a name."""
    return generic_label(label) or cues.AUDIENCE_LABEL.search(label) is not None


_UP = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"  # an upper-case letter, accented ones included ("Ökten", "Şahin")
_NAME_WORD = rf"(?-i:{_UP}[\w'’\u2011-]+)"
_PARTICLE = r"(?:de|da|do|dos|van|von|der|den|del|della|la|le|bin|ibn|al|el|ben|ter|ten|du)"
_FULL_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD}){{1,3}}"
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor)\.?\s+)?"

# "my name is …", "I am …", "this is …", "it's …" followed by a full name.
_OWN_NAME = re.compile(
    rf"\b(?:my name is|I am|I'm|I’m|this is|it's|it’s|it is)\s+{_TITLE}({_FULL_NAME})",
    re.IGNORECASE,
)
# A full name opening a sentence (or after a colon), then a comma or full stop, in the opening words.
_OPENING_NAME = re.compile(
    rf"(?:^|(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bProf)(?<!\bSt)[.!?:]\s+){_TITLE}({_FULL_NAME})\s*[,.]\s+",
    re.IGNORECASE,
)
# What follows a self-introduction: the first person, or where one is from ("…, from Chile",
# "…, Ministry of Agriculture").
_AFTER = re.compile(
    r"(?:[^.?!]{0,60}?\b(?:I|I'm|I’m|I am|my|we|we're|we’re)\b|(?:from|with|of)\b|(?-i:[A-Z]))",
    re.IGNORECASE,
)
# The rest of the sentence reports somebody else's words ("Ms. Ilze Kalniņa, from Riga, writes in
# the chat …"): a remote moderator reading the chat, not introducing herself.
_REPORTED = re.compile(
    r"\b(?:writes|wrote|says|said|asks|asked|wants|would like|is asking|comments|commented|has (?:a|his|her) hand|"
    r"he|she|his|her)\b",
    re.IGNORECASE,
)
# Capitalised words that open a sentence without being a name ("So Thank", "Madam Chair").
_NOT_FIRST = frozenset(
    re.findall(
        r"\S+",
        """a also an and as at but by dear distinguished excellencies excellency for from good hello
        hi honourable honorable however i i'm i’m in it it's it’s just ladies let madam maybe
        madame mister my next now of oh ok okay on one our perhaps please so sorry thank thanks
        the then this to two we well what when where why with yes you""",
    )
)
_OPENING_CHARS = 300  # where people introduce themselves
_TURN_CHARS = 800  # "sorry, I didn't say my name" comes a little later


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Countries and cities (folded): "South Africa, we …" opens a sentence like a name."""
    data = resources.files("forumlens.resolve").joinpath("data")
    countries = tomllib.loads(data.joinpath("countries.toml").read_text("utf-8"))["countries"]
    places = tomllib.loads(data.joinpath("places.toml").read_text("utf-8"))
    names = {str(n).casefold() for row in countries for n in row}
    names |= {str(c).casefold() for c in places.get("cities", [])}
    names |= {str(v).casefold() for row in places.get("venues", []) for v in row[1:]}
    return frozenset(names)


def _is_name(words: str) -> bool:
    """A person's name, not an organisation, a job, a place or a form of address."""
    parts = words.split()
    if any(is_title_word(p) for p in parts[1:]):
        return False  # "Perhaps Mrs" before "Vasquez"
    if parts[0].casefold() in _NOT_FIRST or any(p.casefold() in ("chair", "chairman", "chairperson") for p in parts):
        return False
    if words.casefold() in _place_names() or parts[0].casefold() in _place_names():
        return False
    return not looks_org(words) and cues.ROLE_WORD.search(words) is None


_SENTENCE_END = re.compile(r"[.?!]\s")


def said_names(text: str, opening: bool = True, limit: int = _TURN_CHARS) -> list[str]:
    """The full names a speaker gives as their own in one turn, in order, without repeats;
    `opening`: also a bare name opening a sentence (asked of a voice's first turn only, where
    people introduce themselves; later a remote moderator reads out others' names)."""
    found: list[tuple[int, str]] = []
    for m in _OWN_NAME.finditer(text[:limit]):
        found.append((m.start(1), m.group(1)))
    for m in _OPENING_NAME.finditer(text[:_OPENING_CHARS] if opening else ""):
        end = _SENTENCE_END.search(text, m.end())
        rest = text[m.end() : end.start()] if end else text[m.end() :]
        if _AFTER.match(text, m.end()) and not _REPORTED.search(rest):
            found.append((m.start(1), m.group(1)))
    names: list[str] = []
    for _, raw in sorted(found):
        name = re.sub(r"\s+", " ", raw).strip()
        if _is_name(name) and not any(same_person(name, n) for n in names):
            names.append(name)
    return names


def name_generic_voices(
    groups: Sequence[LabelGroup], turns: Sequence[Turn], is_generic: Callable[[str], bool]
) -> list[LabelGroup]:
    """Give each unnamed group under generic labels the one name its speaker says it has.

    Run after the floor labels are split into one group per voice (`split_floor_voices`), so a
    group is one person; a group whose turns give two names (two co-moderators under one label)
    or a name another group of the cast carries stays as it is. The labels stay in `labels`, so
    a "REMOTE MODERATOR" named this way is still found as a moderator by its label.
    """
    named = [g.name for g in groups if g.name]
    for group in groups:
        if group.name is not None or not group.labels or not all(is_generic(lab) for lab in group.labels):
            continue
        said: list[str] = []
        for k, index in enumerate(group.turns):
            for name in said_names(turns[index].text, opening=k == 0):
                if not any(same_person(name, other) for other in said):
                    said.append(name)
        if len(said) == 1 and not any(same_person(said[0], other) for other in named):
            group.name = said[0]
            named.append(said[0])
    return list(groups)


def complete_names(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Give a group labelled by part of a name the full name its speaker says.

    ">> HON. BEN YOUSSEF: … I am Samira Ben Youssef, member of …", ">> MS. ECHEVERRI: Thank you,
    Chair.  Pilar Echeverri Rojas.": the label is the captioner's short form; the speaker's own
    words hold every word of it and more. Only one such name across the group's turns counts, and
    not one another group of the cast carries.
    """
    named = [g.name for g in groups if g.name]
    for group in groups:
        if group.name is None:
            continue
        have = set(name_key(group.name).split())
        longer: list[str] = []
        for k, index in enumerate(group.turns):
            for name in said_names(turns[index].text, opening=k == 0, limit=len(turns[index].text)):
                words = name_key(name).split()
                if have < set(words) and not any(same_person(name, other) for other in longer):
                    longer.append(name)
        if len(longer) == 1 and not any(
            other != group.name and same_person(longer[0], other) and not same_person(group.name, other)
            for other in named
        ):
            group.name = longer[0]
    return list(groups)

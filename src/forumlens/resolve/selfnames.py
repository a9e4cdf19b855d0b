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
from collections.abc import Callable, Sequence
from functools import lru_cache

from forumlens.models import Turn
from forumlens.resolve import cues
from forumlens.resolve.datafiles import shipped_toml
from forumlens.resolve.orgs import looks_org
from forumlens.resolve.people import LabelGroup, name_forms, name_key, same_person
from forumlens.resolve.titles import is_title_word
from forumlens.transcript.speakers import generic_label

__all__ = [
    "complete_names",
    "is_generic_label",
    "is_one_holder_label",
    "name_generic_voices",
    "name_unlabelled",
    "said_names",
    "split_shared_voices",
]


def is_generic_label(label: str) -> bool:
    """A label that stands for a voice from the floor or a duty, not a name."""
    return generic_label(label) or cues.AUDIENCE_LABEL.search(label) is not None


_UP = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"  # an upper-case letter, accented ones included ("Ökten", "Şahin")
_NAME_WORD = rf"(?-i:{_UP}[\w'’\u2011-]+)"
_PARTICLE = r"(?:de|da|do|dos|van|von|der|den|del|della|la|le|bin|ibn|al|el|ben|ter|ten|du)"
_FULL_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD}){{1,3}}"
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor)\.?\s+)?"

# "my name is …", "I am …", "this is …", "it's …" followed by a full name, and the same in the
# languages a bilingual session mixes in ("soy …", "me llamo …", "je m'appelle …").
_OWN_NAME = re.compile(
    rf"\b(?:my name is|I am|I'm|I’m|this is|it's|it’s|it is|soy|me llamo|mi nombre es|je suis|je m'appelle|"
    rf"je m’appelle|meu nome é|sou)\s+{_TITLE}({_FULL_NAME})",
    re.IGNORECASE,
)
# A single name given as one's own in so many words ("My name is Leila and I work with …"): only
# after a naming phrase ("I am Leila" is as often "I am Brazilian"), and not the first word of a
# full name (`_OWN_NAME` reads those).
_OWN_SINGLE = re.compile(
    rf"\b(?:my name is|my name's|my name’s|me llamo|mi nombre es|je m'appelle|je m’appelle|meu nome é)\s+"
    rf"{_TITLE}({_NAME_WORD})(?![\w'’\u2011-])(?!\s+(?:{_PARTICLE}\s+)?{_NAME_WORD})",
    re.IGNORECASE,
)
# A speaker announcing their own introduction, then giving a full name in the next words, wherever
# in the turn: "And I should present myself, sorry: Corinna Walder-Stucki, I teach …", "I should
# say who I am, the chairperson should do that.  Ingvild Skogstad, I am …", "me presento: soy …".
_INTRO_NAME = re.compile(
    r"\b(?:(?:introduce|present)\s+myself|who\s+I\s+am|(?:say|give|tell\s+you)\s+my\s+name|me\s+presento|"
    r"je\s+me\s+présente)\b[^.?!:]{0,40}[.?!:,]\s+(?:(?:soy|I am|I'm|I’m|my name is|je suis)\s+)?"
    rf"{_TITLE}({_FULL_NAME})\s*[,.]",
    re.IGNORECASE,
)
# A full name opening a sentence (or after a colon, or after a "Yes," that answers the chair's
# call), then a comma or full stop, in the opening words.
_OPENING_NAME = re.compile(
    rf"(?:^|(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bProf)(?<!\bSt)[.!?:]\s+)(?:(?:yes|yeah|okay|ok),?\s+)?"
    rf"{_TITLE}({_FULL_NAME})\s*[,.]\s+",
    re.IGNORECASE,
)
# What follows a self-introduction: the first person, or where one is from ("…, from Chile",
# "…, Ministry of Agriculture"), or "…, for the record".
_AFTER = re.compile(
    r"(?:[^.?!]{0,60}?\b(?:I|I'm|I’m|I am|my|we|we're|we’re)\b|(?:from|with|of|for\s+the\s+record)\b|(?-i:[A-Z]))",
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
    countries = shipped_toml("countries.toml")["countries"]
    places = shipped_toml("places.toml")
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
    return [name for name, _ in _said(text, opening, limit)]


def _said(text: str, opening: bool, limit: int) -> list[tuple[str, bool]]:
    """`said_names` with, per name, whether the speaker said it is theirs in so many words
    ("my name is", "I am", "let me introduce myself: …"), not only as a bare name opening a
    sentence, which is also how one speaker addresses another ("Kwame Asante, I have a question")."""
    found: list[tuple[int, str, bool]] = []
    for m in _OWN_NAME.finditer(text[:limit]):
        found.append((m.start(1), m.group(1), True))
    for m in _OWN_SINGLE.finditer(text[:limit]):
        found.append((m.start(1), m.group(1), True))
    for m in _INTRO_NAME.finditer(text):
        found.append((m.start(1), m.group(1), True))
    for m in _OPENING_NAME.finditer(text[:_OPENING_CHARS] if opening else ""):
        end = _SENTENCE_END.search(text, m.end())
        rest = text[m.end() : end.start()] if end else text[m.end() :]
        if _AFTER.match(text, m.end()) and not _REPORTED.search(rest):
            found.append((m.start(1), m.group(1), False))
    names: list[tuple[str, bool]] = []
    for _, raw, own in sorted(found):
        name = re.sub(r"\s+", " ", raw).strip()
        if not _is_name(name):
            continue
        same = next((k for k, (n, _) in enumerate(names) if same_person(name, n)), None)
        if same is None:
            names.append((name, own))
        elif own:
            names[same] = (names[same][0], True)
    return names


def name_unlabelled(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Give a turn with no label at all the name its speaker says ("My name is Ingrid Solberg").

    A first turn the captioner did not mark, or a new voice after a blank line, has no label;
    when the speaker says a full name is theirs in its opening words, the turn is theirs: merged
    into the group of a speaker of that name, or a new named person. Only a name claimed in so
    many words counts ("my name is", "I am", "let me introduce myself: …"): a bare name opening
    an unmarked turn is as often the person addressed. A single name counts after "my name is"
    ("My name is Leila and I work …"), and two names that are not one person name nobody.
    """
    result = list(groups)
    for group in list(result):
        if group.name is not None or group.labels or len(group.turns) != 1:
            continue
        claimed = [
            name for name, own in _said(turns[group.turns[0]].text[:_OPENING_CHARS], False, _OPENING_CHARS) if own
        ]
        if not claimed or any(not same_person(claimed[0], other) for other in claimed[1:]):
            continue  # no name, or two that contradict each other
        same = next((g for g in result if g.name and same_person(claimed[0], g.name)), None)
        if same is not None:
            same.turns = sorted([*same.turns, *group.turns])
            result.remove(group)
        else:
            group.name = claimed[0]
    return sorted(result, key=lambda g: g.turns[0])  # people in the order they first spoke


# Role labels one person holds at a time (">> MODERATOR:", ">> CHAIR:", ">> Moderadora:"); a floor
# label ("AUDIENCE", "PARTICIPANT") is many voices and is split per voice first (`split_floor_voices`).
_ONE_HOLDER = re.compile(
    r"^(?:the\s+)?(?:(?:remote|online|onsite|on-site|session)\s+)?"
    r"(?:co-?)?(?:moderator|chair|chairman|chairperson|chairwoman|facilitator|host|rapporteur|"
    r"moderadora?|modérat(?:eur|rice)|moderatrice)$",
    re.IGNORECASE,
)


def is_one_holder_label(label: str) -> bool:
    """A duty one person holds for the session ("MODERATOR", "CHAIR", "Co-moderator")."""
    return _ONE_HOLDER.match(label) is not None


def name_generic_voices(
    groups: Sequence[LabelGroup], turns: Sequence[Turn], is_generic: Callable[[str], bool]
) -> list[LabelGroup]:
    """Give each unnamed group under generic labels the one name its speaker says it has.

    ">> MODERATOR: … My name is Noura Al-Harbi, I am …": the label stands for her all session;
    ">> PARTICIPANT: Thank you.  Kwame Asante, I work for …": the floor voice is Kwame Asante.
    Run once for duty labels (`is_one_holder_label`) before the titled and office labels are
    joined, and once for every generic label after the floor labels are split into one group per
    voice (`split_floor_voices`), so a group is one person. A group whose turns give two names
    (two co-moderators under one label) stays as it is. When a speaker of the cast already
    carries the name, the voice joins them if it said the name is its own in so many words
    ("my name is") or spoke before them (">> FLOOR: Matthias Ebnöther, I come from Zurich" …
    later ">> MATTHIAS EBNOTHER:", the captioner having learnt the name); else it is addressing
    them and stays as it is. The labels stay in `labels`, so a "REMOTE MODERATOR" named this
    way is still found as a moderator by its label.
    """
    result = list(groups)
    for group in list(result):
        if group.name is not None or not group.labels or not all(is_generic(lab) for lab in group.labels):
            continue
        said: list[tuple[str, bool]] = []
        for k, index in enumerate(group.turns):
            for name, own in _said(turns[index].text, k == 0, _TURN_CHARS):
                at = next((j for j, (other, _) in enumerate(said) if same_person(name, other)), None)
                if at is None:
                    said.append((name, own))
                elif own:
                    said[at] = (said[at][0], True)
        if len(said) != 1:
            continue
        name, own = said[0]
        same = next((g for g in result if g is not group and g.name and same_person(name, g.name)), None)
        if same is None:
            group.name = name
        elif own or (same.turns and same.turns[0] > group.turns[0]):
            same.turns = sorted([*same.turns, *group.turns])
            same.labels += [lab for lab in group.labels if lab not in same.labels]
            result.remove(group)
    return sorted(result, key=lambda g: g.turns[0] if g.turns else -1)  # in the order they first spoke


# A full name said with a title in a hand-off: "Our next speaker is Ms. Auma Owino, the …".
_TITLED_NAME = re.compile(rf"\b(?-i:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?)\s+({_FULL_NAME})")


def split_shared_voices(
    groups: Sequence[LabelGroup], turns: Sequence[Turn], is_generic: Callable[[str], bool]
) -> list[LabelGroup]:
    """Split a generic label several people speak under (three panelists all ">> SPEAKER:") into
    one group per person, when its turns give two names or more as their speakers' own.

    A turn is the person who names themselves in it ("My name is Kedir Abdella"), else the one
    the turn before calls or hands over to by any form of the name ("Tsegaye, do you work on
    sign language?", "My question is for Mr. Abdella", "Our next speaker is Ms. Auma Owino"); a
    turn nobody can be told for stays under the bare label. A duty label one person holds
    (`is_one_holder_label`) is left alone, and so is a label whose turns give one name or none
    (`name_generic_voices` names those)."""
    speech = [t for t in turns if t.kind == "speech"]
    position = {t.index: k for k, t in enumerate(speech)}
    others = [g.name for g in groups if g.name]
    result: list[LabelGroup] = []
    for group in groups:
        if (
            group.name is not None
            or not group.labels
            or not all(is_generic(lab) and not is_one_holder_label(lab) for lab in group.labels)
            or len(group.turns) < 2
        ):
            result.append(group)
            continue
        own = [next((n for n, _ in _said(turns[i].text, True, _TURN_CHARS)), None) for i in group.turns]
        people: list[str] = []
        for name in own:
            if name and not any(same_person(name, p) for p in people) and not any(same_person(name, o) for o in others):
                people.append(name)
        if len(people) < 2:
            result.append(group)
            continue
        owner: dict[int, str | None] = {}
        for index, name in zip(group.turns, own):
            if name:
                owner[index] = next((p for p in people if same_person(name, p)), None)
                continue
            k = position.get(index, 0)
            before = speech[k - 1] if k else None
            if before is None or before.index in group.turns:
                owner[index] = None
                continue
            for m in _TITLED_NAME.finditer(before.text):
                said = re.sub(r"\s+", " ", m.group(1))
                if _is_name(said) and not any(same_person(said, p) for p in [*people, *others]):
                    people.append(said)
            owner[index] = _last_called(before.text, people)
        for person in people:
            mine = [i for i in group.turns if owner.get(i) == person]
            if mine:
                result.append(LabelGroup(person, list(group.labels), mine))
        rest = [i for i in group.turns if owner.get(i) is None]
        if rest:
            result.append(LabelGroup(None, list(group.labels), rest))
    return sorted(result, key=lambda g: g.turns[0] if g.turns else -1)


def _last_called(text: str, people: Sequence[str]) -> str | None:
    """The person whose name (full, first or last) a turn says last, if any."""
    best: tuple[int, str] | None = None
    for person in people:
        for form in name_forms(person):
            for m in re.finditer(rf"\b{re.escape(form)}\b", text):
                if best is None or m.start() > best[0]:
                    best = (m.start(), person)
    return best[1] if best else None


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

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
- "Oh, sorry, I didn't say, my name is Arjun Bhattacharya" further into the turn;
- a single name only in so many words: "my name is Leila", or "I am Amina from …" (the body or
  place said right after it).

A voice is named only when its turns give exactly one such name, the name is not an
organisation, a job, a place or a form of address ("Madam Chair"), and it is not the name of
another person of the cast (that is the speaker addressing them). Without this the voice stays
an unnamed "PARTICIPANT", and whatever it said about itself (affiliation, where it is) is
scored against nobody.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from forumlens.models import Turn
from forumlens.resolve import cues
from forumlens.resolve.addressee import described_addressee
from forumlens.resolve.datafiles import shipped_toml
from forumlens.resolve.interpreted import goes_on, is_interpreter_label
from forumlens.resolve.orgs import looks_org
from forumlens.resolve.people import ASKS_NAME, LabelGroup, name_forms, name_key, same_person
from forumlens.resolve.salutation import salutation_end
from forumlens.resolve.thankednext import thanked_at_opening
from forumlens.resolve.titles import is_title_word
from forumlens.text.englishwords import english_word
from forumlens.text.fastre import Prefiltered
from forumlens.transcript.neighbours import next_speech, previous_speech
from forumlens.transcript.speakers import display_name, generic_label

__all__ = [
    "NAME_WORD",
    "complete_names",
    "full_name_at",
    "full_name_said",
    "is_generic_label",
    "is_one_holder_label",
    "is_place_name",
    "name_account_labels",
    "name_generic_voices",
    "name_unlabelled",
    "own_names",
    "said_names",
    "split_shared_voices",
    "voice_tag",
]


def is_generic_label(label: str) -> bool:
    """A label that stands for a voice from the floor or a duty, not a name; or a device the
    meeting tool shows instead of its owner ("iPhone de Ana", "Samsung SM-A515F", "Zoom user"),
    whose voice may still say its name."""
    return (
        generic_label(label)
        or cues.AUDIENCE_LABEL.search(label) is not None
        or cues.PHONE_VOICE.fullmatch(label.strip(" .:")) is not None
        or cues.ACCOUNT_DEFAULT.fullmatch(label.strip(" .:")) is not None
        or display_name(label) is None
    )


_UP = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"  # an upper-case letter, accented ones included ("Ökten", "Şahin")
# a capitalised word of a name (case-sensitive even inside an IGNORECASE pattern)
NAME_WORD = rf"(?-i:{_UP}[\w'’\u2011-]+)"
_PARTICLE = r"(?:de|da|do|dos|van|von|der|den|del|della|la|le|bin|ibn|al|el|ben|ter|ten|du|ó|ní|nic|uí)"
_FULL_NAME = rf"{NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{NAME_WORD}){{1,3}}"
# Honorifics a speaker puts before their own name, up to two stacked ("I am Honourable …",
# "I am H.E. Dr. …", "Eng. Majed …"): a form of address, never part of the name.
_TITLE = (
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Hon|Honourable|Honorable|Eng|Engineer|Ambassador|H\.E|"
    r"Excellency|Senator|Sen|Rev|Sheikh|Sir|Dame)\.?\s+){0,2}"
)

# "my name is …", "I am …", "this is …", "it's …" followed by a full name, and the same in the
# languages a bilingual session mixes in ("soy …", "me llamo …", "je m'appelle …").
# A Balinese name opens with "I" (men) or "Ni" (women) before the given names ("I Gede Wiratmaja",
# "Ni Luh Putu Sukerti"): "Ni" reads as a name word, the one-letter "I" only before a full name.
_BALINESE_I = r"(?-i:I\s+)"
_OWN_NAME = Prefiltered(
    re.compile(
        rf"\b(?:my (?:full )?name is|I am|I'm|I’m|this is|it's|it’s|it is|soy|me llamo|mi nombre es|je suis|je m'appelle|"
        rf"je m’appelle|meu nome é|sou)\s+{_TITLE}((?:{_BALINESE_I}(?={_FULL_NAME}))?{_FULL_NAME})",
        re.IGNORECASE,
    )
)
# The naming phrase after the name: "Thein Zaw Htike is my name", "Ana Lima is my full name".
_OWN_NAME_AFTER = Prefiltered(
    re.compile(rf"(?<![\w'’\u2011-])({_FULL_NAME})\s+is\s+my\s+(?:full\s+)?name\b", re.IGNORECASE)
)
# A single name given as one's own in so many words ("My name is Leila and I work with …"): only
# after a naming phrase ("I am Leila" is as often "I am Brazilian"), and not the first word of a
# full name (`_OWN_NAME` reads those).
_OWN_SINGLE = Prefiltered(
    re.compile(
        rf"\b(?:my name is|my name's|my name’s|me llamo|mi nombre es|je m'appelle|je m’appelle|meu nome é)\s+"
        rf"{_TITLE}({NAME_WORD})(?![\w'’\u2011-])(?!\s+(?:{_PARTICLE}\s+)?{NAME_WORD})",
        re.IGNORECASE,
    )
)
# A single name after "I am" that goes straight on to where the speaker comes from or works ("I am
# Amina from the Kenya network", "I'm Leila, with the ministry"): the shape of a self-introduction.
# Bare "I am Leila" is as often "I am Brazilian" or "I am Head of …", so the "from"/"with" must
# follow (not "with us": "this is Carlos, with us from Lima" is a chair's hand-off, hence no
# "this is"), or a second "I am" about oneself ("I am Thaís, I am fifteen"), and `_is_name`
# still refuses a nationality, a place, a title or a job.
_OWN_SINGLE_FROM = Prefiltered(
    re.compile(
        rf"\b(?:I am|I'm|I’m)\s+({NAME_WORD})(?![\w'’\u2011-])"
        rf"(?:\s*,?\s+(?:from|with(?!\s+(?:us|me|you)\b))\b|,\s+(?-i:I)(?:\s+am|'m|’m)\s)",
        re.IGNORECASE,
    )
)
# A speaker announcing their own introduction, then giving a full name in the next words, wherever
# in the turn: "And I should present myself, sorry: Corinna Walder-Stucki, I teach …", "I should
# say who I am, the chairperson should do that.  Ingvild Skogstad, I am …", "me presento: soy …".
_INTRO_NAME = Prefiltered(
    re.compile(
        r"\b(?:(?:introduce|present)\s+myself|who\s+I\s+am|(?:say|give|tell\s+you)\s+my\s+name|me\s+presento|"
        r"je\s+me\s+présente)\b[^.?!:]{0,40}[.?!:,]\s+(?:(?:soy|I am|I'm|I’m|my name is|je suis)\s+)?"
        rf"{_TITLE}({_FULL_NAME})\s*[,.]",
        re.IGNORECASE,
    )
)
# A full name opening a sentence (or after a colon, or after a "Yes," that answers the chair's
# call), then a comma or full stop, in the opening words.
_OPENING_NAME = re.compile(
    rf"(?:^|(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bProf)(?<!\bSt)[.!?:]\s+)(?:(?:yes|yeah|okay|ok|for\s+the\s+record),?\s+)?"
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
_FIRST_PERSON = re.compile(r"\b(?-i:I)(?:'m|’m|\s+am)?\b")
# A floor voice signing off as its turn ends: "… one session in Aymara.  Wilber Condorpusa, from the
# Ministry of Public Connectivity of Bolivia." (a sentence of a name and a body, nothing else, last)
_SIGN_OFF = re.compile(
    rf"(?:^|[.!?]\s+){_TITLE}({_FULL_NAME}),\s+(?:from|with)\s+(?:the\s+)?{NAME_WORD}"
    rf"(?:\s+(?:{NAME_WORD}|of|and|for|on|in|the|de|del|la|do|da))*\s*[.!]?\s*$"
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


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Countries alone (folded): a city's name is also a given name ("Sofia", "Victoria", "Florence")."""
    return frozenset(str(n).casefold() for row in shipped_toml("countries.toml")["countries"] for n in row)


_TITLED_AT = re.compile(rf"{_TITLE}({_FULL_NAME})")


def full_name_at(text: str, start: int) -> str | None:
    """The full name (a form of address before it allowed, not kept) that `text` says at
    `start`, if it is a person's name, not a body's, a place's or a job's."""
    m = _TITLED_AT.match(text, start)
    if m is None:
        return None
    name = re.sub(r"\s+", " ", m.group(1))
    return name if _is_name(name) else None


def is_place_name(words: str) -> bool:
    """Whether `words` name a country or a city the shipped gazetteer knows ("Dili", "Honiara")."""
    folded = words.strip().casefold()
    if folded in _place_names():
        return True
    # "Côte d'Ivoire" for the gazetteer's "Cote d'Ivoire": an accent written or left out
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    return bare != folded and bare in _place_names()


def _is_name(words: str, city_ok: bool = False) -> bool:
    """A person's name, not an organisation, a job, a place or a form of address. `city_ok`: a
    name given in so many words ("my name is Wellington") may be a city's too, never a country's."""
    parts = words.split()
    if parts[-1].endswith(("'s", "’s")):
        return False  # "I am Ibu Sukerti's nephew": somebody else's name, said to place oneself
    if parts[0] == "I" and len(parts) > 2:
        parts = parts[1:]  # "I Gede Wiratmaja" (`_BALINESE_I`): the name words come after
        words = " ".join(parts)
    if any(is_title_word(p) for p in parts[1:]):
        return False  # "Perhaps Mrs" before "Vasquez"
    if parts[0].casefold() in _NOT_FIRST or any(p.casefold() in ("chair", "chairman", "chairperson") for p in parts):
        return False
    # a whole name that is a place ("Buenos Aires"), or a country before a word ("Kenya Team"); a
    # city's name opening a full name is often a given name ("I am Sofia Karamoutsou")
    if (words.casefold() in _place_names() and not city_ok) or parts[0].casefold() in _country_names():
        return False
    return not looks_org(words) and cues.ROLE_WORD.search(words) is None


_SENTENCE_END = re.compile(r"[.?!]\s")


def own_names(text: str, limit: int = _TURN_CHARS) -> list[str]:
    """The full names a speaker says are theirs in so many words ("my name is …", "I am …"),
    not a bare name opening a sentence (often the person addressed)."""
    return [name for name, own in _said(text, False, limit) if own]


def said_names(text: str, opening: bool = True, limit: int = _TURN_CHARS) -> list[str]:
    """The full names a speaker gives as their own in one turn, in order, without repeats;
    `opening`: also a bare name opening a sentence (asked of a voice's first turn only, where
    people introduce themselves; later a remote moderator reads out others' names)."""
    return [name for name, _ in _said(text, opening, limit)]


@lru_cache(maxsize=2048)
def _said(text: str, opening: bool, limit: int) -> tuple[tuple[str, bool], ...]:
    """`said_names` with, per name, whether the speaker said it is theirs in so many words
    ("my name is", "I am", "let me introduce myself: …"), not only as a bare name opening a
    sentence, which is also how one speaker addresses another ("Kwame Asante, I have a question").

    Remembered (a tuple, never changed): resolve's steps ask it of the same turns again and
    again, ~7 times each a session, and each ask ran five patterns over the turn (issue 19)."""
    found: list[tuple[int, str, bool]] = []
    for m in _OWN_NAME.finditer(text[:limit]):
        found.append((m.start(1), m.group(1), True))
    for m in _OWN_NAME_AFTER.finditer(text[:limit]):
        found.append((m.start(1), m.group(1), True))
    explicit = set()  # one name after "my name is": a city's name too ("my name is Wellington")
    for m in _OWN_SINGLE.finditer(text[:limit]):
        found.append((m.start(1), m.group(1), True))
        explicit.add(m.group(1))
    for m in _OWN_SINGLE_FROM.finditer(text[:limit]):
        if not is_title_word(m.group(1)):
            found.append((m.start(1), m.group(1), True))
    for m in _INTRO_NAME.finditer(text):
        found.append((m.start(1), m.group(1), True))
    for m in _OPENING_NAME.finditer(text[:_OPENING_CHARS] if opening else ""):
        end = _SENTENCE_END.search(text, m.end())
        rest = text[m.end() : end.start()] if end else text[m.end() :]
        # only words before the speaker's own "I" report another's ("…, I am from X, so I do not
        # ask her": her is somebody the speaker speaks of, after introducing herself)
        own_voice = _FIRST_PERSON.search(rest)
        if _AFTER.match(text, m.end()) and not _REPORTED.search(rest[: own_voice.start()] if own_voice else rest):
            found.append((m.start(1), m.group(1), False))
    # "Om Swastiastu.  Good morning.  My name is Komang …": the greeting opening the turn is no
    # name when the speaker gives one in so many words (`salutation`)
    if any(own for _, _, own in found):
        greeting = salutation_end(text, 0, len(text))
        found = [f for f in found if f[2] or f[0] >= greeting]
    if opening:
        signed = _SIGN_OFF.search(text, max(0, len(text) - 200))
        if signed is not None and signed.start(1) >= _OPENING_CHARS:
            found.append((signed.start(1), signed.group(1), False))
    names: list[tuple[str, bool]] = []
    for _, raw, own in sorted(found):
        name = re.sub(r"\s+", " ", raw).strip()
        if not _is_name(name, city_ok=name in explicit):
            continue
        same = next((k for k, (n, _) in enumerate(names) if same_person(name, n)), None)
        if same is None:
            names.append((name, own))
        elif own:
            names[same] = (names[same][0], True)
    return tuple(names)


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
        text = turns[group.turns[0]].text[:_OPENING_CHARS]
        claimed = [name for name, own in _said(text, False, _OPENING_CHARS) if own] or _name_and_place(text)
        if not claimed or any(not same_person(claimed[0], other) for other in claimed[1:]):
            continue  # no name, or two that contradict each other
        same = next((g for g in result if g.name and same_person(claimed[0], g.name)), None)
        if same is not None:
            same.turns = sorted([*same.turns, *group.turns])
            result.remove(group)
        else:
            group.name = claimed[0]
    return sorted(result, key=lambda g: g.turns[0])  # people in the order they first spoke


# After a name opening a sentence, the country or city the speaker comes from, then more: "Koffi
# Kouassi, Côte d'Ivoire, I am …", "Ana Silva, Brazil.  My question …" (a floor microphone's way).
_PLACE_AFTER = re.compile(r"\s*,\s+((?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])[\w'’-]*(?:\s+[\w'’-]+){0,2}?)\s*[,.]\s")


def _name_and_place(text: str) -> list[str]:
    """The one bare name opening a sentence of an unmarked turn that the speaker follows with a
    place ("Koffi Kouassi, Côte d'Ivoire, I am the secretary of …"): said of oneself, as a floor
    speaker does; a name addressed is followed by the question, not by where its owner is from."""
    found = []
    for name in said_names(text, opening=True, limit=len(text)):
        at = text.find(name)
        place = _PLACE_AFTER.match(text, at + len(name)) if at >= 0 else None
        if place is not None and is_place_name(place.group(1)):
            found.append(name)
    return found if len(found) == 1 else []


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
            # a name opening the answer to the chair's "your name, sir?" is the voice's own
            for name, own in _said(turns[index].text, k == 0 or _asked_name(turns, index), _TURN_CHARS):
                at = next((j for j, (other, _) in enumerate(said) if same_person(name, other)), None)
                # "My name is Markopetrakis" first, "I am Theodosis Markopetrakis" at the end: one
                # name, the full one
                short = next((j for j, (other, _) in enumerate(said) if _surname_of(other, name)), None)
                if at is None and short is not None:
                    said[short] = (name, own or said[short][1])
                elif at is None:
                    said.append((name, own))
                elif own:
                    said[at] = (said[at][0], True)
        if not said and not any(is_one_holder_label(lab) for lab in group.labels):
            # a voice that never says its name, named by the chair once it finished ("That was …")
            said = [(n, False) for n in _named_after_all(group, turns)]
        back: LabelGroup | None = None
        if not said and len(group.turns) == 1:
            # "Sorry, it is me again, Bahareh": back at the same microphone label, by first name;
            # "can you say your name?" answered under a label of the answerer's own name
            text = turns[group.turns[0]].text
            back = _back_at_label(group, result, text) or _answered_under_label(group, result, turns)
        if not said and back is None:
            # "Yes, it is Davit again, I came down to the floor microphone": back under another label
            # (a floor group is one voice by now, so its first turn's tag speaks for all of them,
            # unless another of its turns tags itself otherwise: "Wellington here" after "It is Thaís")
            back = _back_by_first_name(group, result, [turns[i].text for i in group.turns])
        if back is not None:
            back.turns = sorted([*back.turns, *group.turns])
            back.labels += [lab for lab in group.labels if lab not in back.labels]
            result.remove(group)
            continue
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
    groups: Sequence[LabelGroup],
    turns: Sequence[Turn],
    is_generic: Callable[[str], bool],
    held: Callable[[str], bool] | None = None,
) -> list[LabelGroup]:
    """Split a generic label several people speak under (three panelists all ">> SPEAKER:", four
    all ">>PANELIST:") into one group per person, when its turns tell two people or more apart.

    A turn is the person who names themselves in it ("My name is Kedir Abdella"), else the one
    the turn before calls or hands over to by any form of the name ("Tsegaye, do you work on
    sign language?", "My question is for Mr. Abdella", "Our next speaker is Ms. Auma Owino",
    "We start with Celsa Ocampos Yegros … Celsa, seven minutes"), but not the one it only thanks
    for the turn before ("Thank you, Celsa.  Our next panelist …"); a turn nobody can be told
    for stays under the bare label. A turn handed to a speaker who has a group of their own
    (">>PANELLIST: I am Fetu …", later ">>PANELIST:" after "My comment is for Fetu") joins it.
    A duty label one person holds (`is_one_holder_label`) is left alone, and so is a label whose
    turns tell one person or none (`name_generic_voices` names those).

    `held`: labels that are a seat held in turn (`resolve.seats`): a turn there that nobody is told
    for stays with the seat's previous holder or starts an unnamed one (`seats.holders`), a name
    only thanked is nobody called, and a turn naming three people or more (the teams read out)
    calls none of them."""
    speech = [t for t in turns if t.kind == "speech"]
    position = {t.index: k for k, t in enumerate(speech)}
    # a one-voice generic group that says its name ("PANELLIST: I am Fetu …") is that person already
    voiced = {id(g): _voice_name(g, turns, is_generic) for g in groups if g.name is None}
    called = {id(g): g.name or voiced.get(id(g)) for g in groups}
    # a hub's group ("Jaffna Hub") is called by its city, which the chair also says of the room
    others = [n for g in groups if (n := called[id(g)]) and not _HUB.search(n)]
    speaker_of = {i: called[id(g)] for g in groups for i in g.turns}
    texts = [t.text for t in speech]
    spoken = "\n".join(texts)
    # every name a voice under a shared label claims in so many words, whichever label it was under
    claimed = [
        n
        for g in groups
        if g.name is None
        for i in g.turns
        for n, mine in _said(turns[i].text, True, _TURN_CHARS)
        if mine
    ]
    result: list[LabelGroup] = []
    joins: dict[str, LabelGroup] = {}  # turns handed to a speaker of another group
    # a seat's holders may be named by any turn ("the opposition team is Matías … and Sanne …"),
    # not only by the turns before the seat's own
    session_wide = (
        [n for t in speech for n in _introduced(t.text, spoken)]
        if held is not None and any(g.labels and all(held(lab) for lab in g.labels) for g in groups)
        else []
    )
    held_label = {
        i for g in groups if g.labels and held is not None and all(held(lab) for lab in g.labels) for i in g.turns
    }.__contains__
    # "With me is Ghiath Qattineh … and on the WebEx Rawan Hindawi" … "Rawan, over to you": a
    # hand-off by a short form to someone the session introduced in full but who has no label of
    # their own yet (read once, and only when a shared label is there to split)
    introduced_in_session: list[str] | None = None
    for group in groups:
        in_turn = held is not None and bool(group.labels) and all(held(lab) for lab in group.labels)
        if (
            group.name is not None
            or not group.labels
            or not all(is_generic(lab) and not is_one_holder_label(lab) for lab in group.labels)
            # one turn left under an interpreter's label (its other turns joined their speakers)
            # is still told by whom it answers
            or (len(group.turns) < 2 and not all(is_interpreter_label(lab) for lab in group.labels))
        ):
            result.append(group)
            continue
        own = [next((n for n, _ in _said(turns[i].text, True, _TURN_CHARS)), None) for i in group.turns]
        people: list[str] = []
        for introduced in session_wide if in_turn else ():
            if not any(same_person(introduced, p) for p in [*people, *others]):
                people.append(introduced)
        for name in own:
            if name and not any(same_person(name, p) for p in people) and not any(same_person(name, o) for o in others):
                people.append(name)
        elsewhere: list[str] = []  # voices of other shared labels a turn here tags itself as
        anonymous: list[int] = []  # turns whose voice declines to give a name
        owner: dict[int, str | None] = {}
        for index, name in zip(group.turns, own):
            k = position.get(index, 0)
            if name:
                # a seat's holder who also speaks under a label of their own is that speaker
                candidates = [*people, *others] if in_turn else people
                owner[index] = next((p for p in candidates if same_person(name, p)), None)
                continue
            if cues.DECLINED_NAME.search(turns[index].text, 0, _TURN_CHARS):
                # "My name is not important, I am just a reader": a voice of its own, unnamed
                anonymous.append(index)
                owner[index] = None
                continue
            # "It is Radovan again, from the postmasters": a voice back at a shared microphone (maybe
            # another one) tags itself by the first name it gave in full before
            back_to = _tagged_voice(turns[index].text, [*people, *others, *claimed])
            if back_to is not None:
                if back_to not in people and back_to not in others and back_to not in elsewhere:
                    elsewhere.append(back_to)
                owner[index] = back_to
                continue
            # "That was Teuta Zenelaj-Hoxholli, who …": the next voice names the one just heard,
            # surer than a name the turn before only said (it may be the voice before this one)
            heard = (
                _named_after(speech[k + 1].text)
                if k + 1 < len(speech) and speech[k + 1].index not in group.turns
                else None
            )
            if heard is None and k + 2 < len(speech) and speech[k + 2].index in group.turns:
                # "your name, and where you work?" then "Wayra Condori-Huaman, I work …": the answer's
                heard = _answered_name(speech[k + 1].text, speech[k + 2].text)
            if heard:
                known = next((p for p in [*people, *others] if same_person(heard, p)), None)
                if known is None:
                    people.append(heard)
                owner[index] = known or heard
                continue
            before = speech[k - 1] if k else None
            if before is None:
                owner[index] = None
                continue
            if before.index in group.turns:
                # an interpreter's label twice in a row, nobody between and no question put: the one
                # interpreted voice going on (`interpreted.goes_on`); other labels stay unknown
                # ("One word each.": "SPEAKER: Data." "SPEAKER: Correction." may be two panelists)
                owner[index] = owner.get(before.index) if goes_on(before, turns[index]) else None
                continue
            for said in _introduced(before.text, spoken):
                if not any(same_person(said, p) for p in [*people, *others]):
                    people.append(said)
            earlier = speech[k - 2].index if k >= 2 else None
            thanked = (
                owner.get(earlier) if earlier in owner else speaker_of.get(earlier) if earlier is not None else None
            )
            # the asker's own name is not whom they call ("My name is … My comment for …")
            # nor the voice of another label the chair names back ("That was Oswaldo …  Now the
            # floor"); under the same label it may be that voice going on (correcting its name)
            back = _named_after(before.text) if k < 2 or speech[k - 2].index not in group.turns else None
            # the asker by any form of their name, the label's or the one they say ("Thank you.
            # Joaquim Sertório Amanajás.  …  My question is for …": not "JOAQUIM AMANAJAS")
            asker = [speaker_of.get(before.index), *(n for n, _ in _said(before.text, True, _OPENING_CHARS))]
            if introduced_in_session is None:
                introduced_in_session = [] if in_turn else _introduced_once([t.text for t in speech], spoken)
            known_here = [
                *people,
                *others,
                *(n for n in introduced_in_session if not any(same_person(n, p) for p in [*people, *others])),
            ]
            callable_ = [
                p
                for p in known_here
                if not any(_same_voice(p, a) for a in asker) and not (back and same_person(back, p))
            ]
            # asked by description ("my question is for the municipal president"): a voice of this
            # label or a speaker with a group of their own, whom the session described so
            # a seat is handed on by the chair, not by another seat's holder answering
            # ("Yaw says …" under ">> OPPOSITION:" calls nobody to the timekeeper's bell)
            if in_turn and (_roll_call(before.text, callable_) or held_label(before.index)):
                owner[index] = None
                continue
            owner[index] = _last_called(before.text, callable_, thanked, any_thanked=in_turn) or described_addressee(
                before.text, [*people, *others], texts
            )
            # a name only introductions said (no label of its own, never said by its owner here)
            new_evidence = owner[index] is not None and owner[index] not in others and owner[index] not in own
            after = speech[k + 1] if k + 1 < len(speech) else None
            if (
                owner[index] is None
                and not in_turn
                and after is not None
                and after.index not in group.turns
                and after.label is not None
                and (not is_generic(after.label) or is_one_holder_label(after.label))
            ):
                # nobody handed to, but the next voice, a named speaker or the chair, thanks one
                # of them by name ("Thank you, Ghiath.  Rawan, over to you"): the voice just heard.
                # Not a floor voice's thanks: that is for the chair who gave it the floor.
                owner[index] = thanked_at_opening(after.text, [p for p in known_here if p not in asker])
                new_evidence = owner[index] is not None
            handed = owner[index]
            if handed is not None and new_evidence and _opens_with_other_name(turns[index].text, handed):
                # told by the new evidence only (a name the introductions alone knew, or the next
                # voice's thanks), and the turn opens with another full name ("Hi, Jolene
                # Tuhiwai-Bortolazzi, …" after "And yes, Itzel, we will …"): the two disagree
                owner[index] = None
            elif handed is not None and handed not in people and handed not in others:
                people.append(handed)
        runs: list[list[int]] = []
        if in_turn:
            from forumlens.resolve.seats import holders  # that module splits with this function

            owner, runs = holders(group.turns, owner, anonymous, turns)
        told = {n for n in owner.values() if n}
        if len(told) == 1 and None not in owner.values() and told <= set(people):
            # every turn told for one voice of this label (an interpreter's one interpreted speaker,
            # handed the floor, then asked by description): the label is that person's
            (person,) = told
            result.append(LabelGroup(person, list(group.labels), list(group.turns)))
            continue
        # an interpreter's turns all told for speakers with labels of their own: they join them
        told_others = all(is_interpreter_label(lab) for lab in group.labels) and None not in owner.values()
        # a voice that declines its name is another voice than the one named under the label
        if len(told) + (len(runs) if in_turn else bool(anonymous)) < 2 and not (told and told_others):
            result.append(group)
            continue
        for person in [*people, *others, *elsewhere]:
            mine = [i for i in group.turns if owner.get(i) == person]
            if not mine:
                continue
            if person in people:
                result.append(LabelGroup(person, list(group.labels), mine))
            else:
                joined = joins.setdefault(person, LabelGroup(person))
                joined.turns += mine
                joined.labels += [lab for lab in group.labels if lab not in joined.labels]
        rest = [i for i in group.turns if owner.get(i) is None and i not in anonymous]
        for unnamed in runs if in_turn else (rest, anonymous):
            if unnamed:
                result.append(LabelGroup(None, list(group.labels), unnamed))
    for target in result:
        name = target.name or voiced.get(id(target))
        joined_to = joins.pop(name, None) if name else None
        if joined_to is not None:
            target.turns = sorted([*target.turns, *joined_to.turns])
            target.labels += [lab for lab in joined_to.labels if lab not in target.labels]
    return sorted(result, key=lambda g: g.turns[0] if g.turns else -1)


_HUB = re.compile(r"\bhub\b", re.IGNORECASE)

# The chair naming the voice just heard, in the opening words of the next turn: "That was Teuta
# Zenelaj-Hoxholli, who is …", "That was again Anahit …", "And that was, I know her well …, Mrs.
# Eleni …" (one aside between commas at most, so "that was what Kwame Asante said" is no naming).
_THAT_WAS = re.compile(
    rf"(?:^|[.!?]\s+)(?:and\s+|so\s+)?(?:that|this)\s+was(?:\s+again)?(?:,\s+[^,.;:!?]{{3,80}},)?\s+{_TITLE}({_FULL_NAME})\b",
    re.IGNORECASE,
)
_NAMED_AFTER_CHARS = 200


def _surname_of(short: str, full: str) -> bool:
    """Whether a one-word name is the last word of a longer one ("Markopetrakis", "Theodosis
    Markopetrakis"): a speaker giving the surname first and the whole name later."""
    words = full.split()
    return " " not in short and len(words) > 1 and words[-1].casefold() == short.casefold()


def _answered_name(question: str, answer: str) -> str | None:
    """The name opening the answer to a chair's question for the name of the voice just heard."""
    if ASKS_NAME.search(question) is None:
        return None
    return next((n for n, _ in _said(answer, True, _OPENING_CHARS)), None)


def _asked_name(turns: Sequence[Turn], index: int) -> bool:
    """Whether the speech turn before this one asks the voice for its name (`people.ASKS_NAME`)."""
    before = previous_speech(turns, index)
    return before is not None and ASKS_NAME.search(turns[before].text) is not None


def _named_after_all(group: LabelGroup, turns: Sequence[Turn]) -> list[str]:
    """The names the turns right after a group's turns give the voice just heard (`_named_after`)."""
    return _names_after(group, turns, _named_after)


def _names_after(group: LabelGroup, turns: Sequence[Turn], read: Callable[[str], str | None]) -> list[str]:
    """The distinct names `read` finds in the speech turn right after each of a group's turns
    (by another voice): what the next speaker calls the voice just heard."""
    names: list[str] = []
    mine = set(group.turns)
    for index in group.turns:
        at = next_speech(turns, index)
        if at is None or turns[at].index in mine:
            continue
        after = turns[at]
        name = read(after.text)
        if name and not any(same_person(name, n) for n in names):
            names.append(name)
    return names


def _named_after(text: str) -> str | None:
    """The full name the turn right after a voice gives it ("Thank you.  That was Ms. Sushila
    Rajbhandari-Tuladhar, …"): a chair who names each speaker only once they finish."""
    m = _THAT_WAS.search(text[:_NAMED_AFTER_CHARS])
    if m is None:
        return None
    name = re.sub(r"\s+", " ", m.group(1))
    return name if _is_name(name) else None


# The tag a voice opens its turn with ("Tomasz here", "this is Bożena speaking"), read by
# `voice_tag` for `sharedaccount` (one account, several voices) and for the joins below.
_NAME = rf"{NAME_WORD}(?:[ \u00a0]+{NAME_WORD}){{0,3}}"
# Words a voice may open its turn with before the tag ("Yes, Tomasz again"): never the tagged name.
_OPENERS = ("so", "yes", "hello", "hi", "okay", "ok", "sorry")
# "this is Bożena speaking", "it is Mariana", "Tomasz here", "Tomasz again", "Bożena speaking":
# the tag a voice on a shared account opens its turn with, at a sentence start or after a greeting.
_TAG = re.compile(
    rf"(?:^|[.!?,][ \u00a0]+)(?:(?:{'|'.join(_OPENERS)})[, \u00a0]+)*"
    rf"(?:(?:this|it)[ \u00a0]+is[ \u00a0]+)?({_NAME})[ \u00a0]+(?:here|again|speaking)\b"
    # the full name right after the tag: "Bożena speaking, Bożena Wielgopolan-Kurek,"
    rf"(?:[ \u00a0]*,[ \u00a0]+({_NAME})[ \u00a0]*[,.])?",
    re.IGNORECASE,
)
# "Sorry, it is me again, Bahareh, only a follow-up": a voice back at the microphone, naming itself
# after "me" (a bare "It's me, Fiona" may be the voice answering Fiona: only with "again")
_ME_AGAIN = re.compile(
    rf"(?:^|[.!?,][ \u00a0]+)(?:(?:{'|'.join(_OPENERS)})[, \u00a0]+)*"
    rf"(?:this|it)(?:[ \u00a0]+is|'s|’s)[ \u00a0]+me[ \u00a0]+again[ \u00a0]*,[ \u00a0]+({_NAME})[ \u00a0]*[,.]",
    re.IGNORECASE,
)
_TAG_CHARS = 120  # the tag opens the turn
# Kept apart from `text.roomwords`: built from `_OPENERS`, the words `_TAG` lets open the turn, so the
# pattern and this filter name the same words. The shared courtesies it lacks ("thanks", "please") are not
# added: that would change which tags are read ("Thanks again" is not checked here today).
_NOT_NAMES = frozenset(_OPENERS) | {"i", "we", "me", "everybody", "everyone"}


def voice_tag(text: str, rooms: bool = False) -> str | None:
    """The name a voice tags its turn with as it opens (the full one when it follows the tag);
    `rooms`: also a place's name ("Wellington here" may be a person or a room).

    Here, not in `sharedaccount` (which splits one account's voices by these tags): the readers
    of this module that join a voice back to a speaker heard before read the same tags, and
    `sharedaccount` already reads this module's name words."""
    m = _TAG.search(text[:_TAG_CHARS])
    if m is None:
        again = _ME_AGAIN.search(text[:_TAG_CHARS])
        if again is None or not _is_person_like(again.group(1)) or is_place_name(again.group(1)):
            return None
        return again.group(1)
    short, full = m.group(1), m.group(2)
    if (not rooms and is_place_name(short)) or not _is_person_like(short):
        return None  # "Nairobi here": a room, not a voice
    if full and name_key(full).split()[:1] == name_key(short).split()[:1] and len(full.split()) > 1:
        return full
    return short


def _is_person_like(words: str) -> bool:
    """Not a body ("Digital Rights Foundation here", as `looks_org` tells one) nor a greeting word
    taken for a name."""
    return not looks_org(words) and words.split()[0].casefold() not in _NOT_NAMES


def _tagged_voice(text: str, known: Sequence[str]) -> str | None:
    """The one known person whose first name a turn's opening tag gives ("It is Radovan again",
    "Sorry, this is Halima again"), or None when no tag opens it or the first name is ambiguous."""
    tag = voice_tag(text)
    if tag is None:
        return None
    first = name_key(tag).split()[:1]
    matches = {k for k in known if len(k.split()) > 1 and name_key(k).split()[:1] == first}
    return next(iter(matches)) if len(matches) == 1 else None


def _back_at_label(group: LabelGroup, groups: Sequence[LabelGroup], text: str) -> LabelGroup | None:
    """The one earlier voice under the same label whose first name a turn's opening tag gives
    ("Sorry, it is me again, Bahareh": the asker who named herself at that microphone before)."""
    tag = voice_tag(text)
    if tag is None:
        return None
    same = [g for g in _heard_before(group, groups, name_key(tag).split()[:1]) if set(g.labels) & set(group.labels)]
    return same[0] if len(same) == 1 else None


def _heard_before(group: LabelGroup, groups: Sequence[LabelGroup], first: list[str]) -> list[LabelGroup]:
    """The named voices other than `group` heard before it whose name opens with `first` (a name
    key's first word, as a one-item list)."""
    return [
        g
        for g in groups
        if g is not group
        and g.name
        and g.turns
        and g.turns[0] < group.turns[0]
        and name_key(g.name).split()[:1] == first
    ]


def _back_by_first_name(group: LabelGroup, groups: Sequence[LabelGroup], texts: Sequence[str]) -> LabelGroup | None:
    """The one speaker heard before under a label of their own whom a floor voice's opening tag
    names by first name ("Yes, it is Davit again, I came down to the floor microphone", "Wellington
    here, to finish the answer"): a panellist who went to the floor microphone is still themselves.

    Why: the captioner labels the floor microphone, not the person, so without this the panellist's
    last words become an unnamed floor voice. Only a tag (`voice_tag`) counts, not a
    name said in passing; exactly one earlier named speaker may go by the first name, and a tag
    that gives a full name must be theirs ("It is Farid Sharipzoda here" is not Farid Huseynzada).
    `texts`: the group's turns; the first one's tag decides, and a later one tagged with another
    first name ("Wellington here, to finish the answer") means two voices: nobody is joined."""
    tag = voice_tag(texts[0])
    if tag is None:
        return None
    first = name_key(tag).split()[:1]
    if not first or any(
        (other := voice_tag(text, rooms=True)) is not None and name_key(other).split()[:1] != first
        for text in texts[1:]
    ):
        return None
    same = [g for g in _heard_before(group, groups, first) if not _HUB.search(g.name or "")]
    if len(same) != 1 or (len(tag.split()) > 1 and not same_person(tag, same[0].name or "")):
        return None
    return same[0]


def _answered_under_label(group: LabelGroup, groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> LabelGroup | None:
    """The named speaker who answers the chair's question for the name of the voice just heard
    (">> SPEAKER: …", ">> CHAIR: … can you say your name?", ">> TOMASZ NOWAK: Yes, sorry.  Tomasz
    Nowak, from …"): the captioner labelled the answer with the name, the voice is theirs."""
    asked = next_speech(turns, group.turns[-1])
    if asked is not None and ASKS_NAME.search(turns[asked].text) is None:
        # ">> AUDIENCE: … my question is to Farida", ">> FARIDA …: (the answer)", ">> CHAIR: Thank
        # you.  Can you say your name and the company, for the report?": a named panellist's answer
        # between the voice and the question; a named voice is not asked its name
        between = next((g for g in groups if asked in g.turns), None)
        if between is None or between is group or between.name is None or len(between.turns) < 2:
            return None
        asked = next_speech(turns, asked)
    if asked is None or ASKS_NAME.search(turns[asked].text) is None:
        return None
    answer = next_speech(turns, asked)
    if answer is None:
        return None
    owner = next((g for g in groups if answer in g.turns), None)
    if owner is None or owner is group or owner.name is None or asked in owner.turns or asked in group.turns:
        return None
    said = _said(turns[answer].text, True, _OPENING_CHARS)
    return owner if said and same_person(said[0][0], owner.name) else None


def _voice_name(group: LabelGroup, turns: Sequence[Turn], is_generic: Callable[[str], bool]) -> str | None:
    """The name a one-turn group under a generic label says is its own, in so many words."""
    if len(group.turns) != 1 or not group.labels or not all(is_generic(lab) for lab in group.labels):
        return None
    claimed = [n for n, own in _said(turns[group.turns[0]].text, True, _TURN_CHARS) if own]
    return claimed[0] if len(claimed) == 1 else None


def _same_voice(name: str, speaker: str | None) -> bool:
    """Whether `name` is the speaker's own, in any form of it: the same person, or the label's
    short form of the name they said (first and last words alike, a middle name left out)."""
    if speaker is None:
        return False
    if name == speaker or same_person(name, speaker):
        return True
    short, full = name_key(name).split(), name_key(speaker).split()
    return (
        len(short) >= 2 and len(full) >= 2 and short[0] == full[0] and short[-1] == full[-1] and set(short) <= set(full)
    )


def _introduced(text: str, spoken: str) -> list[str]:
    """The people a hand-off names in full: with a title ("Ms. Njeri Kamau"), or without one when
    the session also calls them by a short form on its own ("Celsa Ocampos Yegros" … "Celsa,
    seven minutes"), which a body's name seldom gets ("Kianda Sistemas" is never "Kianda")."""
    found = [re.sub(r"\s+", " ", m.group(1)) for m in _TITLED_NAME.finditer(text)]
    for m in re.finditer(_FULL_NAME, text):
        name = re.sub(r"\s+", " ", m.group(0))
        if any(name in titled for titled in found):
            continue
        first = name.split()[0]
        if len(first) < 3:
            continue
        if _said_alone(first, spoken):
            found.append(name)
    return [n for n in found if _is_name(n)]


@lru_cache(maxsize=256)
def _said_alone(first: str, spoken: str) -> bool:
    """Whether the session's speech says `first` as a word not followed by another name word
    ("Celsa, seven minutes"). Remembered per session text: resolve asks it of every turn that
    names the person, and each ask compiled a pattern and scanned the whole session (issue 19).
    The word is found with `str.find` and only the tail is a pattern, compiled once a process: a
    pattern built per name cost ~1 ms to compile (the name word's accented capitals), more than the scan."""
    n = len(first)
    at = spoken.find(first)
    while at >= 0:
        if _WORD_EDGE.match(spoken, at) and _ALONE_AFTER.match(spoken, at + n):
            return True
        at = spoken.find(first, at + 1)
    return False


# `\b` where a pattern matched at a position evaluates it (the character before counts)
_WORD_EDGE = re.compile(r"\b")
# the end of a first name said alone: a word edge, and no name word next ("Celsa, seven minutes")
_ALONE_AFTER = re.compile(rf"\b(?![\s\u00a0]+{NAME_WORD})")
# a name said whole after its opening words ends there: no word character or hyphen next, no name word
_NO_NAME_NEXT = re.compile(rf"(?!\s+{NAME_WORD})")


_OPENING_NAME_CHARS = 150


def _opens_with_other_name(text: str, name: str) -> bool:
    """Whether the opening of a turn says a person's full name that is not `name`'s."""
    for m in re.finditer(_FULL_NAME, text[:_OPENING_NAME_CHARS]):
        said = re.sub(r"\s+", " ", m.group(0))
        if _THANKS_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "Thank you, Ottilie Brandvold, for …": the one thanked, not the voice
        if _is_name(said) and not same_person(said, name):
            return True
    return False


def _introduced_once(texts: Sequence[str], spoken: str) -> list[str]:
    """Every full name the session introduces (`_introduced`), each once, in the order said, that
    reads as a person's: not the first words of a longer capitalised run ("Ahsa Oasis Water
    Research" of "… Research Centre", a body's name cut at a name's length), no word in capitals
    ("Caribbean IGF", "Five NRIs", a caption line in capitals) and no English word at its end
    ("Nyota Mobile"). A person's name that fails stays unknown here, which leaves a turn under the
    generic label rather than giving it to a body."""
    found: list[str] = []
    for text in texts:
        for name in _introduced(text, spoken):
            parts = name.split()
            if any(re.search(r"[A-Z]{2}", w) for w in parts) or english_word(parts[-1].lower()):
                continue
            if not _said_whole(parts, text):
                continue
            if not any(same_person(name, f) for f in found):
                found.append(name)
    return found


def _said_whole(parts: Sequence[str], text: str) -> bool:
    """Whether `text` says the words of a name in a row, whole (no word character or hyphen on
    either side) and with no name word right after. Only the name's own words are a pattern built
    per call (cheap to compile); the name-word tail is compiled once (issue 19)."""
    words = r"\s+".join(re.escape(w) for w in parts)
    said = re.compile(rf"(?<![\w-]){words}(?![\w-])")
    m = said.search(text)
    while m is not None:
        if _NO_NAME_NEXT.match(text, m.end()):
            return True
        m = said.search(text, m.start() + 1)
    return False


# "Thank you, Celsa, and exactly on time.": the name thanked for the turn before, not called.
_THANKS_BEFORE = re.compile(r"\b(?:thank\s+you|thanks|merci|gracias|obrigad[oa])\b[^.?!]{0,40}$", re.IGNORECASE)


def _last_called(text: str, people: Sequence[str], thanked: str | None = None, any_thanked: bool = False) -> str | None:
    """The person whose name (full, first or last) a turn says last, if any; `thanked`, the
    speaker of the turn before (`any_thanked`: anyone), does not count where the turn thanks them."""
    best: tuple[int, str] | None = None
    for person in people:
        for form in name_forms(person):
            for m in re.finditer(rf"\b{re.escape(form)}\b", text):
                if (any_thanked or person == thanked) and _THANKS_BEFORE.search(
                    text, max(0, m.start() - 60), m.start()
                ):
                    continue
                if best is None or m.start() > best[0]:
                    best = (m.start(), person)
    return best[1] if best else None


def _roll_call(text: str, people: Sequence[str]) -> bool:
    """Whether a turn names three of `people` or more and its last sentence none: the chair
    reading out who is here ("The proposition team is … and …; the opposition team is … First
    speaker for the proposition, please."), calling none of them to speak ("… Kofi, you open." does)."""
    named = [p for p in people if any(re.search(rf"\b{re.escape(f)}\b", text) for f in name_forms(p))]
    last = re.split(r"(?<=[.?!])\s+", text.strip())[-1]
    return len(named) >= 3 and not any(re.search(rf"\b{re.escape(f)}\b", last) for p in named for f in name_forms(p))


def complete_names(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Give a group labelled by part of a name the full name its speaker says.

    ">> HON. BEN YOUSSEF: … I am Samira Ben Youssef, member of …", ">> MS. ECHEVERRI: Thank you,
    Chair.  Pilar Echeverri Rojas.", ">> Zainab K.: … I'm Zainab Kargbo-Fofanah", ">> amara_t: … I am
    Amara Kuyateh-Bangura" (a username: only its words of three letters or more): the label is the
    captioner's or the meeting tool's short form; the speaker's own words hold every word of it
    (an initial standing for a word) and more. Only one such name across the group's turns counts, and
    not one another group of the cast carries. A label of a first name alone takes the one full
    name the session says with it (`full_name_said`).
    """
    named = [g.name for g in groups if g.name]
    for group in groups:
        if group.name is None:
            continue
        have = set(name_key(group.name).split())
        if group.labels and all(_HANDLE.fullmatch(lab) for lab in group.labels):
            # a meeting tool's username ("amara_t", "kofi.a2"): its initials and digits are
            # the account's, so the name's words of three letters or more must be in the name
            have = {w for w in have if len(w) >= 3 and not w.isdigit()}
            if not have:
                continue
        longer: list[str] = []
        for k, index in enumerate(group.turns):
            for name in said_names(turns[index].text, opening=k == 0, limit=len(turns[index].text)):
                words = name_key(name).split()
                if _covers(have, words) and not any(same_person(name, other) for other in longer):
                    longer.append(name)
        if len(longer) == 1 and not any(
            other != group.name and same_person(longer[0], other) and not same_person(group.name, other)
            for other in named
        ):
            group.name = longer[0]
            continue
        from_label = any(name_key(lab) == name_key(group.name) for lab in group.labels)
        own = _own_name_beside_label(group.name, [turns[index].text for index in group.turns]) if from_label else None
        if own is not None and not any(other != group.name and same_person(own, other) for other in named):
            group.name = own
            continue
        heard = _misheard(group, turns)
        if heard is not None and not any(other != group.name and same_person(heard, other) for other in named):
            group.name = heard
            continue
        full = full_name_said(group.name, turns) or middle_name_said(group.name, turns)
        if full is not None and not any(other != group.name and same_person(full, other) for other in named):
            group.name = full
    return list(groups)


def _own_name_beside_label(label_name: str, texts: Sequence[str]) -> str | None:
    """The name a labelled voice says is its own when the label is a form of it no word-cover
    reads: the label's first word is a form of address the speaker leaves out of their own name
    (">> ATO DAWIT: … I am Dawit Wondimagegn Ayalneh", ">> U THEIN ZAW HTIKE: … Thein Zaw Htike is
    my name": the rest of the label opens the name said, its first word is not in it); the label
    spells the same name without its letters the captioner cannot type (">> SIGRIDUR
    HRAFNKELSDOTTIR:" for "I am Sigríður Hrafnkelsdóttir"); or a badge doubled a one-word name
    (">> SUTARNI SUTARNI:" for "My name is Sutarni"). Only a name said in so many words ("my name
    is", "I am", "… is my name"), and only one such name across the voice's turns."""
    label = label_name.split()
    keys = [name_key(w) for w in label]
    said: list[str] = []
    for text in texts:
        for name in own_names(text, limit=len(text)):
            if not any(same_person(name, other) for other in said):
                said.append(name)
    fits: list[str] = []
    for name in said:
        words = name_key(name).split()
        respelled = words == name_key(label_name).split() and name != label_name and not name.isascii()
        doubled = len(set(keys)) == 1 < len(keys) and words == keys[:1]
        rest = name_key(" ".join(label[1:])).split()
        # a name of one word is a surname said alone ("My name is Markopetrakis" for a label
        # "THEODOSIS MARKOPETRAKIS"), never a reason to drop the label's first word
        addressed = (
            len(label) > 1
            and len(words) > 1
            and bool(rest)
            and words[: len(rest)] == rest
            and not set(name_key(label[0]).split()) & set(words)
        )
        if respelled or doubled or addressed:
            fits.append(name)
    return fits[0] if len(fits) == 1 else None


def full_name_said(name: str, turns: Sequence[Turn]) -> str | None:
    """The full name the session says for a voice labelled by a first name alone (">> GRACE:"
    … "Our first speaker is Grace Wanjiru"): the one name of two to four words that opens with
    that word anywhere in the session; none when two differ ("Grace Wanjiru", "Grace Okoth") or
    the label is more than one word. The captioner typed the name the chair first said. Public:
    a first name read out with a question ("one from Grace in Nairobi") is the same person."""
    words = name.split()
    if len(words) != 1 or len(words[0]) < 3 or not words[0][0].isupper():
        return None
    head: re.Pattern[str] | None = None
    found: list[str] = []
    for turn in turns:
        if words[0] not in turn.text:
            continue  # one substring test per turn before the pattern (issue 19)
        if head is None:  # compiled only for a session that says the word
            head = re.compile(rf"\b{re.escape(words[0])}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{NAME_WORD}){{1,3}}")
        for m in head.finditer(turn.text):
            said = re.sub(r"\s+", " ", m.group(0))
            if _is_name(said) and not any(same_person(said, f) for f in found):
                found.append(said)
    return found[0] if len(found) == 1 else None


def middle_name_said(name: str, turns: Sequence[Turn]) -> str | None:
    """The full name the session says for a voice labelled by a first name and a surname when the
    label drops a middle name (">> MOHAMMED DAFAALLA:" after "Next to Lamees, Engineer Mohammed
    Elfatih Dafaalla, from …"): the one name that opens with the label's first word, ends with its
    last, and has one or two capitalised words between; none when two differ. The captioner typed
    the name short; the introduction gives it whole, as the person is known."""
    words = name.split()
    if len(words) != 2 or min(len(w) for w in words) < 3:
        return None
    first, last = (re.escape(w) for w in words)
    opening: re.Pattern[str] | None = None
    closing: re.Pattern[str] | None = None
    found: list[str] = []
    for turn in turns:
        folded = turn.text.casefold()
        if words[-1].casefold() not in folded or words[0].casefold() not in folded:
            continue  # substring tests per turn before the pattern (issue 19)
        if opening is None or closing is None:  # compiled only for a session that says both words
            opening, closing = re.compile(rf"\b(?i:{first})"), re.compile(rf"(?i:{last})\b")
        for whole in _between(turn.text, opening, closing):
            said = re.sub(r"\s+", " ", whole)
            if _is_name(said) and name_key(said) != name_key(name) and not any(same_person(said, f) for f in found):
                found.append(said)
    return found[0] if len(found) == 1 else None


# one or two name words between a first name and a surname, each with the spaces around it
_ONE_BETWEEN = re.compile(rf"\s+{NAME_WORD}\s+")
_TWO_BETWEEN = re.compile(rf"\s+{NAME_WORD}\s+{NAME_WORD}\s+")


def _between(text: str, opening: re.Pattern[str], closing: re.Pattern[str]) -> list[str]:
    """What `\\b(?i:FIRST)((?:\\s+NAME_WORD){1,2}?)\\s+(?i:LAST)\\b` finds in `text` (`finditer`, in
    order, not overlapping), with only the two words compiled per name: the name-word middle,
    whose accented capitals cost ~2 ms to compile, is compiled once a process (issue 19). The
    middle can end in one place only (a name word runs to the next space, the spaces run to the
    surname's first letter), so trying one word and then two is the lazy `{1,2}?`."""
    found: list[str] = []
    m = opening.search(text)
    while m is not None:
        end = None
        for middle in (_ONE_BETWEEN, _TWO_BETWEEN):
            gap = middle.match(text, m.end())
            if gap is not None and (close := closing.match(text, gap.end())) is not None:
                end = close.end()
                break
        if end is None:
            m = opening.search(text, m.start() + 1)
        else:
            found.append(text[m.start() : end])
            m = opening.search(text, end)
    return found


# How alike a label and the name its voice says must be to be one name misheard: the surname
# nearly the same ("Colbenschlag" / "Kolbenschlag"), the whole name close ("Peter" / "Dieter").
_SURNAME_ALIKE = 85
_NAME_ALIKE = 80


def _misheard(group: LabelGroup, turns: Sequence[Turn]) -> str | None:
    """The name a labelled voice gives as its own in its first turn ("Dieter Kolbenschlag, I am an
    editor …") when the label is the same name misheard (">> PETER COLBENSCHLAG:"): as many words,
    the surname nearly the same and the whole close, but not the same key. The voice's own words
    are spelled as said, often corrected by a captioner's note; the label was typed once, before."""
    if group.name is None or not group.turns:
        return None
    label = name_key(group.name).split()
    if len(label) < 2:
        return None
    first = turns[group.turns[0]].text
    for name in said_names(first, opening=True, limit=len(first)):
        said = name_key(name).split()
        if (
            len(said) == len(label)
            and said != label
            and fuzz.ratio(said[-1], label[-1]) >= _SURNAME_ALIKE
            and fuzz.ratio(" ".join(said), " ".join(label)) >= _NAME_ALIKE
            # one surname, other first names: a relative ("Jane Okafor" for ">> JOHN OKAFOR:")
            # unless the first names too are one name misheard ("Maria" / "Mario")
            and (said[-1] != label[-1] or fuzz.ratio(said[0], label[0]) >= _NAME_ALIKE)
        ):
            return name
    return None


# A username as a label: one token of letters joined by "_" or "." or followed by digits, written
# in lower case ("amara_t", "j.okafor", "kwame84"), as a meeting tool shows an account.
_HANDLE = re.compile(r"(?-i:[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|[a-z]+\d+)")


def _covers(short: set[str], full: Sequence[str]) -> bool:
    """Whether a full name holds every word of a short form and more, an initial ("k") standing
    for a word that starts with it ("Zainab K." for "Zainab Kargbo-Fofanah")."""
    # "Keahi K" for "Keahi Kalanikupua": an initial stands for a word, so as many words may cover it
    if len(full) < len(short) or (len(full) == len(short) and not any(len(w) == 1 for w in short)):
        return False
    rest = list(full)
    for word in sorted(short, key=len, reverse=True):
        hit = next((w for w in rest if w == word), None)
        if hit is None and len(word) == 1:
            hit = next((w for w in rest if w.startswith(word)), None)
        if hit is None:
            run = _particle_run(word, rest, full[-1])
            if run is None:
                return False
            for w in run:
                rest.remove(w)
            continue
        rest.remove(hit)
    return True


_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))


def _particle_run(short: str, words: Sequence[str], last: str | None = None) -> list[str] | None:
    """The words an abbreviation spells by their initials, consecutive in `words`: particles ("vd"
    for "van der"), or the whole family name at the end ("NC" for "Ní Chuinneagáin", a display
    name that shortens the surname it has two words for: the run must end on `last`, the full
    name's last word, so "XY" never stands for two given names); None when there are none."""
    if not 2 <= len(short) <= 3 or not short.isalpha():
        return None
    for k in range(len(words) - len(short) + 1):
        run = list(words[k : k + len(short)])
        family = last is not None and k + len(short) == len(words) and run[-1] == last
        if (family or all(w in _PARTICLES for w in run)) and "".join(w[0] for w in run) == short:
            return run
    return None


# A label spoken of as a body: "Yokasta from Caribe Abierto", "the name on the screen is …".
_BODY_BEFORE = r"\b(?:from|at|of|with|for|account|screen\s+is)\s+(?:the\s+)?"


def _nameplate(group: LabelGroup, turns: Sequence[Turn]) -> bool:
    """Whether a label is the nameplate the speaker sits behind, not their name: a country's
    (">> MALAWI:" in a consultation where delegations take the floor by flag), or the acronym the
    speaker gives as their own body's (">> FICA: … the Federation of Internet Café Associations,
    FICA, …"). Behind a nameplate a bare name opening the turn ("For the record, Tiyamike
    Nkhwazi-Kamwendo, Department of …") is the speaker's own, as a delegate says it."""
    if group.name is None:
        return False
    if group.name.casefold() in _place_names():
        return True
    word = group.name.strip()
    if not re.fullmatch(r"[A-Za-z]{2,8}", word) or not any(lab.isupper() for lab in group.labels):
        return False
    said_as_body = re.compile(r",\s+" + re.escape(word.upper()) + r"\b")
    return any(said_as_body.search(turns[index].text) for index in group.turns)


# The chair thanking the voice just heard by full name: "Thank you very much, Mr. Ignacio Berrutti
# Casaravilla, and welcome back".
_THANKED = re.compile(
    rf"^\W*(?:thank you|thanks)(?:\s+(?:very|so)\s+much)?,?\s+{_TITLE}({_FULL_NAME})\s*[,.!]",
    re.IGNORECASE,
)


def _thanked_after(group: LabelGroup, turns: Sequence[Turn]) -> list[str]:
    """The full names the next speaker thanks, opening their turn, right after this voice's
    turns (a delegate behind a nameplate who never says their name, named by the chair)."""
    return _names_after(group, turns, _thanked_name)


def _thanked_name(text: str) -> str | None:
    """The full name a turn thanks as it opens ("Thank you very much, Mr. Ignacio …,")."""
    m = _THANKED.match(text)
    return re.sub(r"\s+", " ", m.group(1)) if m and _is_name(m.group(1)) else None


def name_account_labels(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Give a group labelled by an organisation's account the name its speaker says.

    ">> Caribe Abierto: This is Yokasta Almonte-Peguero speaking, I'm on the office account":
    a meeting tool shows the account's name, and the speaker says theirs. The label is taken for
    an account only when the session speaks of it as a body ("Yokasta from Caribe Abierto") and
    the speaker says in so many words one full name of their own that shares no word with it
    and no other speaker of the cast carries; the label stays in `labels`.
    """
    speech = [t.text for t in turns if t.kind == "speech"]
    named = [g.name for g in groups if g.name]
    for group in groups:
        if group.name is None or not group.labels or any(is_generic_label(lab) for lab in group.labels):
            continue
        label_words = set(name_key(group.name).split())
        plate = _nameplate(group, turns)
        claimed: list[str] = []
        for index in group.turns:
            for name, own in _said(turns[index].text, True, _OPENING_CHARS):
                if (own or plate) and not any(same_person(name, c) for c in claimed):
                    claimed.append(name)
        if plate and not claimed:
            claimed = _thanked_after(group, turns)
        if len(claimed) != 1 or label_words & set(name_key(claimed[0]).split()):
            continue
        if any(other != group.name and same_person(claimed[0], other) for other in named):
            continue
        body = re.compile(_BODY_BEFORE + re.escape(group.name) + r"\b", re.IGNORECASE)
        if plate or any(body.search(text) for text in speech):
            group.name = claimed[0]
    return list(groups)

"""Caption labels that name a role, not a person ("MODERATOR", "AUDIENCE", "INTERPRETER").

A bullet's attribution and a "Key points by speaker" heading must name a person or say
plainly that nobody is named: "AUDIENCE: We need ..." reads as if someone were called
Audience, and "INTERPRETER" is the voice of a speaker, not the speaker. The parser keeps
such labels as `label` (speaker null, `transcript.speakers.generic_label`); here they are
read as a role with a phrase for each place they are shown.
"""

from __future__ import annotations

import re
from functools import cache

from ..labels import unnamed_voice
from ..resolve.datafiles import shipped_toml
from ..transcript.speakers import generic_label

__all__ = ["HEADINGS", "PREFIXES", "hub_place", "label_role", "speaker_phrase"]

_HUB_WORDS = re.compile(r"\b(?:remote\s+)?hub\b", re.IGNORECASE)

# What a role is called before a bullet ("The moderator: ...") and as a group of points.
PREFIXES = {
    "moderator": "The moderator",
    "remote-hub": "A remote hub",
    "rapporteur": "The rapporteur",
    "interpreter": "A speaker (interpreted)",
    "participant": "A participant",
}
HEADINGS = {
    "moderator": "Moderator",
    "remote-hub": "A remote hub",
    "rapporteur": "Rapporteur",
    "interpreter": "A speaker (interpreted)",
    "participant": "Participants from the floor",
}


def label_role(label: str | None) -> str | None:
    """The role a generic caption label stands for (a key of `PREFIXES`), None for a name.

    >>> label_role("ONLINE MODERATOR"), label_role("INTERPRETER"), label_role("AUDIENCE")
    ('moderator', 'interpreter', 'participant')
    >>> label_role("Ana Luisa Ferreira") is None
    True
    """
    if not label or not generic_label(label):
        return None
    low = label.lower()
    if any(w in low for w in ("moderator", "chair", "host", "facilitator")):
        return "moderator"
    if "rapporteur" in low:
        return "rapporteur"
    if "interpret" in low:
        return "interpreter"
    return "participant"


def speaker_phrase(who: str | None, *, opens: bool = False, hub: bool = False) -> str:
    """How a sentence the report builds names a speaker: a name as given; an unnamed speaker's
    description with its article ("remote participant" -> "a remote participant"); nobody at
    all as "a participant". `opens`: the phrase opens its sentence, so it starts upper case.

    Why one helper: the analysis gives an unnamed asker as a bare description, and a sentence
    that pastes it in ("remote participant asked: …") reads as a name in lower case. `hub`: the
    people analysis found the label a remote hub, so it names a place, not a person: "DHAKA
    BANGLADESH" reads "a participant from the Dhaka hub (Bangladesh)", never "Dhaka Bangladesh asked".

    >>> speaker_phrase("remote participant"), speaker_phrase("remote participant", opens=True)
    ('a remote participant', 'A remote participant')
    >>> speaker_phrase("Online participant from Dhaka"), speaker_phrase("AUDIENCE MEMBER", opens=True)
    ('an online participant from Dhaka', 'An audience member')
    >>> speaker_phrase("Meera", opens=True), speaker_phrase(None), speaker_phrase("the Remote Hub")
    ('Meera', 'a participant', 'the remote hub')
    >>> speaker_phrase("DHAKA BANGLADESH", opens=True, hub=True), speaker_phrase("Nairobi Remote Hub", hub=True)
    ('A participant from the Dhaka hub (Bangladesh)', 'a participant from the Nairobi hub')
    """
    said = " ".join((who or "").split())
    voice = unnamed_voice(said)
    if hub and said and voice is None:
        phrase = _hub_phrase(said)
    elif not said:
        phrase = PREFIXES["participant"].lower()
    elif voice is None or voice.numbered:
        phrase = said
    else:
        phrase = voice.phrase
    return phrase[:1].upper() + phrase[1:] if opens else phrase


def _hub_phrase(label: str) -> str:
    """A remote hub's label (a place, with or without the word "hub") as who spoke from it."""
    place = hub_place(label)
    return f"a participant from the {place}" if place else "a participant from a remote hub"


@cache
def _countries() -> dict[str, str]:
    """The shipped country names (`resolve/data/countries.toml`, first of each row), by casefold."""
    return {str(row[0]).casefold(): str(row[0]) for row in shipped_toml("countries.toml")["countries"]}


def hub_place(label: str) -> str:
    """A remote hub's label as the hub's name: "DHAKA BANGLADESH" -> "Dhaka hub (Bangladesh)",
    "Nairobi Remote Hub" -> "Nairobi hub"; "" when the label names no place.

    A label "CITY COUNTRY" read as one place ("the Dhaka Bangladesh hub") runs a city and its
    country together; a rapporteur writes the city's hub with the country after it. The
    country is a trailing name of the shipped country list, never the whole label ("Bangladesh
    hub" stays "Bangladesh hub").
    >>> hub_place("DHAKA BANGLADESH"), hub_place("Port Louis Mauritius hub"), hub_place("Bangladesh Hub")
    ('Dhaka hub (Bangladesh)', 'Port Louis hub (Mauritius)', 'Bangladesh hub')
    """
    place = " ".join(_HUB_WORDS.sub(" ", label).split())
    if place.isupper() or place.islower():  # a caption label's capitals are no spelling
        place = place.title()
    if not place:
        return ""
    words = place.split()
    for cut in range(1, len(words)):
        country = _countries().get(" ".join(words[cut:]).casefold())
        if country is not None:
            return f"{' '.join(words[:cut])} hub ({country})"
    return f"{place} hub"

"""Caption labels that name a role, not a person ("MODERATOR", "AUDIENCE", "INTERPRETER").

A bullet's attribution and a "Key points by speaker" heading must name a person or say
plainly that nobody is named: "AUDIENCE: We need ..." reads as if someone were called
Audience, and "INTERPRETER" is the voice of a speaker, not the speaker. The parser keeps
such labels as `label` (speaker null, `transcript.speakers.generic_label`); here they are
read as a role with a phrase for each place they are shown.
"""

from __future__ import annotations

import re

from ..labels import unnamed_voice
from ..transcript.speakers import generic_label

__all__ = ["HEADINGS", "PREFIXES", "label_role", "speaker_phrase"]

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
    BANGLADESH" reads "a participant from the Dhaka Bangladesh hub", never "Dhaka Bangladesh asked".

    >>> speaker_phrase("remote participant"), speaker_phrase("remote participant", opens=True)
    ('a remote participant', 'A remote participant')
    >>> speaker_phrase("Online participant from Dhaka"), speaker_phrase("AUDIENCE MEMBER", opens=True)
    ('an online participant from Dhaka', 'An audience member')
    >>> speaker_phrase("Meera", opens=True), speaker_phrase(None), speaker_phrase("the Remote Hub")
    ('Meera', 'a participant', 'the remote hub')
    >>> speaker_phrase("DHAKA BANGLADESH", opens=True, hub=True), speaker_phrase("Nairobi Remote Hub", hub=True)
    ('A participant from the Dhaka Bangladesh hub', 'a participant from the Nairobi hub')
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
    place = " ".join(_HUB_WORDS.sub(" ", label).split())
    if place.isupper() or place.islower():  # a caption label's capitals are no spelling
        place = place.title()
    return f"a participant from the {place} hub" if place else "a participant from a remote hub"

"""A place read out beside a name in thanks: "Thank you, Djenabu, Mariano, Tchissola in Luanda".

A chair closing a session thanks each voice, and for the ones who are not in the room she says
where they are ("Neema in Dodoma, Youssef in Rabat"): the people in the room need no place. So a
name followed right away by "in <Place>" in a sentence of thanks, the place not the city the IGF
met in that year, is a voice from elsewhere: online. Read over the development sets (rounds 1–26,
`intel_titled`, `intel_dev7`): 42 people thanked so, all annotated online (and round 27: 3 of 3).

Only the place right after the name counts (an honorific suffix such as "-san" may sit between),
and only up to a comma, "and", "after" or the sentence's end, so "Ana in Room F" is read as a
room of the venue, and the words about a body ("Society in Bengaluru") never reach a person.
"""

from __future__ import annotations

import re

from forumlens.resolve.modes import load_venues
from forumlens.resolve.roleview import SessionView

__all__ = ["thanked_elsewhere"]

_PLACE_AFTER = re.compile(
    r"(?:[-‑](?-i:[a-z]){1,5})?\s+in\s+((?-i:[A-Z])[\w'’‑-]+(?:\s+(?-i:[A-Z])[\w'’‑-]+)?)"
    r"(?=\s*(?:[,.;!?]|\band\b|\bafter\b|$))",
    re.IGNORECASE,
)
_THANKS = re.compile(r"\bthank", re.IGNORECASE)
# the venue's own rooms, never a place one joins from
_ROOM_WORDS = frozenset({"room", "hall", "salle", "sala", "plenary", "booth", "workshop", "main"})


def thanked_elsewhere(view: SessionView, turn: int, end: int) -> int | None:
    """The start of the thanks sentence when the name ending at `end` is thanked with a place
    that is not the host city ("…, Tchissola in Luanda, …"); None otherwise."""
    match = _PLACE_AFTER.match(view.text, end)
    if match is None:
        return None
    a, b = view.sentence_at(turn, end)
    if match.end() > b or not _THANKS.search(view.text, a, b):
        return None
    place = match.group(1)
    if place.split()[0].casefold() in _ROOM_WORDS:
        return None
    venue = load_venues().venue(view.session.year)
    folded = place.casefold()
    if any(folded == v or folded.startswith(v + " ") or v.startswith(folded + " ") for v in venue):
        return None  # "thank you to Ana in Kyoto" when the IGF met in Kyoto: the room
    return a

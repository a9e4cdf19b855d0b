"""One name for a remote hub, whichever way its captions write the label.

Captioners put a hub's city before or after the word ("PRAIA HUB", "HUB GEORGETOWN",
"REMOTE HUB, PRAIA"), and one hub often gets two shapes in one session. The parser turns
each label into a display name as written ("Hub Georgetown", "Praia Remote Hub"); a hub is
a room named by its place, so a bare "Hub" before the place goes after it ("Georgetown Hub",
the name the annotations give it), and of the shapes one hub was captioned with, the shortest
names it ("Praia Hub", not "Praia Remote Hub": the other shape only adds the word every hub
shares). One hub captioned one way otherwise keeps the parser's words ("Kampala Remote Hub",
"Remote Hub Dhaka": the names the who's-who and question annotations use for those shapes).
A label that names no place (">> REMOTE HUB:") takes the place the session gives the hub as it
comes in: "Gyumri hub, you can speak now" or "the hub in Gyumri" in the turn before, or "hello
from Gyumri" or "we are at the hub in Gyumri" as it opens (`said_place`); a hub is the room of a
place, and "Remote Hub" alone names none (two such hubs in one session would be one person).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.transcript.speakers import display_name

__all__ = ["hub_name", "said_place"]

# "Hub" opening a label, the place after it ("HUB GEORGETOWN", "Hub: Suva")
# ("HUB IN CHITTAGONG": the preposition is no part of the place)
_LEADING_HUB = re.compile(r"^(?P<hub>hub)[\s,:-]+(?:(?:in|at|of|from)\s+)?(?P<place>.+)$", re.IGNORECASE)
# "REMOTE HUB IN YAOUNDE": the place after a preposition names the hub ("Yaounde Hub"); without
# one ("Remote Hub Dhaka") the parser's words stay, the name the annotations give that shape
_REMOTE_HUB_IN = re.compile(
    r"^remote\s+(?:participation\s+)?(?P<hub>hub)[\s,:-]+(?:in|at|of|from)\s+(?P<place>.+)$", re.IGNORECASE
)
_HUB = re.compile(r"\bhub\b", re.IGNORECASE)
# the words every hub's name may carry besides its place
_HUB_WORDS = frozenset({"remote", "hub", "participation", "node", "online", "the"})
_PLACE = r"(?P<place>(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+)(?:[ \u00a0](?-i:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+)){0,2})"
# "Gyumri hub, you can speak now", "the hub in Gyumri", "the remote hub of Gyumri"
_CALLED_HUB = (
    re.compile(_PLACE + r"[ \u00a0]+(?:remote[ \u00a0]+)?hub\b", re.IGNORECASE),
    re.compile(r"\bhub[ \u00a0]+(?:in|of|from|at)[ \u00a0]+" + _PLACE, re.IGNORECASE),
)
# "Barev dzez, hello from Gyumri.": the room greets from its place as it opens
_GREETS_FROM = re.compile(
    r"\b(?:hello|greetings|good[ \u00a0]+(?:morning|afternoon|evening|day))[ \u00a0]+from[ \u00a0]+" + _PLACE,
    re.IGNORECASE,
)


def _named_place(name: str) -> bool:
    """Whether a hub's name has any word besides the words every hub shares."""
    return any(w.casefold() not in _HUB_WORDS for w in re.findall(r"[^\W\d_]+", name))


def said_place(group_turns: Sequence[int], turns: Sequence[Turn]) -> str | None:
    """The place the session gives a hub as it first speaks: in the hand-off just before its
    first turn, else in the greeting that opens it; None when those say no one place."""
    if not group_turns:
        return None
    first = group_turns[0]
    before = [t for t in turns[:first] if t.kind == "speech"][-1:]
    # as it opens: "hello from Gyumri", or "we are at the hub in Manaus"
    opening = (_GREETS_FROM, *_CALLED_HUB)
    for texts, patterns in (([t.text for t in before], _CALLED_HUB), ([turns[first].text[:200]], opening)):
        places = {
            m.group("place")
            for text in texts
            for pattern in patterns
            for m in pattern.finditer(text)
            if _named_place(m.group("place"))
        }
        if len(places) == 1:
            return places.pop()
    return None


def _place_first(name: str) -> str:
    """ "Hub Georgetown" → "Georgetown Hub", "Remote Hub in Yaounde" → "Yaounde Hub"; a name with
    the place first is kept."""
    m = _LEADING_HUB.match(name.strip()) or _REMOTE_HUB_IN.match(name.strip())
    if m is None:
        return name
    return f"{m.group('place').strip(' ,')} {m.group('hub')}"


def hub_name(name: str, labels: Sequence[str], place: str | None = None) -> str:
    """The name of a remote hub the cast calls `name`, captioned with `labels`; `place`, the
    place the session gives it (`said_place`), names a hub whose labels name none."""
    if place and not _named_place(name) and not any(_named_place(display_name(lab) or lab) for lab in labels):
        return f"{place} Hub"
    forms = [_place_first(name)]
    for label in labels:
        shown = display_name(label)
        if shown and _HUB.search(shown):
            form = _place_first(shown)
            if form not in forms:
                forms.append(form)
    # fewest words first; among equals, the one the cast already uses
    return min(forms, key=lambda f: len(f.split()))

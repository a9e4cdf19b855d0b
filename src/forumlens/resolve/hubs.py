"""One name for a remote hub, whichever way its captions write the label.

Captioners put a hub's city before or after the word ("PRAIA HUB", "HUB GEORGETOWN",
"REMOTE HUB, PRAIA"), and one hub often gets two shapes in one session. The parser turns
each label into a display name as written ("Hub Georgetown", "Praia Remote Hub"); a hub is
a room named by its place, so a bare "Hub" before the place goes after it ("Georgetown Hub",
the name the annotations give it), and of the shapes one hub was captioned with, the shortest
names it ("Praia Hub", not "Praia Remote Hub": the other shape only adds the word every hub
shares). One hub captioned one way otherwise keeps the parser's words ("Kampala Remote Hub",
"Remote Hub Dhaka": the names the who's-who and question annotations use for those shapes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.transcript.speakers import display_name

__all__ = ["hub_name"]

# "Hub" opening a label, the place after it ("HUB GEORGETOWN", "Hub: Suva")
_LEADING_HUB = re.compile(r"^(?P<hub>hub)[\s,:-]+(?P<place>.+)$", re.IGNORECASE)
_HUB = re.compile(r"\bhub\b", re.IGNORECASE)


def _place_first(name: str) -> str:
    """ "Hub Georgetown" → "Georgetown Hub"; a name with the place first is kept."""
    m = _LEADING_HUB.match(name.strip())
    if m is None:
        return name
    return f"{m.group('place').strip(' ,')} {m.group('hub')}"


def hub_name(name: str, labels: Sequence[str]) -> str:
    """The name of a remote hub the cast calls `name`, captioned with `labels`."""
    forms = [_place_first(name)]
    for label in labels:
        shown = display_name(label)
        if shown and _HUB.search(shown):
            form = _place_first(shown)
            if form not in forms:
                forms.append(form)
    # fewest words first; among equals, the one the cast already uses
    return min(forms, key=lambda f: len(f.split()))

"""Whom the next voice thanks by name as it takes the floor.

Under a label several people share (">> PANELIST:" for two panellists) a turn the chair handed to
nobody by name is still told by the voice after it: ">> MODERATOR: Thank you, Ghiath.  Rawan, over
to you" thanks the one just heard. Only the opening sentence of the next turn counts, and only a
thanks addressed to one name there: a thanks later in the turn, or to two people ("thank you,
Ghiath, thank you, Rawan"), may be for anyone who spoke earlier, so it tells nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.resolve.people import name_forms

__all__ = ["thanked_at_opening"]

# "Thank you, Ghiath." / "Thanks a lot, Dr. Okoro, for …" / "Thank you very much, Rawan, and …"
_THANKS_OPENING = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|yes|great|good|so|well)[,.!]?\s+)?(?:thank\s+you|thanks)"
    r"(?:\s+(?:very|so)\s+much|\s+a\s+lot)?\s*,?\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?([^.?!;:]{2,60})",
    re.IGNORECASE,
)


def thanked_at_opening(text: str, people: Sequence[str]) -> str | None:
    """The one of `people` whom the opening sentence of `text` thanks by name (any of their name
    forms, right after the thanks); None when it thanks nobody by name, or two of them."""
    m = _THANKS_OPENING.match(text)
    if m is None:
        return None
    said = m.group(1)
    thanked = {p: len(form) for p in people for form in name_forms(p) if re.match(rf"{re.escape(form)}\b", said)}
    if len(thanked) != 1:
        return None
    ((person, length),) = thanked.items()
    # "Thank you, Ghiath, thank you, Rawan …", "Thank you, Ghiath and Rawan": more than one voice
    if re.match(r"\s*(?:,\s*(?:and\s+)?(?:thank\s+you|thanks)?|and)\s*,?\s*(?-i:[A-Z])", said[length:], re.IGNORECASE):
        return None
    return person

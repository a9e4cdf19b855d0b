"""Whom a speaker speaks for when the speaker before them handed the floor over as a colleague: "From today our
coordinator is Abdirahman. Abdirahman, please." Pure.

Why: a new coordinator who takes over in the middle of a session often says only their name and town ("Abdirahman
Xaaji-Gurey. I am from Mogadishu.") and restates the coalition's ask in their own words; read as nobody's (or as the
body the people analysis guessed), that ask never joins the coalition's asks of the years before and after. The
outgoing speaker's words say it: the one they hand over to, named as "our coordinator", "my colleague", "my
successor", speaks for the same body. A moderator's hand-off ("Abdirahman, please") says nothing of the sort.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Turn
from ..transcript.speakers import name_key
from .sentences import Sentence

__all__ = ["hands_over"]

# how a speaker names the one who takes over from them as one of their own body
_COLLEAGUE = re.compile(
    r"\b(?:our|my)\s+(?:new\s+|next\s+)?(?:co-?)?(?:coordinator|convenor|chair|colleague|successor|focal\s+point)s?\b"
    r"|\b(?:takes?|taking)\s+over\b|\bhand(?:s|ing)?\s+over\s+to\b",
    re.I,
)


def _names(sentence: str, speaker: str) -> bool:
    words = {w for w in name_key(speaker).split() if len(w) > 2}
    return bool(words & set(name_key(sentence).split()))


def hands_over(before: Turn, said: Sequence[Sentence], turn: Turn) -> bool:
    """Whether the speaker of `before` (its sentences `said`) hands the floor to the speaker of `turn`, the turn
    just after, as one of their own body: one sentence names them and calls them "our coordinator", "my colleague",
    "my successor" (or says they take over)."""
    if not turn.speaker or not before.speaker or before.speaker == turn.speaker:
        return False
    return any(_COLLEAGUE.search(s.text) is not None and _names(s.text, turn.speaker) for s in said)

"""How many words a turn speaks: the one count people, speaking time and stats share.

A person's words in `people` and their speaking time in a report were counted by two
patterns, one of which counted stage notes ("(Speaking through interpreter)", "(Applause)",
"[inaudible]") as speech: 82 words in one place, 76 in the other for the same turns. A
note is the captioner's, not the speaker's, so it is left out everywhere.
"""

from __future__ import annotations

import re

__all__ = ["NOTE", "count_words"]

NOTE = re.compile(r"[(\[][^()\[\]]*[)\]]")  # a bracketed stage note
_SPOKEN = re.compile(r"[^\W_]+(?:['’‑-][^\W_]+)*")


def count_words(text: str) -> int:
    """Words spoken in a turn, stage notes excluded.

    >>> count_words("(Speaking through interpreter) Thank you, moderator.")
    3
    """
    return len(_SPOKEN.findall(NOTE.sub(" ", text)))

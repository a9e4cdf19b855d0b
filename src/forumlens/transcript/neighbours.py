"""The speech turn next to a turn: the voice just before or right after it.

Why one helper: several stages read the turn a voice answers or is answered by ("the chair
asks the name, the next voice gives it"; "the biography ends with the name and the next turn
is that speaker's"), skipping stage notes and other non-speech turns between, and each wrote
the same forward or backward scan out.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Turn

__all__ = ["next_speech", "previous_speech"]


def next_speech(turns: Sequence[Turn], index: int) -> int | None:
    """Position of the first speech turn after position `index`, if any."""
    return next((k for k in range(index + 1, len(turns)) if turns[k].kind == "speech"), None)


def previous_speech(turns: Sequence[Turn], index: int) -> int | None:
    """Position of the last speech turn before position `index`, if any."""
    return next((k for k in range(min(index, len(turns)) - 1, -1, -1) if turns[k].kind == "speech"), None)

"""Single letters as labels: a press briefing's `Q:` / `A:`, or speakers' initials.

`speakers.GENERIC_LABELS` holds "q" and "a": in a press briefing `Q:` is a journalist's
question and `A:` an answer whose speaker the transcriber did not name. Some transcribers
label every speaker with an initial instead (`>> A: …`, `>> B: …`, `>> M: …`), and there `A`
is a person like `B`, who was named while `A` was read as nobody. The transcript tells which:
a letter other than Q and A among its labels means letters are initials; an `A` with no `Q`
anywhere answers no question, so it is an initial too. Only then do `Q` and `A` name a voice;
a briefing's `Q:` and `A:` (with or without a `SPOKESPERSON:`) stay unnamed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..models import Turn

__all__ = ["letters_as_initials"]

_BRIEFING = frozenset({"Q", "A"})


def _letter(label: str | None) -> str | None:
    """The letter a label is when it is one letter alone ("A", "a.", " Q "), else None."""
    text = (label or "").strip().rstrip(".").strip()
    return text.upper() if len(text) == 1 and text.isalpha() else None


def letters_as_initials(turns: Sequence[Turn]) -> list[Turn]:
    """`turns` with a `Q` or `A` label named by its letter where the transcript's letters are
    initials (module docstring); unchanged in a press briefing."""
    letters = {letter for t in turns if (letter := _letter(t.label)) is not None}
    initials = bool(letters - _BRIEFING) or ("A" in letters and "Q" not in letters)
    if not initials:
        return list(turns)
    return [
        replace(t, speaker=letter) if t.speaker is None and (letter := _letter(t.label)) in _BRIEFING else t
        for t in turns
    ]

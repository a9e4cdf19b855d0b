"""Testimony in a court-style transcript: `Q.` and `A.` named by the transcript itself.

A hearing taken down by a court reporter writes the examination as `Q.` (the examining counsel)
and `A.` (the witness), and says who they are in lines of its own: the swearing-in line
(`JO LI, having been duly sworn, testified as follows:`) names the witness, and each examination
opens with `BY MR. RUIZ:`, the counsel who asks from then on. Those lines are no turns (their
colon ends a heading, not a label), and the `Q`/`A` labels stay as written; their speaker is the
person the transcript names for them, counsel changing at each `BY …:` line.

Nothing here applies to a file with no `BY …:` line and no swearing-in line, so `Q:`/`A:` of a
press briefing (`briefingqa.py`) keep their own reading.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Turn
from .speakers import display_name

__all__ = ["testimony_speakers"]

# `BY MR. RUIZ:` alone on its line: the counsel who examines from here on.
_EXAMINER = re.compile(r"^[ \t]*BY[ \t]+([^:\n]{2,60}?)[ \t]*:[ \t]*$", re.MULTILINE)
# `JO LI, having been duly sworn, testified as follows:` (or affirmed, or first sworn).
_WITNESS = re.compile(
    r"^[ \t]*([^,\n]{3,60}),[ \t]+(?:having[ \t]+been|being)[ \t]+(?:first[ \t]+)?(?:duly[ \t]+)?(?:sworn|affirmed)",
    re.MULTILINE | re.IGNORECASE,
)


def _role(label: str | None) -> str | None:
    """`Q` or `A` for a testimony label (`Q.`, `A`, `Q:`), else None."""
    value = (label or "").strip().rstrip(".:").strip().upper()
    return value if value in ("Q", "A") else None


def testimony_speakers(text: str, turns: list[Turn]) -> list[Turn]:
    """`turns` with `Q`/`A` turns named after the last examiner and witness lines before them
    and the examiner lines' own empty turns dropped (see the module doc)."""
    if "BY" not in text:
        return turns
    examiners = [(m.start(), m.end(), display_name(m.group(1))) for m in _EXAMINER.finditer(text)]
    if not examiners:
        return turns
    witnesses = [(m.start(), display_name(m.group(1))) for m in _WITNESS.finditer(text)]
    heads = {text.count("\n", 0, start) + 1 for start, _, _ in examiners}  # their line numbers
    kept = []
    for turn in turns:
        if turn.line in heads and not turn.text.strip():
            continue  # the `BY …:` heading read as a label with no speech
        role = _role(turn.label)
        if role is not None and turn.speaker is None:
            before = examiners if role == "Q" else [(at, at, name) for at, name in witnesses]
            named = [name for at, _, name in before if at < turn.start]
            if named and named[-1]:
                turn = replace(turn, speaker=named[-1])
        kept.append(turn)
    return kept

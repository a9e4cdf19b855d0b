"""Interpreted speakers: an `>> INTERPRETER:` turn right after a turn that is only "(Speaking
Spanish)" is that speaker's voice, not another person.

Why: captioners write the speaker's own label with a language note and put the English words
under the interpreter's label (``>> ROSA MARADIAGA:  (Speaking Spanish)`` then
``>> INTERPRETER:  I speak on behalf of the Honduras IGF … I am also here in Kyoto``). Read
label by label, the speaker says nothing (no affiliation, no mode) and the interpreter becomes
an extra unnamed participant holding the speaker's body and place. The annotation convention
of every set (README of intel_blind6, asks_dev6, asks_blind9) attributes such a turn to the
speaker, so the label groups do too, before any evidence is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup
from forumlens.transcript.speakers import normalise_label

__all__ = ["join_interpreted"]

# A turn that is only a note of the language spoken: "(Speaking French)", "(Speaking Spanish.)",
# "(In Russian)", "(Interpretation from Portuguese)", "[Speaking Arabic]".
_LANGUAGE_NOTE = re.compile(
    r"\s*[(\[]\s*(?:speaking|speaks|in|through|via|interpretation\s+from|interpreted\s+from)\s+"
    r"(?:an?\s+)?[^\W\d_][\w\s-]{1,30}?\s*\.?\s*[)\]]\s*\.?\s*",
    re.IGNORECASE,
)
# The interpreter's own labels: "INTERPRETER", "THE INTERPRETER", "ENGLISH INTERPRETATION".
_INTERPRETER_LABEL = re.compile(
    r"(?:the\s+)?(?:\w+\s+)?(?:interpreter|interpretation|translator|translation)(?:\s+\w+)?", re.IGNORECASE
)


def _interpreter(turn: Turn) -> bool:
    if turn.speaker is not None or not turn.label:
        return False
    return _INTERPRETER_LABEL.fullmatch(normalise_label(turn.label)) is not None


def join_interpreted(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """The groups with each interpreter turn that follows a named speaker's language-note turn
    moved into that speaker's group; an interpreter group left with no turn is dropped. An
    interpreter turn after anything else (the chair's words, another interpreter turn) stays."""
    owner = {index: group for group in groups for index in group.turns}
    speech = [t for t in turns if t.kind == "speech"]
    moved = False
    for before, after in pairwise(speech):
        speaker = owner.get(before.index)
        heard = owner.get(after.index)
        if (
            speaker is None
            or heard is None
            or speaker.name is None
            or heard.name is not None
            or not _interpreter(after)
            or _LANGUAGE_NOTE.fullmatch(before.text) is None
        ):
            continue
        heard.turns.remove(after.index)
        speaker.turns = sorted([*speaker.turns, after.index])
        owner[after.index] = speaker
        moved = True
    if not moved:
        return list(groups)
    return [g for g in groups if g.turns]

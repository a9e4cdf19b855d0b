"""Interpreted speakers: an `>> INTERPRETER:` turn right after a turn that is only "(Speaking
Spanish)" is that speaker's voice, not another person.

Why: captioners write the speaker's own label with a language note and put the English words
under the interpreter's label (``>> ROSA MARADIAGA:  (Speaking Spanish)`` then
``>> INTERPRETER:  I speak on behalf of the Honduras IGF … I am also here in Kyoto``). Read
label by label, the speaker says nothing (no affiliation, no mode) and the interpreter becomes
an extra unnamed participant holding the speaker's body and place. The annotation convention
of every set (README of intel_blind6, asks_dev6, asks_blind9) attributes such a turn to the
speaker, so the label groups do too, before any evidence is read.

Two more shapes of the same convention:
- a floor voice under a shared label ("PARTICIPANT:  (Speaking Spanish)" then "INTERPRETER:
  … I am Itzel …"): the interpreter's words join that floor turn, so the floor voice is named
  and placed by them (the chair's "at the microphone in the corridor" was said of it);
- an interpreter turn right after an interpreted one, with nobody else between, is the same
  speaker going on ("INTERPRETER:  I will finish …"), unless the turn before puts a question
  to somebody: then the next interpreted words are the answer of another voice (left to the
  shared-voice split, which finds whom the question was for). A hearing check ("can you hear
  me?") is no question put to anyone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup
from forumlens.transcript.speakers import generic_label, normalise_label

__all__ = ["goes_on", "is_interpreter_label", "join_interpreted"]

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


# A question's sentence: "…, are they paid?" (not "Hello, can you hear me?": a hearing check).
_QUESTION = re.compile(r"[^.?!]*\?")
_HEARING = re.compile(r"\b(?:hear|see)\s+(?:me|us)\b|\baudible\b|\bthere\b\s*\?", re.IGNORECASE)


def _asks(text: str) -> bool:
    """Whether a turn puts a question to somebody (any "?" sentence but a hearing check)."""
    return any(not _HEARING.search(m.group()) for m in _QUESTION.finditer(text))


def goes_on(before: Turn, after: Turn) -> bool:
    """Whether an interpreter turn right after `before` (an interpreted turn) is the same speaker
    going on: no question was put to anybody in between."""
    return _interpreter(after) and not _asks(before.text)


def is_interpreter_label(label: str) -> bool:
    """ "INTERPRETER", "THE INTERPRETER", "ENGLISH INTERPRETATION": a channel, not a person."""
    return _INTERPRETER_LABEL.fullmatch(normalise_label(label)) is not None


def _interpreter(turn: Turn) -> bool:
    if turn.speaker is not None or not turn.label:
        return False
    return is_interpreter_label(turn.label)


def join_interpreted(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """The groups with each interpreter turn that follows a speaker's language-note turn moved
    into that speaker's group (a named speaker's, or a floor voice's under a shared label), and
    each interpreter turn that goes straight on from such a moved turn moved with it; an
    interpreter group left with no turn is dropped. An interpreter turn after anything else (the
    chair's words, an interpreted question put to somebody) stays."""
    owner = {index: group for group in groups for index in group.turns}
    speech = [t for t in turns if t.kind == "speech"]
    moved: set[int] = set()
    for before, after in pairwise(speech):
        speaker = owner.get(before.index)
        heard = owner.get(after.index)
        if speaker is None or heard is None or heard.name is not None or not _interpreter(after):
            continue
        noted = _LANGUAGE_NOTE.fullmatch(before.text) is not None and (
            speaker.name is not None or (before.label is not None and generic_label(before.label))
        )
        going_on = before.index in moved and goes_on(before, after)
        if not noted and not going_on:
            continue
        heard.turns.remove(after.index)
        speaker.turns = sorted([*speaker.turns, after.index])
        owner[after.index] = speaker
        moved.add(after.index)
    if not moved:
        return list(groups)
    return [g for g in groups if g.turns]

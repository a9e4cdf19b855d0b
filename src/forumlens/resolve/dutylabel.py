"""A bare duty label the captions switch to mid-session → the named chair who held the floor.

Captioners often write the chair's name for the first part of a session and then only the duty
(">> AURELIE DELVIGNE-HOUART:" … ">> MODERATOR:"); left alone, "MODERATOR" is a person of its
own with none of the chair's evidence, and the chair looks as if she stopped chairing. The
label joins a named moderator only when exactly one fits:

- the label is the plain duty ("MODERATOR", "THE CHAIR", "FACILITATOR"), not a second duty
  ("REMOTE MODERATOR", "CO-MODERATOR"), and nobody named it (`name_office_labels`,
  `name_generic_voices` ran before);
- the named moderator's turns all come before the label's first turn: the caption switched
  from the name to the duty, the two never take turns (a chair who speaks again under their
  name after the label spoke is somebody else than the label);
- the label's turns never say that moderator's name: one does not call oneself ("Mathieu,
  anything else online?" is not Mathieu speaking).

When no named moderator fits, the chair is found by her place in the session instead of by what
anyone called her: a chair who never says "I chair" or "I moderate" ("I co-chair this coalition",
"let us still start") still opens the session and hands the floor. The label then joins the named
voice that holds the session's first turn, handed the floor by name at least twice (a turn of hers
followed by the voice it named), and whose turns all come before the label's (the same two
guards as above: the caption switched, and the label never calls her).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup, name_forms
from forumlens.resolve.titles import parse_title
from forumlens.text.accents import ascii_fold

__all__ = ["join_duty_labels"]

_PLAIN_DUTIES = frozenset({"MODERATOR", "CHAIR", "CHAIRMAN", "CHAIRPERSON", "CHAIRWOMAN", "FACILITATOR"})


def _fold(text: str) -> str:
    return ascii_fold(text).casefold()


def _plain_duty(label: str) -> bool:
    titled = parse_title(label)
    return titled.name is None and len(titled.titles) == 1 and titled.titles[0].upper() in _PLAIN_DUTIES


def _says_name(group: LabelGroup, turns: Sequence[Turn], name: str) -> bool:
    """Whether the group's turns say any form of the name (accent- and case-free)."""
    text = _fold(" ".join(turns[i].text for i in group.turns))
    return any(re.search(rf"(?<!\w){re.escape(_fold(form))}(?!\w)", text) for form in name_forms(name))


_HANDS_NEEDED = 2  # one hand-off is any speaker's "Aishath, you wanted to add?"; a chair's are many


def _opens_and_hands(candidate: LabelGroup, groups: Sequence[LabelGroup], turns: Sequence[Turn], first: int) -> bool:
    """Whether the named `candidate` holds the session's first speech turn, speaks only before
    turn `first` (the duty label's first), and hands the floor by name twice or more."""
    speech = [t.index for t in turns if t.kind == "speech"]
    if candidate.name is None or not candidate.turns or not speech or speech[0] not in candidate.turns:
        return False
    if candidate.turns[-1] >= first:
        return False
    owner = {i: g for g in groups for i in g.turns}
    handed = 0
    for i in candidate.turns:
        nxt = owner.get(i + 1)
        if nxt is None or nxt is candidate or nxt.name is None or i + 1 >= len(turns):
            continue
        said = _fold(turns[i].text)
        if any(re.search(rf"(?<!\w){re.escape(_fold(form))}(?!\w)", said) for form in name_forms(nxt.name)):
            handed += 1
    return handed >= _HANDS_NEEDED


def join_duty_labels(groups: Sequence[LabelGroup], turns: Sequence[Turn], moderators: set[str]) -> list[LabelGroup]:
    """The groups with each unnamed plain duty label joined to the one named moderator who
    fits (see the module doc); a label with none or two candidates stays as it is."""
    result = list(groups)
    for group in list(result):
        if group.name is not None or not group.labels or not all(_plain_duty(lab) for lab in group.labels):
            continue
        first = group.turns[0]
        fits = [
            g
            for g in result
            if g is not group
            and g.name in moderators
            and g.turns
            and g.turns[-1] < first
            and not _says_name(group, turns, g.name or "")
        ]
        if not fits:
            fits = [g for g in result if g is not group and _opens_and_hands(g, result, turns, first)]
        if len(fits) != 1:
            continue
        chair = fits[0]
        chair.turns = sorted([*chair.turns, *group.turns])
        chair.labels += [lab for lab in group.labels if lab not in chair.labels]
        result.remove(group)
    return sorted(result, key=lambda g: g.turns[0])

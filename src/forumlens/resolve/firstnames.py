"""A surname-only label and the first name the chair calls its speaker by.

">> SIGDEL-LAMICHHANE:" after "Now Hemanta, who came all the way from Kathmandu" and again after
"Hemanta, the data question was yours": the captioner wrote the surname, the chair the first
name, and the person is "Hemanta Sigdel-Lamichhane". Why a rule of its own: nobody says the whole
name, so the self-introduction and the hand-off joins (`selfnames.complete_names`) find nothing.

The join is careful, since a wrong first name is worse than none: the same first name must be
called right before at least two of the label's turns, by a sentence that opens with it and a
comma (the chair speaking to that person), no other first name may be called before them as
often, and the word may be no word of another speaker's name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from forumlens.models import Turn
from forumlens.resolve.people import LabelGroup
from forumlens.text.roomwords import COURTESY_OPENERS, titled

__all__ = ["NOT_NAMES", "called_before", "join_called_first_names"]

# "Now Hemanta, who came …", "Hemanta, the data question was yours.": a name the sentence is said to
_CALLED = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:Now|And|So|Next|Then|Yes|Okay|OK)\s*,?\s+)?(?P<name>(?-i:[A-Z][a-z\u00e0-\u024f]{2,}))\s*,\s"
)
# Words that open a sentence with a comma and are no one's name.
NOT_NAMES = titled(COURTESY_OPENERS) | frozenset(
    # and, as the chair opens a sentence to the room: sequence words, forms of address, titles
    [
        "Well",
        "Now",
        "Again",
        "First",
        "Second",
        "Finally",
        "Also",
        "Madam",
        "Sir",
        "Chair",
        "Chairman",
        "Colleagues",
        "Friends",
        "Everybody",
        "Everyone",
        "Ladies",
        "Excellencies",
        "Honestly",
        "Actually",
        "Indeed",
        "However",
        "Sister",
        "Brother",
        "Professor",
        "Doctor",
        "Ambassador",
        "Minister",
        "Welcome",
        "Today",
        "Here",
        "There",
    ]
)
# A surname label: one word (a hyphenated pair counts as one), as the captioner writes it.
_ONE_WORD = re.compile(r"[^\W\d_]+(?:[-‐‑][^\W\d_]+)*")


def called_before(turns: Sequence[Turn], index: int) -> str | None:
    """The last first name the turn before `index` says a sentence to, if any."""
    if index == 0:
        return None
    names = [m.group("name") for m in _CALLED.finditer(turns[index - 1].text)]
    names = [n for n in names if n not in NOT_NAMES]
    return names[-1] if names else None


def join_called_first_names(groups: Sequence[LabelGroup], turns: Sequence[Turn]) -> list[LabelGroup]:
    """Put the chair's first name before a surname-only label's name (see the module docstring).

    The groups are changed in place (their `name`), as the other joins in `cast` do, and returned
    as a list."""
    words = {w.casefold() for g in groups if g.name for w in g.name.split()}
    for group in groups:
        if group.name is None or not _ONE_WORD.fullmatch(group.name) or len(group.labels) != 1:
            continue
        votes = Counter(n for n in (called_before(turns, i) for i in group.turns) if n is not None)
        if not votes:
            continue
        (first, count), *rest = votes.most_common()
        if count < 2 or (rest and rest[0][1] == count) or first.casefold() in words:
            continue
        group.name = f"{first} {group.name}"
    return list(groups)

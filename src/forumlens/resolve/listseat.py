"""A seat said once for a list of panellists: each name of the list takes it.

Why a module of its own: a chair often places a whole row at once after the list ("Ana and
Ben here next to me", "Ana, from X, and Ben, from Y, both here at the table"). The seat said
before a list is `handoffs.mode_before`'s (its list windows); `handoffs.mode_after` reads the
words after one name only up to the next, so these pure functions on plain text say whether
the words between two names only continue a list, and whether the words after a list's last
name are said of the whole list, not of that name alone.
"""

from __future__ import annotations

import re

from forumlens.resolve import modes

# Between two names of a list: a bare join ("and", ", and", " & "), or the first one's short body
# closed by a comma and a join (", from the Lab in Lyon, and "), a title allowed before the next.
_PLAIN_JOIN = re.compile(
    r"[ \u00a0]*(?:,[ \u00a0]*(?:from|of|at|with)[ \u00a0]+[^.;:!?,()]{2,80}?[ \u00a0]*)?"
    r",?[ \u00a0]*(?:and|&)[ \u00a0]+(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?[ \u00a0]+)?",
    re.IGNORECASE,
)


def joins_list(words: str) -> bool:
    """Whether the words between two names only join them in one list, saying nothing of where
    the first one is ("Ana and Ben", "Ana, from the Lab in Lyon, and Ben")."""
    return _PLAIN_JOIN.fullmatch(words) is not None and modes.about_other(words) == (0, 0)


# After a list's last name, the words said of the whole list: glued to the name with no comma
# ("… and Ben here next to me", "… and Ben online") or after the last one's body, a word for
# all of them ("…, from Y, both here at the table", "…, all three on Zoom").
_GLUED = re.compile(
    r"[ \u00a0]+(?:here|there|online|on[ \u00a0]+(?:zoom|webex|teams|the[ \u00a0]+line)|remotely)\b", re.IGNORECASE
)
_ALL_OF_THEM = re.compile(
    r"(?:^|,)[ \u00a0]*(?:both|all(?:[ \u00a0]+(?:two|three|four|five|of[ \u00a0]+them))?|"
    r"the[ \u00a0]+(?:two|three|four|five)[ \u00a0]+of[ \u00a0]+them)[ \u00a0]+(?:of[ \u00a0]+them[ \u00a0]+)?"
    r"(?:are[ \u00a0]+)?(?:here|there|online|on|in|at|with|joining|sitting|seated|remotely)\b",
    re.IGNORECASE,
)


def shared_tail(tail: str) -> tuple[int, int]:
    """The (online, onsite) cues of the words after a list's last name when they are said of the
    whole list, else (0, 0): "here next to me" glued to the name, or "both here at the table"."""
    m = _GLUED.match(tail) or _ALL_OF_THEM.search(tail)
    if m is None:
        return 0, 0
    return modes.about_other(tail[m.start() :])

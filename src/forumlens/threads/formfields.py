"""Whose words a filled report form holds when the parser read its fields as speaker turns. Pure.

The IGF's session report form is a list of fields, one bullet each: "- Organizer(s): Dynamic Coalition on X",
"- Chair/Moderator: …", "- Summary of Issues Discussed:", "- Policy Recommendations or Suggested Way Forward:".
A form whose fields stand on lines of their own, with blank lines between them, looks to the parser like a caption
with labels ("Summary of Issues Discussed" a speaker), so its recommendations and promises were a person's named
after a heading, and never joined the organiser's asks and promises of the years it spoke in a session.

Rules:
- a turn is a form field when its label opens a bulleted line of the text ("- Summary of Issues Discussed:"): a
  caption's speaker label is never a bullet;
- the form's organiser is the value of its one organiser field ("Organizer(s):", "Organisers:", "Organised by:"),
  when it names one body: a joint session's form ("X; Y", "X and the Y") speaks for none of them alone;
- the form's officers are the people its chair or speaker fields name with an officer's title of the organiser
  ("- Chair/Moderator: NAME, coordinator", "NAME (coordinator)"): they speak for it in other sessions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Session, Turn

__all__ = ["field_turn", "form_officers", "form_organiser"]

# "- Organizer(s): …", "Organisers: …", "• Organised by: …"
_ORGANISER = re.compile(
    r"^[ \t]*(?:[-•*][ \t]+)?organi[sz](?:er|ers|er\(s\)|ed[ \t]+by|ing[ \t]+(?:body|bodies))[ \t]*:[ \t]*(?P<value>\S[^\n]*)$",
    re.I | re.M,
)
_BULLET = re.compile(r"^[ \t]*[-•*][ \t]+")
# a value that names more than one body: "X; Y", "X, Y and Z", "X and the Y", "X & Y"
_SEVERAL = re.compile(r";|,|&|\band\s+(?:the\s+)?(?:dynamic\s+coalition|dc|best\s+practice|policy\s+network)\b", re.I)

_NAME = r"[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}"
_TITLE = r"(?:co-?)?(?:coordinator|chair(?:person)?|convenor|convener|facilitator|founder|focal[ \t]+point)"
# "Losana Ravuvutu, coordinator", "Wairimu Githongoro (coordinator)", "Ana Ruiz (Lima, coordinator since 2016)"
_OFFICER = re.compile(
    rf"(?P<name>{_NAME})[ \t]*(?:,[ \t]*(?i:{_TITLE})\b(?![ \t]*(?:of|at|for)\b)"
    rf"|\((?:[^()\n;]{{0,40}},[ \t]*)?(?i:{_TITLE})\b[^()\n;]{{0,30}}\))"
)
# the fields that name who ran and who spoke in the session
_PEOPLE_FIELD = re.compile(
    r"^[ \t]*(?:[-•*][ \t]+)?(?:chair|moderator|list[ \t]+of[ \t]+speakers|speakers)[^\n:]{0,80}:(?P<value>[^\n]*)$",
    re.I | re.M,
)


@lru_cache(maxsize=64)
def form_organiser(text: str) -> str | None:
    """The one body the form's organiser field names ("Dynamic Coalition on Ferry Passengers Online"); None when
    the text has no organiser field, several, or one that names several bodies."""
    values = [m.group("value").strip().rstrip(".") for m in _ORGANISER.finditer(text)]
    if len(values) != 1 or _SEVERAL.search(values[0]) or not values[0][:1].isupper():
        return None
    return " ".join(values[0].split())


def field_turn(session: Session, turn: Turn) -> bool:
    """Whether `turn` is a field of a filled form: its label opens a bulleted line of the text."""
    lines = _lines(session.text)
    if not turn.label or not 0 < turn.line <= len(lines):
        return False
    line = lines[turn.line - 1]
    bullet = _BULLET.match(line)
    return bullet is not None and line[bullet.end() :].startswith(turn.label)


@lru_cache(maxsize=8)
def _lines(text: str) -> list[str]:
    return text.split("\n")


def form_officers(text: str) -> list[str]:
    """The people a form's chair and speaker fields name with an officer's title, when the form has one organiser
    ("- Chair/Moderator: Losana Ravuvutu, coordinator"); [] otherwise."""
    if form_organiser(text) is None:
        return []
    found: list[str] = []
    for field in _PEOPLE_FIELD.finditer(text):
        for officer in _OFFICER.finditer(field.group("value")):
            name = " ".join(officer.group("name").split())
            if name not in found:
                found.append(name)
    return found

"""Whom a speaker says she succeeded: "I took over from Karma last year", "Hamdi Abouzekry handed the coalition to
me in March", "coordinator since 2018 after Halldora". Pure.

Why: a new coordinator often names her predecessor and not the body ("I'm Kalinda, from Colombo; Hamdi Abouzekry
handed the coalition to me"), and then says "we" for years. Read as a person, her asks and promises never meet the
coalition's of the years before; the predecessor's body, said in another session, is the body she speaks for
(`service.place_items` carries it over when she says none anywhere).

Rules:
- the speaker is the successor: "I took / take / have taken over (the …) from NAME", "NAME handed / passed / gave
  (over) the coalition / the coordination / it (over) to me", "(coordinator | chair | …) since YEAR after NAME";
- NAME is one to four capitalised words; a body's name ("from the Secretariat", "from ITU") is no predecessor.
"""

from __future__ import annotations

import re

__all__ = ["predecessor"]

_NAME = r"(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})"
_FROM = re.compile(
    rf"\bI(?:[ \t]+have)?[ \t]+(?:took|take|taken)[ \t]+over\b[^.;:!?]{{0,80}}?\bfrom[ \t]+{_NAME}",
)
_HANDED = re.compile(
    rf"{_NAME}[ \t]+(?:handed|passed|gave)[ \t]+(?:over[ \t]+)?(?:the[ \t]+coalition|the[ \t]+coordination|it)"
    r"[ \t]+(?:over[ \t]+)?to[ \t]+me\b",
)
_AFTER = re.compile(
    rf"\b(?:coordinator|co-?chair|chair|convenor|convener|focal[ \t]+point)[ \t]+since[ \t]+\d{{4}}[ \t]+after[ \t]+{_NAME}",
    re.I,
)
# words that open a body's name, not a person's ("from the Secretariat", "from ITU in March")
_NOT_A_PERSON = re.compile(
    r"^(?:The|This|That|Our|Their|His|Her|ITU|UNESCO|UN|IGF|MAG|Secretariat|Dynamic|Coalition|Ministry|January|February"
    r"|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|Mr|Mrs|Ms|Dr)\b"
)


def predecessor(text: str) -> str | None:
    """The name of the person the speaker of `text` says she succeeded, or None."""
    low = text.lower()
    if "over" not in low and "to me" not in low and "since" not in low:  # asked of every sentence (issue 19)
        return None
    for pattern in (_FROM, _HANDED, _AFTER):
        match = pattern.search(text)
        if match is None:
            continue
        name = match.group("name")
        if not _NOT_A_PERSON.match(name):
            return name
    return None

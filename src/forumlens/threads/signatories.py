"""The people a body's own document names as the ones who run it: its coordinator field, its signatures. Pure.

Why: a coalition's report or letter says who coordinates it ("Coordinator: Teodora Rakotonirainy") or is signed by
its officers ("Obiageli Nwokocha, coordinator"); in the caption sessions of other years the same people speak with no
word of whom they speak for ("Thank you. Ten years we ask for sign language …"). Read as persons, their asks and
promises never meet what the coalition wrote; the document is the record that they speak for it (`service.place_items`
fills a speaker's coalition from the sessions where it is said).

Rules:
- a line that is a field of an officer's title and a name: "Coordinator: NAME", "Co-chairs: NAME and NAME"; each
  name may carry the place it is from in brackets ("Coordinator: NAME (Accra)"), and the field may be one sentence
  of a paragraph ("It was founded in Nairobi.  Coordinator: NAME (Kenya).  Members: …");
- a line that is a signature: "NAME, coordinator", "NAME, founder and member", "NAME, co-chair of the coalition";
- NAME is two to four capitalised words, none of them a word of a body's name ("Dynamic Coalition", "Secretariat");
  a line that says more (another body after the title, "NAME, coordinator, Ministry of …") names someone who may
  speak for another body, and is left alone.
"""

from __future__ import annotations

import re

__all__ = ["document_officers"]

_NAME = r"[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}"
_TITLE = r"(?:co-?)?(?:coordinator|chair(?:person)?|convenor|convener|facilitator|founder|focal[ \t]+point|member)s?"
_PLACE = r"(?:[ \t]*\([^()\n]{1,40}\))?"  # "(Accra)", "(Cusco, Peru)": where the officer is from
_FIELD = re.compile(
    rf"(?:^|(?<=[.!?])[ \t]+)[ \t]*[*_]*(?i:{_TITLE})[ \t]*:[ \t]*"
    rf"(?P<names>{_NAME}{_PLACE}(?:[ \t]*(?:,|\band\b|&)[ \t]*{_NAME}{_PLACE})*)"
    r"[ \t]*(?:\.[*_]*[ \t]*$|\.(?=[ \t]+[A-Z])|[*_]*[ \t]*$)",
    re.M,
)
_SIGNATURE = re.compile(
    rf"^[ \t]*(?P<names>{_NAME}),[ \t]+(?i:{_TITLE}(?:[ \t]+and[ \t]+{_TITLE})*(?:[ \t]+of[ \t]+the[ \t]+coalition)?)"
    r"[ \t]*\.?[ \t]*$",
    re.M,
)
_ONE_NAME = re.compile(_NAME)
_BRACKETED = re.compile(r"\([^()\n]*\)")  # a place after a name is no name
# words of a body's name, not a person's
_BODY_WORD = re.compile(
    r"^(?:coalition|dynamic|forum|network|secretariat|igf|mag|committee|group|association|institute|university"
    r"|ministry|council|office|union|society|foundation|the|dear|yours)$",
    re.I,
)


def document_officers(text: str) -> list[str]:
    """The names `text` gives as its coordinators, chairs, founders or signing members, in order, once each."""
    found: list[str] = []
    for pattern in (_FIELD, _SIGNATURE):
        for match in pattern.finditer(text):
            for name in _ONE_NAME.findall(_BRACKETED.sub(" ", match.group("names"))):
                name = " ".join(name.split()).rstrip(".")
                if not any(_BODY_WORD.match(w) for w in name.split()) and name not in found:
                    found.append(name)
    return found

"""The person a question is put to by description ("my question is for the member of the
parliament"), among the voices of one shared label.

Why: an interpreter's label (`>> INTERPRETER:`) carries every interpreted speaker of a session,
and the turn after a question is the answer of the one it was put to. Askers from the floor
seldom say the name; they say what the person is ("for the parliament member", "to the
minister"). That description is read against the words the session said around each voice's
name ("He is Mr. …, a member of the …, the parliament of …"): the one voice whose words hold
every content word of the description is the one asked. Generic addressees ("for the panel",
"for everybody") describe nobody in particular, and two fitting voices decide nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forumlens.resolve.people import name_forms
from forumlens.text.stems import prefix_stem

__all__ = ["described_addressee"]

# "my question is for the member of the parliament:", "My comment for the parliament member:",
# "a question to the honourable minister?": lower-case words only, so a name is never read here
_ASKED = re.compile(
    r"\b(?:questions?|comments?|remarks?)\b[^.?!:]{0,30}?\b(?:is\s+|goes\s+)?(?:for|to)\s+(?:the\s+)?"
    r"(?:(?:honou?rable|distinguished|dear)\s+)?(?P<desc>[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,4})\s*(?=[:?.,;!]|$)"
)
_FUNCTION = frozenset(
    {"of", "the", "a", "an", "and", "from", "in", "on", "for", "to", "our", "my", "your", "this", "that", "at", "with"}
)
# Addressees that are no one person: the whole panel, the room, everybody.
_GENERIC = frozenset(
    {"panel", "panelists", "panellists", "speakers", "speaker", "everybody", "everyone", "all", "floor", "room"}
    | {"audience", "participants", "colleagues", "hubs", "hub", "chat", "others", "them", "you", "both", "us"}
)
_SENTENCE = re.compile(r"[^.?!]*")
_STEM = 6  # letters a description's word and a naming sentence's word share ("parliament", "parliamentary")


def _described_words(text: str) -> set[str] | None:
    """The content words of the last description a question is put to in `text`, if any."""
    found = list(_ASKED.finditer(text))
    if not found:
        return None
    words = [w for w in found[-1].group("desc").split() if w not in _FUNCTION]
    if not words or any(w in _GENERIC for w in words):
        return None
    return {prefix_stem(w, _STEM) for w in words}


_SENTENCE_END = re.compile(r"[.?!]")


def _words_around(person: str, texts: Sequence[str]) -> set[str]:
    """The words of every sentence that says the person's name (any form). The name is found
    first and its sentence cut out around it: a pattern that scans for the sentence start at
    every position costs quadratic time on long turns (issue 19)."""
    words: set[str] = set()
    forms = [re.compile(rf"\b{re.escape(form)}\b") for form in name_forms(person)]
    for text in texts:
        for pattern in forms:
            for m in pattern.finditer(text):
                start = max(text.rfind(c, 0, m.start()) for c in ".?!") + 1
                end = _SENTENCE_END.search(text, m.end())
                sentence = text[start : end.start() if end else len(text)]
                words |= {prefix_stem(w, _STEM) for w in re.findall(r"[a-z][a-z'’-]*", sentence.casefold())}
    return words


def described_addressee(text: str, people: Sequence[str], texts: Sequence[str]) -> str | None:
    """The one of `people` that the question or comment in `text` is put to by description,
    read against the sentences of `texts` (the session's speech) that name each; None when the
    question names no description, a generic one, or fits none or several."""
    wanted = _described_words(text)
    if not wanted:
        return None
    fitting = [p for p in people if wanted <= _words_around(p, texts)]
    return fitting[0] if len(fitting) == 1 else None

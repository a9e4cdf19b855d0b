"""Whether a sentence is only a self-introduction: a name and whom the speaker speaks for.

"Lucía Fernández‑Ruiz, for the Dynamic Coalition on Public Access in Libraries." asks for
nothing, however many topic words its coalition's name carries ("public access", "libraries").
Until stop 31 such a sentence could reach the ask classifier and be stored as a policy
recommendation (`make demo` showed it first): the classifier's tokens are ASCII, so "Lucía"
read as "luc a" and looked like an imperative with its object ("Fund a …"). The name's shape
is checked here on whole Unicode words, and the sentence must carry nothing after the body it
names: no pronoun, modal or clause of its own ("…, and we need experts" is an ask).

Pure: one function over one sentence's text; `analyse.askmodel` reads it as a veto on the
ask-shaped evidence of a unit (`has_evidence`).
"""

from __future__ import annotations

import re

from forumlens.transcript.labelwords import PARTICLES

__all__ = ["is_self_introduction"]

# What may stand before the name: "My name is", "I am", "This is", "Hello, I'm".
_OPENING = re.compile(
    r"^\W*(?:(?:hello|hi|good\s+(?:morning|afternoon|evening))\W+)?(?:my\s+name\s+is|i\s+am|i['’]m|this\s+is)\s+", re.I
)
# Whom they speak for, right after the name: "for", "from", "on behalf of", "speaking for",
# "representing", "with", "and I am from", "here for", "I represent".
_FOR = re.compile(
    r"^(?:and\s+)?(?:(?:i\s+am|i['’]m|i)\s+)?(?:here\s+|speaking\s+|also\s+)?"
    r"(?:for|from|on\s+behalf\s+of|representing|represent|with|of|at|coordinating|coordinate|co-?chair(?:ing)?\s+of"
    r"|chair(?:ing)?\s+of|member\s+of)\s+\S",
    re.I,
)
# Without a comma after the name, only these say whom a person speaks for ("Ahmed bin Said from
# the Arab IGF"); "for", "of" and "with" there are as often a nominal ask's.
_FROM = re.compile(r"^(?:and\s+(?:i\s+am|i['’]m)\s+)?(?:from|on\s+behalf\s+of|representing|speaking\s+for)\s", re.I)
# Anything that makes the rest more than the name of a body: a subject pronoun, a modal or an
# auxiliary, a request word, a second clause ("…, and we need …", "… who should …").
_MORE = re.compile(
    r"\b(?:we|you|they|he|she|it|us|should|must|need|needs|will|would|shall|can|could|may|might|please|is|are|was"
    r"|were|have|has|had|do|does|did|want|ask|call|urge|recommend|propose|hope|let|who|which|that)\b|[?!:;]"
    r"|,\s+(?-i:[a-z])",  # "Governments, from next year, fund …": a clause after the phrase
    re.I,
)
MAX_NAME_WORDS = 6
MAX_WORDS = 30  # a self-introduction is short; a long sentence says something else too


def is_self_introduction(text: str) -> bool:
    """Whether `text` is only a name and whom its speaker speaks for ("Priya Nair, from a
    community library network in Kerala.", "My name is Jo Bloggs, speaking on behalf of the
    Youth Coalition."): never an ask, a recommendation or a commitment."""
    if len(text.split()) > MAX_WORDS:
        return False
    rest, opened = _OPENING.subn("", text.strip(), count=1)
    words = rest.split()
    for n in range(1, min(MAX_NAME_WORDS, len(words)) + 1):
        name, last = words[:n], words[n - 1]
        if not _name_word(name[-1].rstrip(",")) or any(w.endswith(",") for w in name[:-1]):
            break
        if not _name_word(name[0]) or name[0][0].islower():
            break
        after = " ".join(words[n:])
        body = _FOR.match(after)
        if last.endswith(",") or body:
            # One word before a comma is a list mark or an address ("Two, for …", "Donors, …"),
            # and a phrase without a comma or an opening is as often a nominal ask ("Funding for
            # the coalitions", "Support for the NRIs"): only a person's introduction shape counts.
            named = opened or (n >= 2 and (last.endswith(",") or _FROM.match(after)))
            return body is not None and bool(named) and not _MORE.search(after[body.end() - 1 :])
    return False


def _name_word(word: str) -> bool:
    """A capitalised word of letters (Unicode, with hyphens, apostrophes and initials) or a particle."""
    core = word.strip(".")
    if core.lower() in PARTICLES:  # "Maria de la Cruz", "Ahmed bin Said"
        return True
    return bool(core) and core[0].isupper() and all(ch.isalpha() or ch in "‑-'’." for ch in core)

"""Another body's deed told as a promise kept: "as the Secretariat promised in Bali, our page is up", "UNEP gave
the two trainings it promised", "UN DESA kept its word: …", "the MAG did what it promised". Pure.

Why: a speaker who thanks another body for a promise it kept tells that body's delivery, not her own. The delivery
cues read a deed in the first person or in the passive ("we published", "the page is up"), so "UNEP gave the
trainings it promised" is no item at all, and "the page is up, as the Secretariat promised" is the speaker's own
delivery. The promise word names its maker: the item is a `delivered` one of the body named there. A body is a
name the registry knows, a name after "the" ("the Secretariat", "the Economic Commission for Africa") or an
acronym; a bare first name ("as Kwame promised") is a person, and "we", "our report" are the speaker's own (the
other cues read those).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..resolve.registry import Registry
from .actors import Actor

__all__ = ["Kept", "kept_actor", "kept_promise"]

# a body's name: "the" and capitalised words (joined by for/of/on/and), or one or more capitalised words / acronyms
_WORD = r"(?-i:[A-Z][\w'’.&-]*)"
_NAME = rf"(?P<the>(?-i:[Tt]he) )?(?P<body>{_WORD}(?: (?:(?:for|of|on|and) )?{_WORD}){{0,5}})"
_HAD = r"(?:had |has |have )?"
# the maker named at the promise: "as the Secretariat promised", "which the Secretariat promised us", "that UNESCO
# had promised"
_MAKER_AT = re.compile(rf"\b(?:as|which|that) {_NAME} {_HAD}(?:promised|pledged)\b", re.I)
# the maker named before, the promise said with a pronoun back to it: "UNEP gave the trainings it promised", "UN DESA
# kept its word", "the Secretariat did what it promised", "the MAG promised to look at it; it did"
_BACK = re.compile(
    rf"\b(?:(?:it|they) {_HAD}(?:promised|pledged)\b(?! to\b)"
    r"|(?:kept|keeps|has kept|have kept) (?:its|their) (?:word|promise|pledge)s?\b"
    r"|did (?:exactly )?what (?:it|they) (?:had )?(?:said|promised|pledged)\b"
    r"|promised to [^.;]{1,80}; (?:and )?(?:it|they) did\b)",
    re.I,
)
# one of these is in every sentence `_MAKER_AT` or `_BACK` can match (their cheap test, on lower case)
_TOLD_BY = ("promised", "pledged", "kept", "keeps", "did")
_SUBJECT = re.compile(rf"(?:^|(?<=[:;,] )|(?<=\d{{4}} )){_NAME} (?=[a-z])")
# not a maker: the speaker's own side, pronouns, and words that open a clause in capitals
_NOT_BODY = frozenset(
    {"we", "i", "you", "our", "my", "your", "us", "it", "they", "this", "that", "these", "those", "in", "and", "but"}
)
_POSSESSIVE = re.compile(r"['’]s$")
_ACRONYM = re.compile(r"^(?-i:[A-Z][A-Z0-9&-]+)(?: |$)")


@dataclass(frozen=True)
class Kept:
    """The words that tell the promise kept (`start`..`end` in the sentence) and the body that made it."""

    start: int
    end: int
    text: str
    body: str


def kept_promise(sentence: str) -> Kept | None:
    """The promise a sentence says another body kept, with that body; None when it names no body as its maker.

    >>> kept_promise("Our page is up since 2014, as the Secretariat promised in Bali.").body
    'Secretariat'
    >>> kept_promise("UNEP gave the two trainings it promised in Addis.").body
    'UNEP'
    >>> kept_promise("We published the guide, as we promised.") is None
    True
    """
    low = sentence.lower()
    if not any(word in low for word in _TOLD_BY):
        return None  # no word that tells a promise kept: most sentences, asked on every one (issue 19)
    if re.search(r"\b(?:will|shall|going to)\b", sentence, re.I):
        return None  # "as the Secretariat promised, the summary will be out": a promise still open
    at = _MAKER_AT.search(sentence)
    if at is not None and _is_body(at.group("body"), at.group("the")):
        return Kept(at.start(), at.end(), at.group(0), _bare(at.group("body")))
    back = _BACK.search(sentence)
    if back is None:
        return None
    subjects = [
        m for m in _SUBJECT.finditer(sentence) if m.start() < back.start() and _is_body(m.group("body"), m.group("the"))
    ]
    if not subjects:
        return None
    who = subjects[-1]
    return Kept(back.start(), back.end(), back.group(0), _bare(who.group("body")))


def _bare(name: str) -> str:
    """The body's name without a possessive ("UNESCO's guidelines … which they promised")."""
    return _POSSESSIVE.sub("", name)


def _is_body(name: str, the: str | None) -> bool:
    """A body's name, not a pronoun or a person's first name ("as Kwame promised")."""
    name = _bare(name)
    first = name.split()[0].lower()
    if first in _NOT_BODY:
        return False
    return bool(the) or bool(_ACRONYM.match(name))


def kept_actor(body: str, registry: Registry) -> Actor:
    """(coalition, institution) of the body that kept its promise: the registry's name for it (an office named
    alone, "the Secretariat", is the forum's own when the registry knows "IGF Secretariat"), else the name said."""
    for name in (body, f"IGF {body}"):
        entity = registry.by_name(name)
        if entity is not None:
            return (entity.name, None) if entity.kind == "dc" else (None, entity.name)
    return (None, body)

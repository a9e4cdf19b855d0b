"""A body's promise told in the third person: "UNESCO will hold a workshop …", "The Secretariat will publish …". Pure.

A record (captions, minutes, a statement) tells what other bodies will do with a body as the clause's subject,
the modal of intention right after it and a verb with an object: the shape of "we will …" (`promiseshape`),
whoever says it. The promise is the named body's, not the teller's: read as the teller's (or not at all) it
never joins that body's later delivery ("UNESCO's workshop … took place in Nairobi").

The subject must be a body the registry knows: a mention it finds (a coalition, an institution, a national or
regional IGF), or an acronym or "the" and a capitalised name that it knows by name ("the Secretariat": the
forum's own); a capitalised thing ("The Toolkit will cover …") or a person is no body, so no promise here.
A conditional or hedged clause ("if UNESCO will …", "we hope UNEP will …") is none (`promiseshape`).
"""

from __future__ import annotations

import re

from ..resolve.mentions import find_mentions
from ..resolve.registry import Registry
from .actors import Actor
from .cues import Cue
from .keptword import kept_actor
from .promiseshape import body_subjects, promise_shape

__all__ = ["body_promise"]

_ANY_MODAL = re.compile(r"\b(?:will|shall|going to|plans? to|intends? to|aims? to|undertakes? to|commits? to)\b", re.I)


def body_promise(sentence: str, registry: Registry) -> tuple[Cue, Actor] | None:
    """(promise cue, the body's actor) of a sentence whose clause has a known body as its subject and the shape of a
    promise; None otherwise.

    >>> from forumlens.resolve.registry import load_registry
    >>> cue, actor = body_promise("UNESCO will hold a workshop on ranger stations in 2018.", load_registry())
    >>> cue.text, actor
    (' will hold', (None, 'UNESCO'))
    >>> body_promise("The Toolkit will cover three regions.", load_registry()) is None
    True
    """
    if _ANY_MODAL.search(sentence) is None:
        return None
    mentions = {(m.start, m.end): m for m in find_mentions(sentence, registry=registry)}
    for a, b in body_subjects(sentence, list(mentions)):
        mention = mentions.get((a, b))
        if mention is not None:
            actor: Actor = (mention.name, None) if mention.kind == "dc" else (None, mention.name)
        else:
            actor = kept_actor(sentence[a:b], registry)
            if actor == (None, sentence[a:b]):
                continue  # a name the registry does not know: no body
        match = promise_shape(sentence, [(a, b)])
        if match is None or match.start() != b:
            continue
        return Cue("promise", match.start(), match.end(), match.group(0)), actor
    return None

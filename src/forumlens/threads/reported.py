"""Who a promise in reported speech is by: the body a report names as the subject of the reported clause. Pure.

Why: a workshop report, minutes or a rapporteur's summary tell others' promises in the third person ("He added
that UNODC will publish a short technical note …"). The document is by the body that wrote it, but the promise is
the subject's: read as the writer's, it never joins the subject's later delivery ("UNODC's note … came out last
year"). Only a subject the registry knows as a body is taken (a pronoun or "the participants" names none), so a
report's own "the coalition said it will …" stays the writer's.
"""

from __future__ import annotations

import re

from ..resolve.registry import Registry
from .actors import Actor

__all__ = ["reported_actor"]

# the reporting verb and "that", then the clause's subject up to its "will"/"shall"
_REPORTED = re.compile(
    r"\b(?:said|added|noted|announced|stated|explained|confirmed|promised|replied|reported|indicated|assured"
    r"|informed [\w ]{1,40}?) that\s+(?:the\s+)?(?P<who>[^,.;:!?]{1,60}?)\s+(?:will|shall)\b",
    re.I,
)


def reported_actor(sentence: str, cue_start: int, registry: Registry) -> Actor | None:
    """(coalition, institution) a reported promise is by when its cue is a reporting verb whose clause's subject is a
    body the registry knows; None otherwise (the item keeps its teller's or document's actor).

    >>> from forumlens.resolve.registry import load_registry
    >>> reported_actor("He added that UNODC will publish a note.", 3, load_registry())
    (None, 'UNODC')
    >>> reported_actor("He added that they will publish a note.", 3, load_registry()) is None
    True
    """
    match = _REPORTED.match(sentence, cue_start)
    if match is None:
        return None
    who = match.group("who")
    entity = registry.by_name(who)
    if entity is None:
        return None
    return (entity.name, None) if entity.kind == "dc" else (None, who)

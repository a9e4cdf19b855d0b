"""Whose ask a third party restates: a rapporteur's "The farmers' coalition put its old ask again: …". Pure.

Why: a breakout rapporteur, a moderator's summary or a reporter restates a coalition's ask in the third person,
naming the coalition by a word of its topic ("the farmers' coalition", "On legacy, they said again that …"). Read as
the teller's own ask (a person who speaks for no body), it never meets the coalition's ask of other years, and the
coalition's thread loses its "recurring". The word is matched against the topics of the bodies the store's items are
already by (no list of names): it must name exactly one of them, and only an ask by nobody's body is read again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..text.stems import stem
from .actors import body_topic_words
from .models import Item

__all__ = ["restated_asks"]

# "the farmers' coalition", "its legacy coalition": a coalition said by one word of its topic
_NAMED_BY_TOPIC = re.compile(r"\b(?:the|its|their)\s+(?P<word>[A-Za-z][\w-]{3,})(?:['’]s?)?\s+coalition\b", re.I)
# a report-back's lead: "On legacy, they said …", "On elections: …" (the topic the room reported on)
_TOPIC_LEAD = re.compile(r"^\W*On\s+(?P<word>[A-Za-z][\w-]{3,})\s*[,:]", re.I)


def restated_asks(items: Sequence[Item]) -> list[Item]:
    """The items with each ask by no body that names one body by a word of its topic read as that body's."""
    bodies: dict[str, set[tuple[str, str]]] = {}  # a topic word's stem -> (field, name) of the bodies it names
    for item in items:
        for field, name in (("coalition", item.coalition), ("org", item.org)):
            for word in body_topic_words(name) if name else ():
                bodies.setdefault(stem(word), set()).add((field, name or ""))
    out = []
    for item in items:
        if item.signal == "need" and not item.coalition and not item.org:
            said = _NAMED_BY_TOPIC.search(item.quote) or _TOPIC_LEAD.match(item.quote)
            named = bodies.get(stem(said.group("word")), set()) if said else set()
            if len({name for _, name in named}) == 1:
                field, name = min(named)  # the coalition's field before the institution's
                item = replace(item, coalition=name) if field == "coalition" else replace(item, org=name)
        out.append(item)
    return out

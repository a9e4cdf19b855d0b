"""A need only the `asks` analysis found that is the teller's own promise, read as a promise before linking. Pure.

The `asks` analysis reads any sentence that wants something done as an ask; the threads extraction keeps it as a
`need` unless its own promise rules read the sentence first. When those rules miss the shape of the object ("the
coalition will send homeworkers a text message …": two objects; "the coalition will install in twenty villages a
small box …": a place before the object; "our coalition will measure how much content exists …": a clause), the
coalition's own undertaking opens an ask thread, so its later news finds no promise and a later ask of the same
actor about the same subject joins it (a hard negative: the coalition's own training joined to its ask of the
regulators).

The reading is the clause's grammar, not its words: the subject is the teller's side (a first person, "our
coalition", "the coalition" — `promiseshape.OWN_SUBJECT`, with its modals of intention), its verb is not one of
talk, thought or asking (`promiseshape.NO_OUTPUT_VERBS`), and nothing conditions or hedges it before the subject; or
the teller says outright that it promises ("we promise, …", "we commit to …"). Addressing someone else ("we will ask
the MAG …", "we call on …") is not a promise, and only a need the `asks` analysis alone found is re-read (a need a
threads cue found was read as one by its own words).

The deliverable of the re-read promise is the first noun the lexicon knows after the verb, else the head of the
first determined noun phrase after it ("a small box" past "in twenty villages"), else none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .itemcontext import ASKS_CUE
from .lexicon import load_lexicon
from .models import Item
from .nounphrase import is_output, object_phrase, unknown_family
from .promiseshape import HEDGED, NO_OUTPUT_VERBS, OWN_SUBJECT

__all__ = ["own_promise", "own_promises"]

_I = re.I
# "we promise, …", "I commit to …", "we pledge that …": the teller says it is a promise
_SAID_PROMISE = re.compile(r"(?:^|(?<=[\s,;:(]))(?:we|i)\s+(?:(?:hereby|also)\s+)?(?:promise|pledge|commit)\b", _I)
# a determined noun phrase after the verb: where an object phrase may start when a place or a first object comes before
_DETERMINED = re.compile(r"\s(?=(?:a|an|the|one|our|its|their|this|each|every)\s)", _I)
# the clause ends at the first sentence stop
_CLAUSE_END = re.compile(r"[.;!?]")


def _hedged_before(quote: str, at: int) -> bool:
    """A condition or hedge in the clause before the subject ("if we get the money, the coalition will …")."""
    return HEDGED.search(quote, 0, at) is not None


def _deliverable(quote: str, at: int) -> tuple[str | None, str | None]:
    """(family, head) of what the promise makes: the lexicon's first output noun after `at`, else the head of the
    first determined object phrase after it ("a small box" past "in twenty villages"), else no head and a family
    of its own."""
    end = _CLAUSE_END.search(quote, at)
    stop = end.start() if end else len(quote)
    for a, b, family in load_lexicon().deliverables(quote):
        if at <= a < stop and is_output(quote, (a, b, family)):
            return family, quote[a:b]
    for found in _DETERMINED.finditer(quote, at, stop):
        span = object_phrase(quote, found.end())
        if span is not None and span[1] <= stop:
            head = quote[span[0] : span[1]]
            return unknown_family(head), head
    # no output named: a family of its own (the clause after the cue), so no other unnamed deliverable meets it by chance
    return unknown_family(quote[at:stop].strip() or quote), None


def own_promise(item: Item) -> Item:
    """The item as a `promise` when it is a need only the `asks` analysis found whose clause is the teller's own
    undertaking; else the item unchanged."""
    if item.signal != "need" or item.cue != ASKS_CUE or "?" in item.quote:
        return item
    quote = item.quote
    found = _SAID_PROMISE.search(quote)
    if found is None:
        found = OWN_SUBJECT.search(quote)
        if found is None or found.group("verb").lower() in NO_OUTPUT_VERBS:
            return item
    at = found.end()
    if _hedged_before(quote, found.start()):
        return item
    family, head = _deliverable(quote, at)
    return replace(item, signal="promise", family=family, head=head)


def own_promises(items: Iterable[Item]) -> list[Item]:
    """`own_promise` of each item."""
    return [own_promise(item) for item in items]

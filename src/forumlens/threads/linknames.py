"""What an item names that linking weighs: who promised, the deliverable's family, a coalition, a body.

Why a module of its own: these read one item's quote and nothing of the threads, and the
rules of `threads.link` (promiser, family, named coalition, `_owners`) ask them of every item;
they are tested on their own (`promised_by`, `named_coalition`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import load_lexicon
from .models import Item
from .nounphrase import UNKNOWN_FAMILY, is_output

# "we will map …", "the coalition will survey …": the promised output said as a verb
_PROMISED_VERB = re.compile(
    r"\b(?:will|shall|going to|plans? to|intends? to|aims? to)\s+(?:(?:also|now|first|then|\w+ly)\s+)?([a-z]+)\b",
    re.I,
)


# who made the promise a follow-up tells of: "the repair course that UNEP promised", "the workshop that the Internet
# Society promised in Guadalajara", "The guide that Mbali promised", "In Paris the ministry promised to connect …",
# and without "that" after the deliverable's noun, a body named with its capital ("the validation workshop the
# Ministry promised us")
_PROMISED_BY = re.compile(
    r"(?:^|\b(?:that|which|(?i:as))\s+|[.;,:]\s+|\b(?i:in|at)\s+[\w'’ ]{1,20}?\s+|\b[a-z]{3,}\s+(?=the\s+[A-Z]))"
    r"(?P<who>(?:the\s+)?(?:[A-Z][\w'’‑-]*|[a-z]{4,})(?:\s+[A-Z][\w'’‑-]*){0,4})"
    r"\s+(?:had\s+|has\s+)?(?:promised|announced|pledged|committed)\b"
)
# the maker said as the deliverable's owner, the promise as a participle after it: "UNICEF's study of how children use
# phones, promised at the Nairobi open forum, was published"
_PROMISED_OWNER = re.compile(
    r"(?:^|[.;:]\s+)\W*(?P<who>(?:the\s+)?[A-Z][\w‑-]*(?:\s+[A-Z][\w‑-]*){0,3})['’]s\s[^,;.]{1,100},\s*"
    r"(?:first\s+|originally\s+)?(?:promised|announced|pledged)\b"
)
# the maker named, then a relative clause that tells its deed and says the promise with a pronoun: "We thank the
# Office of the Envoy on Technology, which invited us to this consultation as it promised in its letter"
_PROMISED_ANTECEDENT = re.compile(
    r"(?P<who>\b(?:the\s+)?[A-Z][\w'’‑-]*(?:\s+(?:[A-Z][\w'’‑-]*|of|on|for|the|and)){0,6}?)(?<![\s,]),\s+(?:which|who)\s+"
    r"[^.;]{1,120}?\b(?:as|like)\s+(?:it|they|she|he)\s+(?:had\s+|has\s+|have\s+)?(?:promised|announced|pledged)\b"
)
# the teller made the promise themself: "the handbook that I promised in Vilnius", "which I had announced"
_PROMISED_BY_ME = re.compile(r"\bI\s+(?:had\s+|have\s+)?(?:promised|announced|pledged|committed\s+to)\b")
# the promise was made to the teller by a body it does not name: "The workshop they promised us …", "the map you
# promised us in Kyoto", "the guide we were promised", "what was promised to us"
_PROMISED_TO_ME = re.compile(
    r"\b(?P<who>[\w'’-]+)\s+(?:had\s+|have\s+|has\s+)?(?:promised|pledged)\s+(?:to\s+)?(?:us|me)\b"
    r"|\b(?:we|I)\s+(?:were|was|had\s+been|have\s+been)\s+promised\b",
    re.I,
)
# the teller's own body named just before the maker's noun ("In Hyderabad our coalition promised …")
_OWN_BEFORE = re.compile(r"\b(?:our|my)\s+$", re.I)
_NOT_WHO = frozenset(
    {"we", "i", "you", "they", "he", "she", "it", "who", "our", "this", "that", "which", "what", "the", "as"}
)


def promised_by_teller(quote: str) -> bool:
    """Whether a follow-up says its teller made the promise ("the handbook that I promised in Vilnius"): the promise
    is the person's, whichever body they spoke for then."""
    return _PROMISED_BY_ME.search(quote) is not None


def promised_to_teller(quote: str) -> bool:
    """Whether a follow-up says the promise was made to its teller by another ("The workshop they promised us … took
    place", "the UN had promised us a guide"): another body's promise, never the teller's own."""
    return any(
        m.group("who") is None or m.group("who").casefold() not in ("we", "i") for m in _PROMISED_TO_ME.finditer(quote)
    )


def promised_by(quote: str) -> frozenset[str]:
    """The words naming who made the promise a follow-up tells of (empty when it says none, or says "we")."""
    for match in (
        *_PROMISED_BY.finditer(quote),
        *_PROMISED_OWNER.finditer(quote),
        *_PROMISED_ANTECEDENT.finditer(quote),
    ):
        words = frozenset(w for w in re.findall(r"[\w'’‑-]+", match.group("who").casefold()) if w not in _NOT_WHO)
        if _OWN_BEFORE.search(quote, 0, match.start("who")):
            continue  # "our coalition promised …": the teller's own body, as "we promised" is
        if words:
            return words
    return frozenset()


def _families(item: Item) -> frozenset[str]:
    """The item's deliverable family, and the family of a deliverable its promise says as a verb ("the coalition
    will map the public funding of news" promises a map, whatever noun the sentence's head is): kept per quote.
    A noun the lexicon does not know (`nounphrase`) also carries the family of the first known deliverable after
    it, its complement ("one page on the IGF website" meets "the website" as it did before the noun was read)."""
    return _families_of(item.family, item.quote, item.head)


@lru_cache(maxsize=16384)
def _families_of(family: str | None, quote: str, head: str | None = None) -> frozenset[str]:
    # an unrecognised deliverable (None) is no family: two of them are alike only by `family ==`
    found: set[str] = {family} if family else set()
    lex = load_lexicon()
    if family and family.startswith(UNKNOWN_FAMILY) and head:
        at = quote.find(head)
        after = [d[2] for d in lex.deliverables(quote) if at >= 0 and d[0] >= at + len(head) and is_output(quote, d)]
        found |= set(after[:1])
    for match in _PROMISED_VERB.finditer(quote):
        verb = match.group(1)
        found |= {f for a, b, f in lex.deliverables(verb) if a == 0 and b == len(verb)}
    return frozenset(found)


# "a participant asked", "someone in the room asked": an asker from the floor, whose question it takes up
_FLOOR_ASKED = re.compile(
    r"\b(?:a|one|another)\s+(?:\w+\s+)?(?:participant|person|delegate|colleague|speaker)\s+(?:\w+\s+){0,3}?asked\b"
    r"|\b(?:someone|somebody)\s+(?:\w+\s+){0,3}?asked\b"
    # "Responding to a question from the floor at a DC session in Paris, the MAG agreed …"
    r"|\bquestions?\s+(?:\w+\s+){0,2}?from\s+the\s+(?:floor|audience|room)\b",
    re.I,
)
# "the journalism coalition", "the core values coalition": a coalition named by what it is about
_COALITION_PHRASE = re.compile(r"\bthe\s+((?:[a-z][\w‑-]*\s+){1,3}?)coalition\b")
_NAME_NOISE = frozenset(
    ("the", "of", "on", "and", "for", "in", "dc", "dynamic", "coalition", "coalitions", "internet", "governance", "igf")
)


def _name_words(name: str) -> frozenset[str]:
    """The words of a coalition's name that tell it apart (not "Dynamic Coalition on", not "Internet")."""
    words = (w for w in re.findall(r"[a-z]+", name.casefold()) if w not in _NAME_NOISE and len(w) > 2)
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words)  # "schools" ↔ "school"


def _topic_said(coalition: str, said: frozenset[str]) -> bool:
    """The telling words of the coalition's name (two at least) are all in `said`: a response names its topic."""
    topic = _name_words(coalition)
    return len(topic) >= 2 and topic <= said


@lru_cache(maxsize=4096)
def _words_of(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"[\w'’‑-]+", name.casefold()))


def _coalition_actor(actor: str) -> str:
    """The name of an institution-like actor that is a coalition the registry does not know ("org:Dynamic Coalition on
    Internet and Climate Change"), else "" (a named coalition's asks are looked for among coalitions only)."""
    name = actor.partition(":")[2] if actor.startswith("org:") else ""
    return name if re.search(r"\bcoalition\b", name, re.I) else ""


def named_coalition(item: Item) -> frozenset[str]:
    """The telling words of the coalition a response names (a coalition name found in it, or "the journalism
    coalition"); empty when it names none."""
    said = [item.quote[a:b] for a, b in item.names]
    said += [m.group(1) for m in _COALITION_PHRASE.finditer(item.quote)]
    return frozenset(w for phrase in said for w in _name_words(phrase))


@lru_cache(maxsize=4096)
def _whole_name(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b", re.I)


def _body_named(actor: str, quote: str) -> bool:
    """Whether `quote` names the institution `actor` is (an "org:" actor, not a coalition) by its whole name.

    Why: a response names who asked ("To the Arab IGF, which asked for this …") as it names a coalition; a body
    that is no registry coalition (a regional forum, an office) is an institution here, and its whole name is
    what tells it apart ("the IGF" alone names every forum)."""
    return actor.startswith("org:") and _whole_name(actor[4:]).search(quote) is not None

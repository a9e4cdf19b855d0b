"""What a name-card label says about its speaker: session role, mode and affiliation.

Captioners who know the programme write the speaker's card as the label
(`>> Paolo Conti, co-moderator:`, `>> AMINA MENSAH, Ministry of ICT, Ghana:`,
`>> Dr. Jo Li (online):`). The parser keeps the whole card as the turn's label and
`transcript.speakers.parse_name_card` splits it into pieces; this module reads those
pieces as first-hand evidence, in the contract's terms:

- the role piece names a part in the session: a chair, moderator, co-moderator or
  facilitator runs it ("moderator"); a speaker, panelist, discussant, respondent, keynote,
  presenter, organiser or rapporteur has a place on the programme, not at the floor
  microphone ("guest" — the contract has no rapporteur role, and a rapporteur is on the
  organisers' side of the table); a participant or audience member is a voice from the
  floor ("participant"). An office ("Deputy Minister", "CEO") is a job, not a session role;
- the mode piece says where the speaker is ("online", "remote", "via video" → online;
  "on site", "in person", "in the room" → onsite);
- the other pieces name the body: a registry body keeps its canonical name (the caller
  filters the mentions); otherwise the pieces as written, in reading case. An office that
  names its body ("Minister of Digital Economy", "Director of Research at Foo University")
  gives that body when no other piece does.

Pure functions over the label text; the caller (roles, cast) weighs the facts against
what the person says in their own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from forumlens.resolve import orgs
from forumlens.resolve.mentions import find_mentions
from forumlens.resolve.registry import Registry
from forumlens.transcript.speakers import NameCard, card_like, parse_name_card

__all__ = ["CardFacts", "card_facts", "card_mode", "card_role", "label_role", "role_words"]

# The last word of a role piece and the contract role it gives (qualifiers such as "co-",
# "online", "session", "lead" do not change it).
_SESSION_ROLES = {
    "moderator": "moderator",
    "chair": "moderator",
    "chairperson": "moderator",
    "chairman": "moderator",
    "chairwoman": "moderator",
    "facilitator": "moderator",
    "host": "moderator",
    "speaker": "guest",
    "discussant": "guest",
    "respondent": "guest",
    "keynote": "guest",
    "panelist": "guest",
    "panellist": "guest",
    "presenter": "guest",
    "organiser": "guest",
    "organizer": "guest",
    "rapporteur": "guest",
    "participant": "participant",
    "member": "participant",  # "audience member", "floor member"
}
# Words before the head that make it a voice from the floor whatever the head is ("audience speaker").
_FLOOR_QUALIFIERS = frozenset({"audience", "floor"})
_ONLINE = re.compile(r"\b(?:online|on-line|remote|remotely|virtual|virtually|video|zoom|phone|recorded|audio)\b", re.I)
_ONSITE = re.compile(r"\b(?:on ?site|on-site|in person|in-person|in the room)\b", re.I)


@dataclass(frozen=True)
class CardFacts:
    """What one name card says. `role` and `mode` are contract values or None; `orgs` are the
    bodies it names, best first (a registry body carries its mention); `label` is the card."""

    label: str
    role: str | None = None
    mode: str | None = None
    orgs: tuple[orgs.Org, ...] = ()


def card_role(piece: str | None) -> str | None:
    """The contract role a card's role piece gives ("co-moderator" → "moderator",
    "Rapporteur" → "guest", "Audience member" → "participant"), None for an office or nothing."""
    if not piece:
        return None
    words = [w for w in re.split(r"[\s-]+", piece.lower().strip(" .")) if w]
    if not words or words[-1] not in _SESSION_ROLES:
        return None
    if any(w in _FLOOR_QUALIFIERS for w in words[:-1]):
        return "participant"
    return _SESSION_ROLES[words[-1]]


def card_mode(piece: str | None) -> str | None:
    """ "online" or "onsite" from a card's mode piece ("(remote)", "via video", "on site")."""
    if not piece:
        return None
    if _ONSITE.search(piece):
        return "onsite"
    return "online" if _ONLINE.search(piece) else None


def _body_orgs(card: NameCard, registry: Registry, gazetteer: orgs.Gazetteer) -> list[orgs.Org]:
    """Bodies on the card: the organisation pieces first (registry bodies by their mention), then
    the body an office names."""
    pieces = [
        p
        for p in card.pieces
        if p != card.mode
        and p != card.role
        and (not card_mode(p) or _names_body(p, registry))
        and card_role(p) is None
        and not _voice(p)
    ]
    org_pieces = [p for p in pieces if not orgs.is_office(p)]
    offices = [p for p in (card.role, *pieces) if p and orgs.is_office(p)]
    found: list[orgs.Org] = []
    named = [
        org
        for office in offices
        for org in sorted(orgs.office_orgs(office, find_mentions(office, registry=registry), gazetteer), key=_rank)
    ]
    text = ", ".join(org_pieces)
    places = bool(org_pieces) and all(orgs.is_place(p, gazetteer) for p in org_pieces)
    if named and places and named[0].mention is None:
        # "Minister of ICT, Ghana": the office names the body, the place only says whose it is
        found.append(orgs.Org(0, 0, f"{orgs.card_name(named[0].name)}, {orgs.card_name(text)}"))
    if text and card_like(text):
        # every registry body first (the caller keeps the ones that can be an affiliation), then
        # the pieces as written, for when none can
        found += [orgs.Org(m.start, m.end, m.name, m) for m in find_mentions(text, registry=registry)]
        found.append(orgs.Org(0, len(text), orgs.card_name(text)))
    found += [orgs.Org(0, 0, orgs.card_name(o.name), o.mention, o.proper) for o in named]
    return found


def _names_body(piece: str, registry: Registry) -> bool:
    """A piece with a mode word that is a body's name all the same: a registry body ("DC ON
    CHILD ONLINE SAFETY", a coalition's former name) or a coalition's name ("Dynamic Coalition
    on Virtual Worlds"), not where the speaker sits."""
    return _COALITION.match(piece.strip()) is not None or bool(find_mentions(piece, registry=registry))


# "DC on …", "Dynamic Coalition for …": a coalition's name, whatever its topic's words
_COALITION = re.compile(r"(?:the\s+)?(?:dynamic\s+coalition|DC)\s+(?:on|for|of)\s+\S", re.IGNORECASE)


def _rank(org: orgs.Org) -> float:
    """How loosely an office ties the body; a name that reads as a body first ("Director of
    Research at Foo University": the university, not the field)."""
    named = org.mention is not None or orgs.looks_org(org.name)
    return org.rank + (0 if org.proper else 0.5) + (0 if named else 1)


_VOICE = re.compile(
    r"(?:speaking|speaks|spoke|interpret\w*|translat\w*|(?:through|via|with) interpret\w*|sign language)\b", re.I
)


def _voice(piece: str) -> bool:
    return _VOICE.match(piece.strip()) is not None


def label_role(label: str) -> str | None:
    """The contract role a label written as a name card gives, if its role piece names a part
    in the session ("Paolo Conti, co-moderator" → "moderator"); None for any other label."""
    card = parse_name_card(label.strip())
    return card_role(card.role) or next((r for r in map(card_role, card.pieces) if r), None)


def role_words(label: str) -> str:
    """The words of a label that may name a role: all of a plain label, only the name and the
    role piece of a card ("Marta Ruiz, Chair of the Board, Foo Foundation": "Marta Ruiz"), so
    an office or a body on the card is not read as a session role."""
    card = parse_name_card(label.strip())
    if not card.pieces:
        return label
    return " ".join(p for p in (card.name, *card.pieces) if p == card.name or card_role(p))


@lru_cache(maxsize=1024)
def _facts(label: str, registry: Registry, gazetteer: orgs.Gazetteer) -> CardFacts:
    card = parse_name_card(label)
    if not card.pieces:
        return CardFacts(label)
    role = label_role(label)
    mode = card_mode(card.mode)  # not "Online Moderator": a duty, wherever its holder sits
    return CardFacts(label, role, mode, tuple(_body_orgs(card, registry, gazetteer)))


def card_facts(label: str, registry: Registry, gazetteer: orgs.Gazetteer | None = None) -> CardFacts:
    """Role, mode and bodies a label written as a name card gives (all empty for a plain label).

    >>> from forumlens.resolve.registry import load_registry
    >>> facts = card_facts("AMINA MENSAH, Ministry of ICT, Ghana (online)", load_registry())
    >>> (facts.role, facts.mode, [o.name for o in facts.orgs])
    (None, 'online', ['Ministry of ICT, Ghana'])
    >>> card_facts("Paolo Conti, co-moderator", load_registry()).role
    'moderator'
    """
    return _facts(label.strip(), registry, gazetteer or orgs.load_gazetteer())

"""Who an item is by: the coalition or institution a speaker speaks for, or a document's coalition. Pure.

Linking never joins two actors, so the actor must be found even when the session's
people analysis has no affiliation for a speaker. In order of trust:

1. the speaker's own introduction in the turn ("Nadia Haddad, Dynamic Coalition on
   Accessibility and Disability", "I speak for …", "Omar Farouk, UN DESA"): a registry
   mention in one of the first two sentences that names the speaker or has an
   introduction frame;
2. the affiliation the people analysis gave the speaker in this session (moderator
   hand-offs, earlier introductions);
3. (at link time, `link.py`) the coalition the same person spoke for in other sessions.

A document (report, statement) is by the coalition its metadata names, else the one
its title names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models import Session, Turn
from ..resolve.mentions import Mention, find_mentions
from ..resolve.registry import Registry, load_registry
from ..transcript.speakers import name_key
from .cues import is_intro
from .sentences import Sentence

__all__ = ["Actor", "document_actor", "turn_actor"]

Actor = tuple[str | None, str | None]  # (coalition name, institution name)

_ORG_KINDS = ("un-body", "igf-body", "igo", "nri")
_GENERIC = frozenset({"igf", "igf-dcs"})  # "the IGF", "the Dynamic Coalitions": nobody in particular


def _names_speaker(sentence: str, speaker: str | None) -> bool:
    if not speaker:
        return False
    words = {w for w in name_key(speaker).split() if len(w) > 2}
    return bool(words & set(name_key(sentence).split()))


def _intro_mentions(session: Session, speaker: str | None, sentences: Sequence[Sentence]) -> list[Mention]:
    found: list[Mention] = []
    for sentence in sentences[:3]:
        if _names_speaker(sentence.text, speaker) or is_intro(sentence.text):
            found += find_mentions(session.text, sentence.start, sentence.end)
    return found


def _from_affiliation(affiliation: str | None, registry: Registry) -> Actor:
    if not affiliation:
        return None, None
    entity = registry.by_name(affiliation)
    if entity is not None and entity.kind == "dc":
        return entity.name, None
    if entity is not None and entity.id in _GENERIC:
        return None, None
    return None, affiliation


def turn_actor(
    session: Session,
    turn: Turn,
    sentences: Sequence[Sentence],
    person: Mapping[str, Any] | None,
    registry: Registry | None = None,
) -> Actor:
    """(coalition, institution) the speaker of `turn` speaks for; either may be None."""
    registry = registry or load_registry()
    mentions = _intro_mentions(session, turn.speaker, sentences)
    coalition = next((m.name for m in mentions if m.kind == "dc"), None)
    org = next((m.name for m in mentions if m.kind in _ORG_KINDS and m.entity_id not in _GENERIC), None)
    stated, stated_org = _from_affiliation((person or {}).get("affiliation"), registry)
    if coalition:
        return coalition, None
    if stated:
        return stated, None
    return None, org or stated_org


def document_actor(session: Session, analyses: Mapping[str, Any], registry: Registry | None = None) -> Actor:
    """(coalition, institution) a report or statement is by: its metadata's coalition, else
    the coalition its title names, else the institution its title names."""
    meta = analyses.get("document") or {}
    ranked = sorted(
        (c for c in meta.get("coalitions") or [] if isinstance(c, Mapping) and c.get("name")),
        key=lambda c: -float(c.get("confidence") or 0),
    )
    if ranked and float(ranked[0].get("confidence") or 0) >= 0.5:
        return str(ranked[0]["name"]), None
    title = str(meta.get("title") or session.title or "")
    mentions = find_mentions(title, registry=registry or load_registry())
    coalition = next((m.name for m in mentions if m.kind == "dc"), None)
    org = next((m.name for m in mentions if m.kind in _ORG_KINDS and m.entity_id not in _GENERIC), None)
    return (coalition, None) if coalition else (None, org)

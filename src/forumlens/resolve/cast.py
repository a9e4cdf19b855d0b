"""`resolve_session`: a parsed session → its cast (people, coalitions, flags).

The single entry point of the resolve stage: pure, no I/O beyond the packaged
registry, and its `to_json()` gives exactly the DESIGN.md `people` and `coalitions`
shapes (plus a few extra fields, which the contract allows).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from forumlens.models import Session
from forumlens.resolve import cues
from forumlens.resolve.mentions import Mention, find_mentions
from forumlens.resolve.people import (
    LabelGroup,
    Misattribution,
    find_misattributions,
    group_labels,
    split_floor_voices,
)
from forumlens.resolve.registry import Registry, load_registry
from forumlens.resolve.roles import (
    Draft,
    Evidence,
    SessionView,
    best_affiliation,
    collect_evidence,
    find_moderators,
    is_moderator,
)
from forumlens.resolve.status import Voice, coalition_statuses

__all__ = ["Cast", "Coalition", "Flag", "Person", "resolve_session"]

Role = str  # "moderator" | "dc-representative" | "guest" | "participant" | "remote-hub"
_WORDS = re.compile(r"\w+(?:['’‑-]\w+)*")


@dataclass(frozen=True)
class Person:
    name: str | None
    labels: tuple[str, ...]
    role: Role
    affiliation: str | None
    affiliation_id: str | None
    mode: str | None
    lines: tuple[int, ...]
    words: int
    minutes: float
    evidence: tuple[Evidence, ...]
    flags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    description: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "labels": list(self.labels), "role": self.role,
                "affiliation": self.affiliation, "mode": self.mode, "lines": list(self.lines),
                "words": self.words, "minutes": self.minutes,
                "evidence": [{"line": e.line, "quote": e.quote} for e in self.evidence],
                "flags": list(self.flags), "aliases": list(self.aliases), "description": self.description,
                "affiliation_id": self.affiliation_id}


@dataclass(frozen=True)
class Coalition:
    id: str
    name: str
    acronym: str | None
    status: str  # presented | mentioned | invited-absent
    lines: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "acronym": self.acronym, "status": self.status, "lines": list(self.lines),
                "id": self.id}


@dataclass(frozen=True)
class Flag:
    line: int
    label: str
    reason: str
    likely_speaker: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "label": self.label, "reason": self.reason, "likely_speaker": self.likely_speaker}


@dataclass(frozen=True)
class Cast:
    """Who spoke, for whom, from where; which coalitions were there; what looks wrong."""

    people: tuple[Person, ...]
    coalitions: tuple[Coalition, ...]
    flags: tuple[Flag, ...] = ()
    mentions: tuple[Mention, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """The `people` and `coalitions` parts of `forumlens report --json`, plus `flags`."""
        return {"people": [p.to_json() for p in self.people],
                "coalitions": [c.to_json() for c in self.coalitions],
                "flags": [f.to_json() for f in self.flags]}


def _reattribute(groups: list[LabelGroup], flags: Sequence[Misattribution]) -> list[LabelGroup]:
    """Count a mis-labelled turn for the speaker it most likely belongs to."""
    for flag in flags:
        source = next(g for g in groups if flag.turn in g.turns)
        target = next((g for g in groups if g.name == flag.likely), None)
        if target is None:
            continue
        source.turns.remove(flag.turn)
        target.turns = sorted(target.turns + [flag.turn])
    return [g for g in groups if g.turns]


_HUB_WORD = re.compile(r"\b(?:remote )?hub\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _place_pattern(registry: Registry) -> re.Pattern[str]:
    """One alternation of every country name, so a label is scanned once, not once per country."""
    names = sorted({c for country in registry.countries for c in country.names}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def _is_hub(view: SessionView, group: LabelGroup, registry: Registry) -> bool:
    """A label naming a place the session calls a hub ("DHAKA BANGLADESH" … "Bangladesh Hub")."""
    label = " ".join(group.labels) + " " + (group.name or "")
    if _HUB_WORD.search(label):
        return True
    if not _place_pattern(registry).search(label):
        return False
    words = [w for w in re.findall(r"[A-Za-z]+", label) if len(w) > 2]
    return any(re.search(rf"\b{re.escape(w)}\s+(?:remote\s+)?hub\b", view.text, re.IGNORECASE) for w in words)


def _role(draft: Draft, kind: str | None, moderator: bool, hub: bool) -> Role:
    if hub:
        return "remote-hub"
    if moderator:
        return "moderator"
    if kind == "dc":
        return "dc-representative"
    if kind in ("igf-body", "un-body", "igo"):
        # an official who came to the microphone from the floor is a participant, not a panelist
        return "participant" if draft.from_floor and not draft.named_in_handoff else "guest"
    if kind in (None, "nri") and draft.named_in_handoff and not draft.from_floor and draft.group.name:
        return "guest"  # a panelist the chair introduced, not a voice from the floor
    return "participant"


def _describe(draft: Draft, affiliation: str | None, role: Role) -> str | None:
    """Words for an unnamed speaker, from what the session says about them."""
    if draft.group.name:
        return None
    if draft.group.labels:
        return f"speaker labelled {draft.group.labels[0]}"
    if affiliation:
        word = draft.role_word or "representative"
        if word in ("part", "one"):
            word = "member"
        article = "an" if word[0] in "aeiou" and draft.role_word else ("a" if draft.role_word else "the")
        return f"{article} {word} of the {affiliation}".replace("the the ", "the ")
    return "a participant from the floor" if draft.from_floor else "an unnamed participant"


def _mode(draft: Draft) -> str | None:
    if draft.online == draft.onsite:
        return None
    return "online" if draft.online > draft.onsite else "onsite"


def _coalitions(view: SessionView, people: Sequence[Person], mentions: Sequence[Mention],
                moderators: set[str], groups: Sequence[LabelGroup], registry: Registry) -> list[Coalition]:
    voices = [Voice(p.affiliation_id, tuple(e.line for e in p.evidence) + p.lines[:1]) for p in people
              if p.affiliation_id and p.words and p.role != "remote-hub" and registry.get(p.affiliation_id).kind == "dc"]
    owner = {i: g for g in groups for i in g.turns}
    sentence_of: dict[int, tuple[int, int]] = {}
    moderator_at: dict[int, bool] = {}
    k = 0
    for m in sorted((m for m in mentions if m.kind == "dc"), key=lambda m: m.start):
        while k < len(view.speech) and view.speech[k].end <= m.start:
            k += 1
        if k < len(view.speech) and view.speech[k].start <= m.start:
            turn = view.speech[k]
            sentence_of[m.start] = view.sentence_at(turn.index, m.start)
            group = owner.get(turn.index)
            moderator_at[m.start] = group is not None and is_moderator(group, moderators)
    statuses = coalition_statuses(view.text, mentions, voices, sentence_of, moderator_at)
    result = []
    for entity_id, (status, lines) in statuses.items():
        entity = registry.get(entity_id)
        result.append(Coalition(entity.id, entity.name, entity.acronym, status, tuple(lines)))
    return result


def resolve_session(session: Session, *, words_per_minute: float = 150.0, registry: Registry | None = None,
                    reattribute: bool = True) -> Cast:
    """People, roles, affiliations, modes and coalitions of one parsed session, with evidence.

    `reattribute` counts a flagged mis-labelled turn for the likely real speaker;
    the flag is kept either way.
    """
    reg = registry or load_registry()
    mentions = find_mentions(session.text, registry=reg)
    view = SessionView(session, mentions)
    groups = group_labels(session)
    moderators = find_moderators(view, groups)
    groups = split_floor_voices(groups, session.turns, [t.index for t in view.speech], lambda g: is_moderator(g, moderators),
                                lambda label: cues.AUDIENCE_LABEL.search(label) is not None)
    drafts = collect_evidence(view, groups, moderators, reg)
    introduced = {d.group.name for d in drafts if d.group.name and (d.named_in_handoff or d.affiliations)}
    found = find_misattributions(session, groups, moderators, introduced)
    flags = tuple(Flag(f.line, f.label, f.reason, f.likely) for f in found)
    if reattribute and found:
        before = {id(g): list(g.turns) for g in groups}
        groups = _reattribute(groups, found)
        # only the groups that gained or lost a turn need their evidence again
        changed = [g for g in groups if g.turns != before.get(id(g))]
        redone = {id(d.group): d for d in collect_evidence(view, groups, moderators, reg, only=changed)}
        alive = {id(g) for g in groups}
        drafts = [redone.get(id(d.group), d) for d in drafts if id(d.group) in alive]
    people = []
    for draft in drafts:
        group = draft.group
        moderator = is_moderator(group, moderators)
        hub = _is_hub(view, group, reg)
        entity_id, evidence = best_affiliation(draft, reg, moderator or hub)
        entity = reg.get(entity_id) if entity_id else None
        role = _role(draft, entity.kind if entity else None, moderator, hub)
        words = sum(len(_WORDS.findall(session.turns[i].text)) for i in group.turns)
        own_flags = [f"line {f.line} is labelled {f.label} in the captions; counted as this speaker's "
                     f"(likely caption mis-attribution)" for f in found if f.likely == group.name and reattribute]
        if not reattribute:
            own_flags += [f.reason for f in found if f.turn in group.turns]
        shown = list(dict.fromkeys(evidence[:3] + draft.mode_evidence[:2]))
        people.append(Person(
            name=group.name, labels=tuple(l for l in group.labels), role=role,
            affiliation=entity.name if entity else None, affiliation_id=entity_id, mode=_mode(draft),
            lines=tuple(session.turns[i].line for i in group.turns), words=words,
            minutes=round(words / words_per_minute, 1) if words_per_minute else 0.0,
            evidence=tuple(shown), flags=tuple(own_flags), aliases=tuple(dict.fromkeys(draft.aliases)),
            description=_describe(draft, entity.name if entity else None, role),
        ))
    coalitions = _coalitions(view, people, mentions, moderators, groups, reg)
    return Cast(tuple(people), tuple(coalitions), flags, tuple(mentions))

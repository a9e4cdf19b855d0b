"""Coalitions and initiatives on record: where each was present and what it said.

An *actor* is a dynamic coalition or a national/regional IGF initiative (NRI). It is on
record in a session when the session mentions it (`coalition_mentions`: presented,
mentioned, or invited but absent) or when someone there spoke for it (an affiliation in
`appearances`, kept when the registry knows the name or it is a mentioned coalition).
Partner suggestions and "coalitions working on" read actors from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import NotFound
from ..store.base import Store
from ..store.vectors import StoredTurn
from ..transcript.speakers import name_key
from .profiles import SessionProfiles

__all__ = ["ACTOR_KINDS", "Actor", "ActorIndex", "actor_index", "actors_on_record", "fill_turns", "find_actor"]

ACTOR_KINDS = ("dc", "nri")


@dataclass
class Actor:
    name: str
    kind: str  # "coalition" | "nri"
    acronym: str | None
    sessions: set[str] = field(default_factory=set)
    status: dict[str, str] = field(default_factory=dict)  # session → how a mentioned coalition was there
    turns: dict[tuple[str, int], StoredTurn] = field(default_factory=dict)  # its turns, by (session, index)
    mention_lines: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class ActorIndex:
    """Every actor, the actors of each session, and each actor's first line in each session."""

    actors: dict[str, Actor]
    by_session: dict[str, list[Actor]]
    first_line: dict[tuple[str, str], int]  # (actor, session) → line


def _registry_actors() -> dict[str, tuple[str, str | None]]:
    """Display name → (kind, acronym) of the coalitions and NRIs in the registry."""
    from ..resolve import load_registry

    registry = load_registry()
    return {e.name: ("coalition" if e.kind == "dc" else "nri", e.acronym) for e in registry.of_kind(*ACTOR_KINDS)}


def actors_on_record(store: Store) -> dict[str, Actor]:
    """Every coalition or initiative on record: mentioned (coalitions) or someone spoke for it."""
    known = _registry_actors()
    actors: dict[str, Actor] = {}
    for mention in store.actor_mentions():
        actor = actors.setdefault(mention.name, Actor(mention.name, "coalition", mention.acronym))
        actor.sessions.add(mention.session)
        actor.status[mention.session] = mention.status
        actor.mention_lines += [(mention.session, x) for x in mention.lines]
    for spoke in store.affiliated_appearances():
        if spoke.name not in known and spoke.name not in actors:
            continue
        kind, acronym = known.get(spoke.name, ("coalition", None))
        actor = actors.setdefault(spoke.name, Actor(spoke.name, kind, acronym))
        actor.sessions.add(spoke.session)
        actor.mention_lines += [(spoke.session, x) for x in spoke.lines]
    return actors


def fill_turns(store: Store, actors: Iterable[Actor]) -> None:
    """The turns each actor is mentioned in or speaks in (one read per session)."""
    actors = list(actors)
    sessions = sorted({sid for a in actors for sid, _ in a.mention_lines})
    for sid in sessions:
        turns = [t for t in store.session_turns(sid) if t.kind == "speech"]
        for actor in actors:
            for s, line in actor.mention_lines:
                if s != sid:
                    continue
                for turn in turns:
                    if turn.line <= line <= turn.end_line:
                        actor.turns[(sid, turn.index)] = turn
                        break


def find_actor(actors: dict[str, Actor], name: str) -> Actor:
    """The actor a user means: by name or acronym, else a unique part of the name (NotFound)."""
    wanted = name_key(name)
    exact = [a for a in actors.values() if wanted in (name_key(a.name), name_key(a.acronym or ""))]
    if exact:
        return exact[0]
    partial = [a for a in actors.values() if wanted and wanted in name_key(a.name)]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise NotFound(
            f"{name!r} matches several coalitions or initiatives: " + ", ".join(sorted(a.name for a in partial)[:6]),
            hint="give more of the name or the acronym",
        )
    raise NotFound(
        f"no coalition or initiative on record matches {name!r}",
        hint="list them with `forumlens coalitions`, or ingest sessions where it appears",
    )


def actor_index(store: Store, profiles: SessionProfiles | None) -> ActorIndex:
    """The actors indexed by session; kept on `profiles` when given, so requests over one store
    version read the mention tables once."""
    cached = profiles.memo.get("actors") if profiles is not None else None
    if isinstance(cached, ActorIndex):
        return cached
    actors = actors_on_record(store)
    by_session: dict[str, list[Actor]] = {}
    for actor in actors.values():
        for s in actor.sessions:
            by_session.setdefault(s, []).append(actor)
    first_line: dict[tuple[str, str], int] = {}
    for actor in actors.values():
        for s, x in actor.mention_lines:
            first_line.setdefault((actor.name, s), x)
    index = ActorIndex(actors, by_session, first_line)
    if profiles is not None:
        profiles.memo["actors"] = index
    return index

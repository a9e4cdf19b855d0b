"""Resolve stage: speaker labels → people, roles, affiliations, modes; mentions of
coalitions and institutions against registries kept as data (`data/*.toml`).

Affiliations are registry bodies (canonical names) or any organisation the words tie to a
person (`orgs`: "I work for X", "N from X", a name-card label); modes come from what people
say about where they are and where the session met (`modes`). `scoring` scores a cast
against hand annotations (bench/whoswho.py).

Pure functions over plain records; the only input besides a `Session` is the
packaged registry, read once.

    >>> from forumlens.resolve import find_mentions
    >>> [m.entity_id for m in find_mentions("Thanks to the DC on Youth and UNDESA")]
    ['ycig', 'un-desa']
"""

from forumlens.resolve.cast import Cast, Coalition, Flag, Person, resolve_session
from forumlens.resolve.mentions import THRESHOLD, Mention, find_mentions
from forumlens.resolve.people import group_labels, merge_known, same_person
from forumlens.resolve.registry import Entity, Registry, load_registry
from forumlens.resolve.roles import Evidence

__all__ = [
    "THRESHOLD",
    "Cast",
    "Coalition",
    "Entity",
    "Evidence",
    "Flag",
    "Mention",
    "Person",
    "Registry",
    "find_mentions",
    "group_labels",
    "load_registry",
    "merge_known",
    "resolve_session",
    "same_person",
]

"""What of the record is a coalition's own: its asks and outputs, and its own documents.

The portal's coalition page and `forumlens brief --coalition` both list what a coalition
asked for; a careful user compares them. They used to decide it each their own way (the
page by the exact stored name and by anyone who ever spoke for the coalition in any
session; the brief by the coalition matcher and by who spoke for it in that session), so
the two lists differed on the same store. Both now ask this module.

An item (an ask or an output of one session's analysis) is the coalition's when

- the analyse stage credits it to the coalition (`coalition`), the name compared by the
  coalition matcher, so an acronym, an alias or a renamed coalition's old name counts; or
- one of the session's people whose affiliation is the coalition said it (`by`), that
  person's name, caption labels or aliases (a label variant is the same person). Who
  spoke for a coalition in one session does not speak for it in every other.

A document (not a transcript) is the coalition's own when its metadata names the
coalition as its author (`document_coalitions`), or, for a document stored before
metadata existed, its title does: everything the stages found in it is the coalition's.
The page used to take every coalition the metadata lists (also the partners a report
names), the brief only the first one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from .transcript.speakers import name_key

__all__ = [
    "CoalitionMatch",
    "coalition_match",
    "document_authors",
    "document_coalitions",
    "member_keys",
    "owns",
    "owns_document",
]

CoalitionMatch = Callable[[str | None], bool]


def coalition_match(name: str) -> tuple[str, CoalitionMatch]:
    """(display name, predicate over coalition names) for a coalition as typed or stored.

    The summarise stage's matcher (`summarise.topic.coalition_matcher`): its name, the
    registry's name and acronym for it, or a mention of it, all match.
    """
    from .summarise.topic import coalition_matcher  # the summarise stage is loaded only when asked

    return coalition_matcher(name)


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)


def member_keys(people: Iterable[Any] | None, matches: CoalitionMatch) -> frozenset[str]:
    """Name keys (name, caption labels, aliases) of one session's people who spoke for the coalition.

    `people` is that session's people analysis (stored dicts or `Person`s); a person speaks
    for the coalition when their affiliation matches it, whatever their role (a coalition's
    coordinator often chairs its session, and the analyse stage credits their asks to it).
    """
    keys: set[str] = set()
    for person in people if isinstance(people, list | tuple) else ():
        name = _field(person, "name")
        if not name or not matches(_field(person, "affiliation")):
            continue
        for label in (name, *(_field(person, "labels") or ()), *(_field(person, "aliases") or ())):
            if label and (key := name_key(str(label))):
                keys.add(key)
    return frozenset(keys)


def owns(item: Any, matches: CoalitionMatch, members: Collection[str]) -> bool:
    """Whether an ask or output (a stored dict or an analysis object) is the coalition's.

    Credited to it by the analyse stage, or said by one of its people in that session
    (`members`: `member_keys`, plus whoever else the caller knows spoke for it).
    """
    owner, by = _field(item, "coalition"), _field(item, "by")
    return bool((owner and matches(str(owner))) or (by and name_key(str(by)) in members))


def document_coalitions(title: str | None, meta: Mapping[str, Any] | None) -> list[str]:
    """Names of the coalitions a document is by: its authors in its metadata, else its title's.

    The metadata lists every coalition it found, best first, with its evidence. One stated
    (`--coalition`, a sidecar: no evidence) or named in the title is an author, so a joint
    statement has two; otherwise only the best found is (a report's first page names its
    partners too: "the Dynamic Coalition on … lent us its toolkit"). A document stored
    before metadata existed has none: its title names its coalition.
    """
    return [name for name, _ in document_authors(title, meta)]


def document_authors(title: str | None, meta: Mapping[str, Any] | None) -> list[tuple[str, str | None]]:
    """(name, registry id or None) of each coalition a document is by (`document_coalitions`' rule).

    The record (`forumlens record`) counts a document for a coalition by registry id; a new
    coalition outside the registry has none. The first is the document's voice: a stated
    or title coalition comes before one the metadata ranked higher from the text (it lists
    a new coalition named in the title after the registry's).
    """
    if meta:
        listed = [c for c in meta.get("coalitions") or () if isinstance(c, Mapping) and c.get("name")]
        authors = [c for c in listed if c.get("evidence") in (None, "title")]
        return [(str(c["name"]), str(c["id"]) if c.get("id") else None) for c in authors or listed[:1]]
    from .resolve.mentions import find_mentions

    return [(m.name, m.entity_id) for m in find_mentions(title or "") if m.kind == "dc"]


def owns_document(kind: str | None, title: str | None, meta: Mapping[str, Any] | None, matches: CoalitionMatch) -> bool:
    """Whether a stored document is the coalition's own (a transcript never is: it records a session)."""
    if (kind or "transcript") == "transcript":
        return False
    return any(matches(name) for name in document_coalitions(title, meta))

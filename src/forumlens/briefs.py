"""Briefs across the store: pick the sessions worth reading, then summarise them.

The summarise stage is pure (sessions in, cited brief out); this module is the I/O
edge that chooses sessions from a store, so the CLI and the portal build the same
brief from the same function.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import ConfigError, ForumlensError
from .models import Session
from .search import SearchFilters, parse_query
from .store.base import Store

if TYPE_CHECKING:
    from .summarise import CoalitionBrief, TopicBrief

__all__ = ["coalition_brief", "topic_brief", "topic_candidates"]

Brief = TypeVar("Brief", "TopicBrief", "CoalitionBrief")


def _sources(store: Store, ids: list[str]) -> list[tuple[Session, dict[str, Any]]]:
    return [(store.load_session(sid), store.analyses(sid)) for sid in ids]


def topic_candidates(store: Store, topic: str, coalition: str | None = None, limit: int = 60) -> list[str]:
    """Sessions whose turns match the topic best (any of its words), best first."""
    query = parse_query(topic)
    if query.empty:
        raise ConfigError("the topic has no searchable words", hint='e.g. "freedom of expression"')
    wide = parse_query(" OR ".join(w for t in query.terms for w in t.words))
    ids: list[str] = []
    for hit in store.search(wide, SearchFilters(limit=500, coalition=coalition)):
        if hit.session not in ids:
            ids.append(hit.session)
    return ids[:limit]


def _described(result: Brief, sources: list[tuple[Session, dict[str, Any]]]) -> Brief:
    """Every citation names its session's title, year and date (and page and section in documents)."""
    from .summarise.sources import describe_brief

    return describe_brief(result, {s.id: (s, a) for s, a in sources})


def _checked(result: Brief, sources: list[tuple[Session, dict[str, Any]]]) -> Brief:
    from .summarise import check_citations

    problems = check_citations(result, [s for s, _ in sources])
    if problems:  # a bug, never a user error: refuse to hand out uncited lines
        raise ForumlensError("the brief failed its citation check: " + "; ".join(problems[:3]))
    return result


def topic_brief(
    store: Store,
    topic: str,
    *,
    since: int | str | dt.date | None = None,
    until: int | str | dt.date | None = None,
    coalition: str | None = None,
) -> TopicBrief:
    """Talking points on a topic from the whole store (a `TopicBrief`, cited)."""
    from .summarise import brief_topic

    sources = _sources(store, topic_candidates(store, topic, coalition))
    return _described(
        _checked(brief_topic(topic, sources, since=since, until=until, coalition=coalition), sources), sources
    )


def coalition_brief(
    store: Store,
    name: str,
    *,
    since: int | str | dt.date | None = None,
    until: int | str | dt.date | None = None,
) -> CoalitionBrief:
    """What a coalition said, produced and asked for, whom it works with, where it spoke (within since/until)."""
    from .summarise import brief_coalition

    ids = store.sessions_naming_coalition(name)
    sources = _sources(store, ids or [s.id for s in store.sessions(limit=10_000)])
    return _described(_checked(brief_coalition(name, sources, since=since, until=until), sources), sources)

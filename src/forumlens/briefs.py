"""Briefs across the store: pick the sessions worth reading, then summarise them.

The summarise stage is pure (sessions in, cited brief out); this module is the I/O
edge that chooses sessions from a store, so the CLI and the portal build the same
brief from the same function.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import ConfigError, ForumlensError
from .models import Session
from .search import SearchFilters, parse_query
from .store.base import Store

__all__ = ["load_analyses", "topic_brief", "coalition_brief", "topic_candidates"]


def load_analyses(store: Store, session_id: str) -> dict[str, Any]:
    """Every stored analysis of a session, keyed by kind."""
    return {kind: json.loads(data) for kind, data in
            store.query("SELECT kind, data FROM analyses WHERE session_id = ?", (session_id,))}


def _sources(store: Store, ids: list[str]) -> list[tuple[Session, dict[str, Any]]]:
    return [(store.load_session(sid), load_analyses(store, sid)) for sid in ids]


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


def _checked(result: Any, sources: list[tuple[Session, dict[str, Any]]]) -> Any:
    from .summarise import check_citations

    problems = check_citations(result, [s for s, _ in sources])
    if problems:  # a bug, never a user error: refuse to hand out uncited lines
        raise ForumlensError("the brief failed its citation check: " + "; ".join(problems[:3]))
    return result


def topic_brief(store: Store, topic: str, *, since: Any = None, until: Any = None,
                coalition: str | None = None) -> Any:
    """Talking points on a topic from the whole store (a `TopicBrief`, cited)."""
    from .summarise import brief_topic

    sources = _sources(store, topic_candidates(store, topic, coalition))
    return _checked(brief_topic(topic, sources, since=since, until=until, coalition=coalition), sources)


def coalition_brief(store: Store, name: str) -> Any:
    """What a coalition said, produced and asked for, whom it works with, where it spoke."""
    from .summarise import brief_coalition

    ids = [r[0] for r in store.query(
        "SELECT DISTINCT session_id FROM coalition_mentions WHERE lower(coalition) LIKE ? OR lower(acronym) = ?",
        ("%" + name.lower() + "%", name.lower()))]
    sources = _sources(store, ids or [s.id for s in store.sessions(limit=10_000)])
    return _checked(brief_coalition(name, sources), sources)

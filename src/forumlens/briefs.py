"""Briefs across the store: pick the sessions worth reading, then summarise them.

The summarise stage is pure (sessions in, cited brief out); this module is the I/O
edge that chooses sessions from a store, so the CLI and the portal build the same
brief from the same function.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import ConfigError, ForumlensError
from .models import Session
from .search import SearchFilters, parse_query
from .store.base import Store

if TYPE_CHECKING:
    from .summarise import CoalitionBrief, TopicBrief
    from .summarise.models import Bullet

__all__ = ["coalition_brief", "empty_topic_note", "topic_brief", "topic_candidates"]

Brief = TypeVar("Brief", "TopicBrief", "CoalitionBrief")


def _sources(store: Store, ids: list[str]) -> list[tuple[Session, dict[str, Any]]]:
    return [(store.load_session(sid), store.analyses(sid)) for sid in ids]


def topic_candidates(store: Store, topic: str, coalition: str | None = None, limit: int = 60) -> list[str]:
    """Sessions whose turns match the topic best (any form of its words or their related words), best first."""
    query = parse_query(topic)
    if query.empty:
        raise ConfigError("the topic has no searchable words", hint='e.g. "freedom of expression"')
    from .summarise.vocabulary import search_words

    # every form of the topic's words and of the words that say the same idea (issue 23:
    # the index matches words as written, so "funding" alone never found "funds" or "financing")
    words = [w for t in query.terms for w in t.words]
    wide = parse_query(" OR ".join(dict.fromkeys([*words, *search_words(" ".join(words))])))
    # and, when the record never says the topic as typed, the other phrases of the taxonomy
    # entries it is a phrase of ("community networks" for "rural connectivity":
    # `aboutness.sibling_phrases`), searched as phrases (as `brief_topic` uses them)
    from .summarise.aboutness import sibling_phrases

    said = len(words) < 2 or bool(store.search(parse_query(f'"{" ".join(words)}"'), SearchFilters(limit=1)))
    phrases = [] if said else [f'"{" ".join(p)}"' for p in sibling_phrases(topic)]
    queries = [wide] + [parse_query(" OR ".join(phrases[i : i + 16])) for i in range(0, len(phrases), 16)]
    ids: list[str] = []
    for q in queries:
        for hit in store.search(q, SearchFilters(limit=500, coalition=coalition)):
            if hit.session not in ids:
                ids.append(hit.session)
    for hit in _semantic_hits(store, topic, SearchFilters(limit=100, coalition=coalition)):
        if hit.session not in ids:  # sessions that say it in other words (only the candidates: points stay lexical)
            ids.append(hit.session)
    return ids[:limit]


def _semantic_notice(store: Store) -> str | None:
    """Why the semantic index cannot widen a topic's sessions on this store, or None when it can."""
    from .semantic.hybrid import hybrid_notice

    notice = hybrid_notice(store)
    return None if notice is None else notice.replace("hybrid search answered with words only: ", "")


def _semantic_hits(store: Store, topic: str, filters: SearchFilters) -> list[Any]:
    """Turns the semantic index finds for the topic: none without `[semantic]` or stored vectors."""
    if _semantic_notice(store) is not None:
        return []
    from .semantic.hybrid import semantic_search

    return semantic_search(store, topic, filters, "semantic")


def empty_topic_note(store: Store, topic: str, limit: int = 5) -> str:
    """What a topic brief with no points searched, whether the semantic index helped, and the
    topics the store holds (its most frequent issue-area tags): an empty brief says why and
    where to go next, not only "nothing"."""
    from .summarise.aboutness import sibling_phrases
    from .summarise.vocabulary import search_words

    words = search_words(topic)
    phrases = [" ".join(p) for p in sibling_phrases(topic)]
    searched = f"searched {len(words)} word forms ({', '.join(words[:8])}{', ...' if len(words) > 8 else ''})"
    if phrases:
        searched += f" and {len(phrases)} phrases of its issue area ({', '.join(phrases[:4])}{', ...' if len(phrases) > 4 else ''})"
    notice = _semantic_notice(store)
    semantic = f"; the semantic index was not used: {notice}" if notice else "; the semantic index was searched too"
    counts = sorted(store.tag_counts("issue-area"), key=lambda t: -t.sessions)
    held = list(dict.fromkeys(t.label for t in counts if t.label))[:limit]
    suggest = f"; the store holds sessions on: {'; '.join(held)}" if held else ""
    return (
        f"no stored line speaks of {topic!r}: try other words (`forumlens search WORDS` shows what was said); "
        f"{searched}{semantic}{suggest}"
    )


def _described(result: Brief, sources: list[tuple[Session, dict[str, Any]]]) -> Brief:
    """Every citation names its session's title, year and date (and page and section in documents)."""
    from .summarise.sources import describe_brief

    return describe_brief(result, {s.id: (s, a) for s, a in sources})


def _checked(result: Brief, sources: list[tuple[Session, dict[str, Any]]]) -> Brief:
    from .summarise import check_citations

    problems = check_citations(result, [s for s, _ in sources], {s.id: a for s, a in sources})
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
    from .summarise.attribution import credit_bullets, credit_table

    ids = store.sessions_naming_coalition(name)
    sources = _sources(store, ids or [s.id for s in store.sessions(limit=10_000)])
    brief = brief_coalition(name, sources, since=since, until=until)
    asked, promises = _thread_sections(store, brief.name, brief.filters.get("since"), brief.filters.get("until"))
    cited = {c.session for b in (*asked, *promises) for c in b.citations if c.session}
    sources += _sources(store, sorted(cited - {s.id for s, _ in sources}))
    # a thread item names whom the cast credits its turn to: say so when that credit is inferred
    credits = credit_table(sources)
    brief = replace(brief, asked_by_year=credit_bullets(asked, credits), promises=credit_bullets(promises, credits))
    return _described(_checked(brief, sources), sources)


def _thread_sections(
    store: Store, name: str, lo: int | None, hi: int | None
) -> tuple[tuple[Bullet, ...], tuple[Bullet, ...]]:
    """The coalition's asks year by year and its promises with their fate, from its threads.

    Each bullet quotes the thread item verbatim and cites it; a promise cites every item of
    its thread (the promise, its updates, its delivery or slip). Linked as the portal's
    coalition page and `forumlens threads` link (`KEPT_LINKER`: semantic when installed,
    else lexical), so the brief and the page show the same threads, and the links ingest
    kept are read rather than linked again.
    """
    from .models import Citation
    from .summarise.models import Bullet
    from .threads.service import KEPT_LINKER, ThreadFilters, select_threads, store_threads
    from .threads.status import status_within

    def inside(year: int | None) -> bool:
        return (lo is None or (year is not None and year >= lo)) and (hi is None or (year is not None and year <= hi))

    def cite(item: Any) -> Citation:
        return Citation(item.line, item.quote, item.speaker, item.session)

    own = select_threads(store_threads(store, linker=KEPT_LINKER), ThreadFilters(coalition=name, since=lo, until=hi))
    asked = [
        (item.when, Bullet(item.quote, (cite(item),), f"{item.year or 'year unknown'} · {role} · {t.category}"))
        for t in own
        if t.kind == "ask"
        for item, role in t.entries
        if inside(item.year)
    ]
    asked.sort(key=lambda pair: pair[0])
    promises = [
        Bullet(t.items[0].quote, tuple(cite(i) for i in t.items if inside(i.year)), status_within(t, lo, hi))
        for t in own
        if t.kind == "commitment" and inside(t.items[0].year)
    ]
    return tuple(b for _, b in asked), tuple(promises)

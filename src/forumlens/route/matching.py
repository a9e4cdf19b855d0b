"""New sessions × subscribers' interests → matches, each with its reason and evidence line.

`match_session(facts, subscriber)` is pure: it compares what a session is known to
contain (`SessionFacts`: coalition mentions, tags, people, questions and their
addressees, saved-query hits) with one subscriber's interests. `load_facts` is the
I/O edge that reads those facts from the store's projections and analyses, and
`match_new_sessions` records the matches and queues their deliveries. Besides what a
session contains, a session can move a thread a subscriber follows (an ask raised again,
a promise delivered, a question answered at last): `thread_events.py` adds those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from ..coalition_owned import coalition_match, owns_document
from ..read.markdown import front_matter_lines
from ..resolve.registry import load_registry
from ..search import SearchFilters, parse_query
from ..store.base import Store
from ..store.routing import Mention
from ..transcript.speakers import name_key
from .models import Match, Subscriber, interest_key
from .repository import SubscriberRepository

__all__ = [
    "Fact",
    "SessionFacts",
    "coalition_keys",
    "coalitions_in_text",
    "load_facts",
    "match_new_sessions",
    "match_session",
    "match_sessions",
    "stored_coalition_keys",
    "tag_key",
]


@dataclass(frozen=True)
class Fact:
    """Something a session contains: a name (coalition, tag code, person), where, and detail."""

    name: str
    lines: tuple[int, ...] = ()
    detail: str = ""
    aliases: tuple[str, ...] = ()  # acronym, speaker labels, tag label


@dataclass(frozen=True)
class SessionFacts:
    """Everything matching needs to know about one stored session (no store access)."""

    session_id: str
    title: str = ""
    lines: tuple[str, ...] = ()
    coalitions: tuple[Fact, ...] = ()
    tags: tuple[Fact, ...] = ()
    people: tuple[Fact, ...] = ()
    questions: tuple[Mapping[str, Any], ...] = ()
    query_hits: Mapping[str, tuple[int, str]] = field(default_factory=dict)  # query → (line, snippet)

    def line_text(self, line: int | None) -> str:
        if line is None or not 1 <= line <= len(self.lines):
            return ""
        return self.lines[line - 1].strip()


def tag_key(code: str) -> str:
    """ "sdg:SDG 9", "SDG9", "sdg9" → "SDG9": codes compare without scheme, case or spaces."""
    code = code.split(":", 1)[1] if ":" in code else code
    return re.sub(r"[^A-Za-z0-9]", "", code).upper()


def coalition_keys(name: str, registry: Any = None) -> frozenset[str]:
    """Every way a coalition can be written, as name keys: its name, acronyms, official names.

    With the coalition registry (`forumlens.resolve`), "DC-CIV", "Dynamic Coalition
    on Core Internet Values" and "DC on Core Internet Values" are the same interest.
    """
    keys = {name_key(name)}
    if registry is not None:
        for entity in registry.of_kind("dc"):
            forms = (entity.name, *entity.acronyms, *entity.phrases)
            if name_key(name) in {name_key(f) for f in forms}:
                keys.update(name_key(f) for f in forms)
    keys.discard("")
    return frozenset(keys)


def stored_coalition_keys(name: str, stored: Sequence[tuple[str, str | None]]) -> frozenset[str]:
    """The name key of the stored coalition an interest means, as `threads --coalition` reads it.

    Why: a coalition the registry does not know is stored under the name said ("Dynamic Coalition
    on Schools and Connectivity"), and a subscriber types it as `forumlens coalitions` shows it or
    in part ("Schools and Connectivity"). Compared as typed, such an interest matched no session
    that names the coalition. The store's names are read the way every `--coalition` filter reads
    them (`coalition_filter.pick_coalition`); a name that fits none, or several, adds nothing.
    """
    from ..coalition_filter import pick_coalition
    from ..errors import ConfigError
    from ..resolve.coalition_names import UnknownCoalition

    try:
        picked = pick_coalition(name, stored)
    except (UnknownCoalition, ConfigError):  # no coalition fits, or several do
        return frozenset()
    return frozenset([name_key(picked)]) - {""}


def _default_registry() -> Any:
    try:
        return load_registry()
    except Exception:  # a broken registry must not stop delivery
        return None


def _first(lines: Sequence[int]) -> int | None:
    return min(lines) if lines else None


def _person_matches(wanted: str, fact: Fact) -> bool:
    """Equal name keys, or every word of the wanted name in the person's name ("Marsden")."""
    want = name_key(wanted)
    if not want:
        return False
    for form in (fact.name, *fact.aliases):
        key = name_key(form)
        if key == want or set(want.split()) <= set(key.split()):
            return True
    return False


def match_session(
    facts: SessionFacts, subscriber: Subscriber, *, coalitions: Mapping[str, frozenset[str]] | None = None
) -> list[Match]:
    """The matches of one subscriber in one session; at most one per interest.

    `coalitions` maps each coalition interest to its name keys (`coalition_keys`);
    without it, names are compared as written.
    """
    if subscriber.id is None:
        raise ValueError("subscriber must be stored (have an id) before matching")
    subscriber_id: int = subscriber.id
    coalitions = coalitions or {}
    out: list[Match] = []

    def add(kind: str, value: str, reason: str, line: int | None, evidence: str = "") -> None:
        out.append(
            Match(
                subscriber_id,
                facts.session_id,
                kind,
                interest_key(value),
                reason,
                line,
                evidence or facts.line_text(line),
                subscriber.name,
            )
        )

    interests = subscriber.interests
    for wanted in interests.coalitions:
        keys = coalitions.get(wanted) or coalition_keys(wanted)
        for fact in facts.coalitions:
            if {name_key(fact.name), *(name_key(a) for a in fact.aliases)} & keys:
                status = f" ({fact.detail})" if fact.detail else ""
                add("coalition", wanted, f"coalition {wanted}: {fact.name}{status}", _first(fact.lines))
                break
    for wanted in interests.tags:
        for fact in facts.tags:
            if tag_key(wanted) == tag_key(fact.name):
                label = f" {fact.detail}" if fact.detail else ""
                add("tag", wanted, f"tag {fact.name}:{label}".rstrip(":"), _first(fact.lines))
                break
    for wanted in interests.people:
        for fact in facts.people:
            if _person_matches(wanted, fact):
                role = f" ({fact.detail})" if fact.detail else ""
                add("person", wanted, f"person {wanted}: {fact.name}{role} spoke", _first(fact.lines))
                break
    for wanted in interests.queries:
        hit = facts.query_hits.get(wanted)
        if hit:
            add("query", wanted, f"search {wanted!r}", hit[0], hit[1])
    for wanted in interests.questions_to:
        keys = coalitions.get(wanted) or coalition_keys(wanted)
        for question in facts.questions:
            to = question.get("to")
            if isinstance(to, str) and name_key(to) in keys:
                by = question.get("by") or "a participant"
                status = question.get("status") or "asked"
                add(
                    "question",
                    wanted,
                    f"question to {to} by {by} ({status})",
                    question.get("line"),
                    str(question.get("text") or ""),
                )
                break
    return out


# -- the I/O edge: facts from the store ----------------------------------------------------
def _questions(data: Any) -> tuple[Mapping[str, Any], ...]:
    if isinstance(data, Mapping):
        data = data.get("questions")
    return tuple(q for q in (data or []) if isinstance(q, Mapping))


def _facts(mentions: Iterable[Mention]) -> tuple[Fact, ...]:
    return tuple(Fact(m.name, m.lines, m.detail, m.aliases) for m in mentions)


def _document_kind(meta: Any) -> str:
    return str(meta.get("kind") or "transcript") if isinstance(meta, Mapping) and meta else "transcript"


def coalitions_in_text(
    facts: Iterable[Fact], text: str, title: str, meta: Mapping[str, Any] | None
) -> tuple[Fact, ...]:
    """Coalition facts as a reader of the session sees them.

    A front-matter block is metadata the author declared, not a line that mentions anyone:
    its lines are no evidence, and a coalition named only there is not in the text. A
    document the coalition wrote (`coalition_owned.owns_document`) is its own, not a
    mention of it: its status says so ("its own statement").
    """
    skip = front_matter_lines(text)
    kind = _document_kind(meta)
    out = []
    for fact in facts:
        lines = tuple(n for n in fact.lines if n > skip)
        if owns_document(kind, title, meta, coalition_match(fact.name)[1]):
            out.append(replace(fact, lines=lines, detail=f"its own {kind}"))
        elif lines or not fact.lines:
            out.append(replace(fact, lines=lines))
    return tuple(out)


def load_facts(store: Store, session_id: str, queries: Iterable[str] = ()) -> SessionFacts | None:
    """What `match_session` needs about one session, from projections, analyses and search."""
    found = store.session_text(session_id)
    if found is None:
        return None
    title, _, text = found
    mentions = store.session_mentions(session_id)
    # speakers from the turns too, so people interests work before the cast analysis lands
    people = _facts((*mentions.people, *mentions.speakers))
    hits: dict[str, tuple[int, str]] = {}
    for query in dict.fromkeys(queries):
        hit = store.search(parse_query(query), SearchFilters(session=session_id, limit=1))
        if hit:
            hits[query] = (hit[0].line, hit[0].snippet)
    return SessionFacts(
        session_id=session_id,
        title=title,
        lines=tuple(text.split("\n")),
        coalitions=coalitions_in_text(_facts(mentions.coalitions), text, title, store.analysis(session_id, "document")),
        tags=_facts(mentions.tags),
        people=people,
        questions=_questions(store.analysis(session_id, "questions")),
        query_hits=hits,
    )


def match_sessions(
    store: Store, session_ids: Iterable[str], subscribers: Sequence[Subscriber], *, registry: Any = None
) -> list[Match]:
    """Matches of the given subscribers in the given sessions, without recording them."""
    subscribers = [s for s in subscribers if not s.interests.empty]
    if not subscribers:
        return []
    registry = registry if registry is not None else _default_registry()
    stored = store.coalition_names()
    coalitions = {
        name: coalition_keys(name, registry) | stored_coalition_keys(name, stored)
        for s in subscribers
        for name in (*s.interests.coalitions, *s.interests.questions_to)
    }
    queries = [q for s in subscribers for q in s.interests.queries]
    ids = list(dict.fromkeys(session_ids))
    out: list[Match] = []
    for session_id in ids:
        facts = load_facts(store, session_id, queries)
        if facts is None:
            continue
        for subscriber in subscribers:
            out.extend(match_session(facts, subscriber, coalitions=coalitions))
    out.extend(_thread_matches(store, ids, subscribers, coalitions))
    return out


def _thread_matches(
    store: Store,
    session_ids: Sequence[str],
    subscribers: Sequence[Subscriber],
    coalitions: Mapping[str, frozenset[str]],
) -> list[Match]:
    """Thread events of the sessions ("raised again", "delivered", "answered at last") for coalition and topic
    followers (`thread_events.py`); the threads are linked only when someone follows a coalition or a topic."""
    followers = [s for s in subscribers if s.interests.coalitions or s.interests.tags]
    if not followers or not session_ids:
        return []
    from .thread_events import load_thread_events, match_thread_events  # the threads stage, only when needed

    events = load_thread_events(store, session_ids)
    return [m for s in followers for m in match_thread_events(events, s, coalitions)]


def match_new_sessions(
    store: Store,
    session_ids: Iterable[str],
    *,
    now: datetime | None = None,
    subscribers: Sequence[Subscriber] | None = None,
) -> list[Match]:
    """Match freshly ingested sessions to every subscriber and queue the deliveries.

    Idempotent: a match already recorded is not recorded (nor queued) again, so it is
    safe to call after every ingest and again from `forumlens digest`. Returns only
    the matches recorded by this call. Nothing is sent here.
    """
    ids = [s for s in session_ids if s]
    if not ids:
        return []
    repo = SubscriberRepository(store)
    subs = list(subscribers) if subscribers is not None else repo.all()
    matches = match_sessions(store, ids, subs)
    if not matches:
        return []
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return repo.record_matches(matches, now=stamp)

"""Thread events in new sessions → digest matches: "raised again", "delivered", "answered at last".

A subscriber who follows a coalition or a topic wants to hear when something it follows
moves across sessions, not only that the coalition spoke again. The threads stage
(`forumlens.threads`) links asks, promises and questions over the whole store; an
*event* is an item of a newly ingested session that changes a thread begun in an
earlier session:

- `raised-again`: a need (or question) repeated after it was first raised elsewhere;
- `delivered`: the output a promise of an earlier session named, shown done;
- `answered-at-last`: the first answer (a reply, or an institution's response) to a
  question or ask raised in an earlier session.

An event matches a subscriber when the thread is by a coalition it follows (any name,
acronym or former name of it) or is about a topic it follows: a tag code of the
thread's own words (`tag.tag_text`), or a tag the session's stored tags attach to one
of the thread's lines. One event is one item per subscriber (the first interest that
matches gives the reason), so following a coalition and a topic does not send it twice; a thread
has at most one event of each kind in a session (its first sentence), however many of the
session's sentences repeat it.

The item key (`<session>/thread/<event>-l<line>c<column>`) holds where the event's
sentence starts on its line, so a digest quotes that sentence verbatim even when the
caption line holds a whole turn (`evidence_start`). Everything here is pure but
`load_thread_events`, the I/O edge.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..store.base import Store
from ..transcript.speakers import name_key
from .matching import tag_key
from .models import Match, Subscriber

if TYPE_CHECKING:  # the threads stage loads its lexicon on import: only when a digest needs threads
    from ..threads.models import Item, Thread

__all__ = [
    "EVENTS",
    "THREAD_KIND",
    "ThreadEvent",
    "evidence_start",
    "load_thread_events",
    "match_thread_events",
    "thread_events",
    "thread_topics",
]

THREAD_KIND = "thread"  # the `kind` of a thread match (the middle of its item key)
EVENTS = ("raised-again", "delivered", "answered-at-last")
# The digest links with the lexical linker: it runs on every ingest that has coalition or topic
# followers, and the semantic one embeds every item of the store again each time (4.2 s against
# 0.15 s for 15 sessions, growing with the store); both give the same links on the threads
# benchmark (BENCHMARKS.md). A thread's id comes from its first item, so where the two linkers
# agree the id a reason names is the portal's thread.
LINKER = "lexical"

_KEY = re.compile(r"-l(\d+)c(\d+)$")


@dataclass(frozen=True)
class ThreadEvent:
    """One item of a new session that moves a thread begun earlier, with what a digest says of it."""

    event: str  # one of EVENTS
    thread: Thread
    item: Item
    column: int  # where the item's sentence starts on its line (0 when it cannot be found)
    topics: frozenset[str] = frozenset()  # tag keys (`matching.tag_key`) of the thread

    @property
    def key(self) -> str:
        return f"{self.event}-l{self.item.line}c{self.column}"

    def describe(self) -> str:
        """What happened, in one clause: "DC X repeats its funding ask of 2021"."""
        t, first = self.thread, self.thread.items[0]
        who = t.coalition or first.org or first.speaker or "someone"
        since = f"{first.year}" if first.year is not None else "an earlier session"
        if self.event == "raised-again":
            if t.kind == "question":
                return f"raised again: {who} asks again the question of {since}"
            return f"raised again: {who} repeats its {t.category} ask of {since}"
        if self.event == "delivered":
            deliverable = (first.head or first.family or "deliverable").lower()
            return f"delivered: {who} delivered the {deliverable} promised in {since}"
        what = "question" if t.kind == "question" else f"{t.category} request"
        by = self.item.org or self.item.speaker
        return f"answered at last: {who}'s {what} of {since} is answered" + (f" by {by}" if by else "")


def _event_of(thread: Thread, index: int) -> str | None:
    """The event the thread's `index`-th entry is, if it follows an item of another session."""
    item, role = thread.entries[index]
    if all(other.session == item.session for other in thread.items[:index]):
        return None  # nothing earlier elsewhere: news of this session alone, not of a thread
    if role == "repeated" and thread.kind in ("ask", "question"):
        return "raised-again"
    if role == "delivered" and thread.kind == "commitment":
        return "delivered"
    if role == "answered" and not any(r == "answered" for _, r in thread.entries[:index]):
        return "answered-at-last"
    return None


def _column(item: Item, line_text: str) -> int:
    found = line_text.find(item.quote)
    return max(found, 0)


def thread_events(
    threads: Iterable[Thread],
    session_ids: Collection[str],
    lines: Mapping[str, Sequence[str]],
    topics: Mapping[str, frozenset[str]] | None = None,
) -> list[ThreadEvent]:
    """The events of items in `session_ids` (`lines`: each session's source lines; `topics`: per thread id)."""
    out = []
    for thread in threads:
        for index, (item, _) in enumerate(thread.entries):
            if item.session not in session_ids:
                continue
            event = _event_of(thread, index)
            if event is None:
                continue
            source = lines.get(item.session) or ()
            text = source[item.line - 1] if 1 <= item.line <= len(source) else ""
            out.append(
                ThreadEvent(event, thread, item, _column(item, text), (topics or {}).get(thread.id, frozenset()))
            )
    return _once(sorted(out, key=lambda e: (e.item.session, e.item.line, e.column, e.event)))


def _once(events: list[ThreadEvent]) -> list[ThreadEvent]:
    """The first event of each kind a thread has in a session: two sentences of one turn that
    repeat the same ask ("We still have no funding. We again ask for a fund.") are one piece of
    news, which a digest listed twice with the same reason and line."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for event in events:
        key = (event.item.session, event.thread.id, event.event)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def thread_topics(thread: Thread, tagged_lines: Mapping[str, Mapping[str, Collection[int]]]) -> frozenset[str]:
    """Tag keys of a thread: its own words tagged (every scheme), and session tags on its lines.

    `tagged_lines` maps a session id to {tag code: the lines its stored tag rests on}.
    """
    from ..tag import SCHEMES, tag_text  # the tagger's data loads only when a thread moved

    text = " ".join(item.quote for item in thread.items)
    codes = {t.code for scheme in SCHEMES for t in tag_text(text, scheme, year=thread.last_year)}
    for item in thread.items:
        for code, lines in (tagged_lines.get(item.session) or {}).items():
            if item.line in lines:
                codes.add(code)
    return frozenset(tag_key(c) for c in codes)


def match_thread_events(
    events: Sequence[ThreadEvent], subscriber: Subscriber, coalitions: Mapping[str, frozenset[str]]
) -> list[Match]:
    """One match per event a subscriber follows (coalition first, then topic); `coalitions` as in matching."""
    if subscriber.id is None:
        raise ValueError("subscriber must be stored (have an id) before matching")
    out = []
    for event in events:
        interest = _interest(event, subscriber, coalitions)
        if interest is None:
            continue
        out.append(
            Match(
                subscriber.id,
                event.item.session,
                THREAD_KIND,
                event.key,
                f"{interest}: {event.describe()} (thread {event.thread.id})",
                event.item.line,
                event.item.quote,
                subscriber.name,
            )
        )
    return out


def _interest(event: ThreadEvent, subscriber: Subscriber, coalitions: Mapping[str, frozenset[str]]) -> str | None:
    """The first interest of the subscriber the event's thread answers to ("coalition DC3", "topic SDG9")."""
    owner = name_key(event.thread.coalition or "")
    if owner:
        for wanted in subscriber.interests.coalitions:
            if owner in (coalitions.get(wanted) or {name_key(wanted)}):
                return f"coalition {wanted}"
    for wanted in subscriber.interests.tags:
        if tag_key(wanted) in event.topics:
            return f"topic {wanted}"
    return None


def evidence_start(kind: str, key: str) -> int:
    """Where on its line a match's evidence starts: the sentence of a thread event, else the line's start."""
    if kind != THREAD_KIND:
        return 0
    found = _KEY.search(key)
    return int(found.group(2)) if found else 0


def _tagged_lines(store: Store, session_id: str) -> dict[str, frozenset[int]]:
    return {m.name: frozenset(m.lines) for m in store.session_mentions(session_id).tags}


def load_thread_events(store: Store, session_ids: Iterable[str], *, linker: str = LINKER) -> list[ThreadEvent]:
    """The thread events of these (newly ingested) sessions, over the threads of the whole store.

    Threads are linked afresh (`threads.store_threads`): sessions whose thread items are
    not stored yet (after_ingest matches before it extracts them) are read on the fly.
    """
    from ..threads.service import store_threads  # the threads stage imports the store, not route

    ids = set(session_ids)
    if not ids:
        return []
    linked = store_threads(store, linker=linker)
    lines: dict[str, Sequence[str]] = {}
    for sid in ids:
        found = store.session_text(sid)
        if found is not None:
            lines[sid] = found[2].split("\n")
    events = thread_events(linked.threads, ids, lines)
    moved = {e.thread.id: e.thread for e in events}
    tagged = {item.session: _tagged_lines(store, item.session) for t in moved.values() for item in t.items}
    topics = {tid: thread_topics(t, tagged) for tid, t in moved.items()}
    return [ThreadEvent(e.event, e.thread, e.item, e.column, topics[e.thread.id]) for e in events]

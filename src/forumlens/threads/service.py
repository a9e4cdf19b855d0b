"""Threads over a store: extract and keep each session's items, link them, filter the threads.

The one place the threads stage meets the store (through its named methods in
`store/threads.py`): `refresh_thread_items` after an ingest or re-analysis (the call
`ingest.after_ingest` makes), `store_threads` when threads are asked for. Sessions stored
before this stage existed have no items yet; they are extracted on the fly (and kept
when the store is writable), so `threads` is right on any store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..store.base import Store
from ..store.threads import ThreadSource
from .items import extract_items
from .link import Linked, link_items
from .models import ITEMS_VERSION, KINDS, STATUSES, Item, SessionItems, Thread
from .similarity import make_scorer

__all__ = [
    "ThreadFilters",
    "place_items",
    "refresh_thread_items",
    "select_threads",
    "store_items",
    "store_threads",
]


def refresh_thread_items(store: Store, session_ids: Iterable[str]) -> int:
    """Extract and store the thread items of these sessions (after ingest or `analyse`); returns how many."""
    done = 0
    for sid in session_ids:
        analyses = store.analyses(sid)
        if "people" not in analyses:
            continue  # stored with --no-analysis: `forumlens analyse` extracts them with the rest
        items = extract_items(store.load_session(sid), analyses, sid)
        store.save_thread_items(sid, items.to_json())
        done += 1
    return done


def _when(source: ThreadSource) -> tuple[object, ...]:
    """A session's place in time: year, then its stated date, then ingest order."""
    return (source.year or 0, source.date or "", source.ingested_at, source.session)


def store_items(store: Store, *, save: bool = False) -> list[Item]:
    """Every session's items, placed in time; a speaker's coalition found in one session fills the others."""
    per_session: list[tuple[ThreadSource, SessionItems]] = []
    for source in store.thread_sources():
        if source.items is not None and int(source.items.get("version") or 0) == ITEMS_VERSION:
            found = SessionItems.from_json(source.session, source.items)
        else:
            analyses = store.analyses(source.session)
            if "people" not in analyses:
                continue  # stored with --no-analysis: nothing to read yet
            found = extract_items(store.load_session(source.session), analyses, source.session)
            if save:
                store.save_thread_items(source.session, found.to_json())
        per_session.append((source, found))
    return place_items([(source.year, _when(source), found) for source, found in per_session])


def place_items(sessions: Sequence[tuple[int | None, tuple[object, ...], SessionItems]]) -> list[Item]:
    """Items of sessions (year, place in time, items) ready to link. Pure.

    A speaker who said which coalition they speak for in one session speaks for it in the
    others where they did not say (their most frequent coalition), unless they spoke for an
    institution there.
    """
    spoke_for: dict[str, Counter[str]] = {}
    for _, _, found in sessions:
        for person, coalition in found.speakers.items():
            spoke_for.setdefault(person, Counter())[coalition] += 1
    usual = {person: counts.most_common(1)[0][0] for person, counts in spoke_for.items()}
    items = []
    for year, when, found in sessions:
        for item in found.items:
            known = usual.get(item.speaker or "") if item.org is None else None
            items.append(item.placed(year, when, known))
    return items


def store_threads(store: Store, *, linker: str = "lexical", save: bool = False) -> Linked:
    """All threads of the store (`linker`: lexical, semantic or auto)."""
    items = store_items(store, save=save)
    return link_items(items, make_scorer(items, linker))


@dataclass(frozen=True)
class ThreadFilters:
    """What `threads` may be narrowed to; `coalition` is a registry name (already resolved)."""

    coalition: str | None = None
    kind: str | None = None
    status: str | None = None
    since: int | None = None
    until: int | None = None

    def __post_init__(self) -> None:
        from ..errors import ConfigError

        if self.kind is not None and self.kind not in KINDS:
            raise ConfigError(f"unknown thread kind {self.kind!r}", hint="use one of: " + ", ".join(KINDS))
        every = sorted({s for group in STATUSES.values() for s in group})
        if self.status is not None and self.status not in every:
            raise ConfigError(f"unknown thread status {self.status!r}", hint="use one of: " + ", ".join(every))

    def keep(self, thread: Thread) -> bool:
        if self.coalition is not None and thread.coalition != self.coalition:
            return False
        if self.kind is not None and thread.kind != self.kind:
            return False
        if self.status is not None and thread.status != self.status:
            return False
        first, last = thread.first_year, thread.last_year
        if self.since is not None and (last is None or last < self.since):
            return False
        return not (self.until is not None and (first is None or first > self.until))


def select_threads(linked: Linked, filters: ThreadFilters) -> list[Thread]:
    """The threads the filters keep, oldest first (then by coalition)."""
    kept = [t for t in linked.threads if filters.keep(t)]
    return sorted(kept, key=lambda t: (t.items[0].when, t.items[0].seq))

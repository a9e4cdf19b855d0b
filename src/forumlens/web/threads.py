"""Threads on the portal and in the API: `/threads`, `/threads/{id}`, `/api/threads`, and the coalition page's section.

The same threads `forumlens threads` prints (the same linker, `auto`, so the portal and
the command agree). The portal does not link: ingest and `analyse` keep the links in the
store (`threads.service.keep_threads`), and a worker reads them once per version of the
store's data into a `PortalThreads` (`portal_threads`): the threads in list order, each
coalition's own, the people and coalitions on record (what a name may link to) and the
sources citations describe. Reading them costs seconds on a large store (3.5 s for 44k
items at 1,000 sessions), so the app reads them at start-up, in a background thread
(`warm_threads`, from `app.py`'s lifespan), and a request that comes while that is
running waits for it instead of reading them a second time. Only a store whose links are
not kept (written by an older version) is linked on first need.

Filters are read as every form of the portal reads them (`form_input.read_form`: dates
by `forumlens.dates`, coalition names by the registry), so a bad year is the same 400
page; a coalition is first matched (by name or URL id) against the actors the threads
carry, offices such as the DC Coordination Group included, since the list offers those.
An unknown one is a 404 naming it in words with the nearest actors that have threads;
the API answers the same errors as JSON. Every item of a timeline links to its line (`cite_url`) and
describes it (session title, year, stated date, page and section of a document), and a
thread page shows why each item joined the thread, or went elsewhere
(`Linked.explain`), as `threads --explain` does. A thread of thousands of items
shows its first and last `TIMELINE_ENDS` (and their decisions) with how many more there
are, and `?all=1` shows everything, as the coalition section caps its lists. Who said an item links to their page
only when there is one: a person on record, a coalition the record mentions; an unnamed
voice or a document is plain text (`threads.render.speaker_label`).

The coalition page (pages.py) does not know about threads: its template calls the
`coalition_threads` global registered here, which degrades to no section when threads
cannot be computed.
"""

from __future__ import annotations

import difflib
import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..errors import ForumlensError, NotFound
from ..resolve.coalition_names import UnknownCoalition
from ..resolve.registry import load_registry
from ..store import open_store
from ..store.base import Store
from ..thread_window import select_within
from ..threads.link import Linked
from ..threads.models import KINDS, STATUSES, Decision, Item, Thread
from ..threads.render import (
    Citing,
    Source,
    actor_label,
    is_named,
    read_places,
    read_sources,
    speaker_label,
    thread_name,
    thread_what,
    threads_json,
    when_label,
)
from ..threads.service import KEPT_LINKER, ThreadFilters, actor_body, select_threads, store_threads
from ..transcript.speakers import name_key
from .api import reader
from .form_input import coalition_suggestions, read_form, thread_kind_status
from .pages import cite_url, templates
from .views import slug

__all__ = [
    "PortalThreads",
    "carried_coalition",
    "coalition_threads",
    "ends",
    "linked_threads",
    "portal_threads",
    "router",
    "shared_words",
    "spoken",
    "thread_filters",
    "thread_name",
    "thread_page_view",
    "timeline",
    "warm_threads",
]

PER_PAGE = 50
ASKS_PER_YEAR = 10  # the coalition page's section: asks shown per year,
PROMISES_SHOWN = 25  # promises shown,
FATE_SHOWN = 3  # and the last items of each promise's fate (the rest: on its thread page)
TIMELINE_ENDS = 25  # a thread page shows its first and last this many items (and their decisions); `?all=1` all
_MEMO_SIZE = 4

log = logging.getLogger("forumlens.web")
router = APIRouter()
StoreDep = Depends(reader)
_memo: dict[tuple[Any, ...], PortalThreads] = {}
_building: dict[tuple[Any, ...], threading.Event] = {}  # versions being read now, by whom is waited for
_memo_lock = threading.Lock()
_ALL_STATUSES = sorted({s for group in STATUSES.values() for s in group})


# -- the threads of a store ----------------------------------------------------------------------


@dataclass
class PortalThreads:
    """Everything the thread pages read, for one version of the store's data.

    `ordered` is every thread in list order (`select_threads`), `by_coalition` each
    coalition's threads in that order; `people` the name keys of the people on record and
    `coalitions` the registry coalitions the record mentions (their pages exist); `sources` what a
    citation says of each session. Document places (page, section) are read on first use.
    """

    linked: Linked
    ordered: list[Thread]
    by_coalition: dict[str, list[Thread]]
    people: frozenset[str]
    coalitions: dict[str, str]  # casefolded registry name → name, of the coalitions the record mentions
    sources: dict[str, Source]
    _places: dict[str, dict[int, tuple[int | None, str | None]]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def citing(self, store: Store, items: Iterable[Item]) -> Citing:
        """The sources of these items, and page and section of those cited in documents."""
        return self.citing_lines(store, ((item.session, item.line) for item in items))

    def citing_lines(self, store: Store, cited_lines: Iterable[tuple[str, int]]) -> Citing:
        """The sources of these (session, line) places, and page and section of those in documents
        (a link decision names its item by place only)."""
        lines: dict[str, set[int]] = {}
        for session, line in cited_lines:
            lines.setdefault(session, set()).add(line)
        places: dict[tuple[str, int], tuple[int | None, str | None]] = {}
        for session, cited in lines.items():
            source = self.sources.get(session)
            if source is None or not source.document:
                continue  # a caption transcript has no pages or sections
            with self._lock:
                found = self._places.get(session)
            if found is None:
                found = read_places(store, session)
                with self._lock:
                    self._places[session] = found
            places.update({(session, n): found[n] for n in cited if n in found})
        return Citing({s: self.sources[s] for s in lines if s in self.sources}, places)

    def who(self, speaker: str | None, source: Source | None) -> dict[str, Any]:
        """Who said an item, readable, with the page to link when there is one (else `url` is None)."""
        label = speaker_label(speaker, source, titled=False)  # the citation beside it names the document
        url = None
        if speaker and is_named(speaker, source):
            coalition = self.coalitions.get(speaker.casefold())
            if coalition is not None:
                url = f"/coalitions/{slug(coalition)}"
            elif name_key(speaker) in self.people:
                url = f"/people/{slug(speaker)}"
        return {"name": label, "url": url}


def _coalitions_on_record(store: Store) -> dict[str, str]:
    """The registry's coalitions the record mentions (each has a page), by casefolded name."""
    mentioned = {name for name, _ in store.coalition_names()}
    return {
        e.name.casefold(): e.name for e in load_registry().entities.values() if e.kind == "dc" and e.name in mentioned
    }


def _read(store: Store, linker: str) -> PortalThreads:
    linked = store_threads(store, linker=linker)
    ordered = select_threads(linked, ThreadFilters())
    by_coalition: dict[str, list[Thread]] = {}
    stored = {name for name, _ in store.coalition_names()}
    for t in ordered:
        # a coalition the registry does not know may be a thread's body rather than its coalition
        owner = t.coalition or (body if (body := actor_body(t.actor)) in stored else None)
        if owner:
            by_coalition.setdefault(owner, []).append(t)
    return PortalThreads(
        linked=linked,
        ordered=ordered,
        by_coalition=by_coalition,
        # those with a person page: a remote hub (a place) is credited in its session, never given one
        people=frozenset(name_key(p.name) for p in store.people_on_record()),
        coalitions=_coalitions_on_record(store),
        sources=read_sources(store),
    )


def portal_threads(store: Store, linker: str = KEPT_LINKER) -> PortalThreads:
    """The store's threads and what their pages need, read once per version of its data.

    A new ingest changes the version, so they are read again. While one thread reads a
    version (the start-up warm-up, or a first request), others asking for the same
    version wait for it rather than read it too (two cores cannot afford twice the
    work). Stores that cannot name their version (SQLite in memory) are read on every call.
    """
    version = store.data_version().shared
    location = getattr(store, "location", None)
    if not version or location is None:
        return _read(store, linker)
    key = (location, linker, version)
    while True:
        with _memo_lock:
            found = _memo.get(key)
            if found is not None:
                return found
            running = _building.get(key)
            if running is None:
                _building[key] = threading.Event()
        if running is None:
            break
        running.wait()  # read by another thread: its result is in the memo (or it failed: read here)
    try:
        read = _read(store, linker)
        with _memo_lock:
            for stale in [k for k in _memo if k[:2] == key[:2]]:  # an older version of the same store
                del _memo[stale]
            while len(_memo) >= _MEMO_SIZE:  # other stores (tests, several apps): the oldest goes
                del _memo[next(iter(_memo))]
            _memo[key] = read
        return read
    finally:
        with _memo_lock:
            _building.pop(key).set()


def linked_threads(store: Store, linker: str = KEPT_LINKER) -> Linked:
    """All threads of the store (`portal_threads`' linking result), read once per version of its data."""
    return portal_threads(store, linker).linked


def warm_threads(location: str) -> None:
    """Read the store's threads into this worker's memory (the app's start-up does, in a background
    thread), so the first coalition page or thread page does not pay for it: the threads first (the
    lists and coalition pages need only them), then the reasons behind each link (thread pages).
    Never raises: a store the threads stage cannot read is read (and reported) on request, as before."""
    clock = time.perf_counter()
    try:
        store = open_store(location, readonly=True)
    except Exception:  # the requests will say what is wrong with the store
        log.exception("threads warm-up: cannot open the store")
        return
    try:
        found = portal_threads(store)
        log.info("threads warm-up: %d threads in %.1f s", len(found.ordered), time.perf_counter() - clock)
        found.linked.explained()  # then the reasons a thread page shows (every session's, parsed at once)
        log.info("threads warm-up: reasons read, %.1f s in all", time.perf_counter() - clock)
    except Exception:
        log.exception("threads warm-up failed; threads are read on the first request instead")
    finally:
        store.close()


def registry_name(name: str) -> str:
    """The registry's name of a coalition (threads carry it); the name as given when the registry lacks it."""
    entity = load_registry().by_name(name)
    return entity.name if entity is not None else name


def carried_coalition(typed: str, carried: Iterable[str]) -> str | None:
    """The coalition or office, of those threads carry, that `typed` names: its name in any case or
    spacing, or its URL id (`slug`), as the list's select and a thread page's link send it."""
    wanted = slug(typed)
    return next((name for name in carried if slug(name) == wanted), None) if wanted else None


def spoken(typed: str) -> str:
    """A typed coalition value as words: a URL id ("dc-on-foo") reads "dc on foo"; a name stays as typed."""
    text = " ".join(typed.split())
    return text.replace("-", " ") if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", text) else text


def thread_filters(
    store: Store,
    *,
    coalition: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    carried: Iterable[str] = (),
) -> ThreadFilters:
    """Checked filters from query values; empty values are absent. Raises BadDate, UnknownCoalition or ConfigError.

    A coalition is first matched against those the threads carry (`carried`: offices such
    as the DC Coordination Group are actors of threads but not registry coalitions), then
    read as every form reads it (registry names, acronyms, close misspellings). One that
    fits neither is an `UnknownCoalition` that names what was asked for in words.
    """
    own = carried_coalition(coalition, carried) if coalition and coalition.strip() else None
    try:
        form = read_form(store, since=since, until=until, coalition=None if own else coalition)
    except UnknownCoalition as exc:
        raise UnknownCoalition(
            f"no coalition or office called “{spoken(coalition or '')}” has threads on record", hint=exc.hint
        ) from exc
    kind, status = thread_kind_status(kind, status)  # any case, plurals; a status of another kind is a 400
    return ThreadFilters(
        coalition=own or (registry_name(form.coalition) if form.coalition else None),
        kind=kind,
        status=status,
        since=form.since,
        until=form.until,
    )


def _select(found: PortalThreads, filters: ThreadFilters) -> list[Thread]:
    """`select_threads` over the kept order (the same threads, the same order): one coalition's only,
    each seen through the filters' years as `forumlens threads` sees it."""
    pool = found.by_coalition.get(filters.coalition, []) if filters.coalition else found.ordered
    return select_within(pool, filters)  # each cut to its items inside since/until, its status from them


def _find(linked: Linked, thread_id: str) -> Thread:
    found = next((t for t in linked.threads if t.id == thread_id), None)
    if found is None:
        raise NotFound(f"no thread has the id {thread_id!r}", hint="see the list on /threads")
    return found


# -- views: plain dicts the templates and tests read ---------------------------------------------------


def _entry(item_role: tuple[Item, str], thread: Thread, found: PortalThreads, citing: Citing) -> dict[str, Any]:
    item, role = item_role
    source = citing.source(item.session)
    page, section = citing.place(item.session, item.line)
    return {
        "thread": thread.id,
        "status": thread.status,
        "category": thread.category,
        "role": role,
        "year": item.year,
        "speaker": item.speaker,
        "who": found.who(item.speaker, source),
        "quote": item.quote,
        "session": item.session,
        "line": item.line,
        "title": source.title,
        "when": when_label(source, item.year),
        "page": page,
        "section": " ".join(section.split()) if section else None,
        "url": cite_url(item.session, item.line),
    }


def timeline(entries: list[dict[str, Any]]) -> list[tuple[int | None, list[dict[str, Any]]]]:
    """Entries grouped by year, in time order (a year unknown last)."""
    years: dict[int | None, list[dict[str, Any]]] = {}
    for entry in entries:
        years.setdefault(entry["year"], []).append(entry)
    return sorted(years.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))


def _year_order(year: int | None) -> tuple[bool, int]:
    return (year is None, year or 0)


def ends(count: int, keep: int | None) -> tuple[range, range]:
    """The positions shown of `count` things: the first and the last `keep` (all of them when `keep`
    is None or they are few enough that hiding the middle would hide under `keep`)."""
    if keep is None or count <= 3 * keep:
        return range(count), range(count, count)
    return range(keep), range(count - keep, count)


def _row(thread: Thread, found: PortalThreads | None = None) -> dict[str, Any]:
    data = thread.to_json()
    citing = Citing(found.sources) if found is not None else Citing()
    data["who"] = actor_label(thread, citing)
    data["what"] = thread_what(thread)
    data["sessions"] = len({i.session for i in thread.items})
    return data


def _actor_url(thread: Thread, found: PortalThreads) -> str | None:
    """The page of the thread's actor: its coalition's, or the person's on record; None for anyone else."""
    if thread.coalition:
        known = found.coalitions.get(thread.coalition.casefold())
        return f"/coalitions/{slug(known)}" if known else None
    kind, _, key = thread.actor.partition(":")
    return f"/people/{key.replace(' ', '-')}" if kind == "person" and key in found.people else None


def _decision_place(d: Decision) -> tuple[str, int] | None:
    """The (session, line) a decision's item key ("d209c5706265:39") names; None for a key of another shape."""
    session, _, line = d.item.rpartition(":")
    return (session, int(line)) if session and line.isdigit() else None


def told_apart(threads: Sequence[Thread], page: Thread, citing: Citing, *, words: int = 8) -> dict[str, str]:
    """Each thread's name (`thread_name`), with its first words said when the name alone would not tell it
    from the `page`'s thread or from another thread named: one coalition's two policy asks are both
    "… — ask, policy", and a link of that name read as a link to the page it sits on."""
    names = {t.id: thread_name(t, citing) for t in threads}
    seen = Counter([name for tid, name in names.items() if tid != page.id] + [thread_name(page, citing)])
    for t in threads:
        if t.id != page.id and seen[names[t.id]] > 1 and t.entries:
            names[t.id] += f" ({first_words(t, words)})"
    return names


def first_words(thread: Thread, words: int = 8) -> str:
    """The opening words of the quote that opened a thread, quoted ("“We call on governments to fund…”").

    Why: a coalition's two asks of one kind and category share their name ("… — ask, policy"); what was
    said is what tells them apart, in a link and in a page's title alike."""
    said = thread.entries[0][0].quote.split() if thread.entries else []
    return f"“{' '.join(said[:words])}{'…' if len(said) > words else ''}”" if said else ""


def page_title(thread: Thread, citing: Citing) -> str:
    """A thread page's <title>: its name and the words it opened with, so two threads of one coalition,
    kind and category (or browser tabs and bookmarks of them) do not read the same."""
    said = first_words(thread)
    return f"{thread_name(thread, citing)}: {said}" if said else thread_name(thread, citing)


def shared_words(shared: Iterable[str]) -> list[str]:
    """The features an item shares with its thread, in words: a concept of the linker's lexicon
    ("@session_time") reads "session time"; a plain word stays as it is."""
    return [f"{w[1:].replace('_', ' ')} (concept)" if w.startswith("@") else w for w in shared]


def _decision_view(d: Decision, thread: Thread, known: dict[str, str], citing: Citing) -> dict[str, Any]:
    """A decision as the page shows it: its item cited as the timeline cites one (title, year, line), and
    each thread it names by name (`known`: id → name; this thread is "this thread")."""
    place = _decision_place(d)
    mine = d.thread == thread.id
    data = d.to_json()
    cited: dict[str, Any] = {"title": d.item, "when": None, "page": None, "section": None, "line": None}
    if place is not None:
        source = citing.source(place[0])
        page, section = citing.place(*place)
        cited = {
            "title": source.title,
            "when": when_label(source),
            "page": page,
            "section": " ".join(section.split()) if section else None,
            "line": place[1],
        }
    return {
        **data,
        **cited,
        "mine": mine,
        "url": cite_url(*place) if place is not None else "#",
        "shared": shared_words(data["shared"]),
        "candidates": [
            {
                **c,
                "name": "this thread" if c["thread"] == thread.id else known.get(c["thread"], c["thread"]),
                "url": f"/threads/{c['thread']}" if c["thread"] in known and c["thread"] != thread.id else None,
            }
            for c in data["candidates"]
            if mine or c["thread"] == thread.id
        ],
        "elsewhere": f"/threads/{d.thread}" if d.thread and not mine and d.thread in known else None,
        "elsewhere_name": known.get(d.thread or "", d.thread),
    }


def thread_page_view(
    store: Store, found: PortalThreads, thread_id: str, *, keep: int | None = TIMELINE_ENDS
) -> dict[str, Any]:
    """One thread: its row, its timeline year by year with citations, and every link decision about it.

    A thread can gather thousands of items (one actor over a thousand sessions), and
    rendering them all costs about a second of CPU per view. Like the coalition section,
    the page shows the first and last `keep` items of the timeline (time order) and, in
    "why these items are linked", the decisions about those items and the first and last
    `keep` of the items that went elsewhere; `hidden` says how many of each are left out
    and their years, and `all_url` shows everything (`keep=None`, `?all=1`). What is
    shown is cited exactly as in the full page.
    """
    linked = found.linked
    thread = _find(linked, thread_id)
    ordered = sorted(thread.entries, key=lambda e: _year_order(e[0].year))  # the full timeline's order
    first, last = ends(len(ordered), keep)
    shown = [ordered[n] for n in first] + [ordered[n] for n in last]
    middle = ordered[first.stop : last.start]
    citing = found.citing(store, (item for item, _ in shown))
    shown_items = {f"{item.session}:{item.line}" for item, _ in shown}
    about = linked.explain(thread.id)  # its items' decisions, and those of items that went elsewhere
    elsewhere = [n for n, d in enumerate(about) if d.thread != thread.id]
    away_first, away_last = ends(len(elsewhere), keep)
    kept = {n for n, d in enumerate(about) if d.thread == thread.id and d.item in shown_items}
    kept |= {elsewhere[n] for n in (*away_first, *away_last)}
    chosen = [d for n, d in enumerate(about) if n in kept]
    places = found.citing_lines(store, (p for p in map(_decision_place, chosen) if p is not None))
    named = {d.thread for d in chosen if d.thread} | {c[0] for d in chosen for c in d.candidates}
    labels = Citing(found.sources)
    known = told_apart([t for t in linked.threads if t.id in named], thread, labels)  # only the threads shown
    decisions = [_decision_view(d, thread, known, places) for d in chosen]
    return {
        "thread": {**_row(thread, found), "url": _actor_url(thread, found), "page_title": page_title(thread, labels)},
        "timeline": timeline([_entry(e, thread, found, citing) for e in ordered[: first.stop]]),
        "timeline_after": timeline([_entry(e, thread, found, citing) for e in ordered[last.start :]]) if middle else [],
        "hidden": {
            "count": len(middle),  # items left out of the timeline
            "years": sorted({item.year for item, _ in middle}, key=_year_order),
            "decisions": len(about) - len(decisions),
        },
        "all_url": f"/threads/{thread.id}?all=1",
        "decisions": decisions,
        "linker": linked.linker,
    }


def _asks_by_year(own: Sequence[Thread]) -> list[tuple[int | None, list[tuple[Item, str, Thread]], int]]:
    """A coalition's ask items by year (time order, a year unknown last): per year at most
    `ASKS_PER_YEAR`, one per thread before any thread's second, and how many more that year has."""
    years: dict[int | None, list[tuple[Item, str, Thread]]] = {}
    for t in own:
        if t.kind == "ask":
            for item, role in t.entries:
                years.setdefault(item.year, []).append((item, role, t))
    out = []
    for year in sorted(years, key=lambda y: (y is None, y or 0)):
        said = years[year]
        first_of_thread: dict[str, int] = {}
        for n, (_, _, t) in enumerate(said):
            first_of_thread.setdefault(t.id, n)
        firsts = set(first_of_thread.values())
        order = [*first_of_thread.values(), *(n for n in range(len(said)) if n not in firsts)]
        shown = [said[n] for n in sorted(order[:ASKS_PER_YEAR])]
        out.append((year, shown, len(said) - len(shown)))
    return out


def ask_overlap(own: Sequence[Thread], asked: Iterable[Sequence[Any]]) -> dict[str, Any]:
    """How the page's two ask lists relate, ask by ask (the coalition page says it).

    `asked` is the (session, line, quote) of every ask the session analysis attributed to
    the coalition, in the page's order (its "What it asked for", uncut). An ask is followed
    when an ask item of the coalition's threads stands at its line and one quote holds the
    other (the rule by which the threads stage itself reads the analysis' asks). Neither list
    is a superset of the other, so neither can stand for it: the threads stage leaves out
    what reads as thanks, procedure or a question and a chair's asks, and follows an ask
    under whom its speaker speaks for (an unnamed speaker's, or one who speaks for another
    body, is followed without this coalition); and it follows needs its own reading finds in
    the coalition's speakers' sentences that the analysis did not list. `threads`: the
    thread following each analysis ask (None where none does), in the order of `asked`.
    """
    at: dict[tuple[str, int], list[tuple[int, Item, str]]] = {}
    entries = [(item, t.id) for t in own if t.kind == "ask" for item, _ in t.entries]
    for n, (item, thread) in enumerate(entries):
        at.setdefault((item.session, item.line), []).append((n, item, thread))
    matched: set[int] = set()
    threads: list[str | None] = []
    for session, line, quote in asked:
        said = str(quote or "")
        place = (str(session), line) if isinstance(line, int) and said else None
        same = [(n, t) for n, item, t in at.get(place, []) if said in item.quote or item.quote in said] if place else []
        threads.append(same[0][1] if same else None)
        matched.update(n for n, _ in same)
    followed = sum(1 for t in threads if t is not None)
    return {
        "threads": threads,
        "followed": followed,
        "unfollowed": len(threads) - followed,
        "threads_only": len(entries) - len(matched),  # ask items of its threads (as `ask_items` counts them)
    }


def coalition_section(
    store: Store, found: PortalThreads, name: str, asked: Iterable[Sequence[Any]] = ()
) -> dict[str, Any]:
    """A coalition's asks year by year and its promises with their fate (the coalition page's section).

    Reads that coalition's threads only (`PortalThreads.by_coalition`). Like the page's
    other lists it is bounded (a coalition in 1,000 sessions has thousands of items): per
    year `ASKS_PER_YEAR` asks, `PROMISES_SHOWN` promises with their last `FATE_SHOWN` turns,
    each with how many more there are and where to read them all. `asked`: the (session,
    line, quote) of the asks the page lists from the session analysis (`ask_overlap`).
    """
    wanted = registry_name(name)
    own: Sequence[Thread] = found.by_coalition.get(wanted, [])
    by_year = _asks_by_year(own)
    commitments = [t for t in own if t.kind == "commitment"]
    shown_promises = commitments[:PROMISES_SHOWN]
    cited = [i for _, said, _ in by_year for i, _, _ in said]
    for t in shown_promises:
        cited += [t.items[0], *t.items[1:][-FATE_SHOWN:]]
    citing = found.citing(store, cited)
    url = f"/threads?coalition={slug(wanted)}"
    asks = [
        (
            year,
            [_entry((item, role), t, found, citing) for item, role, t in said],
            more,
            f"{url}&kind=ask&since={year}&until={year}" if year else f"{url}&kind=ask",
        )
        for year, said, more in by_year
    ]
    promises = []
    for t in shown_promises:
        first, *later = t.entries
        fate = later[-FATE_SHOWN:]
        promises.append(
            {
                "thread": _row(t, found),
                "promise": _entry(first, t, found, citing),
                "fate": [_entry(e, t, found, citing) for e in fate],
                "more": len(later) - len(fate),
            }
        )
    return {
        "name": wanted,
        "asks": asks,
        # how many ask items and promises its threads hold: the page's analysis lists above say so when theirs is
        # empty and these are not (the two lists read different sources, and must not seem to contradict)
        "ask_items": sum(len(said) + more for _, said, more in by_year),
        "overlap": ask_overlap(own, asked),
        "promises": promises,
        "promise_count": len(commitments),
        "more_promises": len(commitments) - len(shown_promises),
        "questions": sum(1 for t in own if t.kind == "question"),
        "count": len(own),
        "url": url,
        "linker": found.linked.linker,
    }


def coalition_threads(request: Request, name: str, asked: Iterable[Sequence[Any]] = ()) -> dict[str, Any] | None:
    """The coalition page's thread section (a template global); None when threads cannot be computed."""
    store = request.app.state.stores.reader()
    try:
        return coalition_section(store, portal_threads(store), name, asked)
    except ForumlensError:
        return None  # a store the threads stage cannot read: the page still renders, without the section


templates.env.globals["coalition_threads"] = coalition_threads


# -- the portal ------------------------------------------------------------------------------------


def _unknown_coalition(request: Request, exc: UnknownCoalition, typed: str, found: PortalThreads) -> Response:
    """The 404 of a coalition filter no thread carries: its name in words and the nearest names that have
    threads (offices included, which the registry's suggestions leave out), each a link to the filtered list."""
    carried = {slug(name): name for name in found.by_coalition}
    near = [carried[k] for k in difflib.get_close_matches(slug(typed), list(carried), n=3, cutoff=0.5)]
    names = near or coalition_suggestions(typed)  # the registry's nearest only when no thread's actor is near
    context = {
        "status": exc.status,
        "message": exc.message,
        "hint": None,
        "suggestions": [{"name": n, "url": str(request.url.include_query_params(coalition=slug(n)))} for n in names],
    }
    return templates.TemplateResponse(request, "form_error.html", context, status_code=exc.status)


@router.get("/threads", include_in_schema=False, response_class=HTMLResponse)
def threads_page(
    request: Request,
    store: Store = StoreDep,
    coalition: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    page: int = Query(1, ge=1, le=10_000),
) -> Response:
    """Every thread, narrowed by coalition, kind, status and years; a bad value is the form's 400/404 page."""
    found = portal_threads(store)
    try:
        filters = thread_filters(
            store, coalition=coalition, kind=kind, status=status, since=since, until=until, carried=found.by_coalition
        )
    except UnknownCoalition as exc:
        return _unknown_coalition(request, exc, coalition or "", found)
    except ForumlensError as exc:  # a year range the form allows (since 2024, until 2020), a kind's status
        # of another kind: the form again, filled in as sent, with what to change, rather than a bare page
        sent = {"kind": kind, "status": status, "since": since, "until": until}
        sent["coalition"] = next((c for c in found.by_coalition if coalition and slug(c) == slug(coalition)), None)
        return templates.TemplateResponse(
            request, "threads.html", _threads_context(store, found, sent, [], page, form_problem=exc), exc.status
        )
    chosen = _select(found, filters)
    return templates.TemplateResponse(request, "threads.html", _threads_context(store, found, filters, chosen, page))


def _threads_context(
    store: Store,
    found: PortalThreads,
    filters: ThreadFilters | dict[str, Any],
    chosen: list[Thread],
    page: int,
    form_problem: ForumlensError | None = None,
) -> dict[str, Any]:
    """What threads.html shows: a page of the chosen threads under the filter form (as sent when
    `form_problem` says why no thread was chosen)."""
    shown = chosen[(page - 1) * PER_PAGE : page * PER_PAGE]
    wanted = filters.get("coalition") if isinstance(filters, dict) else filters.coalition
    return {
        # a coalition on record that no thread follows: shown chosen in the form, and the page says why
        "threadless": {"id": slug(wanted), "name": wanted} if wanted and wanted not in found.by_coalition else None,
        "rows": [_row(t, found) for t in shown],
        "total": len(chosen),
        "filters": filters,
        "coalitions": [{"id": slug(c), "name": c} for c in sorted(found.by_coalition)],
        "kinds": KINDS,
        "statuses": _ALL_STATUSES,
        "page": page,
        "has_next": len(chosen) > page * PER_PAGE,
        "linker": found.linked.linker,
        "any_threads": bool(found.ordered),  # none at all: say why (nothing stored, or not linked yet)
        "stored": bool(found.ordered) or bool(store.sessions(limit=1)),
        "form_problem": form_problem,
    }


@router.get("/threads/{thread_id}", include_in_schema=False, response_class=HTMLResponse)
def thread_page(
    request: Request,
    thread_id: str,
    store: Store = StoreDep,
    show_all: bool = Query(False, alias="all", description="every item and decision, not the first and last"),
) -> Response:
    """One thread: its timeline year by year, each item cited, and why each item joined it (a long one capped)."""
    view = thread_page_view(store, portal_threads(store), thread_id, keep=None if show_all else TIMELINE_ENDS)
    return templates.TemplateResponse(request, "thread.html", view)


# -- the API -------------------------------------------------------------------------------------------


@router.get(
    "/api/threads",
    tags=["read"],
    summary="Asks, commitments and questions followed across sessions (the `threads --json` contract)",
)
def api_threads(
    store: Store = StoreDep,
    coalition: str | None = None,
    kind: str | None = Query(None, description="ask, commitment or question"),
    status: str | None = Query(None, description="a status of the kind (recurring, fulfilled, open, …)"),
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    found = portal_threads(store)
    filters = thread_filters(
        store, coalition=coalition, kind=kind, status=status, since=since, until=until, carried=found.by_coalition
    )
    chosen = _select(found, filters)
    return threads_json(chosen, found.linked, citing=found.citing(store, (i for t in chosen for i in t.items)))


@router.get(
    "/api/threads/{thread_id}",
    tags=["read"],
    summary="One thread in the `threads --json` contract, with the decision behind each link (`decisions`)",
)
def api_thread(thread_id: str, store: Store = StoreDep) -> dict[str, Any]:
    found = portal_threads(store)
    thread = _find(found.linked, thread_id)
    return threads_json([thread], found.linked, explain=True, citing=found.citing(store, thread.items))

"""Threads on the portal and in the API: `/threads`, `/threads/{id}`, `/api/threads`, and the coalition page's section.

The same threads `forumlens threads` prints (the same linker, `auto`, so the portal and
the command agree). The portal does not link: ingest and `analyse` keep the links in the
store (`threads.service.keep_threads`), a request rebuilds the threads from them, and a
worker remembers the result per version of the store's data (`linked_threads`); only a
store whose links are not kept (written by an older version) is linked on first request.
Filters are read as every form of the portal reads them (`form_input.read_form`: dates
by `forumlens.dates`, coalition names by the registry), so a bad year is the same 400
page and an unknown coalition the same 404 page with the nearest names; the API answers
the same errors as JSON. Every item of a timeline links to its line (`cite_url`), and a
thread page shows why each item joined the thread, or went elsewhere (`Linked.explain`),
as `threads --explain` does.

The coalition page (pages.py) does not know about threads: its template calls the
`coalition_threads` global registered here, which degrades to no section when threads
cannot be computed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..errors import ForumlensError, NotFound
from ..resolve.registry import load_registry
from ..store.base import Store
from ..threads.link import Linked
from ..threads.models import KINDS, STATUSES, Thread
from ..threads.service import ThreadFilters, select_threads, store_threads
from .api import reader
from .form_input import read_form
from .pages import cite_url, form_error, templates
from .views import slug

__all__ = [
    "LINKER",
    "coalition_threads",
    "linked_threads",
    "router",
    "thread_filters",
    "thread_page_view",
    "timeline",
]

LINKER = "auto"  # as `forumlens threads`: semantic when installed, else lexical
PER_PAGE = 50
_MEMO_SIZE = 4

router = APIRouter()
StoreDep = Depends(reader)
_memo: dict[tuple[Any, ...], Linked] = {}
_memo_lock = threading.Lock()
_ALL_STATUSES = sorted({s for group in STATUSES.values() for s in group})


# -- the threads of a store ----------------------------------------------------------------------


def linked_threads(store: Store, linker: str = LINKER) -> Linked:
    """All threads of the store, read once per version of its data (a new ingest reads them again).

    Reading them means reading every session's items and the kept decisions (linking
    them, and with the semantic linker embedding them, when none are kept); a page view
    must not pay that each time. Stores that cannot name their version (SQLite in memory)
    are read on every call.
    """
    version = store.data_version().shared
    location = getattr(store, "location", None)
    if not version or location is None:
        return store_threads(store, linker=linker)
    key = (location, linker, version)
    with _memo_lock:
        found = _memo.get(key)
    if found is not None:
        return found
    linked = store_threads(store, linker=linker)
    with _memo_lock:
        for stale in [k for k in _memo if k[:2] == key[:2]]:  # an older version of the same store
            del _memo[stale]
        while len(_memo) >= _MEMO_SIZE:  # other stores (tests, several apps): the oldest goes
            del _memo[next(iter(_memo))]
        _memo[key] = linked
    return linked


def registry_name(name: str) -> str:
    """The registry's name of a coalition (threads carry it); the name as given when the registry lacks it."""
    entity = load_registry().by_name(name)
    return entity.name if entity is not None else name


def thread_filters(
    store: Store,
    *,
    coalition: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> ThreadFilters:
    """Checked filters from query values; empty values are absent. Raises BadDate, UnknownCoalition or ConfigError."""
    form = read_form(store, since=since, until=until, coalition=coalition)
    return ThreadFilters(
        coalition=registry_name(form.coalition) if form.coalition else None,
        kind=(kind or "").strip() or None,
        status=(status or "").strip() or None,
        since=form.since,
        until=form.until,
    )


def _find(linked: Linked, thread_id: str) -> Thread:
    found = next((t for t in linked.threads if t.id == thread_id), None)
    if found is None:
        raise NotFound(f"no thread has the id {thread_id!r}", hint="see the list on /threads")
    return found


# -- views: plain dicts the templates and tests read ---------------------------------------------------


def _titles(store: Store, sessions: Iterable[str]) -> dict[str, str]:
    return {sid: store.session_title(sid) or sid for sid in dict.fromkeys(sessions)}


def _entry(item_role: tuple[Any, str], thread: Thread, titles: dict[str, str]) -> dict[str, Any]:
    item, role = item_role
    return {
        "thread": thread.id,
        "status": thread.status,
        "category": thread.category,
        "role": role,
        "year": item.year,
        "speaker": item.speaker,
        "quote": item.quote,
        "session": item.session,
        "line": item.line,
        "title": titles.get(item.session, item.session),
        "url": cite_url(item.session, item.line),
    }


def timeline(entries: list[dict[str, Any]]) -> list[tuple[int | None, list[dict[str, Any]]]]:
    """Entries grouped by year, in time order (a year unknown last)."""
    years: dict[int | None, list[dict[str, Any]]] = {}
    for entry in entries:
        years.setdefault(entry["year"], []).append(entry)
    return sorted(years.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))


def _row(thread: Thread) -> dict[str, Any]:
    data = thread.to_json()
    first = thread.items[0]
    data["who"] = thread.coalition or first.org or first.speaker or thread.actor.split(":", 1)[-1]
    data["sessions"] = len({i.session for i in thread.items})
    return data


def thread_page_view(store: Store, linked: Linked, thread_id: str) -> dict[str, Any]:
    """One thread: its row, its timeline year by year with citations, and every link decision about it."""
    thread = _find(linked, thread_id)
    titles = _titles(store, (i.session for i in thread.items))
    known = {t.id for t in linked.threads}
    decisions = []
    for d in linked.explain(thread.id):
        session, _, line = d.item.rpartition(":")
        mine = d.thread == thread.id
        decisions.append(
            {
                **d.to_json(),
                "mine": mine,
                "url": cite_url(session, int(line)) if line.isdigit() else "#",
                "candidates": [
                    {**c, "url": f"/threads/{c['thread']}" if c["thread"] in known else None}
                    for c in d.to_json()["candidates"]
                    if mine or c["thread"] == thread.id
                ],
                "elsewhere": f"/threads/{d.thread}" if d.thread and not mine and d.thread in known else None,
            }
        )
    return {
        "thread": _row(thread),
        "timeline": timeline([_entry(e, thread, titles) for e in thread.entries]),
        "decisions": decisions,
        "linker": linked.linker,
    }


def coalition_section(store: Store, linked: Linked, name: str) -> dict[str, Any]:
    """A coalition's asks year by year and its promises with their fate (the coalition page's section)."""
    wanted = registry_name(name)
    own = select_threads(linked, ThreadFilters(coalition=wanted))
    titles = _titles(store, (i.session for t in own for i in t.items))
    asks = [_entry(e, t, titles) for t in own if t.kind == "ask" for e in t.entries]
    asks.sort(key=lambda e: (e["year"] is None, e["year"] or 0))
    promises = []
    for t in own:
        if t.kind != "commitment":
            continue
        entries = [_entry(e, t, titles) for e in t.entries]
        promises.append({"thread": _row(t), "promise": entries[0], "fate": entries[1:]})
    return {
        "name": wanted,
        "asks": timeline(asks),
        "promises": promises,
        "questions": sum(1 for t in own if t.kind == "question"),
        "count": len(own),
        "url": f"/threads?coalition={slug(wanted)}",
        "linker": linked.linker,
    }


def coalition_threads(request: Request, name: str) -> dict[str, Any] | None:
    """The coalition page's thread section (a template global); None when threads cannot be computed."""
    store = request.app.state.stores.reader()
    try:
        return coalition_section(store, linked_threads(store), name)
    except ForumlensError:
        return None  # a store the threads stage cannot read: the page still renders, without the section


templates.env.globals["coalition_threads"] = coalition_threads


# -- the portal ------------------------------------------------------------------------------------


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
    try:
        filters = thread_filters(store, coalition=coalition, kind=kind, status=status, since=since, until=until)
    except ForumlensError as exc:
        return form_error(request, exc, coalition)
    linked = linked_threads(store)
    chosen = select_threads(linked, filters)
    shown = chosen[(page - 1) * PER_PAGE : page * PER_PAGE]
    coalitions = sorted({t.coalition for t in linked.threads if t.coalition})
    return templates.TemplateResponse(
        request,
        "threads.html",
        {
            "rows": [_row(t) for t in shown],
            "total": len(chosen),
            "filters": filters,
            "coalitions": [{"id": slug(c), "name": c} for c in coalitions],
            "kinds": KINDS,
            "statuses": _ALL_STATUSES,
            "page": page,
            "has_next": len(chosen) > page * PER_PAGE,
            "linker": linked.linker,
        },
    )


@router.get("/threads/{thread_id}", include_in_schema=False, response_class=HTMLResponse)
def thread_page(request: Request, thread_id: str, store: Store = StoreDep) -> Response:
    """One thread: its timeline year by year, each item cited, and why each item joined it."""
    view = thread_page_view(store, linked_threads(store), thread_id)
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
    filters = thread_filters(store, coalition=coalition, kind=kind, status=status, since=since, until=until)
    linked = linked_threads(store)
    return {"threads": [t.to_json() for t in select_threads(linked, filters)], "linker": linked.linker}


@router.get(
    "/api/threads/{thread_id}",
    tags=["read"],
    summary="One thread in the `threads --json` contract, with the decision behind each link (`decisions`)",
)
def api_thread(thread_id: str, store: Store = StoreDep) -> dict[str, Any]:
    linked = linked_threads(store)
    found = _find(linked.explained(), thread_id)
    return {"threads": [found.to_json(explain=True)], "linker": linked.linker}

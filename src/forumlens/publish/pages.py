"""Which pages the static site holds, and rendering them with the portal itself.

Every page of the site is the portal's own page: it is requested from the FastAPI app
in-process (Starlette's test client over the ASGI interface, no socket), so the site
shows exactly what `forumlens serve` shows, from the same views and templates. Three
pages have no portal address and use templates of their own under
`templates/publish/`, rendered by the portal's Jinja environment: the client-side search
page, the index of briefs on saved topics, and the whole coalition record.

Importing this module needs the `web` extra (FastAPI, Jinja2); `forumlens publish`
says so when it is missing.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient

from ..documents.eligibility import build_record, items_from_documents, title_coalitions
from ..errors import ForumlensError
from ..resolve.registry import load_registry
from ..settings import Settings
from ..store.base import Store
from ..web import create_app, views
from ..web import pages as portal_pages
from ..web.pages import PER_PAGE
from ..web.related import session_related
from ..web.threads import PER_PAGE as THREADS_PER_PAGE
from ..web.threads import linked_threads
from .links import INTERNAL_ORIGIN, brief_slug, site_file

__all__ = [
    "Page",
    "PortalRenderer",
    "briefs_index",
    "open_renderer",
    "plan_pages",
    "record_data",
    "render_template",
]

RELATED_PENDING = 'id="related-pending"'  # session_related.html's marker of related items not computed yet
RELATED_TRIES = 4  # each new store object of the portal's thread pool starts a new cache epoch once
THREADS_GLOBAL = "coalition_threads"  # the coalition page's thread section (web.threads)
_MISSING = object()


@dataclass(frozen=True)
class Page:
    """One page of the site: the portal address that renders it and the file it is written to."""

    url: str
    file: str
    session: str | None = None  # a session page: its related items are computed before it is rendered


def _page(url: str, session: str | None = None) -> Page:
    path, _, query = url.partition("?")
    file = site_file(path, query)
    if file is None:  # a plan entry the address rules cannot hold is a bug in this module
        raise AssertionError(f"no site file for {url}")
    return Page(url, file, session)


def plan_pages(store: Store, *, briefs: Sequence[str] = (), record_year: int, threads: bool = True) -> list[Page]:
    """Every portal page the site holds: the lists, then one page per topic, person, thread (unless
    not `threads`), coalition, brief on a saved topic (with its Markdown and JSON downloads) and session."""
    sessions = store.session_ids()
    plan = [_page("/")]
    plan += [
        _page("/sessions" + (f"?page={n}" if n > 1 else "")) for n in range(1, _pages(len(sessions), PER_PAGE) + 1)
    ]
    plan += [_page("/people"), _page("/coalitions"), _page("/topics"), _page("/glossary"), _page("/graph")]
    plan += [_page(f"/topics/{scheme}") for scheme in views.SCHEME_NAMES]
    plan += [_page(f"/topics/{t['scheme']}/{t['code']}") for t in views.tag_list(store)]
    plan += [_page(f"/people/{p.id}") for p in store.people_on_record(None)]
    if threads:
        plan += _thread_pages(store)
    for c in views.coalition_list(store):  # the record section shows the publish's year
        plan.append(Page(f"/coalitions/{c['id']}?year={record_year}", _page(f"/coalitions/{c['id']}").file))
    for brief in briefs_index(briefs):
        plan += [_page(brief["url"]), _page(brief["md"]), _page(brief["json"])]
    plan += [_page(f"/sessions/{sid}", session=sid) for sid in sessions]
    return plan


def _thread_pages(store: Store) -> list[Page]:
    """The thread list and one page per thread; the threads are the store's kept links (`web.threads`)."""
    ids = [t.id for t in linked_threads(store).threads]
    pages = [
        _page("/threads" + (f"?page={n}" if n > 1 else "")) for n in range(1, _pages(len(ids), THREADS_PER_PAGE) + 1)
    ]
    return pages + [_page(f"/threads/{tid}") for tid in ids]


def _quote(text: str) -> str:
    return quote(text, safe="")


def _pages(items: int, per_page: int) -> int:
    """How many pages a portal list of `items` has (one, even when empty)."""
    return max(1, math.ceil(items / per_page))


class PortalRenderer:
    """The portal app over a store, answering requests in-process; use `open_renderer`."""

    def __init__(self, client: TestClient, store: Store) -> None:
        self._client = client
        self._store = store  # the publisher's own reader, for warming the related-items cache

    def get(self, page: Page) -> bytes:
        """The body of a page, its session's related items computed first; an error for any other status."""
        for _ in range(RELATED_TRIES):
            if page.session is not None:
                session_related(self._store, page.session, k=5)  # what the page shows, now cached
            response = self._client.get(page.url)
            if response.status_code != 200:
                raise ForumlensError(
                    f"the portal answered {response.status_code} for {page.url}",
                    hint="the portal logged the cause above; the previous site, if any, is unchanged",
                )
            if page.session is None or RELATED_PENDING.encode() not in response.content:
                return response.content
        return response.content


@contextmanager
def open_renderer(location: str, settings: Settings, store: Store, *, threads: bool = True) -> Iterator[PortalRenderer]:
    """The portal over `location`, with its response cache off (every page is asked for once).

    Without `threads` (`publish --no-threads`) the coalition pages leave out their thread
    section, which the portal computes through the `coalition_threads` template global
    (`web.threads`): a site without thread pages would only show it unlinked. The global
    is restored afterwards.
    """
    quiet = Settings({**settings.values, "portal_cache_mb": 0})
    app = create_app(location, quiet, warm_threads=threads)
    env_globals = portal_pages.templates.env.globals
    saved = env_globals.get(THREADS_GLOBAL, _MISSING)
    if not threads and saved is not _MISSING:
        env_globals[THREADS_GLOBAL] = _no_threads
    try:
        with TestClient(app, base_url=INTERNAL_ORIGIN, raise_server_exceptions=False) as client:
            yield PortalRenderer(client, store)
    finally:
        if saved is not _MISSING:
            env_globals[THREADS_GLOBAL] = saved


def _no_threads(*_args: object) -> None:
    return None  # the coalition page's "no section" answer (see web.threads.coalition_threads)


def render_template(name: str, **context: Any) -> str:
    """One of the site's own pages (`templates/publish/…`), through the portal's Jinja environment."""
    return portal_pages.templates.env.get_template(name).render(**context)


def record_data(store: Store, year: int, rule: str) -> dict[str, Any]:
    """The `record --json` contract for IGF `year`: every registry coalition, as `forumlens record` builds it."""
    coalitions = [
        {"id": e.id, "name": e.name, "acronym": e.acronym, "active": str(e.info.get("active", "yes"))}
        for e in sorted(load_registry().of_kind("dc"), key=lambda e: e.name.casefold())
    ]
    return build_record(year, coalitions, items_from_documents(store.stored_documents(), title_coalitions), rule=rule)


def briefs_index(topics: Sequence[str]) -> list[dict[str, str]]:
    """The saved topics with the portal addresses of their brief and downloads, in the order given.

    Topics that name the same file (the same words, other case or punctuation) are one brief.
    """
    by_file: dict[str, str] = {}
    for topic in (" ".join(t.split()) for t in topics):
        if topic:
            by_file.setdefault(brief_slug(topic), topic)
    out = []
    for topic in by_file.values():
        query = "topic=" + _quote(topic)
        out.append(
            {
                "topic": topic,
                "url": f"/briefs?{query}",
                "md": f"/briefs/download?{query}&format=md",
                "json": f"/briefs/download?{query}&format=json",
            }
        )
    return out

"""The portal application: `create_app(store_location, settings)` → a FastAPI app.

One factory builds everything (tests and `forumlens serve` call the same one):
per-thread read-only stores, a whole-response cache for the public read routes
(`cache.py`, keyed by the store's data version), the JSON API, the pages, static files, the OpenAPI
document and its interactive docs (Swagger UI served from the files the
`fastapi-offline` package ships, never a CDN), security headers, and the one error handler that renders a
`ForumlensError` (and HTTP errors) as JSON under /api/ and as a page elsewhere.

At start-up (the lifespan) a background thread reads the store's threads (`web.threads.warm_threads`,
seconds on a large store), so the first coalition or thread page does not pay for it.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import ForumlensError
from ..settings import Settings, load_settings
from ..store import Store, open_store
from .activity import ActivityCounter
from .api import include_feature_routers
from .api import router as api_router
from .cache import ResponseCache, store_version
from .cache_shared import SHARED_DIR_ENV, SharedTier
from .live import router as live_router
from .pages import router as pages_router
from .pages import templates
from .request_errors import api_hint, invalid_request_message
from .security import SecurityHeaders, refuse_nul

__all__ = ["StoreProvider", "create_app", "render_error"]

HERE = Path(__file__).resolve().parent
log = logging.getLogger("forumlens.web")


class StoreProvider:
    """One read-only store per worker thread, and short-lived writable ones for writes.

    SQLite connections must not be shared by threads running at once; FastAPI runs
    plain `def` endpoints on a thread pool, so each thread keeps its own connection.
    """

    def __init__(self, location: str) -> None:
        self.location = location
        self._local = threading.local()
        self._guard = threading.Lock()
        self._opened: list[Store] = []
        open_store(location).close()  # create or migrate once, so readers never need to

    def reader(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.location, readonly=True)
            self._local.store = store
            with self._guard:
                self._opened.append(store)
        return store

    @contextmanager
    def writer(self) -> Iterator[Store]:
        store = open_store(self.location)
        try:
            yield store
        finally:
            store.close()

    def close(self) -> None:
        with self._guard:
            for store in self._opened:
                with suppress(Exception):  # closing at shutdown is best effort
                    store.close()
            self._opened.clear()


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


# the command lines an error's hint may name, and the page that shows the same list
_COMMAND_PAGES = {
    "sessions": "/sessions",
    "coalitions": "/coalitions",
    "people": "/people",
    "threads": "/threads",
    "glossary": "/glossary",
}
_COMMAND_IN_HINT = re.compile(r"`forumlens ([a-z]+)[^`]*`")


# a portal address written in a hint ("see the list on /people", "see /sessions/ID#L167")
_PAGE_IN_HINT = re.compile(r"(?<![\w/])/(?:sessions|people|coalitions|threads|topics|glossary|search)\b[^\s,;)]*")


def page_hint(hint: str | None) -> tuple[str | None, str | None]:
    """An error's hint as a page reader can act on it: (text, link).

    The store's errors are written for the command line ("list them with `forumlens
    sessions`"); a visitor of the portal cannot run that, so a hint naming a command is
    replaced by a link to the page that lists the same things, or dropped if none does.
    A hint that already names a portal address ("see the list on /people") links it.
    """
    if not hint:
        return hint, None
    if (found := _COMMAND_IN_HINT.search(hint)) is None:
        address = _PAGE_IN_HINT.search(hint)
        # a sentence of its own on the page: "See the list on /people", as the replaced hints read
        return hint[0].upper() + hint[1:], address.group(0).rstrip(".:") if address else None
    url = _COMMAND_PAGES.get(found.group(1))
    return (f"See the list on {url}", url) if url else (None, None)


def _hint_parts(text: str | None, link: str | None) -> dict[str, Any]:
    """The hint around its link, so the page shows the link where the hint names it."""
    if not text or not link or link not in text:
        return {"hint": text, "hint_url": link, "hint_before": text, "hint_after": ""}
    before, _, after = text.partition(link)
    return {"hint": text, "hint_url": link, "hint_before": before, "hint_after": after}


def render_error(request: Request, status: int, message: str, hint: str | None = None) -> Response:
    """The one rendering of every error: JSON for the API, a readable page elsewhere."""
    if _wants_json(request):
        return JSONResponse(
            {"error": {"status": status, "message": message, "hint": api_hint(hint)}}, status_code=status
        )
    text, link = page_hint(hint)
    context = {"status": status, "message": message, **_hint_parts(text, link)}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


def _install_error_handler(app: FastAPI) -> None:
    async def handle(request: Request, exc: Exception) -> Response:
        if isinstance(exc, ForumlensError):
            return render_error(request, exc.status, exc.message, exc.hint)
        if isinstance(exc, StarletteHTTPException):
            message = "page not found" if exc.status_code == 404 else str(exc.detail)
            return render_error(request, exc.status_code, message)
        if isinstance(exc, RequestValidationError):  # each value in words ("page=0: pages are numbered from 1")
            return render_error(request, 422, invalid_request_message(exc.errors()))
        log.exception("internal error on %s", request.url.path)
        return render_error(request, 500, "internal error; the server log has the details")

    for kind in (ForumlensError, StarletteHTTPException, RequestValidationError, Exception):
        app.add_exception_handler(kind, handle)


def _install_docs(app: FastAPI) -> None:
    """Interactive API docs from the locally installed Swagger UI; a plain list without it."""
    try:
        import fastapi_offline  # ships Swagger UI 5 (OpenAPI 3.1) as package files

        assets: Path | None = Path(fastapi_offline.__file__).resolve().parent / "static"
    except ImportError:
        assets = None
    if assets is not None:
        app.mount("/api/docs/assets", StaticFiles(directory=assets), name="swagger-assets")

    @app.get("/api/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        return templates.TemplateResponse(
            request, "api_docs.html", {"swagger": assets is not None, "schema": app.openapi()}
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # browsers ask for it; an error in every log helps no one

    @app.get("/docs", include_in_schema=False)
    def docs_redirect() -> RedirectResponse:
        return RedirectResponse("/api/docs")


def create_app(
    store_location: str | None = None, settings: Settings | None = None, *, warm_threads: bool = True
) -> FastAPI:
    """The portal over the store at `store_location` (default: the settings' store).

    `warm_threads=False` leaves the threads unread until a page needs them (a caller that
    shows no thread pages, such as `publish --no-threads`).
    """
    settings = settings or load_settings()
    location = store_location or settings.db_location
    app = FastAPI(
        title="forumlens",
        version=__version__,
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
        dependencies=[Depends(refuse_nul)],
        description="A cited, searchable record of IGF sessions and Dynamic Coalition outputs. "
        "Reading is public; writes need the admin token (FORUMLENS_ADMIN_TOKEN).",
    )
    app.state.settings = settings
    app.state.warm_threads = warm_threads
    app.state.stores = StoreProvider(location)
    cache_bytes = int(float(settings.values.get("portal_cache_mb") or 0) * 2**20)
    shared_dir = os.environ.get(SHARED_DIR_ENV)  # set by `serve --workers N`: one tier for all workers
    shared = SharedTier(shared_dir, cache_bytes * 4) if shared_dir and cache_bytes else None
    app.add_middleware(ResponseCache, version=store_version(location), max_bytes=cache_bytes, shared=shared)
    app.add_middleware(ActivityCounter)
    app.add_middleware(SecurityHeaders)  # outermost: cached responses get the headers too
    _install_error_handler(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _install_docs(app)
    app.include_router(api_router)
    include_feature_routers(app)
    from .threads import router as threads_router  # /threads pages and /api/threads

    app.include_router(threads_router)
    app.include_router(live_router)  # before the pages: /sessions/{id}/live
    app.include_router(pages_router)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Endpoints are plain functions run on a thread pool. Their work is mostly Python (the
    # GIL), so 40 threads (anyio's default) would only take turns in 5 ms slices, with the
    # event loop — which answers cached responses — waiting among them. A few threads
    # still overlap SQLite's I/O (it releases the GIL); the rest of the requests queue in order.
    import anyio.to_thread

    threads = int(app.state.settings.values.get("portal_threads") or 4)
    anyio.to_thread.current_default_thread_limiter().total_tokens = max(1, threads)
    warm = _warm_threads(app.state.stores.location) if app.state.warm_threads else None
    app.state.threads_warm_up = warm
    yield
    if warm is not None:
        warm.join(timeout=_WARM_JOIN_S)
    app.state.stores.close()


_WARM_JOIN_S = 2.0  # at shutdown, a warm-up still reading (its own store) is not waited for longer: it is a daemon


def _warm_threads(location: str) -> threading.Thread:
    """Read the store's threads in the background at start-up (seconds on a large store), so the first
    coalition or thread page does not wait for them; requests that come sooner wait for this read."""
    from .threads import warm_threads

    warm = threading.Thread(target=warm_threads, args=(location,), name="forumlens-threads-warm-up", daemon=True)
    warm.start()
    return warm


def app_from_environment() -> FastAPI:
    """Factory for multi-worker uvicorn: settings (and FORUMLENS_DB) from the environment."""
    return create_app()

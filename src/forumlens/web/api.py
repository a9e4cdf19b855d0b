"""The JSON API under /api/: the same read model as the pages, plus the write endpoints.

Shapes follow the DESIGN.md contracts (`/api/sessions/{id}` is the `report` contract,
`/api/search` the `search` contract, `/api/briefs` the `brief` contract), extended
but never renamed. Writes need the admin token (`security.require_admin`). Feature
modules add routers by exposing `router` (or `routers`) in `forumlens.route.api`;
`include_optional_routers` mounts them when that module exists.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import (
    APIRouter,
    Depends,
    FastAPI,
    File,
    Query,
    Request,
    Response,
    UploadFile,
)

from ..errors import ConfigError, InputTooLarge
from ..ingest import INGEST_SUFFIXES, known_people, prepare_bytes, store_prepared
from ..models import IngestOutcome
from ..store.base import Store
from . import records
from .briefs import build_topic_brief
from .graph import build_graph
from .related import coalition_partners, session_related
from .searching import run_search
from .security import require_admin

__all__ = ["OPTIONAL_ROUTER_MODULES", "include_optional_routers", "router"]

router = APIRouter(prefix="/api", tags=["read"])
OPTIONAL_ROUTER_MODULES = ("forumlens.route.api",)


def reader(request: Request) -> Store:
    """The calling thread's read-only store (see `app.StoreProvider`)."""
    return request.app.state.stores.reader()


StoreDep = Annotated[Store, Depends(reader)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=100_000)]


@router.get("", summary="What the API offers and how much is stored")
def api_root(store: StoreDep) -> dict[str, Any]:
    return {"counts": store.counts(), "openapi": "/openapi.json", "docs": "/api/docs",
            "endpoints": ["/api/sessions", "/api/sessions/{id}", "/api/sessions/{id}/related",
                          "/api/search", "/api/search/modes", "/api/people", "/api/people/{id}",
                          "/api/coalitions", "/api/coalitions/{id}",
                          "/api/coalitions/{id}/partners", "/api/tags", "/api/tags/{scheme}/{code}",
                          "/api/glossary", "/api/briefs", "/api/graph", "/api/ingest"]}


@router.get("/sessions", summary="Sessions (a JSON list, each with `id`), newest year first")
def api_sessions(store: StoreDep, response: Response, year: int | None = None, coalition: str | None = None,
                 tag: str | None = None, speaker: str | None = None, title: str | None = None,
                 affiliation: str | None = None, limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
    rows = records.session_list(store, year=year, coalition=coalition, tag=tag, speaker=speaker, title=title,
                                affiliation=affiliation, limit=limit + 1, offset=offset)
    if len(rows) > limit:
        response.headers["Link"] = f'</api/sessions?limit={limit}&offset={offset + limit}>; rel="next"'
    return rows[:limit]


@router.get("/sessions/{session_id}", summary="One session: the `report --json` contract with stored analyses")
def api_session(session_id: str, store: StoreDep) -> dict[str, Any]:
    return records.session_detail(store, session_id)


@router.get("/search", summary="Search what was said (the `search --json` contract); any text is safe")
def api_search(store: StoreDep, request: Request, q: str = "", speaker: str | None = None, year: int | None = None,
               session: str | None = None, coalition: str | None = None, tag: str | None = None,
               limit: Annotated[int | None, Query(ge=1, le=100)] = None, offset: Offset = 0,
               facets: bool = False,
               mode: Annotated[str, Query(description="lexical (default), semantic or hybrid; semantic and hybrid"
                                                      " need the semantic extra and stored embeddings (else 400)",
                                          max_length=20)] = "lexical") -> dict[str, Any]:
    limit = limit or int(request.app.state.settings.search_limit)
    page = run_search(store, q[:2000], speaker=speaker, session=session, year=year, coalition=coalition, tag=tag,
                      limit=limit, offset=offset, facets=facets, mode=mode)
    return page.to_json()


@router.get("/search/modes", summary="Search modes this server can answer now (lexical always)")
def api_search_modes(store: StoreDep) -> dict[str, Any]:
    from ..semantic import MODES, available_modes

    return {"modes": available_modes(store), "all": list(MODES), "default": "lexical"}


@router.get("/sessions/{session_id}/related",
            summary="Similar sessions, coalitions working on this, and with `line` similar turns (with evidence)")
def api_session_related(session_id: str, store: StoreDep, line: Annotated[int | None, Query(ge=1)] = None,
                        k: Annotated[int, Query(ge=1, le=20)] = 5) -> dict[str, Any]:
    return session_related(store, session_id, line=line, k=k)


@router.get("/coalitions/{coalition_id}/partners",
            summary="Partner suggestions: overlapping topics, not yet in a session together, with evidence")
def api_coalition_partners(coalition_id: str, store: StoreDep,
                           k: Annotated[int, Query(ge=1, le=20)] = 5) -> dict[str, Any]:
    return coalition_partners(store, coalition_id, k=k)


@router.get("/people", summary="People who spoke, most sessions first")
def api_people(store: StoreDep, name: str | None = None, limit: Limit = 200, offset: Offset = 0) -> list[dict[str, Any]]:
    return records.people_list(store, name=name, limit=limit, offset=offset)


@router.get("/people/{person_id}", summary="One person: labels, roles, affiliations, sessions")
def api_person(person_id: str, store: StoreDep) -> dict[str, Any]:
    return records.person_detail(store, person_id)


@router.get("/coalitions", summary="Coalitions seen in the record")
def api_coalitions(store: StoreDep) -> list[dict[str, Any]]:
    return records.coalition_list(store)


@router.get("/coalitions/{coalition_id}", summary="One coalition: profile, sessions, outputs, asks, partners")
def api_coalition(coalition_id: str, store: StoreDep) -> dict[str, Any]:
    return records.coalition_detail(store, coalition_id)


@router.get("/tags", summary="Topics (SDG, issue area, GDC objective) used in the record")
def api_tags(store: StoreDep, scheme: str | None = None) -> list[dict[str, Any]]:
    return records.tag_list(store, scheme)


@router.get("/tags/{scheme}/{code}", summary="One topic and its sessions")
def api_tag(scheme: str, code: str, store: StoreDep) -> dict[str, Any]:
    return records.tag_detail(store, scheme, code)


@router.get("/glossary", summary="Terms and acronyms across the record, with their defining sentence")
def api_glossary(store: StoreDep, term: str | None = None) -> list[dict[str, Any]]:
    return records.glossary(store, term)


@router.get("/briefs", summary="A cited topic brief (the `brief --topic --json` contract); 503 until available")
def api_brief(store: StoreDep, topic: str, since: int | None = None, until: int | None = None,
              coalition: str | None = None) -> dict[str, Any]:
    return build_topic_brief(store, topic[:300], since=since, until=until, coalition=coalition)


@router.get("/graph", summary="Cooperation graph: actors and co-appearance edges")
def api_graph(store: StoreDep) -> dict[str, Any]:
    return build_graph(store)


@router.post("/ingest", status_code=201, tags=["write"], dependencies=[Depends(require_admin)],
             summary="Upload one transcript (multipart `file`) and store it; needs the admin token")
def api_ingest(request: Request, file: Annotated[UploadFile, File()], force: bool = False) -> dict[str, Any]:
    outcome = ingest_upload(request, file, force=force)
    return outcome.to_json()


def ingest_upload(request: Request, upload: UploadFile, *, force: bool = False) -> IngestOutcome:
    """Size limit and type check, then the same read → parse → analyse → save as `forumlens ingest`."""
    settings = request.app.state.settings
    name = (upload.filename or "upload").replace("\\", "/").rsplit("/", 1)[-1][:200] or "upload"
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if suffix not in INGEST_SUFFIXES:
        raise ConfigError(f"{name!r} is not a transcript file type",
                          hint="upload .txt, .html, .md (" + ", ".join(sorted(s for s in INGEST_SUFFIXES if s)) + ")")
    max_bytes = int(settings.max_input_mb * 1_000_000)
    data = upload.file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLarge(f"is above the {max_bytes / 1e6:.0f} MB upload limit", source=name,
                            hint="raise FORUMLENS_MAX_INPUT_MB on the server if this file is genuine")
    source = f"upload:{name}"
    prepared = prepare_bytes(data, source, options={"words_per_minute": settings.words_per_minute})
    if prepared.error is not None:
        raise prepared.error
    assert prepared.document is not None
    with request.app.state.stores.writer() as store:
        if not force and store.has_document(prepared.document.sha256):
            return IngestOutcome(source, "skipped", "already stored (same content)", session=prepared.document.sha256[:12])
        return store_prepared(store, prepared, force=force, known=known_people(store))


def _share_dependencies(app: FastAPI, module: Any) -> None:
    """Give a feature router the app's settings and store instead of opening its own.

    Feature routers declare `get_settings()` and `get_store()` dependencies; the app
    overrides them so the whole server uses one configuration and one store location.
    """
    if callable(getattr(module, "get_settings", None)):
        app.dependency_overrides[module.get_settings] = lambda: app.state.settings
    if callable(getattr(module, "get_store", None)):
        def shared_store() -> Iterator[Store]:
            with app.state.stores.writer() as store:
                yield store
        app.dependency_overrides[module.get_store] = shared_store


def include_optional_routers(app: FastAPI) -> list[str]:
    """Mount routers of feature modules that exist (e.g. subscribers); returns their module names."""
    mounted = []
    for module_name in OPTIONAL_ROUTER_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # the feature is not there yet
            raise
        _share_dependencies(app, module)
        extra = getattr(module, "routers", None) or [getattr(module, "router", None)]
        for item in extra:
            if item is not None:
                app.include_router(item)
        mounted.append(module_name)
    return mounted


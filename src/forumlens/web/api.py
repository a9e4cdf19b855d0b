"""The JSON API under /api/: the same read model as the pages, plus the write endpoints.

Shapes follow the DESIGN.md contracts (`/api/sessions/{id}` is the `report` contract,
`/api/search` the `search` contract, `/api/briefs` the `brief` contract), extended
but never renamed. Writes need the admin token (`security.require_admin`). The
channels' router (`forumlens.route.api`: subscribers, feeds) is mounted by
`include_feature_routers`, sharing the app's settings and stores.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Annotated, Any
from urllib.parse import quote, quote_plus, urlencode

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
from fastapi.responses import RedirectResponse

from ..commands.search_notes import as_typed, filter_words, nothing_to_find
from ..dates import parse_year_bound, year_range
from ..errors import ConfigError, InputTooLarge, NotFound
from ..filetypes import ACCEPTED
from ..ingest import INGEST_SUFFIXES, TABLE_SUFFIXES, IngestOptions, ingest_bytes, sniff_caption_table
from ..models import IngestOutcome
from ..route import api as route_api
from ..store.base import Store
from . import views
from .briefs import build_topic_brief
from .form_input import read_form, stored_coalition
from .graph import build_graph
from .related import coalition_partners, session_related
from .searching import clean_search_input, run_search
from .security import require_admin

log = logging.getLogger(__name__)

__all__ = ["include_feature_routers", "router"]

router = APIRouter(prefix="/api", tags=["read"])


def reader(request: Request) -> Store:
    """The calling thread's read-only store (see `app.StoreProvider`)."""
    return request.app.state.stores.reader()


StoreDep = Annotated[Store, Depends(reader)]
Limit = Annotated[int, Query(ge=1, le=500)]
_YEAR = "a year (2021); a month or a day (2021-06, 2021-06-30) stands for its year"
Offset = Annotated[int, Query(ge=0, le=100_000)]


@router.get("", summary="What the API offers and how much is stored")
def api_root(store: StoreDep) -> dict[str, Any]:
    return {
        "counts": store.counts(),
        "openapi": "/openapi.json",
        "docs": "/api/docs",
        "endpoints": [
            "/api/sessions",
            "/api/sessions/{id}",
            "/api/sessions/{id}/related",
            "/api/sessions/{id}/events",
            "/api/search",
            "/api/search/modes",
            "/api/people",
            "/api/people/{id}",
            "/api/coalitions",
            "/api/coalitions/{id}",
            "/api/coalitions/{id}/partners",
            "/api/tags",
            "/api/tags/{scheme}/{code}",
            "/api/glossary",
            "/api/briefs",
            "/api/graph",
            "/api/threads",
            "/api/threads/{id}",
            "/api/ingest",
        ],
    }


@router.get("/sessions", summary="Sessions (a JSON list, each with `id`), newest year first")
def api_sessions(
    store: StoreDep,
    response: Response,
    year: Annotated[str | None, Query(description=_YEAR)] = None,
    coalition: str | None = None,
    tag: str | None = None,
    speaker: str | None = None,
    title: str | None = None,
    affiliation: str | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    rows = views.session_list(
        store,
        year=parse_year_bound(year, name="year", allow_empty=True),
        coalition=coalition,
        tag=tag,
        speaker=speaker,
        title=title,
        affiliation=affiliation,
        limit=limit + 1,
        offset=offset,
    )
    if len(rows) > limit:
        response.headers["Link"] = f'</api/sessions?limit={limit}&offset={offset + limit}>; rel="next"'
    return rows[:limit]


@router.get("/sessions/{session_id}", summary="One session: the `report --json` contract with stored analyses")
def api_session(session_id: str, store: StoreDep) -> dict[str, Any]:
    return views.session_detail(store, session_id)


@router.get("/search", summary="Search what was said (the `search --json` contract); any text is safe")
def api_search(
    store: StoreDep,
    request: Request,
    q: str = "",
    speaker: str | None = None,
    year: Annotated[str | None, Query(description=_YEAR)] = None,
    session: str | None = None,
    coalition: str | None = None,
    tag: str | None = None,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    offset: Offset = 0,
    facets: bool = False,
    mode: Annotated[
        str,
        Query(
            description="lexical (default), semantic or hybrid; semantic needs the semantic extra and"
            " stored embeddings (else 400); hybrid without them answers lexically and says why in `notice`",
            max_length=20,
        ),
    ] = "lexical",
) -> dict[str, Any]:
    limit = limit or int(request.app.state.settings.search_limit)
    q, typed, input_note = clean_search_input(
        q[:2000], {"speaker": speaker, "session": session, "coalition": coalition, "tag": tag}
    )
    # as the page and the CLI read them: "2021-06" is 2021, "21" a 400; an unknown coalition a 404 naming the nearest
    form = read_form(store, year=year, coalition=typed["coalition"])
    notice = None
    if mode.strip().lower() == "hybrid":  # without vectors: the lexical half, and a notice saying why
        from ..semantic import hybrid_notice

        notice = hybrid_notice(store)
        mode = "lexical" if notice else mode
    page = run_search(
        store,
        q,
        speaker=typed["speaker"],
        session=typed["session"],
        year=form.year,
        coalition=form.coalition,
        tag=typed["tag"],
        limit=limit,
        offset=offset,
        facets=facets,
        mode=mode,
    )
    narrowed = {"speaker": speaker, "session": session, "year": year, "coalition": form.coalition, "tag": tag}
    empty = _why_empty(q, narrowed, offset) if not page.hits else None
    notices = [n for n in (input_note, notice, empty) if n]
    return {**page.to_json(), "notice": "; ".join(notices) if notices else None}


def _why_empty(q: str, filters: dict[str, Any], offset: int) -> str | None:
    """Why a search answered nothing: no query at all, no word to look for, or the filters (named, so the
    client knows what to drop); None for an ordinary miss of the words."""
    if not q.strip():
        return "q is empty: give words to search for, e.g. q=funding"
    if (why := nothing_to_find(q)) is not None:
        return why
    if (typed := filter_words(q)) is not None:
        params = urlencode(typed[1])
        return f"{as_typed(typed[1])} is searched as words, not as a filter: give q={quote_plus(typed[0]) or 'WORDS'}&{params}"
    given = [f"{name}={value}" for name, value in filters.items() if value]
    if offset:
        given.append(f"offset={offset}")
    if given:
        return f"nothing matched with {', '.join(given)}: drop {'it' if len(given) == 1 else 'them'} to search the whole record"
    return None


@router.get("/search/modes", summary="Search modes this server can answer now (lexical always)")
def api_search_modes(store: StoreDep) -> dict[str, Any]:
    from ..semantic import MODES, available_modes

    return {"modes": available_modes(store), "all": list(MODES), "default": "lexical"}


@router.get(
    "/sessions/{session_id}/related",
    summary="Similar sessions, coalitions working on this, and with `line` similar turns (with evidence)",
)
def api_session_related(
    session_id: str,
    store: StoreDep,
    line: Annotated[int | None, Query(ge=1)] = None,
    k: Annotated[int, Query(ge=1, le=20)] = 5,
) -> dict[str, Any]:
    return session_related(store, session_id, line=line, k=k)


@router.get(
    "/coalitions/{coalition_id}/partners",
    summary="Partner suggestions: overlapping topics, not yet in a session together, with evidence",
)
def api_coalition_partners(
    coalition_id: str, store: StoreDep, k: Annotated[int, Query(ge=1, le=20)] = 5
) -> dict[str, Any]:
    return coalition_partners(store, coalition_id, k=k)


@router.get("/people", summary="People who spoke, most sessions first")
def api_people(
    store: StoreDep, name: str | None = None, limit: Limit = 200, offset: Offset = 0
) -> list[dict[str, Any]]:
    return views.people_list(store, name=name, limit=limit, offset=offset)


@router.get(
    "/people/{person_id}",
    summary="One person: labels, roles, affiliations, sessions; a caption label variant redirects (308) to the person",
    response_model=None,
)
def api_person(person_id: str, store: StoreDep) -> dict[str, Any] | RedirectResponse:
    """A label variant ("maria-kovach") is the person it was merged into, as on the page: a 308 to
    their one address, so a client following redirects gets the person in the same shape and a
    cache keeps one copy; a flagged caption label stays a 404 that says why."""
    try:
        return views.person_detail(store, person_id)
    except NotFound:
        merged = views.person_of_label(store, person_id)
        if merged is None:
            raise
        return RedirectResponse(f"/api/people/{merged}", status_code=308)


@router.get("/coalitions", summary="Coalitions seen in the record")
def api_coalitions(store: StoreDep) -> list[dict[str, Any]]:
    return views.coalition_list(store)


@router.get("/coalitions/{coalition_id}", summary="One coalition: profile, sessions, outputs, asks, partners")
def api_coalition(coalition_id: str, store: StoreDep) -> dict[str, Any]:
    return views.coalition_detail(store, coalition_id)


@router.get("/tags", summary="Topics (SDG, issue area, GDC objective) used in the record")
def api_tags(store: StoreDep, scheme: str | None = None) -> list[dict[str, Any]]:
    return views.tag_list(store, scheme)


@router.get(
    "/tags/{scheme}/{code}",
    summary="One topic and its sessions; an address in another case (sdg/sdg5) redirects (308) to its own",
    response_model=None,
)
def api_tag(scheme: str, code: str, store: StoreDep) -> dict[str, Any] | RedirectResponse:
    if (canonical := views.canonical_tag(store, scheme, code)) != (scheme, code):
        return RedirectResponse(f"/api/tags/{quote(canonical[0])}/{quote(canonical[1])}", status_code=308)
    return views.tag_detail(store, scheme, code)


@router.get("/glossary", summary="Terms and acronyms across the record, with their defining sentence")
def api_glossary(store: StoreDep, term: str | None = None) -> list[dict[str, Any]]:
    return views.glossary(store, term)


@router.get("/briefs", summary="A cited topic brief (the `brief --topic --json` contract)")
def api_brief(
    store: StoreDep, topic: str, since: str | None = None, until: str | None = None, coalition: str | None = None
) -> dict[str, Any]:
    lo, hi = year_range(since, until, allow_empty=True)  # "21" is an error (400), not the year 21
    name = stored_coalition(store, coalition) if coalition else None  # unknown: 404 with suggestions
    return build_topic_brief(store, topic, since=lo, until=hi, coalition=name)


@router.get("/graph", summary="Cooperation graph: actors and co-appearance edges")
def api_graph(store: StoreDep) -> dict[str, Any]:
    return build_graph(store)


@router.post(
    "/ingest",
    status_code=201,
    tags=["write"],
    dependencies=[Depends(require_admin)],
    summary="Upload one transcript (multipart `file`) and store it; needs the admin token",
)
def api_ingest(request: Request, file: Annotated[UploadFile, File()], force: bool = False) -> dict[str, Any]:
    outcome = ingest_upload(request, file, force=force)
    return outcome.to_json()


def ingest_upload(request: Request, upload: UploadFile, *, force: bool = False) -> IngestOutcome:
    """Size limit and type check, then the same read → parse → analyse → save as `forumlens ingest`."""
    settings = request.app.state.settings
    name = (upload.filename or "upload").replace("\\", "/").rsplit("/", 1)[-1][:200] or "upload"
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if suffix not in INGEST_SUFFIXES | TABLE_SUFFIXES:
        raise ConfigError(
            f"{name!r} is not a transcript file type",
            hint=f"upload {ACCEPTED}",
        )
    max_bytes = int(settings.max_input_mb * 1_000_000)
    data = upload.file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLarge(
            f"is above the {max_bytes / 1e6:.0f} MB upload limit",
            source=name,
            hint="raise FORUMLENS_MAX_INPUT_MB on the server if this file is genuine",
        )
    if suffix in TABLE_SUFFIXES and not sniff_caption_table(data, name):
        # as in folder ingest: a spreadsheet is not a session (`ingest.TABLE_SUFFIXES`)
        raise ConfigError(
            f"{name!r} is a table but not a caption export",
            hint="a caption .csv/.tsv has a header row naming a speaker column and a text column",
        )
    options = IngestOptions.from_settings(settings, force=force)
    with request.app.state.stores.writer() as store:
        return ingest_bytes(
            store,
            data,
            f"upload:{name}",
            options,
            on_warning=lambda message: log.warning("upload %s: %s", name, message),
        )


def include_feature_routers(app: FastAPI) -> None:
    """Mount the channels' router, with the app's settings and a writable store of the app's location.

    That router declares `get_settings()` and `get_store()` dependencies; the app
    overrides them so the whole server uses one configuration and one store location.
    """
    app.dependency_overrides[route_api.get_settings] = lambda: app.state.settings

    def shared_store() -> Iterator[Store]:
        with app.state.stores.writer() as store:
            yield store

    app.dependency_overrides[route_api.get_store] = shared_store
    app.include_router(route_api.router)

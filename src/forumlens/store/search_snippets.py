"""FTS5 snippets for one page of hits, made on a scratch index of that page alone.

`snippet()` must run in a query on the index that matched, and asking the store's whole
index for 20 chosen turns re-evaluates the query once per turn (`rowid IN (…)`): for a
prefix term that is a merge of every doclist under the prefix, 20 times over (80 ms and
more at 1,000 sessions). FTS5's snippet of a turn depends only on that turn's text and
the query (its tokens, phrase hits and their positions; no corpus statistics), so the
page's turns are copied into a small in-memory FTS5 table with the store's columns and
tokenizer and the snippets are taken there: the same text, in a few hundred microseconds.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from ..models import SearchHit
from .fts import FTS5_TOKENIZE
from .sql import SNIPPET_CLOSE, SNIPPET_OPEN, line_of_first

__all__ = ["SNIPPET_TOKENS", "page_hits", "page_snippets", "whole_words"]

SNIPPET_TOKENS = 20  # as the exhaustive path's snippet(turns_fts, 0, …, '…', 20)
ELLIPSIS = "…"
# the longest piece of a word a snippet's edge is completed with ("t" → "don't"); past it
# (a URL, a run of digits) the piece is dropped instead
_MOST_COMPLETED = 24
_lock = threading.Lock()
_scratch: sqlite3.Connection | None = None


def _connection() -> sqlite3.Connection:
    """The process's scratch index (same columns and tokenizer as turns_fts), made once."""
    global _scratch
    if _scratch is None:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.execute(f"CREATE VIRTUAL TABLE page USING fts5(text, speaker_key, tokenize='{FTS5_TOKENIZE}')")
        _scratch = conn
    return _scratch


def page_snippets(match: str, rows: Sequence[tuple[int, str, str]]) -> dict[int, str]:
    """`snippet(turns_fts, 0, OPEN, CLOSE, '…', 20)` of each (turn id, text, speaker key) under `match`.

    The rows are inserted inside a transaction that is rolled back, so the scratch table
    is empty between calls; one lock serialises the (sub-millisecond) calls of threads.
    A turn the expression does not match (its text changed since it was ranked) is absent.
    """
    if not rows:
        return {}
    with _lock:
        conn = _connection()
        conn.execute("BEGIN")
        try:
            conn.executemany("INSERT INTO page (rowid, text, speaker_key) VALUES (?, ?, ?)", rows)
            found = conn.execute(
                "SELECT rowid, snippet(page, 0, ?, ?, '…', ?) FROM page WHERE page MATCH ?",
                (SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_TOKENS, match),
            ).fetchall()
        finally:
            conn.execute("ROLLBACK")
    return {int(rowid): str(snippet) for rowid, snippet in found}


def whole_words(snippet: str, text: str) -> str:
    """`snippet` (FTS5's, markers included) with a word cut at either edge completed from `text`.

    FTS5 cuts at its tokens, and its tokenizer splits words at apostrophes and hyphens, so
    a snippet could open with "…t know" (of "don't know") or end in "e-…". The snippet's
    text is a verbatim slice of the turn's (FTS5 copies the source between tokens), so
    it is found there and widened to the spaces around it; an edge that reaches the
    turn's own start or end loses its "…". A piece longer than `_MOST_COMPLETED` is
    dropped rather than completed; a snippet not found in `text` is returned unchanged.
    """
    opens, closes = snippet.startswith(ELLIPSIS), snippet.endswith(ELLIPSIS)
    body = snippet[len(ELLIPSIS) if opens else 0 : len(snippet) - len(ELLIPSIS) if closes else len(snippet)]
    plain = body.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "")
    start = text.find(plain) if plain else -1
    if start < 0:
        return snippet
    end = start + len(plain)
    head = _word_edge(text, start, -1)
    tail = _word_edge(text, end, 1)
    if head is None:  # too long to complete: drop the piece
        head, body = start, _drop_piece(body, -1)
    if tail is None:
        tail, body = end, _drop_piece(body, 1)
    lead = ELLIPSIS if text[:head].strip() else ""
    trail = ELLIPSIS if text[tail:].strip() else ""
    return lead + text[head:start] + body + text[end:tail] + trail


def _word_edge(text: str, at: int, step: int) -> int | None:
    """The index where the word running through `at` ends going `step` (-1 back, 1 forward); None if too far."""
    i = at
    while (i > 0) if step < 0 else (i < len(text)):
        if text[i - 1 if step < 0 else i].isspace():
            return i
        i += step
        if abs(i - at) > _MOST_COMPLETED:
            return None
    return i


def _drop_piece(body: str, side: int) -> str:
    """`body` without its partial first (`side` -1) or last (1) word; unchanged if the piece is marked."""
    parts = body.split(None, 1) if side < 0 else body.rsplit(None, 1)
    if len(parts) < 2 or SNIPPET_OPEN in (parts[0] if side < 0 else parts[1]):
        return body
    return parts[1] if side < 0 else parts[0]


def page_hits(
    page: Sequence[tuple[int, float]],
    details: Mapping[Any, Sequence[Any]],
    snippets: Mapping[int, str],
    words: list[str],
) -> list[SearchHit]:
    """The hits of one ranked page, best first, on either store.

    `details` maps a turn id to (session, end line, speaker, label, text, speaker key, title);
    `snippets` are `page_snippets`'. A turn missing from either (replaced by an ingest since it
    was ranked) is left out; `words` (`highlight_terms`) place each hit on its first matching line.
    """
    hits = []
    for turn_id, score in page:
        if turn_id not in details or turn_id not in snippets:
            continue
        sid, end_line, speaker, label, text, _key, title = details[turn_id]
        hits.append(
            SearchHit(
                session=sid,
                line=line_of_first(text, end_line, words),
                speaker=speaker,
                snippet=whole_words(snippets[turn_id], text).replace(SNIPPET_OPEN, "**").replace(SNIPPET_CLOSE, "**"),
                score=score,
                title=title,
                label=label,
            )
        )
    return hits

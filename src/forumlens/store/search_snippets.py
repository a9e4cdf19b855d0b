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

__all__ = ["SNIPPET_TOKENS", "page_snippets"]

SNIPPET_TOKENS = 20  # as the exhaustive path's snippet(turns_fts, 0, …, '…', 20)
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
                snippet=snippets[turn_id].replace(SNIPPET_OPEN, "**").replace(SNIPPET_CLOSE, "**"),
                score=score,
                title=title,
                label=label,
            )
        )
    return hits

"""User search strings → a safe query, for any back end.

Users type anything: quotes, `AND`/`OR`/`NEAR`, `*`, `-word`, unbalanced parentheses,
emoji, 10,000 characters. We parse that into a small `Query` of terms, and each store
renders it in its own syntax with every term quoted, so no input can raise a syntax
error. Supported: "quoted phrases", `OR` between terms, `-word` or `NOT word` to
exclude, `word*` for a prefix; everything else is a plain term (implicit AND).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .models import SearchHit

__all__ = [
    "CANDIDATE_CAP",
    "Query",
    "SearchFilters",
    "SearchResults",
    "Term",
    "candidate_window",
    "highlight_terms",
    "page_of",
    "parse_query",
    "rank_candidates",
    "to_fts5",
]

MAX_TERMS = 32
MAX_TERM_CHARS = 64
MAX_LIMIT = 1000
# Most matches one search scores. bm25 (SQLite) and ts_rank (PostgreSQL) cost a few
# microseconds per matching turn, so a common word in a large archive spends tens of
# milliseconds scoring rows nobody will see. Past the cap, a search ranks the most
# recently stored `CANDIDATE_CAP` matches (the highest turn ids: the same turns on both
# stores) and says so (`SearchResults.total_is_estimate`); a query with fewer matches is
# ranked whole, exactly as without a cap. 2,000 keeps the scoring near 2 ms on SQLite.
CANDIDATE_CAP = 2000
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or several for a phrase
    prefix: bool = False
    negate: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Query:
    """Disjunction of conjunctions: groups are OR-ed, terms inside a group AND-ed."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(self.groups)

    @property
    def terms(self) -> list[Term]:
        return [t for g in self.groups for t in g]


@dataclass(frozen=True)
class SearchFilters:
    speaker: str | None = None
    session: str | None = None
    year: int | None = None
    tag: str | None = None
    coalition: str | None = None
    limit: int = 20
    offset: int = 0
    extra: dict[str, str] = field(default_factory=dict)
    # matches ranked at most (see CANDIDATE_CAP); None ranks every match (the slower,
    # exhaustive path, kept for comparison and for callers that need every match ranked)
    candidates: int | None = CANDIDATE_CAP


class SearchResults(list[SearchHit]):
    """The hits of one search, best first, and how many matches they were ranked among.

    A plain list to every caller that wants hits; `total` is the number of matching turns
    that were ranked (None when the exhaustive path did not count them) and
    `total_is_estimate` is True when the candidate cap was reached, so more turns match
    than `total` and the ranking covers the most recently stored of them only.
    """

    def __init__(self, hits: Iterable[SearchHit] = (), *, total: int | None = None, total_is_estimate: bool = False):
        super().__init__(hits)
        self.total = total
        self.total_is_estimate = total_is_estimate


def page_of(filters: SearchFilters) -> tuple[int, int]:
    """(offset, limit) of the requested page, clamped as every store clamps them."""
    return max(0, filters.offset), max(1, min(filters.limit, MAX_LIMIT))


def candidate_window(filters: SearchFilters) -> int | None:
    """How many matches to rank: the cap, widened so the requested page always fits;
    None for the exhaustive path."""
    if filters.candidates is None:
        return None
    offset, limit = page_of(filters)
    return max(1, filters.candidates, offset + limit)


def rank_candidates(
    candidates: Sequence[tuple[int, float]], filters: SearchFilters
) -> tuple[list[tuple[int, float]], int, bool]:
    """The requested page of (turn id, score) candidates, best first; how many were ranked; capped or not.

    `candidates` come newest first (turn id descending), at most `candidate_window + 1`
    of them, so one extra row tells that the cap was reached; it is dropped, and the rest
    are ordered by score (higher is better), then turn id: the order the exhaustive SQL
    gives, so an uncapped query returns exactly the exhaustive page.
    """
    window = candidate_window(filters)
    capped = window is not None and len(candidates) > window
    pool = candidates[:window] if capped else candidates
    offset, limit = page_of(filters)
    best = heapq.nsmallest(offset + limit, pool, key=lambda row: (-row[1], row[0]))
    return best[offset:], len(pool), capped


def _words(text: str) -> tuple[str, ...]:
    return tuple(w[:MAX_TERM_CHARS] for w in _WORD.findall(text))


def parse_query(text: str) -> Query:
    """Parse any string into a Query; never raises.

    >>> q = parse_query('"net neutrality" OR interop* -telcos')
    >>> [[t.text for t in g] for g in q.groups], [t.text for t in q.excluded]
    ([['net neutrality'], ['interop']], ['telcos'])
    """
    groups: list[list[Term]] = [[]]
    excluded: list[Term] = []
    negate_next = False
    count = 0
    for match in _TOKEN.finditer(text or ""):
        if count >= MAX_TERMS:
            break
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            words = _words(phrase)
            if not words:
                continue
            term = Term(words[:MAX_TERMS], negate=negate_next)
        else:
            if word in {"OR", "|", "||"}:
                if groups[-1]:
                    groups.append([])
                continue
            if word in {"AND", "&&", "NEAR", "&"}:
                continue
            if word == "NOT":
                negate_next = True
                continue
            negate = negate_next or (word.startswith("-") and len(word) > 1)
            prefix = word.rstrip(")").endswith("*")
            words = _words(word)
            if not words:
                negate_next = False
                continue
            # "wi-fi", "e-mail": a hyphenated word is a phrase of its parts
            term = Term(words, prefix=prefix and len(words) == 1, negate=negate)
        negate_next = False
        count += 1
        (excluded if term.negate else groups[-1]).append(term)
    return Query(tuple(tuple(g) for g in groups if g), tuple(excluded))


def _fts5_term(term: Term) -> str:
    quoted = '"' + " ".join(term.words).replace('"', '""') + '"'
    return quoted + ("*" if term.prefix else "")


def to_fts5(query: Query) -> str | None:
    """SQLite FTS5 MATCH expression with every term quoted; None when nothing to match."""
    if query.empty:
        return None
    groups = ["(" + " AND ".join(_fts5_term(t) for t in g) + ")" for g in query.groups]
    expr = " OR ".join(groups)
    if query.excluded:
        expr = "(" + expr + ")" + "".join(" NOT " + _fts5_term(t) for t in query.excluded)
    return expr


def highlight_terms(query: Query) -> list[str]:
    """Lower-case words to look for when locating the line of a hit."""
    return [w.lower() for t in query.terms for w in t.words]

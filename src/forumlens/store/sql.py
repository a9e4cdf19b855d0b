"""Pure SQL builders: (sql, params) from plain arguments, run elsewhere.

Kept apart from the connection code so they can be tested with parameter tables and
shared by both back ends (`dialect` picks the placeholder and text-search syntax).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..models import speech_first_line
from ..search import SearchFilters
from ..transcript.speakers import name_key

__all__ = [
    "SEARCH_TABLE",
    "candidates_sql",
    "filter_sql",
    "filter_value",
    "line_of_first",
    "page_sql",
    "pg_candidates_sql",
    "pg_phrase_candidates_sql",
    "pg_search_filters",
    "pg_search_sql",
    "rank_newest",
    "search_sql",
    "sessions_sql",
    "snippet_sql",
    "without_controls",
]

SNIPPET_OPEN = "\x02"
SNIPPET_CLOSE = "\x03"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # C0, DEL and C1 control characters
_LAYOUT = "\t\n\r"  # controls that are spacing in a pasted query, not garbage


def without_controls(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` with each control character replaced by a space, and the ones removed ("U+0000", …).

    No transcript word holds a control character, a NUL cannot even be sent to
    PostgreSQL (the store would fail where SQLite quietly finds nothing), and echoed
    into a page it is garbage. Tabs and line breaks are spacing, replaced but not
    reported; the others are named so a page can say what it removed. The one definition:
    the search filters (`filter_value`) and the portal's search input use it.
    """
    removed = sorted({c for c in _CONTROL.findall(text) if c not in _LAYOUT})
    return _CONTROL.sub(" ", text), tuple(f"U+{ord(c):04X}" for c in removed)


def filter_value(value: str | None) -> str | None:
    """A text filter as every store reads it: without control characters or surrounding space; None if nothing is left.

    A control character matches nothing stored and a NUL is an error on PostgreSQL only, so
    both stores read every text filter (speaker, session, tag, coalition) through this and
    answer alike; a filter left blank filters nothing, as an absent one.
    """
    return (without_controls(value)[0].strip() or None) if value else None


def filter_sql(
    filters: SearchFilters,
    ph: str = "?",
    dialect: str = "sqlite",
    *,
    turn: str = "t",
    session_of: str | None = None,
) -> tuple[list[str], list[Any]]:
    """WHERE clauses (AND-ed) and parameters for the search filters.

    The clauses read the turn's `speaker_key`, `person_key` and `session_id` through alias
    `turn` and the session through `s`; a speaker matches the caption label or the person
    the turn is counted for (`person_key`, written with the people analysis: store/credited.py);
    `session_of` names the session id the tag and coalition filters test (default the
    turn's; `s.id` where no turn is joined).

    On PostgreSQL, LIKE gets `ESCAPE ''` (its default escape is a backslash, SQLite has
    none, and a trailing backslash would be an error) and `lower()` runs in the C
    collation, which folds ASCII only, as SQLite's `lower()` does.
    """
    postgres = dialect == "postgres"
    filters = replace(  # both stores read the values alike (`filter_value`)
        filters,
        speaker=filter_value(filters.speaker),
        session=filter_value(filters.session),
        tag=filter_value(filters.tag),
        coalition=filter_value(filters.coalition),
    )
    session_of = session_of or f"{turn}.session_id"
    collate = ' COLLATE "C"' if postgres else ""
    lower = f"lower(s.title{collate})"
    escape = " ESCAPE ''" if postgres else ""
    where: list[str] = []
    params: list[Any] = []
    if filters.speaker:
        where.append(f"({turn}.speaker_key LIKE {ph}{escape} OR {turn}.person_key LIKE {ph}{escape})")
        pattern = "%" + name_key(filters.speaker) + "%"
        params.extend([pattern, pattern])
    if filters.session:
        where.append(f"(s.id LIKE {ph}{escape} OR {lower} LIKE {ph}{escape})")
        params.extend([filters.session.lower() + "%", "%" + filters.session.lower() + "%"])
    if filters.year is not None:
        where.append(f"s.year = {ph}")
        params.append(int(filters.year))
    if filters.tag:
        where.append(f"{session_of} IN (SELECT session_id FROM tags WHERE upper(code{collate}) = {ph})")
        params.append(filters.tag.strip().upper())
    if filters.coalition:
        where.append(
            f"{session_of} IN (SELECT session_id FROM coalition_mentions"
            f" WHERE lower(coalition{collate}) LIKE {ph}{escape} OR lower(acronym{collate}) = {ph})"
        )
        params.extend(["%" + filters.coalition.strip().lower() + "%", filters.coalition.strip().lower()])
    return where, params


def candidates_sql(match: str, filters: SearchFilters, window: int) -> tuple[str, list[Any]]:
    """The newest `window + 1` matching turns with their bm25 scores (phase 1 of a capped search).

    FTS5 walks its doclists in turn-id order and stops after `window + 1` rows that pass
    the filters, so bm25 is computed for those rows only; the extra row tells the caller
    the cap was reached. The index stays the outer loop (`CROSS JOIN`, and `+rowid` so the
    id set is not handed to FTS5 as lookups): a plan that queried the index once per turn
    would redo a prefix term's merge for every turn. The session and year filters become
    one set of turn ids, read from indexes once, instead of a turn and a session looked
    up for each match; the turn filters (speaker, tag, coalition) read the matching turn.
    """
    session_where, session_params = filter_sql(replace(filters, speaker=None, tag=None, coalition=None))
    turn_where, turn_params = filter_sql(replace(filters, session=None, year=None))
    clauses = ["turns_fts MATCH ?"]
    if session_where:
        clauses.append(
            "+turns_fts.rowid IN (SELECT t.id FROM turns t JOIN sessions s ON s.id = t.session_id"
            f" WHERE {' AND '.join(session_where)})"
        )
    clauses += turn_where
    join = " CROSS JOIN turns t ON t.id = turns_fts.rowid" if turn_where else ""
    sql = (
        f"SELECT turns_fts.rowid, bm25(turns_fts, 1.0, 0.3) FROM turns_fts{join}"
        f" WHERE {' AND '.join(clauses)} ORDER BY turns_fts.rowid DESC LIMIT ?"
    )
    return sql, [match, *session_params, *turn_params, window + 1]


def page_sql(ids: list[int]) -> tuple[str, list[Any]]:
    """Turn details and session titles of one page of hits (snippets come from store/search_snippets.py)."""
    marks = ", ".join("?" * len(ids))
    sql = (
        "SELECT t.id, t.session_id, t.end_line, t.speaker, t.label, t.text, t.speaker_key, s.title "
        f"FROM turns t JOIN sessions s ON s.id = t.session_id WHERE t.id IN ({marks})"
    )
    return sql, list(ids)


def search_sql(match: str, filters: SearchFilters, dialect: str = "sqlite") -> tuple[str, list[Any]]:
    """Ranked, filtered, paginated turn ids (phase 1 of an exhaustive search: every match scored).

    Only ids and scores are sorted; snippets and texts are fetched for the page alone
    (`snippet_sql`), since SQLite computes every selected column before sorting.
    """
    if dialect != "sqlite":
        raise ValueError(f"unknown dialect {dialect!r}")
    where, params = filter_sql(filters)
    clauses = " AND ".join(["turns_fts MATCH ?", *where])
    joins = "JOIN turns t ON t.id = turns_fts.rowid"
    if filters.session or filters.year is not None:
        joins += " JOIN sessions s ON s.id = t.session_id"
    sql = (
        "SELECT turns_fts.rowid, bm25(turns_fts, 1.0, 0.3) AS score FROM turns_fts "
        f"{joins} WHERE {clauses} ORDER BY score, turns_fts.rowid LIMIT ? OFFSET ?"
    )
    return sql, [match, *params, max(1, min(filters.limit, 1000)), max(0, filters.offset)]


def snippet_sql(match: str, ids: list[int]) -> tuple[str, list[Any]]:
    """Snippets and turn details for one page of hits (phase 2 of an exhaustive search)."""
    marks = ", ".join("?" * len(ids))
    sql = (
        "SELECT t.id, t.session_id, t.end_line, t.speaker, t.label, t.text, "
        f"snippet(turns_fts, 0, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 20), s.title "
        "FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid JOIN sessions s ON s.id = t.session_id "
        f"WHERE turns_fts MATCH ? AND turns_fts.rowid IN ({marks})"
    )
    return sql, [match, *ids]


# the columns of `SessionInfo`, in its order
SESSION_INFO_SQL = (
    "SELECT s.id, s.title, s.year, d.source, s.turn_count, s.speaker_count, s.word_count, d.ingested_at"
    " FROM sessions s JOIN documents d ON d.id = s.id"
)


def sessions_sql(year: int | None, limit: int, offset: int) -> tuple[str, list[Any]]:
    sql = SESSION_INFO_SQL
    params: list[Any] = []
    if year is not None:
        sql += " WHERE s.year = ?"
        params.append(year)
    sql += " ORDER BY s.year DESC, s.title, s.id LIMIT ? OFFSET ?"
    return sql, [*params, limit, offset]


# ts_rank weights {D, C, B, A}: speaker key (D) counts 0.3 of the text (A), as in bm25(…, 1.0, 0.3);
# normalisation 1 divides by 1 + log(length), favouring short turns as bm25 does
RANK_OF = "ts_rank('{{0.3, 0.3, 0.3, 1.0}}', {0}.tsv, q.q, 1)"
# PostgreSQL matches and ranks on this narrow table of migration 6 (turn id, session id, speaker key,
# tsvector), never on the wide `turns` rows
SEARCH_TABLE = "turn_search"
SEARCH_ALIAS = "x"


def pg_candidates_sql(tsquery: str, filters: SearchFilters, window: int) -> tuple[str, list[Any]]:
    """The newest `window + 1` matching turns with their ts_rank scores, for PostgreSQL (`%s` placeholders).

    Mirrors `candidates_sql`: the same turns (highest ids first), so both stores rank the
    same candidates; ts_rank runs on those rows alone, not on every match. The match and
    the rank read the narrow `turn_search` rows (migration 6); the filters are one set of
    session ids and the row's speaker key (`pg_search_filters`). The tsquery
    comes from a CTE the planner cannot see into, as in the exhaustive query, so it keeps
    the GIN index: given the words, its cost model would sometimes walk the primary key
    backwards testing every turn, fast for a word in a third of the turns and a
    whole-table scan for one in 1% (common words get that walk on purpose, bounded:
    `postgres.recent_span`).
    """
    source, where, params = pg_search_filters(filters)
    clauses = " AND ".join([f"{SEARCH_ALIAS}.tsv @@ q.q", *where])
    sql = f"WITH q AS (SELECT %s::tsquery AS q) {rank_newest(source, clauses)}"
    return sql, [tsquery, *params, window + 1]


# the adjacent word pairs of a turn's vector (PostgreSQL migration 7): the expression of the
# `turn_search_pairs` index, spelled exactly so, or the planner cannot use it
PAIRS_OF = "forumlens_word_pairs({0}.tsv)"


def pg_phrase_candidates_sql(
    tsquery: str, pairs: str, filters: SearchFilters, window: int, *, one_pass: bool
) -> tuple[str, list[Any]]:
    """`pg_candidates_sql` for a query of phrases, the turns found by their word pairs (`%s` placeholders).

    `pairs` (`fts.word_pairs_tsquery`) is a condition every match meets: the pair index
    hands over the turns holding the phrases' adjacent pairs, and only those are tested
    against the query (`IS TRUE` keeps the words' index out: its bitmap is every turn
    holding the words, the set this path avoids reading). The same rows as
    `pg_candidates_sql`, in the same order, with the same scores.

    `one_pass`: when the matches are expected to be few (a few times the window), each is
    ranked as it is read and the newest kept, instead of reading the newest again to rank
    them (`rank_newest`): one read of each row, not two.
    """
    source, where, params = pg_search_filters(filters)
    clauses = " AND ".join([f"{PAIRS_OF.format(SEARCH_ALIAS)} @@ q.p", f"({SEARCH_ALIAS}.tsv @@ q.q) IS TRUE", *where])
    # MATERIALIZED: the planner must not see the values (a CTE used once is inlined), or for a
    # common pair it may test every row's pairs, made anew per row (a second, not milliseconds)
    head = "WITH q AS MATERIALIZED (SELECT %s::tsquery AS q, %s::tsquery AS p) "
    if one_pass:
        body = (
            f"SELECT {SEARCH_ALIAS}.id, {RANK_OF.format(SEARCH_ALIAS)} FROM {source} CROSS JOIN q"
            f" WHERE {clauses} ORDER BY {SEARCH_ALIAS}.id DESC LIMIT %s"
        )
    else:
        body = rank_newest(source, clauses)
    return head + body, [tsquery, pairs, *params, window + 1]


def rank_newest(source: str, where: str) -> str:
    """The newest matches' ids sorted alone, then each one's vector read once more for its rank.

    Sorting the vectors themselves (inline in `turn_search`, ~1.5 kB each) spilled a 40 MB
    sort to disk for a common word. Rows come newest first, as `rank_candidates` expects
    (the extra row past the window is the oldest). `source` and `where` name the table `x`
    and the CTE `q`; the limit is the last parameter.
    """
    return (
        f"SELECT c.id, {RANK_OF.format('r')} FROM ("
        f"SELECT {SEARCH_ALIAS}.id FROM {source} CROSS JOIN q WHERE {where} ORDER BY {SEARCH_ALIAS}.id DESC LIMIT %s"
        f") c JOIN {SEARCH_TABLE} r ON r.id = c.id CROSS JOIN q ORDER BY c.id DESC"
    )


def pg_search_filters(filters: SearchFilters) -> tuple[str, list[str], list[Any]]:
    """FROM, WHERE clauses and parameters of the filters over `turn_search x`, for PostgreSQL.

    The session-level filters (session, year, tag, coalition) become one array of session
    ids, computed once (an InitPlan): the server ANDs the GIN bitmap of the words with the
    `turn_search_session` bitmap of those sessions and reads only the rows in both, where
    a join read every match of the words and its `turns` row (a common word in one year:
    9,769 rows → 586). A speaker is tested on the narrow row's own `speaker_key` (its LIKE
    answered by the trigram index of migration 7 where the server has pg_trgm) or on the
    row's own `person_key` (migration 10) being one of the matching people's (its btree
    index ORed with the trigram bitmap): no filter reads the matching rows' `turns`.
    """
    where: list[str] = []
    params: list[Any] = []
    session_level = replace(filters, speaker=None)
    sessions, session_params = filter_sql(session_level, "%s", "postgres", session_of="s.id")
    if sessions:
        where.append(
            f"{SEARCH_ALIAS}.session_id = ANY(ARRAY(SELECT s.id FROM sessions s WHERE {' AND '.join(sessions)}))"
        )
        params += session_params
    speaker = filter_value(filters.speaker)
    if speaker:
        # the person's key on the narrow row (migration 10): the few people whose key matches are
        # found once in the small `people` table (an InitPlan), their rows through turn_search_person
        people = "SELECT p.key FROM people p WHERE p.key LIKE %s ESCAPE ''"
        where.append(
            f"({SEARCH_ALIAS}.speaker_key LIKE %s ESCAPE '' OR {SEARCH_ALIAS}.person_key = ANY(ARRAY({people})))"
        )
        pattern = "%" + name_key(speaker) + "%"
        params += [pattern, pattern]
    return f"{SEARCH_TABLE} {SEARCH_ALIAS}", where, params


def pg_search_sql(tsquery: str, filters: SearchFilters) -> tuple[str, list[Any]]:
    """One ranked, filtered page of hits with snippets, for PostgreSQL (`%s` placeholders).

    The inner query sorts ids and scores only (matched and ranked on `turn_search`); the
    page's texts and speaker keys come along for its snippets (made as on SQLite, see
    `postgres._page_hits`). Order: score descending, then turn id, like the SQLite
    store's `ORDER BY score, rowid`.
    """
    source, where, params = pg_search_filters(filters)
    clauses = " AND ".join([f"{SEARCH_ALIAS}.tsv @@ q.q", *where])
    sql = (
        "WITH q AS (SELECT %s::tsquery AS q), "
        f"page AS (SELECT {SEARCH_ALIAS}.id, {RANK_OF.format(SEARCH_ALIAS)} AS score FROM {source}"
        f" CROSS JOIN q WHERE {clauses} ORDER BY score DESC, {SEARCH_ALIAS}.id LIMIT %s OFFSET %s) "
        "SELECT page.id, page.score, t.session_id, t.end_line, t.speaker, t.label, t.text, t.speaker_key, s.title "
        "FROM page JOIN turns t ON t.id = page.id JOIN sessions s ON s.id = t.session_id "
        "ORDER BY page.score DESC, page.id"
    )
    return sql, [tsquery, *params, max(1, min(filters.limit, 1000)), max(0, filters.offset)]


def line_of_first(text: str, end_line: int, words: list[str]) -> int:
    """Line of a turn that holds the most query words (the first such line), so a hit cites the exact line.

    A turn's text is an exact slice of the source ending on `end_line`, so its first
    character sits `text.count("\n")` lines earlier.
    """
    first_line = speech_first_line(end_line, end_line, text)
    patterns = [re.compile(r"\b" + re.escape(w)) for w in dict.fromkeys(words)]
    best, best_found = 0, 0
    # the line holding the most distinct query words, the first of equals: the first word alone
    # cited a speaker's opening line for a common word ("for" in "speaking for the coalition")
    # while the words the user searched for together sat on a later line of the same turn
    for offset, line in enumerate(text.lower().split("\n")):
        found = sum(1 for pattern in patterns if pattern.search(line))
        if found > best_found:
            best, best_found = offset, found
    return first_line + best

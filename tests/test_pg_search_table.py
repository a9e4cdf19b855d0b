"""PostgreSQL's narrow search table (migration 6) on a real server (issue 19).

Search matches and ranks on `turn_search` (turn id, tsvector), not on the wide `turns`
rows. These tests hold it to its promises: a v5 store is backfilled by the migration and
then answers exactly as a store built at v6 and as the SQLite store; every write path
(save, replace, live append and rewrite, finalisation, copy in both directions) leaves it
equal to `turns.tsv`; `check` reports a table out of step; SQLite's migration 6 changes
nothing but the version.
"""

import sqlite3
from dataclasses import astuple, replace

import psycopg

from forumlens.live import FileSource, Follower, LiveOptions
from forumlens.live.finalise import finalise
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.store.fts import to_tsquery, word_pairs_tsquery
from forumlens.store.migrations import SCHEMA_VERSION, SQLITE_MIGRATIONS
from forumlens.store.postgres import PostgresStore
from forumlens.store.sql import pg_candidates_sql, pg_phrase_candidates_sql
from forumlens.store.sqlite import SQLiteStore
from forumlens.store.transfer import copy_store

from .conftest import MAIN_SESSION
from .pg_rewind import undo_migration_10
from .test_postgres import FILES, PARITY_FILTERS, _fill

QUERIES = [
    "coalition",
    "the",
    '"net neutrality"',
    '"of the"',
    "fund*",
    "librar* OR school*",
    "coalition -gender",
    "müller",
    '"jennifer chung"',
    "wi-fi",
    "youth OR children",
]
# the default capped path (a small window, so most queries pass it) and the exhaustive one
WINDOWS = [SearchFilters(limit=7, candidates=12), SearchFilters(limit=1000, candidates=None)]
FAST = LiveOptions(interval=0.01, analyse_every=1e9)


def _results(store, filters_list=WINDOWS + PARITY_FILTERS, *, scores=True):
    """Every query under every filter: the hits (all fields; scores unless `scores=False`,
    since bm25 and ts_rank differ), the total and the estimate flag."""
    out = {}
    for text in QUERIES:
        for filters in filters_list:
            found = store.search(parse_query(text), filters)
            hits = [astuple(h if scores else replace(h, score=0.0)) for h in found]
            out[(text, repr(filters))] = (hits, found.total, found.total_is_estimate)
    return out


def _turns_found(store):
    """Per query and filter of the whole-list kind: the set of (session, line, speaker) found, and the total."""
    out = {}
    for text in QUERIES:
        for filters in (f for f in WINDOWS + PARITY_FILTERS if f.limit == 1000):
            found = store.search(parse_query(text), filters)
            out[(text, repr(filters))] = ({(h.session, h.line, h.speaker) for h in found}, found.total)
    return out


def _in_step(store: PostgresStore) -> int:
    """Asserts `turn_search` holds exactly (id, session, speaker key, tsv, person key) of every turn; returns the turns."""
    turns, searchable, stale = store._native(
        "SELECT (SELECT count(*) FROM turns), (SELECT count(*) FROM turn_search),"
        " (SELECT count(*) FROM turns t FULL JOIN turn_search x ON x.id = t.id"
        "  WHERE (x.tsv, x.session_id, x.speaker_key, x.person_key)"
        "  IS DISTINCT FROM (t.tsv, t.session_id, t.speaker_key, t.person_key))"
    )[0]
    assert (searchable, stale) == (turns, 0)
    assert store.check() == []
    _newest_turns_found(store)
    return int(turns)


def _newest_turns_found(store: PostgresStore) -> None:
    """Migration 7's indexes answer for the newest turns too: a phrase of each one's words, read
    through the pair index, and its speaker's filter, read through the trigram index, find it."""
    for turn_id, speaker_key, vector in store._native(
        "SELECT id, speaker_key, tsv FROM turn_search ORDER BY id DESC LIMIT 3"
    ):
        words = [
            str(w)
            for (w,) in store._native(
                "SELECT u.lexeme FROM unnest(%s::tsvector) u, unnest(u.positions, u.weights) p(at, weight)"
                " WHERE weight = 'A' ORDER BY at LIMIT 3",  # the text's first words (a phrase stays in one column)
                (vector,),
            )
        ]
        if len(words) < 2:
            continue
        query = parse_query('"' + " ".join(words) + '"')
        tsquery, pairs = to_tsquery(query), word_pairs_tsquery(query)
        filters = SearchFilters(speaker=speaker_key) if speaker_key else SearchFilters()
        plain = store._unprepared(*pg_candidates_sql(tsquery, filters, 2000))
        assert turn_id in {i for i, _score in plain}
        assert store._unprepared(*pg_phrase_candidates_sql(tsquery, pairs, SearchFilters(), 2000, one_pass=True)) == (
            store._unprepared(*pg_candidates_sql(tsquery, SearchFilters(), 2000))
        )


def _undo_migration_6(url: str) -> None:
    """The database as forumlens at schema version 5 left it (migrations 6 to 9 only add these objects)."""
    with psycopg.connect(url, autocommit=True) as conn:
        undo_migration_10(conn)
        conn.execute("DROP INDEX turns_session_line")
        conn.execute("DELETE FROM forumlens_schema WHERE version = 9")
        conn.execute("DROP FUNCTION forumlens_flush_search()")
        conn.execute("DELETE FROM forumlens_schema WHERE version = 8")
        conn.execute("DROP TABLE turn_search")  # its indexes of migrations 7 and 8 with it
        conn.execute("DROP FUNCTION forumlens_word_pairs(tsvector)")
        conn.execute("DELETE FROM forumlens_schema WHERE version = 7")
        conn.execute("DROP TRIGGER turns_search_ai ON turns")
        conn.execute("DROP TRIGGER turns_search_au ON turns")
        conn.execute("DROP FUNCTION forumlens_turn_search_added(), forumlens_turn_search_changed()")
        conn.execute("DELETE FROM forumlens_schema WHERE version = 6")


def test_migration_6_backfills_a_v5_store_and_its_hits_stay_the_same(pg_cluster, tmp_path):
    assert SCHEMA_VERSION >= 7
    url = pg_cluster.create_database("search_v5")
    try:
        with _fill(PostgresStore(url)) as store:
            before = _results(store)
            turns = _in_step(store)
        _undo_migration_6(url)
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT to_regclass('turn_search')").fetchone() == (None,)
        with PostgresStore(url) as store:  # opening migrates 5 → the latest
            assert store.schema_version() == SCHEMA_VERSION
            assert _in_step(store) == turns > 50
            # the backfill analysed the table: search plans see its lexeme statistics at once
            assert store._lexeme_shares().shares
            after = _results(store)
        assert after == before
        # the same turns as SQLite under every filter, as test_postgres compares them (as sets:
        # bm25 and ts_rank order them differently; ts_headline and FTS5 cut snippets differently)
        with _fill(SQLiteStore(str(tmp_path / "same.sqlite3"))) as lite:
            expected = _turns_found(lite)
        with PostgresStore(url, readonly=True) as store:
            assert _turns_found(store) == expected
    finally:
        pg_cluster.drop_database("search_v5")


def test_every_write_path_keeps_the_search_table_in_step(pg_cluster, tmp_path):
    url = pg_cluster.create_database("search_writes")
    try:
        with PostgresStore(url) as store:
            document = read_bytes(FILES[0].read_bytes(), str(FILES[0]))
            sid = store.save_session(document, parse_document(document))
            first = _in_step(store)
            old_ids = {int(r[0]) for r in store._native("SELECT id FROM turn_search")}
            # replace: the old turns (and their search rows) go, new ones come with new ids
            assert store.save_session(document, parse_document(document), replace=True) == sid
            assert _in_step(store) == first
            assert not old_ids & {int(r[0]) for r in store._native("SELECT id FROM turn_search")}
            # live: each slice appends turns and rewrites the last one, then finalisation replaces them all
            data = MAIN_SESSION.read_bytes()
            caption = tmp_path / "captions.txt"
            caption.write_bytes(b"")
            follower = Follower(store, FileSource(caption), FAST)
            live = follower.start()
            step = len(data) // 5
            for at in range(0, len(data), step):
                with caption.open("ab") as handle:
                    handle.write(data[at : at + step])
                follower.step()
                _in_step(store)
                last = store.load_session(live).turns[-1]
                hits = store.search(parse_query(" ".join(last.text.split()[-5:])), SearchFilters())
                assert any(h.session == live and last.line <= h.line <= last.end_line for h in hits)
            finalise(follower, "test")
            follower.close()
            total = _in_step(store)
            assert total == first + store.session_info(live).turns
        _fill(SQLiteStore(str(tmp_path / "source.sqlite3"))).close()
        # copy in: SQLite → PostgreSQL and PostgreSQL → PostgreSQL (the table is no table of the copy)
        for name, source in (("search_copy_lite", str(tmp_path / "source.sqlite3")), ("search_copy_pg", url)):
            target_url = pg_cluster.create_database(name)
            try:
                with open_store(source, readonly=True) as reader, PostgresStore(target_url) as target:
                    copied = copy_store(reader, target)
                    assert "turn_search" not in copied
                    assert _in_step(target) == copied["turns"] > 0
                    if reader.dialect == "postgres":  # the same engine: the very same pages and scores
                        assert _results(target, WINDOWS) == _results(reader, WINDOWS)
                    else:
                        assert _turns_found(target) == _turns_found(reader)
            finally:
                pg_cluster.drop_database(name)
        # copy out: PostgreSQL → SQLite carries the turns, and FTS5 indexes them
        with PostgresStore(url, readonly=True) as reader, SQLiteStore(str(tmp_path / "out.sqlite3")) as out:
            copy_store(reader, out)
            assert out.check() == [] and out.counts()["turns"] == total
    finally:
        pg_cluster.drop_database("search_writes")


def test_check_names_a_search_table_out_of_step(pg_url):
    with _fill(PostgresStore(pg_url)) as store:
        _in_step(store)
        store._native("DELETE FROM turn_search WHERE id IN (SELECT id FROM turn_search ORDER BY id LIMIT 3)")
        problems = store.check()
        assert len(problems) == 1 and "3 turns missing from turn_search" in problems[0], problems
        # an update of turns (no write path does one today) re-copies the rows it touched
        newest = "SELECT id FROM turns ORDER BY id DESC LIMIT 5"
        store._native(f"UPDATE turns SET speaker_key = speaker_key || ' x' WHERE id IN ({newest})")
        assert store.check() == problems  # the 5 follow; the 3 oldest are still missing
        assert store._native(
            f"SELECT count(*) FROM turn_search WHERE speaker_key LIKE '%% x' AND id IN ({newest})"
        ) == [(5,)]
        store._native("UPDATE turns SET tsv = tsv")  # touching every turn restores the missing rows
        _in_step(store)


def test_candidates_never_read_the_wide_turns_table(pg_url):
    """The plan of the candidate query: filters read the narrow row and the session tables, never `turns` for a match.

    A speaker filter looks up the matching people once (an InitPlan over `people`) and tests
    the narrow row's own person key (migration 10), never `turns` or `appearances`."""
    with _fill(PostgresStore(pg_url)) as store:
        store._native("ANALYZE")
        tsquery = to_tsquery(parse_query("coalition"))

        def relations(filters, once=False):
            """Relations the plan reads per matching row (`once`: those its InitPlans read, once per query)."""
            sql, params = pg_candidates_sql(tsquery, filters, 2000)
            plan = store._unprepared("EXPLAIN (FORMAT JSON) " + sql, params)[0][0]
            found, todo = set(), [(plan[0]["Plan"], False)]
            while todo:
                node, in_init = todo.pop()
                in_init = in_init or node.get("Parent Relationship") == "InitPlan"
                if in_init == once:
                    found.add(node.get("Relation Name"))
                todo += [(child, in_init) for child in node.get("Plans", [])]
            return found - {None}

        assert relations(SearchFilters()) == {"turn_search"}
        assert relations(SearchFilters(speaker="marsden")) == {"turn_search"}
        assert relations(SearchFilters(speaker="marsden"), once=True) == {"people"}
        sessions = SearchFilters(year=2021, tag="SDG9")  # one array of session ids, read once
        assert relations(sessions) | relations(sessions, once=True) == {"turn_search", "sessions", "tags"}


def test_sqlite_migrations_6_to_8_change_only_the_version(tmp_path):
    """SQLite search is FTS5, unchanged: its migrations 6 to 9 are empty and a v5 file keeps its schema."""
    assert SQLITE_MIGRATIONS[5] == SQLITE_MIGRATIONS[6] == SQLITE_MIGRATIONS[7] == SQLITE_MIGRATIONS[8] == []
    path = tmp_path / "v5.sqlite3"
    conn = sqlite3.connect(path)
    for statement in (s for m in SQLITE_MIGRATIONS[:5] for s in m):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    with SQLiteStore(str(path)) as store:
        assert store.schema_version() == SCHEMA_VERSION == 10
    conn = sqlite3.connect(path)
    after = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    # migration 10 (tests/test_store_person_keys.py) adds one column to turns, and nothing else
    turns = next(row for row in schema if row[1] == "turns")
    added = turns[2].replace("section TEXT,", "section TEXT, person_key TEXT,", 1)
    assert added != turns[2]
    assert after == [(t, n, added if n == "turns" else sql) for t, n, sql in schema]


def test_snippets_are_the_ones_sqlite_shows(pg_cluster, tmp_path):
    """Both stores make a page's snippets with FTS5 on the same text: the same snippet for every hit."""
    url = pg_cluster.create_database("search_snippets")
    try:
        with _fill(PostgresStore(url)) as store, _fill(SQLiteStore(str(tmp_path / "s.sqlite3"))) as lite:
            compared = 0
            for text in QUERIES:
                for filters in WINDOWS + PARITY_FILTERS[:4]:
                    found = {
                        (h.session, h.line, h.speaker, h.snippet) for h in store.search(parse_query(text), filters)
                    }
                    if filters.limit == 1000:  # the whole list: the same turns, so the same snippets
                        expected = {
                            (h.session, h.line, h.speaker, h.snippet) for h in lite.search(parse_query(text), filters)
                        }
                        assert found == expected, (text, filters)
                        compared += len(found)
                    assert all(snippet for *_, snippet in found), (text, filters)  # a word may match the speaker only
            assert compared > 300
    finally:
        pg_cluster.drop_database("search_snippets")


def test_candidates_come_newest_first_with_and_without_the_recent_walk(pg_url):
    """`rank_candidates` drops the last candidate past the window: it must be the oldest."""
    with _fill(PostgresStore(pg_url)) as store:
        turns = int(store._native("SELECT count(*) FROM turns")[0][0])
        for text in ("the", "coalition -gender", '"of the"', "fund* OR librar*"):
            tsquery = to_tsquery(parse_query(text))
            for filters in (SearchFilters(), SearchFilters(year=2021), SearchFilters(speaker="chung")):
                sql, params = pg_candidates_sql(tsquery, filters, 12)
                ids = [int(i) for i, _score in store._unprepared(sql, params)]
                assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids), (text, filters)
            for span in (5, turns // 4, turns * 2):
                ids = [i for i, _score in store._recent_first(tsquery, 12, span)]
                assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids), (text, span)

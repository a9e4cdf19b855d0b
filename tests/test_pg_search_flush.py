"""PostgreSQL migration 8 on a real server (issue 19): cheaper writes, the same reads.

The search indexes of `turn_search` now collect new entries in a pending list, and every
write path of the store merges the list before it commits (`forumlens_flush_search`). These
tests hold it to that: a v7 store migrates with the same hits; after save, replace, live
append, finalisation and a copy no index holds a pending entry (read with pgstattuple),
while a write that bypasses the store does leave some, without changing any result; a
writer that does not own the indexes merges them too. Also the newest-first walk of
common words in id ranges finds exactly the candidates of one query, gaps included.
"""

import psycopg
import pytest

from forumlens.live import FileSource, Follower
from forumlens.live.finalise import finalise
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.store.fts import to_tsquery
from forumlens.store.migrations import SCHEMA_VERSION
from forumlens.store.postgres import PostgresStore
from forumlens.store.sql import pg_candidates_sql
from forumlens.store.sqlite import SQLiteStore
from forumlens.store.transfer import copy_store

from .conftest import MAIN_SESSION
from .pg_rewind import undo_migration_10
from .test_pg_search_table import FAST, WINDOWS, _in_step, _results
from .test_postgres import FILES, PARITY_FILTERS, _fill

SEARCH_INDEXES = ("turn_search_tsv", "turn_search_pairs", "turn_search_speaker")


def _fastupdate(store: PostgresStore) -> dict[str, bool]:
    """Each GIN index of `turn_search` → whether it keeps a pending list."""
    rows = store._native(
        "SELECT c.relname, coalesce(c.reloptions, '{}') FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        " JOIN pg_am a ON a.oid = c.relam WHERE i.indrelid = 'turn_search'::regclass AND a.amname = 'gin'"
    )
    return {str(name): "fastupdate=on" in options for name, options in rows}


def _pending(store: PostgresStore) -> int:
    """Entries waiting in the pending lists of the search indexes (pgstattuple reads the metapages)."""
    store._native("CREATE EXTENSION IF NOT EXISTS pgstattuple")
    return sum(
        int(store._native("SELECT pending_tuples FROM pgstatginindex(%s::regclass)", (name,))[0][0])
        for name in SEARCH_INDEXES
    )


def _undo_migration_8(url: str) -> None:
    """The database as forumlens at schema version 7 left it."""
    with psycopg.connect(url, autocommit=True) as conn:
        for name in SEARCH_INDEXES:
            conn.execute(f"ALTER INDEX {name} SET (fastupdate = off)")
        undo_migration_10(conn)  # migrations 9 and 10, after this one
        conn.execute("DROP INDEX IF EXISTS turns_session_line")
        conn.execute("DROP FUNCTION forumlens_flush_search()")
        conn.execute("DELETE FROM forumlens_schema WHERE version >= 8")


def test_a_v7_store_migrates_to_8_with_the_same_hits(pg_cluster):
    assert SCHEMA_VERSION >= 8
    url = pg_cluster.create_database("flush_v7")
    try:
        with _fill(PostgresStore(url)) as store:
            store._native("ANALYZE turn_search")
            before = _results(store)
            turns = _in_step(store)
        _undo_migration_8(url)
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT max(version) FROM forumlens_schema").fetchone() == (7,)
        with PostgresStore(url) as store:  # opening migrates 7 → 8 (and on)
            assert store.schema_version() == SCHEMA_VERSION and store.check() == []
            assert _fastupdate(store) == dict.fromkeys(SEARCH_INDEXES, True)
            assert _in_step(store) == turns
            assert _results(store) == before
    finally:
        pg_cluster.drop_database("flush_v7")


def test_every_write_path_merges_the_pending_entries_before_it_commits(pg_cluster, tmp_path):
    url = pg_cluster.create_database("flush_writes")
    try:
        with PostgresStore(url) as store:
            assert _fastupdate(store) == dict.fromkeys(SEARCH_INDEXES, True)
            document = read_bytes(FILES[0].read_bytes(), str(FILES[0]))
            store.save_session(document, parse_document(document))
            assert _pending(store) == 0 and _in_step(store) > 50
            store.save_session(document, parse_document(document), replace=True)
            assert _pending(store) == 0
            # live: each slice appends turns and rewrites the last one; finalisation replaces them
            data = MAIN_SESSION.read_bytes()
            caption = tmp_path / "captions.txt"
            caption.write_bytes(b"")
            follower = Follower(store, FileSource(caption), FAST)
            follower.start()
            step = len(data) // 4
            for at in range(0, len(data), step):
                with caption.open("ab") as handle:
                    handle.write(data[at : at + step])
                follower.step()
                assert _pending(store) == 0
            finalise(follower, "test")
            follower.close()
            assert _pending(store) == 0
            # a re-analysis that counts the turns for another person rewrites their search rows (migration 10)
            sid = follower.session_id
            lines = [int(n) for (n,) in store._native("SELECT line FROM turns WHERE session_id = %s", (sid,))]
            store.replace_analyses(sid, {**store.analyses(sid), "people": [{"name": "Ana Lima", "lines": lines}]})
            assert _pending(store) == 0 and _in_step(store)
            assert store._native("SELECT count(*) FROM turn_search WHERE person_key = 'ana lima'")[0][0] > 0
            expected = _results(store, WINDOWS + PARITY_FILTERS[:3])
            # a write that bypasses the store (re-copying turns into turn_search) leaves entries
            # waiting: the check above can fail, and a search reads them all the same
            newest = "SELECT id FROM turns ORDER BY id DESC LIMIT 40"
            # autovacuum also merges a pending list; left on, it raced the flush below (a clean-clone
            # run saw the flush find 0 entries), so only the store's flush may merge them here
            store._native("ALTER TABLE turn_search SET (autovacuum_enabled = false)")
            store._native(f"DELETE FROM turn_search WHERE id IN ({newest})")
            store._native(
                "INSERT INTO turn_search (id, session_id, speaker_key, tsv, person_key)"
                f" SELECT id, session_id, speaker_key, tsv, person_key FROM turns WHERE id IN ({newest})"
            )
            assert _pending(store) > 0
            assert _results(store, WINDOWS + PARITY_FILTERS[:3]) == expected
            assert int(store._native("SELECT forumlens_flush_search()")[0][0]) > 0
            assert _pending(store) == 0
            assert _results(store, WINDOWS + PARITY_FILTERS[:3]) == expected
        # copy: SQLite → PostgreSQL
        _fill(SQLiteStore(str(tmp_path / "source.sqlite3"))).close()
        target_url = pg_cluster.create_database("flush_copy")
        try:
            with (
                open_store(str(tmp_path / "source.sqlite3"), readonly=True) as reader,
                PostgresStore(target_url) as target,
            ):
                copied = copy_store(reader, target)
                assert _in_step(target) == copied["turns"] > 0
                assert _pending(target) == 0
        finally:
            pg_cluster.drop_database("flush_copy")
    finally:
        pg_cluster.drop_database("flush_writes")


def test_a_writer_that_does_not_own_the_indexes_merges_them_too(pg_cluster):
    """`gin_clean_pending_list` needs the index's owner: the function runs as its owner."""
    url = pg_cluster.create_database("flush_grants")
    role = "forumlens_writer_e"
    try:
        PostgresStore(url).close()  # the owner creates the store
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP ROLE IF EXISTS {role}")
            conn.execute(f"CREATE ROLE {role} LOGIN")
            conn.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
            conn.execute(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}")
        writer_url = url.replace("forumlens@", f"{role}@", 1)
        with PostgresStore(writer_url) as writer:
            assert writer._native("SELECT current_user") == [(role,)]
            with pytest.raises(psycopg.errors.InsufficientPrivilege):  # not the owner: the server refuses
                writer.conn.execute("SELECT gin_clean_pending_list('turn_search_tsv'::regclass)")
            document = read_bytes(FILES[0].read_bytes(), str(FILES[0]))
            writer.save_session(document, parse_document(document))
        with PostgresStore(url) as owner:
            assert _pending(owner) == 0 and _in_step(owner) > 50
    finally:
        pg_cluster.drop_database("flush_grants")
        pg_cluster.admin(f"DROP ROLE IF EXISTS {role}")


@pytest.fixture(scope="module")
def gapped_store(pg_cluster):
    """The test files stored, then every other one replaced (its turns get new, higher ids): ids with gaps."""
    pg_cluster.create_database("flush_gaps")
    store = _fill(PostgresStore(pg_cluster.url("flush_gaps")))
    for path in FILES[::2]:
        document = read_bytes(path.read_bytes(), str(path))
        store.save_session(document, parse_document(document), replace=True)
    store._native("ANALYZE turn_search")
    yield store
    store.close()
    pg_cluster.drop_database("flush_gaps")


@pytest.mark.parametrize("text", ["the", "coalition -gender", "internet -governance", '"of the"', "fund*"])
def test_the_newest_ranges_walked_in_steps_find_the_candidates_of_one_query(gapped_store, text, monkeypatch):
    store = gapped_store
    tsquery = to_tsquery(parse_query(text))
    turns = int(store._native("SELECT count(*) FROM turns")[0][0])
    walks: list[bool] = []
    original = store._unprepared

    def counted(sql, params=()):
        walks.append("IS TRUE ORDER BY x.id DESC" in sql)
        return original(sql, params)

    monkeypatch.setattr(store, "_unprepared", counted)
    for window in (3, 40, 400):
        sql, params = pg_candidates_sql(tsquery, SearchFilters(), window)
        expected = sorted((int(i), float(s)) for i, s in original(sql, params))
        assert expected, text  # not vacuous
        for span in (1, 5, 60, turns // 4, turns * 2):
            walks.clear()
            found = store._recent_first(tsquery, window, span)
            assert sorted(found) == expected, (text, window, span)
            assert [i for i, _ in found] == sorted((i for i, _ in found), reverse=True)  # newest first
            assert 1 <= sum(walks) <= 3
    # a first range holding 5 of the 41 candidates is followed by a larger range, sized from
    # its share, not by a read of every older match through the index
    the = to_tsquery(parse_query("the"))
    newest = [
        int(r[0])
        for r in original("SELECT id FROM turn_search WHERE tsv @@ %s::tsquery ORDER BY id DESC LIMIT 5", (the,))
    ]
    top = int(original("SELECT max(id) FROM turn_search")[0][0])
    walks.clear()
    store._recent_first(the, 40, top - newest[-1] + 1)
    assert walks.count(True) >= 2

"""`forumlens migrate` and `forumlens copy`: a whole store SQLite → PostgreSQL → SQLite, losslessly."""

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.ingest import IngestOptions, ingest_file
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.store.migrations import SCHEMA_VERSION
from forumlens.store.transfer import copy_store, iter_rows, tables_of

from .conftest import CORPUS, MAIN_SESSION

FILES = [MAIN_SESSION, *sorted((CORPUS / "formats").glob("*.txt"))]


def _seed(store):
    for path in FILES:
        assert ingest_file(store, path, IngestOptions(max_bytes=20_000_000)).status == "ingested"
    with store._write() as execute:
        execute(
            "INSERT INTO subscribers (id, name, email, interests, created_at) VALUES (?, ?, ?, ?, ?)",
            (7, "UN DESA – Division for Digital", "desa@example.org", '{"topics": ["funding"]}', "2024-01-01"),
        )
        sid = store.sessions()[0].id
        execute(
            "INSERT INTO matches (subscriber_id, item, session_id, reason, line, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (7, f"session:{sid}", sid, "topic 'funding' — 100% match", 12, "now"),
        )
        execute(
            "INSERT INTO deliveries (subscriber_id, item, channel, status, attempts, last_error)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (7, f"session:{sid}", "email", "failed", 2, "550 ‘no such user’\x01"),
        )
        execute(
            "INSERT INTO tags (session_id, scheme, code, label, score, lines) VALUES (?, ?, ?, ?, ?, ?)",
            (sid, "test", "PI", "π", 3.141592653589793, "[1]"),
        )
    return store


def _dump(store):
    """Every row of every table, sorted, by column name (PostgreSQL's search vectors excluded)."""
    out = {}
    for table, columns in tables_of(store).items():
        names = sorted(columns)
        rows = [row for batch in iter_rows(store, table, names) for row in batch]
        out[table] = (names, sorted(rows, key=repr))
    return out


@pytest.fixture
def sqlite_seeded(tmp_path):
    store = _seed(open_store(str(tmp_path / "a.sqlite3")))
    yield store
    store.close()


def test_round_trip_sqlite_postgres_sqlite_keeps_every_row(sqlite_seeded, pg_url, tmp_path):
    postgres = open_store(pg_url)
    back = open_store(str(tmp_path / "b.sqlite3"))
    try:
        copied = copy_store(sqlite_seeded, postgres)
        assert copied["turns"] == sqlite_seeded.counts()["turns"] > 0
        copy_store(postgres, back)
        original = _dump(sqlite_seeded)
        assert sum(len(rows) for _, rows in original.values()) > 200
        assert _dump(postgres) == original
        assert _dump(back) == original
        assert postgres.check() == [] and back.check() == []
        query = parse_query('"net neutrality" OR funding')
        expected = [(h.session, h.line) for h in sqlite_seeded.search(query, SearchFilters(limit=1000))]
        assert sorted((h.session, h.line) for h in postgres.search(query, SearchFilters(limit=1000))) == sorted(
            expected
        )
        assert [(h.session, h.line) for h in back.search(query, SearchFilters(limit=1000))] == expected
        with postgres._write() as execute:  # identities continue after the copied ids
            ((new_id,),) = execute(
                "INSERT INTO subscribers (name, interests, created_at) VALUES (?, ?, ?) RETURNING id",
                ("new", "{}", "now"),
            )
        assert new_id == 8
    finally:
        postgres.close()
        back.close()


def test_copy_refuses_a_target_that_is_not_empty(sqlite_seeded, pg_url):
    from forumlens.errors import ConfigError

    postgres = open_store(pg_url)
    try:
        copy_store(sqlite_seeded, postgres)
        before = postgres.counts()
        with pytest.raises(ConfigError, match="not empty"):
            copy_store(sqlite_seeded, postgres)
        assert postgres.counts() == before
    finally:
        postgres.close()


def test_copy_and_migrate_commands(sqlite_seeded, pg_url, tmp_path):
    runner = CliRunner()
    sqlite_path = sqlite_seeded.location
    sqlite_seeded.close()
    result = runner.invoke(cli, ["migrate", "--db", pg_url], catch_exceptions=False)
    assert result.exit_code == 0 and f"created, schema version {SCHEMA_VERSION}" in result.output
    result = runner.invoke(cli, ["migrate", "--db", pg_url], catch_exceptions=False)
    assert result.exit_code == 0 and "up to date" in result.output
    result = runner.invoke(cli, ["copy", "--from", sqlite_path, "--to", pg_url], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "every table verified" in result.output and "turns:" in result.output
    again = runner.invoke(cli, ["copy", "--from", sqlite_path, "--to", pg_url], catch_exceptions=False)
    assert again.exit_code == 1 and "not empty" in again.output
    back = tmp_path / "back.sqlite3"
    result = runner.invoke(cli, ["copy", "--from", pg_url, "--to", str(back)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["search", "--db", str(back), "--json", "funding"], catch_exceptions=False)
    assert result.exit_code == 0 and '"hits"' in result.output
    missing = runner.invoke(cli, ["copy", "--from", str(tmp_path / "nope.sqlite3"), "--to", str(tmp_path / "x.db")])
    assert missing.exit_code == 1 and "does not exist" in missing.output


def test_migrate_reports_an_upgrade(tmp_path):
    import sqlite3

    from forumlens.store.migrations import SQLITE_MIGRATIONS

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for statement in SQLITE_MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(cli, ["migrate", "--db", str(path)], catch_exceptions=False)
    assert result.exit_code == 0 and f"upgraded from schema version 1 to {SCHEMA_VERSION}" in result.output


def test_migration_3_keeps_vectors_a_version_2_store_created_on_first_embed(tmp_path):
    """Before migration 3 the vector table was created on first `embed`; upgrading must keep its rows."""
    import sqlite3

    from forumlens.ingest import ingest_file
    from forumlens.store import open_store

    path = tmp_path / "v2.sqlite3"
    source = tmp_path / "s.txt"
    source.write_text("IGF 2021 - Workshop\n\n>> ANA PEREIRA: Libraries give public access to the Internet.\n", "utf-8")
    store = open_store(str(path))
    sid = ingest_file(store, source, IngestOptions(max_bytes=100_000)).session
    store.close()
    conn = sqlite3.connect(path)  # back to what a version 2 store that had run `embed` looked like
    conn.execute("DROP INDEX sessions_order")
    conn.execute("DROP TABLE leases")  # migration 4
    conn.execute("DROP INDEX documents_text_sha256")  # migration 5
    conn.execute("ALTER TABLE documents DROP COLUMN text_sha256")
    conn.execute("ALTER TABLE turns DROP COLUMN person_key")  # migration 10
    conn.execute("INSERT INTO passage_vectors VALUES (?, 0, 0, 3, 0, 4, 'm', x'00000000')", (sid,))
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    store = open_store(str(path))
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert store._rows("SELECT count(*) FROM passage_vectors") == [(1,)]
        assert store._rows("SELECT count(*) FROM sqlite_master WHERE name = 'sessions_order'") == [(1,)]
    finally:
        store.close()

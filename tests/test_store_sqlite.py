"""Opening a SQLite store. One opened beside another in one process keeps its locks, so another process's
writer cannot delete the WAL under it (the portal opens one store per thread).

Closing any handle on a database file drops every POSIX lock the process holds on it. The
store used to read the file's header with a plain `open()` on every opening: a portal thread
opening its store dropped the locks of the others, the next `forumlens ingest` believed it
was the last connection and deleted the WAL, and every page answered "database disk image is
malformed" until the portal was restarted.

A reading command never makes a store: not at a new path (a typo in --db), and not in an
existing empty file either.
"""

from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.store.sqlite import SQLiteStore

from .conftest import ROOT

_WRITER = (
    "import sys\n"
    "from forumlens.store.sqlite import SQLiteStore\n"
    "store = SQLiteStore(sys.argv[1])\n"
    "store.conn.execute('PRAGMA user_version')\n"
    "store.close()\n"
)


def test_a_second_store_in_the_process_keeps_the_wal_of_the_first(tmp_path):
    db = str(tmp_path / "store.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(ROOT / "examples")]).exit_code == 0
    first = SQLiteStore(db, readonly=True)
    stored = first.session_count()
    second = SQLiteStore(db, readonly=True)  # another portal thread's store, opened later
    subprocess.run([sys.executable, "-c", _WRITER, db], check=True)  # a writer that opens and closes
    assert os.path.exists(db + "-wal"), "the other process deleted the WAL the open stores read"
    assert first.session_count() == second.session_count() == stored
    first.close()
    second.close()


def test_a_file_that_is_not_sqlite_is_still_named_and_left_as_it_was(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello, these are my notes, not a store\n" * 20)
    before = notes.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(notes), "sessions"])
    assert result.exit_code == 1
    assert f"error: {notes}: is not a SQLite database (or its header is damaged" in result.output
    assert notes.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_an_empty_file_given_to_a_reading_command_stays_empty(tmp_path):
    """`--db notes.txt sessions` on an empty file said "No sessions stored yet" and left a 188 KB store in it."""
    empty = tmp_path / "notes.txt"
    empty.touch()
    for command in (["sessions"], ["search", "funding"], ["analyse", "--all"]):
        result = CliRunner().invoke(cli, ["--db", str(empty), *command])
        assert result.exit_code == 1, result.output
        assert f"error: {empty}: is an empty file, not a store (`forumlens ingest FILES`" in result.output
        assert empty.stat().st_size == 0
    assert CliRunner().invoke(cli, ["--db", str(empty), "migrate"]).exit_code == 0  # asked for: a store it is
    assert "No sessions stored yet" in CliRunner().invoke(cli, ["--db", str(empty), "sessions"]).output


def test_migrate_of_a_store_whose_version_lags_its_columns_adds_nothing_twice(tmp_path):
    """A store at version 9 whose turns already have `person_key` (migration 10's column) failed
    `migrate` with "duplicate column name: person_key"; now it is upgraded and keeps its sessions."""
    db = str(tmp_path / "store.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(ROOT / "examples")]).exit_code == 0
    store = SQLiteStore(db)
    store.conn.execute("PRAGMA user_version = 9")
    store.close()
    result = CliRunner().invoke(cli, ["--db", db, "migrate"])
    assert result.exit_code == 0, result.output
    assert "upgraded from schema version 9 to" in result.output
    store = SQLiteStore(db, readonly=True)
    try:
        assert store.schema_version() > 9 and store.session_count() == 2
        assert [r[0] for r in store.conn.execute("SELECT name FROM pragma_table_info('turns')")].count(
            "person_key"
        ) == 1
    finally:
        store.close()

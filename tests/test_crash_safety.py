"""The store survives kill -9 at any moment; disk-full and damaged files get clear errors.

A child process runs the real `forumlens ingest` on a folder of sessions and is killed
with SIGKILL at random moments. After each kill the store must pass its own check (the
SQLite integrity check, FTS consistency, no orphan rows), every stored session must be
complete, and a re-run must complete the set without duplicates.

Kill count: FORUMLENS_CRASH_KILLS (default 50; `make crash` runs 500).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.errors import StoreCorrupt, StoreFull
from forumlens.ingest import ingest_file
from forumlens.pipeline import analyse_session, parse_document
from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.store.sqlite import SQLiteStore

from .conftest import CORPUS, MAIN_SESSION, ROOT

pytestmark = pytest.mark.crash
KILLS = int(os.environ.get("FORUMLENS_CRASH_KILLS", "50"))
LIMIT = 50_000_000


def _corpus(folder: Path, count: int) -> dict[str, int]:
    """`count` distinct sessions (shuffled turns of the shared transcript); expected turns by file."""
    text = MAIN_SESSION.read_text("utf-8")
    head, body = text[: text.index(">>")], text[text.index(">>"):]
    blocks = [">>" + b for b in body.split(">>") if b.strip()]
    rng = random.Random(3)
    expected = {}
    for i in range(count):
        rng.shuffle(blocks)
        kept = blocks[: rng.randint(8, 20)]  # small sessions: many kills per minute
        path = folder / f"session-{i:03d}.txt"
        path.write_text(f"IGF 20{10 + i % 14} Crash Session {i}\n" + head[head.index("\n"):] + "".join(kept), "utf-8")
        expected[path.name] = len(parse_document(read_bytes(path.read_bytes(), str(path))).turns)
    return expected


def _assert_consistent(db: str, expected: dict[str, int]) -> int:
    store = open_store(db)
    try:
        assert store.check() == []
        kinds = set(analyse_session(parse_document(read_bytes(b">> A B: x\n", "x"))))
        for info in store.sessions(limit=10_000):
            name = Path(info.source).name
            assert info.turns == expected[name], f"{name}: partial session"
            session = store.load_session(info.id)
            assert len(session.turns) == expected[name]
            for kind in kinds:
                assert store.analysis(info.id, kind) is not None, f"{name}: missing analysis {kind}"
        sources = [Path(s.source).name for s in store.sessions(limit=10_000)]
        assert len(sources) == len(set(sources)), "duplicate sessions"
        return len(sources)
    finally:
        store.close()


def test_kill_minus_nine_at_random_moments_never_leaves_a_partial_session(tmp_path, store_location):
    """Runs on SQLite and on the real PostgreSQL server (store_location is parametrised)."""
    folder = tmp_path / "in"
    folder.mkdir()
    expected = _corpus(folder, 10)
    db = store_location
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    timing = [sys.executable, "-m", "forumlens", "--db", str(tmp_path / "timing.sqlite3"), "ingest", str(folder)]
    started = time.perf_counter()
    subprocess.run(timing, env=env, capture_output=True, check=True)  # a full run, to time it
    full = time.perf_counter() - started
    command = [sys.executable, "-m", "forumlens", "--db", db, "ingest", str(folder)]
    rng = random.Random(int(os.environ.get("FORUMLENS_CRASH_SEED", "12")))
    stored_counts = []
    for _ in range(KILLS):
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, full * 0.9))
        child.send_signal(signal.SIGKILL)
        child.wait()
        stored_counts.append(_assert_consistent(db, expected))
    assert max(stored_counts) > 0 and min(stored_counts) < len(expected), "kills never landed mid-ingest"
    subprocess.run(command, env=env, capture_output=True, check=True)
    assert _assert_consistent(db, expected) == len(expected)


def test_disk_full_is_a_clear_error_and_the_store_stays_usable(tmp_path):
    store = SQLiteStore(str(tmp_path / "full.sqlite3"))
    ingest_file(store, CORPUS / "formats" / "2006-style.txt", max_bytes=LIMIT)
    before = store.counts()
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own size limit
    with pytest.raises(StoreFull) as info:
        ingest_file(store, MAIN_SESSION, max_bytes=LIMIT)
    assert "disk full" in str(info.value)
    assert store.counts() == before and store.check() == []
    assert store.search(parse_query("openness"), SearchFilters())
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert ingest_file(store, MAIN_SESSION, max_bytes=LIMIT).status == "ingested"
    store.close()


def test_disk_full_through_the_cli_is_one_line(tmp_path, monkeypatch):
    db = tmp_path / "cli-full.sqlite3"
    store = SQLiteStore(str(db))
    store.close()
    original = SQLiteStore.__init__

    def tiny(self, location, *, readonly=False):
        original(self, location, readonly=readonly)
        self.conn.execute("PRAGMA max_page_count = 40")

    monkeypatch.setattr(SQLiteStore, "__init__", tiny)
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(MAIN_SESSION)])
    assert result.exit_code == 1
    assert "disk full" in result.output and "Traceback" not in result.output


def _damaged_store(tmp_path: Path) -> Path:
    db = tmp_path / "damaged.sqlite3"
    store = SQLiteStore(str(db))
    ingest_file(store, MAIN_SESSION, max_bytes=LIMIT)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(db.read_bytes())
    rng = random.Random(5)
    for _ in range(40):  # scribble over pages after the header
        at = rng.randrange(4096, len(data) - 64)
        data[at:at + 64] = bytes(rng.randrange(256) for _ in range(64))
    db.write_bytes(bytes(data))
    return db


def test_check_reports_a_corrupted_store_without_a_traceback(tmp_path):
    db = _damaged_store(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(db), "check"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "problem:" in result.output or "damaged" in result.output


def test_truncated_store_gets_a_clear_error_on_open(tmp_path):
    db = tmp_path / "cut.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    with pytest.raises(StoreCorrupt, match="damaged"):
        SQLiteStore(str(db))


def test_backup_while_reading_is_a_complete_store(tmp_path):
    db = tmp_path / "live.sqlite3"
    store = SQLiteStore(str(db))
    ingest_file(store, MAIN_SESSION, max_bytes=LIMIT)
    reader = SQLiteStore(str(db), readonly=True)
    reader.search(parse_query("coalition"), SearchFilters())
    result = CliRunner().invoke(cli, ["--db", str(db), "backup", str(tmp_path / "copy.sqlite3")])
    assert result.exit_code == 0, result.output
    copy = SQLiteStore(str(tmp_path / "copy.sqlite3"))
    assert copy.counts() == store.counts() and copy.check() == []
    for s in (copy, reader, store):
        s.close()

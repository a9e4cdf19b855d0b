"""The store survives kill -9 at any moment; disk-full and damaged files get clear errors.

A child process runs the real `forumlens ingest` on a folder of sessions and is killed
with SIGKILL at random moments. After each kill the store must pass its own check (the
SQLite integrity check, FTS consistency, no orphan rows), every stored session must be
complete, and a re-run must complete the set without duplicates.

Kill count: FORUMLENS_CRASH_KILLS (default 50; `make crash` runs 500).
"""

from __future__ import annotations

import contextlib
import functools
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
from forumlens.ingest import IngestOptions, ingest_file
from forumlens.pipeline import analyse_session, parse_document
from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.store.sqlite import SQLiteStore

from .conftest import CORPUS, MAIN_SESSION, ROOT

pytestmark = pytest.mark.crash
KILLS = int(os.environ.get("FORUMLENS_CRASH_KILLS", "50"))
LIMIT = 50_000_000


def _corpus(folder: Path, count: int, seed: int = 3, prefix: str = "session") -> dict[str, int]:
    """`count` distinct sessions (shuffled turns of the shared transcript); expected turns by file."""
    text = MAIN_SESSION.read_text("utf-8")
    head, body = text[: text.index(">>")], text[text.index(">>") :]
    blocks = [">>" + b for b in body.split(">>") if b.strip()]
    rng = random.Random(seed)
    expected = {}
    for i in range(count):
        rng.shuffle(blocks)
        kept = blocks[: rng.randint(8, 20)]  # small sessions: many kills per minute
        path = folder / f"{prefix}-{i:03d}.txt"
        path.write_text(f"IGF 20{10 + i % 14} Crash Session {i}\n" + head[head.index("\n") :] + "".join(kept), "utf-8")
        expected[path.name] = len(parse_document(read_bytes(path.read_bytes(), str(path))).turns)
    return expected


@functools.cache
def _analysis_kinds() -> frozenset[str]:
    """The analyses every stored session has (the same on every check of a run: computed once)."""
    return frozenset(analyse_session(parse_document(read_bytes(b">> A B: x\n", "x"))))


def _assert_consistent(db: str, expected: dict[str, int]) -> int:
    store = open_store(db)
    try:
        assert store.check() == []
        kinds = _analysis_kinds()
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


def _orphan_workers() -> set[int]:
    """Pids of multiprocessing helper processes whose parent is gone (re-parented to init)."""
    found = set()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if b"multiprocessing" in cmdline and ppid == 1:
            found.add(int(proc.name))
    return found


def test_kill_minus_nine_at_random_moments_never_leaves_a_partial_session(tmp_path, store_location):
    """Runs on SQLite and on the real PostgreSQL server (store_location is parametrised).

    Kill moments are drawn from [0, estimate], where the estimate starts at the time of a
    full ingest on this store and adapts: a kill after the batch was complete shortens it
    (and a fresh batch of sessions takes over), a kill before anything was stored lengthens
    it, so the kills keep landing inside real ingest work.
    """
    db = store_location
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    expected: dict[str, int] = {}

    def batch(k: int) -> tuple[Path, int]:
        folder = tmp_path / f"batch{k}"
        folder.mkdir()
        expected.update(_corpus(folder, 8, seed=10 + k, prefix=f"b{k}"))
        return folder, 8

    folder, size = batch(0)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "forumlens", "--db", db, "ingest", str(folder)], env=env, capture_output=True, check=True
    )
    estimate = time.perf_counter() - started
    stored = _assert_consistent(db, expected)
    rng = random.Random(int(os.environ.get("FORUMLENS_CRASH_SEED", "12")))
    orphans_before = _orphan_workers()
    landed_mid_ingest, k = 0, 0
    folder, size = batch(k := k + 1)
    start_of_batch = stored
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "forumlens", "--db", db, "ingest", str(folder)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # the kill moment; a child that has finished before it is not waited for (the kill would find
        # it gone either way, so the store is the same), only the idle rest of the wait is saved
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=rng.uniform(0.0, estimate))
        child.send_signal(signal.SIGKILL)  # a no-op on a child that has exited
        child.wait()
        now = _assert_consistent(db, expected)
        if now - start_of_batch >= size:  # too late: the batch was complete
            estimate *= 0.7
            folder, size = batch(k := k + 1)
            start_of_batch = now
        elif now == stored:  # too early: nothing new stored
            estimate *= 1.2
        else:
            landed_mid_ingest += 1
        stored = now
    assert landed_mid_ingest > 0, "no kill landed in the middle of an ingest"
    deadline = time.monotonic() + 10  # workers of killed ingests notice and exit within seconds
    while _orphan_workers() - orphans_before and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _orphan_workers() - orphans_before, "worker processes outlived a killed ingest"
    # a re-run completes every batch, without duplicates (one process for all the batches: what a
    # re-run must do does not depend on how many processes share it, and each start costs seconds)
    subprocess.run(
        [sys.executable, "-m", "forumlens", "--db", db, "ingest", *(str(tmp_path / f"batch{j}") for j in range(k + 1))],
        env=env,
        capture_output=True,
        check=True,
    )
    assert _assert_consistent(db, expected) == len(expected)


def test_disk_full_is_a_clear_error_and_the_store_stays_usable(tmp_path):
    store = SQLiteStore(str(tmp_path / "full.sqlite3"))
    ingest_file(store, CORPUS / "formats" / "2006-style.txt", IngestOptions(max_bytes=LIMIT))
    before = store.counts()
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own size limit
    with pytest.raises(StoreFull) as info:
        ingest_file(store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    assert "disk full" in str(info.value)
    assert store.counts() == before and store.check() == []
    assert store.search(parse_query("openness"), SearchFilters())
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert ingest_file(store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT)).status == "ingested"
    store.close()


def test_disk_full_through_the_cli_is_one_line(tmp_path, monkeypatch):
    db = tmp_path / "cli-full.sqlite3"
    store = SQLiteStore(str(db))
    store.close()
    original = SQLiteStore.__init__

    def tiny(self, location, **options):
        original(self, location, **options)
        self.conn.execute("PRAGMA max_page_count = 40")

    monkeypatch.setattr(SQLiteStore, "__init__", tiny)
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(MAIN_SESSION)])
    assert result.exit_code == 1
    assert "disk full" in result.output and "Traceback" not in result.output


def _damaged_store(tmp_path: Path) -> Path:
    db = tmp_path / "damaged.sqlite3"
    store = SQLiteStore(str(db))
    ingest_file(store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(db.read_bytes())
    rng = random.Random(5)
    for _ in range(40):  # scribble over pages after the header
        at = rng.randrange(4096, len(data) - 64)
        data[at : at + 64] = bytes(rng.randrange(256) for _ in range(64))
    db.write_bytes(bytes(data))
    return db


def test_check_reports_a_corrupted_store_without_a_traceback(tmp_path):
    db = _damaged_store(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(db), "check"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "problem:" in result.output or "damaged" in result.output


@pytest.mark.parametrize("as_json", [False, True])
def test_check_lists_damage_that_stops_its_own_integrity_check(tmp_path, as_json):
    # a page zeroed under the schema makes `PRAGMA integrity_check` itself fail: `check` said
    # "the database file is damaged … run `forumlens check`" to the one who had just run it,
    # and a monitoring script reading --json got no JSON
    import json

    db = tmp_path / "zeroed.sqlite3"
    store = SQLiteStore(str(db))
    ingest_file(store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    store.close()
    data = bytearray(db.read_bytes())
    data[8192 : 8192 + 4096] = bytes(4096)  # the third page: a table's root
    db.write_bytes(bytes(data))
    result = CliRunner().invoke(cli, ["--db", str(db), "check", *(["--json"] if as_json else [])])
    assert result.exit_code == 1
    assert "run `forumlens check`" not in result.output + result.stderr
    problems = json.loads(result.stdout)["problems"] if as_json else result.stdout.splitlines()
    assert any("damaged" in p and "restore a backup" in p for p in problems), result.output


def test_truncated_store_gets_a_clear_error_on_open(tmp_path):
    db = tmp_path / "cut.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    with pytest.raises(StoreCorrupt, match="damaged"):
        SQLiteStore(str(db))


def test_backup_while_reading_is_a_complete_store(tmp_path):
    db = tmp_path / "live.sqlite3"
    store = SQLiteStore(str(db))
    ingest_file(store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    reader = SQLiteStore(str(db), readonly=True)
    reader.search(parse_query("coalition"), SearchFilters())
    result = CliRunner().invoke(cli, ["--db", str(db), "backup", str(tmp_path / "copy.sqlite3")])
    assert result.exit_code == 0, result.output
    copy = SQLiteStore(str(tmp_path / "copy.sqlite3"))
    assert copy.counts() == store.counts() and copy.check() == []
    for s in (copy, reader, store):
        s.close()

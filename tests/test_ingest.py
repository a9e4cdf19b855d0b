"""Ingest of good and bad files: each bad file gets a clear reason and changes nothing."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from forumlens.errors import StoreReadOnly
from forumlens.ingest import IngestOptions, expand_paths, ingest_file, ingest_paths
from forumlens.store.sqlite import SQLiteStore

from .conftest import CORPUS, MAIN_SESSION, ROOT

LIMIT = 20_000_000


def _snapshot(store):
    return store.counts(), [s.id for s in store.sessions()]


@pytest.fixture
def seeded(fresh_store):
    ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    return fresh_store


def test_folders_are_walked_recursively_and_hidden_files_skipped(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "s.txt").write_text(">> A B: hi\n")
    (tmp_path / "a" / ".hidden.txt").write_text(">> A B: hi\n")
    (tmp_path / "a" / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / "top.html").write_text("<html><body><p>&gt;&gt; A B: hi</p></body></html>")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])] == ["top.html", "a/b/s.txt"]


def test_ingest_reports_each_file(fresh_store):
    outcomes = ingest_paths(fresh_store, [CORPUS / "formats", MAIN_SESSION], IngestOptions(max_bytes=LIMIT))
    by_status = {o.path: o.status for o in outcomes}
    assert by_status[str(MAIN_SESSION)] == "ingested"
    assert sum(s == "ingested" for s in by_status.values()) == 6  # 4 samples + README (no turns) + main
    again = ingest_paths(fresh_store, [MAIN_SESSION], IngestOptions(max_bytes=LIMIT))
    assert again[0].status == "skipped"
    forced = ingest_paths(fresh_store, [MAIN_SESSION], IngestOptions(max_bytes=LIMIT, force=True))
    assert forced[0].status == "ingested" and fresh_store.counts()["sessions"] == 6


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    files = {}
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    files["empty"] = (empty, "is empty")
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    files["png"] = (png, "PNG image")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        line = b">> JANE DOE: " + b"word " * 40 + b"\n"
        while handle.tell() < 50_000_000:
            handle.write(line * 1000)
    files["huge"] = (huge, "above the 20 MB limit")
    undecodable = tmp_path / "broken.txt"
    undecodable.write_bytes(b"\xef\xbb\xbf" + bytes(range(0x80, 0x100)) * 40)
    files["undecodable"] = (undecodable, "UTF-8")
    return files


@pytest.mark.parametrize("kind", ["empty", "png", "huge", "undecodable"])
def test_bad_input_fails_clearly_and_leaves_the_store_unchanged(seeded, tmp_path, kind):
    path, reason = _bad_files(tmp_path)[kind]
    before = _snapshot(seeded)
    outcome = ingest_file(seeded, path, IngestOptions(max_bytes=LIMIT))
    assert outcome.status == "failed"
    assert reason in outcome.reason and path.name in outcome.reason
    assert _snapshot(seeded) == before and seeded.check() == []


def test_file_without_turn_markers_is_kept_with_a_warning(seeded, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Coalition meeting notes\n\nWe agreed to publish the annual report in May.\n")
    outcome = ingest_file(seeded, notes, IngestOptions(max_bytes=LIMIT))
    # kept as a document whose turns are its paragraphs (issue 8), still with the warning
    assert outcome.status == "ingested" and outcome.turns == 2
    assert any("no turn markers" in w for w in outcome.warnings)


def test_a_path_that_vanishes_mid_ingest_is_reported_and_the_rest_goes_on(fresh_store, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(CORPUS / "formats" / "2006-style.txt", folder / name)
        (folder / name).write_text((folder / name).read_text() + f"\n>> JANE DOE: {name}\n")

    def delete_next(outcome):
        if outcome.path.endswith("a.txt"):
            (folder / "b.txt").unlink()

    outcomes = ingest_paths(fresh_store, [folder], IngestOptions(max_bytes=LIMIT), on_file=delete_next)
    assert [o.status for o in outcomes] == ["ingested", "failed", "ingested"]
    assert "not found" in outcomes[1].reason
    assert fresh_store.counts()["sessions"] == 2 and fresh_store.check() == []


def test_read_only_database_gets_a_clear_error_and_is_not_touched(tmp_path):
    path = tmp_path / "ro.sqlite3"
    store = SQLiteStore(str(path))
    ingest_file(store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    store.close()
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(StoreReadOnly, match="read-only"):
            SQLiteStore(str(path))
    finally:
        path.chmod(0o644)
    assert path.read_bytes() == before


def test_parallel_ingest_stores_exactly_what_a_serial_ingest_stores(tmp_path):
    files = [MAIN_SESSION, *sorted((CORPUS / "formats").glob("*.txt"))]
    stores = {}
    for workers in (1, 2):
        store = SQLiteStore(str(tmp_path / f"w{workers}.sqlite3"))
        outcomes = ingest_paths(store, files, IngestOptions(max_bytes=LIMIT, workers=workers))
        assert [o.status for o in outcomes] == ["ingested"] * len(files)
        assert [o.path for o in outcomes] == [str(f) for f in files]  # input order is kept
        stores[workers] = store
    for sql in (
        "SELECT id, title, turn_count FROM sessions ORDER BY id",
        "SELECT session_id, kind, data FROM analyses ORDER BY session_id, kind",
        "SELECT key, name FROM people ORDER BY key",
    ):
        assert stores[1]._rows(sql) == stores[2]._rows(sql)
    for store in stores.values():
        assert store.check() == []
        store.close()


def test_each_file_reports_its_analysis_stages_in_order(fresh_store):
    seen: list[tuple[str, str]] = []
    ingest_paths(
        fresh_store,
        [MAIN_SESSION],
        IngestOptions(max_bytes=LIMIT),
        on_stage=lambda path, stage: seen.append((path.name, stage)),
    )
    assert seen == [
        (MAIN_SESSION.name, stage)
        for stage in ("people and coalitions", "questions and asks", "tags", "glossary", "summary", "thread items")
    ]


POOL = """
import json, os, re, sys
from concurrent.futures import ProcessPoolExecutor
from forumlens.ingest import start_worker, worker_context

def state():
    return ["forumlens.workerboot" in sys.modules, re._compiler.compile.__qualname__]

if __name__ == "__main__":
    cache = sys.argv[1] if len(sys.argv) > 1 else None
    context = worker_context(warm=True)
    with ProcessPoolExecutor(1, mp_context=context, initializer=start_worker, initargs=(os.getpid(), cache)) as pool:
        seen = pool.submit(state).result()
        pool.submit(re.compile, "a name no session holds: Zyx Qwv").result()
    print(json.dumps(seen))
"""


def _pool_state(tmp_path, *cache: str) -> list:
    """What a warm analysis worker holds, seen from a fresh Python (its own forkserver)."""
    script = tmp_path / "pool.py"
    script.write_text(POOL)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, str(script), *cache], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_analysis_workers_start_warm_and_use_the_regex_cache_their_parent_uses(tmp_path):
    cache = tmp_path / "regex.marshal"
    assert _pool_state(tmp_path, str(cache)) == [True, "PatternCache.compile"]
    assert cache.exists()  # the worker kept the pattern it compiled when it left
    assert _pool_state(tmp_path) == [True, "compile"]  # a library caller's workers keep `re` as it was

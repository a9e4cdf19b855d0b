"""Many readers and one ingest at once, on both stores: no errors, no half sessions, no doubles.

Real processes (spawned, not forked from the test process: a fork inherits its threads and
signal handlers), each with its own store connection, as a shared deployment runs them: one
ingest job and 8 readers searching, listing and loading sessions in a loop.
"""

import multiprocessing
import time
import traceback

import pytest

from forumlens.ingest import IngestOptions, ingest_file
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store

from .conftest import MAIN_SESSION

SESSIONS = 16
READERS = 8
QUERIES = ["coalition", '"net neutrality"', "fund* OR youth", "internet -gender", "chung"]


def _variant(i: int) -> tuple[bytes, str]:
    """The main transcript under a new title line: new content hash, same turns."""
    text = MAIN_SESSION.read_text("utf-8")
    first, rest = text.split("\n", 1)
    return f"{first} (copy {i})\n{rest}".encode(), f"copy{i}.txt"


def _writer(location: str, analyses: dict, errors) -> None:
    try:
        store = open_store(location)
        for i in range(SESSIONS):
            data, name = _variant(i)
            document = read_bytes(data, name)
            store.save_session(document, parse_document(document), analyses)
        store.close()
    except BaseException:
        errors.put("writer: " + traceback.format_exc())


def _reader(location: str, done, errors, checks) -> None:
    try:
        store = open_store(location, readonly=True)
        count = 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            finished = done.is_set()
            for text in QUERIES:
                for hit in store.search(parse_query(text), SearchFilters(limit=10)):
                    loaded = store.load_session(hit.session)
                    info = store.session_info(hit.session)
                    if len(loaded.turns) != info.turns or [t.index for t in loaded.turns] != list(range(info.turns)):
                        errors.put(f"torn read: {hit.session} has {len(loaded.turns)} of {info.turns} turns")
                    count += 1
            for info in store.sessions(limit=1000):
                if len(store.load_session(info.id).turns) != info.turns:
                    errors.put(f"torn read: session {info.id}")
                count += 1
            if finished:
                break
        checks.put(count)
        store.close()
    except BaseException:
        errors.put("reader: " + traceback.format_exc())


def test_one_ingest_and_eight_readers(store_location):
    from forumlens.pipeline import analyse_session

    document = read_bytes(MAIN_SESSION.read_bytes(), "main.txt")
    analyses = analyse_session(parse_document(document))
    open_store(store_location).close()  # created and migrated before the crowd arrives
    context = multiprocessing.get_context("spawn")
    done, errors, checks = context.Event(), context.Queue(), context.Queue()
    readers = [context.Process(target=_reader, args=(store_location, done, errors, checks)) for _ in range(READERS)]
    writer = context.Process(target=_writer, args=(store_location, analyses, errors))
    for process in readers:
        process.start()
    writer.start()
    writer.join(180)
    done.set()
    for process in readers:
        process.join(180)
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert not problems, "\n".join(problems)
    assert writer.exitcode == 0 and all(p.exitcode == 0 for p in readers)
    reads = [checks.get(timeout=5) for _ in readers]
    assert all(n > 0 for n in reads)
    store = open_store(store_location)
    try:
        assert store.counts()["sessions"] == SESSIONS and store.check() == []
    finally:
        store.close()


def _race(location: str, path: str, barrier, results) -> None:
    from pathlib import Path

    store = open_store(location)
    barrier.wait(30)
    outcome = ingest_file(store, Path(path), IngestOptions(max_bytes=20_000_000))
    results.put((outcome.status, outcome.session))
    store.close()


@pytest.mark.parametrize("racers", [2, 4])
def test_racing_ingests_of_the_same_file_store_one_session(store_location, tmp_path, racers):
    path = tmp_path / "same.txt"
    path.write_bytes(MAIN_SESSION.read_bytes())
    open_store(store_location).close()
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(racers), context.Queue()
    processes = [
        context.Process(target=_race, args=(store_location, str(path), barrier, results)) for _ in range(racers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(180)
    assert all(p.exitcode == 0 for p in processes)
    outcomes = [results.get(timeout=5) for _ in processes]
    assert {status for status, _ in outcomes} <= {"ingested", "skipped"}
    assert len({sid for _, sid in outcomes}) == 1
    store = open_store(store_location)
    try:
        assert store.counts()["sessions"] == 1 and store.counts()["documents"] == 1
        assert store.check() == []
    finally:
        store.close()

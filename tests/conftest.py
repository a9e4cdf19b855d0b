"""Shared fixtures: the real corpus from ../shared, and a fresh store per test.

`fresh_store` runs every test that uses it twice: on a SQLite file and on a database of a
real PostgreSQL server, started once per test run (tests/pg_cluster.py) and stopped at the
end. Without the PostgreSQL binaries those tests fail, they never skip: a machine that
cannot test the server store must not look green. (For a quick local run without them,
FORUMLENS_TEST_POSTGRES=skip turns the failure into a skip; it is ignored when CI is set.)
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# The test extra installs onnx for the int8 embedder's own tests (tests/test_embed_int8.py); every
# other test embeds with the packaged model, as a default install (without `semantic-fast`) does.
os.environ.setdefault("FORUMLENS_EMBEDDER", "packaged")

from forumlens.store import Store, open_store

from .pg_cluster import ClusterUnavailable, TempCluster

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
RESOURCES = Path(__file__).resolve().parent / "resources"
MAIN_SESSION = CORPUS / "igf2021-dc-main-session.txt"


def pytest_sessionstart(session: pytest.Session) -> None:
    if not MAIN_SESSION.is_file():
        raise pytest.UsageError(f"the shared corpus is missing: expected {MAIN_SESSION} (../shared next to the repo)")


# Files every later test needs. A CI run once lost them part-way (every later test that read a
# file failed or skipped, then the run hung until its time limit); if that happens again the run
# stops at once and says what the machine looked like, instead of failing for an hour.
_SENTINELS = (ROOT / "README.md", ROOT / "pyproject.toml", MAIN_SESSION)


def pytest_runtest_setup(item: pytest.Item) -> None:
    missing = [str(p) for p in _SENTINELS if not p.exists()]
    if missing:
        from ._vanished import describe_machine

        pytest.exit(
            f"before {item.nodeid}: {', '.join(missing)} no longer exist(s); the checkout or ../shared "
            f"was removed during the run. What the machine looked like:\n{describe_machine(ROOT)}",
            returncode=3,
        )


@pytest.fixture
def shared() -> Path:
    return SHARED


@pytest.fixture
def main_text() -> str:
    return MAIN_SESSION.read_text("utf-8")


@pytest.fixture
def main_gold_turns() -> list[dict]:
    return json.loads((CORPUS / "igf2021-dc-main-session.turns.json").read_text("utf-8"))["turns"]


BACKENDS = ["sqlite", "postgres"]
_database_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[TempCluster]:
    """One throwaway PostgreSQL cluster for the whole run (started only if a test needs it)."""
    try:
        cluster = TempCluster().start()
    except ClusterUnavailable as exc:
        if os.environ.get("FORUMLENS_TEST_POSTGRES") == "skip" and not os.environ.get("CI"):
            pytest.skip(f"PostgreSQL tests skipped on request: {exc}")
        pytest.fail(f"the PostgreSQL store cannot be tested: {exc}", pytrace=False)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: TempCluster) -> Iterator[str]:
    """URL of a new, empty database on the test cluster, dropped after the test."""
    name = f"t{os.getpid()}_{next(_database_numbers)}"
    url = pg_cluster.create_database(name)
    yield url
    pg_cluster.drop_database(name)


@pytest.fixture(params=BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh store lives: a SQLite file path, or a postgresql:// URL."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return str(tmp_path / "store.sqlite3")


@pytest.fixture
def fresh_store(store_location: str) -> Iterator[Store]:
    store = open_store(store_location)
    yield store
    store.close()


@pytest.fixture(scope="session")
def _main_session_ingested_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared session stored once per run by the real `forumlens ingest` (in process, as the
    command-line tests run it), in a SQLite store that `main_session_db` copies for each test."""
    from click.testing import CliRunner

    from forumlens.cli import cli

    db = tmp_path_factory.mktemp("ingested-once") / "main.sqlite3"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(MAIN_SESSION)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1 ingested, 0 skipped, 0 failed" in result.output
    return db


@pytest.fixture
def main_session_db(_main_session_ingested_once: Path, tmp_path: Path) -> Path:
    """A fresh SQLite store of this test's own holding the shared session, as `forumlens ingest` of
    it leaves a new store: a copy (SQLite's online backup) of the one ingested once per run. Tests
    that only read or add to such a store take it instead of ingesting the session again (~1-2 s
    each); tests of ingest itself still ingest."""
    import sqlite3

    db = tmp_path / "ingested.sqlite3"
    source, target = sqlite3.connect(_main_session_ingested_once), sqlite3.connect(db)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return db


@pytest.fixture(autouse=True)
def _keep_as_before_each_test() -> Iterator[None]:
    """A test that runs the command line's `main` in process installs `text.keep` (derived data
    kept beside the regex cache) for the rest of the process; put back what was there before, so
    later tests see the library default (nothing kept) and nothing is written to the user's cache."""
    from forumlens.text import keep

    before = keep.installed()
    yield
    keep.install(before)

"""Shared fixtures: the real corpus from ../shared, and a fresh store per test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from forumlens.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
RESOURCES = Path(__file__).resolve().parent / "resources"
MAIN_SESSION = CORPUS / "igf2021-dc-main-session.txt"


def pytest_sessionstart(session: pytest.Session) -> None:
    if not MAIN_SESSION.is_file():
        raise pytest.UsageError(f"the shared corpus is missing: expected {MAIN_SESSION} (../shared next to the repo)")


@pytest.fixture
def shared() -> Path:
    return SHARED


@pytest.fixture
def main_text() -> str:
    return MAIN_SESSION.read_text("utf-8")


@pytest.fixture
def main_gold_turns() -> list[dict]:
    return json.loads((CORPUS / "igf2021-dc-main-session.turns.json").read_text("utf-8"))["turns"]


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore(str(tmp_path / "store.sqlite3"))
    yield store
    store.close()

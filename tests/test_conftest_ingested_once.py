"""`main_session_db`: a test's own copy of the store that `forumlens ingest` of the shared session leaves."""

from pathlib import Path

from forumlens.ingest import ingest_file
from forumlens.store import open_store

from .conftest import CORPUS, MAIN_SESSION


def test_the_copy_holds_the_shared_session_as_ingest_left_it(main_session_db: Path, _main_session_ingested_once: Path):
    assert main_session_db != _main_session_ingested_once
    copy, once = open_store(str(main_session_db)), open_store(str(_main_session_ingested_once))
    try:
        assert copy.check() == []
        (info,) = copy.sessions(limit=10)
        assert Path(info.source) == MAIN_SESSION and info.turns > 0
        assert copy.counts() == once.counts()
        assert len(copy.load_session(info.id).turns) == info.turns
    finally:
        copy.close()
        once.close()


def test_what_one_test_adds_to_its_copy_no_other_test_sees(main_session_db: Path, _main_session_ingested_once: Path):
    store = open_store(str(main_session_db))
    try:
        assert ingest_file(store, CORPUS / "formats" / "2006-style.txt").status == "ingested"
        assert len(store.sessions(limit=10)) == 2
    finally:
        store.close()
    once = open_store(str(_main_session_ingested_once))
    try:
        assert len(once.sessions(limit=10)) == 1
    finally:
        once.close()

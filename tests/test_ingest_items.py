"""Thread items extracted with the analysis (in the workers) and stored in the session's transaction.

What is stored must be exactly what the after-ingest step would extract from the stored
session and analyses (`extract_items(load_session(id), analyses, id)`), whatever the
worker count; a person renamed to a name put on record after the worker read the names
makes the after-ingest step extract that session's items again, and nothing else.
The two transcripts below are written for these tests: the same coalition speaker
captioned "Esterhuysen" one year and "Asterhuysen" the next (the store merges them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import forumlens.threads.service as service
from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.reanalyse import reanalyse
from forumlens.store import Store
from forumlens.store.sqlite import SQLiteStore
from forumlens.store.threads import THREAD_ITEMS
from forumlens.threads.items import extract_items
from forumlens.threads.models import ITEMS_VERSION

from .conftest import CORPUS, MAIN_SESSION

LIMIT = 50_000_000
HEADER = (
    "The following are the outputs of the captioning taken during an IGF intervention. Although it is"
    " largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or"
    " transcription errors.\n\n***\n\n"
)
FIRST = (
    "IGF 2022 – Day 2 – Open Forum #12: Coalitions and Community Networks\n\n" + HEADER + ">> MARIA GONZALEZ:  Good"
    " morning everyone.  I am Maria Gonzalez and I moderate this session.  Anriette, you speak for the Dynamic"
    " Coalition on Community Connectivity, the floor is yours.\n\n"
    ">> ANRIETTE ESTERHUYSEN:  Thank you Maria.  I speak for the Dynamic Coalition on Community Connectivity.  This"
    " year we will publish the guidelines on spectrum for community networks by June 2023.  What we need is funding"
    " for translations of the guidelines into French and Arabic, and we ask the MAG to give coalitions a main"
    " session slot.\n\n"
    ">> MARIA GONZALEZ:  Thank you.  Raj, please.\n\n"
    ">> RAJ PATEL:  Thanks.  From the youth side, uh, we need more travel support for young people from the global"
    " south, because otherwise we are not in the room.  Can the IGF Secretariat tell us when the travel fund opens?\n\n"
    ">> ANRIETTE ESTERHUYSEN:  On the travel fund, I think the Secretariat will say it opens in March.  And we are"
    " planning workshops with regulators in Kenya and in Brazil next year.\n\n"
    ">> MARIA GONZALEZ:  Thank you all, we close here.\n"
)
SECOND = (
    "IGF 2023 – Day 3 – Workshop #88: Community Networks One Year On\n\n" + HEADER + ">> KENJI TANAKA:  Welcome back."
    "  My name is Kenji Tanaka, I moderate.  Last year the coalition promised guidelines on spectrum.  Anriette,"
    " where are they?\n\n"
    ">> ANRIETTE ASTERHUYSEN:  Thank you Kenji.  For the Dynamic Coalition on Community Connectivity:  the"
    " guidelines on spectrum for community networks were announced for June 2023;  they have been delayed to March"
    " 2024 because the translations took longer.  We still need funding for the Arabic translation.\n\n"
    ">> FATIMA DIALLO:  Fatima Diallo, from Senegal.  Eh, the community networks in West Africa, they need the"
    " license exemption.  Who in the MAG is working on this?\n\n"
    ">> ANRIETTE ASTERHUYSEN:  The coalition works on it with the regulators, and we will share a draft in the next"
    " month.\n\n"
    ">> KENJI TANAKA:  Thank you.  We close the session.\n"
)


def _written(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "igf2022-of12.txt", tmp_path / "igf2023-ws88.txt"]
    for path, text in zip(paths, (FIRST, SECOND), strict=True):
        path.write_text(text, "utf-8")
    return paths


def _after_ingest_items(store: Store, sid: str) -> dict[str, Any]:
    """What the after-ingest step extracts from the stored session and its other analyses."""
    analyses = {k: v for k, v in store.analyses(sid).items() if k != THREAD_ITEMS}
    return extract_items(store.load_session(sid), analyses, sid).to_json()


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Session ids the after-ingest step extracts items for (in this process)."""
    seen: list[str] = []
    real = service.extract_items

    def counting(session: Any, analyses: Any, session_id: str | None = None) -> Any:
        seen.append(str(session_id))
        return real(session, analyses, session_id)

    monkeypatch.setattr(service, "extract_items", counting)
    return seen


def test_ingest_stores_the_items_the_after_ingest_step_would_extract(fresh_store, tmp_path, extractions):
    files = [MAIN_SESSION, *sorted((CORPUS / "formats").glob("*.txt")), *_written(tmp_path)]
    outcomes = ingest_paths(fresh_store, files, IngestOptions(max_bytes=LIMIT))
    ids = [o.session for o in outcomes if o.status == "ingested" and o.session]
    assert len(ids) == len(files)
    for sid in ids:
        stored = fresh_store.analysis(sid, THREAD_ITEMS)
        assert stored is not None and stored["version"] == ITEMS_VERSION
        assert stored == _after_ingest_items(fresh_store, sid)
    assert sum(len(fresh_store.analysis(sid, THREAD_ITEMS)["items"]) for sid in ids) > 20
    # the two captionings of her name were merged with the one on record (the corpus has one too)
    # and the items were still kept in the transaction
    named = [{p["name"] for p in fresh_store.analysis(sid, "people") if "Anriette" in p["name"]} for sid in ids[-2:]]
    assert len(named[0]) == 1 and named[0] == named[1]
    assert extractions == []  # one process: the names read were the names stored, so nothing was left to extract


def test_workers_store_the_same_items_and_a_name_put_on_record_meanwhile_is_extracted_again(tmp_path, extractions):
    """With two workers both files are prepared before either is stored: the second read
    no "Esterhuysen" on record, so its items are extracted again after storing."""
    files = _written(tmp_path)
    store = SQLiteStore(str(tmp_path / "w2.sqlite3"))
    try:
        outcomes = ingest_paths(store, files, IngestOptions(max_bytes=LIMIT, workers=2))
        first, second = (o.session for o in outcomes)
        assert first and second
        assert extractions == [second]
        for sid in (first, second):
            assert store.analysis(sid, THREAD_ITEMS) == _after_ingest_items(store, sid)
        assert "Anriette Esterhuysen" in [p["name"] for p in store.analysis(second, "people")]
    finally:
        store.close()


def test_refresh_extracts_only_sessions_without_current_items(tmp_path):
    store = SQLiteStore(str(tmp_path / "s.sqlite3"))
    try:
        first, second = (o.session or "" for o in ingest_paths(store, _written(tmp_path), IngestOptions()))
        kept = store.analysis(second, THREAD_ITEMS)
        assert service.refresh_thread_items(store, [first, second]) == 0
        old = {**kept, "version": ITEMS_VERSION - 1}
        store.save_thread_items(second, old)  # kept by an older extraction
        analyses = {k: v for k, v in store.analyses(first).items() if k != THREAD_ITEMS}
        store.replace_analyses(first, analyses)  # re-analysed without items
        assert service.refresh_thread_items(store, [first, second]) == 2
        assert store.analysis(second, THREAD_ITEMS) == kept
        assert store.analysis(first, THREAD_ITEMS) == _after_ingest_items(store, first)
    finally:
        store.close()


def test_analyse_missing_stores_the_items_with_the_analyses(tmp_path, extractions):
    """`analyse --missing` after `ingest --no-analysis`: the engine's task extracts the items
    with the analysis (the stored document metadata included) and they are written with it."""
    store = SQLiteStore(str(tmp_path / "later.sqlite3"))
    try:
        files = [MAIN_SESSION, *_written(tmp_path)]
        ids = [o.session or "" for o in ingest_paths(store, files, IngestOptions(analyse=False))]
        assert all(store.analysis(sid, THREAD_ITEMS) is None for sid in ids)
        assert reanalyse(store, ids) == len(ids)
        for sid in ids:
            assert store.analysis(sid, THREAD_ITEMS) == _after_ingest_items(store, sid)
        assert extractions == []  # nothing was left for the after-ingest step
    finally:
        store.close()

"""Each turn carries the person it is counted for (`turns.person_key`, migration 10), on both stores.

Written with the people analysis in its transaction, re-written when the analyses are
replaced, backfilled when an older store is opened (SQLite's upgrade path, PostgreSQL
migration 10), and a failed upgrade leaves the store as it was. Every speaker filter reads
it; these tests check it against the people analysis itself, the reading the session page
credits turns by.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest

from forumlens.credits import credited_lines
from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.search import SearchFilters, parse_query
from forumlens.store import credited, open_store
from forumlens.store.migrations import SCHEMA_VERSION
from forumlens.store.portal import SessionFilters
from forumlens.transcript.speakers import name_key

from .pg_rewind import undo_migration_10
from .test_search_speaker_person import TRANSCRIPT

WORDS = "community OR spectrum OR workshop OR thank OR kenya"


def _ingest(location: str, tmp_path: Path) -> str:
    source = tmp_path / "igf2022-ws41.txt"
    source.write_text(TRANSCRIPT, "utf-8")
    with open_store(location) as store:
        [outcome] = ingest_paths(store, [source], IngestOptions())
        assert outcome.status == "ingested"
        return store.sessions()[0].id


def _keys(location: str, session: str) -> dict[int, str | None]:
    """Line → person key of each speech turn, as stored."""
    with open_store(location) as store:
        rows = store._rows(
            "SELECT line, person_key FROM turns WHERE session_id = ? AND kind = 'speech' ORDER BY idx", (session,)
        )
    return {int(line): key for line, key in rows}


def _expected(people: Any, lines: list[int]) -> dict[int, str | None]:
    """What the people analysis credits each turn to, as the session page reads it."""
    named = credited_lines(people)
    return {line: name_key(named[line]) if line in named else None for line in lines}


def _speaker_results(location: str) -> dict[str, list[tuple[str, int]]]:
    out = {}
    with open_store(location) as store:
        for speaker in ("quintero", "rosa", "moderator", "berg", "tomas", "nobody"):
            hits = store.search(parse_query(WORDS), SearchFilters(speaker=speaker, limit=100))
            exhaustive = store.search(parse_query(WORDS), SearchFilters(speaker=speaker, limit=100, candidates=None))
            assert sorted((h.session, h.line) for h in hits) == sorted((h.session, h.line) for h in exhaustive)
            out[speaker] = sorted((h.session, h.line) for h in hits)
    return out


def test_ingest_writes_the_credited_person_on_each_turn(store_location, tmp_path):
    session = _ingest(store_location, tmp_path)
    with open_store(store_location) as store:
        people = store.analysis(session, "people")
    stored = _keys(store_location, session)
    assert stored == _expected(people, list(stored))
    assert stored == {4: "rosa quintero", 5: "tomas berg", 6: "rosa quintero", 7: "tomas berg", 8: "rosa quintero"}


def test_replacing_the_analyses_re_credits_the_turns(store_location, tmp_path):
    session = _ingest(store_location, tmp_path)
    with open_store(store_location) as store:
        analyses = {kind: store.analysis(session, kind) for kind in ("people", "flags")}
        # the analysis now counts line 8 for someone else, and no longer names Tomas at all
        people = [
            {**p, "lines": [line for line in p["lines"] if line != 8]}
            for p in analyses["people"]
            if "Berg" not in p["name"]
        ]
        people.append({"name": "Ana Lima", "labels": ["MODERATOR"], "lines": [8]})
        store.replace_analyses(session, {"people": people})
        assert store.check() == []  # PostgreSQL: the search rows follow their turns
    assert _keys(store_location, session) == {4: "rosa quintero", 5: None, 6: "rosa quintero", 7: None, 8: "ana lima"}
    with open_store(store_location) as store:
        lima = store.search(parse_query(WORDS), SearchFilters(speaker="lima"))
        tomas = store.search(parse_query(WORDS), SearchFilters(speaker="tomas"))
    assert [h.line for h in lima] == [8]
    assert sorted(h.line for h in tomas) == [5, 7]  # his caption label still matches


def test_a_line_listed_for_two_people_goes_to_the_later_as_the_page_credits_it(store_location, tmp_path):
    session = _ingest(store_location, tmp_path)
    people = [
        {"name": "Rosa Quintero", "lines": [4, 6]},
        {"name": "Ana Lima", "lines": [6, 8]},
    ]
    with open_store(store_location) as store:
        store.replace_analyses(session, {"people": people})
    stored = _keys(store_location, session)
    assert stored == _expected(people, list(stored)) and stored[6] == "ana lima"


def test_a_person_listed_twice_is_credited_for_both_entries_lines(store_location, tmp_path):
    """Two entries of one name key (a name as spelt and as captioned): the page credits the lines of both.

    The store read the lines of its `appearances` rows, which keep one row per person, so the
    second entry's lines had no person on the turn while the session page named one.
    """
    session = _ingest(store_location, tmp_path)
    people = [
        {"name": "Rosa Quintero", "lines": [4, 6]},
        {"name": "Tomas Berg", "lines": [5]},
        {"name": "ROSA QUINTERO", "lines": [8]},
    ]
    with open_store(store_location) as store:
        store.replace_analyses(session, {"people": people})
        assert store.check() == []
    stored = _keys(store_location, session)
    assert (
        stored
        == _expected(people, list(stored))
        == {
            4: "rosa quintero",
            5: "tomas berg",
            6: "rosa quintero",
            7: None,
            8: "rosa quintero",
        }
    )


def test_both_stores_filter_alike(tmp_path, pg_url):
    lite = str(tmp_path / "parity.sqlite3")
    _ingest(lite, tmp_path)
    _ingest(pg_url, tmp_path)
    assert _speaker_results(lite) == _speaker_results(pg_url)
    with open_store(lite) as a, open_store(pg_url) as b:
        filters = SessionFilters(speaker="quintero")
        assert [s.id for s in a.filtered_sessions(filters)] == [s.id for s in b.filtered_sessions(filters)] != []


# -- the upgrade of an older store ----------------------------------------------------------------------


def _rewind_sqlite(path: str) -> None:
    """The file as forumlens at schema version 9 left it."""
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE turns DROP COLUMN person_key")
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()


def _rewind(location: str) -> None:
    if location.startswith("postgresql"):
        with psycopg.connect(location, autocommit=True) as conn:
            undo_migration_10(conn)
    else:
        _rewind_sqlite(location)


def _has_person_key(location: str) -> bool:
    if location.startswith("postgresql"):
        with psycopg.connect(location) as conn:
            found = conn.execute(
                "SELECT count(*) FROM information_schema.columns WHERE column_name = 'person_key'"
                " AND table_name IN ('turns', 'turn_search') AND table_schema = current_schema()"
            ).fetchone()
        return bool(found and found[0])
    conn = sqlite3.connect(location)
    try:
        return any(row[1] == "person_key" for row in conn.execute("PRAGMA table_info(turns)"))
    finally:
        conn.close()


def test_opening_a_v9_store_backfills_the_keys_with_the_same_results(store_location, tmp_path):
    assert SCHEMA_VERSION == 10
    session = _ingest(store_location, tmp_path)
    before, keys = _speaker_results(store_location), _keys(store_location, session)
    assert before["quintero"] and before["moderator"] == before["quintero"]
    _rewind(store_location)
    assert not _has_person_key(store_location)
    with open_store(store_location) as store:  # opening migrates 9 → 10
        assert store.schema_version() == SCHEMA_VERSION and store.check() == []
    assert _keys(store_location, session) == keys
    assert _speaker_results(store_location) == before


def test_a_failed_upgrade_leaves_the_store_as_it_was(store_location, tmp_path, monkeypatch):
    session = _ingest(store_location, tmp_path)
    _rewind(store_location)

    def broken(tx: Any, session_id: str, appearances: Any) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(credited, "credit_turns", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        open_store(store_location)
    assert not _has_person_key(store_location)
    monkeypatch.undo()
    with open_store(store_location) as store:  # a later open upgrades it whole
        assert store.schema_version() == SCHEMA_VERSION and store.check() == []
    assert _keys(store_location, session)[4] == "rosa quintero"


def test_a_live_rewrite_of_the_last_turns_keeps_their_credit(store_location):
    """A live session rewrites its last turns on every slice; they keep the person the last analysis named."""
    from forumlens.store.live import LiveUpdate
    from forumlens.transcript.parse import parse_transcript

    session = parse_transcript(TRANSCRIPT, source="live.txt", sha256="f" * 64)
    sid = "livesession01"
    with open_store(store_location) as store:
        store.live_begin(sid, "f" * 64, "live.txt", session.title, 2022, "2022-11-29T10:00:00")

        def write(first: int) -> None:
            turns = session.turns[first:]
            store.live_update(
                LiveUpdate(sid, TRANSCRIPT, first, turns, len(session.turns), 100, 2, (), session.title, 2022, "now")
            )

        write(0)
        speech = [t for t in session.turns if t.kind == "speech"]
        rosa = [t.line for t in speech if t.label == "MODERATOR"]
        store.replace_analyses(sid, {"people": [{"name": "Rosa Quintero", "labels": ["MODERATOR"], "lines": rosa}]})
        write(len(session.turns) - 2)  # the last two turns rewritten, as the next slice does
        assert store.check() == []
    keys = _keys(store_location, sid)
    assert {line for line, key in keys.items() if key == "rosa quintero"} == set(rosa) == {4, 6, 8}

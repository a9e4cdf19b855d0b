"""forumlens.store.rows: the turn columns one session writes are the columns a store reads back."""

from __future__ import annotations

from forumlens.ingest import IngestOptions, ingest_file
from forumlens.models import Document
from forumlens.store import Store
from forumlens.store.rows import TURN_COLUMNS, TURN_READ, session_rows, turn_of
from forumlens.transcript.parse import parse_transcript

from .conftest import MAIN_SESSION

WORKSHOP = """IGF 2021 Katowice - WS 12: Community networks

>> MODERATOR: Welcome. Our first speaker is Ms. Ana Lima.
>> ANA LIMA: Thank you. We built twelve community networks in the Amazon region.
(Applause)
>> BEN ODE: And we trained forty local operators.
"""


def test_a_written_turn_row_reads_back_as_the_same_turn() -> None:
    session = parse_transcript(WORKSHOP)
    document = Document("ws12.txt", WORKSHOP, "text", "utf-8", "0" * 64)
    written = session_rows(document, session, None, "2026-12-04T00:00:00Z").turns
    read = [name.strip() for name in TURN_READ.split(",")]
    for turn, row in zip(session.turns, written, strict=True):
        by_column = dict(zip(TURN_COLUMNS, row, strict=True))
        assert turn_of([by_column[name] for name in read]) == turn


def test_a_stored_session_and_its_live_tail_read_the_turns_alike(fresh_store: Store) -> None:
    outcome = ingest_file(fresh_store, MAIN_SESSION, IngestOptions())
    assert outcome.session
    session = fresh_store.load_session(outcome.session)
    assert session.turns == parse_transcript(MAIN_SESSION.read_text("utf-8")).turns
    assert fresh_store.turns_from(outcome.session, 5) == list(session.turns[5:])

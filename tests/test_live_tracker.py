"""The pure parts of live mode: bytes → text as ingest decodes them, the tail parser, the end note.

Every transcript of the shared corpus is fed in random slices (split inside lines,
inside UTF-8 characters, inside "\\r\\n"): the turns the tracker holds after the last slice
must be exactly those `ingest` parses from the whole file, with the same line numbers.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from forumlens.live import END_MARKER, TextFeed, TurnTracker
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes

from .conftest import CORPUS, MAIN_SESSION

TRANSCRIPTS = [MAIN_SESSION, *sorted((CORPUS / "formats").glob("*.txt"))]


def _feed(data: bytes, seed: int, most: int = 300) -> tuple[TurnTracker, TextFeed, list[int]]:
    """Feed `data` in random slices; returns the tracker, the feed and the `first` index of each change."""
    rng = random.Random(seed)
    tracker, feed, firsts = TurnTracker(), TextFeed(), []
    at = 0
    while at < len(data):
        size = rng.randint(1, most)
        decoded = feed.append(data[at : at + size])
        at += size
        changes = tracker.reset(decoded.text) if decoded.whole else tracker.append(decoded.text)
        if changes:
            firsts.append(changes.first)
    return tracker, feed, firsts


def _expected(data: bytes) -> list[tuple]:
    session = parse_document(read_bytes(data, "x.txt"))
    return [(t.index, t.line, t.end_line, t.label, t.speaker, t.kind, t.text, t.start, t.end) for t in session.turns]


def _got(tracker: TurnTracker) -> list[tuple]:
    return [(t.index, t.line, t.end_line, t.label, t.speaker, t.kind, t.text, t.start, t.end) for t in tracker.turns]


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=lambda p: Path(p).name)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_turns_after_random_slices_are_those_ingest_parses(path: Path, seed: int) -> None:
    data = path.read_bytes()
    tracker, feed, _firsts = _feed(data, seed)
    assert _got(tracker) == _expected(data)
    assert not feed.whole_mode  # valid UTF-8 throughout: decoded incrementally all along


def test_a_growing_turn_is_replaced_in_place_and_earlier_turns_are_never_touched() -> None:
    tracker = TurnTracker()
    tracker.append("Title of the session\n\n>> ANNA SMITH: Good morning")
    assert [(t.index, t.label, t.text) for t in tracker.turns] == [(0, "ANNA SMITH", "Good morning")]
    grown = tracker.append(" everyone.\nWelcome to the")
    assert grown.first == 0 and len(tracker.turns) == 1
    assert tracker.turns[0].text == "Good morning everyone.\nWelcome to the"
    second = tracker.append(" session.\n>> BEN JONES: Thank")
    assert second.first == 0  # the first turn's text ended; the second is new
    assert [t.label for t in tracker.turns] == ["ANNA SMITH", "BEN JONES"]
    third = tracker.append(" you, Anna.\n")
    assert third.first == 1 and [t.index for t in third.turns] == [1]
    assert tracker.turns[1].line == 5 and tracker.turns[1].text == "Thank you, Anna."
    assert tracker.word_count == 10  # "Good morning everyone. Welcome to the session. Thank you, Anna."
    assert tracker.speaker_count == 2


def test_cost_per_update_is_the_last_turn_not_the_session() -> None:
    """After a long session, an update re-parses only the last line's turns (a constant slice)."""
    data = MAIN_SESSION.read_text("utf-8")
    tracker = TurnTracker()
    tracker.append(data)
    before = len(tracker.turns)
    changes = tracker.append("\n>> NEW SPEAKER: One more point.\n")
    assert changes.first == before  # nothing before the new turn was replaced
    assert len(changes.turns) == 1 and tracker.turns[-1].text == "One more point."


def test_utf8_split_inside_characters_and_crlf_split_between_reads() -> None:
    text = "Séance\r\n>> JOSÉ GARCÍA‑LÓPEZ: Merci, ¿qué tal?\r\n>> 王 小明: 你好\r\n"
    data = text.encode("utf-8")
    for seed in range(20):
        tracker, feed, _ = _feed(data, seed, most=3)
        assert feed.text == text.replace("\r\n", "\n")
        assert _got(tracker) == _expected(data)


def test_utf8_bom_and_utf16_are_decoded_as_ingest_decodes_them() -> None:
    text = "Workshop\n>> ANNA SMITH: Hello there.\n>> BEN JONES: Hi.\n"
    for data in (b"\xef\xbb\xbf" + text.encode(), text.encode("utf-16"), text.encode("utf-16-le")):
        tracker, feed, _ = _feed(data, 5, most=3)
        assert feed.text == read_bytes(data, "x").text
        assert [t.label for t in tracker.turns] == ["ANNA SMITH", "BEN JONES"]


def test_a_changed_encoding_is_reported_once_and_decoded_as_ingest_would() -> None:
    feed = TextFeed("caps.txt")
    first = feed.append(">> ANNA SMITH: café\n".encode())
    assert first.note is None and first.text == ">> ANNA SMITH: café\n"
    switched = feed.append(">> BEN JONES: déjà vu\n".encode("cp1252"))
    assert switched.note is not None and "offset" in switched.note and "encoding" in switched.note
    assert feed.whole_mode
    assert feed.text == read_bytes(bytes(feed.raw), "x").text
    later = feed.append(b">> ANNA SMITH: ok\n")
    assert later.note is None and feed.text.endswith(">> ANNA SMITH: ok\n")


def test_a_rewritten_source_replaces_the_whole_text() -> None:
    feed = TextFeed()
    feed.append(b">> A B: one\n>> C D: two\n")
    decoded = feed.replace(b">> A B: uno\n")
    assert decoded.whole and decoded.text == ">> A B: uno\n"
    grown = feed.replace(b">> A B: uno\n>> C D: dos\n")
    assert not grown.whole and grown.text == ">> C D: dos\n"


@pytest.mark.parametrize(
    "line",
    [
        "(Session concluded)",
        "[ END OF SESSION ]",
        "(The meeting adjourned at 16:30.)",
        ">> (End of captioning)",
        "(Session ends)",
        "[Workshop closed]",
    ],
)
def test_end_of_session_notes(line: str) -> None:
    assert END_MARKER.search(f">> ANNA SMITH: Thank you all.\n{line}\n")


@pytest.mark.parametrize(
    "line",
    [
        "(Applause)",
        ">> ANNA SMITH: This session will end at five (session ends at 17:00) as planned.",
        "(Poor audio quality)",
        "We should end the session with a question.",
        "(end)",
    ],
)
def test_not_end_of_session_notes(line: str) -> None:
    assert not END_MARKER.search(f"{line}\n")


def test_characters_ingest_repairs_switch_to_whole_text_decoding() -> None:
    """A Unicode line separator becomes a line break in ingest: the live text must follow, or lines would shift."""
    data = "Workshop\n>> ANNA SMITH: one\u2028two\n>> BEN JONES: three\n".encode()
    tracker, feed, _ = _feed(data, 3, most=4)
    assert feed.whole_mode
    assert _got(tracker) == _expected(data)
    assert tracker.turns[1].line == 4  # after the separator turned into a line break

"""A digest item shows the words that made it match (route/digest.py, issue 23).

Stop 42's walk: a saved search for "backhaul" delivered "search 'backhaul': “Thank you, Leilani.
We handed … eighteen …”": the quote was the head of the matched line, cut at 180 characters before
the query word. The quote is now the piece of the line around the matched words (cut at word
ends, "…" where cut), still verbatim; a line whose head already shows them is quoted as before.
The transcript is our own.
"""

from __future__ import annotations

from datetime import UTC, datetime

from forumlens.route.digest import QUOTE_CHARS, _shorten, build_digest, focus
from forumlens.route.matching import match_new_sessions
from forumlens.route.repository import SubscriberRepository
from forumlens.route.service import add_subscriber

from .route_support import store_session

NOW = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
LONG = (
    "Thank you, Leilani. We handed the two-page summary to the ministers of the eighteen island countries in"
    " March, and several of them asked for the regional figures, which we sent in April with the school"
    " counts. The backhaul costs in the outer islands fell by a third after the joint tender, and that is"
    " what we want to repeat with the satellite operators next year."
)
TRANSCRIPT = f"""Pacific Schools Connectivity Review

>> LEILANI KAHALE:  Good morning.  Let us start with the figures from the islands.

>> TEVITA FONUA:  {LONG}

>> LEILANI KAHALE:  Thank you, Tevita.  We close here.
"""


def _pieces(quote: str) -> list[str]:
    return [p.strip() for p in quote.split("…") if p.strip()]


def test_a_search_item_quotes_the_words_it_matched(fresh_store, tmp_path):
    path = tmp_path / "pacific-schools.txt"
    path.write_text(TRANSCRIPT, "utf-8")
    session_id = store_session(fresh_store, path, analyses={})
    sub = add_subscriber(fresh_store, "Island ministers", feed=True, interests={"queries": ["backhaul"]})
    match_new_sessions(fresh_store, [session_id], now=NOW)
    matches = SubscriberRepository(fresh_store).matches(sub.id)
    digest = build_digest(fresh_store, sub.name, matches, base_url="https://x.example/", generated_at="2025-03-04")
    (item,) = digest.items
    assert item.line == 5
    assert "backhaul" in item.quote
    assert item.quote.startswith("… ")
    assert all(piece in LONG for piece in _pieces(item.quote))  # verbatim
    assert len(item.quote) <= QUOTE_CHARS + 4


def test_a_head_that_shows_the_words_is_kept():
    at, end = focus(LONG, "leilani", "person leilani: Leilani Kahale spoke")
    assert (at, end) == (11, 18)
    assert _shorten(LONG).startswith("Thank you, Leilani.")


def test_the_piece_around_a_word_starts_and_ends_on_whole_words():
    at, _ = focus(LONG, "satellite", "search 'satellite'")
    piece = _shorten(LONG, at=at)
    assert "satellite" in piece and piece.startswith("… ") and not piece.endswith("…")  # the line's end
    assert all(piece in LONG for piece in _pieces(piece))
    first = _pieces(piece)[0].split()[0]
    assert f" {first} " in f" {LONG} "


def test_no_word_of_the_interest_on_the_line():
    assert focus(LONG, "dc-pal", "coalition DC-PAL: Dynamic Coalition on Public Access (presented)") == (-1, -1)

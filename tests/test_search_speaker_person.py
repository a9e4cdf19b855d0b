"""`--speaker` finds the person a turn is counted for, not only its caption label, alike on both stores.

A moderator captioned MODERATOR who says "my name is Rosa Quintero" has her turns counted
for Rosa Quintero by the people analysis; a user filtering by "quintero" means her. The
label still matches ("moderator"), and a snippet never opens or closes inside a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.store.portal import SessionFilters
from forumlens.store.search_snippets import whole_words
from forumlens.store.sql import SNIPPET_CLOSE, SNIPPET_OPEN

# written for this test: a moderator captioned by role, who names herself in her first turn
TRANSCRIPT = """IGF 2022 WS #41 Community Networks and Spectrum
Addis Ababa, 29 November 2022

>> MODERATOR: Good afternoon and welcome. My name is Rosa Quintero and I will moderate this workshop on community networks. Our first speaker is Tomas Berg from the Nordic Spectrum Forum.
>> TOMAS BERG: Thank you, Rosa. Rural operators cannot pay auction prices for spectrum, so we ask regulators for a licence category that community networks can afford.
>> MODERATOR: Thank you, Tomas. I don't know of any country that has done this for spectrum in the upper bands, so the room may help us here with examples and evidence of what works.
>> TOMAS BERG: Kenya did, in 2021, and the results on spectrum use were good.
>> MODERATOR: We close here. Thank you all for coming to this workshop.
"""


@pytest.fixture
def stored(store_location: str, tmp_path: Path) -> str:
    source = tmp_path / "igf2022-ws41.txt"
    source.write_text(TRANSCRIPT, "utf-8")
    with open_store(store_location) as store:
        outcomes = ingest_paths(store, [source], IngestOptions())
        assert [o.status for o in outcomes] == ["ingested"]
    return store_location


def _lines(location: str, words: str, speaker: str | None) -> list[int]:
    with open_store(location) as store:
        hits = store.search(parse_query(words), SearchFilters(speaker=speaker))
    return sorted(h.line for h in hits)


def test_the_people_analysis_counts_the_moderator_turns_for_her(stored):
    with open_store(stored) as store:
        people = store.analysis(store.sessions()[0].id, "people")
    rosa = [p for p in people if p["name"] == "Rosa Quintero"]
    assert rosa and rosa[0]["lines"] == [4, 6, 8], people  # the premise of the tests below


@pytest.mark.parametrize(
    ("speaker", "lines"),
    [
        ("quintero", [4, 6, 8]),  # the person, captioned MODERATOR
        ("Rosa Quintero", [4, 6, 8]),
        ("ROSA QUINTERO", [4, 6, 8]),
        ("moderator", [4, 6, 8]),  # the caption label still matches
        ("berg", [5, 7]),  # the other person: his own label
        ("kenya", []),  # a word of the text is not a speaker
        (None, [4, 5, 6, 7, 8]),
    ],
)
def test_speaker_matches_the_person_or_the_label(stored, speaker, lines):
    assert _lines(stored, "community OR spectrum OR workshop", speaker) == lines


def test_the_exhaustive_path_filters_alike(stored):
    with open_store(stored) as store:
        query = parse_query("spectrum OR workshop")
        capped = store.search(query, SearchFilters(speaker="quintero"))
        exhaustive = store.search(query, SearchFilters(speaker="quintero", candidates=None))
    assert [(h.line, h.snippet) for h in capped] == [(h.line, h.snippet) for h in exhaustive]
    assert sorted(h.line for h in capped) == [4, 6, 8]


def test_facets_and_the_session_list_read_the_same_filter(stored):
    with open_store(stored) as store:
        facets = store.search_facets(parse_query("spectrum"), SearchFilters(speaker="quintero"))
        sessions = store.filtered_sessions(SessionFilters(speaker="quintero"))
        nobody = store.filtered_sessions(SessionFilters(speaker="kenya"))
    assert facets is not None and sum(n for _, n in facets.years) == 2  # lines 4 and 6 say "spectrum"
    assert len(sessions) == 1 and nobody == []


def test_both_stores_answer_alike(tmp_path, pg_url):
    answers = []
    for location in (str(tmp_path / "parity.sqlite3"), pg_url):
        source = tmp_path / "igf2022-ws41.txt"
        source.write_text(TRANSCRIPT, "utf-8")
        with open_store(location) as store:
            ingest_paths(store, [source], IngestOptions())
            hits = store.search(parse_query("spectrum OR community"), SearchFilters(speaker="quintero"))
        answers.append([(h.line, h.speaker, h.snippet) for h in hits])
    assert answers[0] == answers[1] and answers[0]


def test_a_snippet_starts_and_ends_on_word_boundaries(stored):
    with open_store(stored) as store:
        hits = store.search(parse_query("examples"), SearchFilters())
    assert [h.line for h in hits] == [6]
    words = TRANSCRIPT.split()
    first, last = hits[0].snippet.strip("…").split()[0], hits[0].snippet.strip("…").split()[-1]
    assert first.replace("**", "") in words and last.replace("**", "") in words, hits[0].snippet


M = (SNIPPET_OPEN, SNIPPET_CLOSE)


@pytest.mark.parametrize(
    ("snippet", "text", "expected"),
    [
        # FTS5 splits "don't" into two tokens and may cut between them
        (
            f"…t know the {M[0]}energy{M[1]} figures…",
            "So I don't know the energy figures yet.",
            f"…don't know the {M[0]}energy{M[1]} figures…",
        ),
        (
            f"…we need e-{M[0]}waste{M[1]} data on e…",
            "Now we need e-waste data on e-mail too.",
            f"…we need e-{M[0]}waste{M[1]} data on e-mail…",
        ),
        # an edge that reaches the text's own start or end loses its ellipsis
        (f"…t know {M[0]}energy{M[1]}…", "don't know energy.", f"don't know {M[0]}energy{M[1]}."),
        # already whole: unchanged
        (f"…the {M[0]}energy{M[1]} use…", "and the energy use of it", None),
        # a piece too long to complete is dropped instead
        (f"…{'x' * 30} see {M[0]}energy{M[1]}…", "a" + "x" * 60 + " see energy now", f"…see {M[0]}energy{M[1]}…"),
        # not found in the text (changed since): unchanged
        (f"…t know {M[0]}energy{M[1]}…", "something else entirely", None),
    ],
)
def test_whole_words(snippet, text, expected):
    """None: the snippet comes back unchanged."""
    assert whole_words(snippet, text) == (snippet if expected is None else expected)

"""Control characters in a search (a NUL, an escape sequence) on the portal and the API, on both stores.

A NUL pasted into the search box was echoed into the page and the JSON, and a NUL in a
filter made PostgreSQL fail (500) where SQLite found nothing. The page and the API now
search what is left once control characters are removed, say what they removed, and
SQLite and PostgreSQL give the same answer. Anywhere else a NUL in the address is the same
clear 400 on both stores (it was a 500 on PostgreSQL only).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.store.sql import filter_value, without_controls
from forumlens.transcript.parse import parse_transcript
from forumlens.web import create_app

from .first_use_support import TRANSCRIPT, hand_analyses
from .web_support import web_settings


def test_without_controls_replaces_them_with_a_space_and_names_them():
    assert without_controls("map\x00ping") == ("map ping", ("U+0000",))
    assert without_controls("net\x1b[31m neutrality\x07\x00") == (
        "net [31m neutrality  ",
        ("U+0000", "U+0007", "U+001B"),
    )
    assert without_controls("a\tb\r\nc") == ("a b  c", ())  # spacing, replaced but not reported
    assert without_controls("café – ünïcode") == ("café – ünïcode", ())
    assert without_controls("\x85\x9f") == ("  ", ("U+0085", "U+009F"))  # C1 controls too


def _fill(location: str, folder: Path) -> str:
    source = folder / "igf2023-ws9.txt"
    source.write_text(TRANSCRIPT, "utf-8")
    document = read_bytes(source.read_bytes(), str(source))
    session = parse_transcript(document.text, source=str(source), sha256=document.sha256)
    store = open_store(location)
    try:
        store.save_session(document, session, hand_analyses(), replace=True)
    finally:
        store.close()
    return session.id


@pytest.fixture
def client(store_location: str, tmp_path: Path) -> Any:
    session_id = _fill(store_location, tmp_path)
    with TestClient(create_app(store_location, web_settings(store_location))) as test_client:
        test_client.session_id = session_id  # type: ignore[attr-defined]
        yield test_client


def _api(client: Any, **params: Any) -> dict[str, Any]:
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _lines(answer: dict[str, Any]) -> list[tuple[str, int]]:
    return [(h["session"], h["line"]) for h in answer["hits"]]


def test_a_nul_in_the_query_is_removed_said_and_never_echoed(client):
    for query in ("mapping\x00", "map\x00ping", "\x00", "mapping\x1b[31m"):
        page = client.get("/search", params={"q": query})
        assert page.status_code == 200
        assert "\x00" not in page.text and "\x1b" not in page.text
        assert 'id="input-note"' in page.text and "Removed control characters (U+" in page.text
        answer = _api(client, q=query, facets="true")
        assert "\x00" not in answer["query"] and "\x1b" not in answer["query"]
        assert "removed control characters" in answer["notice"]
        clean = _api(client, q=without_controls(query)[0], facets="true")
        assert _lines(answer) == _lines(clean) and answer["facets"] == clean["facets"]
        if without_controls(query)[0].strip():
            assert clean["notice"] is None
        else:  # nothing left to look for: the answer says so
            assert clean["notice"].startswith("q is empty")
    assert len(_api(client, q="mapping\x00")["hits"]) == 3  # the word is still searched


def test_a_query_without_controls_gets_no_note(client):
    page = client.get("/search", params={"q": "mapping"})
    assert 'id="input-note"' not in page.text


@pytest.mark.parametrize("field", ["session", "tag", "speaker", "coalition"])
def test_a_nul_in_a_filter_answers_as_without_it_on_both_stores(client, field):
    value = {"session": client.session_id[:6], "tag": "SDG9", "speaker": "maria", "coalition": "DC-PAL"}[field]
    dirty = _api(client, q="mapping", **{field: value + "\x00"})
    clean = _api(client, q="mapping", **{field: value})
    assert _lines(dirty) == _lines(clean) and "U+0000" in dirty["notice"]
    page = client.get("/search", params={"q": "mapping", field: value + "\x00"})
    assert page.status_code in (200, 404) and "\x00" not in page.text  # 404: a coalition nobody heard of


@pytest.mark.parametrize(
    ("url", "where"),
    [
        ("/api/sessions?tag=SDG9%00", "?tag="),
        ("/api/sessions?title=work%00", "?title="),
        ("/sessions?tag=%00", "?tag="),
        ("/api/people/maria%00kovac", "the path"),
        ("/glossary?term=MAG%00", "?term="),
    ],
)
def test_a_nul_elsewhere_is_the_same_clear_400_on_both_stores(client, url, where):
    response = client.get(url)  # was a 500 on PostgreSQL ("text fields cannot contain NUL"), empty on SQLite
    assert response.status_code == 400, response.text[:300]
    assert f"NUL character (%00) in {where}" in response.text and "\x00" not in response.text


def test_filter_value_is_the_text_filter_every_store_reads():
    assert filter_value("  ws9\x00 ") == "ws9"
    assert filter_value("maria\x1b[31m") == "maria [31m"
    assert filter_value("\x00") is None and filter_value(" \t") is None  # blank: filters nothing
    assert filter_value("") is None and filter_value(None) is None
    assert filter_value("Maria Kovac") == "Maria Kovac"


def test_the_store_itself_reads_every_text_filter_without_controls(store_location, tmp_path):
    """Called directly (the CLI does, with no web cleaning before it): the same hits and facets on both stores."""
    session_id = _fill(store_location, tmp_path)
    store = open_store(store_location)
    try:
        query = parse_query("mapping")

        def lines(**filters: Any) -> list[int]:
            return sorted(h.line for h in store.search(query, SearchFilters(**filters)))

        assert lines() == [5, 7, 9]
        # the caption labels MARIA KOVAC(H), and line 7 (captioned PETRA NOVAK) counted for Maria Kovac
        assert lines(speaker="maria\x00") == lines(speaker="maria") == [5, 7, 9]
        assert lines(speaker="\x00kovach\x07") == [9]
        for name, value, found in (
            ("session", session_id[:6], [5, 7, 9]),
            ("tag", "SDG9", [5, 7, 9]),
            ("coalition", "DC-PAL", []),
        ):
            assert lines(**{name: value + "\x00"}) == lines(**{name: "\x1b" + value}) == lines(**{name: value}) == found
        for name in ("speaker", "session", "tag", "coalition"):  # nothing left once cleaned: no filter at all
            assert lines(**{name: "\x00"}) == lines(**{name: "  "}) == [5, 7, 9], name
        dirty = store.search_facets(query, SearchFilters(speaker="maria\x00", tag="SDG9\x00"))
        assert dirty == store.search_facets(query, SearchFilters(speaker="maria", tag="SDG9"))
    finally:
        store.close()

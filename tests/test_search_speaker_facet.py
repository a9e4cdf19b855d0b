"""The search's speaker facet names whom a caption label stands for, alike on SQLite and PostgreSQL.

The facet counts matching turns per caption speaker, and its link filters by that label,
so its value stays the label (the counts are the hits they lead to). A label the people
analysis merged into another person, or flagged as a caption mis-attribution, was offered
as if it were a person ("Doreen Bogdan-Martin" on the shared transcript, whose one turn
continues Yasmin Curzi de Mendonca's answer): its label now says whom the turn is credited to.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.read import read_bytes
from forumlens.store import open_store
from forumlens.transcript.parse import parse_transcript
from forumlens.web import create_app
from forumlens.web.speaker_facets import speaker_facet_labels

from .conftest import MAIN_SESSION
from .first_use_support import TRANSCRIPT, hand_analyses
from .web_support import web_settings


def _hand_store(location: str, folder: Path) -> None:
    source = folder / "igf2023-ws9.txt"
    source.write_text(TRANSCRIPT, "utf-8")
    document = read_bytes(source.read_bytes(), str(source))
    session = parse_transcript(document.text, source=str(source), sha256=document.sha256)
    with open_store(location) as store:
        store.save_session(document, session, hand_analyses(), replace=True)


@pytest.fixture
def client(store_location: str, tmp_path: Path) -> Any:
    _hand_store(store_location, tmp_path)
    with TestClient(create_app(store_location, web_settings(store_location))) as test_client:
        yield test_client


def test_a_flagged_label_and_a_label_variant_name_the_credited_person(client):
    facets = client.get("/api/search", params={"q": "mapping", "facets": "true"}).json()["facets"]
    assert facets["speaker"] == [
        {"value": "Maria Kovac", "label": "Maria Kovac", "count": 1},
        {"value": "Maria Kovach", "label": "Maria Kovac captioned as Maria Kovach", "count": 1},
        {"value": "Petra Novak", "label": "Maria Kovac captioned as Petra Novak", "count": 1},
    ]


def test_the_facet_link_of_a_flagged_label_still_leads_to_its_turn(client):
    page = BeautifulSoup(client.get("/search", params={"q": "mapping"}).text, "html.parser")
    links = {a.get_text(): dict(parse_qsl(urlsplit(a["href"]).query)) for a in page.select("aside.facets a")}
    assert "Petra Novak" not in links  # never offered as a person
    query = links["Maria Kovac captioned as Petra Novak"]
    assert query["speaker"] == "Petra Novak"  # the filter still matches the caption label
    hits = client.get("/api/search", params=query).json()["hits"]
    assert [h["line"] for h in hits] == [7]


class _Store:
    """The two reads the facet labels need, from plain rows."""

    def __init__(self, labels: list[tuple[str, str]], flags: list[list[dict[str, Any]]]) -> None:
        self.labels, self.flags, self.flag_reads = labels, flags, 0

    def person_labels(self) -> list[tuple[str, str]]:
        return self.labels

    def analyses_of_kind(self, kind: str) -> list[tuple[str, str, int | None, Any]]:
        assert kind == "flags"
        self.flag_reads += 1
        return [(f"s{i}", "t", 2023, flags) for i, flags in enumerate(self.flags)]


def test_facet_labels_from_rows():
    store = _Store(
        [("Ana Lima", "ANA LIMA"), ("Olivier Crepin-Leblond", "OLIVIER REPIN-LEBLOND")],
        [
            [{"line": 3, "label": "ANA LIMA", "likely_speaker": "Ben Ode"}],  # a person elsewhere: stays one
            [{"line": 9, "label": "JOHN ROE", "likely_speaker": "Ben Ode"}],
            [{"line": 4, "label": "JOHN ROE", "likely_speaker": "Carla Diaz"}],  # two sessions, two speakers
            [{"line": 5, "label": "MARY POE"}],
        ],
    )
    speakers = [("Ana Lima", 4), ("Olivier Repin-Leblond", 3), ("John Roe", 2), ("Mary Poe", 1), ("Zed Unknown", 1)]
    assert speaker_facet_labels(store, speakers) == [  # type: ignore[arg-type]
        ("Ana Lima", "Ana Lima", 4),
        ("Olivier Repin-Leblond", "Olivier Crepin-Leblond captioned as Olivier Repin-Leblond", 3),
        ("John Roe", "John Roe (flagged caption label)", 2),  # credited to two people: named by neither
        ("Mary Poe", "Mary Poe (flagged caption label)", 1),
        ("Zed Unknown", "Zed Unknown", 1),  # no analysis says otherwise: the label as written
    ]
    known = _Store([("Ana Lima", "ANA LIMA")], [])
    assert speaker_facet_labels(known, [("Ana Lima", 2)]) == [("Ana Lima", "Ana Lima", 2)]  # type: ignore[arg-type]
    assert known.flag_reads == 0  # every label a person: the flags are not read


def test_the_shared_transcript_facet_is_the_same_on_both_stores(pg_url, tmp_path):
    """The real pipeline on the shared transcript: "Doreen Bogdan-Martin" is not offered as a person."""
    speakers = []
    for location in (str(tmp_path / "main.sqlite3"), pg_url):
        with open_store(location) as store:
            outcomes = ingest_paths(store, [MAIN_SESSION], IngestOptions(max_bytes=20_000_000))
            assert [o.status for o in outcomes] == ["ingested"]
        with TestClient(create_app(location, web_settings(location))) as test_client:
            answer = test_client.get("/api/search", params={"q": "glossary OR platform", "facets": "true"}).json()
            speakers.append(answer["facets"]["speaker"])
    assert speakers[0] == speakers[1]
    doreen = [f for f in speakers[0] if f["value"] == "Doreen Bogdan-Martin"]
    assert doreen and doreen[0]["label"] != "Doreen Bogdan-Martin", speakers[0]
    assert "captioned as Doreen Bogdan-Martin" in doreen[0]["label"] or "flagged" in doreen[0]["label"]

"""Search facets count within the search's filters, exactly, alike on SQLite and PostgreSQL (issue 17, item 13).

A facet that offers a value must lead somewhere: every facet link on every results
page is followed here, on both stores, and must give at least one hit. The counts are
exact (every matching turn, no 2,000-turn window), so they equal the hits they lead to.
"""

from __future__ import annotations

import warnings
from collections import deque
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.store.portal import facets_sql
from forumlens.web import create_app

from .conftest import CORPUS, MAIN_SESSION
from .web_support import web_settings

SESSIONS = {
    "2020": """IGF 2020 - Workshop on platform rules and content moderation

>> MODERATOR: Welcome to this workshop on platform rules, content moderation and freedom of expression online.

>> BRUNO COSTA: I speak for the Dynamic Coalition on Platform Responsibility. Our glossary needs funding to be translated. Women and girls face online gender-based violence, and platforms must protect gender equality.
""",
    "2023a": """IGF 2023 - Open Forum on community networks

>> MODERATOR: Welcome to this open forum on community networks and rural connectivity.

>> ANA PEREIRA: I speak for the Dynamic Coalition on Community Connectivity. Community networks need funding to connect rural schools, and affordable broadband infrastructure in rural areas is the priority.
""",
    "2023b": """IGF 2023 - Workshop on libraries and public access

>> MODERATOR: Welcome. Libraries give public access to the Internet and digital skills training.

>> CHEN WEI: I speak for the Dynamic Coalition on Public Access in Libraries. Libraries need funding for staff and for digital literacy programmes for older people.

>> ANA PEREIRA: Community networks and libraries can share funding for rural access points.
""",
}


def _ingest(location: str, folder: Path) -> str:
    paths = []
    for name, text in SESSIONS.items():
        path = folder / f"{name}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    with open_store(location) as store:
        outcomes = ingest_paths(store, paths, IngestOptions(max_bytes=1_000_000))
    assert [o.status for o in outcomes] == ["ingested"] * len(SESSIONS), outcomes
    return location


@pytest.fixture
def three_sessions(store_location, tmp_path) -> str:
    """Bruno Costa says "funding" only in 2020; Ana Pereira and Chen Wei in 2023 (the real pipeline, both stores)."""
    return _ingest(store_location, tmp_path)


def _hits(page: BeautifulSoup) -> int:
    return len(page.select("li.hit"))


def _facet_links(page: BeautifulSoup) -> list[tuple[str, str, int]]:
    """(href, label, shown count) of every facet link on a results page."""
    out = []
    for item in page.select("aside.facets li"):
        link = item.find("a")
        if link is None:  # the value already selected: shown, not linked
            assert item.select_one("[aria-current]") is not None
            continue
        out.append((str(link["href"]), link.get_text(), int(item.select_one(".muted").get_text())))
    return out


def _follow_every_facet(client: TestClient, starts: list[str], depth: int = 2) -> int:
    """Breadth-first over facet links from `starts` (up to `depth` clicks): each page must have hits."""
    seen: set[str] = set()
    queue = deque((url, 0) for url in starts)
    followed = 0
    while queue:
        url, level = queue.popleft()
        page = BeautifulSoup(client.get(url).text, "html.parser")
        for href, label, count in _facet_links(page):
            target = urlsplit(href)
            target_url = f"{target.path}?{target.query}"
            before, after = dict(parse_qsl(urlsplit(url).query)), dict(parse_qsl(target.query))
            changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)} - {"page"}
            assert len(changed) == 1 and changed <= {"year", "speaker", "coalition", "tag"}, (url, href)
            if target_url in seen:
                continue
            seen.add(target_url)
            followed += 1
            landed = BeautifulSoup(client.get(target_url).text, "html.parser")
            assert _hits(landed) >= 1, f"facet {label!r} ({count}) on {url} leads to no hit: {target_url}"
            if level + 1 < depth:
                queue.append((target_url, level + 1))
    return followed


def test_a_speaker_heard_only_in_2020_is_not_offered_under_year_2023(three_sessions):
    with TestClient(create_app(three_sessions, web_settings(three_sessions))) as c:
        everywhere = c.get("/api/search", params={"q": "funding", "facets": "true"}).json()["facets"]
        assert {f["value"] for f in everywhere["speaker"]} == {"Ana Pereira", "Bruno Costa", "Chen Wei"}
        in_2023 = c.get("/api/search", params={"q": "funding", "year": 2023, "facets": "true"}).json()["facets"]
        assert {f["value"] for f in in_2023["speaker"]} == {"Ana Pereira", "Chen Wei"}
        assert "Platform Responsibility" not in {f["label"] for f in in_2023["coalition"]}
        page = BeautifulSoup(c.get("/search", params={"q": "funding", "year": "2023"}).text, "html.parser")
        labels = {label for _, label, _ in _facet_links(page)}
        assert "Bruno Costa" not in labels and {"Ana Pereira", "Chen Wei"} <= labels


def test_every_facet_link_leads_to_at_least_one_hit(three_sessions):
    starts = [
        "/search?q=funding",
        "/search?q=funding&year=2023",
        "/search?q=funding&year=2020",
        "/search?q=funding&speaker=ana+pereira",
        "/search?q=funding+OR+libraries",
        "/search?q=rural&year=2023",
    ]
    with TestClient(create_app(three_sessions, web_settings(three_sessions))) as c:
        assert _follow_every_facet(c, starts) >= 15  # the crawl is not vacuous


def test_every_facet_link_leads_to_a_hit_on_the_real_corpus(tmp_path):
    """The same crawl over the shared corpus (six real transcripts, the real pipeline), on SQLite."""
    location = str(tmp_path / "corpus.sqlite3")
    with open_store(location) as store:
        files = [MAIN_SESSION, *sorted((CORPUS / "formats").glob("*.txt"))]
        assert all(o.status == "ingested" for o in ingest_paths(store, files, IngestOptions(max_bytes=20_000_000)))
    starts = ["/search?q=coalition", "/search?q=internet+governance", "/search?q=access&year=2021", "/search?q=un*"]
    with TestClient(create_app(location, web_settings(location))) as c:
        assert _follow_every_facet(c, starts, depth=1) >= 20


def test_facet_counts_are_the_hits_they_lead_to(three_sessions):
    """A year or tag count is the number of hits its link gives; a speaker or coalition link (a looser
    match: part of a name) gives at least as many."""
    with open_store(three_sessions, readonly=True) as store:
        query = parse_query("funding OR libraries OR rural")
        found = store.search_facets(query, SearchFilters(year=2023))
        assert found is not None and found.years and found.tags

        def hits(**extra: object) -> int:
            return len(store.search(query, SearchFilters(year=2023, limit=1000, **extra)))

        for year, n in found.years:
            assert hits() == n and year == 2023
        for code, _label, n in found.tags:
            assert hits(tag=code) == n, code
        for name, n in found.speakers:
            assert hits(speaker=name) >= n >= 1, name
        for name, n in found.coalitions:
            assert hits(coalition=name) >= n >= 1, name


def _big_session(year: int, turns: int) -> bytes:
    """A transcript of `turns` turns that all say "funding" (more than the old facet window)."""
    speakers = ["ANA PEREIRA", "BRUNO COSTA", "CHEN WEI"]
    body = "\n\n".join(
        f">> {speakers[i % 3]}: Point {i}: our coalition needs funding for its work." for i in range(turns)
    )
    return f"IGF {year} - Long session number {year}\n\n{body}\n".encode()


def _save_big(location: str) -> str:
    with open_store(location) as store:
        for year, turns in ((2020, 1302), (2021, 1101)):
            document = read_bytes(_big_session(year, turns), f"long-{year}.txt")
            store.save_session(document, parse_document(document))
    return location


def test_facets_count_every_match_past_the_old_window(store_location):
    """2,403 matching turns: the counts are all of them (the old window stopped at 2,000, in rowid order)."""
    with open_store(_save_big(store_location), readonly=True) as store:
        found = store.search_facets(parse_query("funding"), SearchFilters())
        assert found is not None
        assert dict(found.years) == {2020: 1302, 2021: 1101}
        assert dict(found.speakers) == {"Ana Pereira": 801, "Bruno Costa": 801, "Chen Wei": 801}
        capped = store.search_facets(parse_query("funding"), SearchFilters(), window=1500)
        assert capped is not None and sum(n for _, n in capped.years) == 1500


def test_facets_are_the_same_on_sqlite_and_postgres(pg_cluster, tmp_path):
    """The real corpus, the three small sessions and the two long ones, in both stores: the same facets."""
    pg_cluster.create_database("facets_parity")
    try:
        stores = []
        for location in (str(tmp_path / "parity.sqlite3"), pg_cluster.url("facets_parity")):
            folder = tmp_path / ("pg" if location.startswith("postgres") else "lite")
            folder.mkdir()
            _ingest(location, folder)
            _save_big(location)
            with open_store(location) as store:
                files = [MAIN_SESSION, *sorted((CORPUS / "formats").glob("*.txt"))]
                assert all(
                    o.status == "ingested" for o in ingest_paths(store, files, IngestOptions(max_bytes=20_000_000))
                )
            stores.append(location)
        queries = ["funding", "coalition", "the", "internet governance", "fund* OR librar*", "access -rural", "müller"]
        filters = [
            SearchFilters(),
            SearchFilters(year=2023),
            SearchFilters(speaker="ana pereira"),
            SearchFilters(coalition="DC on Community Connectivity"),
            SearchFilters(tag="sdg4"),
            SearchFilters(session="igf 2021"),
        ]
        with open_store(stores[0], readonly=True) as sqlite, open_store(stores[1], readonly=True) as postgres:
            compared = 0
            for text in queries:
                for f in filters:
                    expected = sqlite.search_facets(parse_query(text), f)
                    assert postgres.search_facets(parse_query(text), f) == expected, (text, f)
                    compared += bool(expected and expected.years)
            assert compared >= 20
            big = sqlite.search_facets(parse_query("funding"), SearchFilters(), window=2000)
            assert postgres.search_facets(parse_query("funding"), SearchFilters(), window=2000) == big
    finally:
        pg_cluster.drop_database("facets_parity")


@pytest.mark.parametrize("dialect", ["sqlite", "postgres"])
def test_facets_sql_counts_everything_unless_capped_in_a_shared_order(dialect):
    sql, params = facets_sql("q", SearchFilters(speaker="Ana"), dialect)
    # the speaker's pattern twice: the caption label, or the person the turn is counted for
    assert "LIMIT" not in sql and params == ["q", "%ana%", "%ana%"] and sql.count("?") == len(params)
    assert "JOIN sessions s " not in sql  # no filter reads the session row: the turns alone are matched
    sql, params = facets_sql("q", SearchFilters(year=2023), dialect, 100)
    assert "JOIN sessions s ON s.id = t.session_id" in sql and params == ["q", 2023, 100]
    assert "ORDER BY t.session_id" in sql and "t.idx LIMIT ?" in sql  # the window is the same turns on both stores

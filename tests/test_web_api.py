"""The JSON API in-process, against a real SQLite store filled from the shared corpus."""

from __future__ import annotations

import json
import sys
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.store.portal import SessionFilters, facets_sql, filtered_sessions_sql
from forumlens.web import create_app

from .conftest import MAIN_SESSION
from .web_support import ADMIN_TOKEN, build_web_store, main_session_id, web_settings

HOSTILE_QUERIES = [
    '"',
    "((",
    "NOT",
    "a OR",
    "*",
    "-",
    "NEAR(",
    "'; DROP TABLE turns; --",
    "\x00",
    "é" * 3000,
    '"unbalanced phrase',
    "AND OR NOT",
    "<script>alert(1)</script>",
    "%_%",
    "🙂 net*",
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    return build_web_store(tmp_path_factory.mktemp("web-api"))


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path, web_settings(store_path))) as c:
        yield c


@pytest.fixture
def writable_client(tmp_path):
    path = str(tmp_path / "upload.sqlite3")
    with TestClient(create_app(path, web_settings(path, max_input_mb=0.05))) as c:
        yield c


SID = main_session_id()


def test_sessions_is_a_json_list_each_with_an_id(client):
    data = client.get("/api/sessions").json()
    assert isinstance(data, list) and len(data) == 6
    assert all(isinstance(s["id"], str) and s["title"] for s in data)
    assert SID in {s["id"] for s in data}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("year=2021", {SID}),
        ("coalition=dc-on-network-neutrality", {SID}),
        ("tag=SDG5", {SID}),
        ("speaker=jason munyan", {SID}),
        ("title=digital cooperation in practice", {SID}),
        ("affiliation=un-desa", {SID}),
        ("year=1999", set()),
    ],
)
def test_sessions_filters(client, query, expected):
    assert {s["id"] for s in client.get(f"/api/sessions?{query}").json()} == expected


def test_sessions_paginate_with_a_next_link(client):
    response = client.get("/api/sessions?limit=2")
    assert len(response.json()) == 2 and 'rel="next"' in response.headers["link"]
    assert "offset=2" in response.headers["link"]


def test_session_is_the_report_contract(client):
    data = client.get(f"/api/sessions/{SID}").json()
    assert {"title", "sha256", "turns", "people", "coalitions", "questions", "takeaways", "tags"} <= set(data)
    first = data["turns"][0]
    assert set(first) == {"index", "line", "label", "speaker", "kind", "text"}
    assert first["line"] == 7 and first["speaker"] == "Jennifer Chung"
    assert any(p["name"] == "Olivier Crepin-Leblond" and len(p["labels"]) == 2 for p in data["people"])


def test_session_by_id_prefix_and_unknown_session(client):
    assert client.get(f"/api/sessions/{SID[:6]}").json()["sha256"].startswith(SID)
    response = client.get("/api/sessions/ffffffffffff")
    assert response.status_code == 404
    assert response.json()["error"]["message"].startswith("no session matches")


def test_search_follows_the_contract_and_cites_the_line(client):
    data = client.get("/api/search", params={"q": "regular updates", "limit": 5}).json()
    hit = data["hits"][0]
    assert {"session", "line", "speaker", "snippet", "score"} <= set(hit)
    assert hit["session"] == SID and hit["line"] == 333 and hit["speaker"] == "Jason Munyan"
    assert "**regular**" in hit["snippet"]
    assert "regular updates" in MAIN_SESSION.read_text("utf-8").split("\n")[hit["line"] - 1]


def _sessions_of(client, url):
    return {s["session"] for s in client.get(url).json()["sessions"]}


@pytest.mark.parametrize(
    "params, allowed",
    [
        ({"q": "coalition", "speaker": "tropina"}, None),
        ({"q": "coalition", "year": 2021}, lambda c: {SID}),
        ({"q": "coalition", "session": SID[:8]}, lambda c: {SID}),
        (
            {"q": "coalition", "coalition": "dc-on-core-internet-values"},
            lambda c: _sessions_of(c, "/api/coalitions/dc-on-core-internet-values"),
        ),
        ({"q": "coalition", "tag": "SDG5"}, lambda c: _sessions_of(c, "/api/tags/sdg/SDG5")),
    ],
)
def test_search_filters(client, params, allowed):
    hits = client.get("/api/search", params=params).json()["hits"]
    assert hits
    if allowed is None:
        assert all(h["speaker"] == "Tatiana Tropina" for h in hits)
    else:
        assert SID in allowed(client) and {h["session"] for h in hits} <= allowed(client)


def test_search_pages_do_not_overlap(client):
    first = client.get("/api/search", params={"q": "dynamic", "limit": 5}).json()
    second = client.get("/api/search", params={"q": "dynamic", "limit": 5, "offset": 5}).json()
    assert first["has_next"]
    assert not {(h["session"], h["line"]) for h in first["hits"]} & {(h["session"], h["line"]) for h in second["hits"]}


def test_search_facets_count_years_speakers_coalitions_and_tags(client):
    facets = client.get("/api/search", params={"q": "coalition", "facets": "true"}).json()["facets"]
    assert {"year", "speaker", "coalition", "tag"} <= set(facets)
    assert "2021" in {f["value"] for f in facets["year"]}
    assert [f["value"] for f in facets["year"]] == sorted((f["value"] for f in facets["year"]), reverse=True)
    assert any(f["value"] == "SDG5" for f in facets["tag"])


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_search_strings_answer_200(client, text):
    assert client.get("/api/search", params={"q": text}).status_code == 200
    assert client.get("/search", params={"q": text}).status_code == 200


def test_people_and_person(client):
    people = client.get("/api/people").json()
    names = {p["name"] for p in people}
    assert {"Jennifer Chung", "Jason Munyan", "Priya Ramaswamy"} <= names  # resolved, and label-only speakers
    person = client.get("/api/people/olivier-crepin-leblond").json()
    assert person["roles"] == ["dc-representative"]
    assert person["affiliations"] == ["DC on Core Internet Values"]
    assert {"OLIVIER REPIN‑LEBLOND", "OLIVIER CREPIN‑LEBLOND"} <= set(person["labels"])  # both caption variants
    assert client.get("/api/people/nobody-at-all").status_code == 404


def test_coalitions_and_coalition(client):
    coalitions = client.get("/api/coalitions").json()
    gold = json.loads((MAIN_SESSION.parent / "igf2021-dc-main-session.people.json").read_text("utf-8"))
    assert set(gold["coalitions_presenting"]) | set(gold["coalitions_invited_absent"]) <= {
        c["name"] for c in coalitions
    }
    detail = client.get("/api/coalitions/dc-on-platform-responsibility").json()
    assert detail["sessions"][0]["session"] == SID and detail["sessions"][0]["status"] == "presented"
    assert detail["outputs"][0]["title"].startswith("Glossary")
    assert any(p["name"] == "Yasmin Curzi de Mendonca" for p in detail["speakers"])
    absent = client.get("/api/coalitions/dc-on-community-connectivity").json()
    assert absent["sessions"][0]["status"] == "invited-absent"


def test_tags_and_tag(client):
    tags = client.get("/api/tags").json()
    # the short 2023 format sample is tagged as one text (the rule of `tag FILE`): its chair speaks for
    # the coalition on Data and Trust and its one recommendation is to publish data in open formats
    assert {(t["scheme"], t["code"]) for t in tags} == {
        ("sdg", "SDG5"),
        ("issue-area", "IGF2021-COOPERATION"),
        ("issue-area", "IGF2023-DATA"),
    }
    detail = client.get("/api/tags/sdg/SDG5").json()
    assert detail["label"] == "Gender equality" and detail["sessions"][0]["lines"] == [21, 211]
    assert client.get("/api/tags/sdg/SDG99").status_code == 404


def test_glossary_and_graph(client):
    glossary = client.get("/api/glossary").json()
    mag = next(g for g in glossary if g["term"] == "MAG")
    assert any(u["session"] == SID and 359 in u["lines"] for u in mag["uses"])
    graph = client.get("/api/graph").json()
    kinds = {n["kind"] for n in graph["nodes"]}
    assert "coalition" in kinds and graph["edges"]


def test_brief_is_the_contract(client):
    response = client.get("/api/briefs", params={"topic": "meaningful access"})
    assert response.status_code == 200 and {"topic", "bullets"} <= set(response.json())
    assert client.get("/api/briefs", params={"topic": " "}).status_code == 400


def test_openapi_and_docs_are_served(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/sessions", "/api/sessions/{session_id}", "/api/search", "/api/ingest"):
        assert path in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text
    assert client.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200


def test_errors_are_json_under_api(client):
    response = client.get("/api/no-such-endpoint")
    assert response.status_code == 404 and response.json()["error"]["status"] == 404
    response = client.get("/api/search", params={"year": "not-a-year"})  # read as every date filter: a 400
    assert response.status_code == 400 and "year" in response.json()["error"]["message"]


def test_ingest_needs_the_admin_token(client):
    files = {"file": ("x.txt", b">> A: hi", "text/plain")}
    assert client.post("/api/ingest", files=files).status_code == 401
    assert client.post("/api/ingest", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 403


def test_writes_are_refused_without_a_configured_token(store_path):
    settings = web_settings(store_path, admin_token="")
    with TestClient(create_app(store_path, settings)) as c:
        response = c.post(
            "/api/ingest",
            files={"file": ("x.txt", b">> A: hi", "text/plain")},
            headers={"Authorization": "Bearer anything"},
        )
    assert response.status_code == 503 and "FORUMLENS_ADMIN_TOKEN" in response.json()["error"]["hint"]


def test_ingest_upload_stores_the_session_once(writable_client):
    auth = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    text = (MAIN_SESSION.parent / "formats" / "2023-style.txt").read_bytes()
    first = writable_client.post("/api/ingest", files={"file": ("2023.txt", text, "text/plain")}, headers=auth)
    assert first.status_code == 201 and first.json()["status"] == "ingested"
    again = writable_client.post("/api/ingest", files={"file": ("2023.txt", text, "text/plain")}, headers=auth)
    assert again.json()["status"] == "skipped"
    sessions = writable_client.get("/api/sessions").json()
    assert [s["id"] for s in sessions] == [first.json()["session"]]


def test_ingest_upload_takes_a_caption_csv(writable_client):
    data = (
        b'"Start","End","Speaker","Text"\n'
        b'"00:00:01","00:00:04","Lerato Mokoena","Welcome to the clinic on rural broadband."\n'
        b'"00:00:04","00:00:09","Tomas Berg","Thank you. Spectrum fees are the barrier."\n'
    )
    response = writable_client.post(
        "/api/ingest", files={"file": ("clinic.csv", data, "text/csv")}, headers={"X-Admin-Token": ADMIN_TOKEN}
    )
    assert response.status_code == 201, response.text
    session = writable_client.get(f"/api/sessions/{response.json()['session']}").json()
    assert [t["speaker"] for t in session["turns"]] == ["Lerato Mokoena", "Tomas Berg"]


@pytest.mark.parametrize(
    "name, data, status",
    [
        ("big.txt", b">> A: " + b"word " * 20_000, 413),  # over the 0.05 MB test limit
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, 400),  # not a transcript type
        ("fake.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, 422),  # right name, binary content
        ("empty.txt", b"", 422),
        ("budget.csv", b"Item,Cost\nTowers,12000\nBatteries,3000\n", 400),  # a table, not a caption export
    ],
)
def test_ingest_upload_limits_and_type_checks(writable_client, name, data, status):
    response = writable_client.post(
        "/api/ingest", files={"file": (name, data, "application/octet-stream")}, headers={"X-Admin-Token": ADMIN_TOKEN}
    )
    assert response.status_code == status, response.text
    assert response.json()["error"]["message"]


def test_security_headers_on_api_and_pages(client):
    for url in ("/api/sessions", "/", f"/sessions/{SID}"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_api_root_lists_counts(client):
    data = client.get("/api").json()
    assert data["counts"]["sessions"] == 6 and json.dumps(data)


def test_serve_without_the_web_extra_says_what_to_install(monkeypatch):
    from click.testing import CliRunner

    from forumlens.cli import cli

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if `forumlens[web]` were not installed
    result = CliRunner().invoke(cli, ["serve", "--port", "0"])
    assert result.exit_code == 1
    assert "pip install 'forumlens[web]'" in result.output


# -- search facets count within the filters, on both stores -----------------------------------------------
FUNDING_2023 = """IGF 2023 - Open Forum on community networks

>> MODERATOR: Welcome to this open forum on community networks. We start with the panel on rural connectivity and affordable broadband access.

>> ANA PEREIRA: I speak for the Dynamic Coalition on Community Connectivity. Community networks need funding to connect rural schools, so that children get quality education and teachers get digital skills training. Affordable broadband infrastructure in rural areas is the priority.
"""
FUNDING_2020 = """IGF 2020 - Workshop on platform rules

>> MODERATOR: Welcome to this workshop on platform rules, content moderation and freedom of expression online.

>> BRUNO COSTA: I speak for the Dynamic Coalition on Platform Responsibility. Our glossary needs funding to be translated. Women and girls face online gender-based violence, and platforms must protect gender equality and women's rights.
"""


@pytest.fixture
def funding_store(store_location, tmp_path) -> str:
    """Two sessions where "funding" is said: Ana Pereira's in 2023, Bruno Costa's in 2020 (real pipeline)."""
    paths = []
    for name, text in (("2023.txt", FUNDING_2023), ("2020.txt", FUNDING_2020)):
        (tmp_path / name).write_text(text, "utf-8")
        paths.append(tmp_path / name)
    with open_store(store_location) as store:
        outcomes = ingest_paths(store, paths, IngestOptions(max_bytes=1_000_000))
    assert [o.status for o in outcomes] == ["ingested", "ingested"], outcomes
    return store_location


def test_search_facets_only_offer_what_the_filters_allow(funding_store):
    """`/search?q=funding&year=2023` must not offer a speaker, coalition or tag whose only hit is from 2020."""
    with TestClient(create_app(funding_store, web_settings(funding_store))) as c:
        ids = {s["year"]: s["id"] for s in c.get("/api/sessions").json()}
        tags = {year: {t["code"] for t in c.get(f"/api/sessions/{sid}").json()["tags"]} for year, sid in ids.items()}
        everywhere = c.get("/api/search", params={"q": "funding", "facets": "true"}).json()["facets"]
        assert {f["value"] for f in everywhere["speaker"]} == {"Ana Pereira", "Bruno Costa"}
        facets = c.get("/api/search", params={"q": "funding", "year": 2023, "facets": "true"}).json()["facets"]
        assert [(f["value"], f["count"]) for f in facets["year"]] == [("2023", 1)]
        assert [f["value"] for f in facets["speaker"]] == ["Ana Pereira"]
        assert [f["label"] for f in facets["coalition"]] == ["DC on Community Connectivity"]
        assert tags[2023] and tags[2020] - tags[2023]  # the 2020 session has tags of its own...
        assert {f["value"] for f in facets["tag"]} == tags[2023]  # ...which are not offered
        page = c.get("/search", params={"q": "funding", "year": "2023"}).text
        assert "Ana Pereira" in page and "Bruno Costa" not in page and "Platform Responsibility" not in page


@pytest.mark.parametrize(
    "filters, speakers",
    [
        (SearchFilters(), {"Ana Pereira", "Bruno Costa"}),
        (SearchFilters(year=2020), {"Bruno Costa"}),
        (SearchFilters(speaker="ana pereira"), {"Ana Pereira"}),
        (SearchFilters(coalition="DC on Platform Responsibility"), {"Bruno Costa"}),
        (SearchFilters(tag="SDG9", year=2020), set()),
        (SearchFilters(year=2019), set()),
    ],
)
def test_store_search_facets_follow_every_filter(funding_store, filters, speakers):
    with open_store(funding_store, readonly=True) as store:
        found = store.search_facets(parse_query("funding"), filters)
        assert found is not None and {name for name, _ in found.speakers} == speakers
        assert {year for year, _ in found.years} <= ({filters.year} if filters.year else {2020, 2023})
        assert store.search_facets(parse_query('"" -'), filters) is None  # no words: nothing to count


@pytest.mark.parametrize(
    "filters, dialect, fragments, params",
    [
        (SessionFilters(), "sqlite", [], [10, 0]),
        (SessionFilters(year=2021), "sqlite", ["s.year = ?"], [2021, 10, 0]),
        (SessionFilters(title="Digital ACCESS"), "sqlite", ["lower(s.title) LIKE ?"], ["%digital access%", 10, 0]),
        (
            SessionFilters(title="access"),
            "postgres",
            ["lower(s.title COLLATE \"C\") LIKE ? ESCAPE ''"],
            ["%access%", 10, 0],
        ),
        # a turn's caption label, or the person it is counted for (turns.person_key, migration 10)
        (
            SessionFilters(speaker="Jason MUNYAN"),
            "sqlite",
            ["FROM turns WHERE speaker_key LIKE ? OR person_key LIKE ?)"],
            ["%jason munyan%", "%jason munyan%", 10, 0],
        ),
        (
            SessionFilters(speaker="o'brien"),
            "postgres",
            ["FROM turns WHERE speaker_key LIKE ? ESCAPE '' OR person_key LIKE ? ESCAPE '')"],
            ["%o brien%", "%o brien%", 10, 0],
        ),
        (
            SessionFilters(coalition="DC on X", tag="SDG5", affiliation="UN DESA"),
            "sqlite",
            ["coalition = ?", "code = ?", "affiliation = ?"],
            ["DC on X", "SDG5", "UN DESA", 10, 0],
        ),
    ],
)
def test_filtered_sessions_sql(filters, dialect, fragments, params):
    sql, got = filtered_sessions_sql(filters, 10, 0, dialect)
    assert all(fragment in sql for fragment in fragments), sql
    assert got == params and sql.count("?") == len(got)
    assert sql.endswith("ORDER BY s.year DESC, s.title, s.id LIMIT ? OFFSET ?")


@pytest.mark.parametrize(
    "dialect, match", [("sqlite", "turns_fts MATCH ?"), ("postgres", "t.tsv @@ CAST(? AS tsquery)")]
)
def test_facets_sql_counts_within_the_search_filters(dialect, match):
    sql, params = facets_sql("q", SearchFilters(speaker="Ana", year=2023, tag="sdg9"), dialect, 50)
    assert match in sql and "s.year = ?" in sql and "t.speaker_key LIKE ?" in sql and "FROM tags" in sql
    assert params == ["q", "%ana%", "%ana%", 2023, "SDG9", 50] and sql.count("?") == len(params)
    with pytest.raises(ValueError):
        facets_sql("q", SearchFilters(), "oracle")


def test_the_portal_reads_alike_on_both_stores(funding_store):
    """Every list, detail page and the graph over the portal's store queries, on SQLite and PostgreSQL."""
    with TestClient(create_app(funding_store, web_settings(funding_store))) as c:
        for url in (
            "/",
            "/sessions",
            "/sessions?year=2023",
            "/people",
            "/people/ana-pereira",
            "/coalitions",
            "/coalitions/dc-on-community-connectivity",
            "/topics",
            "/topics/sdg",
            "/glossary",
            "/graph",
            "/search?q=funding",
            "/api",
            "/api/graph",
            "/api/glossary",
        ):
            assert c.get(url).status_code == 200, url
        people = {p["name"]: p for p in c.get("/api/people").json()}
        assert {"Ana Pereira", "Bruno Costa"} <= set(people) and people["Ana Pereira"]["sessions"] == 1
        assert people["Ana Pereira"]["roles"] == ["dc-representative"]
        ana = c.get("/api/people/ana-pereira").json()
        assert [s["year"] for s in ana["sessions"]] == [2023]
        assert ana["affiliations"] == ["DC on Community Connectivity"]
        assert [s["year"] for s in c.get("/api/sessions?speaker=bruno").json()] == [2020]
        assert [s["year"] for s in c.get("/api/sessions?title=COMMUNITY").json()] == [2023]
        coalitions = {co["name"]: co for co in c.get("/api/coalitions").json()}
        assert coalitions["DC on Platform Responsibility"]["presented"] == 1
        detail = c.get("/api/coalitions/dc-on-platform-responsibility").json()
        assert [s["year"] for s in detail["sessions"]] == [2020] and detail["speakers"][0]["name"] == "Bruno Costa"
        assert c.get("/api/coalitions/dc-on-nothing").status_code == 404


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("since=21", 400),
        ("since=2021-13-01", 400),
        ("until=abc", 400),
        ("coalition=DC%20on%20Unicorns", 404),
        ("since=2021&until=2024", 200),
    ],
)
def test_brief_filters_are_checked_like_the_cli(client, query, status):
    response = client.get(f"/api/briefs?topic=funding&{query}")
    assert response.status_code == status, response.text

"""Threads on the portal and in the API, through the app, over the development corpus ingested by the real pipeline.

The expectations come from the corpus's own annotation (`bench/threads/dev.gold.json`,
written before the threads code) and from `forumlens threads --json` on the same store:
the portal must show what the command prints, and every citation must land on a line
that exists and holds the quote.
"""

from __future__ import annotations

import json
import re
import warnings
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.cli import cli
from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store
from forumlens.web import create_app

from .web_support import web_settings

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "bench" / "threads" / "dev"
GOLD = json.loads((ROOT / "bench" / "threads" / "dev.gold.json").read_text("utf-8"))["threads"]
CONTRACT = ["id", "kind", "category", "coalition", "status", "first_year", "last_year", "summary"]
ITEM = {"session", "line", "year", "speaker", "role", "quote"}
ITEM_EXTENSIONS = {"title", "date", "page", "section", "who"}  # citations that describe themselves (issue 23)
CITE = re.compile(r'href="/sessions/([0-9a-f]{12})#L(\d+)"')
LIBRARIES = "DC on Public Access in Libraries"


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("web-threads") / "dev.sqlite3")
    with open_store(path) as store:
        outcomes = ingest_paths(store, [DEV], IngestOptions())
    assert [o.status for o in outcomes] == ["ingested"] * 4, outcomes
    return path


@pytest.fixture(scope="module")
def client(dev_db: str):
    with TestClient(create_app(dev_db, web_settings(dev_db))) as c:
        yield c


def cli_threads(db: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["--db", db, "threads", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["threads"]


def source_lines(db: str) -> dict[str, list[str]]:
    store = open_store(db, readonly=True)
    try:
        out = {}
        for source in store.thread_sources():
            found = store.session_text(source.session)
            assert found is not None
            out[source.session] = found[2].split("\n")
        return out
    finally:
        store.close()


def citations_resolve(client: TestClient, html: str) -> int:
    """Every `/sessions/ID#Ln` link of a page points to a line its session page has; returns how many."""
    links = set(CITE.findall(html))
    pages: dict[str, str] = {}
    for sid, line in links:
        if sid not in pages:
            pages[sid] = client.get(f"/sessions/{sid}").text
        assert f'id="L{line}"' in pages[sid], (sid, line)
    return len(links)


def test_api_is_the_cli_contract(client, dev_db):
    data = client.get("/api/threads").json()
    assert data["threads"] == cli_threads(dev_db)  # same threads, same order, same linker
    assert data["linker"] in ("lexical", "semantic")
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/threads", "/api/threads/{thread_id}"} <= set(paths) and "/threads" not in paths
    for t in data["threads"]:
        assert list(t)[: len(CONTRACT)] == CONTRACT
        assert list(t)[len(CONTRACT)] == "actor" and t["actor_name"]
        for item in t["items"]:
            assert list(item)[: len(ITEM)] == ["session", "line", "year", "speaker", "role", "quote"]
            assert set(item) - ITEM <= ITEM_EXTENSIONS and item["title"] and item["who"]
    one = data["threads"][0]
    single = client.get(f"/api/threads/{one['id']}").json()
    [explained] = single["threads"]
    assert {k: v for k, v in explained.items() if k != "decisions"} == one
    assert explained["decisions"][0]["action"] == "opened" and explained["decisions"][0]["thread"] == one["id"]


@pytest.mark.parametrize(
    ("query", "args"),
    [
        ("coalition=DC3&kind=ask", ["--coalition", "DC3", "--kind", "ask"]),
        ("kind=commitment&status=unfulfilled", ["--kind", "commitment", "--status", "unfulfilled"]),
        ("since=2023", ["--since", "2023"]),
        ("until=2021-12", ["--until", "2021-12"]),
        (
            "coalition=dc-on-public-access-in-libraries&since=2022&until=2023",
            ["--coalition", LIBRARIES, "--since", "2022", "--until", "2023"],
        ),
    ],
)
def test_filters_keep_what_the_cli_keeps(client, dev_db, query, args):
    api = client.get(f"/api/threads?{query}").json()["threads"]
    expected = cli_threads(dev_db, *args)
    assert [t["id"] for t in api] == [t["id"] for t in expected] and api
    page = client.get(f"/threads?{query}")
    assert page.status_code == 200
    listed = re.findall(r'href="/threads/([a-z0-9]+)"', page.text)
    assert listed == [t["id"] for t in api]
    assert f"{len(api)} thread" in page.text


def test_list_page_has_every_thread_and_empty_values_mean_any(client):
    every = client.get("/api/threads").json()["threads"]
    html = client.get("/threads?coalition=&kind=&status=&since=&until=").text
    assert re.findall(r'href="/threads/([a-z0-9]+)"', html) == [t["id"] for t in every]
    assert 'href="/threads"' in client.get("/").text  # in the navigation
    for t in every:
        assert t["summary"] in unescape(html)


def test_every_thread_page_cites_existing_lines_year_by_year(client, dev_db):
    lines = source_lines(dev_db)
    for t in client.get("/api/threads").json()["threads"]:
        html = client.get(f"/threads/{t['id']}").text
        timeline = unescape(html.split('id="timeline"', 1)[1].split('id="links"', 1)[0])
        years = [int(y) for y in re.findall(r"<h3>(\d{4})</h3>", timeline)]
        assert years == sorted({i["year"] for i in t["items"]})
        for item in t["items"]:
            assert item["quote"] in lines[item["session"]][item["line"] - 1]  # the cited line holds the quote
            assert f'href="/sessions/{item["session"]}#L{item["line"]}"' in timeline
            assert item["quote"] in timeline
        assert citations_resolve(client, timeline) == len({(i["session"], i["line"]) for i in t["items"]})
        links = html.split('id="links"', 1)[1]
        assert "opened" in links and t["id"] in links


def test_thread_page_explains_each_link(client):
    toolkit = next(
        t
        for t in client.get("/api/threads?kind=commitment&status=fulfilled").json()["threads"]
        if t["coalition"] == LIBRARIES
    )
    decisions = client.get(f"/api/threads/{toolkit['id']}").json()["threads"][0]["decisions"]
    html = unescape(client.get(f"/threads/{toolkit['id']}").text)
    for d in decisions:
        if d["thread"] == toolkit["id"]:
            assert f"{d['item']}" in html and d["rule"] in html
            if d["score"] is not None:
                assert f"score {d['score']:.3f}" in html
    assert any(d["action"] == "joined" for d in decisions)


def test_coalition_page_lists_its_asks_by_year_and_promises_with_their_fate(client):
    html = client.get("/coalitions/dc-on-public-access-in-libraries").text
    section = unescape(html.split('<section id="threads">', 1)[1].split("</section>", 1)[0])
    asks = section.split("Promises and their fate", 1)[0]
    promises = section.split("Promises and their fate", 1)[1]
    years = [int(y) for y in re.findall(r"<strong>(\d{4})</strong>", asks)]
    assert years == sorted(years) and len(years) >= 2
    ours = [t for t in GOLD if t["coalition"] == LIBRARIES]
    others = [t for t in GOLD if t["coalition"] not in (LIBRARIES, None)]
    for t in ours:
        part = asks if t["kind"] == "ask" else promises
        for item in t["items"]:
            assert item["quote"] in part, item["quote"]
        if t["kind"] == "commitment":
            assert t["status"] in promises
    for t in others:  # hard negatives: another coalition's asks and promises are not its own
        assert not any(item["quote"] in section for item in t["items"]), t["id"]
    assert citations_resolve(client, section) >= sum(len(t["items"]) for t in ours)
    assert 'href="/threads?coalition=dc-on-public-access-in-libraries"' in section


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/threads?since=21", 400, "since"),
        ("/threads?since=2024&until=2021", 400, "swap them"),
        ("/threads?kind=wish", 400, "unknown thread kind"),
        ("/threads?status=finished", 400, "unknown thread status"),
        ("/threads?coalition=Dynamic+Coalition+on+Underwater+Basket+Weaving", 404, "the coalitions page"),
        ("/threads/nope", 404, "no thread has the id"),
    ],
)
def test_bad_filters_are_the_portal_error_pages(client, url, status, says):
    response = client.get(url)
    assert response.status_code == status
    assert says in unescape(response.text) and "<h1>" in response.text


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/threads?until=2021-13", 400),
        ("/api/threads?kind=wish", 400),
        ("/api/threads?coalition=Coalition+of+Nothing+Whatsoever", 404),
        ("/api/threads/nope", 404),
    ],
)
def test_bad_api_filters_are_json_errors(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and error["message"]


def test_a_new_ingest_moves_the_threads_the_portal_shows(tmp_path):
    path = str(tmp_path / "growing.sqlite3")
    with open_store(path) as store:
        ingest_paths(store, [DEV / "igf2021-dc-coordination.txt"], IngestOptions())
    with TestClient(create_app(path, web_settings(path))) as c:
        before = c.get(f"/api/threads?coalition={LIBRARIES}&kind=commitment").json()["threads"]
        assert [t["status"] for t in before] == ["pending"]
        assert 'href="/threads/' not in c.get("/threads?status=fulfilled").text
        with open_store(path) as store:
            ingest_paths(store, [DEV / "igf2022-dc-main-session.txt", DEV / "igf2023-dc-coordination.txt"])
        after = c.get(f"/api/threads?coalition={LIBRARIES}&kind=commitment").json()["threads"]
        assert [t["status"] for t in after] == ["fulfilled"] and after[0]["id"] == before[0]["id"]
        assert [i["role"] for i in after[0]["items"]] == ["raised", "update", "delivered"]


def test_the_portal_links_with_the_linker_ingest_keeps() -> None:
    """One constant: the portal's threads (and the published site's) are linked as ingest keeps
    them and as the coalition briefs read them, so a page never pays to relink with another linker."""
    import inspect

    from forumlens.threads.service import KEPT_LINKER
    from forumlens.web import threads as web_threads

    assert not hasattr(web_threads, "LINKER")
    for function in (web_threads.portal_threads, web_threads.linked_threads):
        assert inspect.signature(function).parameters["linker"].default == KEPT_LINKER

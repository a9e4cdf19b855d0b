"""The portal's pages in-process: every route renders, cites lines, escapes what it shows."""

from __future__ import annotations

import re
import warnings
from html import escape

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store
from forumlens.web import create_app
from forumlens.web.searching import mark_snippet

from .conftest import MAIN_SESSION, ROOT
from .web_support import build_web_store, main_session_id, web_settings

SID = main_session_id()
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = build_web_store(tmp_path_factory.mktemp("web-pages"))
    with TestClient(create_app(path, web_settings(path))) as c:
        yield c


def _hostile_id(client) -> str:
    return next(s["id"] for s in client.get("/api/sessions").json() if "markup" in s["title"])


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/sessions",
        "/sessions?year=2021",
        "/sessions?coalition=dc-on-network-neutrality&page=1",
        f"/sessions/{SID}",
        "/people",
        "/people?name=chung",
        "/people/jennifer-chung",
        "/coalitions",
        "/coalitions/dc-on-platform-responsibility",
        "/topics",
        "/topics/sdg",
        "/topics/sdg/SDG5",
        "/search",
        "/search?q=meaningful+access",
        "/search?q=coalition&year=2021&page=2",
        "/glossary",
        "/glossary?term=mag",
        "/briefs",
        "/briefs?topic=meaningful+access",
        "/graph",
        "/api/docs",
    ],
)
def test_every_page_renders(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text[-500:]
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>" in response.text


def test_session_page_has_an_anchor_for_every_line_that_starts_a_turn(client):
    html = client.get(f"/sessions/{SID}").text
    turns = client.get(f"/api/sessions/{SID}").json()["turns"]
    anchors = set(map(int, re.findall(r'id="L(\d+)"', html)))
    assert {t["line"] for t in turns} <= anchors
    assert 333 in anchors  # a line inside a turn, cited by a takeaway


def test_session_page_shows_the_report_parts(client):
    html = client.get(f"/sessions/{SID}").text
    for part in (
        'id="takeaways"',
        'id="speakers"',
        'id="questions"',
        'id="asks"',
        'id="coalitions"',
        'id="topics"',
        'id="transcript"',
        "answered-later",
        '<svg class="bar"',
    ):
        assert part in html
    assert f'href="/sessions/{SID}#L333"' in html  # the takeaway citation
    assert 'href="/people/olivier-crepin-leblond"' in html
    assert "flagged" in html  # the caption mis-attribution


def test_session_without_analyses_still_has_speakers_and_says_what_is_missing(client):
    other = next(s["id"] for s in client.get("/api/sessions?year=2006").json())
    html = client.get(f"/sessions/{other}").text
    assert 'id="speakers"' in html and 'id="L' in html


def test_search_page_highlights_paginates_and_links_to_lines(client):
    html = client.get("/search?q=regular+updates").text
    assert "<mark>regular</mark>" in html
    assert f'href="/sessions/{SID}#L333"' in html
    assert 'rel="next"' in client.get("/search?q=coalition").text
    facets = client.get("/search?q=coalition").text
    for facet in ("Year", "Speaker", "Coalition", "Tag"):
        assert f"<h3>{facet}</h3>" in facets


def test_coalition_and_person_pages_link_their_citations(client):
    html = client.get("/coalitions/dc-on-platform-responsibility").text
    assert "Glossary of platform law and policy terms" in html
    assert f'href="/sessions/{SID}#L167"' in html
    person = client.get("/people/olivier-crepin-leblond").text
    assert "DC on Core Internet Values" in person and "OLIVIER REPIN" in person


def test_topic_page_uses_the_taxonomy_and_lists_sessions(client):
    html = client.get("/topics/sdg/SDG5").text
    assert "Gender equality" in html and f"/sessions/{SID}#L21" in html


def test_graph_is_svg_with_clickable_nodes(client):
    html = client.get("/graph").text
    assert '<svg class="graph"' in html
    assert 'href="/coalitions/dc-on-platform-responsibility"' in html


class _Brief:
    def __init__(self, data: dict) -> None:
        self.data = data

    def to_json(self) -> dict:
        return self.data


def test_briefs_render_escaped_and_download(client, monkeypatch):
    def fake_brief(store, topic, since=None, until=None, coalition=None):
        assert since == 2020 and until is None and coalition is None
        return _Brief(
            {
                "topic": topic,
                "bullets": [
                    {
                        "text": "Updates <b>matter</b>.",
                        "theme": "Channels",
                        "citations": [
                            {
                                "session": SID,
                                "line": 333,
                                "speaker": "Jason Munyan",
                                "quote": "having regular updates to our office",
                            }
                        ],
                    }
                ],
            }
        )

    monkeypatch.setattr("forumlens.web.briefs.topic_brief", fake_brief)
    html = client.get("/briefs?topic=updates&since=2020").text
    assert "Updates &lt;b&gt;matter&lt;/b&gt;." in html and f"/sessions/{SID}#L333" in html
    md = client.get("/briefs/download?topic=updates&since=2020&format=md")
    assert md.status_code == 200 and "attachment" in md.headers["content-disposition"]
    assert f"/sessions/{SID}#L333" in md.text
    data = client.get("/briefs/download?topic=updates&since=2020&format=json").json()
    assert data["bullets"][0]["theme"] == "Channels"


def test_hostile_transcript_renders_as_text(client):
    sid = _hostile_id(client)
    html = client.get(f"/sessions/{sid}").text
    assert "<script>window.__pwned" not in html and "<img src=x" not in html and "<iframe" not in html
    assert "&lt;script&gt;window.__pwned = 2&lt;/script&gt;" in html
    search = client.get("/search?q=ampersands").text
    assert "<iframe" not in search and "&lt;iframe" in search


@pytest.mark.parametrize(
    "snippet, expected",
    [
        ("a **b** c", "a <mark>b</mark> c"),
        ("<script>**x**</script>", "&lt;script&gt;<mark>x</mark>&lt;/script&gt;"),
        ('**"q"** & <i>', "<mark>&quot;q&quot;</mark> &amp; &lt;i&gt;"),
        ("no marks", "no marks"),
        ("**unclosed", "**unclosed"),
    ],
)
def test_mark_snippet_escapes_before_marking(snippet, expected):
    assert mark_snippet(snippet) == expected


def test_errors_render_as_pages(client):
    response = client.get("/sessions/ffffffffffff")
    assert response.status_code == 404 and "<h1>Not found</h1>" in response.text
    assert "no session matches" in response.text
    assert client.get("/no/such/page").status_code == 404
    bad = client.get("/sessions?year=abc")
    assert bad.status_code == 400 and "is not a number" in bad.text


def test_hostile_query_strings_are_escaped_on_the_search_page(client):
    html = client.get('/search?q="><script>alert(1)</script>').text
    assert "<script>alert(1)</script>" not in html


def test_long_lists_on_a_coalition_page_are_cut_with_a_pointer_to_all(client, monkeypatch):
    """A coalition in hundreds of sessions must not make a page of megabytes: the first items, the count, a link."""
    from forumlens.web import pages

    full = client.get("/api/coalitions/dc-on-core-internet-values").json()
    assert len(full["sessions"]) == 2
    monkeypatch.setattr(pages, "PAGE_ITEMS", 1)
    html = client.get("/coalitions/dc-on-core-internet-values?year=2021").text  # another URL: not a cached page
    assert "In 2 sessions of the record." in html
    assert "Showing the first 1 of 2, newest first" in html
    assert 'href="/api/coalitions/dc-on-core-internet-values"' in html
    assert html.count('<tr><td><a href="/sessions/') == 1


def test_person_and_topic_pages_cut_their_session_lists_too(client, monkeypatch):
    from forumlens.web import pages

    tag = max(client.get("/api/tags").json(), key=lambda t: t["sessions"])
    monkeypatch.setattr(pages, "PAGE_ITEMS", 0)
    html = client.get(f"/topics/{tag['scheme']}/{tag['code']}?cut=1").text
    assert f"Showing the first 0 of {tag['sessions']}, best score first" in html
    assert f'href="/api/tags/{tag["scheme"]}/{tag["code"]}"' in html and "No session is tagged" not in html
    html = client.get("/people/jennifer-chung?cut=1").text
    assert "Showing the first 0 of 1, newest first" in html and 'href="/api/people/jennifer-chung"' in html


# -- the same pages over what the real pipeline stored (no hand-made analyses) ---------------------------------
CITE = re.compile(r'href="/sessions/([0-9a-f]{12})#L(\d+)"')


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    """The main session and the examples, ingested with every analysis the pipeline computes."""
    path = str(tmp_path_factory.mktemp("web-pipeline") / "pipeline.sqlite3")
    with open_store(path) as store:
        outcomes = ingest_paths(store, [MAIN_SESSION, EXAMPLES], IngestOptions(max_bytes=20_000_000))
    assert [o.status for o in outcomes] == ["ingested", "ingested"], outcomes
    with TestClient(create_app(path, web_settings(path))) as c:
        example = next(s["id"] for s in c.get("/api/sessions").json() if s["id"] != SID)
        yield c, example


def _citations_resolve(client, html: str) -> int:
    """Every `/sessions/ID#Ln` link in a page points to a line the session page has; returns how many."""
    links = set(CITE.findall(html))
    pages: dict[str, str] = {}
    for sid, line in links:
        if sid not in pages:
            pages[sid] = client.get(f"/sessions/{sid}").text
        assert f'id="L{line}"' in pages[sid], (sid, line)
    return len(links)


def test_real_session_page_shows_who_spoke_what_was_asked_and_cites_lines(pipeline):
    client, _ = pipeline
    data = client.get(f"/api/sessions/{SID}").json()
    html = client.get(f"/sessions/{SID}").text
    assert any(p["name"] == "Jennifer Chung" and p["role"] == "moderator" for p in data["people"])
    assert 'href="/people/jennifer-chung">Jennifer Chung</a>' in html
    gender = next(c for c in data["coalitions"] if c["name"] == "DC on Gender and Internet Governance")
    assert gender["status"] == "presented" and 'href="/coalitions/dc-on-gender-and-internet-governance"' in html
    question = next(q for q in data["questions"] if q["line"] == 25)
    assert question["by"] == "Tatiana Tropina" and question["status"] == "answered-later"
    assert escape(question["text"]) in html and 'href="#L25"' in html
    lines = MAIN_SESSION.read_text("utf-8").split("\n")
    for takeaway in data["takeaways"]:
        for cite in takeaway["citations"]:
            assert cite["quote"] in lines[cite["line"] - 1]  # verbatim, on the cited line
            assert f'href="/sessions/{SID}#L{cite["line"]}"' in html
    assert _citations_resolve(client, html) >= len(data["takeaways"])


def test_real_coalition_page_collects_what_the_pipeline_credits_to_it(pipeline):
    client, example = pipeline
    data = client.get("/api/coalitions/dc-on-public-access-in-libraries").json()
    assert {s["session"] for s in data["sessions"]} == {SID, example}
    assert {"Lucía Fernández-Ruiz", "Valensiya Dresvyannikova"} <= {p["name"] for p in data["speakers"]}
    funding = next(a for a in data["asks"] if a["category"] == "funding" and a["session"] == example)
    assert funding["coalition"] == "DC on Public Access in Libraries" and "funding" in funding["quote"]
    assert any(o["kind"] == "report" for o in data["outputs"])
    html = client.get("/coalitions/dc-on-public-access-in-libraries").text
    assert f'href="/sessions/{example}#L{funding["line"]}"' in html and escape(funding["quote"]) in html
    assert _citations_resolve(client, html) >= 2
    gender = client.get("/api/coalitions/dc-on-gender-and-internet-governance").json()
    assert any(q["line"] == 25 and q["session"] == SID for q in gender["questions"])  # put to it by name


def test_real_home_person_topic_and_search_pages(pipeline):
    client, example = pipeline
    home = client.get("/").text
    assert "Latest outputs" in home and _citations_resolve(client, home) >= 1
    person = client.get("/api/people/tatiana-tropina").json()
    assert person["roles"] == ["moderator"] and person["sessions"][0]["session"] == SID
    tag = client.get("/api/tags").json()[0]
    topic = client.get(f"/topics/{tag['scheme']}/{tag['code']}").text
    assert _citations_resolve(client, topic) >= 1
    found = client.get("/api/search", params={"q": "funding", "year": 2024, "facets": "true"}).json()
    assert found["hits"] and {h["session"] for h in found["hits"]} == {example}
    assert {f["value"] for f in found["facets"]["year"]} == {"2024"}
    assert "Tatiana Tropina" not in {f["value"] for f in found["facets"]["speaker"]}
    assert _citations_resolve(client, client.get("/search", params={"q": "coalition"}).text) >= 2


def test_real_brief_cites_lines_that_exist(pipeline):
    client, _ = pipeline
    html = client.get("/briefs", params={"topic": "funding"}).text
    assert 'class="brief"' in html and _citations_resolve(client, html) >= 1

"""The portal's pages in-process: every route renders, cites lines, escapes what it shows."""

from __future__ import annotations

import html
import json
import re
import warnings
from html import escape, unescape

import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.cli import cli
from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store
from forumlens.web import create_app
from forumlens.web.searching import mark_snippet
from forumlens.web.views import slug

from .conftest import MAIN_SESSION, ROOT
from .web_support import build_web_store, main_session_id, web_settings

SID = main_session_id()
EXAMPLES = ROOT / "examples" / "igf2024-ws-coalition-outputs.txt"


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


def test_a_search_hit_cites_its_session_by_title_and_year(client):
    html = client.get("/search?q=regular+updates").text
    session = client.get(f"/api/sessions/{SID}").json()
    hit = re.search(rf'<a class="hit-title" href="/sessions/{SID}#L333">([^<]*)</a>', html)
    assert hit is not None and str(session["year"]) in hit[1]  # as every page that cites across sessions
    assert hit[1].endswith(f"({session['year']}), line 333")


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
    assert bad.status_code == 400 and "year &#39;abc&#39; is not a date" in bad.text


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
def pipeline_db(tmp_path_factory) -> str:
    """The main session and the examples, ingested with every analysis the pipeline computes."""
    path = str(tmp_path_factory.mktemp("web-pipeline") / "pipeline.sqlite3")
    with open_store(path) as store:
        outcomes = ingest_paths(store, [MAIN_SESSION, EXAMPLES], IngestOptions(max_bytes=20_000_000))
    assert [o.status for o in outcomes] == ["ingested", "ingested"], outcomes
    return path


@pytest.fixture(scope="module")
def pipeline(pipeline_db):
    path = pipeline_db
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


# -- one people model: CLI `people`, /api/people and the /people pages (issue 17, item 9) -----------------------
PERSON_LINK = re.compile(r'href="/people/([^"?#]+)"')


def _cli_json(db: str, *args: str) -> dict:
    result = CliRunner().invoke(cli, ["--db", db, *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_cli_api_and_pages_list_the_same_people(pipeline_db, pipeline):
    client, _ = pipeline
    from_cli = {p["id"]: p["name"] for p in _cli_json(pipeline_db, "people")["people"]}
    from_api = {p["id"]: p["name"] for p in client.get("/api/people", params={"limit": 500}).json()}
    listed = set(re.findall(r'<td><a href="/people/([^"]+)">', client.get("/people").text))
    assert len(from_cli) > 20 and from_cli == from_api and set(from_cli) == listed
    for person_id in from_cli:  # every one has a page, and the people list names them alike
        assert client.get(f"/api/people/{person_id}").json()["name"] == from_cli[person_id]
    for sid in {s["id"] for s in client.get("/api/sessions").json()}:  # pages link only people on record
        assert set(PERSON_LINK.findall(client.get(f"/sessions/{sid}").text)) <= set(from_cli), sid


def test_the_people_list_shows_each_persons_affiliations_as_the_api_gives_them(pipeline):
    client, _ = pipeline
    api = client.get("/api/people", params={"limit": 500}).json()
    rows = dict(re.findall(r'<td><a href="/people/([^"]+)">[^<]*</a></td><td>([^<]*)</td>', client.get("/people").text))
    with_affiliation = [p for p in api if p["affiliations"]]
    assert with_affiliation, "the pipeline store has people with affiliations"
    for p in api:
        assert html.unescape(rows[p["id"]]) == "; ".join(p["affiliations"]), p["id"]


def test_a_flagged_caption_label_is_not_a_person(pipeline_db, pipeline):
    """The captions label a turn with a name the resolve stage flags as a mis-attribution: no one's page."""
    client, _ = pipeline
    flags = client.get(f"/api/sessions/{SID}").json()["flags"]
    assert flags, "the main session has a flagged caption label"
    flag = flags[0]
    turn = next(t for t in client.get(f"/api/sessions/{SID}").json()["turns"] if t["line"] == flag["line"])
    assert turn["label"] == flag["label"] and turn["speaker"]  # the label is in the captions
    label_id = slug(turn["speaker"])
    assert label_id not in {p["id"] for p in client.get("/api/people", params={"limit": 500}).json()}
    word = turn["speaker"].split()[0]
    assert client.get("/api/people", params={"name": word}).json() == []
    result = CliRunner().invoke(cli, ["--db", pipeline_db, "people", word])
    assert result.exit_code == 0 and "No people on record matching" in result.output
    page = client.get(f"/people/{label_id}")
    assert page.status_code == 404 and "caption mis-attribution" in page.text
    assert f"/sessions/{SID}#L{flag['line']}" in page.text
    session = client.get(f"/sessions/{SID}").text  # the turn is shown as the likely speaker's, label flagged
    assert f'href="/people/{label_id}"' not in session
    line = re.search(rf'<div class="line turn-start" id="L{flag["line"]}">.*?</div>', session).group(0)
    assert f'href="/people/{slug(flag["likely_speaker"])}"' in line and "flagged label" in line


# -- the session page shows the whole report (issue 17, item 15) -------------------------------------------------
# `forumlens report` heading → the session page's section; a new report part fails here until the page has it
REPORT_SECTIONS = {
    "KEY TAKEAWAYS": "takeaways",
    "CALLS TO ACTION": "calls-to-action",
    "KEY POINTS BY SPEAKER": "speaker-points",
    "OPEN QUESTIONS": "open-questions",
    "COALITIONS THAT PRESENTED": "coalitions",
    "SPEAKING TIME": "speakers",
    "QUESTIONS": "questions",
    "ASKS, COMMITMENTS AND RECOMMENDATIONS": "asks",
    "TOPICS": "topics",
    "AGENDA": "agenda",
}


def _section(html: str, section_id: str) -> str:
    match = re.search(rf'<section id="{section_id}">(.*?)</section>', html, re.DOTALL)
    assert match, f"no section {section_id!r} on the page"
    return match.group(1)


def test_session_page_has_every_part_of_the_cli_report_citing_the_same_lines(pipeline_db, pipeline):
    client, _ = pipeline
    result = CliRunner().invoke(cli, ["--db", pipeline_db, "report", SID])
    assert result.exit_code == 0, result.output
    parts = re.split(r"\n([A-Z][A-Z ,]+)\n", result.output)
    html = client.get(f"/sessions/{SID}").text
    assert len(parts) > 15
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        if heading in ("SOURCE", "SOURCES"):  # the session itself, which the page names in its heading
            assert " ".join(body.split()).split(" (")[0] in unescape(html)
            continue
        assert heading in REPORT_SECTIONS, f"the page has no place for the report's {heading!r}"
        section = _section(html, REPORT_SECTIONS[heading])
        for line in set(re.findall(r"\bL(\d+)", body)):
            assert re.search(rf'href="(/sessions/{SID})?#L{line}"', section), (heading, line)


def test_session_page_reads_the_stored_report_parts(pipeline_db, pipeline):
    """Calls to action, points by speaker, open questions and the time limit are the stored analyses, shown."""
    client, _ = pipeline
    html = unescape(client.get(f"/sessions/{SID}").text)
    with open_store(pipeline_db, readonly=True) as store:
        stored = store.analyses(SID)
    api = client.get(f"/api/sessions/{SID}").json()
    for kind in ("calls_to_action", "speaker_points", "open_questions", "coalitions_presented", "flags"):
        assert stored[kind] and api[kind] == stored[kind], kind
    calls = _section(unescape(client.get(f"/sessions/{SID}").text), "calls-to-action")
    assert all(c["text"] in calls for c in stored["calls_to_action"])
    points = _section(html, "speaker-points")
    for speaker in stored["speaker_points"]:
        assert all(p["text"] in points for p in speaker["points"]), speaker["speaker"]
    assert all(q["text"] in _section(html, "open-questions") for q in stored["open_questions"])
    speakers = _section(html, "speakers")
    limit = stored["stats"]["limit"]
    assert f"Announced limit: {limit['minutes']:g} min" in speakers and f'href="#L{limit["line"]}"' in speakers
    assert all(o["by"] in speakers for o in stored["stats"]["overruns"])


def test_session_page_has_contents_and_a_folded_transcript(pipeline):
    client, example = pipeline
    for sid in (SID, example):
        html = client.get(f"/sessions/{sid}").text
        toc = re.search(r'<nav class="page-toc".*?</nav>', html, re.DOTALL).group(0)
        listed = re.findall(r'href="#([\w-]+)"', toc)
        sections = re.findall(r'<section id="([\w-]+)">', html)
        assert listed == sections and "transcript" in listed  # every part, in page order
        transcript = _section(html, "transcript")
        assert re.search(r"<details class=\"fold\">\s*<summary>", transcript)  # closed until asked for
        assert 'id="L1"' in transcript


# -- form values: the project's date parser and coalition names (issue 17, items 2 and 3) ------------------------
@pytest.mark.parametrize(
    "url, said",
    [
        ("/sessions?year=abc", "year &#39;abc&#39; is not a date"),
        ("/search?q=coalition&year=1066", "year 1066 is not a year of the record"),
        ("/briefs?topic=funding&since=21", "since &#39;21&#39; is not a date: give a year (2021)"),
        ("/briefs?topic=funding&since=2021-13-01", "since &#39;2021-13-01&#39; has no month 13"),
        ("/briefs?topic=funding&until=2021-02-30", "is not a day of the calendar"),
        ("/briefs?topic=funding&since=2024&until=2021", "since 2024 is after until 2021"),
        ("/briefs/download?topic=funding&since=abc", "since &#39;abc&#39; is not a date"),
        ("/coalitions/dc-on-platform-responsibility?year=12", "year &#39;12&#39; is not a date"),
    ],
)
def test_bad_dates_on_a_page_are_a_400_that_says_what_is_wrong(client, url, said):
    response = client.get(url)
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/html")
    assert "Something went wrong" not in response.text
    if url.startswith("/briefs?"):  # the brief form comes back as sent, with what to change (round 14)
        message = re.search(r'<p class="missing" role="alert">(.*?)</p>', response.text).group(1)
        assert said in message and "<h1>Topic brief</h1>" in response.text
        assert 'name="topic" value="funding"' in response.text
        return
    message = re.search(r'<p class="error-message">(.*?)</p>', response.text).group(1)
    assert said in message
    assert "<h1>Check the form</h1>" in response.text


def test_valid_dates_filter_the_pages(client):
    in_2021 = client.get("/api/sessions", params={"year": 2021}).json()
    html = client.get("/sessions", params={"year": "2021-06-30"}).text  # a day: the year it is in
    assert {s["id"] for s in in_2021} == set(re.findall(r'<td><a href="/sessions/(\w+)">', html))
    brief = client.get("/briefs", params={"topic": "coalition", "since": "2021-01", "until": "2021"}).text
    cited = set(CITE.findall(brief))
    assert cited and {sid for sid, _ in cited} <= {s["id"] for s in in_2021}


@pytest.mark.parametrize(
    "path, params",
    [
        ("/briefs", {"topic": "funding"}),
        ("/briefs/download", {"topic": "funding"}),
        ("/sessions", {}),
        ("/search", {"q": "coalition"}),
    ],
)
def test_an_unknown_coalition_is_a_404_linking_the_nearest_names(client, path, params):
    response = client.get(path, params={**params, "coalition": "DC on Network Policy"})
    assert response.status_code == 404 and "no Dynamic Coalition is called" in response.text
    links = re.findall(r'<p class="suggestions">.*?</p>', response.text, re.DOTALL)[0]
    nearest = re.search(r'<a href="([^"]+)">DC on Network Neutrality</a>', links).group(1)
    assert client.get(unescape(nearest)).status_code == 200  # the same page with the nearest name


def test_a_known_coalition_in_a_form_filters_by_the_stored_name(client):
    every = set(re.findall(r'<td><a href="/sessions/(\w+)">', client.get("/sessions").text))
    for typed in ("DC on Network Neutrality", "dc-on-network-neutrality", "DCNN"):
        html = client.get("/sessions", params={"coalition": typed}).text
        found = set(re.findall(r'<td><a href="/sessions/(\w+)">', html))
        assert found == {SID} and found < every, typed


def test_a_remote_hub_is_a_place_not_a_person(client):
    """A caption label the cast reads as a remote hub (a place of the gazetteer) gets no person page,
    is not in the people list and is not linked as a person on its session's page; people stay."""
    people = client.get(f"/api/sessions/{SID}").json()["people"]
    hubs = [p["name"] for p in people if p.get("role") == "remote-hub" and p.get("name")]
    assert hubs  # the shared 2021 transcript has a remote hub speaking
    listed = {p["id"] for p in client.get("/api/people", params={"limit": 500}).json()}
    assert listed and "jennifer-chung" in listed
    page = client.get(f"/sessions/{SID}").text
    for hub in hubs:
        assert slug(hub) not in listed
        assert client.get(f"/people/{slug(hub)}").status_code == 404
        assert f'href="/people/{slug(hub)}"' not in page


def test_a_remote_hubs_turn_found_by_search_shows_its_caption_label_not_a_person_link(client):
    """A search hit on a hub's turn shows its caption label, linking no person page."""
    people = client.get(f"/api/sessions/{SID}").json()["people"]
    hub = next(p for p in people if p.get("role") == "remote-hub" and p.get("lines"))
    line = hub["lines"][0]
    session = client.get(f"/api/sessions/{SID}").json()
    turn = next(t for t in session["turns"] if t["line"] == line)
    words = " ".join(turn["text"].split()[:3])
    html = client.get("/search", params={"q": f'"{words}"', "session": SID}).text
    assert f"L{line}" in html or f"#L{line}" in html
    assert f'href="/people/{slug(hub["name"])}"' not in html

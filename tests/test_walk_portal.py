"""A new user's walk through the portal (issue 19's walk, task W): links, names, empty states, errors.

The store is what a new user has after `forumlens ingest` of the two examples and the
shared main session, analysed by the real pipeline (no hand-made analyses), so the
links checked are the ones the stages' own output produces.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import pytest

from forumlens.web.pages import actor_url

from .conftest import MAIN_SESSION, ROOT
from .web_support import cli_store, portal_client

EXAMPLES = ROOT / "examples"
LIST_PAGES = ("/", "/sessions", "/people", "/coalitions", "/topics", "/glossary", "/graph")
HREF = re.compile(r'<a [^>]*href="([^"]+)"')


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with portal_client(cli_store(tmp_path_factory, "walk-portal", EXAMPLES, MAIN_SESSION)) as c:
        yield c


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    with portal_client(cli_store(tmp_path_factory, "walk-portal-empty")) as c:
        yield c


def _links(html: str) -> list[str]:
    """The internal links of a page (fragments of the same page and other hosts left out)."""
    out = []
    for href in HREF.findall(html):
        href = unescape(href)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#"):
            continue
        out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_every_internal_link_of_the_main_pages_answers(client):
    """Home, the lists, every session page and one coalition, person and topic page: no link is a 404."""
    session_ids = [s["id"] for s in client.get("/api/sessions").json()]
    starts = [*LIST_PAGES, "/threads", "/api/docs", *(f"/sessions/{sid}" for sid in session_ids)]
    pages = {url: client.get(url) for url in starts}
    for url, response in pages.items():
        assert response.status_code == 200, url
    coalitions = sorted({link for r in pages.values() for link in _links(r.text) if link.startswith("/coalitions/")})
    people = sorted({link for r in pages.values() for link in _links(r.text) if link.startswith("/people/")})
    topics = sorted({link for r in pages.values() for link in _links(r.text) if link.startswith("/topics/")})
    assert coalitions and people and topics
    for url in (coalitions[0], people[0], topics[-1]):
        pages[url] = client.get(url)
    broken = {}
    checked: set[str] = set()
    for url, response in pages.items():
        for link in _links(response.text):
            if link in checked:
                continue
            checked.add(link)
            status = client.get(link).status_code
            if status != 200:
                broken[link] = (status, url)
    assert not broken, broken
    assert len(checked) > 100  # the walk really followed the pages' links


def test_an_output_credited_to_an_igf_body_links_to_its_sessions_not_a_missing_coalition_page(client):
    """The main session credits a paper to the DC Coordination Group: an IGF body, with no coalition page."""
    assert actor_url("DC on Public Access in Libraries") == "/coalitions/dc-on-public-access-in-libraries"
    assert actor_url("DC Coordination Group") == "/sessions?affiliation=dc-coordination-group"
    assert actor_url(None) is None
    home = client.get("/").text
    for href, name in re.findall(r'<a href="([^"]+)">([^<]+)</a> <a class="cite"', home):
        assert client.get(unescape(href)).status_code == 200, (name, href)


def test_the_affiliation_filter_shows_a_name_not_an_id(client):
    page = client.get("/sessions?affiliation=dc-coordination-group")
    assert page.status_code == 200
    text = _text(page.text)
    assert "spoke for: DC Coordination Group" in text
    assert "dc-coordination-group" not in text  # the id stays in the hidden field and the link only
    assert "Digital cooperation in practice" in text


def test_topic_codes_are_listed_in_reading_order(client):
    codes = re.findall(r'<a href="/topics/sdg/(SDG\d+)">', client.get("/topics/sdg").text)
    assert len(codes) >= 3
    assert codes == sorted(codes, key=lambda c: int(c[3:]))


@pytest.mark.parametrize("url", ["/sessions", "/people", "/coalitions", "/topics", "/topics/sdg", "/glossary"])
def test_an_empty_store_says_nothing_is_stored_and_how_to_add(empty, url):
    page = empty.get(url)
    assert page.status_code == 200
    text = " ".join(_text(page.text).split())
    assert "Nothing stored yet: add transcripts with forumlens ingest PATH" in text
    assert "has not run" not in text and "No session matches these filters" not in text


def test_a_filter_that_matches_nothing_says_so_in_a_filled_store(client):
    text = " ".join(_text(client.get("/people?name=zzzqqq").text).split())
    assert "No one on record matches “zzzqqq”" in text
    sessions = " ".join(_text(client.get("/sessions?title=zzzqqq").text).split())
    assert "No session matches these filters" in sessions and "Nothing stored yet" not in sessions
    assert '<a href="/sessions">see every session</a>' in client.get("/sessions?title=zzzqqq").text  # a way back


@pytest.mark.parametrize(("url", "listing"), [("/sessions/ffff00", "/sessions"), ("/people/nobody-here", "/people")])
def test_a_404_page_points_to_the_list_page_not_a_command(client, url, listing):
    page = client.get(url)
    assert page.status_code == 404
    assert f'<a href="{listing}">' in page.text
    assert "`forumlens" not in page.text and "forumlens sessions" not in page.text


def test_a_404_under_the_api_hints_at_the_endpoint_that_lists_them(client):
    page = client.get("/api/sessions/ffff00")  # an API client cannot run `forumlens sessions`; it can call this
    assert page.status_code == 404
    assert page.json()["error"]["hint"] == "list them with GET /api/sessions"


def test_the_api_docs_try_it_links_all_answer(client):
    docs = client.get("/api/docs").text
    tries = re.findall(r'<a href="([^"]+)">try it</a>', docs)
    assert "/api/sessions" in tries and "/api/briefs" not in tries and "/api/subscribers" not in tries
    for url in tries:
        assert client.get(url).status_code == 200, url


def test_a_coalition_page_cites_each_item_with_its_session_title_and_year(client):
    """A coalition's outputs and asks come from several sessions: "line 13" alone would not say which."""
    sessions = {s["id"]: s for s in client.get("/api/sessions").json()}
    page = client.get("/coalitions/dc-on-public-access-in-libraries").text
    cites = re.findall(r'<a class="cite across" href="/sessions/(\w+)#L(\d+)">([^<]+)</a>', page)
    assert len({sid for sid, _, _ in cites}) >= 2, cites  # the coalition spoke in several sessions
    for sid, line, text in cites:
        title, year = sessions[sid]["title"], sessions[sid]["year"]
        assert unescape(text).endswith(f"{title} ({year}), line {line}"), text


def test_who_spoke_for_a_coalition_names_sessions_by_title_not_id(client):
    page = client.get("/coalitions/dc-on-public-access-in-libraries").text
    section = page.split('id="speakers"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r'<a href="/sessions/(\w+)">([^<]+)</a>', section)
    assert shown
    for sid, text in shown:
        assert sid not in text and unescape(text).startswith("IGF 20"), text


def test_a_glossary_term_without_a_definition_says_so_and_where_it_is_used(client):
    page = client.get("/glossary").text
    entries = re.findall(r"<dd>(.*?)</dd>", page, re.S)
    assert entries
    for entry in entries:
        text = " ".join(_text(entry).split())
        assert text, "an empty glossary entry"
        assert "line" in text or "No sentence defines it" in text, text


def test_a_coalition_page_lists_its_promises_apart_from_what_it_asked_for(client):
    """The analysis keeps commitments in the `asks` list (the JSON contract); the page must not
    show "we will send …" under what the coalition asked others for."""
    checked = 0
    for entry in client.get("/api/coalitions").json():
        cid = entry["id"]
        record = client.get(f"/api/coalitions/{cid}").json()
        promised = [a["quote"] for a in record["asks"] if a.get("type") == "commitment"]
        asked = [a["quote"] for a in record["asks"] if a.get("type") != "commitment"]
        page = unescape(client.get(f"/coalitions/{cid}").text)
        asks_section = page.split('id="asks"', 1)[1].split("</section>", 1)[0]
        for quote in asked:
            assert quote in asks_section, (cid, quote)
        if not promised:
            assert 'id="promises"' not in page, cid
            continue
        promises_section = page.split('id="promises"', 1)[1].split("</section>", 1)[0]
        for quote in promised:
            assert quote in promises_section and quote not in asks_section, (cid, quote)
        checked += 1
    assert checked, "the examples and the main session hold a coalition's commitment"

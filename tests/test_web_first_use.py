"""The portal as a first-time reader clicks through it: every name links to a page that exists,
a citation names each line once, an empty answer says why, a topic's search searches.

The store holds a small session we wrote, with its people analysis written by hand: one
speaker captioned under two spellings (MARIA KOVAC, MARIA KOVACH: one person on record)
and one turn whose caption label (PETRA NOVAK) the analysis flags as a mis-attribution
and credits to Maria Kovac. Search hits and similar turns carry the caption speaker; the
pages must name and link the person the analysis credits, as the session page does, and
never a label that is no person on record (that link was a 404).
"""

from __future__ import annotations

import re
import warnings
from html import unescape
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.web import create_app
from forumlens.web.pages import one_per_line

from .first_use_support import build_hand_store
from .web_support import cli_store, portal_client, web_settings


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Any:
    path, session_id = build_hand_store(tmp_path_factory.mktemp("first-use"))
    with TestClient(create_app(path, web_settings(path))) as client:
        client.session_id = session_id  # type: ignore[attr-defined]
        yield client


def _people_links(page: str) -> list[str]:
    return sorted(set(re.findall(r'href="(/people/[^"#?]+)"', page)))


def _who(page: str) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", w)).strip() for w in re.findall(r'<div class="who">(.*?)</div>', page)]


def test_search_hits_name_the_credited_person_and_every_person_link_resolves(portal):
    page = portal.get("/search?q=mapping").text
    links = _people_links(page)
    assert links == ["/people/maria-kovac"], links  # not /people/petra-novak nor /people/maria-kovach
    for link in links:
        assert portal.get(link).status_code == 200, link
    who = _who(page)
    assert "Maria Kovac captioned as Petra Novak" in who, who  # the flagged turn: credited, the label still shown


def test_a_hit_under_a_label_variant_links_the_one_person(portal):
    page = portal.get("/search?q=funding").text
    assert _who(page) == ["Maria Kovac"]
    assert _people_links(page) == ["/people/maria-kovac"]


def test_similar_turns_page_credits_the_turn_it_starts_from(portal):
    sid = portal.session_id
    page = portal.get(f"/sessions/{sid}/related?line=7").text
    head = page.split('<section id="similar-turns">', 1)[1].split("</blockquote>", 1)[0]
    assert 'href="/people/maria-kovac"' in head and "captioned as Petra Novak" in head, head
    for link in _people_links(page):
        assert portal.get(link).status_code == 200, link


def test_a_label_variant_address_is_the_person_it_was_merged_into(portal):
    moved = portal.get("/people/maria-kovach", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/people/maria-kovac"
    assert portal.get("/people/maria-kovach").status_code == 200
    missing = portal.get("/people/petra-novak")  # a flagged label is no person: a 404 that says why
    assert missing.status_code == 404 and "mis-attribution" in missing.text


def test_a_point_citing_two_passages_of_one_line_links_that_line_once(portal):
    page = portal.get(f"/sessions/{portal.session_id}").text
    takeaways = page.split('<section id="takeaways">', 1)[1].split("</section>", 1)[0]
    cites = re.findall(r'<a class="cite" href="([^"]+)"', takeaways)
    assert cites == [f"/sessions/{portal.session_id}#L5"], cites


def test_one_per_line_keeps_the_first_citation_of_each_line():
    cites = [{"session": "a", "line": 5, "quote": "x"}, {"session": "a", "line": 5, "quote": "y"}]
    cites += [{"session": "b", "line": 5, "quote": "z"}, {"line": 7}]
    assert one_per_line(cites) == [cites[0], cites[2], cites[3]]
    assert one_per_line(None) == []


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("-funding", "only excludes words (-funding)"),
        ("NOT mapping", "only excludes words (-mapping)"),
        ("* OR", "no word to look for"),
    ],
)
def test_a_query_with_nothing_to_look_for_says_so(portal, query, reason):
    page = portal.get("/search", params={"q": query}).text
    missing = unescape(re.search(r'<p class="missing">(.*?)</p>', page, re.DOTALL).group(1))
    assert reason in missing and "try fewer or other words" not in missing, missing


def test_an_ordinary_miss_still_suggests_other_words(portal):
    page = portal.get("/search", params={"q": "zebra"}).text
    assert "try fewer or other words" in page and "no word to look for" not in page


def test_a_topic_page_offers_a_search_within_its_sessions(portal):
    page = portal.get("/topics/sdg/SDG9").text
    form = re.search(r'<form class="filters topic-search" action="/search"[^>]*>(.*?)</form>', page, re.DOTALL)
    assert form, page
    assert '<input type="hidden" name="tag" value="SDG9">' in form.group(1) and 'name="q"' in form.group(1)
    assert "q=Industry" not in page  # the label as a query found nothing: it is not offered
    hits = portal.get("/search", params={"tag": "SDG9", "q": "mapping"}).text
    assert hits.count('class="hit"') == 3  # lines 5, 7 and 9


def test_an_empty_brief_says_why_and_offers_no_empty_downloads(portal, tmp_path_factory):
    missing = portal.get("/briefs", params={"topic": "zebra crossings"}).text
    assert "The record has nothing on “zebra crossings” yet" in unescape(missing)
    assert 'href="/search?q=zebra%20crossings"' in missing and "Download:" not in missing
    filtered = unescape(portal.get("/briefs", params={"topic": "zebra", "since": "2030"}).text)
    assert "Nothing on “zebra” within these filters" in filtered
    db = cli_store(tmp_path_factory, "first-use-empty")
    with portal_client(db) as empty:
        page = empty.get("/briefs", params={"topic": "meaningful access"}).text
    assert "Nothing is stored yet" in page and "forumlens ingest PATH" in page and "Download:" not in page


def test_a_brief_quote_links_the_line_it_quotes(portal):
    page = portal.get("/briefs", params={"topic": "community networks mapping"}).text
    quotes = re.findall(r'<blockquote class="quote">.*?</blockquote>', page, re.DOTALL)
    assert quotes, page
    assert all(re.search(r'<a href="/sessions/[0-9a-f]+#L\d+">line \d+</a>', q) for q in quotes), quotes


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("/people/zebra", "/people"),
        ("/coalitions/zebra", "/coalitions"),
        ("/threads/zebra", "/threads"),
        ("/sessions/zebra", "/sessions"),
        ("/topics/sdg/SDG99", "/topics"),
    ],
)
def test_a_missing_page_links_the_list_to_pick_from(portal, path, link):
    page = portal.get(path)
    assert page.status_code == 404
    hint = re.search(r'<p class="hint">(.*?)</p>', page.text, re.DOTALL)
    assert hint and f'<a href="{link}">{link}</a>' in hint.group(1), page.text


def test_a_flagged_label_404_links_the_line_it_labels(portal):
    page = portal.get("/people/petra-novak").text
    assert f'<a href="/sessions/{portal.session_id}#L7">' in page


def test_the_api_redirects_a_label_variant_to_the_merged_person_in_the_same_shape(portal):
    moved = portal.get("/api/people/maria-kovach", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/api/people/maria-kovac"
    followed = portal.get("/api/people/maria-kovach")  # a client that follows redirects gets the person
    assert followed.status_code == 200
    assert followed.json() == portal.get("/api/people/maria-kovac").json()
    assert followed.json()["id"] == "maria-kovac" and "MARIA KOVACH" in followed.json()["labels"]
    missing = portal.get("/api/people/petra-novak", follow_redirects=False)  # a flagged label: no person
    assert missing.status_code == 404 and "mis-attribution" in missing.json()["error"]["hint"]
    assert portal.get("/api/people/zebra", follow_redirects=False).status_code == 404

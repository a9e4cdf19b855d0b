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
    # one sentence, one way: "see the list on /people" read beside "See the list on /sessions"
    assert hint.group(1).startswith(f'See the list on <a href="{link}">'), hint.group(1)


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


# -- what a reader types into an address: every bad value answered in words -----------------------------


def test_an_api_search_for_an_unknown_coalition_says_so_and_names_the_nearest(portal):
    typo = portal.get("/api/search", params={"q": "mapping", "coalition": "DC-PAAL"})  # an acronym's typo is read
    assert typo.status_code == 200 and typo.json()["hits"] == []  # the coalition is in no stored session: say so
    assert typo.json()["notice"] == (
        "nothing matched with coalition=DC on Public Access in Libraries: drop it to search the whole record"
    )
    nobody = portal.get("/api/search", params={"q": "mapping", "coalition": "zzz"}).json()["error"]
    assert nobody["message"] == "no Dynamic Coalition is called 'zzz'"
    assert "GET /api/coalitions" in nobody["hint"] and "`forumlens" not in nobody["hint"]
    near = portal.get("/api/search", params={"q": "mapping", "coalition": "pal"}).json()
    assert "did you mean DC on Public Access in Libraries (DC-PAL)?" in near["error"]["hint"], near


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("", "q is empty: give words to search for"),
        ("   ", "q is empty: give words to search for"),
        ("-mapping", "the query only excludes words (-mapping)"),
    ],
)
def test_an_api_search_with_nothing_to_look_for_says_why(portal, query, notice):
    data = portal.get("/api/search", params={"q": query}).json()
    assert data["hits"] == [] and notice in data["notice"]


def test_an_api_search_reads_a_year_as_the_cli_and_the_page_do(portal):
    by_month = portal.get("/api/search", params={"q": "mapping", "year": "2023-06"})
    assert by_month.status_code == 200
    assert by_month.json()["hits"] == portal.get("/api/search", params={"q": "mapping", "year": "2023"}).json()["hits"]
    assert by_month.json()["hits"] and by_month.json()["notice"] is None
    wrong = portal.get("/api/search", params={"q": "mapping", "year": "21"})
    assert wrong.status_code == 400
    assert wrong.json()["error"]["message"] == "year '21' is not a date" and "2021-06" in wrong.json()["error"]["hint"]
    listed = portal.get("/api/sessions", params={"year": "2023-06"}).json()
    assert [row["id"] for row in listed] == [portal.session_id]


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("/search?q=mapping&page=0", "page=0: pages are numbered from 1"),
        ("/sessions?page=two", "page=two is not a whole number"),
        ("/api/sessions?limit=0", "limit=0 is too small: give at least 1"),
        ("/api/sessions?limit=9999", "limit=9999 is too large: give at most 500"),
    ],
)
def test_an_out_of_range_value_is_said_in_words_not_in_pydantics(portal, url, says):
    response = portal.get(url)
    assert response.status_code == 422
    text = response.json()["error"]["message"] if url.startswith("/api/") else unescape(response.text)
    assert says in text and "Input should be" not in text


def test_an_api_error_hints_at_the_endpoint_not_at_a_command(portal):
    error = portal.get("/api/sessions/nosuch").json()["error"]
    assert error["message"] == "no session matches 'nosuch'"
    assert error["hint"] == "list them with GET /api/sessions"


@pytest.mark.parametrize("typed", ["/topics/sdg/sdg9", "/topics/SDG/SDG9", "/topics/Sdg/sDg9"])
def test_a_topic_address_in_any_case_leads_to_the_topic(portal, typed):
    moved = portal.get(typed, follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/topics/sdg/SDG9"
    assert portal.get(typed).status_code == 200
    api = portal.get("/api" + typed.replace("/topics/", "/tags/"), follow_redirects=False)
    assert api.status_code == 308 and api.headers["location"] == "/api/tags/sdg/SDG9"
    assert portal.get("/topics/SDG", follow_redirects=False).headers["location"] == "/topics/sdg"
    assert portal.get("/topics/sdg/sdg99").status_code == 404  # no such goal, in any case


@pytest.mark.parametrize(
    ("query", "status", "says"),
    [
        ({"kind": "Asks"}, 200, None),
        ({"kind": "question", "status": "Answered Later"}, 200, None),
        ({"kind": "comitment"}, 400, "unknown thread kind 'comitment': did you mean commitment?"),
        ({"kind": "question", "status": "fulfilled"}, 400, "'fulfilled' is not a status of a question"),
        ({"status": "done"}, 400, "a thread status is answered, answered-later,"),
    ],
)
def test_thread_kinds_and_statuses_are_read_in_any_case_and_checked_together(portal, query, status, says):
    page = portal.get("/threads", params=query)
    api = portal.get("/api/threads", params=query)
    assert page.status_code == api.status_code == status
    if says:
        assert says in unescape(page.text)
        error = api.json()["error"]
        assert says in f"{error['message']}: {error['hint']}"


def test_a_session_too_short_to_summarise_says_why_where_its_takeaways_would_be(tmp_path_factory):
    """The page left the summary out without a word where `forumlens report` says why (too few words)."""
    folder = tmp_path_factory.mktemp("short-session")
    (folder / "short.txt").write_text(
        "IGF 2023 Workshop #9: A short exchange\n\n>> CHAIR: Welcome everyone, thank you for joining.\n\n"
        ">> JOHN DOE: Thanks. I have nothing to add.\n",
        encoding="utf-8",
    )
    db = cli_store(tmp_path_factory, "short-store", folder / "short.txt")
    with portal_client(db) as client:
        (row,) = client.get("/api/sessions").json()
        page = unescape(client.get(f"/sessions/{row['id']}").text)
    section = re.search(r'<section id="takeaways">(.*?)</section>', page, re.DOTALL)
    assert section, "no takeaways section at all"
    assert "the session has only 12 words, too few to summarise." in section.group(1)
    assert '<a href="#takeaways">' in page  # listed in the contents like every part shown

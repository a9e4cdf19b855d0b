"""A new user's third walk through the portal (task W, round 20): names where ids were, and empty
states that say why.

The store is `examples/` plus the shared main session, ingested by the real CLI and
analysed by the real pipeline; the pages are the real app's (FastAPI's test client).
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from forumlens.web.threads import shared_words
from forumlens.web.views import take_in_turn

from .conftest import MAIN_SESSION, ROOT
from .web_support import cli_store, portal_client

EXAMPLES = ROOT / "examples"
THREAD_ID = re.compile(r"^[acq][0-9a-f]{10}$")  # what a thread id looks like (`/threads/ID`)
LINK = re.compile(r'<a [^>]*href="(/threads/[^"?#]+)"[^>]*>(.*?)</a>', re.S)


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with portal_client(cli_store(tmp_path_factory, "walk3-portal", EXAMPLES, MAIN_SESSION)) as c:
        yield c


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    with portal_client(cli_store(tmp_path_factory, "walk3-portal-empty")) as c:
        yield c


def _chips(html: str) -> list[str]:
    found = re.search(r'<p class="active-filters">(.*?)</p>', html, re.S)
    return (
        [_text(c).rstrip(" ×") for c in re.findall(r'<span class="chip">(.*?)</span>', found.group(1), re.S)]
        if found
        else []
    )


# -- search: the filters named, and why nothing matched ---------------------------------------------


def test_a_coalition_facet_followed_shows_the_coalitions_name_in_its_chip(client):
    """Following a coalition facet put its URL id in the chip ("coalition: dc-on-public-access-in-libraries")."""
    page = client.get("/search?q=library").text
    facets = re.findall(r'href="[^"]*(?:\?|&amp;)coalition=([a-z0-9-]+)[^"]*">([^<]+)</a>', page)
    assert facets, "the search for 'library' offers no coalition facet"
    for value, name in facets:
        followed = client.get(f"/search?q=library&coalition={value}")
        assert followed.status_code == 200
        assert _chips(followed.text) == [f"coalition: {unescape(name)}"], value


def test_a_tag_chip_names_the_topic_as_well_as_its_code(client):
    topics = client.get("/api/tags").json()
    tag = topics[0] if isinstance(topics, list) else topics["tags"][0]
    code, label = tag["code"], tag["label"]
    chips = _chips(client.get(f"/search?q=coalition&tag={code}").text)
    assert chips == [f"tag: {code} {label}"]


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("/search?q=funding&year=1999", "with these filters: remove a filter"),
        ("/search?q=qqzzxxw", "in the record: try fewer or other words"),
    ],
)
def test_a_search_without_hits_says_whether_the_filters_or_the_words_found_nothing(client, query, why):
    page = client.get(query)
    assert page.status_code == 200
    assert why in _text(page.text)


def test_a_search_in_an_empty_store_says_nothing_is_stored_and_how_to_add(empty):
    text = _text(empty.get("/search?q=funding").text)
    assert "nothing is stored yet" in text and "forumlens ingest" in text


def test_a_list_of_one_page_shows_no_pager_and_a_longer_one_does(client):
    """A lone "Page 1" under every short list and every empty search said nothing."""
    for url in ("/sessions", "/search?q=funding", "/search?q=qqzzxxw"):
        assert '<nav class="pager">' not in client.get(url).text, url
    sessions = client.get("/api/sessions").json()
    assert len(sessions) < 50  # one page of /sessions
    threads = client.get("/threads").text
    has_next = 'rel="next"' in threads
    assert ('<nav class="pager">' in threads) == has_next


# -- a thread page: other threads named, not their ids ---------------------------------------------


def _thread_ids(client) -> list[str]:
    return [t["id"] for t in client.get("/api/threads").json()["threads"]]


def test_why_these_items_are_linked_names_threads_not_their_ids(client):
    """ "went to a6cf518381f (joined)" and "candidate a0116bce8fc: 0.003" named threads by id only."""
    ids = _thread_ids(client)
    assert ids
    checked = 0
    for thread_id in ids[:25]:
        html = client.get(f"/threads/{thread_id}").text
        links = html.split('<section id="links">', 1)[1]
        for href, text in LINK.findall(links):
            label = _text(text)
            if href.startswith("/threads/") and href != f"/threads/{thread_id}":
                assert not THREAD_ID.match(label), (thread_id, href, label)
                assert " — " in label, label  # whose, then what: "DC on … — ask, funding"
                checked += 1
        assert not re.search(r"candidate [acq][0-9a-f]{10}:", _text(links)), thread_id
    assert checked, "no decision on the first threads names another thread"


def test_a_thread_pages_own_candidacy_reads_this_thread(client):
    for thread_id in _thread_ids(client):
        text = _text(client.get(f"/threads/{thread_id}").text.split('<section id="links">', 1)[1])
        if "candidate " in text:
            assert "candidate this thread" in text
            assert f"candidate {thread_id}" not in text
            return
    pytest.fail("no thread page shows a candidate")


def test_shared_features_read_as_words():
    assert shared_words(["@session_time", "definition", "@open_to"]) == [
        "session time (concept)",
        "definition",
        "open to (concept)",
    ]


# -- a topic brief: each citation names its session, the words said are one click away ----------------


def test_a_brief_cites_each_point_with_its_sessions_title_and_year_and_keeps_the_quote(client):
    """The brief page cited "Lucía Fernández-Ruiz, line 13": which session, which year? (issue 23, item 4)."""
    sessions = {s["id"]: s for s in client.get("/api/sessions").json()}
    brief = client.get("/api/briefs?topic=meaningful access").json()
    assert brief["bullets"], "the brief on meaningful access is empty"
    html = client.get("/briefs?topic=meaningful+access").text
    article = html.split('<article class="brief">', 1)[1].split("</article>", 1)[0]
    cites = re.findall(r'<a class="cite across" href="/sessions/([0-9a-f]+)#L(\d+)">(.*?)</a>', article, re.S)
    # the page cites each line once per point (two sentences of one line are one link)
    lines_per_point = [{(c["session"], c["line"]) for c in b["citations"]} for b in brief["bullets"]]
    assert len(cites) == sum(len(lines) for lines in lines_per_point)
    for session, line, text in cites:
        title, year = sessions[session]["title"], sessions[session]["year"]
        assert _text(text).endswith(f"{title} ({year}), line {line}"), text
    texts = {s: client.get(f"/api/sessions/{s}").json() for s in {c[0] for c in cites}}
    quotes = [unescape(q) for q in re.findall(r'<blockquote class="quote">“(.*?)” — ', article, re.S)]
    assert quotes
    for quote in quotes:
        assert any(quote in t["text"] for t in (turn for s in texts.values() for turn in s["turns"])), quote
    assert article.count("<ul") == article.count("</ul>")


# -- the home page: the latest outputs span the latest sessions ----------------------------------------


def test_latest_outputs_are_taken_in_turn_from_each_session():
    a = [{"n": f"a{i}"} for i in range(10)]
    b = [{"n": "b0"}]
    c = [{"n": f"c{i}"} for i in range(3)]
    assert [o["n"] for o in take_in_turn([a, b, c], 6)] == ["a0", "b0", "c0", "a1", "c1", "a2"]
    assert [o["n"] for o in take_in_turn([b], 8)] == ["b0"]
    assert take_in_turn([], 8) == []


def test_the_home_pages_latest_outputs_come_from_every_session_that_has_one(client):
    """The session ingested last (the main session, 20-odd outputs) filled all eight places."""
    with_outputs = [
        s["id"] for s in client.get("/api/sessions").json() if client.get(f"/api/sessions/{s['id']}").json()["outputs"]
    ]
    assert len(with_outputs) >= 2
    home = client.get("/").text
    latest = home.split("Latest outputs", 1)[1].split("</section>", 1)[0]
    cited = set(re.findall(r'href="/sessions/([0-9a-f]+)#L\d+"', latest))
    assert cited == set(with_outputs[:8])

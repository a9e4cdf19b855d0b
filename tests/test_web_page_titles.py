"""Each portal page's <title> names its own subject: every `/topics/<scheme>` page read "Topics", and
two threads of one coalition, kind and category (a coalition's two policy asks) shared one title."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

import pytest

from forumlens.web.views import SCHEME_NAMES

from .test_walk_portal_round15 import SESSION  # one coalition's two policy asks, a question, a promise
from .web_support import portal_client, store_of_texts


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("titles")
    return store_of_texts(folder, {"paris": ("paris.txt", SESSION)})[0]


def title_of(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found, "a page without a <title>"
    return " ".join(unescape(found.group(1)).split())


def test_each_topic_scheme_page_is_titled_by_its_scheme(db):
    with portal_client(db) as client:
        titles = {scheme: title_of(client.get(f"/topics/{scheme}").text) for scheme in SCHEME_NAMES}
        assert title_of(client.get("/topics").text) == "Topics · forumlens"
    assert titles == {scheme: f"{name} · forumlens" for scheme, name in SCHEME_NAMES.items()}


def test_no_two_thread_pages_share_a_title_and_each_says_the_words_it_opened_with(db):
    with portal_client(db) as client:
        threads = client.get("/api/threads").json()["threads"]
        pages = {t["id"]: client.get(f"/threads/{t['id']}").text for t in threads}
    kinds = Counter((t["actor"], t["kind"], t["category"]) for t in threads)
    assert max(kinds.values()) >= 2, threads  # the case at issue: one actor's two asks of one category
    titles = {tid: title_of(html) for tid, html in pages.items()}
    assert len(set(titles.values())) == len(titles), titles
    for t in threads:
        opening = t["items"][0]["quote"].split()[:3]
        assert " ".join(opening) in titles[t["id"]], (titles[t["id"]], opening)

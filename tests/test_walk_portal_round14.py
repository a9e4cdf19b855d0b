"""A new user's walk of the portal, round 14 (helper U), in real Chromium against `forumlens serve`:

- a session's Terms listed a term no sentence defines ("Community networks") over an empty
  definition: it says so and links the lines it is used on;
- each transcript turn opened with a blank (" >> NAME: …") under the speaker's name: the space
  that parts them sits inside the name's block now;
- the search page's tag facets read SDG10, SDG12, …, SDG3, SDG5 (sorted as strings): equal counts
  come in reading order, SDG3 before SDG10;
- a year range the brief and thread forms accept (since 2024, until 2020) gave a bare "Check the
  form" page, the topic and filters lost: the form comes back as sent, with what to change (400).
(The person page of a moderator captioned as MODERATOR offers the search by her name again:
tests/test_walk_portal_round12.py.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .browser_support import chromium, serving
from .conftest import MAIN_SESSION
from .web_support import cli_store

WORKSHOP = """IGF 2022 Addis Ababa - WS 142 Community networks and rural connectivity

>> MODERATOR: Good morning. I am Hana Tesfaye and I will moderate this workshop, with speakers in the room and online.

>> JOAO PEREIRA: Thank you. Community networks serve villages that operators ignore. We ask regulators to give community networks affordable spectrum licences.

>> AUDIENCE: My question is for the ministry: how much of the universal service fund goes to community networks?

>> JOAO PEREIRA: In Kenya community networks now have their own licence, and that is a model for the region.
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("walk14-files")
    (folder / "ws142.txt").write_text(WORKSHOP, encoding="utf-8")
    db = cli_store(tmp_path_factory, "walk14", folder, MAIN_SESSION)
    with serving(db, tmp_path_factory.mktemp("walk14-log") / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    """One Chromium tab for this walk (the steps only read pages, so they may share it)."""
    with chromium() as browser:
        yield browser.new_context(viewport={"width": 1280, "height": 900}).new_page()


def _open(page: Page, base: str, title: str) -> None:
    page.goto(base + "/sessions")
    page.get_by_role("link", name=title).click()
    expect(page.locator("h1")).to_have_text(title)


def test_a_term_no_sentence_defines_says_so_and_links_its_lines(server, page):
    _open(page, server, "IGF 2022 Addis Ababa - WS 142 Community networks and rural connectivity")
    terms = page.locator("#glossary dd")
    assert terms.count() >= 1
    for i in range(terms.count()):  # no term stands over an empty definition
        assert terms.nth(i).inner_text().strip(), page.locator("#glossary dt").nth(i).inner_text()
    undefined = page.locator("#glossary dd", has_text="No sentence here defines it")
    assert undefined.count() >= 1
    links = undefined.first.locator("a.cite")
    assert links.count() >= 1
    line = re.fullmatch(r"line (\d+)", links.first.inner_text())
    assert line is not None
    links.first.click()
    expect(page.locator(":target")).to_have_attribute("id", f"L{line.group(1)}")
    expect(page.locator(":target")).to_contain_text("ommunity networks")  # the term, on the line linked


def test_a_transcript_turn_does_not_open_with_a_blank_under_the_name(server, page):
    _open(page, server, "IGF 2022 Addis Ababa - WS 142 Community networks and rural connectivity")
    page.locator("#transcript summary").click()
    turn = page.locator(".transcript .turn-start", has_text="JOAO PEREIRA").first
    expect(turn.locator("a.who")).to_have_text(re.compile(r"^Jo[aã]o Pereira\s*$", re.IGNORECASE))
    rendered = turn.locator(".text").inner_text().splitlines()
    assert len(rendered) >= 2, rendered  # the name on its own line, then the caption text
    assert rendered[1].startswith(">> JOAO PEREIRA:"), rendered
    # the text without the page's styles still parts the name from the caption
    assert re.search(r"Pereira\s+>>", turn.locator(".text").text_content() or "", re.IGNORECASE)


def _code_key(code: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", code))


def test_tag_facets_of_equal_count_come_in_reading_order(server, page):
    page.goto(server + "/search?q=coalition")
    links = page.locator("aside.facets a[href*='tag=']")
    assert links.count() >= 2
    facets = []
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href") or ""
        code = re.search(r"tag=([A-Za-z0-9-]+)", href)
        count = re.search(r"(\d+)\s*$", links.nth(i).locator("xpath=..").inner_text())
        assert code and count, href
        facets.append((int(count.group(1)), code.group(1)))
    sdgs = [code for _, code in facets if code.startswith("SDG")]
    assert len(sdgs) >= 2, facets  # the corpus session has several goals, SDG3 and SDG10 among them
    assert facets == sorted(facets, key=lambda f: (-f[0], _code_key(f[1]))), facets


def test_a_long_query_is_cut_in_the_tab_title_as_on_the_page(server, page):
    """A 2,000-character query made a 2,000-character window title (the tab, the history)."""
    query = "community " * 200
    page.goto(server + "/search?q=" + query.strip().replace(" ", "+"))
    title = page.title()
    assert title.startswith("Search: community community") and title.endswith("… · forumlens"), title
    assert len(title) <= len("Search: … · forumlens") + 80, len(title)  # 80 characters of the query at most
    assert page.locator("main input[name=q]").first.input_value() == query.strip()  # the box keeps it whole


def test_a_brief_form_with_years_the_wrong_way_round_comes_back_as_sent(server, page):
    page.goto(server + "/briefs")
    page.get_by_label("Topic").fill("community networks")
    page.get_by_label("Since").fill("2024")
    page.get_by_label("Until").fill("2020")
    page.get_by_label("Coalition").select_option(label="DC on Community Connectivity")
    with page.expect_response(lambda r: "/briefs?" in r.url) as sent:
        page.get_by_role("button", name="Make the brief").click()
    assert sent.value.status == 400
    expect(page.locator("p[role=alert]")).to_contain_text("since 2024 is after until 2020")
    expect(page.get_by_label("Topic")).to_have_value("community networks")
    expect(page.get_by_label("Since")).to_have_value("2024")
    expect(page.get_by_label("Coalition")).to_have_value("DC on Community Connectivity")
    page.get_by_label("Since").fill("2020")  # fixed in place, the brief is made
    page.get_by_label("Until").fill("2024")
    page.get_by_role("button", name="Make the brief").click()
    expect(page.locator("article.brief h2")).to_have_text("community networks")


def test_a_threads_filter_with_years_the_wrong_way_round_keeps_the_form(server, page):
    page.goto(server + "/threads?kind=ask&since=2024&until=2020")
    expect(page.locator("h1")).to_have_text("Threads")
    expect(page.locator("p[role=alert]")).to_contain_text("since 2024 is after until 2020")
    expect(page.locator("select[name=kind]")).to_have_value("ask")
    expect(page.locator("input[name=until]")).to_have_value("2020")
    assert page.locator("table.threads").count() == 0

"""A new user's walk of the portal, round 15 (helper U), in real Chromium against `forumlens serve`:

- with the keyboard only, every page began with eleven Tabs through the site menu and the search
  box before its own first link: a "Skip to content" link comes first now, shown when focused, and
  takes the focus to the page's main part;
- a search for "procurement speaker:doria" (a filter typed into the box, as many sites allow) said
  only "try fewer or other words": it says the words are searched as words and links the search
  with the speaker filter, which finds the turn;
- a thread page's "Why these items are linked" sent an item to "DC on the Internet of Things — ask,
  policy", the very heading of the page it sat on, though it linked another thread (one coalition's
  two policy asks): a name shared with the page or another linked thread now carries its first words;
- a session page's Contents box, in two columns, had its second column sitting a few pixels
  higher than the first (a column break drops the top margin of the column's first item).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .browser_support import chromium, serving
from .web_support import cli_store

SESSION = """IGF 2018 Paris - Dynamic Coalition on the Internet of Things - Good practice in IoT security

>> MAARTEN BOTTERMAN: Good afternoon. I am Maarten Botterman, the chair of the coalition, and I will moderate. Each speaker has five minutes.

>> AVRI DORIA: Thank you, Maarten. I am joining online. We ask governments to require security updates as a condition of public procurement. Manufacturers must ship devices that can be updated for their whole life.

>> PARTICIPANT: My name is Karim Benali from the ministry in Tunisia. Will you publish the good practice paper in French as well?

>> MAARTEN BOTTERMAN: Yes, we will publish the French version of the good practice paper before the next IGF.
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("walk15p-files")
    (folder / "paris.txt").write_text(SESSION, encoding="utf-8")
    db = cli_store(tmp_path_factory, "walk15p", folder)
    with serving(db, tmp_path_factory.mktemp("walk15p-log") / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    with chromium() as browser:
        yield browser.new_context(viewport={"width": 1280, "height": 900}).new_page()


def _open_session(page: Page, base: str) -> None:
    page.goto(base + "/sessions")
    page.get_by_role("link", name="IGF 2018 Paris", exact=False).first.click()
    expect(page.locator("h1")).to_contain_text("IGF 2018 Paris")


@pytest.mark.parametrize("path", ["/sessions", "/people", "/threads", "/search?q=procurement"])
def test_the_first_tab_offers_to_skip_the_menu_and_lands_in_the_page(server, page, path):
    page.goto(server + path)
    skip = page.get_by_role("link", name="Skip to content")
    assert not skip.is_visible() or skip.bounding_box()["y"] < 0  # out of sight until focused
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0  # shown on screen while it has the focus
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is inside the page, past the menu and search box
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_the_home_page_starts_in_its_own_search_box(server, page):
    """The home page needs no skip: its search box has the focus (autofocus), inside the page."""
    page.goto(server + "/")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
    page.keyboard.press("Shift+Tab")  # and the skip link is still one step back for whoever wants it
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.closest('header, a.skip') !== null")


def test_the_contents_columns_start_on_one_line(server, page):
    _open_session(page, server)
    items = page.locator(".page-toc li")
    assert items.count() >= 6
    boxes = [items.nth(i).bounding_box() for i in range(items.count())]
    tops: dict[float, float] = {}  # column x -> top of its first item
    for box in boxes:
        assert box is not None
        tops.setdefault(round(box["x"]), box["y"])
    assert len(tops) == 2, tops  # two columns on a wide screen
    first, second = tops.values()
    assert abs(first - second) < 1, tops


def test_a_filter_typed_into_the_search_box_links_the_filtered_search(server, page):
    page.goto(server + "/search?q=procurement+speaker%3Adoria")
    missing = page.locator("p.missing")
    expect(missing).to_contain_text("speaker:doria is searched as words here, not as a filter")
    missing.get_by_role("link", name="Search “procurement” with the filter speaker doria").click()
    expect(page.locator("li.hit").first).to_contain_text("Avri Doria")
    assert "speaker=doria" in page.url


def test_a_linked_thread_is_never_named_like_the_page_it_is_linked_from(server, page):
    page.goto(server + "/threads")
    urls = sorted({a.get_attribute("href") or "" for a in page.locator("main a[href^='/threads/']").all()})
    told_apart = 0
    for url in urls:
        page.goto(server + url)
        heading = " ".join(page.locator("h1").inner_text().split())
        for link in page.locator("main a[href^='/threads/']").all():
            if link.get_attribute("href") == url:
                continue
            name = " ".join(link.inner_text().split())
            assert name != heading, (url, name)  # a link to another thread reads as another thread
            told_apart += "(“" in name
    assert told_apart >= 1  # the two policy asks of the coalition are told apart by their words

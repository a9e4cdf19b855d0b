"""Layout in a real browser (issue 17, items 14 and 16): pages fit a phone, graph labels never overlap.

Debian's Chromium, driven by Playwright, against `forumlens serve` over the portal store
of `web_support` plus the clustered sessions of `layout_support` (so the graph has
clusters, heavy and light links and long names). As in `test_web_browser.py`, a missing
Chromium fails these tests; they never skip. Screenshots go to /tmp/shots/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .browser_support import chromium, serving
from .layout_support import build_cluster_store
from .web_support import build_web_store

SHOTS = Path(os.environ.get("FORUMLENS_SHOTS", "/tmp/shots"))
PHONE = 390

# every text box of the graph, in SVG units, and every pair that overlaps
OVERLAPS_JS = """() => {
  const boxes = [...document.querySelectorAll('svg.graph text')].map(t => {
    const b = t.getBBox();
    return {text: t.textContent, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height};
  });
  const pairs = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) pairs.push([a.text, b.text]);
    }
  return {count: boxes.length, pairs};
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """`forumlens serve` on loopback over a store with two clusters of coalitions."""
    folder = tmp_path_factory.mktemp("web-layout")
    db = build_cluster_store(folder, build_web_store(folder))
    with serving(db, folder / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as found:
        yield found


def _page(browser: Browser, width: int) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    yield from _page(browser, PHONE)


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    yield from _page(browser, 1280)


def _shot(page: Page, name: str, full: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def _width(page: Page) -> int:
    return int(page.evaluate("() => document.documentElement.scrollWidth"))


def _too_wide(page: Page, limit: int) -> list[str]:
    """Elements whose right edge passes the viewport: what to fix when a page is too wide."""
    return list(
        page.evaluate(
            """(limit) => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > limit + 0.5)
                .slice(0, 8).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))""",
            limit,
        )
    )


@pytest.mark.parametrize(
    "path",
    [
        "/sessions",
        "/sessions?year=2021",
        "/search?q=coalition",
        "/search?q=funding&year=2021",
        "/search?q=dynamic+coalition&speaker=jennifer+chung",
        "/graph",
        "/search?q=" + "a" * 3000,  # what a reader typed is echoed back: a long unbroken query wraps
        "/search?q=-" + "b" * 500,
        "/briefs?topic=" + "c" * 280,
        "/people?name=" + "d" * 500,
    ],
)
def test_pages_fit_a_phone(server, phone, path):
    phone.goto(server + path)
    assert _width(phone) <= PHONE, _too_wide(phone, PHONE)


def test_a_long_unbroken_query_does_not_widen_the_desktop_page(server, desktop):
    desktop.goto(server + "/search?q=" + "a" * 5000)
    assert _width(desktop) <= 1280, _too_wide(desktop, 1280)
    message = desktop.locator("p.missing").inner_text()
    assert "…" in message and len(message) < 400 and "try fewer or other words" in message


def test_the_session_list_reads_as_cards_on_a_phone(server, phone):
    phone.goto(server + "/sessions")
    _shot(phone, "sessions-390")
    _shot(phone, "sessions-390-top", full=False)
    assert _width(phone) <= PHONE
    rows = phone.locator("table.sessions tbody tr")
    assert rows.count() >= 6
    first = rows.first.bounding_box()
    assert first is not None and first["width"] <= PHONE
    assert phone.locator("table.sessions thead").bounding_box()["height"] <= 1  # headings give way to labels
    after = rows.first.locator("td[data-label]").first.evaluate("td => getComputedStyle(td, '::after').content")
    assert "turns" in after  # each number says what it counts


def test_search_page_on_a_phone(server, phone):
    phone.goto(server + "/search?q=coalition")
    _shot(phone, "search-390-top", full=False)
    assert _width(phone) <= PHONE
    assert phone.locator("li.hit").count() >= 1 and phone.locator("aside.facets a").count() >= 1


def test_graph_labels_do_not_overlap_in_the_browser(server, desktop):
    for path in ("/graph", "/graph?min_weight=1"):
        desktop.goto(server + path)
        found = desktop.evaluate(OVERLAPS_JS)
        assert found["count"] >= 10 and found["pairs"] == [], found
    desktop.goto(server + "/graph")
    _shot(desktop, "graph-1280")
    assert _width(desktop) <= 1280


def test_every_graph_node_is_one_click_target(server, desktop):
    """A click at the centre of a node's link (circle and label together) lands on that link, not on a line."""
    desktop.goto(server + "/graph?min_weight=1")
    nodes = desktop.locator("svg.graph a.node")
    assert nodes.count() >= 10
    for i in range(nodes.count()):
        nodes.nth(i).click(trial=True, timeout=3000)  # fails when another element would take the click


def test_graph_table_sits_beside_the_picture_on_a_wide_screen(server, desktop, phone):
    desktop.goto(server + "/graph")
    svg, table = desktop.locator("svg.graph").bounding_box(), desktop.locator("table.pairs").bounding_box()
    assert svg is not None and table is not None
    assert table["x"] >= svg["x"] + svg["width"]  # beside
    assert svg["width"] >= 700  # labels drawn at about their size (the SVG is 860 units wide)
    phone.goto(server + "/graph")
    svg, table = phone.locator("svg.graph").bounding_box(), phone.locator("table.pairs").bounding_box()
    assert svg is not None and table is not None and table["y"] >= svg["y"] + svg["height"]  # below
    assert _width(phone) <= PHONE

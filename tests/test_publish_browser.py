"""Real Chromium browses a published site: from a static file server on loopback, and from disk.

The site is `publish_site` over the portal test store (the shared corpus). A static
server (`http.server` in a thread, the site folder as its root, nothing else) stands
in for any web host; the same site is then opened as file:// URLs, where there is no
server at all. A search typed on the home page runs in the browser over the published
index, and following a hit lands on the transcript line the hit names. Chromium comes
from the system, as in test_web_browser.py: if it is missing these tests fail.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from forumlens.publish.site import PublishOptions, publish_site

from .browser_support import CHROMIUM
from .test_web_browser import SHOTS
from .web_support import build_web_store, main_session_id, web_settings

SID = main_session_id()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the test reports what matters
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("publish-browser")
    db = build_web_store(folder)
    out = folder / "site"
    publish_site(db, out, web_settings(db), PublishOptions(briefs=["regular updates"]))
    return out


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The site folder behind a plain static file server on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.is_file(), f"Chromium is missing at {CHROMIUM}: run `bash scripts/install-system-deps.sh`"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page that fails the test on a script error or on any request the site cannot answer."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on(
        "response", lambda response: response.status >= 400 and problems.append(f"{response.status}: {response.url}")
    )
    yield page
    context.close()
    assert not problems, problems


def _target_id(page: Page) -> str | None:
    return page.evaluate("() => { const t = document.querySelector(':target'); return t ? t.id : null; }")


def _follow_first_hit(page: Page, word: str) -> None:
    """Click the first hit; the page must land on the line the hit names, a line with the word."""
    hit = page.locator("#search-hits a.hit-title").first
    expect(hit).to_be_visible()
    line = re.search(r"line (\d+)$", hit.inner_text())
    assert line, hit.inner_text()
    hit.click()
    expect(page).to_have_url(re.compile(rf"/sessions/[0-9a-f]+\.html#L{line.group(1)}$"))
    assert _target_id(page) == f"L{line.group(1)}"
    target = page.locator(f"#L{line.group(1)}")
    expect(target).to_be_in_viewport()
    assert word in target.inner_text().lower()


def test_search_from_the_home_page_over_http_lands_on_the_cited_line(served, page):
    page.goto(served)
    expect(page.locator("h1")).to_contain_text("record")
    page.get_by_role("searchbox", name="Search the record").fill("regular updates")
    page.locator(".big-search button").click()
    expect(page).to_have_url(f"{served}search.html?q=regular+updates")
    expect(page.locator("#search-status")).to_contain_text("match")
    expect(page.locator("#search-hits mark").first).to_have_text(re.compile("regular|updates", re.I))
    titles = page.locator("#search-hits a.hit-title").all_inner_texts()
    assert any(t.endswith("line 333") for t in titles), titles  # the line the portal's own search cites
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "publish-search.png"))
    _follow_first_hit(page, "regular")
    page.screenshot(path=str(SHOTS / "publish-session-line.png"))


def test_site_pages_link_to_each_other_over_http(served, page):
    page.goto(served + "coalitions/index.html")
    page.get_by_role("link", name="DC on Platform Responsibility", exact=True).click()
    expect(page.locator("h1")).to_contain_text("DC on Platform Responsibility")
    page.locator("#outputs a.cite").first.click()
    expect(page).to_have_url(f"{served}sessions/{SID}.html#L167")
    assert _target_id(page) == "L167"
    page.locator("header.site nav a", has_text="People").click()
    expect(page).to_have_url(f"{served}people/index.html")
    page.get_by_role("link", name="Jason Munyan").click()
    expect(page.locator("h1")).to_have_text("Jason Munyan")
    color = page.eval_on_selector("header.site", "el => getComputedStyle(el).backgroundColor")
    assert color == "rgb(255, 255, 255)"  # the portal's stylesheet, loaded by a relative link


def test_search_with_no_match_and_exclusions(served, page):
    page.goto(served + "search.html?q=" + "zzzqqq")
    expect(page.locator("#search-status")).to_contain_text("No turn matches")
    expect(page.locator("#search-hits li")).to_have_count(0)
    page.goto(served + "search.html?q=regular")
    expect(page.locator("#search-status")).to_contain_text("match")
    with_word = page.locator("#search-hits li").count()
    page.goto(served + "search.html?q=regular+-updates")
    expect(page.locator("#search-status")).to_contain_text("match")
    snippets = page.locator("#search-hits .snippet").all_inner_texts()
    assert len(snippets) < with_word and not any("updates" in s.lower() for s in snippets)


def test_opened_from_disk_the_site_searches_and_lands_on_the_line(site, page):
    page.goto((site / "people" / "index.html").as_uri())
    color = page.eval_on_selector("header.site", "el => getComputedStyle(el).backgroundColor")
    assert color == "rgb(255, 255, 255)"
    quick = page.locator("header.site form.quick")
    quick.get_by_role("searchbox").fill("glossary")
    quick.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"^file://.*/search\.html\?q=glossary$"))
    expect(page.locator("#search-status")).to_contain_text("match")
    page.screenshot(path=str(SHOTS / "publish-file-search.png"))
    _follow_first_hit(page, "glossary")
    assert page.url.startswith("file://")

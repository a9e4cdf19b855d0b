"""Real Chromium on a live session page: a new turn appears, and a turn grows, without reload.

`forumlens serve` runs as a subprocess over a SQLite store that a follower in this test
process writes to (as `forumlens live` would, from another process); the page is opened
once, a marker is set on its `window`, captions are appended to the file, and the new
turn must appear while the marker is still there (a reload would have cleared it).
Screenshots go to `test-artifacts/screenshots/live-*.png`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from forumlens.live import FileSource, Follower, LiveOptions
from forumlens.live.finalise import finalise
from forumlens.store import open_store

from .browser_support import chromium, serving
from .test_web_browser import SHOTS

HEAD = b"IGF 2024 Workshop 42: Meaningful access for all\n\n"


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[tuple[str, Follower, Path]]:
    db = str(tmp_path / "live.sqlite3")
    caption = tmp_path / "captions.txt"
    caption.write_bytes(HEAD + b">> ANNA SMITH: Welcome to the workshop on meaningful access.\n")
    store = open_store(db)
    # Stepped by hand, the follower renews no lease; its claim must outlast the server's and
    # Chromium's start on a loaded machine, or the page rightly shows "paused" (CI, stop 20).
    options = LiveOptions(interval=0.01, analyse_every=1e9, lease_ttl=3600.0)
    follower = Follower(store, FileSource(caption), options)
    follower.start()
    follower.step()
    try:
        with serving(db, tmp_path / "serve.log") as base:
            yield base, follower, caption
    finally:
        follower.close()
        store.close()


@pytest.fixture
def page() -> Iterator[Page]:
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        yield page
        context.close()
        assert not errors, errors


def _append(caption: Path, data: bytes) -> None:
    with caption.open("ab") as handle:
        handle.write(data)


def test_new_and_growing_turns_appear_without_reload(live_server, page: Page) -> None:
    base, follower, caption = live_server
    sid = follower.session_id
    page.goto(base + "/")
    expect(page.locator("#in-progress")).to_contain_text("Meaningful access for all")
    page.locator("#in-progress a").first.click()
    expect(page).to_have_url(f"{base}/sessions/{sid}/live")
    expect(page.locator("#live-badge")).to_have_text("live")
    turns = page.locator("#live-turns-list li")
    expect(turns).to_have_count(1)
    page.evaluate("() => { window.__notReloaded = true; }")

    _append(caption, b">> BEN JONES: Thank you, Anna. My question")
    follower.step()
    expect(turns).to_have_count(2, timeout=5000)
    expect(turns.nth(1)).to_contain_text("Ben Jones")
    _append(caption, b" is about community networks.\n")
    follower.step()
    expect(turns.nth(1)).to_contain_text("My question is about community networks.", timeout=5000)
    expect(turns).to_have_count(2)  # grown in place, not added again
    expect(page.locator("#live-speakers tr")).to_have_count(2)
    assert page.evaluate("() => window.__notReloaded === true")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "live-session.png"), full_page=True)

    _append(caption, b">> ANNA SMITH: Thank you all.\n(Session concluded)\n")
    follower.step()
    finalise(follower, "ended")
    expect(page.locator("#live-badge")).to_have_text("finished", timeout=5000)
    # Anna's closing turn, then the closing note as a note turn of its own (not folded into her speech)
    expect(turns).to_have_count(4)
    expect(turns.nth(2)).to_contain_text("Thank you all.")
    expect(turns.nth(2)).not_to_contain_text("Session concluded")
    expect(turns.nth(3)).to_have_class(re.compile(r"\bnote\b"))
    expect(turns.nth(3)).to_contain_text("(Session concluded)")
    assert page.evaluate("() => window.__notReloaded === true")
    page.screenshot(path=str(SHOTS / "live-session-finished.png"), full_page=True)


def test_without_javascript_the_page_refreshes_itself(live_server, browser_without_js: Page) -> None:
    base, follower, caption = live_server
    page = browser_without_js
    page.goto(f"{base}/sessions/{follower.session_id}/live")
    expect(page.locator("#live-turns-list li")).to_have_count(1)
    _append(caption, b">> BEN JONES: Hello from the hub.\n")
    follower.step()
    expect(page.locator("#live-turns-list li")).to_have_count(2, timeout=20_000)  # the <meta refresh> reload


@pytest.fixture
def browser_without_js() -> Iterator[Page]:
    with chromium() as browser:
        context = browser.new_context(java_script_enabled=False)
        yield context.new_page()
        context.close()

"""A new user's first hour in the portal (stop 40, helper N9), in real Chromium against `forumlens serve`:

- the session page's asks and calls to action showed their categories as stored keys
  ("links-to-institutions", "capacity-building") where the threads page and the CLI say words;
- a voice captioned `>> AUDIENCE:` was cited as "AUDIENCE, line 11" under the open questions and
  was "unnamed" in the Questions list, while the threads call it "a participant from the floor".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .browser_support import chromium, serving
from .test_walk_cli_first_hour import FLOOR, SESSION
from .web_support import cli_store

KEY = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b")  # a stored key: lower-case words joined by hyphens


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("first-hour-portal-files")
    (folder / "mountain-villages.txt").write_text(SESSION, encoding="utf-8")
    db = cli_store(tmp_path_factory, "first-hour-portal", folder)
    with serving(db, tmp_path_factory.mktemp("first-hour-portal-log") / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def page(server) -> Iterator[Page]:
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.goto(server + "/sessions")
        page.get_by_role("link", name="Mountain Villages", exact=False).first.click()
        expect(page.locator("h1")).to_contain_text("Mountain Villages")
        yield page


def test_the_categories_of_asks_read_as_words(page):
    chips = page.locator("#asks .chip").all_inner_texts()
    assert chips, "the session page lists no asks"
    assert not [c for c in chips if KEY.search(c)], chips
    assert any(" " in c.split("·")[-1].strip() for c in chips), chips  # a category of two words, as words


def test_an_unnamed_floor_voice_is_named_as_the_threads_name_it(page):
    cites = page.locator("a.cite").all_inner_texts()
    assert f"{FLOOR}, line 11" in cites, cites
    assert not [c for c in cites if "AUDIENCE" in c], cites
    asked = page.locator("li.q-unanswered strong").all_inner_texts()
    assert asked == [FLOOR], asked

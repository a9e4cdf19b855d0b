"""A new user's walk of the portal, round 11 (helper U), in real Chromium against `forumlens serve`:
a session whose caption file has no header is listed with a name one can click, and a search
that finds nothing says so across the page, not pushed aside by an empty facet column.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .browser_support import chromium, serving
from .web_support import cli_store

HEADLESS = """>> JOSÉ GARCÍA: Buenos días. Hablamos de acceso significativo en América Latina.

>> MARÍA LÓPEZ: Gracias José. Necesitamos financiación para las redes comunitarias.
"""

TITLED = """IGF 2023 Kyoto - Workshop 12: Community networks

>> CHAIR: Welcome. Our first speaker is Ana Ruiz.

>> ANA RUIZ: Community networks connect villages that operators ignore. We need spectrum for them.
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("walk11-files")
    (folder / "lima-hub-2023.txt").write_text(HEADLESS, encoding="utf-8")
    (folder / "kyoto-ws12.txt").write_text(TITLED, encoding="utf-8")
    db = cli_store(tmp_path_factory, "walk11", folder)
    with serving(db, tmp_path_factory.mktemp("walk11-log") / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    """One Chromium tab for this walk (the steps only read pages, so they may share it)."""
    with chromium() as browser:
        tab = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        yield tab


def test_a_headerless_transcript_is_listed_and_opens_by_its_file_name(server, page):
    page.goto(server + "/sessions")
    link = page.get_by_role("link", name="lima-hub-2023")
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("h1")).to_have_text("lima-hub-2023")
    expect(page).to_have_title("lima-hub-2023 · forumlens")
    page.goto(server + "/")
    expect(page.get_by_role("link", name="lima-hub-2023")).to_be_visible()


def test_a_search_with_no_hits_uses_the_page_width(server, page):
    page.goto(server + "/search?q=zzzqqq")
    message = page.locator("p.missing")
    expect(message).to_contain_text("No matches")
    assert page.locator("aside.facets").count() == 0
    heading, box = page.locator("h1").bounding_box(), message.bounding_box()
    assert heading and box
    assert abs(box["x"] - heading["x"]) < 4, (heading, box)  # not pushed right by an empty column
    page.goto(server + "/search?q=community")
    expect(page.locator("aside.facets")).to_be_visible()  # hits keep their facets beside them
    expect(page.locator("li.hit").first).to_be_visible()

"""The home page's "Latest outputs" shows a quoted Markdown list as separate items.

A report's outputs are often a list; quoted whole, HTML collapsed its line breaks and the
items ran together ("- A report… - A draft…").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from forumlens.web.pages import list_items

from .browser_support import chromium, serving
from .web_support import cli_store, portal_client

# written for this test: a coalition report whose outputs are a list
REPORT = """# Dynamic Coalition on Rural Connectivity: Annual Report 2023

## Summary

The coalition met three times in 2023 and held one session at IGF 2023 in Kyoto.

## Outputs

- A report on community network licensing in the Andes, released in May 2023.
- A toolkit for municipal broadband planning, to be released in 2024.

## Requests

The coalition asks the IGF Secretariat for a workshop slot at the next IGF.
"""


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("- A report.\n- A toolkit.", ["A report.", "A toolkit."]),
        ("* one\n\n* two\n", ["one", "two"]),
        ("1. first\n2) second", ["first", "second"]),
        ("- only one", ["only one"]),
        ("We will publish a brief - soon.", ["We will publish a brief - soon."]),  # a dash inside a sentence
        ("- an item\nand a line that is no item", ["- an item\nand a line that is no item"]),  # not a list: as is
        ("", [""]),
        (None, [""]),
    ],
)
def test_list_items(text, items):
    assert list_items(text) == items


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("home-outputs-src")
    source = folder / "dc-rural-connectivity-annual-report-2023.md"
    source.write_text(REPORT, "utf-8")
    return cli_store(tmp_path_factory, "home-outputs", source)


def _latest_outputs(html: str) -> BeautifulSoup:
    page = BeautifulSoup(html, "html.parser")
    heading = next(h for h in page.find_all("h2") if h.get_text() == "Latest outputs")
    section = heading.find_parent("section")
    assert section is not None
    return section


def test_the_home_page_lists_each_item_apart(store):
    with portal_client(store) as client:
        section = _latest_outputs(client.get("/").text)
    items = [li.get_text(" ", strip=True) for li in section.select("ul.items > li")]
    assert any(i.startswith("A report on community network licensing") for i in items), section
    assert any(i.startswith("A toolkit for municipal broadband planning") for i in items), section
    assert "- A" not in section.get_text(), section  # no marker run into the text


@pytest.fixture(scope="module")
def server(store: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(store, Path(tmp_path_factory.mktemp("home-outputs-log")) / "serve.log") as base:
        yield base


def test_in_a_browser_the_items_stand_on_lines_of_their_own(server):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server + "/")
        items = page.locator("ul.items > li")
        assert items.count() >= 2
        boxes = [items.nth(i).bounding_box() for i in range(items.count())]
        tops = [box["y"] for box in boxes if box]
        assert len(set(tops)) == len(tops), tops  # one below the other, not run together
        marker = page.evaluate("() => getComputedStyle(document.querySelector('ul.items > li')).listStyleType")
        assert marker == "disc"  # the page draws the marker the text no longer carries
        page.close()

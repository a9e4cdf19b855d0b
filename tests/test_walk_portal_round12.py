"""A new user's walk of the portal, round 12 (helper U), in real Chromium against `forumlens serve`:
a page never says "1 turns" or "1 paragraphs", and a point that quotes two sentences of one
line links that line once ("line 5 (Summary); line 5 (Summary)" read as two sources), on a
document's page as on a session's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .browser_support import chromium, serving
from .web_support import cli_store

ONE_TURN = """IGF 2024 Riyadh - Lightning talk 7: Open data on networks

>> LENA FISCHER: Regulators should publish open data on where networks reach, so that researchers can check coverage claims.
"""

REPORT = """# Dynamic Coalition on Public Access in Libraries: Annual Report 2024

## Summary

The coalition met four times in 2024 and held one session at IGF 2024 in Riyadh. This report summarises its outputs and its requests to the IGF community.

## Requests

The coalition asks the IGF Secretariat for support in translating its outputs into the six UN languages. It also asks national regulators to share data on public access with researchers.

## Membership

The coalition has 48 members from 21 countries, including governments, libraries, civil society organisations and universities.
"""

TALK = """IGF 2023 Kyoto - Workshop 40: Libraries and meaningful access

>> CHAIR: Welcome. Our first speaker is Ana Ruiz from the Dynamic Coalition on Public Access in Libraries.

>> ANA RUIZ: Thank you. Public libraries connect people that operators ignore. Libraries need funding for staff who teach digital skills. We ask governments to include libraries in broadband plans. Libraries need funding for staff, and they need it now.

>> CHAIR: Thank you, Ana. We ask governments to include libraries in broadband plans, as Ana said. That is our call.
"""

MODERATED = """IGF 2024 Day 2 - Open Forum 12: Data centres and e-waste
Riyadh, 16 December 2024

>> MODERATOR: Good morning, and welcome. My name is Carla Mendes and I will moderate today. Let me give the floor to Peter Okafor from the Nigerian Communications Commission.
>> PETER OKAFOR: Thank you, Carla. Data centres in West Africa consume a growing share of electricity. We call on the IGF secretariat to provide a one page summary of our findings to national regulators.
>> MODERATOR: Thank you, Peter. The key takeaway is that comparable data on energy use is the first step toward greener networks.
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, str]]:
    folder: Path = tmp_path_factory.mktemp("walk12-files")
    (folder / "lightning-7.txt").write_text(ONE_TURN, encoding="utf-8")
    (folder / "dc-pal-annual-report-2024.md").write_text(REPORT, encoding="utf-8")
    (folder / "ws40.txt").write_text(TALK, encoding="utf-8")
    (folder / "open-forum-12.txt").write_text(MODERATED, encoding="utf-8")
    db = cli_store(tmp_path_factory, "walk12", folder)
    with serving(db, tmp_path_factory.mktemp("walk12-log") / "serve.log") as base:
        yield base, db


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    """One Chromium tab for this walk (the steps only read pages, so they may share it)."""
    with chromium() as browser:
        tab = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        yield tab


def _open(page: Page, base: str, title: str) -> None:
    page.goto(base + "/sessions")
    page.get_by_role("link", name=title).click()
    expect(page.locator("h1")).to_have_text(title)


def test_a_one_turn_session_says_1_turn_not_1_turns(server, page):
    base, _ = server
    _open(page, base, "IGF 2024 Riyadh - Lightning talk 7: Open data on networks")
    meta = page.locator("p.meta").first.inner_text()
    assert re.search(r"\b1 turn\b", meta) and "1 turns" not in meta, meta
    summary = page.locator("#transcript summary").inner_text()
    assert "(1 turn, " in summary and "1 turns" not in summary, summary
    _open(page, base, "IGF 2023 Kyoto - Workshop 40: Libraries and meaningful access")
    assert "3 turns" in page.locator("p.meta").first.inner_text()  # the plural stays where it belongs


def test_a_document_page_counts_its_paragraphs_in_words_that_agree(server, page):
    base, _ = server
    _open(page, base, "Dynamic Coalition on Public Access in Libraries: Annual Report 2024")
    meta = page.locator("p.meta").first.inner_text()
    assert re.search(r"\b\d+ paragraphs?\b", meta) and "1 paragraphs" not in meta, meta


@pytest.mark.parametrize(
    "title",
    [
        "Dynamic Coalition on Public Access in Libraries: Annual Report 2024",
        "IGF 2023 Kyoto - Workshop 40: Libraries and meaningful access",
    ],
)
def test_every_cited_line_is_linked_once_per_point(server, page, title):
    base, _ = server
    _open(page, base, title)
    groups = page.locator("span.cites")
    assert groups.count() > 0, "the page cites nothing"
    for i in range(groups.count()):
        hrefs = groups.nth(i).locator("a.cite").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert len(hrefs) == len(set(hrefs)), (title, groups.nth(i).inner_text())


@pytest.mark.parametrize(
    ("query", "select", "value", "shown"),
    [
        ("year=1999", "year", "1999", "1999 (0)"),
        ("coalition=DC-Blockchain", "coalition", "dc-on-blockchain-technologies", "DC on Blockchain Technologies"),
        ("tag=SDG1", "tag", "SDG1", "SDG1"),
    ],
)
def test_a_filter_no_stored_session_has_stays_chosen_in_the_form(server, page, query, select, value, shown):
    """ "No session matches these filters" under a form that said "any" everywhere left the user
    guessing which filter it was: the chosen value stays chosen, even with no session to count."""
    base, _ = server
    page.goto(f"{base}/sessions?{query}")
    expect(page.locator("p.missing")).to_contain_text("No session matches these filters")
    box = page.locator(f"select[name={select}]")
    expect(box).to_have_value(value)
    assert shown in box.locator("option:checked").inner_text()
    page.locator("form.filters button[type=submit]").click()  # sending the form again keeps the filter
    expect(page.locator(f"select[name={select}]")).to_have_value(value)
    expect(page.locator("p.missing")).to_be_visible()


def test_a_person_captioned_by_name_is_searched_by_name(server, page):
    base, _ = server
    page.goto(base + "/people")
    page.get_by_role("link", name="Peter Okafor").click()
    assert page.locator("#not-by-name").count() == 0
    page.get_by_label("Search what Peter Okafor said").fill("electricity")
    page.get_by_label("Search what Peter Okafor said").press("Enter")
    hit = page.locator("li.hit").first
    expect(hit).to_contain_text("Peter Okafor")
    expect(hit).to_contain_text("electricity")


def test_a_person_captioned_only_by_a_role_is_searched_by_name_too(server, page):
    """Round 12 hid the search box of a moderator captioned as MODERATOR, since the speaker filter
    read caption labels only; it now matches the person a turn is counted for as well, so the page
    offers the search and it finds her turns (round 14: the note saying otherwise was no longer true)."""
    base, _ = server
    page.goto(base + "/people")
    page.get_by_role("link", name="Carla Mendes").click()
    expect(page.locator("h1")).to_have_text("Carla Mendes")
    assert page.locator("#not-by-name").count() == 0
    box = page.get_by_label("Search what Carla Mendes said")
    box.fill("greener")
    box.press("Enter")
    hit = page.locator("li.hit").first
    expect(hit).to_contain_text("Carla Mendes")
    expect(hit).to_contain_text("greener")
    assert page.locator("li.hit").count() == 1


def test_a_session_page_says_the_day_the_session_was_held(server, page):
    """`forumlens report` heads a session "2024 · 16 December 2024"; its page said only "2024"."""
    base, _ = server
    _open(page, base, "IGF 2024 Day 2 - Open Forum 12: Data centres and e-waste")
    held = page.locator("p.meta time")
    expect(held).to_have_text("16 December 2024")
    expect(held).to_have_attribute("datetime", "2024-12-16")
    _open(page, base, "IGF 2024 Riyadh - Lightning talk 7: Open data on networks")  # no date in its header
    assert page.locator("p.meta time").count() == 0


def test_a_related_quote_from_a_report_is_cited_by_its_section_not_as_unnamed(server, page):
    base, _ = server
    page.goto(base + "/sessions")
    report = page.get_by_role("link", name="Dynamic Coalition on Public Access in Libraries: Annual Report 2024")
    report_id = (report.get_attribute("href") or "").rsplit("/", 1)[-1]
    _open(page, base, "IGF 2023 Kyoto - Workshop 40: Libraries and meaningful access")
    quoted = page.locator(f"#related blockquote a.cite[href^='/sessions/{report_id}#L']")
    assert quoted.count() > 0, page.locator("#related").inner_text()
    for i in range(quoted.count()):
        text = quoted.nth(i).inner_text()
        assert text.startswith("§ ") and "unnamed" not in text, text
    quoted.first.click()  # and the citation still opens the report at that line
    expect(page.locator(":target")).to_be_visible()

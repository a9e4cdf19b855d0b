"""The session and document pages on a 390 px phone, in real Chromium: nothing wider than the screen,
a table of contents, the transcript folded until a link to one of its lines opens it (issue 17, item 14).

`forumlens serve` runs as a subprocess over a store the real pipeline built (the shared main
session, the example session, a coalition's PDF report). Screenshots go to /tmp/shots/
(FORUMLENS_SHOTS overrides) for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store

from .browser_support import chromium, serving
from .conftest import MAIN_SESSION, ROOT
from .docfiles import make_pdf
from .web_support import main_session_id

SHOTS = Path(os.environ.get("FORUMLENS_SHOTS", "/tmp/shots"))
PHONE = {"width": 390, "height": 844}
SID = main_session_id()
REPORT = [
    ("h1", "Annual Report 2021"),
    ("p", "Dynamic Coalition on Platform Responsibility, activity report for 2021."),
    ("h2", "1. Activities"),
    ("p", "The coalition met six times. We published the Glossary of Platform Law and Policy Terms."),
    ("page", ""),
    ("h2", "2. What we need"),
    ("p", "We need funding to translate the glossary into more languages for the regional IGFs."),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(base URL, the PDF report's id): `forumlens serve` on loopback over a store the real pipeline built."""
    root = tmp_path_factory.mktemp("web-phone")
    (root / "dcpr-annual-2021.pdf").write_bytes(make_pdf(REPORT, running_head="DCPR Annual Report 2021"))
    db = str(root / "phone.sqlite3")
    with open_store(db) as store:
        files = [MAIN_SESSION, ROOT / "examples" / "igf2024-ws-coalition-outputs.txt", root / "dcpr-annual-2021.pdf"]
        outcomes = ingest_paths(store, files, IngestOptions(max_bytes=20_000_000))
    assert [o.status for o in outcomes] == ["ingested"] * 3, outcomes
    with serving(db, root / "serve.log") as base:
        yield base, str(outcomes[2].session)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def phone(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A 390 px wide page, with and without JavaScript (the pages need none)."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=request.param, device_scale_factor=1)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"phone-{name}.png"))


def _width(page: Page) -> int:
    """How wide the page lays out: the document's scroll width (more than the screen means sideways scrolling)."""
    return int(page.evaluate("document.documentElement.scrollWidth"))


def _open(page: Page, selector: str) -> bool:
    return bool(page.eval_on_selector(selector, "el => el.open"))


def test_session_page_fits_a_phone_with_contents_and_a_folded_transcript(site, phone):
    base, _ = site
    phone.goto(f"{base}/sessions/{SID}")
    assert _width(phone) <= PHONE["width"]
    expect(phone.locator("nav.page-toc")).to_be_visible()
    assert not _open(phone, "#transcript details.fold")
    expect(phone.locator("#L333")).to_be_hidden()
    _shot(phone, "session-top")
    phone.locator("#speakers").scroll_into_view_if_needed()
    _shot(phone, "session-speakers")
    # every part is reachable from the contents, and the folded transcript keeps the page short
    height = int(phone.evaluate("document.documentElement.scrollHeight"))
    phone.locator("#transcript summary").click()
    assert _open(phone, "#transcript details.fold") and _width(phone) <= PHONE["width"]
    assert int(phone.evaluate("document.documentElement.scrollHeight")) > 2 * height
    phone.locator("#L333").scroll_into_view_if_needed()
    _shot(phone, "session-transcript-open")


def test_a_citation_opens_the_transcript_at_its_line(site, phone):
    base, _ = site
    phone.goto(f"{base}/sessions/{SID}")
    cite = phone.locator("#takeaways a.cite").first
    line = cite.get_attribute("href").rsplit("#L", 1)[1]
    cite.click()
    expect(phone).to_have_url(f"{base}/sessions/{SID}#L{line}")
    assert _open(phone, "#transcript details.fold")  # the browser opens the fold for the fragment
    expect(phone.locator(f"#L{line}")).to_be_in_viewport()
    assert phone.evaluate("document.querySelector(':target').id") == f"L{line}"
    _shot(phone, "session-cited-line")


def test_a_link_from_elsewhere_to_a_line_lands_on_it(site, phone):
    base, _ = site
    phone.goto(f"{base}/sessions/{SID}#L167")
    assert _open(phone, "#transcript details.fold")
    expect(phone.locator("#L167")).to_be_in_viewport()
    expect(phone.locator("#L167")).to_contain_text("flagged label")  # the mis-labelled turn, credited


def test_document_page_fits_a_phone_and_its_contents_lead_to_sections(site, phone):
    base, document = site
    phone.goto(f"{base}/sessions/{document}")
    assert _width(phone) <= PHONE["width"]
    expect(phone.locator("#about")).to_contain_text("annual-report")
    _shot(phone, "document-top")
    section = phone.locator("#sections a").last
    line = section.get_attribute("href")
    section.click()
    expect(phone.locator(str(line))).to_be_in_viewport()
    expect(phone.locator(str(line))).to_contain_text("2. What we need")
    _shot(phone, "document-section")


@pytest.mark.parametrize("path", ["/coalitions/dc-on-platform-responsibility", "/people", "/people/jennifer-chung"])
def test_coalition_and_people_pages_fit_a_phone(site, phone, path):
    base, _ = site
    phone.goto(base + path)
    assert _width(phone) <= PHONE["width"], path
    _shot(phone, path.strip("/").replace("/", "-"))

"""The portal cites a report's paragraphs by page and section, as the session page and `forumlens report`
do: a coalition's asks and outputs from its PDF used to read "unnamed, <title>, line 9", and a topic
brief's Markdown download "unnamed, [3102c0b47618 line 9]"."""

from __future__ import annotations

import re
import warnings
from html import unescape

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store
from forumlens.web import create_app

from .docfiles import make_pdf
from .web_support import web_settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

REPORT = [
    ("h1", "Annual Report 2024 of the Dynamic Coalition on Public Access in Libraries"),
    ("h2", "Summary"),
    ("p", "The coalition met four times in 2024 and published a toolkit on meaningful access for rural libraries."),
    ("page", ""),
    ("h2", "Requests"),
    ("p", "We call on governments to fund public access points in libraries so that everyone can get online."),
]


def page_text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def stored_report(tmp_path) -> str:
    pdf = tmp_path / "dc-pal-annual-report-2024.pdf"
    pdf.write_bytes(make_pdf(REPORT))
    db = str(tmp_path / "store.sqlite3")
    with open_store(db) as store:
        [outcome] = ingest_paths(store, [pdf], IngestOptions())
    assert outcome.status == "ingested", outcome
    return db


def test_the_asks_of_a_coalition_report_are_cited_by_page_and_section(tmp_path):
    db = stored_report(tmp_path)
    with TestClient(create_app(db, web_settings(db))) as client:
        answer = client.get("/coalitions/dc-on-public-access-in-libraries")
    assert answer.status_code == 200
    text = page_text(answer.text)
    asked = text[text.index("What it asked for") :]
    assert re.search(
        r"We call on governments to fund .*?” Annual Report 2024 .*?\(2024\), p\. 2, § Requests, line \d+", asked
    )
    assert "unnamed, Annual Report" not in text
    produced = text[text.index("Outputs") : text.index("What it asked for")]
    assert re.search(r"toolkit .*? \(2024\), p\. 1, § Summary, line \d+", produced)


def test_a_brief_download_cites_a_report_by_page_section_and_title_not_by_id(tmp_path):
    db = stored_report(tmp_path)
    with TestClient(create_app(db, web_settings(db))) as client:
        answer = client.get("/briefs/download", params={"topic": "public access", "format": "md"})
    assert answer.status_code == 200
    cited = [line for line in answer.text.splitlines() if line.startswith("  - ")]
    assert cited
    title = "Annual Report 2024 of the Dynamic Coalition on Public Access in Libraries (2024)"
    assert all(re.match(rf"  - p\. [12], § (Summary|Requests), {re.escape(title)}, \[line \d+\]\(", c) for c in cited)
    assert "unnamed" not in answer.text

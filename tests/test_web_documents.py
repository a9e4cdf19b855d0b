"""Documents on the portal: a report's own page (kind, date, pages, sections, what was found in it), and a
coalition's own documents counted as its outputs, not as mentions (issue 17, item 12).

The PDF and DOCX files are written by the tests (tests/docfiles.py) and ingested with the real
pipeline next to the shared main session, so the pages show what the stages stored.
"""

from __future__ import annotations

import re
import warnings
from html import unescape
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store
from forumlens.web import create_app

from .conftest import MAIN_SESSION
from .docfiles import make_docx, make_pdf
from .web_support import main_session_id, web_settings

SID = main_session_id()
ANNUAL = [  # a coalition's own yearly report: an output, an ask, two pages
    ("h1", "Annual Report 2021"),
    ("p", "Dynamic Coalition on Platform Responsibility, activity report for 2021."),
    ("h2", "1. Activities"),
    ("p", "The coalition met six times. We published the Glossary of Platform Law and Policy Terms."),
    ("page", ""),
    ("h2", "2. What we need"),
    ("p", "We need funding to translate the glossary into more languages for the regional IGFs."),
]
PAPER = [  # another coalition's paper that only mentions the first one, on its second page
    ("h1", "Public Access and Meaningful Connectivity"),
    ("p", "A policy paper of the Dynamic Coalition on Public Access in Libraries, March 2022."),
    ("h2", "Summary"),
    ("p", "Libraries connect people who have no other way online."),
    ("page", ""),
    ("h2", "Partners"),
    ("p", "We cite the Dynamic Coalition on Platform Responsibility and its glossary as a model for shared terms."),
]


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """(client, {"annual": id, "paper": id}, store path) over the main session and two documents."""
    root = tmp_path_factory.mktemp("web-documents")
    (root / "dcpr-annual-2021.pdf").write_bytes(make_pdf(ANNUAL, running_head="DCPR Annual Report 2021"))
    (root / "dcpal-paper-2022.docx").write_bytes(make_docx(PAPER))
    path = str(root / "documents.sqlite3")
    with open_store(path) as store:
        outcomes = ingest_paths(
            store,
            [MAIN_SESSION, root / "dcpr-annual-2021.pdf", root / "dcpal-paper-2022.docx"],
            IngestOptions(max_bytes=20_000_000),
        )
    assert [o.status for o in outcomes] == ["ingested"] * 3, outcomes
    ids = {"annual": outcomes[1].session, "paper": outcomes[2].session}
    with TestClient(create_app(path, web_settings(path))) as client:
        yield client, ids, path


def _section(html: str, section_id: str) -> str:
    match = re.search(rf'<section id="{section_id}">(.*?)</section>', html, re.DOTALL)
    assert match, f"no section {section_id!r}"
    return match.group(1)


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("which", ["annual", "paper"])
def test_a_document_page_shows_its_metadata_and_no_speakers(docs, which):
    client, ids, _ = docs
    data = client.get(f"/api/sessions/{ids[which]}").json()
    meta = data["document"]
    assert meta["kind"] != "transcript" and meta["pages"] == 2
    html = client.get(f"/sessions/{ids[which]}").text
    about = _text(_section(html, "about"))
    assert meta["kind"] in about and str(meta["year"]) in about and str(meta["date"]) in about
    assert meta["coalitions"][0]["name"] in about and Path(data["source"]).name in about
    for absent in ("unnamed speaker", "No questions were put", 'id="speakers"', " min<", 'id="transcript"'):
        assert absent not in html, absent  # a paper has no floor, no speakers, no speaking time


@pytest.mark.parametrize("which", ["annual", "paper"])
def test_a_document_page_lists_its_sections_and_pages_linking_to_their_lines(docs, which):
    client, ids, path = docs
    with open_store(path, readonly=True) as store:
        session = store.load_session(ids[which])
    headings = [t for t in session.turns if t.kind == "note"]
    html = client.get(f"/sessions/{ids[which]}").text
    sections = _section(html, "sections")
    assert re.findall(r'href="#L(\d+)">([^<]+)</a>', sections) == [(str(t.line), t.text) for t in headings]
    first_on_page = {}
    for t in session.turns:
        first_on_page.setdefault(t.page, t.line)
    about = _section(html, "about")
    assert [(line, int(page)) for line, page in re.findall(r'href="#L(\d+)">p\. (\d+)</a>', about)] == [
        (str(line), page) for page, line in sorted(first_on_page.items())
    ]
    text = _section(html, "text")
    assert all(f'id="L{t.line}"' in text for t in session.turns)  # every citation lands
    assert [int(p) for p in re.findall(r'id="page-(\d+)"', text)] == sorted(first_on_page)


def test_asks_and_outputs_found_in_a_document_name_their_page_and_section(docs):
    client, ids, path = docs
    with open_store(path, readonly=True) as store:
        asks = store.analysis(ids["annual"], "asks")
        outputs = store.analysis(ids["annual"], "outputs")
    assert asks and outputs
    html = client.get(f"/sessions/{ids['annual']}").text
    found = _text(_section(html, "asks"))
    for ask in asks:
        assert ask["quote"] in found and ask["category"] in found
    assert "(p. 2, 2. What we need)" in found  # where the funding ask is, for a printed citation
    assert all(o["quote"] in _text(_section(html, "outputs")) for o in outputs)
    toc = re.search(r'<nav class="page-toc".*?</nav>', html, re.DOTALL).group(0)
    assert re.findall(r'href="#([\w-]+)"', toc) == re.findall(r'<section id="([\w-]+)">', html)[1:]


def test_a_transcript_still_gets_the_session_page(docs):
    client, _, _ = docs
    html = client.get(f"/sessions/{SID}").text
    assert 'id="speakers"' in html and 'id="transcript"' in html and 'id="about"' not in html


def test_a_coalitions_own_document_is_its_output_and_its_asks_are_the_coalitions(docs):
    client, ids, _ = docs
    data = client.get("/api/coalitions/dc-on-platform-responsibility").json()
    assert [d["id"] for d in data["documents"]] == [ids["annual"]]
    own = [o for o in data["outputs"] if o.get("status") == "authored"]
    assert [(o["session"], o["kind"]) for o in own] == [(ids["annual"], "annual-report")]
    assert ids["annual"] not in {s["session"] for s in data["sessions"]}  # not a mere mention
    funding = next(a for a in data["asks"] if a["session"] == ids["annual"])
    assert funding["category"] == "funding" and funding["by"] is None  # a report's ask, credited to its coalition
    assert any(o["session"] == ids["annual"] and "Glossary" in o.get("quote", "") for o in data["outputs"])
    html = client.get("/coalitions/dc-on-platform-responsibility").text
    outputs = _section(html, "outputs")
    assert re.search(rf'<li class="own-document">.*?href="/sessions/{ids["annual"]}"', outputs)
    assert f'href="/sessions/{ids["annual"]}#L{funding["line"]}"' in _section(html, "asks")


def test_a_document_that_only_mentions_a_coalition_stays_a_mention(docs):
    client, ids, _ = docs
    data = client.get("/api/coalitions/dc-on-platform-responsibility").json()
    paper = next(s for s in data["sessions"] if s["session"] == ids["paper"])
    assert paper["status"] == "mentioned" and paper["kind"] == "paper"
    assert ids["paper"] not in {d["id"] for d in data["documents"]}
    assert not any(a["session"] == ids["paper"] for a in data["asks"])
    library = client.get("/api/coalitions/dc-on-public-access-in-libraries").json()
    assert [d["id"] for d in library["documents"]] == [ids["paper"]]  # it is the library coalition's own


def test_a_search_hit_on_a_document_paragraph_says_where_it_sits(docs):
    """A paper's paragraph has no speaker: its hit names its page and section, as a brief's
    citation does, never "unnamed"; a transcript hit still names the person."""
    client, ids, _ = docs
    html = client.get("/search", params={"q": "translate glossary"}).text
    hits = re.findall(r'<li class="hit">(.*?)</li>', html, re.DOTALL)
    mine = next(h for h in hits if f"/sessions/{ids['annual']}" in h)
    who = _text(re.search(r'<div class="who">(.*?)</div>', mine, re.DOTALL).group(1))
    assert " ".join(who.split()) == "p. 2, § 2. What we need"
    html = client.get("/search", params={"q": "glossary platforms"}).text
    people = [
        " ".join(_text(w).split())
        for h in re.findall(r'<li class="hit">(.*?)</li>', html, re.DOTALL)
        if f"/sessions/{SID}" in h
        for w in re.findall(r'<div class="who">(.*?)</div>', h, re.DOTALL)
    ]
    assert people and "unnamed" not in people and not any(p.startswith(("p. ", "§")) for p in people)

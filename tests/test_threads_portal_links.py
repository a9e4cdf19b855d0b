"""Thread pages on the real portal (`forumlens serve`): every link answers, askers read as names, citations describe themselves.

The store holds the repository's examples (`make demo`: an AUDIENCE MEMBER's question, a
question relayed from a remote participant, named askers) and the threads development
corpus (caption sessions and a coalition's annual report with sections). The server is
the real command on loopback (tests/browser_support.py); pages are fetched over HTTP.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.store import open_store
from forumlens.web.views import slug

from .browser_support import serving

ROOT = Path(__file__).resolve().parents[1]
HREF = re.compile(r'href="([^"]+)"')


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("threads-portal") / "store.sqlite3")
    for folder in (ROOT / "examples", ROOT / "bench" / "threads" / "dev"):
        result = CliRunner().invoke(cli, ["--db", path, "ingest", str(folder)])
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def portal(db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serving(db, log) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def threads(portal: httpx.Client) -> list[dict]:
    return portal.get("/api/threads").json()["threads"]


def internal_links(html: str) -> set[str]:
    """Every link of a page to the portal itself, without its fragment."""
    return {unescape(h).split("#", 1)[0] for h in HREF.findall(html) if h.startswith("/") and not h.startswith("//")}


def thread_section(html: str) -> str:
    return html.split('<section id="threads">', 1)[1].split("</section>", 1)[0]


def test_every_link_on_thread_pages_and_coalition_thread_sections_answers(portal, threads):
    pages = {f"/threads/{t['id']}" for t in threads}
    links: set[str] = set()
    coalition_pages: set[str] = set()
    for url in sorted(pages):
        html = portal.get(url).text
        found = internal_links(html)
        links |= found
        coalition_pages |= {u for u in found if u.startswith("/coalitions/")}
    assert coalition_pages  # thread pages link their coalitions
    for url in sorted(coalition_pages):
        page = portal.get(url)
        assert page.status_code == 200, url
        links |= internal_links(thread_section(page.text))
    broken = {u: portal.get(u).status_code for u in sorted(links)}
    assert {u: s for u, s in broken.items() if s != 200} == {}
    assert any(u.startswith("/people/") for u in links)  # people on record are still linked


def test_askers_are_linked_only_to_pages_that_exist(portal, threads, db):
    store = open_store(db, readonly=True)
    try:
        people = {slug(name) for name in store.known_people()}  # the ids of the person pages
    finally:
        store.close()
    for t in threads:
        html = portal.get(f"/threads/{t['id']}").text
        timeline = html.split('id="timeline"', 1)[1].split('id="links"', 1)[0]
        for href in re.findall(r'href="/people/([^"]+)"', timeline):
            assert href in people, href
    # relayed by the online moderator and never named: read as people would say it, linked to no page
    remote = next(t for t in threads if "how can national IGFs use the report" in t["items"][0]["quote"])
    html = unescape(portal.get(f"/threads/{remote['id']}").text)
    assert "<h1>a remote participant <span" in html  # the thread header names the asker readably
    timeline = html.split('id="timeline"', 1)[1].split('id="links"', 1)[0]
    assert '<span class="who">a remote participant</span>' in timeline
    assert 'href="/people/a-remote' not in html and "igf 2024 day 1" not in html.lower()


def test_timeline_citations_describe_their_source(portal, threads, db):
    store = open_store(db, readonly=True)
    try:
        docs = {d.id: d for d in store.stored_documents()}
    finally:
        store.close()
    seen_section = False
    for t in threads:
        html = unescape(portal.get(f"/threads/{t['id']}").text)
        timeline = html.split('id="timeline"', 1)[1].split('id="links"', 1)[0]
        for item in t["items"]:
            doc = docs[item["session"]]
            where = f"{doc.title} ({item['year']}"
            cite = re.search(
                rf'<a href="/sessions/{item["session"]}#L{item["line"]}">{re.escape(where)}[^<]*, line {item["line"]}</a>',
                timeline,
            )
            assert cite, (t["id"], item["session"], item["line"])
            if item.get("section"):
                assert f"§ {item['section']}, line {item['line']}" in cite.group(0)
                seen_section = True
    assert seen_section  # the annual report's paragraphs name their section

"""Digest items from a stored report are cited as the rest of the tool cites a document: its title, year,
page and section (they read "(session 3102c0b47618, line 9)"), and the closing line names what the quotes
come from (it said "transcript line" for a report's paragraph). Delivered to a real loopback SMTP server."""

from __future__ import annotations

import re
from pathlib import Path

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.route.deliver import RetryPolicy, deliver_pending
from forumlens.route.digest import build_digest, render_json, render_text
from forumlens.route.matching import match_new_sessions
from forumlens.route.repository import SubscriberRepository
from forumlens.route.service import add_subscriber
from forumlens.store import Store

from .docfiles import make_pdf
from .route_support import SmtpSink, store_session
from .test_route_delivery import senders
from .test_web_document_places import REPORT

BASE = "https://forum.example.org"
TITLE = "Annual Report 2024 of the Dynamic Coalition on Public Access in Libraries"


def _report_matched(store: Store, tmp_path: Path, *, email: str | None = None) -> str:
    pdf = tmp_path / "dc-pal-annual-report-2024.pdf"
    pdf.write_bytes(make_pdf(REPORT))
    [outcome] = ingest_paths(store, [pdf], IngestOptions())
    assert outcome.status == "ingested" and outcome.session, outcome
    add_subscriber(store, "Library Envoy", email=email, interests={"coalitions": ["DC-PAL"], "tags": ["GDC1"]})
    match_new_sessions(store, [outcome.session])
    return outcome.session


def test_a_report_item_names_title_year_page_and_section_and_the_footer_says_document(fresh_store, tmp_path):
    session_id = _report_matched(fresh_store, tmp_path)
    sub = SubscriberRepository(fresh_store).get("Library Envoy")
    digest = build_digest(
        fresh_store,
        sub.name,
        SubscriberRepository(fresh_store).matches(sub.id),
        base_url=BASE,
        generated_at="2024-05-06T07:08:09Z",
    )
    assert {i.kind for i in digest.items} == {"coalition", "tag"}, digest.items
    text = render_text(digest)
    for item in digest.items:
        assert item.document and item.line
        lines = fresh_store.session_text(session_id)[2].split("\n")
        assert item.quote.rstrip(" …") in lines[item.line - 1]  # still verbatim from the line cited
        if item.line == 1:  # the title line (the coalition named in it): its page, no section repeating the title
            assert (item.page, item.section) == (1, None)
            assert f"{TITLE} (2024), p. 1, line 1" in text
        else:
            assert (item.page, item.section) in ((1, "Summary"), (2, "Requests"))
            assert f"{TITLE} (2024), p. {item.page}, § {item.section}, line {item.line}" in text
    assert f"session {session_id}, line" not in text  # the id stays in the link, not in the words
    assert "Every quote is verbatim from the document line cited." in text
    assert "transcript" not in text
    payload = render_json(digest)["items"]
    assert [(i.get("page"), i.get("section")) for i in payload] == [(i.page, i.section) for i in digest.items]


def test_a_digest_of_a_report_and_a_transcript_reaches_smtp_citing_each_its_own_way(fresh_store, tmp_path):
    with SmtpSink() as smtp:
        _report_matched(fresh_store, tmp_path, email="library@example.org")
        transcript = store_session(fresh_store)
        sub = SubscriberRepository(fresh_store).get("Library Envoy")
        add_subscriber(fresh_store, "Tech Envoy", email="envoy@example.org", interests={"coalitions": ["DC-CIV"]})
        match_new_sessions(fresh_store, [transcript])
        results = deliver_pending(fresh_store, senders(smtp.port), base_url=BASE, policy=RetryPolicy(base_delay=0.01))
        assert {r.status for r in results} == {"delivered"} and len(results) == 2
    bodies = {}
    for message in smtp.messages:
        [plain] = [p for p in message.walk() if p.get_content_type() == "text/plain"]
        [html] = [p for p in message.walk() if p.get_content_type() == "text/html"]
        bodies[message["To"]] = (
            plain.get_payload(decode=True).decode("utf-8"),
            html.get_payload(decode=True).decode("utf-8"),
        )
    mixed_text, mixed_html = bodies["library@example.org"]  # its report, and the transcript tagged GDC1 too
    assert re.search(r"\(2024\), p\. \d, § (Summary|Requests), line \d+\)", mixed_text)
    assert re.search(rf"\(session {transcript}, line \d+", mixed_text)
    assert "from the transcript or document line cited" in mixed_text
    assert "from the transcript or document line cited" in mixed_html
    transcript_text, _ = bodies["envoy@example.org"]
    assert re.search(rf"\(session {transcript}, line \d+", transcript_text)
    assert "from the transcript line cited" in transcript_text and "document" not in transcript_text
    assert sub is not None

"""Digests and feeds: every item cites session + line; the Atom feed parses back."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import feedparser

from forumlens.route.atom import ATOM_NS, subscriber_feed
from forumlens.route.digest import (
    build_digest,
    json_body,
    render_html,
    render_json,
    render_text,
    session_url,
)
from forumlens.route.matching import match_new_sessions
from forumlens.route.repository import SubscriberRepository
from forumlens.route.service import add_subscriber

from .route_support import ROUNDTABLE, store_session

BASE = "https://forum.example.org/"
NOW = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)


def _digest(store):
    session_id = store_session(store)
    sub = add_subscriber(
        store,
        "Tech Envoy",
        feed=True,
        interests={"coalitions": ["DC-CIV"], "tags": ["SDG9"], "questions_to": ["DC-Gender"]},
    )
    match_new_sessions(store, [session_id], now=NOW)
    matches = SubscriberRepository(store).matches(sub.id)
    return session_id, sub, build_digest(store, sub.name, matches, base_url=BASE, generated_at="2024-05-06T07:08:09Z")


def test_items_cite_session_line_speaker_and_a_verbatim_quote(fresh_store):
    session_id, _, digest = _digest(fresh_store)
    lines = ROUNDTABLE.read_text("utf-8").split("\n")
    assert len(digest.items) == 3
    for item in digest.items:
        assert item.session_id == session_id and item.line
        assert item.quote.rstrip(" …") in " ".join(lines[item.line - 1].split())
        assert item.url == f"https://forum.example.org/sessions/{session_id}#L{item.line}"
    speakers = {i.kind: i.speaker for i in digest.items}
    assert speakers == {"coalition": "Olivier Crepin-Leblond", "question": "Amina Yusuf", "tag": "Kenji Tanaka"}


def test_a_quote_on_a_marker_line_is_the_speech_not_the_label(fresh_store):
    """The roundtable's turns start on their marker's line (">> NAME: …"); a digest quotes what
    was said, so no quote carries the caption marker or the speaker's label."""
    _, _, digest = _digest(fresh_store)
    lines = ROUNDTABLE.read_text("utf-8").split("\n")
    on_marker_lines = [i for i in digest.items if lines[i.line - 1].lstrip().startswith(">>")]
    assert on_marker_lines, "the fixture must have items on a marker's line"
    for item in on_marker_lines:
        assert not item.quote.startswith(">>") and ">>" not in item.quote
        assert item.speaker and not item.quote.upper().startswith(item.speaker.upper())


def test_text_and_html_renderings_carry_every_citation(fresh_store):
    session_id, _, digest = _digest(fresh_store)
    text, html = render_text(digest), render_html(digest)
    assert text.startswith("forumlens digest for Tech Envoy: 3 new items")
    for item in digest.items:
        assert f"session {session_id}, line {item.line}" in text and item.url in text
        assert f'href="{item.url}"' in html
    assert "<q>" in html and "&lt;" not in text


def test_json_payload_is_stable_and_round_trips(fresh_store):
    _, _, digest = _digest(fresh_store)
    payload = render_json(digest, delivery="fl-1")
    again = json.loads(json_body(payload))
    assert again == payload and again["event"] == "digest" and again["delivery"] == "fl-1"
    assert {"session", "line", "quote", "reason", "url", "interest", "speaker"} <= set(again["items"][0])


def test_atom_feed_parses_back_with_elementtree_and_feedparser(fresh_store):
    session_id, sub, _ = _digest(fresh_store)
    xml = subscriber_feed(fresh_store, sub, base_url=BASE, now="2024-05-06T08:00:00+00:00")
    root = ET.fromstring(xml.encode("utf-8"))
    ns = {"a": ATOM_NS}
    assert root.tag == f"{{{ATOM_NS}}}feed"
    assert root.find("a:link[@rel='self']", ns).get("href") == f"https://forum.example.org/feeds/{sub.feed_token}.atom"
    entries = root.findall("a:entry", ns)
    assert len(entries) == 1  # one entry per session, however many interests matched
    assert entries[0].find("a:id", ns).text.endswith(f":session:{session_id}")
    assert sorted(c.get("term") for c in entries[0].findall("a:category", ns)) == ["coalition", "question", "tag"]

    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    [entry] = parsed.entries
    assert entry.link == f"https://forum.example.org/sessions/{session_id}"
    assert entry.updated_parsed[:3] == (2024, 5, 6)
    assert "line 7" in entry.summary and "Dynamic Coalitions Roundtable" in entry.title


def test_empty_feed_is_still_valid_atom(fresh_store):
    sub = add_subscriber(fresh_store, "Nobody yet", feed=True, interests={"tags": ["SDG14"]})
    parsed = feedparser.parse(subscriber_feed(fresh_store, sub, base_url=BASE, now="2024-05-06T08:00:00+00:00"))
    assert not parsed.bozo and parsed.entries == [] and parsed.feed.title == "forumlens: Nobody yet"


def test_session_url_anchors_lines():
    assert session_url("http://h/", "abc", 7) == "http://h/sessions/abc#L7"
    assert session_url("http://h", "abc") == "http://h/sessions/abc"

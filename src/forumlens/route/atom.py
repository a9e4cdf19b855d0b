"""The per-subscriber Atom feed (RFC 4287): one entry per matched session.

A feed is pulled, so it is not logged per delivery: it always shows the latest
matched sessions, and each entry keeps a stable id (subscriber + session), so a feed
reader shows every session once however often it polls. Built with ElementTree so
all text is escaped; `render_feed` is pure.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..store.base import Store
from .digest import Digest, build_digest, render_html, summary_line
from .models import Subscriber
from .repository import SubscriberRepository

__all__ = ["ATOM_NS", "FEED_SESSIONS", "feed_url", "render_feed", "subscriber_feed"]

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_SESSIONS = 50


def feed_url(base_url: str, token: str) -> str:
    """The secret feed URL of a subscriber (`/feeds/<token>.atom`)."""
    return f"{base_url.rstrip('/')}/feeds/{token}.atom"


def _atom_time(stamp: str) -> str:
    """RFC 3339 with an explicit offset, as Atom requires (stored stamps are UTC)."""
    if not stamp:
        return "1970-01-01T00:00:00Z"
    return stamp.replace("+00:00", "Z") if stamp.endswith("+00:00") else stamp


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def render_feed(subscriber: Subscriber, digest: Digest, *, self_url: str, updated: str) -> str:
    """Atom XML of a subscriber's matched sessions (digest items grouped by session)."""
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "id", f"urn:forumlens:subscriber:{subscriber.id}")
    _sub(feed, "title", f"forumlens: {subscriber.name}")
    _sub(
        feed,
        "subtitle",
        "New IGF sessions matching your interests, each cited to the line of its transcript or document.",
    )
    _sub(feed, "updated", _atom_time(updated))
    _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _sub(_sub(feed, "author"), "name", "forumlens")
    _sub(feed, "generator", "forumlens")
    for session_id, items in digest.sessions:
        entry = _sub(feed, "entry")
        first = items[0]
        _sub(entry, "id", f"urn:forumlens:subscriber:{subscriber.id}:session:{session_id}")
        title = f"{first.title} ({first.year})" if first.year else first.title
        _sub(entry, "title", title)
        _sub(entry, "updated", _atom_time(max(i.matched_at for i in items)))
        _sub(entry, "link", rel="alternate", type="text/html", href=first.url.split("#")[0])
        for item in items:
            _sub(entry, "category", term=item.kind, label=item.reason)
        _sub(entry, "summary", " · ".join(summary_line(i) for i in items))
        body = Digest(subscriber=digest.subscriber, generated_at=digest.generated_at, items=tuple(items))
        _sub(entry, "content", render_html(body), type="html")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def subscriber_feed(
    store: Store, subscriber: Subscriber, *, base_url: str, now: str, limit: int = FEED_SESSIONS
) -> str:
    """The Atom feed of a subscriber from the stored matches (latest `limit` sessions)."""
    rows = SubscriberRepository(store).matches(subscriber.id or 0, limit=limit * 20)
    sessions: list[str] = []
    for match, _ in rows:
        if match.session_id not in sessions:
            sessions.append(match.session_id)
    keep = set(sessions[:limit])
    chosen: Sequence = [(m, t) for m, t in rows if m.session_id in keep]
    digest = build_digest(store, subscriber.name, chosen, base_url=base_url, generated_at=now)
    updated = max((t for _, t in chosen), default=subscriber.created_at or now)
    return render_feed(subscriber, digest, self_url=feed_url(base_url, subscriber.feed_token or ""), updated=updated)

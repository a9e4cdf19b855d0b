"""The records of routing: who wants what (`Subscriber`, `Interests`), what matched
(`Match`), and what a digest shows (`DigestItem`, `Digest`).

They are plain frozen dataclasses with JSON in and out, so the CLI, the API and the
subscriber file share one shape. A `Match` is exactly one stored `matches` row: its
`item` key (`<session>/<kind>/<key>`) is what delivery counts once per channel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from ..transcript.speakers import name_key

__all__ = [
    "CHANNELS",
    "INTEREST_KINDS",
    "Digest",
    "DigestItem",
    "Interests",
    "Match",
    "Subscriber",
    "interest_key",
    "parse_item",
]

InterestKind = Literal["coalition", "tag", "person", "query", "question"]
# interest kind → field of `Interests` (and of the subscriber file)
INTEREST_KINDS: dict[str, str] = {
    "coalition": "coalitions",
    "tag": "tags",
    "person": "people",
    "query": "queries",
    "question": "questions_to",
}
# channels that are pushed (and logged in `deliveries`); the Atom feed is pulled
CHANNELS: tuple[str, ...] = ("email", "webhook")


def interest_key(value: str) -> str:
    """A short, stable key for an interest value, used inside item keys.

    Case-, accent- and punctuation-insensitive (like names everywhere in forumlens), so
    "DC-CIV" and "dc civ" are the same interest and match only once.
    """
    key = name_key(value).replace(" ", "-")
    return key[:80] or "x"


def parse_item(item: str) -> tuple[str, str, str]:
    """`(session_id, kind, key)` of an item key written by `Match.item`."""
    session_id, kind, key = [*item.split("/", 2), "", ""][:3]
    return session_id, kind, key


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    out: list[str] = []
    for v in value:
        text = re.sub(r"\s+", " ", str(v)).strip()
        if text and text not in out:
            out.append(text)
    return tuple(out)


@dataclass(frozen=True)
class Interests:
    """What a subscriber follows. Every list is optional; an empty set matches nothing."""

    coalitions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    queries: tuple[str, ...] = ()
    questions_to: tuple[str, ...] = ()  # "questions addressed to my coalition"

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f) for f in INTEREST_KINDS.values())

    def to_json(self) -> dict[str, list[str]]:
        return {f: list(getattr(self, f)) for f in INTEREST_KINDS.values()}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Interests:
        data = data or {}
        return cls(**{f: _strings(data.get(f)) for f in INTEREST_KINDS.values()})


@dataclass(frozen=True)
class Subscriber:
    """An institution or person, its interests and its channels.

    `feed_token` and `webhook_secret` are secrets: the token is the only thing
    guarding the feed URL, the secret signs webhook payloads. `to_json` leaves them
    out unless asked, so lists and logs do not leak them.
    """

    name: str
    email: str | None = None
    webhook: str | None = None
    webhook_secret: str | None = None
    feed_token: str | None = None
    interests: Interests = field(default_factory=Interests)
    id: int | None = None
    created_at: str = ""

    @property
    def channels(self) -> tuple[str, ...]:
        out = []
        if self.email:
            out.append("email")
        if self.webhook:
            out.append("webhook")
        if self.feed_token:
            out.append("feed")
        return tuple(out)

    def to_json(self, *, secrets: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "email": self.email,
            "webhook": self.webhook,
            "feed": bool(self.feed_token),
            "channels": list(self.channels),
            "interests": self.interests.to_json(),
            "created_at": self.created_at,
        }
        if secrets:
            data.update(feed_token=self.feed_token, webhook_secret=self.webhook_secret)
        return data


@dataclass(frozen=True)
class Match:
    """One interest of one subscriber found in one session, with its evidence line.

    `reason` says which interest matched and how ("coalition DC-CIV: DC on Core
    Internet Values (presented)"); `line` is the 1-based source line that shows it.
    """

    subscriber_id: int
    session_id: str
    kind: str
    key: str
    reason: str
    line: int | None
    evidence: str = ""
    subscriber: str = ""

    @property
    def item(self) -> str:
        return f"{self.session_id}/{self.kind}/{self.key}"

    def to_json(self) -> dict[str, Any]:
        return {
            "subscriber": self.subscriber,
            "item": self.item,
            "session": self.session_id,
            "interest": self.kind,
            "reason": self.reason,
            "line": self.line,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class DigestItem:
    """One cited line of a digest: a match, with the session's title and the quote."""

    item: str
    session_id: str
    title: str
    year: int | None
    kind: str
    reason: str
    line: int | None
    quote: str
    speaker: str | None
    url: str
    matched_at: str = ""
    document: bool = False  # from a stored report, statement or paper, not a transcript
    page: int | None = None  # where in a document: its page and nearest heading, when known
    section: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The webhook item contract; `page` and `section` are added (never renamed) for a document's item."""
        place = {k: v for k, v in (("page", self.page), ("section", self.section)) if v is not None}
        return {
            "item": self.item,
            "session": self.session_id,
            "title": self.title,
            "year": self.year,
            "interest": self.kind,
            "reason": self.reason,
            "line": self.line,
            "speaker": self.speaker,
            "quote": self.quote,
            "url": self.url,
            "matched_at": self.matched_at,
        } | place


@dataclass(frozen=True)
class Digest:
    """What is new for one subscriber, ready to render for any channel."""

    subscriber: str
    generated_at: str
    items: tuple[DigestItem, ...]

    @property
    def sessions(self) -> list[tuple[str, list[DigestItem]]]:
        """Items grouped by session, in first-seen order (one block per session)."""
        groups: dict[str, list[DigestItem]] = {}
        for item in self.items:
            groups.setdefault(item.session_id, []).append(item)
        return list(groups.items())

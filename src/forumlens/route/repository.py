"""Subscribers, their matches and the delivery log, as the models of `route`, over any `Store`.

The store keeps the rows (`store/routing.py`); this module holds what is ours: the checks
a subscriber must pass, its secrets (feed token, webhook secret, generated here with
`secrets` when a channel is first enabled and kept when a subscriber is re-imported),
and the conversion of stored rows to `Subscriber` and `Match`.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError, NotFound
from ..store.base import Store
from ..store.routing import StoredMatch, SubscriberRecord
from .models import CHANNELS, Interests, Match, Subscriber, parse_item

__all__ = [
    "SubscriberRepository",
    "new_feed_token",
    "new_webhook_secret",
    "pushed_channels",
    "stored_match",
    "subscriber",
    "validate_subscriber",
]


def new_feed_token() -> str:
    """Unguessable URL token (192 bits): the feed is public to whoever holds it."""
    return secrets.token_urlsafe(24)


def new_webhook_secret() -> str:
    return secrets.token_hex(32)


def validate_subscriber(sub: Subscriber) -> None:
    """Refuse a subscriber that could never receive anything, with the fix in the message."""
    if not sub.name.strip():
        raise ConfigError("a subscriber needs a name")
    if sub.email is not None and ("@" not in sub.email or any(c.isspace() for c in sub.email)):
        raise ConfigError(f"{sub.email!r} is not an e-mail address", hint="use --email name@example.org")
    if sub.webhook is not None:
        parts = urlsplit(sub.webhook)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(
                f"{sub.webhook!r} is not an http:// or https:// URL", hint="webhooks are POSTed to an HTTP(S) URL"
            )


def subscriber(record: SubscriberRecord) -> Subscriber:
    """The `Subscriber` of a stored row."""
    return Subscriber(
        id=record.id,
        name=record.name,
        email=record.email,
        webhook=record.webhook,
        webhook_secret=record.webhook_secret,
        feed_token=record.feed_token,
        interests=Interests.from_json(dict(record.interests or {})),
        created_at=record.created_at,
    )


def stored_match(match: Match, created_at: str) -> StoredMatch:
    """The row of a `Match` recorded at `created_at`."""
    return StoredMatch(match.subscriber_id, match.item, match.session_id, match.reason, match.line, created_at)


def pushed_channels(subscribers: Iterable[Subscriber]) -> dict[int, list[str]]:
    """Subscriber id → the channels a match is queued on (pushed ones: the feed is pulled)."""
    return {s.id: [c for c in s.channels if c in CHANNELS] for s in subscribers if s.id is not None}


class SubscriberRepository:
    """Subscriber CRUD and the match/delivery bookkeeping, over any `Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- subscribers --------------------------------------------------------------------
    def all(self) -> list[Subscriber]:
        return [subscriber(r) for r in self.store.subscribers()]

    def find(self, name: str) -> Subscriber | None:
        found = self.store.subscriber_named(name)
        return subscriber(found) if found else None

    def get(self, name: str) -> Subscriber:
        found = self.find(name)
        if found is None:
            raise NotFound(f"no subscriber named {name!r}", hint="list them with `forumlens subscribers list`")
        return found

    def by_id(self, subscriber_id: int) -> Subscriber:
        found = self.store.subscriber_by_id(subscriber_id)
        if found is None:
            raise NotFound(f"no subscriber with id {subscriber_id}")
        return subscriber(found)

    def by_feed_token(self, token: str) -> Subscriber | None:
        found = self.store.subscriber_by_feed_token(token)
        return subscriber(found) if found else None

    def add(self, sub: Subscriber, *, feed: bool = False, now: str, replace: bool = False) -> Subscriber:
        """Insert (or with `replace`, update in place) a subscriber; returns it with its secrets.

        Updating keeps the id, the feed token and the webhook secret, so a re-import
        does not break the URLs and receivers already configured.
        """
        validate_subscriber(sub)
        existing = self.find(sub.name)
        if existing and not replace:
            raise ConfigError(
                f"a subscriber named {existing.name!r} already exists",
                hint="remove it first, or use `forumlens subscribers import` to update",
            )
        token = (existing.feed_token if existing else None) or sub.feed_token
        if feed and not token:
            token = new_feed_token()
        if not feed and not sub.feed_token:
            token = None
        secret = None
        if sub.webhook:
            secret = sub.webhook_secret or (existing.webhook_secret if existing else None) or new_webhook_secret()
        self.store.save_subscriber(
            SubscriberRecord(
                id=existing.id if existing else None,
                name=sub.name,
                email=sub.email,
                webhook=sub.webhook,
                webhook_secret=secret,
                feed_token=token,
                interests=sub.interests.to_json(),
                created_at=now,
            )
        )
        return self.get(sub.name)

    def remove(self, name: str) -> Subscriber:
        """Delete a subscriber with its matches and delivery log (nothing more is sent)."""
        sub = self.get(name)
        if sub.id is not None:
            self.store.remove_subscriber(sub.id)
        return sub

    # -- matches ------------------------------------------------------------------------
    def record_matches(self, matches: Iterable[Match], *, now: str) -> list[Match]:
        """Store new matches and queue one delivery per pushed channel; returns the new ones.

        A match already stored (same subscriber and item) is left alone, so matching
        the same session twice never queues it twice.
        """
        matches = list(matches)
        fresh = self.store.record_matches([stored_match(m, now) for m in matches], pushed_channels(self.all()))
        return [m for m, new in zip(matches, fresh, strict=True) if new]

    def matches(
        self, subscriber_id: int, *, items: Sequence[str] | None = None, limit: int | None = None
    ) -> list[tuple[Match, str]]:
        """Stored matches of a subscriber (newest first) with their `created_at`."""
        out = []
        for row in self.store.subscriber_matches(subscriber_id, items=items, limit=limit):
            _, kind, key = parse_item(row.item)
            out.append((Match(subscriber_id, row.session_id, kind, key, row.reason, row.line), row.created_at))
        return out

    def matched_items(self, subscriber_id: int) -> set[str]:
        """Item keys already stored for a subscriber."""
        return set(self.store.matched_items(subscriber_id))

    # -- delivery log -------------------------------------------------------------------
    def deliveries(self, subscriber_id: int | None = None) -> list[dict[str, Any]]:
        """The delivery log, as plain rows (for `subscribers show` and the API)."""
        return [entry.to_json() for entry in self.store.delivery_log(subscriber_id)]

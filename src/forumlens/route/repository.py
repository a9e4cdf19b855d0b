"""Subscribers, matches and the delivery log, kept in the store with portable SQL.

Only `store.query` and `store.transaction` are used, with `?` placeholders and
`ON CONFLICT DO NOTHING`, so the same code runs on SQLite and PostgreSQL. Secrets
(feed token, webhook secret) are generated here, with `secrets`, when a channel is
first enabled, and kept when a subscriber is re-imported.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError, NotFound
from ..store.base import Store
from .models import CHANNELS, Interests, Match, Subscriber, parse_item

__all__ = ["SubscriberRepository", "new_feed_token", "new_webhook_secret", "validate_subscriber"]

_COLUMNS = "id, name, email, webhook, webhook_secret, feed_token, interests, created_at"


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
            raise ConfigError(f"{sub.webhook!r} is not an http:// or https:// URL",
                              hint="webhooks are POSTed to an HTTP(S) URL")


def _row(row: Sequence[Any]) -> Subscriber:
    return Subscriber(id=int(row[0]), name=row[1], email=row[2], webhook=row[3], webhook_secret=row[4],
                      feed_token=row[5], interests=Interests.from_json(json.loads(row[6] or "{}")),
                      created_at=str(row[7]))


class SubscriberRepository:
    """Subscriber CRUD and the match/delivery bookkeeping, over any `Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- subscribers --------------------------------------------------------------------
    def all(self) -> list[Subscriber]:
        return [_row(r) for r in self.store.query(f"SELECT {_COLUMNS} FROM subscribers ORDER BY name")]

    def find(self, name: str) -> Subscriber | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM subscribers WHERE name = ?", (name,))
        if not rows:  # be forgiving about case in names typed on the command line
            rows = self.store.query(f"SELECT {_COLUMNS} FROM subscribers WHERE lower(name) = ?", (name.lower(),))
        return _row(rows[0]) if len(rows) == 1 else None

    def get(self, name: str) -> Subscriber:
        found = self.find(name)
        if found is None:
            raise NotFound(f"no subscriber named {name!r}", hint="list them with `forumlens subscribers list`")
        return found

    def by_id(self, subscriber_id: int) -> Subscriber:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM subscribers WHERE id = ?", (subscriber_id,))
        if not rows:
            raise NotFound(f"no subscriber with id {subscriber_id}")
        return _row(rows[0])

    def by_feed_token(self, token: str) -> Subscriber | None:
        if not token:
            return None
        rows = self.store.query(f"SELECT {_COLUMNS} FROM subscribers WHERE feed_token = ?", (token,))
        return _row(rows[0]) if rows else None

    def add(self, sub: Subscriber, *, feed: bool = False, now: str, replace: bool = False) -> Subscriber:
        """Insert (or with `replace`, update in place) a subscriber; returns it with its secrets.

        Updating keeps the id, the feed token and the webhook secret, so a re-import
        does not break the URLs and receivers already configured.
        """
        validate_subscriber(sub)
        existing = self.find(sub.name)
        if existing and not replace:
            raise ConfigError(f"a subscriber named {existing.name!r} already exists",
                              hint="remove it first, or use `forumlens subscribers import` to update")
        token = (existing.feed_token if existing else None) or sub.feed_token
        if feed and not token:
            token = new_feed_token()
        if not feed and not sub.feed_token:
            token = None
        secret = None
        if sub.webhook:
            secret = sub.webhook_secret or (existing.webhook_secret if existing else None) or new_webhook_secret()
        interests = json.dumps(sub.interests.to_json(), ensure_ascii=False)
        with self.store.transaction() as execute:
            if existing:
                execute("UPDATE subscribers SET email = ?, webhook = ?, webhook_secret = ?, feed_token = ?,"
                        " interests = ? WHERE id = ?",
                        (sub.email, sub.webhook, secret, token, interests, existing.id))
            else:
                execute("INSERT INTO subscribers (name, email, webhook, webhook_secret, feed_token, interests,"
                        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (sub.name, sub.email, sub.webhook, secret, token, interests, now))
        return self.get(sub.name)

    def remove(self, name: str) -> Subscriber:
        """Delete a subscriber with its matches and delivery log (nothing more is sent)."""
        sub = self.get(name)
        with self.store.transaction() as execute:
            execute("DELETE FROM deliveries WHERE subscriber_id = ?", (sub.id,))
            execute("DELETE FROM matches WHERE subscriber_id = ?", (sub.id,))
            execute("DELETE FROM subscribers WHERE id = ?", (sub.id,))
        return sub

    # -- matches ------------------------------------------------------------------------
    def record_matches(self, matches: Iterable[Match], *, now: str) -> list[Match]:
        """Store new matches and queue one delivery per pushed channel; returns the new ones.

        A match already stored (same subscriber and item) is left alone, so matching
        the same session twice never queues it twice.
        """
        fresh: list[Match] = []
        channels = {s.id: [c for c in s.channels if c in CHANNELS] for s in self.all()}
        with self.store.transaction() as execute:
            for m in matches:
                if execute("SELECT 1 FROM matches WHERE subscriber_id = ? AND item = ?", (m.subscriber_id, m.item)):
                    continue
                execute("INSERT INTO matches (subscriber_id, item, session_id, reason, line, created_at)"
                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        (m.subscriber_id, m.item, m.session_id, m.reason, m.line, now))
                for channel in channels.get(m.subscriber_id, []):
                    execute("INSERT INTO deliveries (subscriber_id, item, channel, status, attempts)"
                            " VALUES (?, ?, ?, 'pending', 0) ON CONFLICT DO NOTHING",
                            (m.subscriber_id, m.item, channel))
                fresh.append(m)
        return fresh

    def matches(self, subscriber_id: int, *, items: Sequence[str] | None = None,
                limit: int | None = None) -> list[tuple[Match, str]]:
        """Stored matches of a subscriber (newest first) with their `created_at`."""
        sql = "SELECT item, session_id, reason, line, created_at FROM matches WHERE subscriber_id = ?"
        params: list[Any] = [subscriber_id]
        if items is not None:
            if not items:
                return []
            sql += " AND item IN (" + ", ".join("?" * len(items)) + ")"
            params += list(items)
        sql += " ORDER BY created_at DESC, item"
        if limit:
            sql += f" LIMIT {int(limit)}"
        out = []
        for item, session_id, reason, line, created in self.store.query(sql, params):
            _, kind, key = parse_item(item)
            out.append((Match(subscriber_id, session_id, kind, key, reason, line), str(created)))
        return out

    # -- delivery log -------------------------------------------------------------------
    def deliveries(self, subscriber_id: int | None = None) -> list[dict[str, Any]]:
        """The delivery log, as plain rows (for `subscribers show` and the API)."""
        sql = ("SELECT s.name, d.item, d.channel, d.status, d.attempts, d.last_error, d.delivered_at"
               " FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id")
        params: list[Any] = []
        if subscriber_id is not None:
            sql += " WHERE d.subscriber_id = ?"
            params.append(subscriber_id)
        sql += " ORDER BY s.name, d.channel, d.item"
        keys = ("subscriber", "item", "channel", "status", "attempts", "last_error", "delivered_at")
        return [dict(zip(keys, row, strict=True)) for row in self.store.query(sql, params)]

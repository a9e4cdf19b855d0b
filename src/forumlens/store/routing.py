"""Channels to institutions: subscribers, their matches, deliveries and the delivery lease.

`RoutingStore` declares the methods (part of `base.Store`); `RoutingQueries` implements them once,
in portable SQL over the `SQLBase` primitives, for both back ends.

The records here are the rows as stored (`SubscriberRecord`, `StoredMatch`, …); `forumlens.route`
turns them into its own models and keeps every rule (who matches what, when a lease may be taken
over, what a delivery's next state is) — the store only keeps the bookkeeping atomic.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .common import SQLBase

__all__ = [
    "DeliveryLogEntry",
    "Lease",
    "Mention",
    "OpenDelivery",
    "RoutingQueries",
    "RoutingStore",
    "SessionMentions",
    "StoredMatch",
    "SubscriberRecord",
]

_SUBSCRIBER = "SELECT id, name, email, webhook, webhook_secret, feed_token, interests, created_at FROM subscribers"
_OPEN = "('pending', 'sending', 'retry')"


# -- records ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SubscriberRecord:
    """One stored subscriber; `interests` is the parsed JSON of its interests column."""

    id: int | None
    name: str
    email: str | None = None
    webhook: str | None = None
    webhook_secret: str | None = None
    feed_token: str | None = None
    interests: Mapping[str, Any] | None = None
    created_at: str = ""


@dataclass(frozen=True)
class StoredMatch:
    """One `matches` row: an item of a subscriber, why it matched and where (line)."""

    subscriber_id: int
    item: str
    session_id: str
    reason: str
    line: int | None
    created_at: str


@dataclass(frozen=True)
class DeliveryLogEntry:
    """One `deliveries` row with its subscriber's name (the delivery log)."""

    subscriber: str
    item: str
    channel: str
    status: str
    attempts: int
    last_error: str | None
    delivered_at: str | None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class OpenDelivery:
    """A delivery not yet final: `pending`, `sending` (claimed, maybe by a crashed run) or `retry`."""

    item: str
    status: str
    attempts: int


@dataclass(frozen=True)
class Lease:
    """Who holds a named lease and until when (seconds since the epoch)."""

    owner: str
    expires_at: float


@dataclass(frozen=True)
class Mention:
    """Something a session contains as projected: a name, its lines, a detail and other spellings."""

    name: str
    lines: tuple[int, ...] = ()
    detail: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionMentions:
    """What matching reads of one session besides its text: the projections of its analyses.

    `coalitions` (detail: status; aliases: the acronym), `tags` (detail: label; aliases: the
    scheme), `people` of the cast analysis (detail: role) and `speakers` of the speech turns
    (the first line each spoke), so people match before the cast analysis lands.
    """

    coalitions: tuple[Mention, ...] = ()
    tags: tuple[Mention, ...] = ()
    people: tuple[Mention, ...] = ()
    speakers: tuple[Mention, ...] = ()


def _lines(value: Any) -> tuple[int, ...]:
    """The JSON list of line numbers of a projection row (tolerant of anything else)."""
    try:
        data = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return ()
    return tuple(int(x) for x in (data or []) if isinstance(x, int | float))


def _subscriber(row: Sequence[Any]) -> SubscriberRecord:
    return SubscriberRecord(
        id=int(row[0]),
        name=str(row[1]),
        email=row[2],
        webhook=row[3],
        webhook_secret=row[4],
        feed_token=row[5],
        interests=json.loads(row[6] or "{}"),
        created_at=str(row[7]),
    )


def _in(items: Sequence[str]) -> str:
    return "(" + ", ".join("?" * len(items)) + ")"


def subscriber_matches_sql(
    subscriber_id: int, items: Sequence[str] | None = None, limit: int | None = None
) -> tuple[str, list[Any]]:
    """The matches of a subscriber, newest first, optionally only some items and at most `limit`."""
    sql = "SELECT subscriber_id, item, session_id, reason, line, created_at FROM matches WHERE subscriber_id = ?"
    params: list[Any] = [subscriber_id]
    if items is not None:
        sql += " AND item IN " + _in(items)
        params += list(items)
    sql += " ORDER BY created_at DESC, item"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return sql, params


# -- the declared methods ----------------------------------------------------------------------
class RoutingStore(Protocol):
    """Subscribers, matches, the delivery log and named leases (store/routing.py)."""

    def subscribers(self) -> list[SubscriberRecord]:
        """Every subscriber, by name: what matching and delivery run over."""
        ...

    def subscriber_named(self, name: str) -> SubscriberRecord | None:
        """The subscriber of that name (or, if exactly one, of that name in any case): names typed by users."""
        ...

    def subscriber_by_id(self, subscriber_id: int) -> SubscriberRecord | None:
        """The subscriber with that id, or None: matches refer to subscribers by id."""
        ...

    def subscriber_by_feed_token(self, token: str) -> SubscriberRecord | None:
        """The subscriber whose secret feed URL carries this token, or None."""
        ...

    def save_subscriber(self, record: SubscriberRecord) -> None:
        """Insert a subscriber (no id), or update the channels and interests of the one with its id."""
        ...

    def remove_subscriber(self, subscriber_id: int) -> None:
        """Delete a subscriber with its matches and delivery log in one transaction (nothing more is sent)."""
        ...

    def record_matches(self, matches: Sequence[StoredMatch], channels: Mapping[int, Sequence[str]]) -> list[bool]:
        """Store each match not stored yet and queue one delivery per channel of its subscriber, atomically.

        Returns, for each match given, whether this call recorded it (so nothing is queued twice).
        """
        ...

    def subscriber_matches(
        self, subscriber_id: int, *, items: Sequence[str] | None = None, limit: int | None = None
    ) -> list[StoredMatch]:
        """Stored matches of a subscriber, newest first (only `items` when given): digests and feeds."""
        ...

    def matched_items(self, subscriber_id: int) -> list[str]:
        """Item keys already matched for a subscriber: what a dry run would not report as new."""
        ...

    def delivery_log(self, subscriber_id: int | None = None) -> list[DeliveryLogEntry]:
        """The delivery log (of one subscriber, or all), by subscriber, channel and item."""
        ...

    def open_deliveries(self, subscriber_id: int, channel: str) -> list[OpenDelivery]:
        """Deliveries of a subscriber's channel not yet final, by item: what the next run sends."""
        ...

    def claim_deliveries(self, subscriber_id: int, channel: str, items: Sequence[str]) -> int:
        """Mark a batch `sending` and count one more attempt, committed before the send; returns the attempts."""
        ...

    def record_delivery_failure(
        self, subscriber_id: int, channel: str, items: Sequence[str], error: str, max_attempts: int
    ) -> None:
        """A send failed: the batch is `failed` once it has `max_attempts`, else `retry`, with the error."""
        ...

    def mark_delivered(self, subscriber_id: int, channel: str, items: Sequence[str], delivered_at: str) -> None:
        """A send succeeded: the batch is `delivered` (never sent again) at that time."""
        ...

    def cancel_deliveries(self, subscriber_id: int, channel: str, items: Sequence[str], reason: str) -> None:
        """Give up a batch for good (its session or the channel is gone), saying why."""
        ...

    def requeue_failed_deliveries(self, subscriber_id: int) -> int:
        """Give a subscriber's `failed` deliveries a fresh set of attempts; returns how many."""
        ...

    def lease(self, name: str) -> Lease | None:
        """The row of a named lease, live or lapsed, or None when nobody took it."""
        ...

    def take_lease(self, name: str, owner: str, expires_at: float, *, can_take: Callable[[Lease], bool]) -> bool:
        """Take a lease in one transaction: free, or held by a row `can_take` accepts (only that row is replaced).

        False when `can_take` refuses the current holder; a racer that replaced the row meanwhile
        makes the insert fail (a `StoreError`) rather than both winning.
        """
        ...

    def renew_lease(self, name: str, owner: str, expires_at: float) -> bool:
        """Push the expiry of a lease `owner` holds; False if the lease is no longer theirs."""
        ...

    def release_lease(self, name: str, owner: str) -> None:
        """Give up a lease `owner` holds (someone else's is left alone)."""
        ...

    def session_mentions(self, session_id: str) -> SessionMentions:
        """Coalitions, tags, people and speakers of a session, as projected: what interests match against."""
        ...


# -- the implementation --------------------------------------------------------------------------
class RoutingQueries(SQLBase):
    """Implementation over the shared primitives."""

    # -- subscribers -------------------------------------------------------------------------
    def subscribers(self) -> list[SubscriberRecord]:
        return [_subscriber(r) for r in self._rows(f"{_SUBSCRIBER} ORDER BY name")]

    def subscriber_named(self, name: str) -> SubscriberRecord | None:
        rows = self._rows(f"{_SUBSCRIBER} WHERE name = ?", (name,))
        if not rows:  # forgiving about case in names typed on the command line
            rows = self._rows(f"{_SUBSCRIBER} WHERE lower(name) = ?", (name.lower(),))
        return _subscriber(rows[0]) if len(rows) == 1 else None

    def subscriber_by_id(self, subscriber_id: int) -> SubscriberRecord | None:
        rows = self._rows(f"{_SUBSCRIBER} WHERE id = ?", (subscriber_id,))
        return _subscriber(rows[0]) if rows else None

    def subscriber_by_feed_token(self, token: str) -> SubscriberRecord | None:
        if not token:
            return None
        rows = self._rows(f"{_SUBSCRIBER} WHERE feed_token = ?", (token,))
        return _subscriber(rows[0]) if rows else None

    def save_subscriber(self, record: SubscriberRecord) -> None:
        interests = json.dumps(dict(record.interests or {}), ensure_ascii=False)
        with self._write() as tx:
            if record.id is not None:
                tx(
                    "UPDATE subscribers SET email = ?, webhook = ?, webhook_secret = ?, feed_token = ?,"
                    " interests = ? WHERE id = ?",
                    (record.email, record.webhook, record.webhook_secret, record.feed_token, interests, record.id),
                )
            else:
                tx(
                    "INSERT INTO subscribers (name, email, webhook, webhook_secret, feed_token, interests,"
                    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        record.name,
                        record.email,
                        record.webhook,
                        record.webhook_secret,
                        record.feed_token,
                        interests,
                        record.created_at,
                    ),
                )

    def remove_subscriber(self, subscriber_id: int) -> None:
        with self._write() as tx:
            tx("DELETE FROM deliveries WHERE subscriber_id = ?", (subscriber_id,))
            tx("DELETE FROM matches WHERE subscriber_id = ?", (subscriber_id,))
            tx("DELETE FROM subscribers WHERE id = ?", (subscriber_id,))

    # -- matches -------------------------------------------------------------------------------
    def record_matches(self, matches: Sequence[StoredMatch], channels: Mapping[int, Sequence[str]]) -> list[bool]:
        fresh: list[bool] = []
        with self._write() as tx:
            for m in matches:
                inserted = tx(
                    "INSERT INTO matches (subscriber_id, item, session_id, reason, line, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING item",
                    (m.subscriber_id, m.item, m.session_id, m.reason, m.line, m.created_at),
                )
                fresh.append(bool(inserted))
                if not inserted:  # stored before (by an earlier call, or earlier in this one)
                    continue
                for channel in channels.get(m.subscriber_id, ()):
                    tx(
                        "INSERT INTO deliveries (subscriber_id, item, channel, status, attempts)"
                        " VALUES (?, ?, ?, 'pending', 0) ON CONFLICT DO NOTHING",
                        (m.subscriber_id, m.item, channel),
                    )
        return fresh

    def subscriber_matches(
        self, subscriber_id: int, *, items: Sequence[str] | None = None, limit: int | None = None
    ) -> list[StoredMatch]:
        if items is not None and not items:
            return []
        sql, params = subscriber_matches_sql(subscriber_id, items, limit)
        return [
            StoredMatch(int(sub), str(item), str(sid), str(reason), line, str(created))
            for sub, item, sid, reason, line, created in self._rows(sql, params)
        ]

    def matched_items(self, subscriber_id: int) -> list[str]:
        return [str(r[0]) for r in self._rows("SELECT item FROM matches WHERE subscriber_id = ?", (subscriber_id,))]

    # -- deliveries ------------------------------------------------------------------------------
    def delivery_log(self, subscriber_id: int | None = None) -> list[DeliveryLogEntry]:
        sql = (
            "SELECT s.name, d.item, d.channel, d.status, d.attempts, d.last_error, d.delivered_at"
            " FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id"
        )
        params: list[Any] = []
        if subscriber_id is not None:
            sql += " WHERE d.subscriber_id = ?"
            params.append(subscriber_id)
        sql += " ORDER BY s.name, d.channel, d.item"
        return [DeliveryLogEntry(*row) for row in self._rows(sql, params)]

    def open_deliveries(self, subscriber_id: int, channel: str) -> list[OpenDelivery]:
        return [
            OpenDelivery(str(r[0]), str(r[1]), int(r[2]))
            for r in self._rows(
                f"SELECT item, status, attempts FROM deliveries WHERE subscriber_id = ? AND channel = ?"
                f" AND status IN {_OPEN} ORDER BY item",
                (subscriber_id, channel),
            )
        ]

    def _set_deliveries(
        self, subscriber_id: int, channel: str, items: Sequence[str], assignments: str, params: Sequence[Any]
    ) -> None:
        with self._write() as tx:
            tx(
                f"UPDATE deliveries SET {assignments} WHERE subscriber_id = ? AND channel = ? AND item IN {_in(items)}",
                [*params, subscriber_id, channel, *items],
            )

    def claim_deliveries(self, subscriber_id: int, channel: str, items: Sequence[str]) -> int:
        where = f"subscriber_id = ? AND channel = ? AND item IN {_in(items)}"
        with self._write() as tx:
            tx(
                f"UPDATE deliveries SET status = 'sending', attempts = attempts + 1 WHERE {where}",
                [subscriber_id, channel, *items],
            )
            rows = tx(f"SELECT max(attempts) FROM deliveries WHERE {where}", [subscriber_id, channel, *items])
        return int(rows[0][0] or 0) if rows else 0

    def record_delivery_failure(
        self, subscriber_id: int, channel: str, items: Sequence[str], error: str, max_attempts: int
    ) -> None:
        self._set_deliveries(
            subscriber_id,
            channel,
            items,
            "status = CASE WHEN attempts >= ? THEN 'failed' ELSE 'retry' END, last_error = ?",
            [max_attempts, error],
        )

    def mark_delivered(self, subscriber_id: int, channel: str, items: Sequence[str], delivered_at: str) -> None:
        self._set_deliveries(
            subscriber_id, channel, items, "status = 'delivered', delivered_at = ?, last_error = NULL", [delivered_at]
        )

    def cancel_deliveries(self, subscriber_id: int, channel: str, items: Sequence[str], reason: str) -> None:
        self._set_deliveries(subscriber_id, channel, items, "status = 'cancelled', last_error = ?", [reason])

    def requeue_failed_deliveries(self, subscriber_id: int) -> int:
        with self._write() as tx:
            rows = tx("SELECT count(*) FROM deliveries WHERE subscriber_id = ? AND status = 'failed'", (subscriber_id,))
            tx(
                "UPDATE deliveries SET status = 'retry', attempts = 0 WHERE subscriber_id = ? AND status = 'failed'",
                (subscriber_id,),
            )
        return int(rows[0][0])

    # -- leases ----------------------------------------------------------------------------------
    def lease(self, name: str) -> Lease | None:
        rows = self._rows("SELECT owner, expires_at FROM leases WHERE name = ?", (name,))
        return Lease(str(rows[0][0]), float(rows[0][1])) if rows else None

    def take_lease(self, name: str, owner: str, expires_at: float, *, can_take: Callable[[Lease], bool]) -> bool:
        with self._write() as tx:
            rows = tx("SELECT owner, expires_at FROM leases WHERE name = ?", (name,))
            if rows:
                if not can_take(Lease(str(rows[0][0]), float(rows[0][1]))):
                    return False
                # only the row seen above: if another process replaced it meanwhile, the insert fails
                tx("DELETE FROM leases WHERE name = ? AND owner = ? AND expires_at = ?", (name, *rows[0]))
            tx("INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?)", (name, owner, expires_at))
        return True

    def renew_lease(self, name: str, owner: str, expires_at: float) -> bool:
        with self._write() as tx:
            rows = tx(
                "UPDATE leases SET expires_at = ? WHERE name = ? AND owner = ? RETURNING owner",
                (expires_at, name, owner),
            )
        return bool(rows)

    def release_lease(self, name: str, owner: str) -> None:
        with self._write() as tx:
            tx("DELETE FROM leases WHERE name = ? AND owner = ?", (name, owner))

    # -- what interests match against ----------------------------------------------------------------
    def session_mentions(self, session_id: str) -> SessionMentions:
        with self._snapshot() as tx:
            coalitions = tx(
                "SELECT coalition, acronym, status, lines FROM coalition_mentions WHERE session_id = ?"
                " ORDER BY coalition",
                (session_id,),
            )
            tags = tx(
                "SELECT scheme, code, label, lines FROM tags WHERE session_id = ? ORDER BY score DESC, code",
                (session_id,),
            )
            people = tx(
                "SELECT p.name, a.role, a.lines FROM appearances a JOIN people p ON p.key = a.person_key"
                " WHERE a.session_id = ? ORDER BY p.name",
                (session_id,),
            )
            speakers = tx(
                "SELECT speaker_key, min(speaker), min(line) FROM turns WHERE session_id = ?"
                " AND kind = 'speech' AND speaker IS NOT NULL GROUP BY speaker_key ORDER BY min(line)",
                (session_id,),
            )
        return SessionMentions(
            coalitions=tuple(
                Mention(str(name), _lines(lines), status or "", (acronym,) if acronym else ())
                for name, acronym, status, lines in coalitions
            ),
            tags=tuple(
                Mention(str(code), _lines(lines), label or "", (scheme,)) for scheme, code, label, lines in tags
            ),
            people=tuple(Mention(str(name), _lines(lines), role or "") for name, role, lines in people),
            speakers=tuple(Mention(str(speaker), (int(line),)) for key, speaker, line in speakers if key and speaker),
        )

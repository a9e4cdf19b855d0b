"""The operations the CLI and the API share: one call each, no formatting.

`run_digest` is the whole cycle of `forumlens digest`: find sessions ingested in the
window, match them (idempotently) to the subscribers, and deliver what is queued.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..store.base import Store
from .channels import Sender, senders_from_settings
from .deliver import DeliveryResult, RetryPolicy, deliver_pending, pending_digests
from .digest import build_digest
from .importing import read_subscriber_file
from .matching import match_new_sessions, match_sessions
from .models import Digest, Interests, Match, Subscriber
from .repository import SubscriberRepository

__all__ = ["DigestRun", "add_subscriber", "import_subscribers", "parse_duration", "run_digest", "sessions_since"]

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_NAMED = {"hourly": "1h", "daily": "1d", "weekly": "1w", "monthly": "30d"}


def parse_duration(text: str) -> timedelta:
    """ "7d", "12h", "30m", "2w", "weekly" → a timedelta (for --since and --every)."""
    raw = _NAMED.get(text.strip().lower(), text.strip().lower())
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([smhdw])", raw)
    if not match:
        raise ConfigError(f"{text!r} is not a duration", hint="use e.g. 30m, 12h, 7d, 2w, daily or weekly")
    return timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2)])


def sessions_since(store: Store, cutoff: datetime) -> list[str]:
    """Ids of sessions ingested at or after `cutoff` (oldest first)."""
    stamp = cutoff.astimezone(UTC).isoformat(timespec="seconds")
    return store.sessions_ingested_since(stamp)


def add_subscriber(
    store: Store,
    name: str,
    *,
    email: str | None = None,
    webhook: str | None = None,
    feed: bool = False,
    interests: Mapping[str, Sequence[str]] | None = None,
    now: datetime | None = None,
) -> Subscriber:
    """Add one subscriber (its feed token and webhook secret are generated here)."""
    sub = Subscriber(
        name=name.strip(),
        email=email or None,
        webhook=webhook or None,
        interests=Interests.from_json(dict(interests or {})),
    )
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return SubscriberRepository(store).add(sub, feed=feed, now=stamp)


def import_subscribers(
    store: Store, path: Path, *, data: bytes | None = None, now: datetime | None = None
) -> list[Subscriber]:
    """Add or update every subscriber of a file (`data`: its bytes, when read already); existing
    ones keep their tokens and log."""
    entries = read_subscriber_file(path, data)
    repo = SubscriberRepository(store)
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return [repo.add(sub, feed=feed, now=stamp, replace=True) for sub, feed in entries]


@dataclass
class DigestRun:
    """What one `forumlens digest` run did."""

    sessions: list[str]
    matches: list[Match]
    results: list[DeliveryResult] = field(default_factory=list)
    dry_run: bool = False
    previews: list[Digest] = field(default_factory=list)  # dry run: each subscriber's new matches, as sent

    @property
    def ok(self) -> bool:
        return all(r.status in ("delivered", "cancelled", "dry-run") for r in self.results)

    def to_json(self) -> dict[str, Any]:
        return {
            "sessions": self.sessions,
            "dry_run": self.dry_run,
            "matches": [m.to_json() for m in self.matches],
            "deliveries": [r.to_json() for r in self.results],
        }


def _previews(store: Store, matches: list[Match], base_url: str, now: Callable[[], datetime]) -> list[Digest]:
    """The digest each subscriber's new matches would make, built as a delivered one is (titles,
    quotes, speakers), so `--dry-run` shows what will be sent rather than bare session ids."""
    stamp = now().astimezone(UTC).isoformat(timespec="seconds")
    by_subscriber: dict[str, list[tuple[Match, str]]] = {}
    for match in matches:
        by_subscriber.setdefault(match.subscriber, []).append((match, stamp))
    return [
        build_digest(store, name, found, base_url=base_url, generated_at=stamp) for name, found in by_subscriber.items()
    ]


def run_digest(
    store: Store,
    settings: Any,
    *,
    since: timedelta = timedelta(days=7),
    subscriber: str | None = None,
    dry_run: bool = False,
    senders: Mapping[str, Sender] | None = None,
    policy: RetryPolicy | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    sleep: Callable[[float], None] = time.sleep,
) -> DigestRun:
    """Match the sessions ingested within `since`, then deliver every queued item.

    With `dry_run`, nothing is recorded or sent: the result lists the new matches and
    the digests that would go out.
    """
    repo = SubscriberRepository(store)
    subs = [repo.get(subscriber)] if subscriber else repo.all()
    ids = sessions_since(store, now() - since)
    base_url = settings.public_url
    if dry_run:
        stored = {(s.id, item) for s in subs for item in repo.matched_items(s.id or 0)}
        fresh = [m for m in match_sessions(store, ids, subs) if (m.subscriber_id, m.item) not in stored]
        pending = pending_digests(store, base_url=base_url, subscriber=subscriber, now=now)
        return DigestRun(ids, fresh, pending, dry_run=True, previews=_previews(store, fresh, base_url, now))
    recorded = match_new_sessions(store, ids, now=now(), subscribers=subs)
    results = deliver_pending(
        store,
        senders if senders is not None else senders_from_settings(settings),
        base_url=base_url,
        subscriber=subscriber,
        policy=policy or RetryPolicy(),
        now=now,
        sleep=sleep,
    )
    return DigestRun(ids, recorded, results)

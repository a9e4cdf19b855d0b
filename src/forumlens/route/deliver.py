"""Delivery: queued matches → one digest per subscriber and channel, sent and logged.

Guarantees (README, "Channels"):

* **once per channel** — every `deliveries` row (subscriber, item, channel) goes
  `pending → sending → delivered`; a delivered row is never sent again.
* **at least once** — a failed send leaves the row `retry` and it is retried, with
  exponential backoff inside a run and again on later runs, until `max_attempts`;
  then it is `failed` (final, visible in the log; `--retry-failed` re-queues it).
* **one channel never blocks another** — each (subscriber, channel) is its own batch.
* **crash-safe** — the claim (`sending`, attempts + 1) is committed before the send
  and the outcome after it. A process killed in between leaves the rows `sending`;
  the next run resends exactly that batch with the *same* delivery key (derived
  from the items), carried as `Message-ID` / `X-Forumlens-Delivery`, so receivers
  drop the copy.
* **one deliverer at a time** — a run holds the store's `deliver` lease (`lease.py`);
  one started meanwhile refuses (`Busy`); a killed one's lease is taken over at once on
  the same machine and lapses after 10 minutes elsewhere.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..errors import DeliveryError
from ..store.base import Store
from ..store.routing import OpenDelivery
from .channels import Sender
from .digest import build_digest
from .lease import hold
from .models import CHANNELS, Digest, Subscriber
from .repository import SubscriberRepository

__all__ = [
    "DeliveryResult",
    "RetryPolicy",
    "batch_key",
    "deliver_pending",
    "pending_digests",
    "requeue_failed",
]

OPEN = ("pending", "sending", "retry")


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try: `attempts_per_run` tries with exponential backoff, `max_attempts` in all."""

    max_attempts: int = 8
    attempts_per_run: int = 4
    base_delay: float = 2.0
    factor: float = 2.0
    max_delay: float = 300.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait after the `attempt`-th failure of this run (1-based)."""
        return min(self.max_delay, self.base_delay * self.factor ** max(0, attempt - 1))


@dataclass
class DeliveryResult:
    """What happened to one batch (one digest for one subscriber on one channel)."""

    subscriber: str
    channel: str
    key: str
    items: list[str]
    status: str  # delivered | retry | failed | cancelled | dry-run
    attempts: int = 0
    error: str = ""
    digest: Digest | None = field(default=None, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "subscriber": self.subscriber,
            "channel": self.channel,
            "delivery": self.key,
            "items": self.items,
            "status": self.status,
            "attempts": self.attempts,
            "error": self.error,
        }


def batch_key(subscriber_id: int, channel: str, items: Sequence[str]) -> str:
    """Delivery key of a batch: the same items give the same key, across runs and crashes."""
    text = "\n".join([str(subscriber_id), channel, *sorted(items)])
    return "fl-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _stamp(now: Callable[[], datetime]) -> str:
    return now().astimezone(UTC).isoformat(timespec="seconds")


def _batches(rows: Sequence[OpenDelivery]) -> list[list[str]]:
    """Rows left `sending` by a crash first (as they were), then everything else together."""
    inflight = [r.item for r in rows if r.status == "sending"]
    rest = [r.item for r in rows if r.status != "sending"]
    return [b for b in (inflight, rest) if b]


def _digest(store: Store, sub: Subscriber, items: Sequence[str], base_url: str, stamp: str) -> Digest:
    matches = SubscriberRepository(store).matches(sub.id or 0, items=items)
    matches.sort(key=lambda pair: (pair[1], pair[0].session_id, pair[0].line or 0, pair[0].item))
    return build_digest(store, sub.name, matches, base_url=base_url, generated_at=stamp)


def pending_digests(
    store: Store,
    *,
    base_url: str,
    subscriber: str | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> list[DeliveryResult]:
    """What the next run would send, without sending or changing anything (`--dry-run`)."""
    repo = SubscriberRepository(store)
    subs = [repo.get(subscriber)] if subscriber else repo.all()
    out = []
    for sub in subs:
        for channel in CHANNELS:
            for items in _batches(store.open_deliveries(sub.id or 0, channel)):
                digest = _digest(store, sub, items, base_url, _stamp(now))
                out.append(
                    DeliveryResult(
                        sub.name, channel, batch_key(sub.id or 0, channel, items), items, "dry-run", digest=digest
                    )
                )
    return out


def _send_batch(
    store: Store,
    sub: Subscriber,
    channel: str,
    items: list[str],
    send: Sender,
    *,
    base_url: str,
    policy: RetryPolicy,
    now: Callable[[], datetime],
    sleep: Callable[[float], None],
) -> DeliveryResult:
    sid = sub.id or 0
    key = batch_key(sid, channel, items)
    digest = _digest(store, sub, items, base_url, _stamp(now))
    present = {i.item for i in digest.items}
    gone = [i for i in items if i not in present]
    if gone:  # the session (or the match) was removed since it was queued
        store.cancel_deliveries(sid, channel, gone, "the matched session was removed")
        items = [i for i in items if i in present]
        if not items:
            return DeliveryResult(sub.name, channel, key, gone, "cancelled", error="session removed")
        key = batch_key(sid, channel, items)
    result = DeliveryResult(sub.name, channel, key, items, "retry", digest=digest)
    for attempt in range(1, policy.attempts_per_run + 1):
        result.attempts = store.claim_deliveries(sid, channel, items)
        try:
            send(sub, digest, key)
        except DeliveryError as exc:
            result.error = exc.render()
            store.record_delivery_failure(sid, channel, items, f"{_stamp(now)} {result.error}", policy.max_attempts)
            if result.attempts >= policy.max_attempts:
                result.status = "failed"
                return result
            if attempt < policy.attempts_per_run:
                sleep(policy.delay(attempt))
            continue
        store.mark_delivered(sid, channel, items, _stamp(now))
        result.status, result.error = "delivered", ""
        return result
    return result


def deliver_pending(
    store: Store,
    senders: Mapping[str, Sender],
    *,
    base_url: str,
    subscriber: str | None = None,
    policy: RetryPolicy = RetryPolicy(),
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    sleep: Callable[[float], None] = time.sleep,
) -> list[DeliveryResult]:
    """Send every queued item: one digest per subscriber and channel; returns what happened.

    Holds the store's `deliver` lease while it works, so a second deliverer started
    meanwhile (an overlapping cron run) refuses with `Busy` instead of sending twice.
    """
    with hold(store, "deliver", what="a deliverer") as keep:
        return _deliver_all(
            store, senders, keep, base_url=base_url, subscriber=subscriber, policy=policy, now=now, sleep=sleep
        )


def _deliver_all(
    store: Store,
    senders: Mapping[str, Sender],
    keep: Callable[[], None],
    *,
    base_url: str,
    subscriber: str | None,
    policy: RetryPolicy,
    now: Callable[[], datetime],
    sleep: Callable[[float], None],
) -> list[DeliveryResult]:
    repo = SubscriberRepository(store)
    subs = [repo.get(subscriber)] if subscriber else repo.all()
    results: list[DeliveryResult] = []
    for sub in subs:
        for channel in CHANNELS:
            rows = store.open_deliveries(sub.id or 0, channel)
            if not rows:
                continue
            keep()  # renew the lease before each subscriber's channel
            if channel not in sub.channels or channel not in senders:
                items = [r.item for r in rows]
                why = "the subscriber no longer has this channel" if channel not in sub.channels else "no sender"
                store.cancel_deliveries(sub.id or 0, channel, items, why)
                results.append(DeliveryResult(sub.name, channel, "", items, "cancelled", error=why))
                continue
            for items in _batches(rows):
                results.append(
                    _send_batch(
                        store,
                        sub,
                        channel,
                        items,
                        senders[channel],
                        base_url=base_url,
                        policy=policy,
                        now=now,
                        sleep=sleep,
                    )
                )
    return results


def requeue_failed(store: Store, subscriber: str | None = None) -> int:
    """Give `failed` deliveries a fresh set of attempts (after fixing the channel)."""
    repo = SubscriberRepository(store)
    subs = [repo.get(subscriber)] if subscriber else repo.all()
    count = 0
    for sub in subs:
        count += store.requeue_failed_deliveries(sub.id or 0)
    return count

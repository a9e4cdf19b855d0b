"""Named leases in the store: at most one holder at a time, free again when it lapses.

Delivery is crash-safe and at-least-once for one deliverer; two running at once could
claim the same rows and send a digest twice. Rather than ask operators to make sure
only one `digest`/`deliver` runs (a cron job overlapping a slow run is enough to break
that), the deliverer holds the lease `deliver` for as long as it works: a second one
refuses with a clear message. A deliverer killed mid-run cannot release its lease; it
lapses after `ttl` seconds (the holder renews it before each batch), so a crash never
blocks delivery for longer than that — and on the same machine not even that long:
a lease whose holder process no longer exists is taken over at once.

Taking a lease is one transaction on either store (`Store.take_lease`): the holder's row is
read, judged here (`can_take`), and only that row is replaced; when two processes race for
a free or lapsed lease, the primary key lets exactly one insert succeed.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from ..errors import Busy, ForumlensError
from ..store.base import Store
from ..store.routing import Lease

__all__ = ["DEFAULT_TTL", "acquire", "hold", "holder", "release", "renew"]

DEFAULT_TTL = 600.0  # seconds a lease outlives its last renewal (a batch takes far less)


def new_owner() -> str:
    """Who holds a lease: host, process and a random part (a pid can be reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _gone(owner: str) -> bool:
    """Is the holder a process of this machine that no longer exists (killed, crashed)?

    Only then can a live lease be taken over early; a holder on another machine, or a
    process id that is in use again, is waited out until the lease lapses.
    """
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, owned by another user
        return False
    return False


def holder(store: Store, name: str, now: Callable[[], float] = time.time) -> tuple[str, float] | None:
    """(owner, expires_at) of a live lease, or None when it is free or has lapsed."""
    lease = store.lease(name)
    if lease and lease.expires_at > now():
        return lease.owner, lease.expires_at
    return None


def acquire(
    store: Store, name: str, owner: str, ttl: float = DEFAULT_TTL, now: Callable[[], float] = time.time
) -> bool:
    """Take the lease if it is free, lapsed or already ours; False if someone else holds it."""

    def can_take(current: Lease) -> bool:
        return current.owner == owner or current.expires_at <= now() or _gone(current.owner)

    try:
        return store.take_lease(name, owner, now() + ttl, can_take=can_take)
    except ForumlensError:
        current = holder(store, name, now)
        if current is not None and current[0] != owner:
            return False  # lost the race for the primary key to another process
        raise


def renew(store: Store, name: str, owner: str, ttl: float = DEFAULT_TTL, now: Callable[[], float] = time.time) -> bool:
    """Push the lease's expiry on; False if it is no longer ours (it lapsed and was taken)."""
    return store.renew_lease(name, owner, now() + ttl)


def release(store: Store, name: str, owner: str) -> None:
    store.release_lease(name, owner)


@contextmanager
def hold(
    store: Store, name: str, *, what: str, ttl: float = DEFAULT_TTL, now: Callable[[], float] = time.time
) -> Iterator[Callable[[], None]]:
    """Hold the lease for the block; yields `keep()`, which renews it (call it between steps).

    Raises `Busy` naming the holder and when its lease lapses if another process has it,
    and from `keep()` if the lease was lost (this process stalled past `ttl`).
    """
    owner = new_owner()
    if not acquire(store, name, owner, ttl, now):
        current = holder(store, name, now)
        who, until = current if current else ("another process", now())
        stamp = datetime.fromtimestamp(until, UTC).isoformat(timespec="seconds")
        raise Busy(
            f"{what} is already running ({who}); nothing was done",
            hint=f"wait for it to finish; if it crashed, its lease lapses at {stamp}",
        )

    def keep() -> None:
        if not renew(store, name, owner, ttl, now):
            raise Busy(
                f"{what} lost its lease (stalled for more than {ttl:.0f} s); stopping",
                hint="run it again; what was delivered is logged and will not be sent twice",
            )

    try:
        yield keep
    finally:
        release(store, name, owner)

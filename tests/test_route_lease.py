"""One deliverer at a time: the store's `deliver` lease, on both stores."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading

import pytest

from forumlens.errors import Busy
from forumlens.route.deliver import deliver_pending
from forumlens.route.lease import acquire, hold, holder, release, renew
from forumlens.store import open_store

from .route_support import SmtpSink
from .test_route_delivery import BASE, FAST, senders, setup, status


def _dead_pid() -> int:
    """A process id that existed and is gone."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


def test_a_second_deliverer_refuses_and_changes_nothing(fresh_store):
    with SmtpSink() as smtp:
        setup(fresh_store)
        assert acquire(fresh_store, "deliver", "elsewhere:1:abc", ttl=60)
        with pytest.raises(Busy) as raised:
            deliver_pending(fresh_store, senders(smtp.port), base_url=BASE, policy=FAST)
        assert "already running (elsewhere:1:abc)" in raised.value.message and "lapses at" in (raised.value.hint or "")
        assert status(fresh_store, "email") == [("pending", 0)] and smtp.messages == []
        release(fresh_store, "deliver", "elsewhere:1:abc")
        [result] = deliver_pending(fresh_store, senders(smtp.port), base_url=BASE, policy=FAST)
        assert result.status == "delivered"
    assert holder(fresh_store, "deliver") is None  # released after the run


def test_a_lapsed_lease_or_a_dead_local_holder_is_taken_over(fresh_store):
    clock = [1000.0]
    assert acquire(fresh_store, "deliver", "other-host:42:x", ttl=10, now=lambda: clock[0])
    assert not acquire(fresh_store, "deliver", "me", ttl=10, now=lambda: clock[0])
    clock[0] += 11  # lapsed
    assert acquire(fresh_store, "deliver", "me", ttl=10, now=lambda: clock[0])
    release(fresh_store, "deliver", "me")
    dead = f"{socket.gethostname()}:{_dead_pid()}:y"
    assert acquire(fresh_store, "deliver", dead, ttl=600)
    assert acquire(fresh_store, "deliver", "me", ttl=600)  # its process is gone: no need to wait


def test_renew_fails_once_the_lease_was_taken(fresh_store):
    clock = [0.0]
    assert acquire(fresh_store, "deliver", "slow", ttl=5, now=lambda: clock[0])
    assert renew(fresh_store, "deliver", "slow", ttl=5, now=lambda: clock[0])
    clock[0] += 6
    assert acquire(fresh_store, "deliver", "fast", ttl=5, now=lambda: clock[0])
    assert not renew(fresh_store, "deliver", "slow", ttl=5, now=lambda: clock[0])
    with pytest.raises(Busy), hold(fresh_store, "deliver", what="a deliverer", now=lambda: clock[0]):
        pass


@pytest.mark.parametrize("stale", [False, True], ids=["free", "lapsed"])
def test_racing_processes_get_exactly_one_lease(store_location, stale):
    """Six connections race for the lease, five rounds: exactly one wins each time."""
    setup_store = open_store(store_location)
    try:
        for round_ in range(5):
            if stale:  # a lapsed holder's row is there: the racers must not delete each other's
                assert acquire(setup_store, "deliver", "lapsed", ttl=-1)
            start = threading.Barrier(6)
            won: list[str] = []

            def race(n: int, start: threading.Barrier = start, won: list[str] = won, round_: int = round_) -> None:
                with open_store(store_location) as store:
                    start.wait()
                    if acquire(store, "deliver", f"racer-{round_}-{n}", ttl=60):
                        won.append(f"racer-{round_}-{n}")

            threads = [threading.Thread(target=race, args=(n,)) for n in range(6)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            assert len(won) == 1, (round_, won)
            assert holder(setup_store, "deliver")[0] == won[0]
            release(setup_store, "deliver", won[0])
    finally:
        setup_store.close()

"""The routing methods of the store (store/routing.py), on both back ends."""

from __future__ import annotations

import pytest

from forumlens.errors import StoreError
from forumlens.store import open_store
from forumlens.store.routing import Lease, Mention, StoredMatch, SubscriberRecord, subscriber_matches_sql

from .route_support import store_session


@pytest.mark.parametrize(
    "items, limit, where, params",
    [
        (None, None, "WHERE subscriber_id = ? ORDER BY created_at DESC, item", [7]),
        (["a", "b"], None, "WHERE subscriber_id = ? AND item IN (?, ?) ORDER BY created_at DESC, item", [7, "a", "b"]),
        (None, 20, "WHERE subscriber_id = ? ORDER BY created_at DESC, item LIMIT 20", [7]),
        (["a"], 3, "AND item IN (?) ORDER BY created_at DESC, item LIMIT 3", [7, "a"]),
    ],
)
def test_subscriber_matches_sql(items, limit, where, params):
    sql, got = subscriber_matches_sql(7, items, limit)
    assert sql.startswith("SELECT subscriber_id, item, session_id, reason, line, created_at FROM matches")
    assert sql.endswith(where) and got == params and "%s" not in sql


def _subscriber(store, name: str = "Envoy") -> int:
    store.save_subscriber(
        SubscriberRecord(
            id=None,
            name=name,
            email="e@example.org",
            interests={"tags": ["SDG9"]},
            created_at="2024-01-01T00:00:00+00:00",
        )
    )
    found = store.subscriber_named(name.upper())  # any case, when only one has the name
    assert found is not None and found.name == name and found.interests == {"tags": ["SDG9"]}
    return found.id


def test_subscribers_are_saved_found_updated_and_removed(fresh_store):
    sid = _subscriber(fresh_store)
    fresh_store.save_subscriber(
        SubscriberRecord(
            id=sid, name="Envoy", webhook="https://h.example.org", webhook_secret="s", feed_token="t", interests={}
        )
    )
    found = fresh_store.subscriber_by_feed_token("t")
    assert found == fresh_store.subscriber_by_id(sid) and found is not None
    assert (found.email, found.webhook, found.interests, found.created_at) == (
        None,
        "https://h.example.org",
        {},
        "2024-01-01T00:00:00+00:00",
    )
    assert fresh_store.subscriber_by_feed_token("") is None and fresh_store.subscriber_named("Nobody") is None
    fresh_store.remove_subscriber(sid)
    assert fresh_store.subscribers() == [] and fresh_store.subscriber_by_id(sid) is None


def test_matches_are_recorded_once_and_queued_per_channel(fresh_store):
    session_id = store_session(fresh_store)
    sid = _subscriber(fresh_store)
    first = StoredMatch(sid, f"{session_id}/tag/sdg9", session_id, "tag SDG9", 17, "2024-01-02T00:00:00+00:00")
    later = StoredMatch(sid, f"{session_id}/person/x", session_id, "person X", 7, "2024-01-03T00:00:00+00:00")
    assert fresh_store.record_matches([first, first, later], {sid: ["email", "webhook"]}) == [True, False, True]
    assert fresh_store.record_matches([first], {sid: ["email"]}) == [False]
    assert fresh_store.subscriber_matches(sid) == [later, first]  # newest first
    assert fresh_store.subscriber_matches(sid, items=[first.item]) == [first]
    assert fresh_store.subscriber_matches(sid, items=[]) == [] and fresh_store.subscriber_matches(sid, limit=1) == [
        later
    ]
    assert sorted(fresh_store.matched_items(sid)) == sorted([first.item, later.item])
    log = fresh_store.delivery_log(sid)
    assert [(d.channel, d.item, d.status) for d in log] == [
        ("email", later.item, "pending"),
        ("email", first.item, "pending"),
        ("webhook", later.item, "pending"),
        ("webhook", first.item, "pending"),
    ]
    assert log[0].to_json()["subscriber"] == "Envoy"


def test_delivery_states(fresh_store):
    session_id = store_session(fresh_store)
    sid = _subscriber(fresh_store)
    items = [f"{session_id}/a/1", f"{session_id}/b/2"]
    fresh_store.record_matches([StoredMatch(sid, i, session_id, "r", 1, "t") for i in items], {sid: ["email"]})
    assert fresh_store.claim_deliveries(sid, "email", items) == 1
    assert [(d.status, d.attempts) for d in fresh_store.open_deliveries(sid, "email")] == [("sending", 1)] * 2
    fresh_store.record_delivery_failure(sid, "email", items[:1], "down", max_attempts=2)
    fresh_store.record_delivery_failure(sid, "email", items[1:], "down", max_attempts=1)
    assert {(d.item, d.status, d.last_error) for d in fresh_store.delivery_log()} == {
        (items[0], "retry", "down"),
        (items[1], "failed", "down"),
    }
    assert fresh_store.requeue_failed_deliveries(sid) == 1
    assert fresh_store.claim_deliveries(sid, "email", items) == 2
    fresh_store.mark_delivered(sid, "email", items[:1], "2030-01-01T00:00:00+00:00")
    fresh_store.cancel_deliveries(sid, "email", items[1:], "gone")
    assert fresh_store.open_deliveries(sid, "email") == []
    assert {(d.status, d.delivered_at, d.last_error) for d in fresh_store.delivery_log(sid)} == {
        ("delivered", "2030-01-01T00:00:00+00:00", None),
        ("cancelled", None, "gone"),
    }


def test_a_lease_is_replaced_only_when_the_holder_may_be(fresh_store):
    seen: list[Lease] = []
    assert fresh_store.take_lease("job", "a", 100.0, can_take=seen.append)  # free: nobody to ask about
    assert seen == [] and fresh_store.lease("job") == Lease("a", 100.0)
    assert not fresh_store.take_lease("job", "b", 200.0, can_take=lambda current: seen.append(current) or False)
    assert seen == [Lease("a", 100.0)] and fresh_store.lease("job") == Lease("a", 100.0)
    assert fresh_store.take_lease("job", "b", 200.0, can_take=lambda current: True)
    assert not fresh_store.renew_lease("job", "a", 300.0) and fresh_store.renew_lease("job", "b", 300.0)
    fresh_store.release_lease("job", "a")  # not a's: left alone
    assert fresh_store.lease("job") == Lease("b", 300.0)
    fresh_store.release_lease("job", "b")
    assert fresh_store.lease("job") is None


def test_a_lease_replaced_while_judged_is_not_deleted(pg_url):
    """Only the row judged is deleted: a racer's row written meanwhile makes the insert fail.

    PostgreSQL only: SQLite's write transaction locks the file, so no racer can write there.
    """
    with open_store(pg_url) as store:
        store.take_lease("job", "old", 1.0, can_take=bool)

        def racer_commits_meanwhile(current: Lease) -> bool:
            with open_store(pg_url) as racer:
                assert racer.take_lease("job", "racer", 2.0, can_take=lambda _: True)
            return True  # "old" lapsed: it may be taken over

        with pytest.raises(StoreError):
            store.take_lease("job", "me", 3.0, can_take=racer_commits_meanwhile)
        assert store.lease("job") == Lease("racer", 2.0)


def test_session_mentions_read_the_projections(fresh_store):
    session_id = store_session(fresh_store)
    mentions = fresh_store.session_mentions(session_id)
    assert [m.aliases for m in mentions.coalitions if m.name == "DC on Core Internet Values"] == [("DC-CIV",)]
    assert mentions.tags[0] == Mention("SDG9", (17, 18), "Industry, innovation and infrastructure", ("sdg",))
    assert all(len(m.lines) == 1 for m in mentions.speakers) and mentions.speakers
    assert fresh_store.session_mentions("no-such-session") == type(mentions)()


def test_the_store_error_of_a_duplicate_name(fresh_store):
    _subscriber(fresh_store)
    with pytest.raises(StoreError):
        fresh_store.save_subscriber(SubscriberRecord(id=None, name="Envoy", created_at="x"))

"""Delivery with real servers on loopback: aiosmtpd for e-mail, http.server for webhooks.

Every fault test ends the same way: each item reached each channel once (after the
receiver drops copies carrying a delivery key it already has), none was lost.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from forumlens.route.channels import EmailSender, SmtpConfig, WebhookSender
from forumlens.route.deliver import RetryPolicy, deliver_pending, requeue_failed
from forumlens.route.matching import match_new_sessions
from forumlens.route.repository import SubscriberRepository
from forumlens.route.service import add_subscriber
from forumlens.route.signing import DELIVERY_HEADER
from forumlens.store.sqlite import SQLiteStore

from .route_support import SmtpSink, WebhookSink, free_port, store_session

BASE = "https://forum.example.org"
FAST = RetryPolicy(max_attempts=6, attempts_per_run=4, base_delay=0.01)


def senders(smtp_port: int) -> dict:
    return {
        "email": EmailSender(
            SmtpConfig(host="127.0.0.1", port=smtp_port, mail_from="digest@forumlens.test", timeout=5)
        ),
        "webhook": WebhookSender(timeout=5),
    }


def status(store, channel: str) -> list[tuple[str, int]]:
    return sorted({(d.status, d.attempts) for d in store.delivery_log() if d.channel == channel})


def setup(store, *, email: str | None = "envoy@example.org", webhook: str | None = None) -> tuple[str, object]:
    session_id = store_session(store)
    sub = add_subscriber(
        store,
        "Tech Envoy",
        email=email,
        webhook=webhook,
        feed=True,
        interests={"coalitions": ["DC-CIV"], "tags": ["SDG9"], "questions_to": ["DC-Gender"]},
    )
    match_new_sessions(store, [session_id])
    return session_id, SubscriberRepository(store).get(sub.name)


def test_email_digest_reaches_a_real_smtp_server_once(fresh_store):
    with SmtpSink() as smtp:
        session_id, _ = setup(fresh_store)
        [result] = deliver_pending(fresh_store, senders(smtp.port), base_url=BASE, policy=FAST)
        assert result.status == "delivered" and len(result.items) == 3
        assert deliver_pending(fresh_store, senders(smtp.port), base_url=BASE, policy=FAST) == []
    [message] = smtp.messages
    assert smtp.handler.envelopes == [("digest@forumlens.test", ["envoy@example.org"])]
    assert message["Subject"] == "forumlens: 3 new items for Tech Envoy"
    assert message["Message-ID"] == f"<{result.key}@forumlens.test>" and message[DELIVERY_HEADER] == result.key
    parts = {
        p.get_content_type(): p.get_payload(decode=True).decode("utf-8") for p in message.walk() if not p.is_multipart()
    }
    assert set(parts) == {"text/plain", "text/html"}
    assert f"session {session_id}, line 7" in parts["text/plain"]
    assert f"{BASE}/sessions/{session_id}#L17" in parts["text/html"]
    assert status(fresh_store, "email") == [("delivered", 1)]


def test_later_sessions_bring_only_their_new_items(fresh_store, tmp_path):
    with SmtpSink() as smtp:
        setup(fresh_store)
        deliver_pending(fresh_store, senders(smtp.port), base_url=BASE, policy=FAST)
        other = second_session(fresh_store, tmp_path)
        match_new_sessions(fresh_store, [other])
        [result] = deliver_pending(fresh_store, senders(smtp.port), base_url=BASE, policy=FAST)
    assert [i.split("/")[0] for i in result.items] == [other]
    assert len(smtp.messages) == 2


SDG9 = {"tags": [{"scheme": "sdg", "code": "SDG9", "label": "Industry", "score": 0.7, "lines": [3]}]}


def second_session(store, folder: Path) -> str:
    """A second, later transcript (tagged SDG9, so it matches again)."""
    path = folder / "second.txt"
    path.write_text("IGF 2024 follow-up\n\n>> KENJI TANAKA: Industry, innovation and infrastructure again.\n")
    return store_session(store, path, SDG9)


def test_smtp_down_then_back_loses_nothing_and_sends_once(fresh_store):
    port = free_port()
    setup(fresh_store)
    sleeps: list[float] = []
    [down] = deliver_pending(fresh_store, senders(port), base_url=BASE, policy=FAST, sleep=sleeps.append)
    assert down.status == "retry" and "Connection refused" in down.error
    assert sleeps == [0.01, 0.02, 0.04]  # exponential backoff between the 4 attempts of this run
    assert status(fresh_store, "email") == [("retry", 4)]
    with SmtpSink(port) as smtp:
        [up] = deliver_pending(fresh_store, senders(port), base_url=BASE, policy=FAST)
    assert up.status == "delivered" and up.key == down.key and len(smtp.messages) == 1
    assert status(fresh_store, "email") == [("delivered", 5)]


def test_webhook_500_three_times_then_200_is_delivered_once_and_signed(fresh_store):
    with WebhookSink(fail_first=3) as hook:
        _, sub = setup(fresh_store, email=None, webhook=hook.url)
        hook.secret = sub.webhook_secret
        [result] = deliver_pending(fresh_store, senders(free_port()), base_url=BASE, policy=FAST, sleep=lambda s: None)
    assert result.status == "delivered" and result.attempts == 4
    assert len(hook.requests) == 4 and all(r["valid"] for r in hook.requests)
    assert len({r["headers"][DELIVERY_HEADER.lower()] for r in hook.requests}) == 1  # same key on every retry
    [accepted] = hook.accepted()
    payload = json.loads(accepted["body"])
    assert payload["event"] == "digest" and payload["delivery"] == result.key
    assert sorted(i["interest"] for i in payload["items"]) == ["coalition", "question", "tag"]
    assert status(fresh_store, "webhook") == [("delivered", 4)]


def test_a_wrong_secret_is_refused_by_the_receiver_and_retried(fresh_store):
    with WebhookSink(secret="not-the-secret") as hook:
        setup(fresh_store, email=None, webhook=hook.url)
        [result] = deliver_pending(
            fresh_store,
            {"webhook": WebhookSender(timeout=5)},
            base_url=BASE,
            policy=RetryPolicy(max_attempts=2, attempts_per_run=2, base_delay=0),
        )
    assert result.status == "failed" and "HTTP 401" in result.error
    assert hook.accepted() == [] and status(fresh_store, "webhook") == [("failed", 2)]


def test_one_failing_channel_does_not_block_the_other(fresh_store):
    with SmtpSink() as smtp:
        setup(fresh_store, webhook=f"http://127.0.0.1:{free_port()}/down")
        results = deliver_pending(fresh_store, senders(smtp.port), base_url=BASE, policy=FAST, sleep=lambda s: None)
    assert {r.channel: r.status for r in results} == {"email": "delivered", "webhook": "retry"}
    assert len(smtp.messages) == 1


def test_attempt_limit_gives_a_final_failed_state_then_requeue_delivers(fresh_store):
    port = free_port()
    setup(fresh_store)
    policy = RetryPolicy(max_attempts=3, attempts_per_run=2, base_delay=0)
    assert deliver_pending(fresh_store, senders(port), base_url=BASE, policy=policy)[0].status == "retry"
    assert deliver_pending(fresh_store, senders(port), base_url=BASE, policy=policy)[0].status == "failed"
    assert status(fresh_store, "email") == [("failed", 3)]
    assert deliver_pending(fresh_store, senders(port), base_url=BASE, policy=policy) == []  # final: not retried
    assert requeue_failed(fresh_store) == 3
    with SmtpSink(port) as smtp:
        assert deliver_pending(fresh_store, senders(port), base_url=BASE, policy=policy)[0].status == "delivered"
    assert len(smtp.messages) == 1


def test_removed_subscriber_gets_nothing_and_removed_channel_is_cancelled(fresh_store, tmp_path):
    with SmtpSink() as smtp:
        setup(fresh_store, webhook="http://127.0.0.1:9/unused")
        repo = SubscriberRepository(fresh_store)
        sub = repo.get("Tech Envoy")
        repo.add(type(sub)(name=sub.name, email=sub.email, interests=sub.interests), now="x", replace=True)
        results = deliver_pending(fresh_store, senders(smtp.port), base_url=BASE, policy=FAST)
        assert {r.channel: r.status for r in results} == {"email": "delivered", "webhook": "cancelled"}
        repo.remove("Tech Envoy")
        match_new_sessions(fresh_store, [second_session(fresh_store, tmp_path)])
        assert fresh_store._rows("SELECT count(*) FROM deliveries") == [(0,)]  # not only hidden from the log
    assert len(smtp.messages) == 1


CRASH = textwrap.dedent("""
    import os, sys
    from forumlens.route.channels import EmailSender, SmtpConfig, WebhookSender
    from forumlens.route.deliver import RetryPolicy, deliver_pending
    from forumlens.store.sqlite import SQLiteStore

    db, channel, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    real = EmailSender(SmtpConfig(host="127.0.0.1", port=port, mail_from="digest@forumlens.test"))
    if channel == "webhook":
        real = WebhookSender()

    def send_then_die(subscriber, digest, key):
        real(subscriber, digest, key)
        os._exit(9)  # killed after the send, before the outcome is logged

    deliver_pending(SQLiteStore(db), {channel: send_then_die}, base_url="https://x", policy=RetryPolicy())
""")


@pytest.mark.crash
@pytest.mark.parametrize("channel", ["email", "webhook"])
def test_kill_between_send_and_log_is_resent_with_the_same_key(tmp_path, channel):
    db = str(tmp_path / "crash.sqlite3")
    store = SQLiteStore(db)
    with SmtpSink() as smtp, WebhookSink() as hook:
        _, sub = setup(
            store,
            email="envoy@example.org" if channel == "email" else None,
            webhook=hook.url if channel == "webhook" else None,
        )
        hook.secret = sub.webhook_secret or ""
        done = subprocess.run(
            [sys.executable, "-c", CRASH, db, channel, str(smtp.port)],
            check=False,
            timeout=60,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 9, done.stderr
        assert status(store, channel) == [("sending", 1)]
        [again] = deliver_pending(store, senders(smtp.port), base_url=BASE, policy=FAST)
        assert again.status == "delivered"
        assert deliver_pending(store, senders(smtp.port), base_url=BASE, policy=FAST) == []
    store.close()
    if channel == "email":
        ids = [m["Message-ID"] for m in smtp.messages]
        assert len(ids) == 2 and len(set(ids)) == 1  # the receiver keeps one: same Message-ID
    else:
        assert len(hook.requests) == 2 and len(hook.accepted()) == 1
        assert hook.accepted()[0]["headers"][DELIVERY_HEADER.lower()] == again.key


def test_smtp_login_uses_the_configured_credentials(fresh_store):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    from .route_support import _Handler

    seen = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        seen.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"pw", handled=False)  # False: aiosmtpd answers 535

    handler, port = _Handler(), free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, authenticator=authenticator, auth_require_tls=False
    )
    controller.start()
    try:
        setup(fresh_store)
        good = EmailSender(SmtpConfig(host="127.0.0.1", port=port, user="fl", password="pw", timeout=5))
        bad = EmailSender(SmtpConfig(host="127.0.0.1", port=port, user="fl", password="nope", timeout=5))
        [refused] = deliver_pending(
            fresh_store, {"email": bad}, base_url=BASE, policy=RetryPolicy(attempts_per_run=1, base_delay=0)
        )
        [sent] = deliver_pending(fresh_store, {"email": good}, base_url=BASE, policy=FAST)
    finally:
        controller.stop()
    assert "refused the login" in refused.error and sent.status == "delivered"
    assert set(seen) == {(b"fl", b"nope"), (b"fl", b"pw")} and seen[-1] == (b"fl", b"pw")
    assert len(handler.messages) == 1


def test_now_is_used_for_the_log(fresh_store):
    with SmtpSink() as smtp:
        setup(fresh_store)
        fixed = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
        deliver_pending(fresh_store, senders(smtp.port), base_url=BASE, policy=FAST, now=lambda: fixed)
    assert {d.delivered_at for d in fresh_store.delivery_log()} == {"2030-01-02T03:04:05+00:00"}

"""Webhook signatures: HMAC-SHA256 over timestamp + body, refused when stale or tampered."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from forumlens.route.signing import (
    REPLAY_WINDOW,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    sign,
    signature,
    verify,
)

BODY = b'{"event":"digest","items":[]}'
SECRET = "s3cret"
T = 1_700_000_000


def test_signature_is_documented_hmac_of_timestamp_dot_body():
    expected = hmac.new(b"s3cret", b"1700000000." + BODY, hashlib.sha256).hexdigest()
    assert signature(BODY, SECRET, T) == "sha256=" + expected
    assert sign(BODY, SECRET, timestamp=T) == {TIMESTAMP_HEADER: "1700000000", SIGNATURE_HEADER: "sha256=" + expected}


@pytest.mark.parametrize(
    "body, secret, stamp, now, ok",
    [
        (BODY, SECRET, T, T, True),
        (BODY, SECRET, T, T + REPLAY_WINDOW, True),
        (BODY, SECRET, T, T + REPLAY_WINDOW + 1, False),  # replayed too late
        (BODY, SECRET, T, T - REPLAY_WINDOW - 1, False),  # from the future
        (BODY + b" ", SECRET, T, T, False),  # body changed
        (BODY, "other", T, T, False),  # wrong secret
    ],
)
def test_verify(body, secret, stamp, now, ok):
    headers = sign(BODY, SECRET, timestamp=T)
    timestamp = str(stamp) if stamp == T else headers[TIMESTAMP_HEADER]
    assert verify(body, secret, timestamp, headers[SIGNATURE_HEADER], now=now) is ok


@pytest.mark.parametrize("timestamp, signed", [(None, "sha256=x"), ("1700000000", None), ("soon", "sha256=x")])
def test_missing_or_malformed_headers_are_refused(timestamp, signed):
    assert verify(BODY, SECRET, timestamp, signed, now=T) is False


def test_a_changed_timestamp_breaks_the_signature():
    headers = sign(BODY, SECRET, timestamp=T)
    assert not verify(BODY, SECRET, str(T + 10), headers[SIGNATURE_HEADER], now=T + 10)

"""Webhook signatures: HMAC-SHA256 over `timestamp + "." + body`, with a replay window.

Signing the timestamp together with the exact body bytes lets a receiver check both
that forumlens sent the payload (it knows the subscriber's secret) and that it is
fresh (a captured request replayed later than `REPLAY_WINDOW` seconds is refused).
Receivers also deduplicate on `X-Forumlens-Delivery`, which is stable across retries.

    >>> headers = sign(b'{"a":1}', "s3cret", timestamp=1700000000)
    >>> verify(b'{"a":1}', "s3cret", headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER], now=1700000100)
    True
"""

from __future__ import annotations

import hashlib
import hmac

__all__ = [
    "DELIVERY_HEADER",
    "EVENT_HEADER",
    "REPLAY_WINDOW",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "sign",
    "signature",
    "verify",
]

SIGNATURE_HEADER = "X-Forumlens-Signature"
TIMESTAMP_HEADER = "X-Forumlens-Timestamp"
DELIVERY_HEADER = "X-Forumlens-Delivery"
EVENT_HEADER = "X-Forumlens-Event"
REPLAY_WINDOW = 300  # seconds either side of the receiver's clock


def signature(body: bytes, secret: str, timestamp: int | str) -> str:
    """`sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>." + body)."""
    message = str(int(timestamp)).encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign(body: bytes, secret: str, *, timestamp: int) -> dict[str, str]:
    """The timestamp and signature headers of one request."""
    return {TIMESTAMP_HEADER: str(int(timestamp)), SIGNATURE_HEADER: signature(body, secret, timestamp)}


def verify(
    body: bytes, secret: str, timestamp: str | None, signed: str | None, *, now: float, window: int = REPLAY_WINDOW
) -> bool:
    """Whether a received request is authentic and fresh (constant-time comparison)."""
    if not timestamp or not signed:
        return False
    try:
        stamp = int(timestamp)
    except ValueError:
        return False
    if abs(now - stamp) > window:
        return False
    return hmac.compare_digest(signature(body, secret, stamp), signed)

"""The push channels: e-mail over SMTP and signed webhooks over HTTP(S).

These are the only modules of `route` that do network I/O. Each sender takes a
subscriber, a digest and the delivery key and either returns or raises
`DeliveryError` with a one-line reason; driver exceptions (`smtplib`, `urllib`,
sockets) never escape. The delivery key travels with the message (the `Message-ID`
and `X-Forumlens-Delivery` headers) so a receiver can drop a retry it already has.
"""

from __future__ import annotations

import smtplib
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any, Protocol

from ..errors import DeliveryError
from .digest import json_body, render_html, render_json, render_text
from .models import Digest, Subscriber
from .signing import DELIVERY_HEADER, EVENT_HEADER, sign

__all__ = [
    "EmailSender",
    "Sender",
    "SmtpConfig",
    "WebhookSender",
    "build_email",
    "build_webhook_request",
    "senders_from_settings",
]


class Sender(Protocol):
    def __call__(self, subscriber: Subscriber, digest: Digest, key: str) -> None: ...


@dataclass(frozen=True)
class SmtpConfig:
    """SMTP connection settings (the `smtp_*` and `mail_from` settings)."""

    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    tls: bool = False  # STARTTLS; port 465 means implicit TLS instead
    mail_from: str = "forumlens@localhost"
    timeout: float = 30.0

    @classmethod
    def from_settings(cls, settings: Any) -> SmtpConfig:
        return cls(
            host=settings.smtp_host,
            port=int(settings.smtp_port),
            user=settings.smtp_user or "",
            password=settings.smtp_password or "",
            tls=bool(settings.smtp_tls),
            mail_from=settings.mail_from,
        )


def build_email(subscriber: Subscriber, digest: Digest, key: str, mail_from: str) -> EmailMessage:
    """The digest as a text + HTML e-mail whose Message-ID is derived from the delivery key."""
    message = EmailMessage()
    count = len(digest.items)
    message["Subject"] = f"forumlens: {count} new item{'s' if count != 1 else ''} for {subscriber.name}"
    message["From"] = mail_from
    message["To"] = subscriber.email or ""
    message["Date"] = formatdate(localtime=False, usegmt=True)
    domain = mail_from.rsplit("@", 1)[-1] if "@" in mail_from else "forumlens"
    message["Message-ID"] = f"<{key}@{domain}>" if key else make_msgid(domain=domain)
    message[DELIVERY_HEADER] = key
    message.set_content(render_text(digest))
    message.add_alternative(render_html(digest), subtype="html")
    return message


class EmailSender:
    """Sends digests through one SMTP server (a connection per digest: digests are few)."""

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        if c.port == 465:
            return smtplib.SMTP_SSL(c.host, c.port, timeout=c.timeout, context=ssl.create_default_context())
        client = smtplib.SMTP(c.host, c.port, timeout=c.timeout)
        if c.tls:
            client.starttls(context=ssl.create_default_context())
        return client

    def __call__(self, subscriber: Subscriber, digest: Digest, key: str) -> None:
        if not subscriber.email:
            raise DeliveryError(f"subscriber {subscriber.name!r} has no e-mail address")
        message = build_email(subscriber, digest, key, self.config.mail_from)
        where = f"smtp://{self.config.host}:{self.config.port}"
        try:
            with self._connect() as client:
                if self.config.user:
                    client.login(self.config.user, self.config.password)
                refused = client.send_message(message)
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(
                "the SMTP server refused the login",
                source=where,
                hint="check FORUMLENS_SMTP_USER and FORUMLENS_SMTP_PASSWORD",
            ) from exc
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(f"the SMTP server refused {subscriber.email}", source=where) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(
                f"cannot send e-mail: {exc or type(exc).__name__}",
                source=where,
                hint="check FORUMLENS_SMTP_HOST/PORT/TLS",
            ) from exc
        if refused:
            raise DeliveryError(f"the SMTP server refused {', '.join(refused)}", source=where)


def build_webhook_request(
    subscriber: Subscriber, digest: Digest, key: str, *, timestamp: int
) -> urllib.request.Request:
    """A signed POST of the JSON digest; headers documented in the README (Channels)."""
    body = json_body(render_json(digest, delivery=key))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "forumlens-webhook/1",
        DELIVERY_HEADER: key,
        EVENT_HEADER: "digest",
        **sign(body, subscriber.webhook_secret or "", timestamp=timestamp),
    }
    return urllib.request.Request(subscriber.webhook or "", data=body, headers=headers, method="POST")


class WebhookSender:
    """POSTs signed digests; any status other than 2xx is a failure to retry."""

    def __init__(self, timeout: float = 15.0, clock: Callable[[], float] = time.time) -> None:
        self.timeout = timeout
        self.clock = clock

    def __call__(self, subscriber: Subscriber, digest: Digest, key: str) -> None:
        if not subscriber.webhook:
            raise DeliveryError(f"subscriber {subscriber.name!r} has no webhook")
        request = build_webhook_request(subscriber, digest, key, timestamp=int(self.clock()))
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            raise DeliveryError(f"the webhook answered HTTP {exc.code}", source=subscriber.webhook) from exc
        except (TimeoutError, urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise DeliveryError(f"cannot reach the webhook: {reason}", source=subscriber.webhook) from exc
        if not 200 <= status < 300:
            raise DeliveryError(f"the webhook answered HTTP {status}", source=subscriber.webhook)


def senders_from_settings(settings: Any) -> dict[str, Sender]:
    return {"email": EmailSender(SmtpConfig.from_settings(settings)), "webhook": WebhookSender()}

"""route: institutions' interests → matches in new sessions → cited digests, delivered
by Atom feed, e-mail (SMTP) and signed webhooks, each item once per subscriber and channel.

    match_new_sessions(store, session_ids) -> list[Match]     # call after ingest
    run_digest(store, settings, since=...) -> DigestRun        # `forumlens digest`
    SubscriberRepository(store)                                # subscriber CRUD
    subscriber_feed(store, subscriber, base_url=..., now=...)  # Atom XML

`forumlens.route.api` holds the FastAPI router (imported only by the web app).

The names are imported on first use (PEP 562): importing one submodule, as the
`digest` and `subscribers` commands do, must not import matching, the coalition
registry and rapidfuzz with it (issue 19: `forumlens CMD --help` stays short).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports  # the one PEP 562 loader (forumlens/__init__.py)

# public name → submodule that defines it
_PUBLIC = {
    "DeliveryResult": ".deliver",
    "Digest": ".models",
    "DigestItem": ".models",
    "DigestRun": ".service",
    "EmailSender": ".channels",
    "Interests": ".models",
    "Match": ".models",
    "RetryPolicy": ".deliver",
    "SessionFacts": ".matching",
    "SmtpConfig": ".channels",
    "Subscriber": ".models",
    "SubscriberRepository": ".repository",
    "WebhookSender": ".channels",
    "add_subscriber": ".service",
    "batch_key": ".deliver",
    "build_digest": ".digest",
    "deliver_pending": ".deliver",
    "feed_url": ".atom",
    "import_subscribers": ".service",
    "load_facts": ".matching",
    "match_new_sessions": ".matching",
    "match_session": ".matching",
    "match_sessions": ".matching",
    "parse_duration": ".service",
    "render_feed": ".atom",
    "render_html": ".digest",
    "render_json": ".digest",
    "render_text": ".digest",
    "requeue_failed": ".deliver",
    "run_digest": ".service",
    "sign": ".signing",
    "subscriber_feed": ".atom",
    "verify": ".signing",
}

__all__ = [
    "DeliveryResult",
    "Digest",
    "DigestItem",
    "DigestRun",
    "EmailSender",
    "Interests",
    "Match",
    "RetryPolicy",
    "SessionFacts",
    "SmtpConfig",
    "Subscriber",
    "SubscriberRepository",
    "WebhookSender",
    "add_subscriber",
    "batch_key",
    "build_digest",
    "deliver_pending",
    "feed_url",
    "import_subscribers",
    "load_facts",
    "match_new_sessions",
    "match_session",
    "match_sessions",
    "parse_duration",
    "render_feed",
    "render_html",
    "render_json",
    "render_text",
    "requeue_failed",
    "run_digest",
    "sign",
    "subscriber_feed",
    "verify",
]

if TYPE_CHECKING:
    from .atom import feed_url, render_feed, subscriber_feed
    from .channels import EmailSender, SmtpConfig, WebhookSender
    from .deliver import DeliveryResult, RetryPolicy, batch_key, deliver_pending, requeue_failed
    from .digest import build_digest, render_html, render_json, render_text
    from .matching import SessionFacts, load_facts, match_new_sessions, match_session, match_sessions
    from .models import Digest, DigestItem, Interests, Match, Subscriber
    from .repository import SubscriberRepository
    from .service import DigestRun, add_subscriber, import_subscribers, parse_duration, run_digest
    from .signing import sign, verify


__getattr__, __dir__ = _lazy_exports(__name__, _PUBLIC, globals())

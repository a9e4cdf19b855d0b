"""`forumlens digest` (match new sessions, then deliver) and `forumlens deliver` (retry only)."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from ..cli_support import db_option, open_ctx_store, settings_of

# `forumlens.route` is imported where it is used: its delivery module imports matching and
# the coalition registry, which `forumlens digest --help` must not pay for (issue 19).
if TYPE_CHECKING:
    from ..route.deliver import DeliveryResult, RetryPolicy
    from ..route.models import Subscriber
    from ..route.service import DigestRun

__all__ = ["COMMANDS", "RETRY_DEFAULTS", "deliver", "digest", "format_results", "format_run", "unsent_note"]

# `RetryPolicy()`'s max_attempts and base_delay, shown as the options' defaults; kept here so
# the help needs no import of route.deliver. tests/test_cli_help_imports.py keeps them equal.
RETRY_DEFAULTS = {"max_attempts": 8, "base_delay": 2.0}


def format_results(results: list[DeliveryResult]) -> str:
    lines = []
    for r in results:
        count = f"{len(r.items)} item{'s' if len(r.items) != 1 else ''}"
        error = f": {r.error}" if r.error and r.status != "delivered" else ""
        lines.append(
            f"{r.subscriber} · {r.channel} · {count} · {r.status} (attempt {r.attempts}){error}"
            if r.status != "cancelled"
            else f"{r.subscriber} · {r.channel} · {count} · cancelled{error}"
        )
    return "\n".join(lines) or "nothing to deliver"


NO_SUBSCRIBERS = (
    "no subscribers yet, so nothing can match: add one with "
    "`forumlens subscribers add NAME --email ADDR --coalition DC-PAL` (or --feed, --webhook URL)"
)


def unsent_note(run: DigestRun, subscribers: list[Subscriber]) -> str | None:
    """Why new matches were not sent, for the subscribers matched who have no e-mail or webhook:
    a feed serves them when it is read, a subscriber without a channel gets nothing. Without it
    "12 new matches" above "nothing to deliver" reads as a fault."""
    matched = {m.subscriber_id for m in run.matches}
    unsent = [s for s in subscribers if s.id in matched and not s.email and not s.webhook]
    fed = [s.name for s in unsent if s.feed_token]
    silent = [s.name for s in unsent if not s.feed_token]
    parts = []
    if fed:
        parts.append(f"{_names(fed)}: matches are read from the Atom feed (`forumlens subscribers feed NAME`)")
    if silent:
        parts.append(
            f"{_names(silent)}: no channel, so nothing is sent (remove and add again with --email, --webhook"
            " or --feed, or update with `forumlens subscribers import`)"
        )
    return "; ".join(parts) or None


def _names(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def format_run(run: DigestRun) -> str:
    head = (
        f"{len(run.sessions)} session{'s' if len(run.sessions) != 1 else ''} in the window,"
        f" {len(run.matches)} new match{'es' if len(run.matches) != 1 else ''}"
    )
    if not run.dry_run:
        if not run.matches and any(r.items for r in run.results):
            # ingest matches its sessions to subscribers as it stores them, so a digest run right
            # after it finds nothing new yet has items to send: "0 new matches" then "4 items
            # delivered" read as a contradiction without this
            head += " (the items below were matched earlier, when their sessions were ingested)"
        return head + "\n" + format_results(run.results)
    from ..route.digest import render_text

    parts = [head + " (dry run: nothing recorded or sent)"]
    for preview in run.previews:  # the new matches as the digest will show them: titles, not bare ids
        parts.append(f"--- {preview.subscriber} · new matches ---\n{render_text(preview)}")
    for r in run.results:
        if r.digest is not None:
            parts.append(f"--- {r.subscriber} · {r.channel} ---\n{render_text(r.digest)}")
    return "\n".join(parts)


def _policy(max_attempts: int, backoff: float) -> RetryPolicy:
    from ..route.deliver import RetryPolicy

    return RetryPolicy(max_attempts=max_attempts, base_delay=backoff)


# The retry options of `digest` and `deliver`, declared once so both commands explain them the same way.
max_attempts_option = click.option(
    "--max-attempts",
    type=click.IntRange(min=1),
    default=RETRY_DEFAULTS["max_attempts"],
    show_default=True,
    help="Attempts per item and channel before it is marked failed.",
)
backoff_option = click.option(
    "--backoff",
    type=click.FloatRange(min=0),
    default=RETRY_DEFAULTS["base_delay"],
    show_default=True,
    help="First retry delay in seconds (doubles each retry).",
)


@click.command()
@click.option(
    "--since",
    default="7d",
    show_default=True,
    metavar="DURATION",
    help="Match sessions ingested within this window (30m, 12h, 7d, 2w).",
)
@click.option("--subscriber", metavar="NAME", help="Only this subscriber.")
@click.option("--dry-run", is_flag=True, help="Show what would be matched and sent; change nothing.")
@click.option("--every", metavar="INTERVAL", help="Keep running: repeat every INTERVAL (hourly, daily, weekly, 6h).")
@max_attempts_option
@backoff_option
@click.option("--json", "as_json", is_flag=True, help="Print matches and delivery outcomes as JSON.")
@db_option
@click.pass_context
def digest(
    ctx: click.Context,
    since: str,
    subscriber: str | None,
    dry_run: bool,
    every: str | None,
    max_attempts: int,
    backoff: float,
    as_json: bool,
    db: str | None,
) -> None:
    """Match newly ingested sessions to subscribers and deliver their digests.

    Each item reaches each subscriber once per channel (e-mail, webhook); failed
    deliveries are retried with backoff, here and on later runs. Exits 1 if any
    delivery is still pending or failed.

    \b
    Example (or run it from cron / a systemd timer, see the README):
      forumlens digest --since 7d
      forumlens digest --every weekly
    """
    from ..route.service import parse_duration, run_digest

    settings = settings_of(ctx)
    window = parse_duration(since)
    interval = parse_duration(every) if every else None
    from ..route.repository import SubscriberRepository

    while True:
        with open_ctx_store(ctx, db, create=False) as store:
            run = run_digest(
                store,
                settings,
                since=window,
                subscriber=subscriber,
                dry_run=dry_run,
                policy=_policy(max_attempts, backoff),
            )
            everyone = SubscriberRepository(store).all()
        click.echo(json.dumps(run.to_json(), ensure_ascii=False, indent=1) if as_json else format_run(run))
        if not run.matches and not everyone and not as_json:  # "0 new matches" with nobody to match is said
            click.echo(f"note: {NO_SUBSCRIBERS}", err=True)
        unsent = None if as_json or dry_run else unsent_note(run, everyone)
        if unsent:
            click.echo(f"note: {unsent}", err=True)
        if interval is None:
            if not run.ok:
                ctx.exit(1)
            return
        next_run = datetime.now(UTC) + interval
        click.echo(f"next run at {next_run.isoformat(timespec='seconds')}", err=True)
        time.sleep(interval.total_seconds())


@click.command()
@click.option("--subscriber", metavar="NAME", help="Only this subscriber.")
@click.option("--retry-failed", is_flag=True, help="Give deliveries marked failed a fresh set of attempts first.")
@max_attempts_option
@backoff_option
@click.option("--json", "as_json", is_flag=True, help="Print delivery outcomes as JSON.")
@db_option
@click.pass_context
def deliver(
    ctx: click.Context,
    subscriber: str | None,
    retry_failed: bool,
    max_attempts: int,
    backoff: float,
    as_json: bool,
    db: str | None,
) -> None:
    """Deliver what is queued (retries included) without matching new sessions.

    Exits 1 if any delivery is still pending or failed.

    \b
    Examples:
      forumlens deliver
      forumlens deliver --subscriber "Tech Envoy" --retry-failed
    """
    from ..route.channels import senders_from_settings
    from ..route.deliver import deliver_pending, requeue_failed

    settings = settings_of(ctx)
    with open_ctx_store(ctx, db, create=False) as store:
        if retry_failed:
            requeue_failed(store, subscriber)
        results = deliver_pending(
            store,
            senders_from_settings(settings),
            base_url=settings.public_url,
            subscriber=subscriber,
            policy=_policy(max_attempts, backoff),
        )
    if as_json:
        click.echo(json.dumps({"deliveries": [r.to_json() for r in results]}, ensure_ascii=False, indent=1))
    else:
        click.echo(format_results(results))
    if any(r.status in ("retry", "failed") for r in results):
        ctx.exit(1)


COMMANDS = [digest, deliver]

"""`forumlens subscribers add|list|show|remove|import|feed`: who gets which updates.

The `add` line is a contract that outside checks use (issue 7):

    forumlens subscribers add NAME [--email ADDR] [--webhook URL] [--feed]
        [--coalition NAME]... [--tag CODE]... [--person NAME]... [--query TEXT]...
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..cli_support import db_option, discard_store_file, new_store_file, open_ctx_store, read_input, settings_of
from ..errors import ConfigError

# `forumlens.route` is imported where it is used: the store, matching and the coalition
# registry come with it, which `forumlens subscribers --help` must not pay for (issue 19).
if TYPE_CHECKING:
    from ..route.models import Subscriber

__all__ = ["COMMANDS", "format_subscriber", "format_subscriber_list", "subscriber_json", "subscribers"]


def format_subscriber(
    sub: Subscriber, base_url: str, *, secrets: bool = True, log: list[dict[str, Any]] | None = None
) -> str:
    """Human summary of one subscriber: channels (with feed URL / secret), interests, log."""
    from ..route.atom import feed_url

    out = [sub.name]
    if sub.email:
        out.append(f"  e-mail:   {sub.email}")
    if sub.webhook:
        out.append(f"  webhook:  {sub.webhook}")
        if secrets:
            out.append(f"  webhook secret: {sub.webhook_secret}")
    if sub.feed_token:
        out.append(f"  feed:     {feed_url(base_url, sub.feed_token) if secrets else '(secret URL)'}")
    if not sub.channels:
        out.append("  (no channel: add --email, --webhook or --feed)")
    for field, values in sub.interests.to_json().items():
        if values:
            out.append(f"  {field.replace('_', ' ')}: " + "; ".join(values))
    if sub.interests.empty:
        out.append("  (no interests: nothing will match)")
    if log:
        out.append("  deliveries:")
        for row in log[-20:]:
            error = f" — {row['last_error']}" if row["last_error"] and row["status"] != "delivered" else ""
            out.append(f"    {row['channel']:<8} {row['status']:<10} x{row['attempts']} {row['item']}{error}")
    return "\n".join(out)


def subscriber_json(sub: Subscriber, base_url: str) -> dict[str, Any]:
    """A subscriber as `add --json` and `show --json` print it: its secrets, and the feed's URL
    when it has a feed (the URL is the secret a reader pastes into a feed reader)."""
    from ..route.atom import feed_url

    data = sub.to_json(secrets=True)
    if sub.feed_token:
        data["feed_url"] = feed_url(base_url, sub.feed_token)
    return data


def format_subscriber_list(subs: list[Subscriber]) -> str:
    if not subs:
        return "no subscribers (add one with `forumlens subscribers add NAME --email ADDR --tag SDG9`)"
    width = max(len(s.name) for s in subs)
    lines = []
    for s in subs:
        interests = sum(len(v) for v in s.interests.to_json().values())
        lines.append(
            f"{s.name:<{width}}  {','.join(s.channels) or '-':<18} {interests} interest{'s' if interests != 1 else ''}"
        )
    return "\n".join(lines)


@click.group()
def subscribers() -> None:
    """Manage who receives digests: institutions or people, their interests and channels.

    \b
    Examples:
      forumlens subscribers add "Tech Envoy" --email envoy@example.org --coalition DC-PAL
      forumlens subscribers list
    """


@subscribers.command("add")
@click.argument("name")
@click.option("--email", metavar="ADDR", help="Send digests by e-mail (SMTP settings: FORUMLENS_SMTP_*).")
@click.option("--webhook", metavar="URL", help="POST signed JSON digests to this http(s) URL.")
@click.option("--feed", is_flag=True, help="Give the subscriber a secret Atom feed URL.")
@click.option(
    "--coalition",
    "coalitions",
    multiple=True,
    metavar="NAME",
    help="A Dynamic Coalition (name or acronym); repeatable.",
)
@click.option("--tag", "tags", multiple=True, metavar="CODE", help="A tag code: SDG9, GDC3, an issue area; repeatable.")
@click.option("--person", "people", multiple=True, metavar="NAME", help="A speaker; repeatable.")
@click.option("--query", "queries", multiple=True, metavar="TEXT", help="A saved search (search syntax); repeatable.")
@click.option(
    "--questions-to",
    "questions_to",
    multiple=True,
    metavar="COALITION",
    help="Questions addressed to this coalition; repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the subscriber (with its secrets) as JSON.")
@db_option
@click.pass_context
def add(
    ctx: click.Context,
    name: str,
    email: str | None,
    webhook: str | None,
    feed: bool,
    coalitions: tuple[str, ...],
    tags: tuple[str, ...],
    people: tuple[str, ...],
    queries: tuple[str, ...],
    questions_to: tuple[str, ...],
    as_json: bool,
    db: str | None,
) -> None:
    """Add a subscriber with its channels and interests.

    \b
    Example:
      forumlens subscribers add "Tech Envoy" --email envoy@example.org --feed \\
          --coalition DC-CIV --tag SDG9 --query '"net neutrality"'
    """
    from ..route.models import Interests, Subscriber
    from ..route.repository import validate_subscriber
    from ..route.service import add_subscriber

    interests = {
        "coalitions": coalitions,
        "tags": tags,
        "people": people,
        "queries": queries,
        "questions_to": questions_to,
    }
    # a mistyped address is refused before a store is created for it
    validate_subscriber(
        Subscriber(name=name, email=email or None, webhook=webhook or None, interests=Interests.from_json(interests))
    )
    new_store_file(ctx, db)
    with open_ctx_store(ctx, db) as store:
        sub = add_subscriber(store, name, email=email, webhook=webhook, feed=feed, interests=interests)
        typed_names = [("--coalition", c) for c in coalitions] + [("--questions-to", c) for c in questions_to]
        for option, typed in dict.fromkeys(typed_names):
            warning = _unknown_coalition(store, option, typed)
            if warning:
                click.echo(f"warning: {warning}", err=True)
        for typed in dict.fromkeys(tags):
            warning = unknown_tag(typed)
            if warning:
                click.echo(f"warning: {warning}", err=True)
    base_url = settings_of(ctx).public_url
    if as_json:
        click.echo(json.dumps(subscriber_json(sub, base_url), ensure_ascii=False, indent=1))
        return
    click.echo("added " + format_subscriber(sub, base_url))


def _unknown_coalition(store: Any, option: str, typed: str) -> str | None:
    """Why a coalition interest may never match (a typo, usually), or None when it names a known one.

    The interest is kept as typed (a coalition that is not in the registry yet still matches
    the sessions where its name appears), but a name neither the registry nor any stored
    session knows is said at once, with the nearest names (stored ones first, as `threads
    --coalition` names them), instead of a digest that stays empty. A stored coalition typed as
    `forumlens coalitions` lists it, or in part ("Open Water Data"), is known: matching reads it so.
    """
    from ..coalition_filter import pick_coalition
    from ..resolve.coalition_names import UnknownCoalition, nearest_coalitions

    try:  # the registry's coalitions, and the store's as `coalitions` lists them, whole or in part
        pick_coalition(typed, store.coalition_names())
        return None
    except UnknownCoalition as exc:  # its hint names the nearest stored names, when any is close
        stored = (exc.hint or "").removeprefix("did you mean ").split("? ", 1)[0] if exc.hint else ""
        nearest = [stored] if (exc.hint or "").startswith("did you mean") else nearest_coalitions(typed)
    except ConfigError:  # fits several coalitions: matching takes each of their names
        return None
    also = f" (nearest: {', '.join(nearest)})" if nearest else ""
    return (
        f"{option} {typed!r}: no Dynamic Coalition is called that{also}; "
        "kept as typed, it matches only sessions where that name appears"
    )


def unknown_tag(typed: str) -> str | None:
    """Why a tag interest can never match (a typo, usually: `SGD9`, `GDC-9`), or None for a code of a scheme.

    Tags are only ever given from the shipped schemes (SDG, IGF issue areas, GDC), so a code none
    of them holds would leave the subscriber's digest empty for ever without a word; it is kept
    (as a coalition not on record is) but said at once, with the nearest codes.
    """
    import difflib

    from ..route.matching import tag_key
    from ..tag.taxonomy import SCHEMES, load_taxonomy

    codes = {tag_key(code): code for scheme in SCHEMES for code in load_taxonomy(scheme).codes}
    if tag_key(typed) in codes:
        return None
    nearest = [codes[k] for k in difflib.get_close_matches(tag_key(typed), list(codes), n=3, cutoff=0.6)]
    also = f" (nearest: {', '.join(nearest)})" if nearest else ""
    return (
        f"--tag {typed!r}: no SDG, IGF issue-area or GDC code is called that{also}; "
        "kept as typed, it will match nothing "
        "(codes look like SDG9, GDC3, IGF2024-GOVERNANCE; the portal's /topics lists them)"
    )


@subscribers.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (without secrets).")
@db_option
@click.pass_context
def list_(ctx: click.Context, as_json: bool, db: str | None) -> None:
    """List subscribers, their channels and how many interests each follows.

    \b
    Example:
      forumlens subscribers list --json
    """
    from ..route.repository import SubscriberRepository

    with open_ctx_store(ctx, db, readonly=True) as store:
        subs = SubscriberRepository(store).all()
    if as_json:
        click.echo(json.dumps({"subscribers": [s.to_json() for s in subs]}, ensure_ascii=False, indent=1))
    else:
        click.echo(format_subscriber_list(subs))


@subscribers.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON, with secrets and the delivery log.")
@db_option
@click.pass_context
def show(ctx: click.Context, name: str, as_json: bool, db: str | None) -> None:
    """Show one subscriber: channels, secrets, interests and its delivery log.

    \b
    Example:
      forumlens subscribers show "Tech Envoy"
    """
    from ..route.repository import SubscriberRepository

    with open_ctx_store(ctx, db, readonly=True) as store:
        repo = SubscriberRepository(store)
        sub = repo.get(name)
        log = repo.deliveries(sub.id)
        matches = repo.matches(sub.id or 0, limit=50)
    base_url = settings_of(ctx).public_url
    if as_json:
        data = subscriber_json(sub, base_url)
        data["matches"] = [{**m.to_json(), "matched_at": t} for m, t in matches]
        data["deliveries"] = log
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        click.echo(format_subscriber(sub, base_url, log=log))


@subscribers.command("remove")
@click.argument("name")
@db_option
@click.pass_context
def remove(ctx: click.Context, name: str, db: str | None) -> None:
    """Remove a subscriber, its matches and its delivery log; nothing more is sent to it.

    \b
    Example:
      forumlens subscribers remove "Tech Envoy"
    """
    from ..route.repository import SubscriberRepository

    with open_ctx_store(ctx, db, create=False) as store:  # nothing to remove from a store that is not there
        sub = SubscriberRepository(store).remove(name)
    click.echo(f"removed {sub.name}")


@subscribers.command("import")
@click.argument("file", type=click.Path(path_type=Path))  # a missing file or a folder: read_input says so
@db_option
@click.pass_context
def import_(ctx: click.Context, file: Path, db: str | None) -> None:
    """Add or update subscribers from a TOML (or YAML) file; see the README for its shape.

    Existing subscribers (same name) are updated and keep their feed URL and webhook
    secret. The whole file is checked before anything is stored.

    \b
    Example:
      forumlens subscribers import subscribers.toml
    """
    from ..route.service import import_subscribers

    wanted = "give a .toml or .yaml subscriber file, shaped as the README's Channels section shows"
    data = read_input(file, hint=wanted, folder_hint=wanted)  # read before a store is made for it
    created = new_store_file(ctx, db)
    try:
        with open_ctx_store(ctx, db) as store:
            subs = import_subscribers(store, file, data=data)
    except Exception:
        if created is not None:  # a refused file leaves no empty store behind
            discard_store_file(created)
        raise
    click.echo(f"imported {len(subs)} subscriber{'s' if len(subs) != 1 else ''}: " + ", ".join(s.name for s in subs))


@subscribers.command("feed")
@click.argument("name")
@db_option
@click.pass_context
def feed(ctx: click.Context, name: str, db: str | None) -> None:
    """Print a subscriber's Atom feed (to publish it as a static file, for instance).

    \b
    Example:
      forumlens subscribers feed "Tech Envoy" > /var/www/feeds/tech-envoy.atom
    """
    from ..route.atom import subscriber_feed
    from ..route.repository import SubscriberRepository

    with open_ctx_store(ctx, db, readonly=True) as store:
        sub = SubscriberRepository(store).get(name)
        if not sub.feed_token:
            raise ConfigError(f"{sub.name!r} has no feed", hint="re-import it with feed = true")
        xml = subscriber_feed(
            store, sub, base_url=settings_of(ctx).public_url, now=datetime.now(UTC).isoformat(timespec="seconds")
        )
    click.echo(xml, nl=False)


COMMANDS = [subscribers]

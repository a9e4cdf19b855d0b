"""`forumlens fetch igf --year Y`: a year of transcripts from the IGF website into the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..cli_support import (
    YEAR_BOUND,
    announce_new_store,
    db_option,
    discard_store_file,
    new_store_file,
    open_ctx_store,
    settings_of,
)

# The fetcher (httpx), the site's page shapes (bs4) and the ingest pipeline are imported
# when the command runs: `forumlens fetch igf --help` must not pay for them (issue 19).
if TYPE_CHECKING:
    from ..models import IngestOutcome
    from ..store import Store

# `forumlens.fetch.igf_site`'s SITE and KINDS, which the options show; kept here so the help
# needs no import of bs4 and the readers. tests/test_cli_help_imports.py keeps them equal.
SITE = "https://www.intgovforum.org"
KINDS = ("transcripts", "reports")


def fetch_options(func: Any) -> Any:
    """The manners and limits of a fetch, shared by every site command."""
    options = [
        click.option(
            "--cache",
            "cache_dir",
            type=click.Path(path_type=Path, file_okay=False),
            default=None,
            help="HTTP cache folder (default: forumlens/http in your user cache directory).",
        ),
        click.option(
            "--delay",
            type=click.FloatRange(0, 600),
            default=1.0,
            show_default=True,
            help="Seconds between two requests to the site (robots.txt Crawl-delay can raise it).",
        ),
        click.option(
            "--timeout", type=click.FloatRange(0.1, 600), default=30.0, show_default=True, help="Seconds per page."
        ),
        click.option(
            "--retries", type=click.IntRange(0, 10), default=3, show_default=True, help="Retries on 5xx and timeouts."
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group()
def fetch() -> None:
    """Fetch transcripts from the web into the store (politely: robots.txt, a rate limit, a cache).

    \b
    Example:
      forumlens fetch igf --year 2021 --limit 20
    """


@fetch.command("igf")
@click.option("--year", type=YEAR_BOUND, required=True, help="IGF year (2006 on).")
@click.option(
    "--type", "kind", type=click.Choice(KINDS), default="transcripts", show_default=True, help="Which listing to walk."
)
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many pages.")
@click.option("--listing", metavar="URL", help="Walk this listing page instead of the year's usual one.")
@click.option("--base", metavar="URL", default=SITE, show_default=True, help="The site (a mirror, say).")
@click.option("--force", is_flag=True, help="Re-ingest pages whose content is already stored.")
@click.option(
    "--no-analysis", "no_analysis", is_flag=True, help="Store turns only; `forumlens analyse --missing` later."
)
@click.option("--json", "as_json", is_flag=True, help="Print the outcomes and HTTP figures as JSON.")
@fetch_options
@db_option
@click.pass_context
def igf(
    ctx: click.Context,
    year: int,
    kind: str,
    limit: int | None,
    listing: str | None,
    base: str,
    force: bool,
    no_analysis: bool,
    as_json: bool,
    cache_dir: Path | None,
    delay: float,
    timeout: float,
    retries: int,
    db: str | None,
) -> None:
    """Walk the IGF site's listing of a year and ingest every transcript page on it.

    Pages that are not transcripts are skipped with the reason; missing, moved, slow and
    oversized pages are reported and do not stop the run. Run it again to resume: pages
    already downloaded come from the cache (asked about with conditional requests), pages
    already stored are skipped. Exits 1 if any page failed.

    \b
    Example:
      forumlens fetch igf --year 2021 --limit 20
      forumlens fetch igf --year 2019 --listing https://www.intgovforum.org/multilingual/igf-2019-transcripts
    """
    from ..fetch.cache import HttpCache, default_cache_dir
    from ..fetch.http import Fetcher, FetchPolicy
    from ..fetch.igf_site import listing_url
    from ..fetch.run import fetch_igf
    from ..format import format_outcomes
    from ..ingest import IngestOptions

    start = listing or listing_url(year, kind, base)
    settings = settings_of(ctx)
    options = IngestOptions.from_settings(settings, force=force, analyse=not no_analysis)
    policy = FetchPolicy(
        timeout=timeout, retries=retries, delay=delay, max_bytes=int(settings.max_input_mb * 1_000_000)
    )
    cache = HttpCache(cache_dir or default_cache_dir())
    # the new store is said when its first page is stored, not before the first request: a run
    # that stores nothing (offline, every page failed) removes the file again, unsaid
    created = new_store_file(ctx, db, announce=False)
    store = open_ctx_store(ctx, db)
    show_bar = sys.stderr.isatty() and not as_json
    progress = _Progress(show_bar, new_store=created)
    try:
        with Fetcher(policy, cache) as fetcher:
            report = fetch_igf(
                store,
                fetcher,
                start,
                kind=kind,
                limit=limit,
                options=options,
                on_links=progress.start,
                on_page=progress.step,
                on_warning=lambda message: click.echo(f"warning: {message}", err=True),
            )
            summary = report.to_json(fetcher)
    finally:
        progress.finish()
        empty = created is not None and _holds_nothing(store)
        store.close()
        if empty and created is not None:  # offline, or every page failed: leave no empty store behind
            discard_store_file(created)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        click.echo(format_outcomes(report.outcomes))
        if empty:  # as `ingest` says it
            click.echo(f"note: nothing was stored, so no store was created at {created}", err=True)
        http = summary["http"]
        click.echo(
            f"{len(report.outcomes)} pages from {start}: {http['downloads']} downloaded, "
            f"{http['not_modified']} unchanged, {http['cache_hits']} from the cache, {http['requests']} requests"
        )
        for note in report.notes:
            click.echo(f"note: {note}", err=True)
    if any(o.status == "failed" for o in report.outcomes):
        ctx.exit(1)


def _holds_nothing(store: Store) -> bool:
    """True when the store has no row at all (a run that could store nothing); False if it cannot say."""
    try:
        return not any(store.counts().values())
    except Exception:  # a store that failed mid-run is kept for `forumlens check`
        return False


class _Progress:
    """A progress bar on a terminal once the number of pages is known (silent otherwise), and the
    note on the new store the first stored page goes into."""

    def __init__(self, enabled: bool, new_store: Path | None = None) -> None:
        self.enabled = enabled
        self._bar: Any = None
        self._new_store = new_store  # said once, with the first page stored in it

    def start(self, links: list[str]) -> None:
        if self.enabled and links:
            self._bar = click.progressbar(
                length=len(links),
                label="Fetching",
                file=sys.stderr,
                show_pos=True,
                item_show_func=lambda o: o.path[-50:] if o else "",
            )
            self._bar.__enter__()

    def step(self, outcome: IngestOutcome) -> None:
        if self._new_store is not None and outcome.status == "ingested":
            announce_new_store(self._new_store, below_bar=self._bar is not None)
            self._new_store = None
        if self._bar is not None:
            self._bar.update(1, outcome)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


COMMANDS = [fetch]

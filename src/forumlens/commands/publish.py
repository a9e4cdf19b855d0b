"""`forumlens publish DIR`: the record as a static site (needs the `web` extra).

The pages are the portal's own, rendered in-process, so the web stack is imported only
when the command runs; without the extra the command says exactly what to install.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..cli_support import YEAR_BOUND, db_option, out_folder, read_input, settings_of
from ..errors import ConfigError

if TYPE_CHECKING:
    from ..publish.site import PublishResult

__all__ = ["COMMANDS", "format_result", "publish"]

PROGRESS_SECONDS = 1.0  # at most one progress line a second


def _publisher() -> tuple[Any, Any]:
    """`publish_site` and its options, or a clear error when the web extra is not installed."""
    try:
        from ..publish.site import PublishOptions, publish_site
    except ImportError as exc:
        raise ConfigError(
            f"publishing needs the web extra ({(exc.name or 'a package').split('.')[0]} is missing): "
            "the pages are the portal's own",
            hint="pip install 'forumlens[web]'",
        ) from exc
    return publish_site, PublishOptions


def _read_topics(path: Path | None) -> list[str]:
    """Saved topics from a file: one a line, blank lines and `#` comments skipped."""
    if path is None:
        return []
    wanted = "give --briefs-from a file of topics, one a line"
    data = read_input(path, hint=wanted, folder_hint=wanted)  # a missing file or a folder, said in words
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise ConfigError(
            "cannot read the topics file: it is not UTF-8 text", source=str(path), hint="one topic a line, UTF-8"
        ) from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _check_base_url(value: str | None) -> str | None:
    if value is None:
        return None
    if not value.startswith(("http://", "https://")):
        raise ConfigError(f"--base-url {value!r} is not an http(s) address", hint="e.g. https://example.org/igf-record")
    return value


class _Progress:
    """`pages N/M` on stderr, at most once a second and only for runs long enough to need it."""

    def __init__(self) -> None:
        self.last = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last >= PROGRESS_SECONDS or (self.shown and done == total):
            self.last, self.shown = now, True
            end = "\n" if done == total or not sys.stderr.isatty() else "\r"
            click.echo(f"pages {done}/{total}", err=True, nl=False)
            click.echo(end, err=True, nl=False)


def format_result(result: PublishResult) -> str:
    """The summary line: what was written, how big, how fast."""
    from ..format import counted

    c = result.counts
    rate = result.pages / result.seconds if result.seconds else 0.0
    parts = ", ".join(
        counted(c.get(key, 0), noun, plural)
        for key, noun, plural in (
            ("sessions", "session", None),
            ("people", "person", "people"),
            ("coalitions", "coalition", None),
            ("topics", "topic", None),
            ("threads", "thread", None),
            ("briefs", "brief", None),
        )
    )
    return (
        f"published {counted(result.pages, 'page')} ({parts}) "
        f"and a search index of {counted(result.index.turns, 'turn')} to {result.folder}: "
        f"{counted(result.files, 'file')}, {result.bytes / 1e6:.1f} MB in {result.seconds:.1f} s ({rate:.0f} pages/s)"
    )


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), callback=out_folder)
@click.option(
    "--brief",
    "briefs",
    multiple=True,
    metavar="TOPIC",
    help="A saved topic: publish its cited brief (repeatable).",
)
@click.option(
    "--briefs-from",
    type=click.Path(path_type=Path),
    default=None,
    help="A file of saved topics, one a line (# comments).",
)
@click.option(
    "--year",
    "record_year",
    type=YEAR_BOUND,
    default=None,
    help="IGF year of the coalition record (default: this year).",
)
@click.option(
    "--threads/--no-threads",
    default=True,
    show_default=True,
    help="Publish the thread pages and the coalition pages' thread sections (--no-threads: leave them out).",
)
@click.option("--base-url", default=None, metavar="URL", help="Where the site will be served, for canonical links.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@db_option
@click.pass_context
def publish(
    ctx: click.Context,
    folder: Path,
    briefs: tuple[str, ...],
    briefs_from: Path | None,
    record_year: int | None,
    threads: bool,
    base_url: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Publish the record as a static site in FOLDER: pages, line anchors, client-side search.

    The portal's public pages (home, sessions with line anchors, people, coalitions,
    topics, glossary, graph, the coalition record, briefs on saved topics, threads unless
    --no-threads) are written as HTML with relative links, with a search that runs in the
    browser over an index published alongside. Host FOLDER on any web server, or open FOLDER/index.html
    from disk. The site is built next to FOLDER and moved into place when complete, so
    a failed publish leaves the previous site as it was.

    \b
    Examples:
      forumlens publish site/ --db igf.sqlite3
      forumlens publish /var/www/igf --brief "meaningful access" --base-url https://example.org/igf
    """
    import json

    publish_site, options_type = _publisher()
    settings = settings_of(ctx)
    options = options_type(
        briefs=[*briefs, *_read_topics(briefs_from)],
        record_year=record_year,
        base_url=_check_base_url(base_url),
        threads=threads,
    )
    result = publish_site(db or settings.db_location, folder, settings, options, progress=_Progress())
    click.echo(json.dumps(result.to_json()) if as_json else format_result(result))


COMMANDS = [publish]

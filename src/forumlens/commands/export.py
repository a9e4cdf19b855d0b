"""`forumlens export`: the record as tidy CSV or JSON Lines tables for researchers."""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from ..cli_support import YEAR_BOUND, checked_years, db_option, open_ctx_store, out_folder
from ..errors import ConfigError

# `forumlens.export` imports the whole store package; it is imported when the command runs,
# so `forumlens export --help` stays short (issue 19).
if TYPE_CHECKING:
    from ..export import Table
    from ..models import Session
    from ..store.base import SessionInfo, Store

# The names of `forumlens.export.TABLES`, in its order, for --what and its help without that
# import. tests/test_cli_help_imports.py keeps them equal.
TABLE_NAMES = ("sessions", "turns", "people", "questions", "asks", "tags")

_PAGE = 500
# What a table file is called: an `-o` ending so is a file name, not the folder -o names.
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".json", ".txt")


def _umask() -> int:
    """The process's umask (reading it means setting it; put straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _stored(store: Store, since: int | None, until: int | None) -> Iterator[tuple[SessionInfo, Session, Any]]:
    """Every session in the store's list order, a page at a time (the archive never sits in memory)."""
    offset = 0
    while page := store.sessions(limit=_PAGE, offset=offset):
        for info in page:
            if (since is not None or until is not None) and info.year is None:
                continue  # a session without a year is outside any bound
            if (since is not None and info.year is not None and info.year < since) or (
                until is not None and info.year is not None and info.year > until
            ):
                continue
            yield info, store.load_session(info.id), store.analyses(info.id)
        offset += len(page)


class _Writer:
    """One table's output: a CSV writer or JSON lines, to a stream."""

    def __init__(self, table: Table, fmt: str, stream: IO[str]) -> None:
        from ..export import cell

        self.table, self.fmt, self.stream = table, fmt, stream
        self._cell = cell  # once per table, not per row
        self.count = 0
        self._csv = csv.writer(stream, lineterminator="\n") if fmt == "csv" else None
        if self._csv is not None:
            self._csv.writerow(table.columns)

    def write(self, row: dict[str, Any]) -> None:
        if self._csv is not None:
            self._csv.writerow([self._cell(row[c]) for c in self.table.columns])
        else:
            self.stream.write(json.dumps({c: row[c] for c in self.table.columns}, ensure_ascii=False) + "\n")
        self.count += 1


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True, help="Table format."
)
@click.option(
    "--what",
    "what",
    multiple=True,
    type=click.Choice(TABLE_NAMES),
    help="Tables to export (repeat; default: all of them).",
)
@click.option("--since", type=YEAR_BOUND, help="Only sessions from this year on.")
@click.option("--until", type=YEAR_BOUND, help="Only sessions up to this year.")
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    callback=out_folder,
    help="Directory for TABLE.csv / TABLE.jsonl (created in an existing folder; existing tables replaced). "
    "Without it, one --what table goes to standard output.",
)
@db_option
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    what: tuple[str, ...],
    since: int | None,
    until: int | None,
    out: Path | None,
    db: str | None,
) -> None:
    """Export the record as tidy tables: one row per item, citations as session + line.

    Tables: sessions, turns, people, questions, asks, tags (columns in the README,
    "Exports"). Each item row carries the session id, title and year.

    \b
    Examples:
      forumlens export -o record/                      # every table as CSV
      forumlens export --what asks --format jsonl > asks.jsonl
      forumlens export --what questions --since 2021 -o q/
    """
    from ..export import TABLES

    names = list(dict.fromkeys(what)) or list(TABLES)
    checked_years(since, until)  # bounds in the wrong order are a usage error (exit 2)
    if out is None and len(names) != 1:
        raise click.UsageError("give -o DIR to export several tables (or one table to standard output: --what asks)")
    if out is not None and not out.is_dir() and out.suffix.lower() in TABLE_SUFFIXES:
        # `-o asks.csv` made a folder asks.csv/ holding asks.csv: -o names a folder
        raise click.UsageError(
            f"-o names a folder for TABLE.{fmt} files, not a file: give a folder (-o tables/), or send one "
            f"table to a file with --what and standard output (forumlens export --what {names[0]} > {out})"
        )
    store = open_ctx_store(ctx, db, readonly=True)
    try:
        if out is None:
            writer = _Writer(TABLES[names[0]], fmt, sys.stdout)
            sessions = _fill(store, [writer], since, until)
        else:
            counts, sessions = _export_to(store, out, names, fmt, since, until)
        stored = sessions or store.counts().get("sessions", 0)
    finally:
        store.close()
    if out is not None:
        for name, count in counts.items():
            click.echo(f"{count:>8} rows  {out / f'{name}.{fmt}'}")
    if not sessions:  # header-only tables, said in words rather than left to be puzzled over
        click.echo(f"note: {_why_empty(stored, since, until)}", err=True)


def _why_empty(stored: int, since: int | None, until: int | None) -> str:
    """Why an export has no rows: nothing stored, or nothing in the years asked for."""
    if not stored:
        return "nothing is stored yet, so the tables have only their header: `forumlens ingest FILES` adds sessions"
    if since is not None and until is not None:
        years = f"from {since} to {until}" if since != until else f"from {since}"
    else:
        years = f"from {since} on" if since is not None else f"up to {until}"
    return (
        f"none of the {stored} stored session{'s' if stored != 1 else ''} is {years} "
        "(a session without a year is outside any bound), so the tables have only their header"
    )


def _fill(store: Store, writers: list[_Writer], since: int | None, until: int | None) -> int:
    sessions = 0
    for info, session, analyses in _stored(store, since, until):
        for w in writers:
            for row in w.table.rows(info, session, analyses):
                w.write(row)
        sessions += 1
    return sessions


def _export_to(
    store: Store, out: Path, names: list[str], fmt: str, since: int | None, until: int | None
) -> tuple[dict[str, int], int]:
    """Write each table to a temporary file beside its target, then move them all in:
    a failed export leaves the tables of the previous export as they were. Returns the rows
    of each table and the number of sessions exported."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create {out}: {exc.strerror}", hint="choose a writable directory for -o") from None
    from ..export import TABLES

    temps: dict[str, str] = {}
    try:
        with ExitStack() as stack:
            writers = []
            for name in names:
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=f".{fmt}.part", dir=out)
                os.fchmod(fd, 0o666 & ~_umask())  # as open as any file the user makes (mkstemp gives 0600)
                temps[name] = tmp
                stream = stack.enter_context(open(fd, "w", encoding="utf-8", newline=""))
                writers.append(_Writer(TABLES[name], fmt, stream))
            sessions = _fill(store, writers, since, until)
        for name, tmp in temps.items():
            os.replace(tmp, out / f"{name}.{fmt}")
        return {w.table.name: w.count for w in writers}, sessions
    finally:
        for tmp in temps.values():
            if os.path.exists(tmp):
                os.unlink(tmp)


COMMANDS = [export]

"""`forumlens backup PATH`: a consistent copy of the store while it is in use."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli_support import db_option, open_ctx_store
from ..errors import ConfigError


@click.command()
@click.argument("target")
@db_option
@click.pass_context
def backup(ctx: click.Context, target: str, db: str | None) -> None:
    """Write a consistent copy of the store to TARGET (readers may keep working).

    TARGET is a new file in an existing folder: a backup never overwrites a file, and a
    folder that does not exist is refused (a typo, most likely), as a new --db is.
    For a PostgreSQL store use `pg_dump --format=custom URL > TARGET` instead.

    \b
    Example:
      forumlens backup backups/igf-2025-06-30.sqlite3 --db igf.sqlite3
    """
    folder = Path(target).expanduser().parent
    if not folder.is_dir():  # said of TARGET, before the store is opened (the store's error names --db)
        raise ConfigError(
            "no such folder for the backup", source=target, hint=f"create {folder} first, or choose another TARGET"
        )
    store = open_ctx_store(ctx, db, readonly=True)
    try:
        if not hasattr(store, "backup"):
            raise ConfigError("backup works on SQLite stores", hint="for PostgreSQL use pg_dump")
        store.backup(target)
        counts = store.counts()
    finally:
        store.close()
    from ..format import counted

    click.echo(f"backed up {counted(counts['sessions'], 'session')} to {target}")


COMMANDS = [backup]

"""`forumlens migrate` and `forumlens copy`: look after the store itself.

`migrate` brings a store's schema up to this version of forumlens (every command does
that on open; this one does only that, and says what it did, so a server's schema can be
upgraded by an administrator before the readers and the ingest job restart).
`copy` moves a whole store between SQLite and PostgreSQL, in either direction, and then
proves the copy lossless by comparing every table's row count and row digest.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..cli_support import (
    announce_new_store,
    db_option,
    discard_store_file,
    new_store_file,
    new_store_target,
    settings_of,
)
from ..errors import StoreError

__all__ = ["COMMANDS", "copy", "migrate"]


@click.command()
@db_option
@click.pass_context
def migrate(ctx: click.Context, db: str | None) -> None:
    """Create or upgrade the store's schema to this version of forumlens.

    \b
    Example:
      forumlens migrate --db postgresql://forumlens@db.example.org/forumlens
    """
    from ..store import check_location, open_store, redact
    from ..store.transfer import schema_version_of

    location = check_location(settings_of(ctx).db_location if db is None else db)
    new_store_file(ctx, db)  # said on stderr; a chosen path in a missing folder is refused
    before = schema_version_of(location)
    store = open_store(location)
    try:
        after = store.schema_version()
    finally:
        store.close()
    where = redact(location)
    if before == after:
        click.echo(f"{where}: schema version {after}, up to date")
    elif before == 0:
        click.echo(f"{where}: created, schema version {after}")
    else:
        click.echo(f"{where}: upgraded from schema version {before} to {after}")


@click.command()
@click.option("--from", "source", required=True, metavar="PATH_OR_URL", help="Store to copy from.")
@click.option(
    "--to",
    "target",
    required=True,
    metavar="PATH_OR_URL",
    help="Empty store to copy into (a new SQLite file is created, in an existing folder).",
)
@click.pass_context
def copy(ctx: click.Context, source: str, target: str) -> None:
    """Copy a whole store, SQLite ⇄ PostgreSQL, and verify the copy table by table.

    The target must be empty; the copy is one transaction, so a failed copy leaves it
    empty (and removes a SQLite file it created). A new SQLite target is said on stderr;
    one in a folder that does not exist is refused. The source can stay in use: it is
    read in one consistent snapshot.

    \b
    Example:
      forumlens copy --from forumlens.sqlite3 --to postgresql://forumlens@localhost/forumlens
      forumlens copy --from postgresql://forumlens@localhost/forumlens --to backup.sqlite3
    """
    del ctx
    from ..store import open_store, redact
    from ..store.migrations import SCHEMA_VERSION
    from ..store.transfer import copy_store, schema_version_of, table_digests, tables_of

    if schema_version_of(source) == 0:
        raise StoreError(
            "the source store does not exist or is empty",
            source=redact(source),
            hint="check the path or URL given to --from",
        )
    # a new SQLite target is said, and one in a missing folder refused (a typo, most likely), as
    # every store-creating command does; a copy that fails removes the file it created
    created = new_store_target(target, flag="--to")
    if "://" not in target and Path(target).is_dir():  # said of --to, not of the --db that store errors name
        raise StoreError(
            "is a folder, not a store file", source=target, hint="give --to a file path such as backup.sqlite3"
        )
    src = open_store(source, create=False)
    copied = False
    try:
        if created is not None:
            announce_new_store(created)
        dst = open_store(target)
        try:
            counts = copy_store(src, dst, on_table=lambda t, n: click.echo(f"  {t}: {n} rows"))
            columns = tables_of(src)
            before, after = table_digests(src, columns), table_digests(dst, columns)
            copied = True
        finally:
            dst.close()
    finally:
        src.close()
        if created is not None and not copied:
            discard_store_file(created)
    different = [t for t in before if before[t] != after.get(t)]
    if different:
        raise StoreError(
            f"the copy differs from the source in {', '.join(different)}",
            source=redact(target),
            hint="report this as a bug; the source is unchanged",
        )
    click.echo(
        f"copied {sum(counts.values())} rows in {len(counts)} tables to {redact(target)} "
        f"(schema version {SCHEMA_VERSION}); every table verified"
    )


COMMANDS = [migrate, copy]

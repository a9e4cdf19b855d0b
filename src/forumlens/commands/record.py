"""`forumlens record [--year Y]`: per coalition, what is on file and whether it may get
a session slot at IGF Y (see `forumlens.documents.eligibility` for the rule)."""

from __future__ import annotations

import json
from datetime import date

import click

from ..cli_support import YEAR_BOUND, db_option, open_ctx_store, settings_of


@click.command()
@click.option(
    "--year",
    type=YEAR_BOUND,  # the one date parser: a year of the record (1990–2100), else a usage error
    default=None,
    help="IGF year of the session slots (default: this year); evidence is the year before.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON (the record contract).")
@db_option
@click.pass_context
def record(ctx: click.Context, year: int | None, as_json: bool, db: str | None) -> None:
    """The secretariat's record: each coalition's sessions, documents on file and slot eligibility.

    \b
    Example:
      forumlens record --year 2024          # who may get a slot at IGF 2024 (evidence: 2023)
      forumlens record --year 2024 --json
    """
    from ..documents.eligibility import build_record, format_record, items_from_documents, title_coalitions
    from ..resolve.registry import load_registry

    year = year or date.today().year
    rule = str(settings_of(ctx).eligibility_rule or "v1")
    store = open_ctx_store(ctx, db, readonly=True)
    try:
        documents = store.stored_documents()
    finally:
        store.close()
    registry = load_registry()
    coalitions = [
        {"id": e.id, "name": e.name, "acronym": e.acronym, "active": str(e.info.get("active", "yes"))}
        for e in sorted(registry.of_kind("dc"), key=lambda e: e.name.casefold())
    ]
    data = build_record(year, coalitions, items_from_documents(documents, title_coalitions), rule=rule)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        click.echo(format_record(data))


COMMANDS = [record]

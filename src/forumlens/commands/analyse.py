"""`forumlens analyse`: (re)compute the analyses of stored sessions."""

from __future__ import annotations

import os
import sys

import click

from ..cli_support import db_option, open_ctx_store, settings_of
from ..errors import ConfigError
from ..pipeline import AnalysisOptions
from ..reanalyse import reanalyse


@click.command()
@click.argument("sessions", nargs=-1)
@click.option("--missing", is_flag=True, help="Every session stored without analyses (ingest --no-analysis).")
@click.option("--all", "everything", is_flag=True, help="Every stored session (after an upgrade of forumlens).")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Processes (default: one per CPU, up to 4).")
@db_option
@click.pass_context
def analyse(
    ctx: click.Context, sessions: tuple[str, ...], missing: bool, everything: bool, workers: int | None, db: str | None
) -> None:
    """Analyse stored sessions again: people, questions, asks, tags, glossary, takeaways.

    Each session's analyses are replaced in one transaction.

    \b
    Examples:
      forumlens ingest archive/ --no-analysis && forumlens analyse --missing
      forumlens analyse --all
    """
    if not (sessions or missing or everything):
        raise ConfigError("name SESSIONS, or give --missing or --all")
    store = open_ctx_store(ctx, db, create=False)
    try:
        if everything:
            ids = [s.id for s in store.sessions(limit=1_000_000)]
        elif missing:
            ids = store.unanalysed_sessions()
        else:
            ids = [store.resolve_ref(ref) for ref in sessions]
        options = AnalysisOptions(words_per_minute=settings_of(ctx).words_per_minute)
        count = workers or (min(os.cpu_count() or 1, 4) if len(ids) > 2 else 1)
        with click.progressbar(length=len(ids), label="Analysing", file=sys.stderr) as bar:
            done = reanalyse(
                store,
                ids,
                options,
                workers=count,
                on_done=lambda _: bar.update(1),
                on_warning=lambda message: click.echo(f"warning: {message}", err=True),
            )
    finally:
        store.close()
    click.echo(f"analysed {done} session{'s' if done != 1 else ''}")


COMMANDS = [analyse]

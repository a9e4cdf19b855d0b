"""`forumlens analyse`: (re)compute the analyses of stored sessions, here or on a Dask cluster."""

from __future__ import annotations

import os
import sys

import click

from ..cli_support import db_option, open_ctx_store, settings_of
from ..errors import ForumlensError


@click.command()
@click.argument("sessions", nargs=-1)
@click.option("--missing", is_flag=True, help="Every session stored without analyses (ingest --no-analysis).")
@click.option("--all", "everything", is_flag=True, help="Every stored session (after an upgrade of forumlens).")
@click.option(
    "--engine",
    default="local",
    show_default=True,
    metavar="local|dask://HOST:PORT|dask://local",
    help="Where the analyses run: this machine's processes, a running `dask scheduler` "
    "(pip install 'forumlens[distributed]'), or a Dask cluster started for the run. "
    "The store is read and written here either way; linking threads and matching "
    "subscribers run here afterwards, in one process (they are not parallel).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes for local or dask://local (default: one per CPU, up to 4); a Dask cluster has its own.",
)
@db_option
@click.pass_context
def analyse(
    ctx: click.Context,
    sessions: tuple[str, ...],
    missing: bool,
    everything: bool,
    engine: str,
    workers: int | None,
    db: str | None,
) -> None:
    """Analyse stored sessions again: people, questions, asks, tags, glossary, takeaways.

    Each session's analyses are replaced in one transaction, in the order of the
    sessions, so any engine writes the same record. A session that fails is named
    and the others are kept (exit status 1).

    \b
    Examples:
      forumlens ingest archive/ --no-analysis && forumlens analyse --missing
      forumlens analyse --all
      dask scheduler --port 8786 & dask worker tcp://HOST:8786 --nthreads 1 &
      forumlens analyse --missing --engine dask://HOST:8786
    """
    from ..engine import open_engine, parse_engine
    from ..engine.base import describe
    from ..pipeline import AnalysisOptions
    from ..reanalyse import reanalyse

    if not (sessions or missing or everything):
        raise click.UsageError("name SESSIONS, or give --missing or --all")
    if sum(map(bool, (sessions, missing, everything))) > 1:  # one used to win silently over the other
        raise click.UsageError("give one of SESSIONS, --missing or --all (--all already includes the others)")
    spec = parse_engine(engine)
    store = open_ctx_store(ctx, db, create=False)
    failed: dict[str, BaseException] = {}
    try:
        if everything:
            ids = [s.id for s in store.sessions(limit=1_000_000)]
        elif missing:
            ids = store.unanalysed_sessions()
        else:
            ids = [store.resolve_ref(ref) for ref in sessions]
        ids = list(dict.fromkeys(ids))
        if not ids:
            nothing = (
                "every stored session has its analyses (--all analyses them again)"
                if missing
                else "nothing is stored yet"
            )
            click.echo(f"analysed 0 sessions: {nothing}")
            return
        options = AnalysisOptions(words_per_minute=settings_of(ctx).words_per_minute)
        if spec.kind == "local":
            workers = workers or (min(os.cpu_count() or 1, 4) if len(ids) > 2 else 1)
        with open_engine(spec, workers=workers) as runner:
            label = f"Analysing on {runner.name}"
            with click.progressbar(length=len(ids), label=label, file=sys.stderr) as bar:

                def failure(sid: str, error: BaseException) -> None:
                    failed[sid] = error
                    bar.update(1)

                done = reanalyse(
                    store,
                    ids,
                    options,
                    engine=runner,
                    on_done=lambda _: bar.update(1),
                    on_warning=lambda message: click.echo(f"warning: {message}", err=True),
                    on_failed=failure,
                )
    finally:
        store.close()
    click.echo(f"analysed {done} session{'s' if done != 1 else ''}")
    if failed:
        for sid, error in failed.items():
            click.echo(f"failed: {sid}: {describe(error)}", err=True)
        if ctx.obj and ctx.obj.get("debug"):
            raise next(iter(failed.values()))
        raise ForumlensError(
            f"{len(failed)} of {len(ids)} sessions could not be analysed: {', '.join(failed)}",
            hint="their stored analyses are unchanged; the others were written. "
            "`forumlens --debug analyse SESSION` shows the traceback",
        )


COMMANDS = [analyse]

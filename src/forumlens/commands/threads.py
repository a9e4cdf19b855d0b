"""`forumlens threads`: asks, commitments and questions followed across sessions and years."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from ..cli_support import YEAR_BOUND, checked_years, db_option, open_ctx_store
from ..errors import ConfigError, NotFound
from ..threads.models import KINDS, STATUSES, Item, Thread

if TYPE_CHECKING:
    from ..threads.service import ThreadFilters

__all__ = ["threads"]

_ALL_STATUSES = sorted({s for group in STATUSES.values() for s in group})


@click.command()
@click.option("--coalition", help="Only this coalition's threads (name, acronym or former name).")
@click.option("--kind", type=click.Choice(KINDS), help="Only asks, commitments or questions.")
@click.option("--status", type=click.Choice(_ALL_STATUSES), help="Only threads with this status.")
@click.option("--since", type=YEAR_BOUND, help="Only items of this year or later (the status judged from them).")
@click.option("--until", type=YEAR_BOUND, help="Only items of this year or earlier (the status judged from them).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (the DESIGN.md contract).")
@click.option("--md", "as_md", is_flag=True, help="Print as Markdown with citations.")
@click.option("--explain", "explain_id", metavar="ID", help="Show why each item joined (or not) thread ID.")
@click.option(
    "--linker",
    type=click.Choice(("auto", "lexical", "semantic")),
    default="auto",
    show_default=True,
    help="How items are compared: lexical (offline, always), semantic (needs forumlens[semantic]), "
    "auto (semantic when installed).",
)
@db_option
@click.pass_context
def threads(
    ctx: click.Context,
    coalition: str | None,
    kind: str | None,
    status: str | None,
    since: int | None,
    until: int | None,
    as_json: bool,
    as_md: bool,
    explain_id: str | None,
    linker: str,
    db: str | None,
) -> None:
    """Asks, commitments and questions of one actor followed across sessions and years.

    A thread is one coalition's (or office's, or person's) same need, promise or question,
    however it is worded from year to year, with its fate: an ask recurring, raised once or
    answered; a commitment fulfilled, unfulfilled or pending; a question answered, answered
    later or open. Every item cites its session and line with a verbatim quote.

    \b
    Examples:
      forumlens threads --coalition DC3 --kind ask
      forumlens threads --kind commitment --status unfulfilled --since 2022 --md
      forumlens threads --explain c31d65adb56
    """
    if as_json and as_md:
        raise click.UsageError("--json and --md are two formats: give one of them")
    checked_years(since, until)
    if kind and status and status not in STATUSES[kind]:  # "ask fulfilled" can never match: say so, not "none"
        article = "an" if kind[0] in "aeiou" else "a"
        raise click.UsageError(
            f"--status {status} is not a status of {article} {kind} ({article} {kind} is {_or(STATUSES[kind])})"
        )
    from ..coalition_filter import pick_coalition
    from ..thread_window import select_within
    from ..threads.render import Citing, format_explain, format_markdown, format_text, read_citing, threads_json
    from ..threads.service import ThreadFilters, select_threads, store_threads

    store = open_ctx_store(ctx, db, readonly=True)
    try:
        # a coalition the registry does not know is filtered by the name the store holds for it
        name = pick_coalition(coalition, store.coalition_names()) if coalition else None
        filters = ThreadFilters(name, kind, status, since, until)
        linked = store_threads(store, linker=linker)
        weighed: list[Item] = []  # items of other threads that --explain reports decisions about
        if explain_id:
            found = pick_thread(linked.threads, explain_id)
            chosen = [found] if found is not None else []
            if found is not None:
                linked.explained()  # the kept reasons (rule, scores, candidates), read only for --explain
                weighed = [item for _decision, item in linked.explain_items(found.id) if item is not None]
        else:
            # each thread cut to its items inside --since/--until, its status judged from them alone
            found, chosen = None, select_within(select_threads(linked, ThreadFilters(name, kind)), filters)
        # what the citations say of their sources (title, year, date; page and section in documents)
        cited = [i for t in chosen for i in t.items] + weighed
        citing = read_citing(store, cited) if cited else Citing()
    finally:
        store.close()
    if explain_id:
        if found is None:
            raise NotFound(
                f"no thread has the id {explain_id!r}",
                hint="give its id or the first 4 characters or more of it; list the ids with `forumlens threads`",
            )
        if as_json:
            [data] = threads_json([found], linked, explain=True, citing=citing)["threads"]
            click.echo(json.dumps({"thread": data, "linker": linked.linker}, ensure_ascii=False, indent=1))
        else:
            click.echo(format_explain(found, linked, citing))
        return
    if as_json:
        click.echo(json.dumps(threads_json(chosen, linked, citing=citing), ensure_ascii=False, indent=1))
    elif as_md:
        click.echo(format_markdown(chosen, linked, citing, filters=filters))
    else:
        click.echo(format_text(chosen, linked, citing, filters=filters))
    if not chosen and not as_json:
        click.echo(why_no_threads(filters, len(linked.threads)), err=True)


def pick_thread(threads: list[Thread], ref: str) -> Thread | None:
    """The thread `ref` names: its whole id, or a prefix of 4 characters or more that only it has.

    Why a prefix: every other id a user types (`report`, `show`, `search --session`) may be
    shortened, and the ids `threads` prints are 11 characters long; a prefix two threads share is
    an error that lists them, as an ambiguous session is.
    """
    ref = ref.strip().lower()
    exact = next((t for t in threads if t.id == ref), None)
    if exact is not None or len(ref) < 4:
        return exact
    fits = [t for t in threads if t.id.startswith(ref)]
    if len(fits) > 1:
        listed = "\n".join(f"  {t.id}  {t.kind} · {t.status} · {t.actor}" for t in fits[:10])
        more = f"\n  … and {len(fits) - 10} more" if len(fits) > 10 else ""
        raise ConfigError(f"{ref!r} matches {len(fits)} threads (give more of the id):\n{listed}{more}")
    return fits[0] if fits else None


def _or(words: tuple[str, ...]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1]


def why_no_threads(filters: ThreadFilters, total: int) -> str:
    """Why a thread list is empty, in one line: the filters that kept nothing and how many threads there are
    in all, or that the store has none yet (and how to get them)."""
    if total == 0:
        return "note: no thread on record yet: ingest sessions (threads are linked on ingest), or run `forumlens analyse --all`"
    from ..threads.render import filter_terms

    asked = filter_terms(filters)
    kept = ", ".join(asked) if asked else "these filters"
    return f"note: none of the {total} threads on record matches {kept}; drop a filter, or `forumlens threads` lists them all"


COMMANDS = [threads]

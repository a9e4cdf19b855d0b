"""`forumlens questions`: questions asked in stored sessions and what became of them."""

from __future__ import annotations

import json
from typing import Any

import click

from ..cli_support import db_option, open_ctx_store
from ..store.base import Store

STATUSES = ("answered", "answered-later", "unanswered")


def stored_questions(
    store: Store, *, status: str | None = None, to: str | None = None, year: int | None = None
) -> list[dict[str, Any]]:
    """Every tracked question across the store, newest sessions first, with its session."""
    out = []
    for sid, title, yr, data in store.analyses_of_kind("questions", year=year):
        for q in data or []:
            if status and q.get("status") != status:
                continue
            if to and to.lower() not in (q.get("to") or "").lower():
                continue
            out.append({"session": sid, "title": title, "year": yr, **q})
    return out


@click.command()
@click.option("--open", "only_open", is_flag=True, help="Only unanswered questions.")
@click.option("--status", type=click.Choice(STATUSES), help="Only questions with this status.")
@click.option("--to", "addressee", help="Only questions put to this coalition or person (part of the name).")
@click.option("--year", type=int, help="Only sessions of this year.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@db_option
@click.pass_context
def questions(
    ctx: click.Context,
    only_open: bool,
    status: str | None,
    addressee: str | None,
    year: int | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Questions put to coalitions, people or the room, and whether they were answered.

    \b
    Example:
      forumlens questions --open --to "Community Connectivity"
    """
    store = open_ctx_store(ctx, db, readonly=True)
    try:
        rows = stored_questions(store, status="unanswered" if only_open else status, to=addressee, year=year)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps({"questions": rows}, ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo("No questions match.")
    for q in rows:
        who = q.get("by") or "someone"
        to = q.get("to") or "the room"
        click.echo(f"[{q['status']}] {q['session']}:L{q['line']}  {who} → {to}")
        click.echo(f"    {' '.join(q['text'].split())[:200]}")
        if q.get("answer_lines"):
            click.echo(f"    answered at lines {', '.join(map(str, q['answer_lines']))}")


COMMANDS = [questions]

"""`forumlens questions`: questions asked in stored sessions and what became of them."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import click

from ..cli_support import YEAR_BOUND, clip, db_option, open_ctx_store
from ..errors import ConfigError

# The coalition registry (rapidfuzz, resolve/) is imported when a --to name is resolved:
# `forumlens questions --help` must not pay for it (issue 19).
if TYPE_CHECKING:
    from ..store.base import Store

__all__ = ["STATUSES", "addressee_matcher", "stored_questions"]

STATUSES = ("answered", "answered-later", "unanswered")


def addressee_matcher(typed: str, known: Iterable[str | None]) -> Callable[[str | None], bool]:
    """Which addressees `--to NAME` means.

    NAME is resolved against the coalition registry exactly as `search --coalition` does
    (acronyms, official and former names, fuzzy): "DC-PAL", "libraries" and a typo all
    select "DC on Public Access in Libraries". A person or an institution a question was
    put to is still matched by part of its name (case-, accent- and hyphen-insensitive).
    Only a NAME that is no coalition and part of none of the `known` names (addressees and
    people on record) is refused: the registry's `UnknownCoalition`, naming the nearest
    coalitions, so a typo is not answered with an empty list.
    """
    from ..resolve.coalition_names import UnknownCoalition, find_coalition
    from ..transcript.speakers import name_key

    key = name_key(typed)
    try:
        coalition = find_coalition(typed)
    except UnknownCoalition as exc:
        if not key or not any(key in name_key(n) for n in known if n):
            raise UnknownCoalition(
                f"--to {typed!r}: no coalition is called that, and no question on record was put to "
                "a person or body of that name",
                hint=exc.hint,
            ) from exc
        forms: set[str] = set()
    except ConfigError:  # several coalitions fit: fine if the name is an addressee's, else say which
        if not key or not any(key in name_key(n) for n in known if n):
            raise
        forms = set()
    else:
        forms = {name_key(f) for f in (coalition.name, *coalition.phrases, *coalition.acronyms)}

    def matches(to: str | None) -> bool:
        to_key = name_key(to or "")
        return bool(to_key) and (to_key in forms or (bool(key) and key in to_key))

    return matches


def stored_questions(
    store: Store, *, status: str | None = None, to: str | None = None, year: int | None = None
) -> list[dict[str, Any]]:
    """Every tracked question across the store, newest sessions first, with its session.

    `to` is resolved by `addressee_matcher` (a coalition name, acronym or former name, or
    part of a person's or institution's name); an unknown name raises `UnknownCoalition`.
    """
    rows = store.analyses_of_kind("questions", year=year)
    matches: Callable[[str | None], bool] | None = None
    if to is not None:
        every = rows if year is None else store.analyses_of_kind("questions")
        known = [q.get("to") for *_, data in every for q in data or []]
        matches = addressee_matcher(to, [*known, *store.known_people()])
    out = []
    for sid, title, yr, data in rows:
        for q in data or []:
            if status and q.get("status") != status:
                continue
            if matches is not None and not matches(q.get("to")):
                continue
            out.append({"session": sid, "title": title, "year": yr, **q})
    return out


@click.command()
@click.option("--open", "only_open", is_flag=True, help="Only unanswered questions.")
@click.option("--status", type=click.Choice(STATUSES), help="Only questions with this status.")
@click.option(
    "--to",
    "addressee",
    help="Only questions put to this coalition (name, acronym or former name) or person (part of the name).",
)
@click.option("--year", type=YEAR_BOUND, help="Only sessions of this year.")
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

    The asker shown is the one the analysis decided (a remote hub whose question the
    moderator read out, not the moderator). A --to name that fits no coalition, no
    addressee and no person on record is an error that names the nearest coalitions.

    \b
    Examples:
      forumlens questions --open --to "Community Connectivity"
      forumlens questions --to DC-PAL --json
    """
    if only_open and status not in (None, "unanswered"):  # --open used to win silently over --status answered
        raise click.UsageError(f"--open means --status unanswered, not --status {status}: give one of them")
    store = open_ctx_store(ctx, db, readonly=True)
    try:
        rows = stored_questions(store, status="unanswered" if only_open else status, to=addressee, year=year)
        every = stored_questions(store) if not rows and not as_json else []
        voices = {} if as_json else unnamed_askers(store, rows)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps({"questions": rows}, ensure_ascii=False, indent=1))
        return
    if not rows:
        filters = {"--open": only_open or None, "--status": status, "--to": addressee, "--year": year}
        click.echo(why_no_questions(every, {k: v for k, v in filters.items() if v}))
    for q in rows:
        who = q.get("by") or voices.get((q["session"], q["line"])) or "someone"
        to = q.get("to") or "the room"
        click.echo(f"[{q['status']}] {q['session']}:L{q['line']}  {who} → {to}")
        click.echo(f"    {clip(q['text'], 200)}")
        if q.get("answer_lines"):
            lines = q["answer_lines"]
            click.echo(f"    answered at line{'s' if len(lines) != 1 else ''} {', '.join(map(str, lines))}")


COMMANDS = [questions]


def unnamed_askers(store: Any, rows: list[dict[str, Any]]) -> dict[tuple[str, int], str]:
    """(session, line) → the unnamed voice that asked a question nobody is credited with, as reports,
    threads and the portal say it ("a participant from the floor" for `>> AUDIENCE:`), not "someone"."""
    from ..labels import unnamed_voice  # not at import: `questions --help` imports start-up modules only

    out: dict[tuple[str, int], str] = {}
    for q in rows:
        if q.get("by") or not isinstance(q.get("line"), int):
            continue
        turn = store.turn_at(q["session"], q["line"], speech_only=True)
        voice = unnamed_voice(turn.speaker or turn.label) if turn is not None else None
        if voice is not None and not voice.numbered:
            out[(q["session"], q["line"])] = voice.phrase
    return out


def why_no_questions(every: list[dict[str, Any]], filters: dict[str, Any] | None = None) -> str:
    """An empty question list in words: which filters found nothing, and how many questions are
    on record with their fates, so "none open" reads as news (all were answered), not as a
    failure to find any."""
    if not every:
        return "No questions on record yet: ingest sessions to track their questions."
    fates = Counter(q.get("status") or "unknown" for q in every)
    told = ", ".join(f"{n} {status}" for status, n in sorted(fates.items()))
    total = len(every)
    named = " ".join(option if value is True else f"{option} {value}" for option, value in (filters or {}).items())
    which = f"No questions match {named}." if named else "No questions match."
    return f"{which} On record: {total} question{'s' if total != 1 else ''} ({told})."

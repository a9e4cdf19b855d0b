"""`forumlens people` and `forumlens coalitions`: who's who across the whole store.

`people` lists `store.people_on_record()`, the same people model `/api/people` and the
`/people` pages read, so the CLI and the portal never disagree on who is on record.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from ..cli_support import clip, db_option, open_ctx_store

if TYPE_CHECKING:
    from ..store.views import PersonOnRecord


@click.command()
@click.argument("name", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@db_option
@click.pass_context
def people(ctx: click.Context, name: str | None, as_json: bool, db: str | None) -> None:
    """People on record, with roles, affiliations, labels and sessions.

    NAME filters by part of a name or caption label (case- and accent-insensitive).

    \b
    Examples:
      forumlens people crepin            # Olivier Crepin-Leblond, with every caption label of his
      forumlens people --json > people.json
    """
    store = open_ctx_store(ctx, db, readonly=True)
    try:
        records = store.people_on_record(name)
        flagged = flagged_labels(store.analyses_of_kind("flags"), name) if name and not records else []
        said = said_lines(store, name) if name and not records and not flagged else ""
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps({"people": [r.to_json() for r in records]}, ensure_ascii=False, indent=1))
    else:
        click.echo(format_people(records, name))
        for note in (*flagged, *([said] if said else [])):
            click.echo(f"note: {note}", err=True)


_SAID_SHOWN = 3  # lines named in the note; `search` lists them all


def said_lines(store: Any, name: str) -> str:
    """Where a name nobody on record has is said in the stored lines, or "" when it is said nowhere.

    Why: a floor speaker who names herself under `AUDIENCE` ("Hello, Ana Li from …") and is left
    unnamed by the people analysis, or someone a question is read out for, is not on record, yet
    the questions and threads name her; `people NAME` answered a bare "No people on record" as if
    the name were nowhere. This says which lines hold it, whose voice each is, and what finds them.
    """
    from ..format import hit_speaker
    from ..search import SearchFilters, parse_query

    words = " ".join(name.replace('"', " ").split())
    if not words:
        return ""
    hits = store.search(parse_query(f'"{words}"'), SearchFilters(limit=_SAID_SHOWN + 1))
    if not hits:
        return ""
    shown = []
    for h in hits[:_SAID_SHOWN]:
        words_said = clip(" ".join(h.snippet.replace("**", "").split()), 70)
        shown.append(f"{h.session} L{h.line} ({hit_speaker(h, None)}: “{words_said}”)")
    count = (
        f"{len(hits)}+ stored lines say"
        if len(hits) > _SAID_SHOWN
        else f"{len(hits)} stored line{'s say' if len(hits) > 1 else ' says'}"
    )
    quoted = f'"{words}"'
    return (
        f"nobody on record is called {name!r}, but {count} it: {'; '.join(shown)}. A speaker who names "
        "herself under a floor label may be left unnamed by the analysis, and a name read out or mentioned "
        f"is no speaker (`forumlens search '{quoted}'` lists every line)"
    )


def flagged_labels(flags_by_session: list[tuple[str, str, int | None, Any]], name: str) -> list[str]:
    """Why a name seen in the captions is no person on record: its caption label was flagged.

    A label flagged as a caption mis-attribution has its turn counted for the likely real
    speaker, so `people NAME` finds nobody under it; this says where the label is and whom
    the turn is credited to, instead of a bare "no people". NAME may be part of the label.
    """
    from ..caption_flags import flag_note
    from ..caption_flags import flagged_labels as read_flags
    from ..transcript.speakers import name_key

    wanted = name_key(name)
    return [
        flag_note(flag, f"{flag.session} “{clip(flag.title, 60)}”")
        + (f": the turn is counted for {flag.likely_speaker}" if flag.likely_speaker else "")
        for flag in (read_flags(flags_by_session) if wanted else ())
        if wanted in flag.key
    ]


def format_people(records: list[PersonOnRecord], name: str | None = None) -> str:
    """The people as text: name, roles and affiliations, caption labels, one line per session."""
    if not records:
        return "No people on record" + (f" matching {name!r}." if name else ". Ingest sessions first.")
    from ..transcript.speakers import name_key

    lines = []
    for r in records:
        lines.append(f"{r.name}  ({', '.join(r.roles) or '?'}; {', '.join(r.affiliations) or 'no affiliation found'})")
        # one label is worth showing when it is not the name itself: a person found by
        # `people moderator` must show why ("MODERATOR"), as the portal's "Written in captions as"
        if len(r.labels) > 1 or any(name_key(label) != name_key(r.name) for label in r.labels):
            lines.append(f"    labels: {' / '.join(r.labels)}")
        for a in r.appearances:
            lines.append(f"    {a.session}  {a.year or '????'}  {a.role or '?':<18} {clip(a.title, 60)}")
    return "\n".join(lines)


_STATUS_WORDS = {"presented": "presented", "invited-absent": "invited but absent", "mentioned": "mentioned"}


def coalition_tally(sessions: list[dict[str, Any]]) -> str:
    """How a coalition figures in the record, in words: "presented in 2 sessions, mentioned in 1".

    Only the statuses it has are named, so a coalition that was invited and never spoke
    reads "invited but absent in 1 session", not "presented in 0".
    """
    counts: dict[str, int] = {}
    for s in sessions:
        if not s.get("document"):  # its own documents are counted apart: a report is not a mention
            counts[str(s.get("status"))] = counts.get(str(s.get("status")), 0) + 1
    own = sum(bool(s.get("document")) for s in sessions)
    order = [*_STATUS_WORDS, *sorted(k for k in counts if k not in _STATUS_WORDS)]
    parts = [f"{_STATUS_WORDS.get(k, k)} in {counts[k]}" for k in order if counts.get(k)]
    if parts:
        first = next(counts[k] for k in order if counts.get(k))
        parts[0] += " session" if first == 1 else " sessions"
    if own:
        parts.append(f"{own} document{'' if own == 1 else 's'} of its own")
    return ", ".join(parts) if parts else "in no stored session"


@click.command()
@click.argument("name", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@db_option
@click.pass_context
def coalitions(ctx: click.Context, name: str | None, as_json: bool, db: str | None) -> None:
    """Dynamic Coalitions seen in stored sessions: presented, mentioned or invited but absent.

    NAME picks one coalition by part of its name, its acronym or a former name; a name
    that fits no coalition is an error (the nearest are suggested when any is close).

    \b
    Examples:
      forumlens coalitions                # every coalition on record, with its sessions
      forumlens coalitions DC-PAL --json
    """
    from ..views import list_coalitions

    store = open_ctx_store(ctx, db, readonly=True)
    try:
        records = list_coalitions(store, name)
        if name and not records:  # an acronym typo or another form of the name: resolve it, or say what is near
            from ..resolve.coalition_names import find_coalition

            name = find_coalition(name).name
            records = list_coalitions(store, name)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps({"coalitions": [r.to_json() for r in records]}, ensure_ascii=False, indent=1))
        return
    if not records:
        click.echo(f"No stored session names {name}." if name else "No coalitions on record yet.")
    for r in records:
        click.echo(f"{r.name}" + (f" ({r.acronym})" if r.acronym else "") + f"  {coalition_tally(r.sessions)}")
        for s in r.sessions:
            status = f"own {s['document']}" if s.get("document") else s["status"]
            click.echo(f"    {s['session']}  {s['year'] or '????'}  {status:<19} {clip(s['title'], 60)}")


COMMANDS = [people, coalitions]

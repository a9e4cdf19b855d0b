"""The `forumlens` command: a thin layer, one library call per command.

Errors are translated here, in one place: a `ForumlensError` prints one line (what,
which file, what to do) and exits 1; anything else is a bug and prints one line and
exits 70. With --debug or FORUMLENS_DEBUG=1 both print their traceback too.
"""

from __future__ import annotations

import difflib
import importlib
import json
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .cli_support import (
    YEAR_BOUND,
    ForumlensGroup,
    announce_new_store,
    db_option,
    debug_requested,
    discard_store_file,
    for_this_install,
    missing_path_hint,
    new_store_file,
    open_ctx_store,
    settings_of,
    source_checkout,
)
from .errors import ForumlensError, NotFound
from .filetypes import ACCEPTED, CAPTION_HEADER_NEEDED, TABLE_SUFFIXES
from .settings import load_settings

if TYPE_CHECKING:
    from .models import IngestOutcome
    from .store.base import Store

__all__ = ["FEATURE_COMMANDS", "FEATURE_SUMMARIES", "cli", "main"]

# Commands of the feature modules (`forumlens.commands.*`), by name: "module:function".
# A command's module is imported only when that command runs (or `--help` lists it), so
# `forumlens --version` and every other command start without importing the whole
# pipeline. tests/test_cli_startup.py checks this table against the modules' COMMANDS.
FEATURE_COMMANDS: dict[str, str] = {
    "analyse": "analyse:analyse",
    "backup": "backup:backup",
    "brief": "report:brief",
    "coalitions": "people:coalitions",
    "copy": "store_admin:copy",
    "deliver": "digest:deliver",
    "digest": "digest:digest",
    "embed": "semantic:embed",
    "export": "export:export",
    "fetch": "fetch:fetch",
    "glossary": "topics:glossary",
    "live": "live:live",
    "migrate": "store_admin:migrate",
    "people": "people:people",
    "publish": "publish:publish",
    "questions": "questions:questions",
    "record": "record:record",
    "related": "semantic:related",
    "report": "report:report",
    "serve": "serve:serve",
    "subscribers": "subscribers:subscribers",
    "tag": "topics:tag",
    "threads": "threads:threads",
}


# The one-line help of each feature command, so `forumlens --help` lists them without
# importing their modules (that import is most of a second). tests/test_cli_help.py checks
# that each line is what the command's own help shortens to, so the two cannot drift.
FEATURE_SUMMARIES: dict[str, str] = {
    "analyse": "Analyse stored sessions again: people, questions, asks, tags, glossary, takeaways.",
    "backup": "Write a consistent copy of the store to TARGET (readers may keep working).",
    "brief": "A one-page cited brief: talking points on a --topic, or a --coalition snapshot.",
    "coalitions": "Dynamic Coalitions seen in stored sessions: presented, mentioned or invited but absent.",
    "copy": "Copy a whole store, SQLite ⇄ PostgreSQL, and verify the copy table by table.",
    "deliver": "Deliver what is queued (retries included) without matching new sessions.",
    "digest": "Match newly ingested sessions to subscribers and deliver their digests.",
    "embed": "Compute the vectors semantic and hybrid search use, for stored sessions that lack them.",
    "export": "Export the record as tidy tables: one row per item, citations as session + line.",
    "fetch": "Fetch transcripts from the web into the store (politely: robots.txt, a rate limit, a cache).",
    "glossary": "Terms and acronyms with the sentence that defines them: of FILE, of a stored SESSION, or across the store.",
    "live": "Follow a caption file (or an http(s) URL) that grows while the session runs.",
    "migrate": "Create or upgrade the store's schema to this version of forumlens.",
    "people": "People on record, with roles, affiliations, labels and sessions.",
    "publish": "Publish the record as a static site in FOLDER: pages, line anchors, client-side search.",
    "questions": "Questions put to coalitions, people or the room, and whether they were answered.",
    "record": "The secretariat's record: each coalition's sessions, documents on file and slot eligibility.",
    "related": "Related items: similar sessions and turns, coalitions working on it, partner suggestions.",
    "report": "Session report of a transcript FILE, or of a stored SESSION (id or part of its title).",
    "serve": "Run the portal (pages) and the JSON API under /api/.",
    "subscribers": "Manage who receives digests: institutions or people, their interests and channels.",
    "tag": "Tag texts with SDGs, IGF issue areas or Global Digital Compact objectives.",
    "threads": "Asks, commitments and questions of one actor followed across sessions and years.",
}


# What a new user types for a part of the record that no command is named after, and where it is.
ELSEWHERE: dict[str, str] = {
    "asks": (
        "asks, needs and commitments are listed by `forumlens report SESSION` (one session), "
        "`forumlens threads --kind ask` or `--kind commitment` (across sessions and years) "
        "and `forumlens export --what asks`"
    ),
    "tags": (
        "a stored session's tags are in `forumlens report SESSION` and `forumlens export --what tags`, "
        "`forumlens search QUERY --tag CODE` finds sessions by tag, and `forumlens tag FILE` tags a file or a text"
    ),
    "speakers": "who spoke is listed by `forumlens people` (all sessions) and `forumlens show SESSION` (one)",
    "takeaways": (
        "a session's takeaways and calls to action are in `forumlens report SESSION`; "
        "`forumlens brief --topic TEXT` gathers talking points across sessions"
    ),
}
_ELSEWHERE_WORDS = {
    "ask": "asks",
    "needs": "asks",
    "commitments": "asks",
    "recommendations": "asks",
    "promises": "asks",
    "topics": "tags",
    "sdgs": "tags",
    "speaker": "speakers",
    "summary": "takeaways",
    "summaries": "takeaways",
    "summarise": "takeaways",
    "summarize": "takeaways",
}


def unknown_command(name: str, commands: list[str], ctx: click.Context | None = None) -> click.UsageError:
    """The usage error for a command that does not exist: the nearest commands by spelling, every
    command counted (a feature command not imported yet included), and, for a part of the record
    that no command is named after ("asks", "tags"), the commands that show it."""
    word = name.lower()
    where = ELSEWHERE.get(_ELSEWHERE_WORDS.get(word, word))
    if where is None:  # click's own message, its suggestions the close ones (`sesions`: not `questions`)
        near = difflib.get_close_matches(name, commands, n=3, cutoff=0.8)
        return click.exceptions.NoSuchCommand(name, possibilities=near, ctx=ctx)
    return click.UsageError(f"No such command {name!r}: {where}.", ctx)


class _LazyGroup(ForumlensGroup):
    """The `forumlens` group: its own commands, plus FEATURE_COMMANDS imported on demand."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *FEATURE_COMMANDS})

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Click suggests only the commands imported so far (`thread` found no `threads`): every
        command is a possibility here, and a part of the record named as a command says where it is."""
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            raise unknown_command(exc.command_name, self.list_commands(ctx), ctx) from None

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        found = super().get_command(ctx, name)
        if found is not None or name not in FEATURE_COMMANDS:
            return found
        module, attr = FEATURE_COMMANDS[name].split(":")
        command = getattr(importlib.import_module(f"{__package__}.commands.{module}"), attr)
        self.add_command(command, name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of `--help`: a command not imported yet is listed by its summary.

        Click would import every command to ask for its one-line help; a stand-in carrying
        the summary is shortened by click's own rule, so the listing reads the same.
        """
        rows: list[tuple[str, click.Command]] = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is None and name in FEATURE_SUMMARIES:
                command = click.Command(name, help=FEATURE_SUMMARIES[name])
            elif command is None:
                command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in rows])


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    default=None,
    metavar="PATH_OR_URL",
    help="Store: a SQLite file path or a postgresql:// URL. Default: $FORUMLENS_DB, "
    "else forumlens.sqlite3 in your user data directory.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors (FORUMLENS_DEBUG=1 does too).")
@click.version_option(__version__, prog_name="forumlens")
@click.pass_context
def cli(ctx: click.Context, db: str | None, debug: bool) -> None:
    """forumlens: a structured, searchable, cited record of IGF sessions.

    \b
    Typical use:
      forumlens ingest transcripts/            # store every transcript and document in a folder
      forumlens sessions                       # list what is stored
      forumlens report 3f2a9c1d --md           # a cited session report (by id or part of the title)
      forumlens brief --topic "meaningful access"   # cited talking points across the store
      forumlens search '"net neutrality" enforcement' --year 2021
      forumlens questions --open               # what was asked and never answered
    """
    ctx.ensure_object(dict)
    try:
        ctx.obj["settings"] = load_settings({"db": db, "debug": debug or None})
    except ForumlensError as exc:
        ctx.obj["debug"] = debug or debug_requested(())  # FORUMLENS_DEBUG=1 still counts
        raise exc
    ctx.obj["debug"] = ctx.obj["settings"].debug


def _some_names(folder: str, files: list[Path]) -> str:
    """The first few of a folder's files, relative to it, for a one-line warning."""
    return ", ".join(str(f.relative_to(folder)) for f in files[:5]) + (", …" if len(files) > 5 else "")


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--force", is_flag=True, help="Re-ingest files whose content is already stored.")
@click.option("--json", "as_json", is_flag=True, help="Print the outcomes as JSON.")
@click.option(
    "--coalition",
    "coalitions",
    multiple=True,
    metavar="NAME",
    help="Coalition(s) a document is from (name or acronym; repeatable). Overrides detection.",
)
@click.option(
    "--kind",
    "doc_kind",
    metavar="KIND",
    help="Document kind: annual-report, session-report, statement, recommendations, glossary, paper, other.",
)
@click.option("--date", "doc_date", metavar="DATE", help="Document date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--title", "doc_title", metavar="TEXT", help="Document title.")
@click.option("--language", "doc_language", metavar="CODE", help="Document language (ISO 639-1, e.g. en).")
@click.option(
    "--no-analysis",
    "no_analysis",
    is_flag=True,
    help="Store turns only (fast bulk load); run `forumlens analyse --missing` later.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes for parsing and analysis (default: one per CPU, up to 4, when there are several files).",
)
@db_option
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    force: bool,
    as_json: bool,
    coalitions: tuple[str, ...],
    doc_kind: str | None,
    doc_date: str | None,
    doc_title: str | None,
    doc_language: str | None,
    no_analysis: bool,
    workers: int | None,
    db: str | None,
) -> None:
    """Store transcripts and documents (.txt, .html, .md, .pdf, .docx, .mbox, .vtt, .srt, .sbv, .ass, .ttml, caption
    .csv/.tsv): files, folders (recursive) and web pages (http:// or https:// addresses).

    Each input is stored whole or not at all. Inputs already stored (same content)
    are skipped unless --force. Exits 1 if any failed (when all failed, a new store is
    not created). A web page is stored under its
    address (shown by `forumlens show` and in exports); IGF pages are kept without the
    site's menus and banners, and fetched pages are cached in your user cache directory.
    Document metadata is detected; --coalition/--kind/--date/--title/--language, or a
    sidecar FILE.meta.toml, override it.

    \b
    Example:
      forumlens ingest igf2021/ extra-session.txt
      forumlens ingest report.pdf --coalition DC-CIV --kind annual-report --date 2023
      forumlens ingest https://www.intgovforum.org/en/content/igf-2021-day-2-main-session
    """
    from .documents.overrides import parse_overrides
    from .fetch.run import ingest_urls, is_url
    from .format import format_outcomes
    from .ingest import IngestOptions, folder_notes, ingest_paths, sort_folder

    overrides = parse_overrides(
        {
            "coalitions": list(coalitions),
            "kind": doc_kind,
            "date": doc_date,
            "title": doc_title,
            "language": doc_language,
        },
        origin="flag",
    )
    urls = [p for p in paths if is_url(p)]
    files: list[Path] = []
    empty: list[str] = []
    passed: dict[str, list[Path]] = {}  # per folder, the files of a type it does not read
    own: dict[str, list[Path]] = {}  # per folder, forumlens's own outputs (`generated`)
    for p in paths:
        if is_url(p):
            continue
        if not Path(p).is_dir():
            files.append(Path(p))
            continue
        taken, passed[p], own[p] = sort_folder(p)  # one walk a folder
        files += taken
        if not taken and not own[p]:
            empty.append(p)
    for folder, mine in own.items():
        notes = folder_notes(f for f in files if f.is_relative_to(folder))
        if notes:  # a folder's README is read as a document like any .md: said before it is stored
            click.echo(
                f"note: {folder}: {_some_names(folder, notes)} stored too, as "
                f"{'a document' if len(notes) == 1 else 'documents'} like any file of its type "
                f"(the folder's own notes, read as {'a session' if len(notes) == 1 else 'sessions'}); to leave "
                f"{'it' if len(notes) == 1 else 'them'} out, name the files to ingest instead of the folder",
                err=True,
            )
        if mine:  # a report written here earlier is no new session; named, it is tried
            names = _some_names(folder, mine)
            click.echo(
                f"note: {folder}: {len(mine)} {'file' if len(mine) == 1 else 'files'} skipped, written by forumlens "
                f"({names}); name a file to ingest it anyway",
                err=True,
            )
    if not files and not urls:  # before the store is opened: nothing to ingest creates no store
        raise ForumlensError(
            f"no transcripts or documents in {'this folder' if len(empty) == 1 else 'these folders'}",
            source=", ".join(empty) or ", ".join(paths),
            hint=f"forumlens ingests {_INGESTABLE}",
        )
    for folder in empty:
        click.echo(
            f"warning: {folder}: no transcripts or documents in this folder (looked for {_INGESTABLE})", err=True
        )
    for folder, left in passed.items():
        # nothing silently left behind: name what the folder walk did not try. A .csv/.tsv is a type
        # forumlens reads when it is a caption export, so a table that is none is told apart
        tables = [f for f in left if f.suffix.lower() in TABLE_SUFFIXES]
        others = [f for f in left if f.suffix.lower() not in TABLE_SUFFIXES]
        if tables:
            click.echo(
                f"warning: {folder}: {len(tables)} {'table' if len(tables) == 1 else 'tables'} not read, "
                f"no caption export in {'its' if len(tables) == 1 else 'their'} first rows "
                f"({_some_names(folder, tables)}): {CAPTION_HEADER_NEEDED}; fix the header, or name the file "
                "to store it as a document",
                err=True,
            )
        if others:
            click.echo(
                f"warning: {folder}: {len(others)} {'file' if len(others) == 1 else 'files'} not read, "
                f"not a type forumlens ingests ({_some_names(folder, others)}); it reads {_INGESTABLE_TYPES}",
                err=True,
            )
    # a new store is said with the first session stored in it: a run whose every input fails
    # (a missing file, a page that cannot be reached) removes the file again, unsaid
    created = new_store_file(ctx, db, announce=False)
    store = open_ctx_store(ctx, db)
    outcomes: list[IngestOutcome] = []
    show_bar = sys.stderr.isatty() and not as_json and len(files) + len(urls) > 1
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(files) > 2 else 1
    options = IngestOptions.from_settings(
        settings_of(ctx), force=force, analyse=not no_analysis, overrides=overrides, workers=workers
    )
    shown: Any
    try:
        with (
            click.progressbar(
                length=len(files) + len(urls),
                label="Ingesting",
                file=sys.stderr,
                show_pos=True,
                item_show_func=lambda o: o.path[-40:] if o else "",
            )
            if show_bar
            else _plain() as shown
        ):
            bar = _FirstStored(shown, created)
            if files:
                outcomes = ingest_paths(
                    store,
                    files,
                    options,
                    on_file=lambda o: bar.update(1, o),
                    on_warning=lambda message: click.echo(f"warning: {message}", err=True),
                    on_stage=_StageLog() if sys.stderr.isatty() and not as_json and workers == 1 else None,
                )
            outcomes += ingest_urls(
                store,
                urls,
                options,
                on_file=lambda o: bar.update(1, o),
                on_note=lambda message: click.echo(f"note: {message}", err=True),
                on_warning=lambda message: click.echo(f"warning: {message}", err=True),
            )
    finally:
        store.close()
    stored_nothing = created is not None and all(o.status == "failed" for o in outcomes)
    if stored_nothing and created is not None:  # every input failed: leave no empty store behind
        discard_store_file(created)
    if as_json:
        click.echo(json.dumps({"outcomes": [o.to_json() for o in outcomes]}, ensure_ascii=False, indent=1))
    else:
        click.echo(for_this_install(format_outcomes(outcomes), source_checkout()))
        for typo in (p for p in paths if not is_url(p) and not os.path.lexists(p)):
            click.echo(f"hint: {typo}: {missing_path_hint(typo)}", err=True)
        if stored_nothing:
            click.echo(f"note: nothing was stored, so no store was created at {created}", err=True)
    if any(o.status == "failed" for o in outcomes):
        ctx.exit(1)


# what a folder is searched for (ingest.INGEST_SUFFIXES), in words
_INGESTABLE_TYPES = f"{ACCEPTED} (convert a .doc, .odt or .rtf to .docx or PDF first)"
# (ACCEPTED ends in a phrase, "… with a speaker and a text column": nothing may follow it as a noun)
_INGESTABLE = f"{ACCEPTED}; also files with no suffix; subfolders are searched too, and hidden ones are skipped"


class _plain:
    """Stand-in for a progress bar when stderr is not a terminal."""

    def __enter__(self) -> _plain:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, steps: int, item: object = None) -> None:
        return None


class _FirstStored:
    """The progress bar's `update`, which also says where a new store is, once, with the first
    input stored in it (`cli_support.new_store_file(announce=False)`)."""

    def __init__(self, bar: Any, new_store: Path | None) -> None:
        self._bar = bar
        self._new_store = new_store

    def update(self, steps: int, item: IngestOutcome | None = None) -> None:
        if self._new_store is not None and item is not None and item.status == "ingested":
            announce_new_store(self._new_store, below_bar=not isinstance(self._bar, _plain))
            self._new_store = None
        self._bar.update(steps, item)


class _StageLog:
    """Progress inside one long file: a line per analysis stage once the file has taken a while.

    Normal transcripts analyse in well under a second and print nothing; a 2 MB caption
    line takes tens of seconds, and the user sees which stage it is in and for how long.
    """

    QUIET_FOR = 2.0  # seconds of a file before stages are shown

    def __init__(self) -> None:
        self.path: Path | None = None
        self.started = 0.0

    def __call__(self, path: Path, stage: str) -> None:
        import time

        now = time.monotonic()
        if path != self.path:
            self.path, self.started = path, now
        if now - self.started >= self.QUIET_FOR:
            click.echo(f"  {path.name}: {stage} ({now - self.started:.0f} s so far)", err=True)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))  # a folder is named by read_input, in words
@click.option("--json", "as_json", is_flag=True, help="Print the parse contract (DESIGN.md) as JSON.")
@click.option("--offsets", is_flag=True, help="With --json, add character offsets and end lines.")
def parse(file: Path, as_json: bool, offsets: bool) -> None:
    """Show the turns of a transcript without storing it.

    \b
    Example:
      forumlens parse session.txt --json
    """
    from .cli_support import read_input
    from .format import counted, format_turns
    from .pipeline import parse_document
    from .read import read_bytes

    document = read_bytes(read_input(file), str(file))
    session = parse_document(document)
    if as_json:
        click.echo(json.dumps(session.to_json(internal=offsets), ensure_ascii=False, indent=1))
        return
    click.echo(f"{session.title or '(no title in the header)'}\n{counted(len(session.turns), 'turn')}\n")
    click.echo(format_turns(session))
    for warning in session.warnings:
        click.echo(f"warning: {file}: {warning}", err=True)


@cli.command()
@click.option("--year", type=YEAR_BOUND, help="Only sessions of this year.")
@click.option(
    "--limit", type=click.IntRange(1), default=100, show_default=True, help="List at most this many sessions."
)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@db_option
@click.pass_context
def sessions(ctx: click.Context, year: int | None, limit: int, as_json: bool, db: str | None) -> None:
    """List stored sessions (those still being captioned first, marked "live (in progress)").

    Newest year first: id, year, state, turns, speakers, words and title; the id (or a prefix of
    it, or part of the title) is what `show`, `report` and `glossary` take.

    \b
    Examples:
      forumlens sessions --year 2024
      forumlens sessions --json > sessions.json
    """
    from .views import format_session_list, list_sessions, sessions_json

    store = open_ctx_store(ctx, db, readonly=True)
    try:
        rows = list_sessions(store, year=year, limit=limit)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(sessions_json(rows), ensure_ascii=False, indent=1))
    else:
        click.echo(format_session_list(rows))


@cli.command()
@click.argument("session")
@click.option("--json", "as_json", is_flag=True, help="Print the session as JSON (parse contract).")
@click.option("--full", is_flag=True, help="Do not shorten turn texts.")
@db_option
@click.pass_context
def show(ctx: click.Context, session: str, as_json: bool, full: bool, db: str | None) -> None:
    """Show one stored session (or one still being captioned), by id, id prefix or part of its title.

    \b
    Examples:
      forumlens show 79aa8ac4                  # by an id prefix (`forumlens sessions` lists them)
      forumlens show "Coalition Outputs" --full
    """
    from .views import format_session_view, session_view

    store = open_ctx_store(ctx, db, readonly=True)
    try:
        view = session_view(store, session)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(view.to_json(), ensure_ascii=False, indent=1))
    else:
        click.echo(format_session_view(view, full=full))


@cli.command()
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--speaker",
    help="Only turns by this speaker: part of the caption label or of the name of the person the turn is "
    "counted for (case- and accent-insensitive).",
)
@click.option("--session", "session_ref", help="Only this session (id prefix or part of the title).")
@click.option("--year", type=YEAR_BOUND, help="Only sessions of this year.")
@click.option("--tag", "tag_code", help="Only sessions tagged with this code (SDG9, GDC1, IGF2021-ACCESS, …).")
@click.option("--coalition", help="Only sessions where this coalition appears (part of its name or acronym).")
@click.option("--limit", type=click.IntRange(1, 1000), default=None, help="Number of hits, 1–1000 (default 20).")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many hits (pagination).")
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON (DESIGN.md contract).")
@click.option(
    "--mode",
    type=click.Choice(["lexical", "semantic", "hybrid"]),
    default="lexical",
    show_default=True,
    help="lexical: the words; semantic: the meaning (needs forumlens[semantic] and `forumlens embed`); "
    "hybrid: both, fused.",
)
@db_option
@click.pass_context
def search(
    ctx: click.Context,
    query: tuple[str, ...],
    speaker: str | None,
    session_ref: str | None,
    year: int | None,
    tag_code: str | None,
    coalition: str | None,
    limit: int | None,
    offset: int,
    as_json: bool,
    mode: str,
    db: str | None,
) -> None:
    """Search what was said. Any text is safe to type.

    \b
    Syntax: words (all must match), "exact phrase", a OR b, -word to exclude, word* prefix.
    A query that starts with -word needs `--` first, so it is not read as an option.
    Example:
      forumlens search '"net neutrality" enforcement' --year 2021 --speaker marsden
      forumlens search -- -gender coalition
    """
    from .credits import turn_credits
    from .format import format_hits
    from .search import SearchFilters, parse_query

    text = " ".join(query)
    if not text.strip():
        raise click.UsageError("give something to search for, e.g. forumlens search funding")
    store = open_ctx_store(ctx, db, readonly=True)
    notice = None
    empty_store = False
    try:
        if coalition:  # a name that matches no coalition on record is an error with suggestions, not "no matches"
            from .coalition_filter import pick_coalition

            coalition = pick_coalition(coalition, store.coalition_names())
        filters = SearchFilters(
            speaker=speaker,
            session=session_ref,
            year=year,
            tag=tag_code,
            coalition=coalition,
            limit=limit or settings_of(ctx).search_limit,
            offset=max(0, offset),
        )
        # a --session that names no stored session is an error (exit 1), as `report`/`show` of it is
        if session_ref is not None and store.session_count() and _names_no_session(store, session_ref):
            raise NotFound(
                f"no session matches --session {session_ref!r}",
                hint="give an id prefix or part of a title; `forumlens sessions` lists them",
            )
        if mode == "lexical":
            hits = store.search(parse_query(text), filters)
        else:
            from .semantic import search_answer

            answer = search_answer(store, text, filters, mode)  # hybrid without vectors: words only, and why
            hits, notice = answer.hits, answer.notice
        empty_store = not hits and store.session_count() == 0
        credits = {} if as_json else turn_credits(store, [(h.session, h.line) for h in hits])
        tags_on_record = _tags_on_record(store, tag_code) if tag_code and not hits and not empty_store else None
    finally:
        store.close()
    if as_json:
        data = {
            "query": text,
            "hits": [h.to_json() for h in hits],
            "notice": notice,
            "total_is_estimate": bool(getattr(hits, "total_is_estimate", False)),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        if notice:
            click.echo(f"note: {notice}", err=True)
        click.echo(format_hits(hits, text, credits))
        why = _why_no_hits(text, empty_store) if not hits else None
        if why:
            click.echo(f"note: {why}", err=True)
        elif tags_on_record is not None:  # a --tag no stored session carries is not "no matches": say so
            click.echo(f"note: {_unknown_tag_note(tag_code or '', tags_on_record)}", err=True)
        elif not hits and (typed := _typed_filters(text)):  # `speaker:avri` is words here, not a filter
            click.echo(f"note: {typed}", err=True)
        elif not hits:  # say what narrowed the search to nothing, so the user knows what to drop
            narrowed = [
                f"{flag} {value}"
                for flag, value in (
                    ("--speaker", speaker),
                    ("--session", session_ref),
                    ("--year", year),
                    ("--tag", tag_code),
                    ("--coalition", coalition),
                    ("--offset", offset or None),
                )
                if value is not None
            ]
            if narrowed:
                which = "it" if len(narrowed) == 1 else "them"
                click.echo(
                    f"note: searched only with {', '.join(narrowed)}; drop {which} to search everything", err=True
                )


def _names_no_session(store: Store, ref: str) -> bool:
    """Whether a --session filter fits no stored session (one that fits several still narrows a search)."""
    try:
        store.resolve_ref(ref)
    except NotFound:
        return True
    except ForumlensError:  # several sessions, or an empty ref: a filter, not a typo
        return False
    return False


def _tags_on_record(store: Store, code: str) -> list[str] | None:
    """The tag codes stored sessions carry (most used first) when --tag names none of them, else None:
    a typo (`GDC` for `GDC1`) or a goal nothing was tagged with narrows a search to nothing without
    the words being at fault."""
    counts = store.tag_counts()
    if any(t.code.upper() == code.strip().upper() for t in counts):
        return None
    return [t.code for t in sorted(counts, key=lambda t: (-t.sessions, t.code))]


def _unknown_tag_note(code: str, known: list[str]) -> str:
    """One line: the tag is on no stored session, and the ones to try instead."""
    if not known:
        return f"no stored session is tagged {code}: no session carries a tag yet; drop --tag to search everything"
    shown = ", ".join(known[:8]) + (f" and {len(known) - 8} more" if len(known) > 8 else "")
    return f"no stored session is tagged {code} (tags on record: {shown}); drop --tag to search everything"


def _typed_filters(text: str) -> str | None:
    """What to type instead of `speaker:avri` in the query: the option it meant, or None."""
    import shlex

    from .commands.search_notes import as_typed, filter_words

    if (found := filter_words(text)) is None:
        return None
    rest, filters = found
    typed = as_typed(filters)
    options = " ".join(f"--{name} {shlex.quote(value)}" for name, value in filters.items())
    words = shlex.quote(rest) if rest else "WORDS"
    return f"{typed} is searched as words, not as a filter: forumlens search {words} {options}"


def _why_no_hits(text: str, empty_store: bool) -> str | None:
    """Why a search found nothing when it is not the words' fault: nothing stored, or nothing to look for."""
    from .commands.search_notes import nothing_to_find

    if empty_store:
        return "nothing is stored yet: `forumlens ingest FILES` adds transcripts and documents (check --db)"
    return nothing_to_find(text)


@cli.command()
@db_option
@click.option(
    "--json", "as_json", is_flag=True, help='Print {"ok", "counts", "problems"} as JSON (exit status as without).'
)
@click.pass_context
def check(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """Check the store's integrity; exits 1 and lists problems if any.

    Prints the row counts and "ok", or one "problem:" line each.

    \b
    Examples:
      forumlens check
      forumlens check --json --db igf.sqlite3  # for a monitoring script
    """
    from .errors import StoreCorrupt

    store = open_ctx_store(ctx, db, readonly=True)
    try:
        problems = store.check()
        try:
            counts = store.counts()
        except StoreCorrupt:  # damaged past counting: `problems` already says so
            counts = {}
    finally:
        store.close()
    if as_json:  # for a monitoring script: the same verdict, the same exit status
        click.echo(
            json.dumps({"ok": not problems, "counts": counts, "problems": problems}, ensure_ascii=False, indent=1)
        )
        if problems:
            ctx.exit(1)
        return
    # "documents" is the table of every stored source, transcripts included: say sources
    if counts:
        click.echo(", ".join(f"{v} {'sources' if k == 'documents' else k}" for k, v in counts.items()))
    if problems:
        click.echo("\n".join(f"problem: {p}" for p in problems))
        ctx.exit(1)
    click.echo("ok")


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `forumlens` script and `python -m forumlens`."""
    try:  # compiled patterns kept between runs (issue 19); it rests on CPython's `re` internals,
        from .text.recache import install  # so a Python where they differ runs without it

        cache = install()
    except Exception:  # a start-up cache never stops a command
        cache = None
    if cache is not None and cache.path is not None:  # and, beside them, what is derived from data files
        from .text import keep

        keep.install(cache.path.parent)
    try:
        cli.main(args=argv, prog_name="forumlens", standalone_mode=True)
    except ForumlensError as exc:  # raised before the group could translate it
        if debug_requested(argv):
            traceback.print_exc()
        click.echo(f"error: {exc.render()}", err=True)
        sys.exit(1)
    except Exception as exc:  # a bug the group passed on because tracebacks were asked for
        traceback.print_exc()
        click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(70)

"""`forumlens report` (one session, or its IGF reporting template) and `forumlens brief`
(a topic or a coalition, across the store).

Citations describe themselves in every format: the stored report JSON and the briefs
get their sessions' title, year and date (`summarise.sources`) before they are printed.
"""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..cli_support import YEAR_BOUND, checked_years, db_option, open_ctx_store, out_file, read_input, settings_of
from ..errors import ForumlensError

# The pipeline, readers, briefs and coalition registry are imported where they are used:
# `forumlens report --help` must not pay for them (issue 19, tests/test_cli_help_imports.py).
if TYPE_CHECKING:
    from ..models import Session
    from ..summarise import CoalitionBrief, SessionReport, TopicBrief

TEMPLATES = ("igf",)
# Analyses of a FILE that a rendered report (text, Markdown, HTML, PDF) never reads: it builds
# its own summary from the others (`report.render_report`, `summarise.build_report`, both read
# people, coalitions, segments, asks, questions, tags, stats and the document's date) and shows
# no glossary or keyword profile: not computing them spares a second summary (issue 19).
NOT_RENDERED = frozenset(
    {"takeaways", "calls_to_action", "speaker_points", "open_questions", "coalitions_presented", "glossary", "keywords"}
)


def _format(
    as_json: bool,
    md: bool,
    html: bool,
    text: bool = False,
    pdf: bool = False,
    out: Path | None = None,
    docx: bool = False,
) -> str:
    flags = (("json", as_json), ("md", md), ("html", html), ("text", text), ("pdf", pdf), ("docx", docx))
    chosen = [name for name, on in flags if on]
    if len(chosen) > 1:  # a usage mistake (exit 2), named as typed: "--json and --md are different formats"
        given = " and ".join(f"--{name}" for name in chosen)
        raise click.UsageError(f"{given} are different formats: give one of them")
    for name, on in (("pdf", pdf), ("docx", docx)):
        if on and out is None:
            raise click.UsageError(f"--{name} writes a file: give -o FILE.{name}")
        if on and out is not None and out.suffix.lower() != f".{name}":
            # the bytes are a PDF or Word file whatever the name: one called report.txt opens as garbage
            click.echo(
                f"note: {out}: --{name} writes a {'PDF' if name == 'pdf' else 'Word'} file; "
                f"name it {out.with_suffix('.' + name).name} for it to open as one",
                err=True,
            )
    return chosen[0] if chosen else "text"


def _emit_pdf(
    summary: SessionReport | TopicBrief | CoalitionBrief, out: Path | None, analyses: dict[str, Any] | None = None
) -> None:
    from ..summarise.pdf import render_pdf

    assert out is not None
    data = render_pdf(summary, analyses=analyses)
    _write_file(out, data)


def _emit(content: str, out: Path | None, fmt: str = "") -> None:
    if out is None:
        click.echo(content)
        return
    if fmt == "md":  # `generated`: ingest's folder walk knows its own reports
        from ..generated import MD_MARK  # here, not at the top: `--help` imports no more (test_cli_help_imports)

        content = f"{content.rstrip()}\n\n{MD_MARK}\n"
    _write_file(out, content)


def _write_file(out: Path, data: str | bytes) -> None:
    """Write a report to `-o FILE` (text as UTF-8, a PDF or Word file as bytes) and say so on stderr; a file that
    cannot be written is a `ForumlensError` naming it. One place, so every format fails and reports alike."""
    try:
        if isinstance(data, bytes):
            out.write_bytes(data)
        else:
            out.write_text(data, "utf-8")
    except OSError as exc:
        raise ForumlensError(
            f"cannot write the file: {exc.strerror}",
            source=str(out),
            hint="check that its folder exists and is writable",
        ) from exc
    click.echo(f"wrote {out}", err=True)


FILE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".md", ".markdown", ".pdf", ".docx", ".doc", ".srt", ".vtt")


def looks_like_path(target: str) -> bool:
    """A report target typed as a file (a known suffix, or a path with a folder and no spaces), not a session.

    Session ids are hex and titles are words with spaces, so neither is taken for a path.
    """
    return Path(target).suffix.lower() in FILE_SUFFIXES or (
        ("/" in target or "\\" in target) and not any(ch.isspace() for ch in target)
    )


def _load(
    ctx: click.Context, target: str, db: str | None, *, skip: frozenset[str] = frozenset()
) -> tuple[Session, dict[str, Any]]:
    """A transcript FILE analysed now, or a stored session and its analyses; citations described.

    `skip`: analyses of a FILE the caller will not read (`AnalysisOptions.skip`); a stored
    session has them all.
    """
    from ..summarise.sources import describe_analyses

    path = Path(target)
    if path.is_dir():  # a folder is never a session: say so rather than "no session matches"
        raise ForumlensError(
            "is a folder, not a file",
            source=target,
            hint="give one transcript file or a stored session; `forumlens ingest FOLDER` stores a whole folder",
        )
    if not path.is_file() and looks_like_path(target):
        # a typo in a file name would otherwise read as "no session matches" (or "no store")
        raise ForumlensError(
            "file not found",
            source=target,
            hint="give a transcript file, or a stored session by id or part of its title (`forumlens sessions`)",
        )
    if path.is_file():
        from ..pipeline import AnalysisOptions, analyse_session, prepare_document
        from ..read import read_bytes

        session, meta = prepare_document(read_bytes(read_input(path), target), today=dt.date.today().isoformat())
        options = AnalysisOptions(words_per_minute=settings_of(ctx).words_per_minute, skip=skip)
        analyses = analyse_session(session, options)
        analyses["document"] = meta.to_json()  # as ingest stores it: the date citations name
    else:
        store = open_ctx_store(ctx, db, readonly=True)
        try:
            session = store.load_session(target)
            analyses = store.analyses(session.id)
        finally:
            store.close()
    return session, describe_analyses(session, analyses)


def _emit_template(session: Session, analyses: dict[str, Any], fmt: str, out: Path | None) -> None:
    """The IGF reporting template, refused if any sentence fails its citation check."""
    from ..summarise import check_citations
    from ..summarise.template import igf_report
    from ..summarise.template_render import render_template, template_docx

    filled = igf_report(session, analyses)
    problems = check_citations(filled, [session], {session.id: analyses})
    if problems:  # a bug, never a user error: refuse to hand out uncited sentences
        raise ForumlensError("the template failed its citation check: " + "; ".join(problems[:3]))
    if fmt != "docx":
        _emit(render_template(filled, fmt), out, fmt)
        return
    assert out is not None
    _write_file(out, template_docx(filled))


@click.command()
@click.argument("target")
@click.option("--json", "as_json", is_flag=True, help="The report contract of DESIGN.md as JSON.")
@click.option("--md", is_flag=True, help="Markdown.")
@click.option("--html", is_flag=True, help="A standalone HTML page.")
@click.option("--text", is_flag=True, help="Plain text for the terminal (the default).")
@click.option("--pdf", is_flag=True, help="PDF, sources as footnotes (extra `pdf`; needs -o FILE).")
@click.option(
    "--template",
    type=click.Choice(TEMPLATES),
    help="Fill a reporting template instead: `igf`, the IGF workshop report (every sentence cited).",
)
@click.option("--docx", is_flag=True, help="With --template: a Word file to edit (extra `documents`; needs -o FILE).")
@click.option(
    "-o", "--out", type=click.Path(path_type=Path, dir_okay=False), callback=out_file, help="Write to this file."
)
@db_option
@click.pass_context
def report(
    ctx: click.Context,
    target: str,
    as_json: bool,
    md: bool,
    html: bool,
    text: bool,
    pdf: bool,
    template: str | None,
    docx: bool,
    out: Path | None,
    db: str | None,
) -> None:
    """Session report of a transcript FILE, or of a stored SESSION (id or part of its title).

    Key takeaways, calls to action, points per speaker, open questions, coalitions,
    speaking time, questions and their fate, asks by category, topics — every summary
    line cites the session, speaker and line it comes from. With --template igf, the
    IGF workshop reporting template instead, its headings in order: Session title,
    Date, Organiser, Chair/Moderator, Rapporteur, Speakers and their institutional
    affiliations, Key issues raised, Presentations, Discussion, Way forward and key
    takeaways, Calls to action; then a short form (3 takeaways, 2 calls to action).

    \b
    Exit codes: 0 the report; 1 a file or SESSION that cannot be found or read;
    2 a usage mistake (two formats, --pdf/--docx without -o, --docx without --template).
    \b
    Examples:
      forumlens report session.txt --md -o report.md
      forumlens report d209c5 --json
      forumlens report d209c5 --pdf -o report.pdf
      forumlens report d209c5 --template igf --docx -o report.docx
    """
    if docx and not template:  # usage mistakes exit 2, as the format checks do
        raise click.UsageError("--docx writes the filled template: add --template igf")
    if template and pdf:
        raise click.UsageError("--template igf writes text, --md, --html, --json or --docx, not --pdf")
    fmt = _format(as_json, md, html, text, pdf, out, docx)
    # JSON and the template read every analysis; text, Markdown, HTML and PDF render a summary
    # built from the other analyses (`render_report`, `build_report`) and show no glossary
    rendered = fmt != "json" and template is None
    session, analyses = _load(ctx, target, db, skip=NOT_RENDERED if rendered else frozenset())
    if "people" not in analyses and not Path(target).is_file():
        # stored with `ingest --no-analysis` (or a live session before its first analysis):
        # people, questions, asks and tags are not there to show
        click.echo(
            f"note: session {session.id} has no stored analysis (`ingest --no-analysis`, or still being "
            f"captioned), so the report lacks its people, questions, asks and tags: "
            f"`forumlens analyse {session.id}` stores them",
            err=True,
        )
    if template:
        _emit_template(session, analyses, fmt, out)
        return
    from ..report import render_report, session_summary

    summary = session_summary(session, analyses) if fmt != "json" else None
    if fmt == "pdf":
        assert summary is not None
        _emit_pdf(summary, out, analyses)
    else:
        _emit(render_report(session, analyses, fmt, summary=summary), out, fmt)
    if summary is not None and not summary.bullets():  # an empty report says why, as an empty brief does
        from ..format import empty_report_reason

        lister = f"forumlens parse {shlex.quote(target)}" if Path(target).is_file() else f"forumlens show {session.id}"
        click.echo(f"note: {empty_report_reason(session, f'`{lister}`')}", err=True)


@click.command()
@click.option("--topic", help="Talking points on this topic, across the store.")
@click.option("--coalition", help="A coalition snapshot (or, with --topic, only this coalition's sessions).")
@click.option("--since", type=YEAR_BOUND, help="Only sessions from this year on (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", type=YEAR_BOUND, help="Only sessions up to this year (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="JSON (DESIGN.md brief contract).")
@click.option("--md", is_flag=True, help="Markdown.")
@click.option("--html", is_flag=True, help="A standalone HTML page.")
@click.option("--pdf", is_flag=True, help="PDF, sources as footnotes (extra `pdf`; needs -o FILE).")
@click.option(
    "-o", "--out", type=click.Path(path_type=Path, dir_okay=False), callback=out_file, help="Write to this file."
)
@db_option
@click.pass_context
def brief(
    ctx: click.Context,
    topic: str | None,
    coalition: str | None,
    since: int | None,
    until: int | None,
    as_json: bool,
    md: bool,
    html: bool,
    pdf: bool,
    out: Path | None,
    db: str | None,
) -> None:
    """A one-page cited brief: talking points on a --topic, or a --coalition snapshot.

    \b
    Exit codes: 0 the brief, also an empty one (a note on stderr says why);
    1 no store at --db, or a --coalition that names no coalition (the nearest are suggested);
    2 a usage mistake (neither --topic nor --coalition, two formats, --pdf without -o,
    a --since/--until that is not a date, --since after --until).
    \b
    Examples:
      forumlens brief --topic "freedom of expression on social media" --md
      forumlens brief --coalition "Platform Responsibility" --json
      forumlens brief --topic "meaningful access" --pdf -o access.pdf
    """
    from ..briefs import coalition_brief, topic_brief
    from ..coalition_filter import pick_coalition
    from ..summarise import render

    if not topic and not coalition:
        raise click.UsageError("give --topic TEXT or --coalition NAME")
    fmt = _format(as_json, md, html, pdf=pdf, out=out)
    checked_years(since, until)  # bounds in the wrong order are a usage error (exit 2), as a bad date is
    store = open_ctx_store(ctx, db, readonly=True)
    result: TopicBrief | CoalitionBrief
    snapshot: CoalitionBrief | None = None
    searched: str | None = None  # what an empty topic brief searched, and the topics the store holds
    try:
        if coalition:  # a name that fits no coalition on record is an error with suggestions, not an empty snapshot
            coalition = pick_coalition(coalition, store.coalition_names())
        if topic:
            result = topic_brief(store, topic, since=since, until=until, coalition=coalition)
        else:
            assert coalition is not None
            result = snapshot = coalition_brief(store, coalition, since=since, until=until)
        empty_store = not result.bullets() and store.session_count() == 0
        if topic and not result.bullets() and not empty_store and not (since or until or coalition):
            from ..briefs import empty_topic_note

            searched = empty_topic_note(store, topic)
    finally:
        store.close()
    if fmt == "pdf":
        _emit_pdf(result, out)
    else:
        _emit(render(result, fmt), out, fmt)
    if fmt == "json" or result.bullets():
        return
    if empty_store:
        why = "nothing is stored yet: `forumlens ingest FILES` adds transcripts and documents (check --db)"
    elif snapshot is not None:
        why = _empty_snapshot_reason(snapshot, since, until)
    elif searched is not None:
        why = searched
    else:
        why = _empty_topic_reason(topic or "", since, until, coalition)
    click.echo(f"note: {why}", err=True)


def _empty_topic_reason(topic: str, since: int | None, until: int | None, coalition: str | None) -> str:
    """Why a topic brief narrowed by filters has no talking points: say which filters, so the user knows
    what to drop (an unfiltered empty brief is explained by `briefs.empty_topic_note` instead)."""
    narrowed = [
        f"{flag} {value}"
        for flag, value in (("--since", since), ("--until", until), ("--coalition", coalition))
        if value
    ]
    return f"nothing on {topic!r} with {', '.join(narrowed)}; drop {'it' if len(narrowed) == 1 else 'them'} to look across the whole store"


def _empty_snapshot_reason(result: CoalitionBrief, since: int | None, until: int | None) -> str:
    """Why a coalition snapshot has nothing in it: the coalition is in no stored session (of those years), or
    it is, but none of its lines reads as a point to cite."""
    name = f"{result.name} ({result.acronym})" if result.acronym else result.name
    years = (f" from {since}" if since else "") + (f" up to {until}" if until else "")
    if not result.appearances:
        return (
            f"no stored session{years} has {name} speaking or named: ingest its sessions "
            "(`forumlens coalitions` lists the coalitions on record)"
        )
    return f"{name} appears in stored sessions{years}, but none of its lines reads as a point to cite"


COMMANDS = [report, brief]

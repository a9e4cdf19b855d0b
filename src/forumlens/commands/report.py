"""`forumlens report` (one session) and `forumlens brief` (a topic or a coalition, across the store)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..briefs import coalition_brief, topic_brief
from ..cli_support import YEAR_BOUND, db_option, open_ctx_store, settings_of
from ..dates import year_range
from ..errors import ConfigError, ForumlensError
from ..models import Session
from ..pipeline import AnalysisOptions, analyse_session, parse_document
from ..read import read_bytes
from ..report import render_report
from ..resolve.coalition_names import find_coalition

if TYPE_CHECKING:
    from ..summarise import CoalitionBrief, SessionReport, TopicBrief


def _format(as_json: bool, md: bool, html: bool, text: bool = False, pdf: bool = False, out: Path | None = None) -> str:
    chosen = [name for name, on in (("json", as_json), ("md", md), ("html", html), ("text", text), ("pdf", pdf)) if on]
    if len(chosen) > 1:
        raise ConfigError("choose one of --json, --md, --html, --pdf")
    if pdf and out is None:
        raise ConfigError("--pdf writes a file: give -o FILE.pdf")
    return chosen[0] if chosen else "text"


def _emit_pdf(
    summary: SessionReport | TopicBrief | CoalitionBrief, out: Path | None, analyses: dict[str, Any] | None = None
) -> None:
    from ..summarise.pdf import render_pdf

    assert out is not None
    data = render_pdf(summary, analyses=analyses)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise ForumlensError(f"cannot write the report: {exc.strerror}", source=str(out)) from exc
    click.echo(f"wrote {out}", err=True)


def _emit(content: str, out: Path | None) -> None:
    if out is None:
        click.echo(content)
        return
    try:
        out.write_text(content, "utf-8")
    except OSError as exc:
        raise ForumlensError(f"cannot write the report: {exc.strerror}", source=str(out)) from exc
    click.echo(f"wrote {out}", err=True)


@click.command()
@click.argument("target")
@click.option("--json", "as_json", is_flag=True, help="The report contract of DESIGN.md as JSON.")
@click.option("--md", is_flag=True, help="Markdown.")
@click.option("--html", is_flag=True, help="A standalone HTML page.")
@click.option("--text", is_flag=True, help="Plain text for the terminal (the default).")
@click.option("--pdf", is_flag=True, help="PDF, citations under each point (extra `pdf`; needs -o FILE).")
@click.option("-o", "--out", type=click.Path(path_type=Path, dir_okay=False), help="Write to this file.")
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
    out: Path | None,
    db: str | None,
) -> None:
    """Session report of a transcript FILE, or of a stored SESSION (id or part of its title).

    Key takeaways, calls to action, points per speaker, open questions, coalitions,
    speaking time, questions and their fate, asks by category, topics — every summary
    line cites the transcript line and speaker it comes from.

    \b
    Examples:
      forumlens report session.txt --md -o report.md
      forumlens report d209c5 --json
      forumlens report d209c5 --pdf -o report.pdf
    """
    fmt = _format(as_json, md, html, text, pdf, out)
    path = Path(target)
    if path.is_file():
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ForumlensError(f"cannot read the file: {exc.strerror}", source=target) from exc
        session: Session = parse_document(read_bytes(data, target))
        analyses = analyse_session(session, AnalysisOptions(words_per_minute=settings_of(ctx).words_per_minute))
    else:
        store = open_ctx_store(ctx, db, readonly=True)
        try:
            session = store.load_session(target)
            analyses = store.analyses(session.id)
        finally:
            store.close()
    if fmt == "pdf":
        from ..summarise import build_report

        _emit_pdf(build_report(session, analyses), out, analyses)
        return
    _emit(render_report(session, analyses, fmt), out)


@click.command()
@click.option("--topic", help="Talking points on this topic, across the store.")
@click.option("--coalition", help="A coalition snapshot (or, with --topic, only this coalition's sessions).")
@click.option("--since", type=YEAR_BOUND, help="Only sessions from this year on (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", type=YEAR_BOUND, help="Only sessions up to this year (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="JSON (DESIGN.md brief contract).")
@click.option("--md", is_flag=True, help="Markdown.")
@click.option("--html", is_flag=True, help="A standalone HTML page.")
@click.option("--pdf", is_flag=True, help="PDF, citations under each point (extra `pdf`; needs -o FILE).")
@click.option("-o", "--out", type=click.Path(path_type=Path, dir_okay=False), help="Write to this file.")
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
    Examples:
      forumlens brief --topic "freedom of expression on social media" --md
      forumlens brief --coalition "Platform Responsibility" --json
      forumlens brief --topic "meaningful access" --pdf -o access.pdf
    """
    from ..summarise import render

    if not topic and not coalition:
        raise ConfigError("give --topic TEXT or --coalition NAME")
    fmt = _format(as_json, md, html, pdf=pdf, out=out)
    year_range(since, until)  # bounds in the wrong order are a usage error
    if coalition:  # a name that fits no coalition is an error with suggestions, not an empty snapshot
        coalition = find_coalition(coalition).name
    store = open_ctx_store(ctx, db, readonly=True)
    result: TopicBrief | CoalitionBrief
    try:
        if topic:
            result = topic_brief(store, topic, since=since, until=until, coalition=coalition)
        else:
            assert coalition is not None
            result = coalition_brief(store, coalition, since=since, until=until)
    finally:
        store.close()
    if fmt == "pdf":
        _emit_pdf(result, out)
        return
    _emit(render(result, fmt), out)


COMMANDS = [report, brief]

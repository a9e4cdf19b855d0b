"""`forumlens tag` (the JSONL contract, or a file's tags) and `forumlens glossary`."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..cli_support import clip, db_option, open_ctx_store, read_input

if TYPE_CHECKING:
    from ..models import Session
    from ..store.base import Store
    from ..tag.tagger import Tag, TagScore


_SCHEME_WORDS = {"sdg": "SDG", "issue-area": "IGF issue-area", "gdc": "Global Digital Compact"}
_EVIDENCE_QUOTES = 2  # quotes printed under each tag of a file; the lines list has them all
_TEXT_HINT = 'to tag words rather than a file: forumlens tag --text "clean water"'
# The bars `--threshold` falls back to: `forumlens.tag.tagger.THRESHOLD`, and per scheme its
# `short_threshold` (a file shorter than one passage). Kept here so `tag --help` imports no
# tagger; tests/test_cli_help_imports.py checks them against the tagger's own.
THRESHOLD_BARS = {"default": 0.5, "sdg": 0.65, "issue-area": 0.55, "gdc": 0.55}
_SCHEME_PLURALS = {"sdg": "SDGs", "issue-area": "issue areas", "gdc": "GDC objectives"}


def threshold_help(bars: dict[str, float]) -> str:
    """The help of `--threshold`, naming the bars `bars` holds, schemes of one bar together."""
    by_bar: dict[float, list[str]] = {}
    for scheme, plural in _SCHEME_PLURALS.items():
        by_bar.setdefault(bars[scheme], []).append(plural)
    short = ", ".join(f"{bar:g} for {' and '.join(names)}" for bar, names in by_bar.items())
    return (
        f"Score (0 to 1) at or above which a code is assigned [default: {bars['default']:g}; "
        f"a FILE shorter than one passage: {short}]."
    )


class Score(click.ParamType):
    """A score threshold: a number from 0 to 1 (tag scores are in that range).

    click's FloatRange lets NaN through (every comparison with NaN is false), and a NaN
    threshold assigns nothing without a word; a usage error (exit 2) says what is accepted.
    """

    name = "0..1"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        if isinstance(value, float) and 0.0 <= value <= 1.0:
            return value
        option = f"--{param.name}" if param is not None and param.name else "the score"
        try:
            number = float(str(value).strip())
        except ValueError:
            number = math.nan
        if math.isnan(number):
            self.fail(f"{option} {value!r} is not a number: give a score from 0 to 1, such as 0.5", param, ctx)
        if not 0.0 <= number <= 1.0:
            self.fail(f"{option} {value} is out of range: give a score from 0 to 1, such as 0.5", param, ctx)
        return number


def _session_of(file: Path, *, hint: str | None = None) -> Session:
    """The session of a file through the project's readers: transcript turns or paragraphs."""
    from ..pipeline import prepare_document
    from ..read import read_bytes

    return prepare_document(read_bytes(read_input(file, hint), str(file)))[0]


def _quote(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def speech_on_line(session: Session, n: int) -> str | None:
    """What the speaker said on source line `n`: the part of the turn's text on that line.

    Never the caption marker: on the marker's line ">> ANA LIMA: Clean water …" it is
    "Clean water …", and a marker alone on its line holds no speech (None). A line outside
    every turn (a header, a blank line) holds none either.
    """
    for turn in session.turns:
        k = n - turn.first_line
        if 0 <= k <= turn.text.count("\n"):
            return turn.text.split("\n")[k] if turn.kind == "speech" else None
    return None


def file_tag_evidence(tag: Tag, session: Session) -> list[tuple[int, str]]:
    """The first evidence sentences of a file's tag as (line, sentence), quoted from the speech on
    each line (`speech_on_line`), never from the marker and label."""
    from ..tag.tagger import evidence_sentences

    found = []
    for n in tag.lines[:_EVIDENCE_QUOTES]:
        said = speech_on_line(session, n)
        if said and said.strip():
            quote = evidence_sentences(said, tag.scheme, tag.code)
            found.append((n, quote[0] if quote else said.strip()))
    return found


def format_file_tags(tags: list[Tag], session: Session) -> str:
    """One line per tag (code, score, label, evidence lines), then its first evidence sentences."""
    out = []
    for t in tags:
        out.append(f"{t.code:<22} {t.score:.2f}  {t.label}  (lines {', '.join(map(str, t.lines[:6]))})")
        out.extend(f"    L{n}  {_quote(said)}" for n, said in file_tag_evidence(t, session))
    return "\n".join(out)


def file_tags_json(tags: list[Tag], session: Session, file: Path) -> dict[str, Any]:
    """`tag FILE --json`: each tag as the report contract has it, plus its evidence sentences."""
    return {
        "file": str(file),
        "tags": [
            {**t.to_json(), "evidence": [{"line": n, "quote": said} for n, said in file_tag_evidence(t, session)]}
            for t in tags
        ],
    }


def text_tags_json(tags: list[TagScore], text: str, scheme: str) -> dict[str, Any]:
    """`tag --text … --json`: each code with its score and the sentences that carried it."""
    return {
        "tags": [
            {
                "scheme": scheme,
                "code": t.code,
                "label": t.label,
                "score": round(t.score, 4),
                "evidence": [text[a:b] for a, b in t.evidence],
            }
            for t in tags
        ]
    }


def format_text_tags(tags: list[TagScore], text: str) -> str:
    """One line per tag of a literal text, then the sentences that carried its vocabulary."""
    out = []
    for t in tags:
        out.append(f"{t.code:<22} {t.score:.2f}  {t.label}")
        out.extend(f"    {_quote(text[a:b])}" for a, b in t.evidence[:_EVIDENCE_QUOTES])
    return "\n".join(out)


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))  # a folder: read_input says so
@click.option(
    "--scheme",
    type=click.Choice(["sdg", "issue-area", "gdc"]),
    default="sdg",
    show_default=True,
    help="Which codes: SDGs, IGF issue areas, or Global Digital Compact objectives.",
)
@click.option(
    "--jsonl", is_flag=True, help='Read {"id", "text"} lines on stdin, write {"id", "codes", "scores"} lines.'
)
@click.option("--text", "text", default=None, help="Tag this text instead of a FILE.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print the tags of FILE or --text as JSON ({"tags": [...]}; empty: none found).',
)
@click.option(
    "--threshold",
    type=Score(),
    default=None,
    help=threshold_help(THRESHOLD_BARS),
)
def tag(file: Path | None, scheme: str, jsonl: bool, text: str | None, threshold: float | None, as_json: bool) -> None:
    """Tag texts with SDGs, IGF issue areas or Global Digital Compact objectives.

    A FILE (transcript, report, any supported format) is tagged with evidence lines, by
    the rule ingest uses, so a stored copy gets the same tags: a file shorter than one
    passage is judged as one text against a higher bar (one strong phrase such as "clean
    water" is enough in a note of a sentence or two). Nothing found is said, with exit status 0.

    \b
    Examples:
      echo '{"id": 1, "text": "Clean water for every village"}' | forumlens tag --scheme sdg --jsonl
      forumlens tag session.txt --scheme issue-area
      forumlens tag --text "food security and clean water"
      forumlens tag report.pdf --json     # {"file", "tags": [{"scheme", "code", "label", "score", "lines", "evidence"}]}
    """
    from ..tag import THRESHOLD, tag_jsonl, tag_session, tag_text

    limit = THRESHOLD if threshold is None else threshold
    given = [name for name, on in (("FILE", file is not None), ("--text", text is not None), ("--jsonl", jsonl)) if on]
    if len(given) > 1:
        raise click.UsageError(f"give one of FILE, --text or --jsonl, not {' and '.join(given)}")
    if jsonl and as_json:
        raise click.UsageError("--jsonl already writes JSON lines: give --json with FILE or --text")
    if jsonl:
        for record in tag_jsonl(sys.stdin, scheme, threshold=limit):
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if text is not None:
        found = tag_text(text, scheme, threshold=limit)
        if as_json:
            click.echo(json.dumps(text_tags_json(found, text, scheme), ensure_ascii=False, indent=1))
            return
        click.echo(format_text_tags(found, text) if found else f"no {_SCHEME_WORDS[scheme]} evidence found in the text")
        return
    if file is None:
        raise click.UsageError('give a FILE to tag, --text "…", or --jsonl to read JSON lines on stdin')
    session = _session_of(file, hint=_TEXT_HINT)
    tags = tag_session(session, scheme, threshold=threshold)  # the rule and bar of ingest, unless --threshold
    if as_json:
        click.echo(json.dumps(file_tags_json(tags, session, file), ensure_ascii=False, indent=1))
        return
    click.echo(format_file_tags(tags, session) if tags else f"no {_SCHEME_WORDS[scheme]} evidence found in {file}")


@click.command()
@click.argument("target", metavar="[FILE|SESSION]", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@db_option
@click.pass_context
def glossary(ctx: click.Context, target: str | None, as_json: bool, db: str | None) -> None:
    """Terms and acronyms with the sentence that defines them: of FILE, of a stored SESSION, or across the store.

    A SESSION is named as `report` names it (its id, a prefix of it, or part of its title),
    so the id `forumlens sessions` shows gives that session's terms.

    \b
    Examples:
      forumlens glossary                  # every term on record, with the session that defines it
      forumlens glossary session.txt      # the terms of one transcript, not stored
      forumlens glossary d209c5           # the terms of one stored session
    """
    from ..pipeline import glossary_of
    from .report import looks_like_path

    stored = None  # sessions in the store, to say why a store glossary is empty
    titles: dict[str, str] = {}  # the other sessions a term is used in, by id: named by title, not id alone
    named = None  # the stored session asked for, to name it when it has no terms
    if target is not None and (Path(target).exists() or looks_like_path(target)):
        session = _session_of(Path(target))
        entries = [dict(t.to_json(), session=None) for t in glossary_of(session)]
    else:
        store = open_ctx_store(ctx, db, readonly=True)
        try:
            if target is not None:
                found = store.load_session(target)
                named = f"session {found.id} ({found.title or 'untitled'})"
                entries = [dict(t, session=found.id) for t in store.analyses(found.id).get("glossary") or []]
            else:
                entries = store_glossary(store)
                stored = store.session_count() if not entries else None
                titles = _other_titles(store, entries) if not as_json else {}
        finally:
            store.close()
    if as_json:
        click.echo(json.dumps({"terms": entries}, ensure_ascii=False, indent=1))
        return
    if entries:
        click.echo(format_glossary(entries, titles))
    elif stored == 0:
        click.echo("No glossary terms: nothing is stored yet (`forumlens ingest PATH` adds transcripts and documents).")
    elif named is not None:
        click.echo(f"No glossary terms found in {named}: it uses no acronym or domain term forumlens recognises.")
    elif target is not None:
        click.echo(f"No glossary terms found in {target}: it uses no acronym or domain term forumlens recognises.")
    else:
        click.echo(f"No glossary terms found in the {stored} stored session{'' if stored == 1 else 's'}.")


_NAMED_OTHERS = 3  # other sessions named with their titles on a term's "also used in" line; the rest counted


def _other_titles(store: Store, entries: list[dict[str, Any]]) -> dict[str, str]:
    """The titles of the sessions `format_glossary` names on "also used in" lines (the first few of each term),
    so a reader sees which sessions they are without running `forumlens show ID` on each id."""
    wanted = {sid for e in entries for sid in _others(e)[:_NAMED_OTHERS]}
    return {sid: title for sid in sorted(wanted) if (title := store.session_title(sid))}


def _others(entry: dict[str, Any]) -> list[str]:
    """The sessions a term is used in besides the one its lines above are from."""
    return [sid for sid in entry.get("sessions") or [] if sid != entry.get("session")]


def format_glossary(entries: list[dict[str, Any]], titles: dict[str, str] | None = None) -> str:
    """Each term with its expansion, then its defining sentence, or the lines that use it when none defines it;
    the other sessions that use it by id, with their (clipped) titles when `titles` has them."""
    out = []
    for e in entries:
        out.append(e["term"] + (f" — {e['expansion']}" if e.get("expansion") else ""))
        prefix = f"{e['session']}:" if e.get("session") else ""
        definition = e.get("definition")
        if definition:
            out.append(f"    {prefix}L{definition['line']}  {definition['quote'][:140]}")
        elif e.get("lines"):
            shown = e["lines"][:8]
            out.append(
                f"    {prefix + ' ' if prefix else ''}used on {'line' if len(shown) == 1 else 'lines'} "
                f"{', '.join(map(str, shown))} (no sentence defines it)"
            )
        others = _others(e)
        if others:  # the lines above are one session's: say where else the term is used, and which sessions
            named = [
                f"{sid} ({clip(titles[sid], 60)})" if titles and sid in titles else sid
                for sid in others[:_NAMED_OTHERS]
            ]
            rest = f" and {len(others) - _NAMED_OTHERS} more" if len(others) > _NAMED_OTHERS else ""
            out.append(
                f"    also used in {len(others)} more session{'s' if len(others) != 1 else ''}: "
                f"{'; '.join(named)}{rest}"
            )
    return "\n".join(out)


def store_glossary(store: Store) -> list[dict[str, Any]]:
    """One entry per term across the store: the first definition, and every session using it.

    An entry whose first session only uses the term takes the first session that defines it.
    """
    merged: dict[str, dict[str, Any]] = {}
    # oldest session first (sessions without a year before all others), so the first definition wins
    glossaries = sorted(store.analyses_of_kind("glossary"), key=lambda r: (r[2] is not None, r[2] or 0, r[0]))
    for sid, _title, _year, data in glossaries:
        for term in data or []:
            key = term["term"].lower()
            entry = merged.setdefault(key, {**term, "session": sid, "sessions": []})
            if not entry.get("definition") and term.get("definition"):
                entry.update({**term, "session": sid, "expansion": entry.get("expansion") or term.get("expansion")})
            if sid not in entry["sessions"]:
                entry["sessions"].append(sid)
    return sorted(merged.values(), key=lambda e: e["term"].lower())


COMMANDS = [tag, glossary]

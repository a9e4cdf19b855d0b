"""`forumlens tag` (the JSONL contract, or a file's tags) and `forumlens glossary`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..cli_support import db_option, open_ctx_store
from ..errors import ConfigError, ForumlensError
from ..models import Session
from ..read import read_bytes
from ..store.base import Store
from ..transcript.parse import parse_transcript


def _session_of(file: Path) -> Session:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ForumlensError(f"cannot read the file: {exc.strerror}", source=str(file)) from exc
    document = read_bytes(data, str(file))
    return parse_transcript(document.text, source=str(file), sha256=document.sha256)


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--scheme", type=click.Choice(["sdg", "issue-area", "gdc"]), default="sdg", show_default=True)
@click.option(
    "--jsonl", is_flag=True, help='Read {"id", "text"} lines on stdin, write {"id", "codes", "scores"} lines.'
)
@click.option("--threshold", type=float, default=None, help="Score at or above which a code is assigned.")
def tag(file: Path | None, scheme: str, jsonl: bool, threshold: float | None) -> None:
    """Tag texts with SDGs, IGF issue areas or Global Digital Compact objectives.

    \b
    Examples:
      echo '{"id": 1, "text": "Clean water for every village"}' | forumlens tag --scheme sdg --jsonl
      forumlens tag session.txt --scheme issue-area
    """
    from ..tag import THRESHOLD, tag_jsonl, tag_session

    limit = THRESHOLD if threshold is None else threshold
    if jsonl:
        for record in tag_jsonl(sys.stdin, scheme, threshold=limit):
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if file is None:
        raise ConfigError("give a FILE to tag, or --jsonl to read JSON lines on stdin")
    for t in tag_session(_session_of(file), scheme, threshold=limit):
        data = t.to_json()
        click.echo(
            f"{data['code']:<22} {data['score']:.2f}  {data['label']}  (lines {', '.join(map(str, data['lines'][:6]))})"
        )


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@db_option
@click.pass_context
def glossary(ctx: click.Context, file: Path | None, as_json: bool, db: str | None) -> None:
    """Terms and acronyms with the sentence that defines them: of FILE, or across the store."""
    from ..tag import extract_glossary

    if file is not None:
        session = _session_of(file)
        entries = [dict(t.to_json(), session=None) for t in extract_glossary(session)]
    else:
        store = open_ctx_store(ctx, db, readonly=True)
        try:
            entries = store_glossary(store)
        finally:
            store.close()
    if as_json:
        click.echo(json.dumps({"terms": entries}, ensure_ascii=False, indent=1))
        return
    if not entries:
        click.echo("No glossary terms found.")
    for e in entries:
        head = e["term"] + (f" — {e['expansion']}" if e.get("expansion") else "")
        where = f"{e['session']}:L{e['definition']['line']}" if e.get("session") else f"L{e['definition']['line']}"
        click.echo(f"{head}\n    {where}  {e['definition']['quote'][:140]}")


def store_glossary(store: Store) -> list[dict[str, Any]]:
    """One entry per term across the store: the first definition, and every session using it."""
    merged: dict[str, dict[str, Any]] = {}
    # oldest session first (sessions without a year before all others), so the first definition wins
    glossaries = sorted(store.analyses_of_kind("glossary"), key=lambda r: (r[2] is not None, r[2] or 0, r[0]))
    for sid, _title, _year, data in glossaries:
        for term in data or []:
            key = term["term"].lower()
            entry = merged.setdefault(key, {**term, "session": sid, "sessions": []})
            if sid not in entry["sessions"]:
                entry["sessions"].append(sid)
    return sorted(merged.values(), key=lambda e: e["term"].lower())


COMMANDS = [tag, glossary]

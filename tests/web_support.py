"""A portal store built from the real shared corpus, for the web tests.

The corpus files are ingested with the real pipeline. The main session's analyses are
then replaced by ones in the DESIGN.md report shape built from the corpus's own hand
annotation (`people.json`: people, roles, affiliations, presenting and absent
coalitions, the flagged caption error), with lines and words counted from the parsed
turns, plus a few questions, asks, takeaways, tags and glossary terms whose quotes are
verbatim slices of the transcript: known values the tests can assert exactly. (The
pages are also tested over the pipeline's own analyses, in `test_web_pages.py`, so
drift between what the stages write and what the pages read shows.) A hostile
transcript (markup, script) is ingested too, to prove it renders as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.models import Session
from forumlens.read import read_bytes
from forumlens.settings import load_settings
from forumlens.store.sqlite import SQLiteStore
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import name_key

from .conftest import CORPUS, MAIN_SESSION

ADMIN_TOKEN = "test-admin-token"
HOSTILE = """IGF 2022 – Workshop <script>window.__pwned = 1</script> on <b>markup</b>

>> ALICE <I>EVIL</I>: Hello <script>window.__pwned = 2</script> and <img src=x onerror="window.__pwned = 3"> bye.

>> BOB SAFE: "quotes" & ampersands & <iframe src="/"></iframe> are just text about net neutrality.
"""


def web_settings(path: str, **extra: Any):
    """Settings for a test app: no config file or environment leaks in."""
    return load_settings({"db": path, "admin_token": ADMIN_TOKEN, **extra}, env={"FORUMLENS_CONFIG": "/nonexistent"})


def _quote(session: Session, line: int, needle: str | None = None, words: int = 12) -> dict[str, Any]:
    """A verbatim quote from a transcript line: `needle` if given (checked), else its first words."""
    text = session.lines[line - 1]
    if needle is None:
        body = text.split(":", 1)[1] if text.startswith(">>") else text
        needle = " ".join(body.split()[:words])
    assert needle in text, (line, needle)
    turn = max((t for t in session.turns if t.line <= line), key=lambda t: t.line)
    return {"line": line, "speaker": turn.speaker, "quote": needle}


def main_session_analyses(session: Session) -> dict[str, Any]:
    """The report-contract analyses of the main session, from its hand annotation."""
    gold = json.loads((CORPUS / "igf2021-dc-main-session.people.json").read_text("utf-8"))
    speech = [t for t in session.turns if t.kind == "speech"]
    people = []
    for person in gold["people"]:
        keys = {name_key(n) for n in [person["name"] or "", *person.get("aliases", [])] if n}
        if person["name"]:
            turns = [t for t in speech if t.speaker and name_key(t.speaker) in keys]
        else:
            turns = [t for t in speech if t.line == person["line"]]
        words = sum(len(t.text.split()) for t in turns)
        people.append(
            {
                "name": person["name"],
                "labels": sorted({t.label for t in turns if t.label}),
                "role": person["role"],
                "affiliation": person.get("affiliation"),
                "mode": person.get("mode"),
                "lines": [t.line for t in turns],
                "words": words,
                "minutes": round(words / 150, 1),
                "evidence": [],
                "flags": [],
            }
        )
    for flag in gold["flags"]:
        turn = next(t for t in speech if t.line == flag["line"])
        people.append(
            {
                "name": turn.speaker,
                "labels": [turn.label],
                "role": "participant",
                "affiliation": None,
                "mode": None,
                "lines": [turn.line],
                "words": len(turn.text.split()),
                "minutes": 0.5,
                "evidence": [],
                "flags": [{"line": flag["line"], "reason": flag["reason"]}],
            }
        )
    lines_of = {p["affiliation"]: p["lines"] for p in people if p["affiliation"]}
    coalitions = [
        {"name": name, "acronym": None, "status": "presented", "lines": lines_of.get(name, [])[:3]}
        for name in gold["coalitions_presenting"]
    ]
    coalitions += [
        {"name": name, "acronym": None, "status": "invited-absent", "lines": []}
        for name in gold["coalitions_invited_absent"]
    ]
    jason = _quote(session, 333, "having regular updates to our office")
    return {
        "people": people,
        "coalitions": coalitions,
        "segments": [
            {"title": "Global health crisis and social inequalities", "from_line": 21, "to_line": 96},
            {"title": "Strategic discussion with the guests", "from_line": 277, "to_line": 548},
        ],
        "questions": [
            {
                "line": 21,
                "by": "Tatiana Tropina",
                "to": "DC on Gender and Internet Governance",
                "text": "how can we address the links between digital inequality and social and economic inequality",
                "status": "answered-later",
                "answer_lines": [211],
            }
        ],
        "asks": [
            {
                "category": "funding",
                "by": "Concettina Cassa",
                "line": 511,
                "quote": _quote(session, 511, "to have funds to make it work")["quote"],
            },
            {"category": "communication-channels", "by": "Jason Munyan", "line": 333, "quote": jason["quote"]},
        ],
        "outputs": [
            {
                "title": "Glossary of platform law and policy terms",
                "coalition": "DC on Platform Responsibility",
                "by": "Yasmin Curzi de Mendonca",
                "line": 167,
                "quote": _quote(session, 167, "the glossary of pl")["quote"],
            }
        ],
        "takeaways": [
            {
                "text": "The Tech Envoy's office asked coalitions for regular updates on their work.",
                "citations": [jason],
            }
        ],
        "tags": [
            {"scheme": "sdg", "code": "SDG5", "label": "Gender equality", "score": 0.72, "lines": [21, 211]},
            {
                "scheme": "issue-area",
                "code": "IGF2021-COOPERATION",
                "label": "Digital cooperation",
                "score": 0.9,
                "lines": [277],
            },
        ],
        "glossary": [
            {
                "term": "MAG",
                "kind": "acronym",
                "expansion": "Multistakeholder Advisory Group",
                "expansion_source": "session",
                "definition": _quote(session, 359, "the MAG working group on strategy"),
                "lines": [359, 365],
            }
        ],
    }


def build_web_store(folder: Path) -> str:
    """A SQLite store with the shared corpus, the main session's analyses and a hostile session."""
    path = str(folder / "portal.sqlite3")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, "utf-8")
    store = SQLiteStore(path)
    try:
        files = [MAIN_SESSION, *sorted((CORPUS / "formats").glob("*.txt")), hostile]
        outcomes = ingest_paths(store, files, IngestOptions(max_bytes=20_000_000))
        assert all(o.status == "ingested" for o in outcomes), [o for o in outcomes if o.status != "ingested"]
        data = MAIN_SESSION.read_bytes()
        document = read_bytes(data, str(MAIN_SESSION))
        session = parse_transcript(document.text, source=str(MAIN_SESSION), sha256=document.sha256)
        store.save_session(document, session, main_session_analyses(session), replace=True)
    finally:
        store.close()
    return path


def main_session_id() -> str:
    return read_bytes(MAIN_SESSION.read_bytes(), str(MAIN_SESSION)).sha256[:12]


def store_of_texts(folder: Path, files: dict[str, tuple[str, str]]) -> tuple[str, dict[str, str]]:
    """(store path, {key: session id}) of texts written for a test, {key: (file name, text)},
    each written to `folder` and stored through the real pipeline."""
    paths = []
    for name, text in files.values():
        (folder / name).write_text(text, "utf-8")
        paths.append(folder / name)
    db = str(folder / "store.sqlite3")
    store = SQLiteStore(db)
    try:
        outcomes = ingest_paths(store, paths, IngestOptions())
    finally:
        store.close()
    assert [o.status for o in outcomes] == ["ingested"] * len(paths), outcomes
    return db, {key: str(o.session) for key, o in zip(files, outcomes, strict=True)}


def cli_store(tmp_path_factory: Any, name: str, *paths: Path) -> str:
    """A store as a new user makes it: `forumlens ingest PATHS` by the real CLI (with the whole
    analysis), or `forumlens migrate` for an empty one when no path is given."""
    from click.testing import CliRunner

    from forumlens.cli import cli

    db = str(tmp_path_factory.mktemp(name) / "portal.sqlite3")
    args = ["--db", db, "ingest", *map(str, paths)] if paths else ["--db", db, "migrate"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


@contextmanager
def portal_client(db: str) -> Iterator[Any]:
    """The real app over a store, through FastAPI's test client."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
        from fastapi.testclient import TestClient

    from forumlens.web import create_app

    with TestClient(create_app(db, web_settings(db))) as client:
        yield client

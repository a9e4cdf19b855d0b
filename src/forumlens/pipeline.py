"""Composes the pure stages: Document → Session → analyses. No I/O here.

`analyse_session` returns the JSON-ready parts of the `report` contract that are
computed at ingest and stored with the session (kinds: people, coalitions, flags, …).
Each stage takes the records of the stages before it, never the store; what the store
knows (people already on record) comes in through `options`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .documents.meta import DocumentMeta, detect_metadata
from .documents.overrides import Overrides
from .documents.paragraphs import TRANSCRIPT_FORMATS, is_transcript, split_paragraphs
from .models import Document, Session
from .transcript.parse import parse_transcript

__all__ = ["parse_document", "prepare_document", "analyse_session", "merge_people_with_store", "is_document_session"]


def _route(document: Document) -> tuple[Session, bool]:
    """(session, is a transcript): caption turns when the text has them, else paragraph turns."""
    session = parse_transcript(document.text, source=document.source, sha256=document.sha256)
    if is_transcript(document, session):
        return session, True
    warnings: tuple[str, ...] = ()
    paragraphs = split_paragraphs(document)
    if document.format in TRANSCRIPT_FORMATS:
        count = sum(t.kind == "speech" for t in paragraphs.turns)
        warnings = (f"no turn markers (>> NAME:) found; kept as a document of {count} paragraphs",)
    return replace(paragraphs, warnings=warnings), False


def is_document_session(session: Session) -> bool:
    """A report, statement or paper split into paragraphs: no turn has a marker or a label."""
    if not session.turns or any(t.label for t in session.turns):
        return False
    lines = session.text.split("\n")
    return not any(">>" in lines[t.line - 1] for t in session.turns if 0 < t.line <= len(lines))


def parse_document(document: Document) -> Session:
    """Turns of a decoded document: speaker turns of a transcript, or the paragraphs
    (with page and section) of a report, statement or paper."""
    return _route(document)[0]


def prepare_document(document: Document, overrides: Overrides | None = None) -> tuple[Session, DocumentMeta]:
    """The session and the metadata (detected, then overridden) of a decoded document.

    A report's session takes the detected title and year; a transcript keeps its own
    unless a person overrode them.
    """
    session, transcript = _route(document)
    meta = detect_metadata(document, session, overrides, transcript=transcript)
    if not transcript:
        return replace(session, title=meta.title, year=meta.year), meta
    stated = overrides.values() if overrides else {}
    if "title" in stated:
        session = replace(session, title=meta.title)
    if {"date", "year"} & set(stated):
        session = replace(session, year=meta.year)
    return session, meta


def merge_people_with_store(people: list[dict[str, Any]], known: list[str]) -> list[dict[str, Any]]:
    """Rename people to the name already on record when they are the same person.

    Label variants merge across the store this way ("Anriette Asterhuysen" in one
    session, "Anriette Esterhuysen" in another), and every label is kept.
    """
    from .resolve import merge_known

    names = [p["name"] for p in people if p.get("name")]
    if not names or not known:
        return people
    mapping = merge_known(names, known)
    merged = []
    for person in people:
        name = person.get("name")
        if name and mapping.get(name, name) != name:
            person = {**person, "name": mapping[name],
                      "labels": sorted({*person.get("labels", []), name}),
                      "aliases": sorted({*person.get("aliases", []), name})}
        merged.append(person)
    return merged


def analyse_session(session: Session, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every analysis of a session, keyed by report-contract field."""
    from .resolve import resolve_session

    options = options or {}
    wpm = float(options.get("words_per_minute", 150.0))
    out: dict[str, Any] = {}
    from .resolve.stakeholders import stakeholder_group

    cast = resolve_session(session, words_per_minute=wpm)
    cast_json = cast.to_json()
    for person in cast_json["people"]:
        person["stakeholder"] = stakeholder_group(person)
    document = is_document_session(session)
    # a report or paper has no speakers: no people, speaking time or floor questions
    out["people"] = [] if document else merge_people_with_store(cast_json["people"],
                                                                list(options.get("known_people") or []))
    out["coalitions"] = [{**c, "status": "mentioned"} for c in cast_json["coalitions"]] if document \
        else cast_json["coalitions"]
    out["flags"] = [] if document else cast_json["flags"]
    from .analyse import analyse_session as find_intel

    cast_records = {**cast_json, "people": cast_json["people"]}
    intel = find_intel(session, cast_records, mentions=cast.mentions, words_per_minute=wpm).to_json()
    if document:
        intel.update(questions=[], stats={})
    out.update(intel)
    out.update(_topics(session))
    out.update(report_parts(session, out))
    return out


REPORT_KINDS = ("takeaways", "calls_to_action", "speaker_points", "open_questions", "coalitions_presented")


def report_parts(session: Session, analyses: dict[str, Any]) -> dict[str, Any]:
    """The cited summary parts of a session report (takeaways, calls to action, …)."""
    from .summarise import build_report

    report = build_report(session, analyses).to_json()
    return {kind: report[kind] for kind in REPORT_KINDS if kind in report}


def _topics(session: Session) -> dict[str, Any]:
    """Tags in every scheme (SDG, IGF issue area, GDC), the session glossary, and the word
    profile related items compare sessions by (`semantic/profiles.py`)."""
    from .semantic.profiles import keyword_counts
    from .tag import SCHEMES, extract_glossary, tag_session

    tags = [t.to_json() for scheme in SCHEMES for t in tag_session(session, scheme)]
    return {"tags": tags, "glossary": [t.to_json() for t in extract_glossary(session)],
            "keywords": keyword_counts(t.text for t in session.turns if t.kind == "speech")}

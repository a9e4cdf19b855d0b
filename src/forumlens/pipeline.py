"""Composes the pure stages: Document → Session → analyses. No I/O here.

The stages hand each other their records: resolve's `Cast`, analyse's `Intel`, the
tags and glossary, then summarise's `Findings` → `SessionReport`. `analyse_session`
turns them into the JSON-ready parts of the `report` contract that are computed at
ingest and stored with the session (kinds: people, coalitions, flags, …).
Each stage takes the records of the stages before it, never the store; what the store
knows (people already on record) comes in through `options`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .documents.meta import DocumentMeta, detect_metadata
from .documents.overrides import Overrides
from .documents.paragraphs import TRANSCRIPT_FORMATS, is_transcript, split_paragraphs
from .models import Document, Session
from .read.markdown import without_code
from .transcript.datanotes import data_file_notes
from .transcript.parse import parse_transcript

if TYPE_CHECKING:
    from .resolve import Cast

__all__ = [
    "REPORT_KINDS",
    "SKIPPABLE",
    "AnalysisOptions",
    "ThreadItems",
    "analyse_session",
    "is_document_session",
    "merge_people_with_store",
    "parse_document",
    "prepare_document",
    "thread_items_of",
]


@dataclass(frozen=True)
class AnalysisOptions:
    """What the analysis stages take from outside the session itself.

    `known_people` are the names already on record, so label variants merge with them;
    a worker process gets none and the merge happens when the session is stored.
    `skip` names analyses a caller will not read (any of `SKIPPABLE`): the cited summary
    kinds (`REPORT_KINDS`, all or none), the glossary, the keyword profile. `report FILE`
    as text, Markdown, HTML or PDF renders a summary it builds from the other analyses
    (`build_report(session, analyses)`) and shows no glossary: it would otherwise pay for
    the slowest stage twice (issue 19).
    """

    words_per_minute: float = 150.0
    known_people: tuple[str, ...] = ()
    skip: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = set(self.skip) - SKIPPABLE
        if unknown:
            raise ValueError(f"cannot skip {sorted(unknown)}: only {sorted(SKIPPABLE)}")
        if self.skip & set(REPORT_KINDS) and not set(REPORT_KINDS) <= self.skip:
            raise ValueError(f"the summary kinds are built together: skip all of {list(REPORT_KINDS)} or none")


def _route(document: Document) -> tuple[Session, bool]:
    """(session, is a transcript): caption turns when the text has them, else paragraph turns."""
    session = parse_transcript(document.text, source=document.source, sha256=document.sha256)
    if is_transcript(document, session):
        return session, True
    warnings: tuple[str, ...] = ()
    paragraphs = split_paragraphs(document)
    if document.format in TRANSCRIPT_FORMATS:
        count = sum(t.kind == "speech" for t in paragraphs.turns)
        warnings = (
            *data_file_notes(document.text, document.source),
            f"no turn markers (>> NAME:) found; kept as a document of {count} paragraph{'' if count == 1 else 's'}",
        )
    return replace(paragraphs, warnings=warnings), False


def is_document_session(session: Session) -> bool:
    """A report, statement or paper split into paragraphs: no turn has a marker (outside code) or a label."""
    if not session.turns or any(t.label for t in session.turns):
        return False
    lines = session.text.split("\n")
    return not any(">>" in without_code(lines[t.line - 1]) for t in session.turns if 0 < t.line <= len(lines))


def parse_document(document: Document) -> Session:
    """Turns of a decoded document: speaker turns of a transcript, or the paragraphs
    (with page and section) of a report, statement or paper."""
    return _route(document)[0]


def prepare_document(
    document: Document, overrides: Overrides | None = None, *, today: str | None = None
) -> tuple[Session, DocumentMeta]:
    """The session and the metadata (detected, then overridden) of a decoded document.

    A report's session takes the detected title and year; a transcript keeps its own
    unless a person overrode them. `today` (ISO date, from the caller's clock): the day
    the file is read, which a date the file declares about itself must not be.
    """
    session, transcript = _route(document)
    meta = detect_metadata(document, session, overrides, transcript=transcript, today=today)
    if not transcript:
        return replace(session, title=meta.title, year=meta.year), meta
    stated = overrides.values() if overrides else {}
    if "title" in stated or not session.title.strip():  # no header title: the file's name, never a blank
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
            person = {
                **person,
                "name": mapping[name],
                "labels": sorted({*person.get("labels", []), name}),
                "aliases": sorted({*person.get("aliases", []), name}),
            }
        merged.append(person)
    return merged


def _cast_on_record(cast: Cast, document: bool, known: tuple[str, ...]) -> Cast:
    """The cast a report shows: people renamed to the names already on record; a report or
    paper has no speakers (no people, flags or speaking time) and its coalitions are only
    mentioned."""
    from .resolve import Cast

    if document:
        return Cast(people=(), coalitions=tuple(replace(c, status="mentioned") for c in cast.coalitions))
    return cast.with_known_names(known)


def body_names(cast: Cast) -> tuple[str, ...]:
    """The names of the coalitions and organisations `resolve` found in a session, as named
    and as written: a phrase said only inside one of them is no glossary term.

    A stakeholder group ("Civil Society") names no body, and an affiliation read off a name
    card without a registry entry can be anything said beside a name ("Digital Services
    Act"): neither is taken."""
    names = [c.name for c in cast.coalitions]
    names += [m.text for m in cast.mentions if m.kind != "stakeholder-group"]
    names += [p.affiliation for p in cast.people if p.affiliation and p.affiliation_id]
    return tuple(dict.fromkeys(names))


def glossary_of(session: Session) -> list[Any]:
    """`tag.extract_glossary` of a session read on its own (no store), with its bodies' names
    from `resolve`, as the stored analysis has them."""
    from .resolve import resolve_session
    from .tag import extract_glossary

    return extract_glossary(session, bodies=body_names(resolve_session(session)))


def analyse_session(
    session: Session, options: AnalysisOptions | None = None, *, on_stage: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Every analysis of a session, keyed by report-contract field.

    `on_stage(name)` is called as each stage starts, so a caller can show progress on a
    long input (a 2 MB caption line takes tens of seconds); it is not called otherwise.
    """
    from .analyse import find_intel
    from .resolve import resolve_session
    from .semantic.profiles import keyword_counts
    from .summarise import Findings, build_report
    from .tag import SCHEMES, SessionMemo, extract_glossary, tag_session

    options = options or AnalysisOptions()
    stage = on_stage or (lambda _name: None)
    wpm = options.words_per_minute
    memo = SessionMemo()  # one sentence split (and its stems) for analyse, tag and glossary
    stage("people and coalitions")
    cast = resolve_session(session, words_per_minute=wpm)
    stage("questions and asks")
    intel = find_intel(session, cast, mentions=cast.mentions, words_per_minute=wpm, memo=memo)
    stage("tags")
    tags = [t for scheme in SCHEMES for t in tag_session(session, scheme, memo=memo)]
    skip = options.skip
    if "glossary" not in skip:
        stage("glossary")
    glossary = [] if "glossary" in skip else extract_glossary(session, memo=memo, bodies=body_names(cast))
    document = is_document_session(session)
    shown = _cast_on_record(cast, document, options.known_people)
    findings = Findings(
        people=shown.people,
        coalitions=shown.coalitions,
        segments=intel.segments,
        asks=intel.asks,
        questions=() if document else intel.questions,
        tags=tuple(tags),
    )
    report = None
    if not skip & set(REPORT_KINDS):
        stage("summary")
        report = build_report(session, findings)

    out: dict[str, Any] = shown.to_json()  # people, coalitions, flags
    analysed = intel.to_json()
    if document:  # no floor questions or speaking time in a paper
        analysed.update(questions=[], stats={})
    out.update(analysed)
    out["tags"] = [t.to_json() for t in tags]
    if "glossary" not in skip:
        out["glossary"] = [t.to_json() for t in glossary]
    if "keywords" not in skip:  # the word profile related items compare sessions by (`semantic/profiles.py`)
        out["keywords"] = keyword_counts(t.text for t in session.turns if t.kind == "speech")
    if report is not None:
        report_json = report.to_json()
        out.update({kind: report_json[kind] for kind in REPORT_KINDS if kind in report_json})
    return out


@dataclass(frozen=True)
class ThreadItems:
    """A session's `thread_items` analysis and the `people` analysis it was read with."""

    data: dict[str, Any]
    people: list[dict[str, Any]] | None

    def kept_with(self, people: list[dict[str, Any]] | None) -> dict[str, Any] | None:
        """The items, when `people` (as they are stored) are the ones they were read with; else None."""
        return self.data if people == self.people else None


def thread_items_of(
    session: Session, analyses: Mapping[str, Any], session_id: str, known: Sequence[str] = ()
) -> ThreadItems:
    """The session's `thread_items` analysis, computed with its other analyses (in a worker).

    Why here and not after storing: extraction costs about a third of the analysis, and
    run after the store write it was serial in the storing process. It reads the analyses
    as they will be stored (`document` metadata included, people merged with the `known`
    names: a snapshot of those on record), so it is the document
    `threads.service.refresh_thread_items` would store from them. The storing process keeps
    it only if its own merge gives the same people (`ThreadItems.kept_with`); a name put on
    record meanwhile makes it extract the items again after storing.
    """
    from .threads.items import extract_items

    read = dict(analyses)
    people = analyses.get("people")
    if people is not None:
        read["people"] = merge_people_with_store(people, list(known))
    return ThreadItems(extract_items(session, read, session_id).to_json(), read.get("people"))


REPORT_KINDS = ("takeaways", "calls_to_action", "speaker_points", "open_questions", "coalitions_presented")
SKIPPABLE = frozenset({*REPORT_KINDS, "glossary", "keywords"})  # `AnalysisOptions.skip`

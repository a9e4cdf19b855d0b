"""What the session and document pages show, beyond the stored report: pure functions.

A stored item is either a caption transcript (speaker turns) or a document (a report,
statement or paper split into paragraphs, with pages and sections). Both keep one
element `id="L{n}"` per source line, so every citation (`/sessions/ID#L{n}`) lands on
its line; the transcript credits each turn to the person the resolve stage counted it
for, and a document shows its headings and page breaks instead of speakers. Nothing is
recomputed here: the sections, pages and credits are read from the stored turns and
analyses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from html import escape
from typing import Any

from markupsafe import Markup

from ..caption_flags import flagged_lines
from ..credits import credited_lines
from ..documents.paragraphs import locate
from ..models import Session
from ..people_lines import persons_of
from ..pipeline import is_document_session
from ..transcript.speakers import name_key
from .views import slug

__all__ = ["document_html", "document_view", "is_document", "line_credits", "transcript_html"]

Credit = tuple[int, str, str | None, bool]  # (line, kind, credited person, label flagged)


def is_document(detail: Mapping[str, Any], session: Session) -> bool:
    """True for a report, statement or paper: its stored metadata says a kind other than transcript.

    Stores written before metadata existed have no `document` analysis; the turns tell
    then (no turn has a marker or a label).
    """
    meta = detail.get("document")
    if isinstance(meta, dict) and meta.get("kind"):
        return str(meta["kind"]) != "transcript"
    return is_document_session(session)


def line_credits(session: Session, people: Sequence[Any] | None, flags: Sequence[Any] | None) -> tuple[Credit, ...]:
    """For each turn start: (line, kind, the person it is counted for, whether its label was flagged).

    The person comes from the people analysis (whose `lines` list the turns counted for
    each person), so a turn whose caption label was flagged as a mis-attribution is shown
    as the likely real speaker's, not as a person named by the label. Without a people
    analysis no one is credited: a caption label alone is not a person on record. A remote hub (a
    place the cast read from the gazetteer, "DHAKA BANGLADESH") is no person either: its turns keep
    their caption label and link to no person page.
    """
    credited = credited_lines(persons_of(people))
    flagged = flagged_lines(flags)
    return tuple(
        (t.line, t.kind, credited.get(t.line) if t.kind == "speech" else None, t.line in flagged) for t in session.turns
    )


def source_lines(text: str) -> list[str]:
    """The lines of a stored text as the file has them (1-based by position): the newline that ends
    the last line opens no line of its own, so the page shows no empty line past the file's end (a
    47-line file showed an L48 no citation can point to)."""
    lines = text.split("\n")
    return lines[:-1] if len(lines) > 1 and lines[-1] == "" else lines


@lru_cache(maxsize=256)
def _transcript_cached(sha256: str, text: str, starts: tuple[Credit, ...], session_id: str = "") -> str:
    where = {line: (kind, person, flagged) for line, kind, person, flagged in starts}
    out = []
    for n, line in enumerate(source_lines(text), start=1):
        kind, person, flagged = where.get(n, (None, None, False))
        css = "line" if kind is None else ("line turn-start note" if kind == "note" else "line turn-start")
        who = ""
        if kind == "speech" and person:
            # the space that parts the name from the caption text sits inside the name's block:
            # shown as a block (style.css) it would otherwise open the text line with a blank
            who = f'<a class="who" href="/people/{slug(person)}">{escape(person)}'
            who += '<span class="flag">flagged label</span> </a>' if flagged else " </a>"
        similar = ""
        if kind == "speech" and session_id:  # similar turns elsewhere
            similar = (
                f'<a class="similar" href="/sessions/{escape(session_id)}/related?line={n}#similar-turns"'
                f' title="similar turns elsewhere" aria-label="similar turns to line {n}">≈</a>'
            )
        out.append(
            f'<div class="{css}" id="L{n}"><a class="ln" href="#L{n}">{n}</a>'
            f'<span class="text">{who}{escape(line)}</span>{similar}</div>'
        )
    return "\n".join(out)


def transcript_html(session: Session, credits: tuple[Credit, ...] | None = None) -> Markup:
    """The transcript, one element `id="L{n}"` per source line, every character escaped.

    Built in Python rather than a template loop: a session has hundreds of lines and
    this page is the most visited; the result is cached per content hash and credits.
    """
    starts = credits if credits is not None else line_credits(session, None, None)
    return Markup(_transcript_cached(session.sha256, session.text, starts, session.id))


@lru_cache(maxsize=64)
def _document_cached(sha256: str, text: str, marks: tuple[tuple[int, str, int | None], ...]) -> str:
    where = {line: (kind, page) for line, kind, page in marks}
    out = []
    for n, line in enumerate(source_lines(text), start=1):
        kind, page = where.get(n, (None, None))
        if page is not None:
            out.append(f'<div class="page-break" id="page-{page}">page {page}</div>')
        css = "line heading" if kind == "note" else "line"
        out.append(
            f'<div class="{css}" id="L{n}"><a class="ln" href="#L{n}">{n}</a><span class="text">{escape(line)}</span></div>'
        )
    return "\n".join(out)


def document_html(session: Session) -> Markup:
    """A document's text by source line (`id="L{n}"`), headings marked, a marker where each page starts."""
    marks: list[tuple[int, str, int | None]] = []
    seen_pages: set[int] = set()
    for turn in session.turns:
        page = turn.page if turn.page is not None and turn.page not in seen_pages else None
        if page is not None:
            seen_pages.add(page)
        marks.append((turn.line, turn.kind, page))
    return Markup(_document_cached(session.sha256, session.text, tuple(marks)))


def _sections(session: Session) -> list[dict[str, Any]]:
    """The table of contents: each heading (or, without headings, each new section) with its line and page."""
    headings = [t for t in session.turns if t.kind == "note" and t.text.strip()]
    if headings:
        return [{"title": " ".join(t.text.split()), "line": t.line, "page": t.page} for t in headings]
    out: list[dict[str, Any]] = []
    for turn in session.turns:
        if turn.section and (not out or out[-1]["title"] != turn.section):
            out.append({"title": turn.section, "line": turn.line, "page": turn.page})
    return out


def _pages(session: Session) -> list[dict[str, int]]:
    """Each page of the document with the first line on it."""
    first: dict[int, int] = {}
    for turn in session.turns:
        if turn.page is not None:
            first.setdefault(turn.page, turn.line)
    return [{"page": page, "line": line} for page, line in sorted(first.items())]


def _placed(session: Session, items: Any, line_of: str = "line") -> list[dict[str, Any]]:
    """Items citing a line, each with the page and section of that line (a document citation names both)."""
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            line = item.get(line_of)
            out.append({**item, **(locate(session, line) if isinstance(line, int) else {})})
    return out


def _cited(session: Session, items: Any) -> list[dict[str, Any]]:
    """Summary bullets (takeaways, calls to action) with page and section on each citation."""
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            out.append({**item, "citations": _placed(session, item.get("citations"))})
    return out


def document_view(detail: Mapping[str, Any], session: Session) -> dict[str, Any]:
    """What a document page shows: metadata, contents, pages, and what the stages found in it.

    Metadata is the stored `document` analysis (kind, date, coalitions, language, pages,
    each detected or stated); asks, outputs, calls to action and key points come from the
    stored analyses, each placed on its page and in its section.
    """
    found = detail.get("document")
    meta: dict[str, Any] = found if isinstance(found, dict) else {}
    source = str(detail.get("source") or "")
    pages = _pages(session)
    coalitions = [
        {"name": c.get("name"), "id": slug(str(c.get("name"))), "acronym": c.get("acronym")}
        for c in meta.get("coalitions") or []
        if isinstance(c, dict) and c.get("name")
    ]
    own = {name_key(str(c["name"])) for c in coalitions}
    return {
        "kind": meta.get("kind") or "document",
        "date": meta.get("date"),
        "date_source": meta["source"].get("date") if isinstance(meta.get("source"), dict) else None,
        "year": meta.get("year", detail.get("year")),
        "language": meta.get("language"),
        "format": meta.get("format"),
        "page_count": meta.get("pages") or (max(p["page"] for p in pages) if pages else None),
        "source_name": source.replace("\\", "/").rsplit("/", 1)[-1],
        "coalitions": coalitions,
        "mentioned": [
            c
            for c in detail.get("coalitions") or []
            if isinstance(c, dict) and c.get("name") and name_key(str(c["name"])) not in own
        ],
        "sections": _sections(session),
        "pages": pages,
        "paragraphs": sum(t.kind == "speech" for t in session.turns),
        "asks": _placed(session, detail.get("asks")),
        "outputs": _placed(session, detail.get("outputs")),
        "calls_to_action": _cited(session, detail.get("calls_to_action")),
        "takeaways": _cited(session, detail.get("takeaways")),
    }

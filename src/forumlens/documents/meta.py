"""Metadata of a document — title, date, year, coalitions, kind, language — each with
a confidence and the evidence it came from. Pure: Document + Session (+ overrides).

Evidence is weighed in a fixed order: what a person said (flags, sidecar) beats
what the title says, which beats the first page, which beats what the file
declares about itself (PDF/DOCX properties are often a template's leftovers).
`year` is the year a document is *about* ("Annual Report 2023", published in
February 2024, is about 2023); the coalition record is kept by that year.

A date the file declares (PDF CreationDate, DOCX core properties) is the weakest
evidence: tools write their own (python-docx's template says 2013-12-23, a PDF
library writes the day it ran). It is kept only when it is not the day the file is
read (`today`) and agrees with the year the title or first lines state (that year or
the next: a report is published after the year it covers); otherwise the stated year
is the date, and `source` says which file date was set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from ..models import Document, Session
from ..read.blocks import StructuredDocument, numbered_heading
from .language import detect_language
from .overrides import Overrides

__all__ = ["DOCUMENT_KINDS", "DocumentMeta", "detect_kind", "detect_metadata", "find_dates"]

DOCUMENT_KINDS = ("annual-report", "session-report", "statement", "recommendations", "glossary", "paper", "other")

# (kind, pattern) in priority order: "Session report: recommendations" is a session report.
_KIND_SOURCES: tuple[tuple[str, str], ...] = (
    (
        "annual-report",
        (
            r"\b(annual|yearly|activit(y|ies)|progress)\s+reports?\b|\breport\s+(of|on)\s+(the\s+)?"
            r"(coalition'?s?\s+)?activities\b|\brapport\s+(annuel|d'activit[ée]s?)\b|\binforme\s+anual\b"
        ),
    ),
    (
        "session-report",
        (
            r"\b(session|workshop|meeting)\s+reports?\b|\breport\s+(of|on|from)\s+(the\s+)?"
            r"([\w-]+\s+){0,4}(session|workshop|meeting)\b|\brapport\s+de\s+(la\s+)?session\b"
        ),
    ),
    ("glossary", r"\bglossar(y|ies)\b|\bterms\s+and\s+definitions\b|\bterminology\b|\blexicon\b|\bglossaire\b"),
    (
        "statement",
        (
            r"\b(joint\s+)?statements?\b|\bdeclarations?\b|\b(open|joint)\s+letter\b|\bcommuniqu[ée]\b"
            r"|\bposition\s+paper\b|\bdéclaration\b"
        ),
    ),
    (
        "recommendations",
        (
            r"\brecommendations?\b|\bprinciples\s+(for|on|of)\b|\bguidelines\b|\bcharter\b"
            r"|\bbest\s+practices?\b|\brecommandations\b|\brecomendaciones\b"
        ),
    ),
    (
        "paper",
        (
            r"\b(white|discussion|policy|working|research|background)\s+papers?\b|\bpaper\b|\bstudy\b"
            r"|\bpolicy\s+brief\b|\bresearch\b|\btoolkit\b|\bhandbook\b|\boutcome\s+document\b|\banalysis\b"
        ),
    ),
)
_KIND_PATTERNS = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _KIND_SOURCES)
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, start=1)}
_MONTH = "(" + "|".join(_MONTH_NAMES) + ")"
_DATE_PATTERNS = (
    (re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b"), "ymd"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(20\d\d)\b", re.IGNORECASE), "dmy"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(20\d\d)\b", re.IGNORECASE), "mdy"),
    (re.compile(rf"\b{_MONTH},?\s+(20\d\d)\b", re.IGNORECASE), "my"),
)
# What comes right before the last day of a span of days ("from 12 to 14 November 2018", the IGF's
# caption boilerplate; "9–10 December 2024"; "28 November to 2 December 2022"): the day the span
# opens on, with its month when it has its own, and the word or dash that joins the two.
_SPAN_OPENS = re.compile(
    rf"\b(?P<between>between\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<month>{_MONTH[1:-1]}))?"
    r"\s*(?P<join>-|–|—|to|until|till|through|and)\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(200[6-9]|20[1-9]\d)\b")
_JUNK_TITLE = re.compile(
    r"^(microsoft word\s*-|untitled|document\d*$|slide\s*\d|presentation\d*$)|\.(docx?|pdf|odt)$", re.IGNORECASE
)
_GLOSSARY_ENTRY = re.compile(r"^[^\s:–—-][^:–—\n]{1,60}\s*[:–—]\s+\S")


@dataclass(frozen=True)
class DocumentMeta:
    """What a stored document is. `confidence` and `source` say how sure and why, per field."""

    title: str
    kind: str
    date: str | None = None  # ISO: "2023", "2023-12" or "2023-12-05"
    year: int | None = None
    coalitions: tuple[dict[str, Any], ...] = ()  # {"id", "name", "acronym", "confidence"}
    language: str | None = None
    pages: int | None = None
    format: str = ""
    confidence: dict[str, float] = field(default_factory=dict)
    source: dict[str, str] = field(default_factory=dict)
    candidates: tuple[dict[str, Any], ...] = ()  # coalitions mentioned below the listing threshold

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "kind": self.kind,
            "date": self.date,
            "year": self.year,
            "coalitions": [dict(c) for c in self.coalitions],
            "language": self.language,
            "pages": self.pages,
            "format": self.format,
            "confidence": dict(self.confidence),
            "source": dict(self.source),
            "candidates": [dict(c) for c in self.candidates],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentMeta:
        return cls(
            title=data.get("title") or "",
            kind=data.get("kind") or "other",
            date=data.get("date"),
            year=data.get("year"),
            coalitions=tuple(data.get("coalitions") or ()),
            language=data.get("language"),
            pages=data.get("pages"),
            format=data.get("format") or "",
            confidence=dict(data.get("confidence") or {}),
            source=dict(data.get("source") or {}),
            candidates=tuple(data.get("candidates") or ()),
        )


def _span_opening(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """(day, month) a span of days opens on when the "day month year" `m` closes one ("from 12 to
    14 November 2018": (12, 11)); None when `m` is a day of its own ("3 and 5 June" is two days)."""
    span = _SPAN_OPENS.search(text, max(0, m.start() - 40), m.start())
    if span is None or (span["join"].lower() == "and" and not span["between"]):
        return None
    return int(span["day"]), _MONTHS[(span["month"] or m.group(2)).lower()]


def meeting_spans(text: str) -> list[tuple[str, str]]:
    """(first, last) ISO days of each span of days written in `text` ("from 25 to 29 November 2019",
    the IGF captions' header; "28 November to 2 December 2022"): the days a meeting ran."""
    spans = []
    for m in _DATE_PATTERNS[1][0].finditer(text):
        if opens := _span_opening(text, m):
            day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
            first_year = year - 1 if opens[1] > month else year
            spans.append((f"{first_year:04d}-{opens[1]:02d}-{opens[0]:02d}", f"{year:04d}-{month:02d}-{day:02d}"))
    return spans


def find_dates(text: str) -> list[tuple[int, str, float]]:
    """(offset, ISO date, confidence) of the dates written in `text`; full dates score above month-year."""
    found: list[tuple[int, str, float]] = []
    taken: list[tuple[int, int]] = []
    for pattern, shape in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groups()
            if shape == "ymd":
                year, month, day = int(g[0]), int(g[1]), int(g[2])
            elif shape == "dmy":
                day, month, year = int(g[0]), _MONTHS[g[1].lower()], int(g[2])
            elif shape == "mdy":
                month, day, year = _MONTHS[g[0].lower()], int(g[1]), int(g[2])
            else:
                month, day, year = _MONTHS[g[0].lower()], 0, int(g[1])
            if not (1 <= month <= 12 and 0 <= day <= 31):
                continue
            if shape == "dmy" and _span_opening(text, m):
                # the last day of a span is no day of its own: a meeting of several days (the IGF
                # header "… from 12 to 14 November 2018" over the transcript of its Day 2) gives
                # its month (the month-year pattern below finds it), or nothing if it spans two
                opens = _span_opening(text, m)
                if opens and opens[1] != month:
                    taken.append(m.span())
                continue
            iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
            found.append((m.start(), iso, 0.75 if day else 0.6))
            taken.append(m.span())
    return sorted(found)


def detect_kind(title: str, head: str, paragraphs: list[str]) -> tuple[str, float, str]:
    """(kind, confidence, evidence): the title decides, else the first page, else glossary shape."""
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(title):
            return kind, 0.9, "title"
    entries = sum(bool(_GLOSSARY_ENTRY.match(p)) for p in paragraphs)
    if len(paragraphs) >= 5 and entries >= 0.5 * len(paragraphs):
        return "glossary", 0.75, "term: definition paragraphs"
    hits = [(m.start(), kind) for kind, pattern in _KIND_PATTERNS if (m := pattern.search(head))]
    if hits:
        return min(hits)[1], 0.6, "first page"
    return "other", 0.3, "no cue"


def _title(document: Document, session: Session) -> tuple[str, float, str]:
    info = document.info if isinstance(document, StructuredDocument) else {}
    declared = " ".join(str(info.get("title") or "").split())
    if declared and (_JUNK_TITLE.search(declared) or len(declared) < 4):
        declared = ""
    heading = next(
        (" ".join(t.text.split()) for t in session.turns[:6] if t.kind == "note" and not numbered_heading(t.text)), ""
    )
    # a title stated over two lines at the top is the session's title (`paragraphs._title_lines`)
    if heading and session.title.startswith(heading + ": "):
        heading = session.title
    if heading and declared and (heading.lower() in declared.lower() or declared.lower() in heading.lower()):
        return (declared if len(declared) >= len(heading) else heading)[:300], 0.95, "declared and heading"
    if heading:
        return heading[:300], 0.8, "first heading"
    if declared:
        return declared[:300], 0.7, "declared"
    first = next((t.text for t in session.turns if t.kind == "speech"), "")
    if first and len(first.split()) <= 20 and "\n" not in first.strip():
        if session.title.startswith(first.strip() + ": "):
            return session.title[:300], 0.5, "first lines"
        return first.strip()[:300], 0.5, "first line"
    if session.title:
        return session.title[:300], 0.4, "first line"
    return PurePath(document.source or "untitled").stem, 0.3, "file name"


_FIRST_LINES = 400  # characters of the text after the title where a stated year is looked for


# a list item's marker: a bullet, or a number or letter with "." / ")" ("- ", "• ", "2. ", "b) ")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•·▪◦‣–][ \t]|(?:\d{1,2}|[a-z])[.)][ \t])")


def _in_list_item(text: str, offset: int) -> bool:
    """Whether `offset` is inside a list item: its line, or the paragraph its wrapped line
    belongs to, opens with a list marker. A list enumerates things with dates of their own
    (outputs "released in February 2024", meetings), none of them the document's date."""
    line = text.rfind("\n", 0, offset) + 1
    paragraph = text.rfind("\n\n", 0, offset)
    paragraph = 0 if paragraph < 0 else paragraph + 2
    return any(_LIST_ITEM.match(text, start) for start in {line, paragraph})


# A clause that promises or plans: a date after one of these, in the same clause, is when the
# thing promised is due ("will publish its annual report in March 2025"), not the document's date.
_FUTURE = re.compile(
    r"\b(?:will|shall|going\s+to|(?:plan|intend|aim|expect|commit|pledge|promise|undertake)(?:s|ed|ted)?\s+to"
    r"|to\s+be\s+\w+(?:ed|en|eld)|upcoming|forthcoming|due\s+(?:in|by|on))\b|\w'll\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.!?;:]\s|\n")


def _in_future_clause(text: str, offset: int) -> bool:
    """Whether the clause the date at `offset` sits in says, before it, that something will happen:
    a promise's due date is not the day the document was written."""
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, offset)]
    return _FUTURE.search(text, starts[-1] if starts else 0, offset) is not None


def _date(
    head: str, title: str, declared: str | None, today: str | None, transcript: bool = False
) -> tuple[str | None, float, str]:
    """(ISO date, confidence, source): a date written on the first page outside a list and outside
    a promise, else the file's declared date when it is plausible, else the year the title or first
    lines state."""
    dates = [d for d in find_dates(head) if not _in_list_item(head, d[0]) and not _in_future_clause(head, d[0])]
    if transcript and (spans := meeting_spans(head)):
        # a transcript's header states the meeting's days: a day among them is the session's
        # ("NOVEMBER 27, 2019" under "from 25 to 29 November 2019"); a day outside them is another
        # day's, said in the session (a story's, a deadline's). A document's span may be another
        # meeting's (where it was adopted), so there a day outside it still counts.
        dates = [d for d in dates if len(d[1]) < 10 or any(a <= d[1] <= b for a, b in spans)]
    if dates:
        _, date, conf = max(dates, key=lambda d: (d[2], -d[0]))
        return date, conf, "first page"
    stated, where = None, ""
    if m := _YEAR.search(title):
        stated, where = m.group(1), "title"
    elif m := _YEAR.search(head[head.find(title) + len(title) if title and title in head else 0 :][:_FIRST_LINES]):
        stated, where = m.group(1), "first lines"
    if declared:
        if declared == today:
            why = "the day it was read"
        elif stated and not 0 <= int(declared[:4]) - int(stated) <= 1:
            why = f"not {stated}"
        else:
            return declared, 0.5, "declared"
        aside = f"the file's own date {declared} set aside ({why})"
        return (stated, 0.5, f"{where}; {aside}") if stated else (None, 0.0, f"unknown; {aside}")
    return (stated, 0.5, where) if stated else (None, 0.0, "")


def _coalitions(
    title: str, head: str, text: str, registry: Any, context: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(listed, candidates): a coalition named in the title or on the first page is the author;
    `context` (default `text`) is what tells whether "DC" stands for a Dynamic Coalition."""
    from ..resolve.mentions import find_mentions

    scores: dict[str, tuple[float, str, Any]] = {}

    def add(entity_id: str, conf: float, why: str) -> None:
        if conf > scores.get(entity_id, (0.0, "", None))[0]:
            scores[entity_id] = (conf, why, None)

    def dcs(part: str) -> list[Any]:
        return [m for m in find_mentions(part, registry=registry) if m.kind == "dc"] if part else []

    for m in dcs(title):
        add(m.entity_id, 0.95 * m.confidence, "title")
    for m in dcs(head):
        add(m.entity_id, 0.85 * m.confidence, "first page")
    counts: dict[str, int] = {}
    for m in dcs(text[:200_000]):
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    for entity_id, n in counts.items():
        add(entity_id, {1: 0.4, 2: 0.55}.get(n, 0.7), "mentioned once" if n == 1 else f"mentioned {n} times")
    if registry is None:
        from ..resolve.registry import load_registry

        registry = load_registry()
    listed: list[dict[str, Any]] = []
    candidates: list[dict[str, Any]] = []
    for entity_id, (conf, why, _) in sorted(scores.items(), key=lambda kv: -kv[1][0]):
        entity = registry.get(entity_id)
        row = {
            "id": entity.id,
            "name": entity.name,
            "acronym": entity.acronym,
            "confidence": round(conf, 2),
            "evidence": why,
        }
        (listed if conf >= 0.6 else candidates).append(row)
    taken = {str(row["name"]).casefold() for row in listed + candidates}
    parts = ((title, 0.95, "title"), (head, 0.85, "first page"))
    for name, conf, why in _new_coalitions(parts, text if context is None else context, registry):
        if name.casefold() not in taken:
            taken.add(name.casefold())
            listed.append({"id": None, "name": name, "acronym": None, "confidence": conf, "evidence": why})
    return listed, candidates


def _new_coalitions(
    parts: tuple[tuple[str, float, str], ...], text: str, registry: Any
) -> list[tuple[str, float, str]]:
    """(name as said, confidence, evidence) of the coalitions outside the registry that the
    title or first page names ("Dynamic Coalition on X: Annual Report"): a new coalition's
    document is still its own, with no registry id (as a report lists it). "DC on X" counts
    only where the document says "Dynamic Coalition" somewhere (`newcoalitions`)."""
    from ..resolve.mentions import find_mentions
    from ..resolve.newcoalitions import find_new_coalitions

    found: list[tuple[str, float, str]] = []
    for part, conf, why in parts:
        if not part:
            continue
        # the rest of the text tells whether "DC" stands for a Dynamic Coalition, and gives a
        # name cut short in the title ("DC on X") the form said most; only names in `part` count
        joined = part + "\n\n" + text[:200_000]
        spans = [(0, len(part), False), (len(part) + 2, len(joined), True)]
        for c in find_new_coalitions(joined, spans, find_mentions(part, registry=registry), registry):
            if not any(a < len(part) for a, _ in c.spans):
                continue
            # spelled out where it is ("Dynamic Coalition on X"), not the title's "DC on X"
            forms = [" ".join(joined[a:b].split()) for a, b in c.spans]
            name = min(forms, key=lambda f: (f.startswith("DC"), -forms.count(f), forms.index(f)))
            if all(name.casefold() != f[0].casefold() for f in found):
                found.append((name, conf, why))
    return found


def _language(document: Document, body: str) -> tuple[str | None, float, str]:
    code, conf = detect_language(body)
    info = document.info if isinstance(document, StructuredDocument) else {}
    declared = str(info.get("language") or "").split("-")[0].split("_")[0].lower() or None
    if declared and code == declared:
        return code, max(conf, 0.9), "text and declared"
    if declared and conf < 0.5:
        return declared, 0.6, "declared"
    return code, conf, "stopwords" if code else "unknown"


def detect_metadata(
    document: Document,
    session: Session,
    overrides: Overrides | None = None,
    *,
    transcript: bool = False,
    registry: Any = None,
    today: str | None = None,
) -> DocumentMeta:
    """Every field with a confidence; overrides win with confidence 1.0.

    For a transcript only the title names its coalition (a main session mentions
    dozens), and its kind is always "transcript". `today` (ISO date) is the day the
    file is read: a date the file declares that is that day says nothing about it.
    """
    conf: dict[str, float] = {}
    src: dict[str, str] = {}
    info = document.info if isinstance(document, StructuredDocument) else {}
    body = "\n\n".join(t.text for t in session.turns if t.kind == "speech") or session.text
    head = session.text[:3000]
    first_page = [t for t in session.turns if t.page in (None, 1)][:12]
    if first_page:
        head = session.text[: max(first_page[-1].end, 1)][:6000]

    if transcript:
        if session.title.strip():
            title, conf["title"], src["title"] = session.title, 0.8, "transcript header"
        else:  # a transcript without a header is named by its file (a blank title cannot be listed or linked)
            title, conf["title"], src["title"] = PurePath(document.source).stem, 0.5, "file name"
    else:
        title, conf["title"], src["title"] = _title(document, session)

    if transcript:
        kind, conf["kind"], src["kind"] = "transcript", 1.0, "turn markers"
    else:
        paragraphs = [t.text for t in session.turns if t.kind == "speech"]
        kind, conf["kind"], src["kind"] = detect_kind(title, head, paragraphs)

    title_year = _YEAR.search(title)
    date, date_conf, date_src = _date(head, title, str(info.get("created") or "")[:10] or None, today, transcript)
    if title_year:
        year, year_conf, year_src = int(title_year.group(1)), 0.85, "title"
    elif date:
        year, year_conf, year_src = int(date[:4]), round(0.9 * date_conf, 2), f"date ({date_src.split(';')[0]})"
    elif session.year:
        year, year_conf, year_src = session.year, 0.4, "text"
    else:
        year, year_conf, year_src = None, 0.0, "unknown"
    if transcript and session.year:
        year, year_conf, year_src = session.year, 0.8, "transcript header"

    if transcript:
        listed, candidates = _coalitions(title, "", "", registry, context=session.text)
    else:
        listed, candidates = _coalitions(title, head, body, registry)
    conf["coalitions"] = max((c["confidence"] for c in listed), default=0.0)
    src["coalitions"] = ", ".join(sorted({c["evidence"] for c in listed})) or "none found"

    language, conf["language"], src["language"] = _language(document, body)
    meta: dict[str, Any] = {
        "title": title,
        "kind": kind,
        "date": date,
        "year": year,
        "coalitions": tuple(listed),
        "language": language,
    }
    conf.update(date=date_conf, year=year_conf)
    src.update(date=date_src or "unknown", year=year_src)
    if overrides is not None:
        for name, value in overrides.values().items():
            if name == "kind" and transcript:
                continue
            meta[name] = value
            conf[name], src[name] = 1.0, overrides.origin
        if "date" in overrides.values() and "year" not in overrides.values() and not title_year:
            meta["year"], conf["year"], src["year"] = int(str(meta["date"])[:4]), 1.0, overrides.origin
    return DocumentMeta(
        title=meta["title"],
        kind=meta["kind"],
        date=meta["date"],
        year=meta["year"],
        coalitions=tuple(meta["coalitions"]),
        language=meta["language"],
        pages=document.pages if isinstance(document, StructuredDocument) else None,
        format=document.format,
        confidence={k: round(v, 2) for k, v in conf.items()},
        source=src,
        candidates=tuple(candidates),
    )

"""Citations that describe themselves: which session (title, year, date), who, which line,
and for a document the page and section, so a brief printed on paper can be checked
without the tool.

Bullets are built from sentence units that only know a session id and a line; this
module adds the rest once, after a brief is built (`describe_brief`, or
`describe_analyses` for stored report JSON), and formats the description the same way
for every renderer (`source_heading`, `cite_label`, `describe`). The numbered Sources
list that ends every brief is `number_sources`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar, cast

from ..labels import said_voice
from ..models import Citation, Session
from .models import Bullet, CoalitionBrief, SessionReport, SourcedCitation, Theme, TopicBrief

__all__ = [
    "SourceInfo",
    "cite_label",
    "describe",
    "describe_analyses",
    "describe_brief",
    "describe_text",
    "display_text",
    "distinct_quotes",
    "human_date",
    "map_citations",
    "number_sources",
    "quote_differs",
    "ref_numbers",
    "source_heading",
    "source_info",
    "source_quotes",
]

AnyBrief = SessionReport | TopicBrief | CoalitionBrief
Brief = TypeVar("Brief", bound=AnyBrief)

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# report JSON kinds whose items carry `citations` (or `points` with citations)
_CITED_KINDS = ("takeaways", "calls_to_action", "speaker_points", "open_questions")


@dataclass(frozen=True)
class SourceInfo:
    """What a citation needs to know about its session: title, year and date (when known)."""

    session: str
    title: str
    year: int | None = None
    date: str | None = None


def source_info(session: Session, analyses: Mapping[str, Any] | None = None) -> SourceInfo:
    """The session's description; the date comes from its `document` analysis when known."""
    meta = (analyses or {}).get("document")
    date = meta.get("date") if isinstance(meta, Mapping) else None
    return SourceInfo(session.id, session.title, session.year, str(date) if date else None)


def _place(session: Session | None, line: int) -> tuple[int | None, str | None]:
    """(page, section) of the paragraph covering `line`; (None, None) for a caption transcript."""
    if session is None:
        return None, None
    for turn in session.turns:
        if turn.line <= line <= max(turn.line, turn.end_line):
            return turn.page, turn.section
    return None, None


def describe(c: Citation, info: SourceInfo, session: Session | None = None) -> SourcedCitation:
    """`c` with its session's title, year and date, and page and section when the source has them."""
    page, section = _place(session, c.line)
    return SourcedCitation(
        line=c.line,
        quote=c.quote,
        speaker=c.speaker,
        session=c.session,
        voiced_by=c.voiced_by,
        title=info.title or None,
        year=info.year,
        date=info.date,
        page=page,
        section=section,
    )


def _bullet(b: Bullet, fn: Callable[[Citation], Citation]) -> Bullet:
    return replace(b, citations=tuple(fn(c) for c in b.citations))


def map_citations(brief: Brief, fn: Callable[[Citation], Citation]) -> Brief:
    """`brief` with `fn` applied to every citation of every bullet (the brief is frozen)."""
    return cast(Brief, _mapped(brief, fn))


def _mapped(brief: AnyBrief, fn: Callable[[Citation], Citation]) -> AnyBrief:

    def each(bullets: tuple[Bullet, ...]) -> tuple[Bullet, ...]:
        return tuple(_bullet(b, fn) for b in bullets)

    if isinstance(brief, SessionReport):
        speakers = tuple(replace(s, bullets=each(s.bullets)) for s in brief.speakers)
        return replace(
            brief,
            takeaways=each(brief.takeaways),
            calls_to_action=each(brief.calls_to_action),
            speakers=speakers,
            open_questions=each(brief.open_questions),
        )
    if isinstance(brief, TopicBrief):
        return replace(brief, themes=tuple(Theme(t.title, each(t.bullets)) for t in brief.themes))
    return replace(
        brief,
        said=each(brief.said),
        produced=each(brief.produced),
        asked=each(brief.asked),
        partners=each(brief.partners),
        asked_by_year=each(brief.asked_by_year),
        promises=each(brief.promises),
    )


def describe_brief(
    brief: Brief, sources: Mapping[str, tuple[Session, Mapping[str, Any] | None]] | Iterable[Session]
) -> Brief:
    """Every citation of `brief` described from the sessions it cites.

    `sources` maps session id → (session, its stored analyses), or is the plain sessions
    (no dates then). A citation without a session id belongs to a session report's own
    session; one whose session is not given keeps what it has.
    """
    table: dict[str, tuple[Session, Mapping[str, Any] | None]] = (
        dict(sources) if isinstance(sources, Mapping) else {s.id: (s, None) for s in sources}
    )
    infos = {sid: (source_info(s, a), s) for sid, (s, a) in table.items()}
    own = getattr(brief, "session", None)

    def fn(c: Citation) -> Citation:
        found = infos.get(c.session or own or "")
        return describe(c, *found) if found else c

    return map_citations(brief, fn)


def describe_analyses(session: Session, analyses: Mapping[str, Any]) -> dict[str, Any]:
    """Stored report JSON with every citation described (extended, never renamed).

    Stored analyses written before citations described themselves (or at ingest, before
    the date was known) get the same fields a fresh report has, so `report --json` of a
    stored session equals that of its file.
    """
    info = source_info(session, analyses)

    def cite(c: Any) -> Any:
        if not isinstance(c, Mapping) or "line" not in c:
            return c
        return {**c, **describe(SourcedCitation.from_json(c), info, session).to_json()}

    def item(x: Any) -> Any:
        if not isinstance(x, Mapping):
            return x
        out = dict(x)
        if isinstance(x.get("citations"), list):
            out["citations"] = [cite(c) for c in x["citations"]]
        if isinstance(x.get("points"), list):
            out["points"] = [item(p) for p in x["points"]]
        return out

    out = dict(analyses)
    for kind in _CITED_KINDS:
        if isinstance(out.get(kind), list):
            out[kind] = [item(x) for x in out[kind]]
    return out


def human_date(date: str | None) -> str | None:
    """ "2021-12-07" → "7 December 2021", "2021-12" → "December 2021"; other text as given."""
    if not date:
        return None
    m = _ISO.match(date.strip())
    if not m:
        return date.strip()
    year, month, day = m.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    named = f"{_MONTHS[int(month) - 1]} {year}"
    return f"{int(day)} {named}" if day else named


def source_heading(c: Citation) -> str:
    """Which session: "Title (2021; 7 December 2021)", the date only when it says more than the year."""
    title = getattr(c, "title", None) or (f"session {c.session}" if c.session else "this session")
    year = getattr(c, "year", None)
    date = getattr(c, "date", None)
    when = [str(year)] if year else []
    if date and len(date) > 4:
        when.append(human_date(date) or date)
    elif date and not year:
        when.append(date)
    return f"{title} ({'; '.join(when)})" if when else title


def cite_label(c: Citation) -> str:
    """Who and where inside the session: "Jason Munyan, line 325" or "p. 4, § Findings, line 88"."""
    who = said_voice(c.speaker)
    parts = [who[:1].upper() + who[1:]] if who else []  # "AUDIENCE" → "A participant from the floor"
    page, section = getattr(c, "page", None), getattr(c, "section", None)
    if page is not None:
        parts.append(f"p. {page}")
    if section:
        parts.append(f"§ {' '.join(section.split())}")
    parts.append(f"line {c.line}")
    return ", ".join(parts)


def describe_text(c: Citation) -> str:
    """The whole description on one line: session, then who and where."""
    return f"{source_heading(c)}, {cite_label(c)}"


_WORD = re.compile(r"\w+")


def quote_differs(text: str, quote: str) -> bool:
    """Whether the quote says more than the bullet (words, not spacing or case, differ).

    A quote the bullet says word for word (a context sentence put before a dangling one,
    `rewrite`, or a sentence behind a "Name (Org): " attribution) says nothing more.
    """
    said, quoted = _WORD.findall(text.lower()), _WORD.findall(quote.lower())
    return said != quoted and f" {' '.join(quoted)} " not in f" {' '.join(said)} "


def _key(c: Citation) -> tuple[str, int, str]:
    return (c.session or "", c.line, c.quote)


def _place_key(c: Citation) -> tuple[str, int]:
    """Where a citation points: its session and line (one line has one speaker, page, section)."""
    return (c.session or "", c.line)


def number_sources(
    bullets: Iterable[Bullet],
) -> tuple[dict[tuple[str, int, str], int], list[tuple[str, list[tuple[int, Citation]]]]]:
    """Numbers for the citations and the Sources list, in the order a reader meets them.

    Returns (number of each citation key, [(session heading, [(number, citation)])]).

    One source is one line of one session, with one number wherever it is cited (issue
    23: a takeaway and a speaker's point quoting two sentences of "Eileen Cejas, line
    235" were [3] and [10]): every quote of that line, in any bullet, gets the line's
    number, and its Sources entry lists the quotes (`source_quotes`), so a bullet never
    cites "[1, 2]" for one line and the list never names one line twice. Numbers follow
    the order in which the printed brief first cites each line, so the `[n]` read 1, 2,
    3… from the top. The list names each session once, in the order sessions are first
    cited, with its entries in number order (not always consecutive when a brief moves
    between sessions).
    """
    numbers: dict[tuple[str, int, str], int] = {}
    by_place: dict[tuple[str, int], int] = {}
    groups: dict[str, tuple[str, list[tuple[int, Citation]]]] = {}
    for b in bullets:
        for c in b.citations:
            place = _place_key(c)
            if place in by_place:
                numbers.setdefault(_key(c), by_place[place])
                continue
            n = by_place[place] = numbers[_key(c)] = len(by_place) + 1
            heading = source_heading(c)
            groups.setdefault(f"{c.session or ''}\n{heading}", (heading, []))[1].append((n, c))
    return numbers, list(groups.values())


def display_text(text: str) -> str:
    """A bullet's text or a quote as every display shows it: runs of whitespace as one space.

    The one whitespace rule of the displays (issue 23): a quote stays verbatim in the JSON, but
    a point shown in the text view with the captions' double space ("news:  our") while its
    Sources entry showed one space read as two different quotes.
    """
    return " ".join(text.split())


def source_quotes(bullets: Iterable[Bullet], numbers: Mapping[tuple[str, int, str], int]) -> dict[int, str]:
    """Source number → every quote cited from that line (several joined by " … ", in citation order).

    Every entry says what it cites (issue 23), even when a bullet says the quote word for
    word: the list is what a reader checks the points against, one entry at a time. A quote
    that is part of another quote of the line is said once, by the longer one: a point cut
    to its first clause and another citing the whole sentence printed that clause twice.
    """
    found: dict[int, list[str]] = {}
    for b in bullets:
        for c in b.citations:
            n = numbers.get(_key(c))
            quote = display_text(c.quote)
            if n is not None and quote:
                found.setdefault(n, []).append(quote)
    return {n: " … ".join(qs) for n, qs in ((n, distinct_quotes(qs)) for n, qs in found.items()) if qs}


def distinct_quotes(quotes: Iterable[str]) -> list[str]:
    """The quotes of one line, each said once: a quote inside another gives way to the longer one,
    which takes the place of the first quote it contains (so the citation order holds)."""
    kept: list[str] = []
    for quote in quotes:
        if any(quote in q for q in kept):
            continue
        inside = [i for i, q in enumerate(kept) if q in quote]
        if inside:
            kept = [q for i, q in enumerate(kept) if i not in inside]
            kept.insert(inside[0], quote)
        else:
            kept.append(quote)
    return kept


def ref_numbers(b: Bullet, numbers: Mapping[tuple[str, int, str], int]) -> list[int]:
    """The Sources numbers of a bullet's citations, in citation order, without repeats."""
    return list(dict.fromkeys(numbers[_key(c)] for c in b.citations if _key(c) in numbers))

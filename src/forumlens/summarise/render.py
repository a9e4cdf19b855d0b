"""Renderers for reports and briefs: Markdown, HTML, JSON and a terminal text view.

Every brief is first laid out as the same neutral structure (title, subtitle, sections
of cited bullets or plain lines, and the numbered Sources list), and each format only
draws that structure, so the formats cannot drift apart and a new one (PDF, e-mail) is
one small function.

Each point is shown once. A bullet carries the numbers of its sources ("[1, 2]");
the brief ends with a numbered Sources list, grouped by session, in which every entry
describes itself (session title, year, date when known, speaker, line; page and
section for documents: `sources.py`). The verbatim quote is there on demand: under
`<details>` in HTML, in the Sources entry in Markdown and text, in a footnote in PDF,
and always in the JSON. A quote that says exactly what its bullet says is not repeated.
"""

from __future__ import annotations

import html
import json
import textwrap
from dataclasses import dataclass, field

from ..generated import HTML_META
from ..labels import KEY, lead_label, said_voice
from ..labels import kind_label as _kind_label
from ..models import Citation
from .models import Bullet, CoalitionBrief, SessionReport, SourcedCitation, TopicBrief
from .sources import (
    SourceInfo,
    cite_label,
    describe,
    display_text,
    human_date,
    map_citations,
    number_sources,
    quote_differs,
    ref_numbers,
    source_quotes,
)

__all__ = [
    "Layout",
    "display_text",
    "layout",
    "lead_label",
    "quote_differs",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
    "report_name",
]

Brief = SessionReport | TopicBrief | CoalitionBrief
SourceGroup = tuple[str, list[tuple[int, Citation]]]


@dataclass
class Section:
    title: str
    bullets: list[tuple[str, Bullet]] = field(default_factory=list)  # (prefix, bullet)
    lines: list[str] = field(default_factory=list)


@dataclass
class Layout:
    title: str
    subtitle: str
    sections: list[Section]
    notes: list[str] = field(default_factory=list)
    numbers: dict[tuple[str, int, str], int] = field(default_factory=dict)
    sources: list[SourceGroup] = field(default_factory=list)  # (session heading, [(number, citation)])
    repeats: set[int] = field(default_factory=set)  # id() of bullets that say a point shown earlier

    def repeated(self, bullet: Bullet) -> bool:
        """Whether this bullet's point was already shown (the same quotes) earlier on."""
        return id(bullet) in self.repeats

    def refs(self, bullet: Bullet) -> list[int]:
        """The Sources numbers a bullet rests on."""
        return ref_numbers(bullet, self.numbers)


# What a report of a stored document is headed by: its kind (`documents.meta.DOCUMENT_KINDS`),
# not "Session report" (a coalition's statement is not a session). A kind not listed is a document.
_REPORT_NAMES = {
    "annual-report": "Annual report",
    "session-report": "Session report",
    "statement": "Statement",
    "recommendations": "Recommendations",
    "glossary": "Glossary",
    "paper": "Paper",
}


def report_name(kind: str | None) -> str:
    """The subtitle's name for a report: "Session report" for a transcript, else the document's kind.

    >>> report_name(None), report_name("statement"), report_name("other")
    ('Session report', 'Statement', 'Document')
    """
    if kind is None or kind == "transcript":
        return "Session report"
    return _REPORT_NAMES.get(kind, "Document")


def _when_label(when: str) -> str:
    """A year-by-year label ("2024 · raised · concise-summaries") with its category in words;
    "other" says nothing, so it is left out."""
    parts = when.split(" · ")
    if len(parts) > 1 and KEY.fullmatch(parts[-1]):
        parts[-1:] = [] if parts[-1] == "other" else [parts[-1].replace("-", " ")]
    return " · ".join(parts)


def _numbered(lay: Layout) -> Layout:
    """Number the sources, and mark the bullets that repeat a point already shown.

    A report lists a speaker's point under "Key points by speaker" although it may be a
    takeaway too; drawn once, it is referred to the second time ("see [2]"). Two such
    references in one section with the same label and the same sources would print as two
    identical rows ("2018 · raised · policy: see [2]" for two asks said on one line, both
    shown above): one row says it, and the other is left out (its point is drawn above).
    """
    bullets = [b for sec in lay.sections for _, b in sec.bullets]
    lay.numbers, lay.sources = number_sources(bullets)
    shown: set[tuple[tuple[str, int, str], ...]] = set()
    for b in bullets:
        key = tuple((c.session or "", c.line, c.quote) for c in b.citations)
        if key in shown:
            lay.repeats.add(id(b))
        shown.add(key)
    for sec in lay.sections:
        rows: set[tuple[str, tuple[int, ...]]] = set()
        kept = []
        for prefix, b in sec.bullets:
            row = (prefix, tuple(lay.refs(b)))
            if lay.repeated(b) and row in rows:
                continue
            if lay.repeated(b):
                rows.add(row)
            kept.append((prefix, b))
        sec.bullets = kept
    return lay


def _count(n: int, noun: str) -> str:
    """ "1 talking point", "2 talking points", "0 sessions": the noun agrees with the number."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _short(c: Citation) -> str:
    """Where in its session, for the line under a bullet: "L325 Jason Munyan", "L88 p. 4"."""
    place = [f"p. {c.page}"] if isinstance(c, SourcedCitation) and c.page is not None else []
    who = said_voice(c.speaker)  # a label that names nobody as a reader says it, as the Sources do
    return " ".join([f"L{c.line}", *([who] if who else []), *place])


def _quotes(lay: Layout) -> dict[int, str]:
    """Source number → its quote(s), for sources some bullet does not already say word for word."""
    return source_quotes((b for sec in lay.sections for _, b in sec.bullets), lay.numbers)


def _own_session(brief: SessionReport) -> SessionReport:
    """A report whose citations do not describe themselves yet gets its own session's description."""
    info = SourceInfo(brief.session, brief.title, brief.year, brief.date)
    return map_citations(brief, lambda c: c if isinstance(c, SourcedCitation) else describe(c, info))


def layout(brief: Brief) -> Layout:
    """The neutral structure of a report or brief (what every renderer draws)."""
    if isinstance(brief, SessionReport):
        brief = _own_session(brief)
        speakers = Section("Key points by speaker")
        for sp in brief.speakers:
            who = sp.speaker + (f" ({sp.coalition})" if sp.coalition else f" ({sp.role})" if sp.role else "")
            speakers.bullets += [(who, b) for b in sp.bullets]
        coalitions = Section(
            "Coalitions that presented",
            lines=[
                f"{c.name}"
                + (f" ({c.acronym})" if c.acronym else "")
                + (f": {', '.join(c.speakers)}" if c.speakers else "")
                + (f" [L{', L'.join(map(str, c.lines[:4]))}]" if c.lines else "")
                for c in brief.coalitions
            ],
        )
        sections = [
            Section("Key takeaways", [("", b) for b in brief.takeaways]),
            Section(
                "Calls to action",
                [(_kind_label(b.kind) if b.kind and b.kind != "other" else "", b) for b in brief.calls_to_action],
            ),
            speakers,
            Section("Open questions", [("", b) for b in brief.open_questions]),
            coalitions,
        ]
        when = human_date(brief.date) if brief.date and len(brief.date) > 4 else None
        sub = (
            f"{report_name(brief.kind)} · {brief.year or 'year unknown'}{f' · {when}' if when else ''}"
            f" · {'session' if report_name(brief.kind) == 'Session report' else 'document'} {brief.session}"
        )
        return _numbered(Layout(brief.title, sub, [s for s in sections if s.bullets or s.lines], list(brief.notes)))
    if isinstance(brief, TopicBrief):
        sections = [Section(t.title, [("", b) for b in t.bullets]) for t in brief.themes]
        filters = ", ".join(f"{k} {v}" for k, v in brief.filters.items())
        points, sessions = sum(len(t.bullets) for t in brief.themes), len(brief.sessions)
        sub = f"Topic brief · {_count(points, 'talking point')} from {_count(sessions, 'session')}"
        if not sections:
            sections = [
                Section(
                    "No talking points",
                    lines=[f"Nothing in the record matches this topic{' and these filters' if filters else ''}."],
                )
            ]
        return _numbered(Layout(f"Talking points: {brief.topic}", sub + (f" · {filters}" if filters else ""), sections))
    sections = [
        Section("What it said", [("", b) for b in brief.said]),
        Section("What it produced or promised", [("", b) for b in brief.produced]),
        Section(
            "What it asked for", [(_kind_label(b.kind) if b.kind and b.kind != "other" else "", b) for b in brief.asked]
        ),
        Section("Whom it works with", [(b.kind, b) for b in brief.partners]),
        Section("What it has asked for, year by year", [(_when_label(b.kind), b) for b in brief.asked_by_year]),
        Section("Promises and their fate", [(_kind_label(b.kind), b) for b in brief.promises]),
        Section(
            "Where it spoke",
            lines=[
                f"{a.title} ({a.year or '?'}, session {a.session}): {a.status.replace('invited-absent', 'invited but absent')}"
                + (f" by {', '.join(a.speakers)}" if a.speakers else "")
                + (f" [L{', L'.join(map(str, a.lines[:4]))}]" if a.lines else "")
                for a in brief.appearances
            ],
        ),
    ]
    title = brief.name + (f" ({brief.acronym})" if brief.acronym else "")
    return _numbered(
        Layout(
            title,
            f"Coalition snapshot · {_count(len(brief.appearances), 'session')}"
            + "".join(f" · {k} {v}" for k, v in brief.filters.items()),
            [s for s in sections if s.bullets or s.lines],
        )
    )


def _refs(numbers: list[int]) -> str:
    return f"[{', '.join(map(str, numbers))}]" if numbers else ""


def render_markdown(brief: Brief) -> str:
    """Markdown: each point once with its source numbers; the numbered Sources list at the end."""
    lay = layout(brief)
    out = [f"# {lay.title}", "", f"_{lay.subtitle}_", ""]
    for sec in lay.sections:
        out += [f"## {sec.title}", ""]
        for prefix, b in sec.bullets:
            lead = f"**{prefix}:** " if prefix else ""
            said = f"see {_refs(lay.refs(b))}" if lay.repeated(b) else f"{display_text(b.text)} {_refs(lay.refs(b))}"
            out.append(f"- {lead}{said}".rstrip())
        out += [f"- {line}" for line in sec.lines]
        out.append("")
    out += _markdown_sources(lay)
    if lay.notes:
        out += ["---", ""] + [f"_Note: {n}_" for n in lay.notes] + [""]
    return "\n".join(out)


def _markdown_sources(lay: Layout) -> list[str]:
    if not lay.sources:
        return []
    quotes = _quotes(lay)
    # An ordered list keeps only its first number (1, 4, 6 would show as 1, 2, 3): when a
    # brief moves between sessions, a session's entries are not consecutive and are
    # written "- [4] ..." as the bullets cite them; a session report keeps "1. ...".
    ordered = all(n == entries[0][0] + i for _, entries in lay.sources for i, (n, _c) in enumerate(entries))
    out = ["## Sources", ""]
    for heading, entries in lay.sources:
        out += [f"**{heading}**", ""]
        for n, c in entries:
            quote = f": “{quotes[n]}”" if n in quotes else ""
            out.append(f"{n}. {cite_label(c)}{quote}" if ordered else f"- [{n}] {cite_label(c)}{quote}")
        out.append("")
    return out


def render_html(brief: Brief) -> str:
    """A standalone HTML page: each point once; its quote under `<details>`, Sources at the end."""
    lay = layout(brief)
    e = html.escape
    body = [f"<h1>{e(lay.title)}</h1>", f'<p class="sub">{e(lay.subtitle)}</p>']
    for sec in lay.sections:
        body.append(f"<section><h2>{e(sec.title)}</h2><ul>")
        for prefix, b in sec.bullets:
            refs = ", ".join(f'<a href="#src-{n}">{n}</a>' for n in lay.refs(b))
            quotes = "".join(
                f'<blockquote data-line="{c.line}">“{e(display_text(c.quote))}”<footer>{e(cite_label(c))}</footer></blockquote>'
                for c in b.citations
                if quote_differs(b.text, c.quote)
            )
            lead = f"<strong>{e(prefix)}:</strong> " if prefix else ""
            if lay.repeated(b):
                body.append(f"<li>{lead}see [{refs}]</li>")
                continue
            more = f"<details><summary>quote</summary>{quotes}</details>" if quotes else ""
            body.append(f'<li>{lead}{e(display_text(b.text))} <sup class="refs">[{refs}]</sup>{more}</li>')
        body += [f"<li>{e(line)}</li>" for line in sec.lines]
        body.append("</ul></section>")
    if lay.sources:
        said = _quotes(lay)  # every entry says what it cites, as in Markdown and text
        body.append('<section class="sources"><h2>Sources</h2>')
        for heading, entries in lay.sources:
            items = "".join(
                f'<li id="src-{n}" value="{n}">{e(cite_label(c))}'
                + (f'<span class="quote">: “{e(said[n])}”</span>' if n in said else "")
                + "</li>"
                for n, c in entries
            )
            body.append(f'<p class="src-head">{e(heading)}</p><ol>{items}</ol>')
        body.append("</section>")
    body += [f'<p class="note">{e(n)}</p>' for n in lay.notes]
    style = (
        "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.45}"
        "blockquote{margin:.3rem 0 .6rem 1rem;color:#444;font-size:.9em}.refs{color:#666}"
        "details summary{color:#666;font-size:.85em;cursor:pointer}.sub,.note,.src-head{color:#666}"
        ".sources{font-size:.9em}"
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{HTML_META}<title>{e(lay.title)}</title>'
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>"
    )


def render_json(brief: Brief) -> str:
    """The brief's JSON contract (`to_json()`), pretty-printed."""
    return json.dumps(brief.to_json(), ensure_ascii=False, indent=1)


def _text_refs(lay: Layout, b: Bullet) -> str:
    """Where a point comes from, under it: its Sources numbers, each with its line and speaker
    ("[1] L113 Minda Moreira; [5] L401 Mark Carvell"). In a brief of several sessions too: the
    number says which session (Sources groups them), the line and speaker let a reader check the
    point without turning to the end (bare "[9]" lines read as missing citations)."""
    shown: dict[int, str] = {}
    for c in b.citations:
        n = lay.numbers.get((c.session or "", c.line, c.quote))
        if n is not None:
            shown.setdefault(n, f"[{n}] {_short(c)}")
    return "; ".join(shown.values())


def render_text(brief: Brief, width: int = 96) -> str:
    """A readable terminal view: wrapped bullets, where each point comes from beneath it, Sources at the end."""
    lay = layout(brief)
    out = [lay.title, "=" * min(width, len(lay.title)), lay.subtitle, ""]
    for sec in lay.sections:
        out += [sec.title.upper(), ""]
        for prefix, b in sec.bullets:
            lead = f"{prefix}: " if prefix else ""
            if lay.repeated(b):  # drawn above: referred to, as in Markdown, HTML and PDF
                out.append(
                    textwrap.fill(
                        f"{lead}see {_refs(lay.refs(b))}", width, initial_indent="  • ", subsequent_indent="    "
                    )
                )
                continue
            out.append(
                textwrap.fill(lead + display_text(b.text), width, initial_indent="  • ", subsequent_indent="    ")
            )
            out.append("      " + _text_refs(lay, b))
        out += [textwrap.fill(line, width, initial_indent="  • ", subsequent_indent="    ") for line in sec.lines]
        out.append("")
    if lay.sources:  # the numbered list the Markdown ends with, with the same numbers (issue 23)
        quotes = _quotes(lay)
        out += ["SOURCES", ""]
        for heading, entries in lay.sources:
            out.append(textwrap.fill(heading, width, initial_indent="  ", subsequent_indent="  "))
            for n, c in entries:
                entry = f"{n}. {cite_label(c)}" + (f": “{quotes[n]}”" if n in quotes else "")
                out.append(textwrap.fill(entry, width, initial_indent="    ", subsequent_indent="       "))
            out.append("")
    out += [f"note: {n}" for n in lay.notes]
    return "\n".join(out).rstrip() + "\n"


_RENDERERS = {
    "md": render_markdown,
    "markdown": render_markdown,
    "html": render_html,
    "json": render_json,
    "text": render_text,
}


def render(brief: Brief, fmt: str = "text") -> str:
    """Render in `fmt`: md, html, json or text."""
    try:
        return _RENDERERS[fmt](brief)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {sorted(set(_RENDERERS))}") from None

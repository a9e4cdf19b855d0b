"""Renderers for reports and briefs: Markdown, HTML, JSON and a terminal text view.

Every brief is first laid out as the same neutral structure (title, subtitle, sections
of cited bullets or plain lines), and each format only draws that structure, so the
formats cannot drift apart and a new one (PDF, e-mail) is one small function. Citations
are shown as `[L325 Jason Munyan]` (with the session id in cross-session briefs) and
quoted in full in Markdown/HTML footnote style, so a reader can check every line.
"""

from __future__ import annotations

import html
import json
import textwrap
from dataclasses import dataclass, field

from ..models import Citation
from .models import Bullet, CoalitionBrief, SessionReport, TopicBrief

__all__ = ["Layout", "layout", "render", "render_html", "render_json", "render_markdown", "render_text"]

Brief = SessionReport | TopicBrief | CoalitionBrief


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


def _cite(c: Citation) -> str:
    where = f"{c.session}:L{c.line}" if c.session else f"L{c.line}"
    return f"{where} {c.speaker}" if c.speaker else where


def layout(brief: Brief) -> Layout:
    """The neutral structure of a report or brief (what every renderer draws)."""
    if isinstance(brief, SessionReport):
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
                [(b.kind.capitalize() if b.kind and b.kind != "other" else "", b) for b in brief.calls_to_action],
            ),
            speakers,
            Section("Open questions", [("", b) for b in brief.open_questions]),
            coalitions,
        ]
        sub = f"Session report · {brief.year or 'year unknown'} · session {brief.session}"
        return Layout(brief.title, sub, [s for s in sections if s.bullets or s.lines], list(brief.notes))
    if isinstance(brief, TopicBrief):
        sections = [Section(t.title, [("", b) for b in t.bullets]) for t in brief.themes]
        filters = ", ".join(f"{k} {v}" for k, v in brief.filters.items())
        sub = f"Topic brief · {sum(len(t.bullets) for t in brief.themes)} talking points from {len(brief.sessions)} session(s)"
        if not sections:
            sections = [
                Section("No talking points", lines=["Nothing in the record matches this topic and these filters."])
            ]
        return Layout(f"Talking points: {brief.topic}", sub + (f" · {filters}" if filters else ""), sections)
    sections = [
        Section("What it said", [("", b) for b in brief.said]),
        Section("What it produced", [("", b) for b in brief.produced]),
        Section(
            "What it asked for", [(b.kind.capitalize() if b.kind and b.kind != "other" else "", b) for b in brief.asked]
        ),
        Section("Whom it works with", [(b.kind, b) for b in brief.partners]),
        Section(
            "Where it spoke",
            lines=[
                f"{a.title} ({a.year or '?'}, session {a.session}): {a.status}"
                + (f" by {', '.join(a.speakers)}" if a.speakers else "")
                + (f" [L{', L'.join(map(str, a.lines[:4]))}]" if a.lines else "")
                for a in brief.appearances
            ],
        ),
    ]
    title = brief.name + (f" ({brief.acronym})" if brief.acronym else "")
    return Layout(
        title,
        f"Coalition snapshot · {len(brief.appearances)} session(s)"
        + "".join(f" · {k} {v}" for k, v in brief.filters.items()),
        [s for s in sections if s.bullets or s.lines],
    )


def render_markdown(brief: Brief) -> str:
    """Markdown with each bullet's citations and their quotes beneath it."""
    lay = layout(brief)
    out = [f"# {lay.title}", "", f"_{lay.subtitle}_", ""]
    for sec in lay.sections:
        out += [f"## {sec.title}", ""]
        for prefix, b in sec.bullets:
            out.append(
                f"- {'**' + prefix + ':** ' if prefix else ''}{b.text} "
                + " ".join(f"[{_cite(c)}]" for c in b.citations)
            )
            out += [f"  > {_cite(c)}: “{' '.join(c.quote.split())}”" for c in b.citations]
        out += [f"- {line}" for line in sec.lines]
        out.append("")
    if lay.notes:
        out += ["---", ""] + [f"_Note: {n}_" for n in lay.notes] + [""]
    return "\n".join(out)


def render_html(brief: Brief) -> str:
    """A standalone HTML page; quotes are in `<blockquote cite>` under each point."""
    lay = layout(brief)
    e = html.escape
    body = [f"<h1>{e(lay.title)}</h1>", f'<p class="sub">{e(lay.subtitle)}</p>']
    for sec in lay.sections:
        body.append(f"<section><h2>{e(sec.title)}</h2><ul>")
        for prefix, b in sec.bullets:
            cites = " ".join(f'<span class="cite">[{e(_cite(c))}]</span>' for c in b.citations)
            quotes = "".join(
                f'<blockquote data-line="{c.line}">{e(" ".join(c.quote.split()))}'
                f"<footer>{e(_cite(c))}</footer></blockquote>"
                for c in b.citations
            )
            lead = f"<strong>{e(prefix)}:</strong> " if prefix else ""
            body.append(f"<li>{lead}{e(b.text)} {cites}{quotes}</li>")
        body += [f"<li>{e(line)}</li>" for line in sec.lines]
        body.append("</ul></section>")
    body += [f'<p class="note">{e(n)}</p>' for n in lay.notes]
    style = (
        "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.45}"
        "blockquote{margin:.3rem 0 .6rem 1rem;color:#444;font-size:.9em}.cite{color:#666;font-size:.85em}"
        ".sub,.note{color:#666}"
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{e(lay.title)}</title>'
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>"
    )


def render_json(brief: Brief) -> str:
    """The brief's JSON contract (`to_json()`), pretty-printed."""
    return json.dumps(brief.to_json(), ensure_ascii=False, indent=1)


def render_text(brief: Brief, width: int = 96) -> str:
    """A readable terminal view: wrapped bullets, citations on their own dim line."""
    lay = layout(brief)
    out = [lay.title, "=" * min(width, len(lay.title)), lay.subtitle, ""]
    for sec in lay.sections:
        out += [sec.title.upper(), ""]
        for prefix, b in sec.bullets:
            text = (f"{prefix}: " if prefix else "") + b.text
            out.append(textwrap.fill(text, width, initial_indent="  • ", subsequent_indent="    "))
            out.append("      " + "; ".join(_cite(c) for c in b.citations))
        out += [textwrap.fill(line, width, initial_indent="  • ", subsequent_indent="    ") for line in sec.lines]
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

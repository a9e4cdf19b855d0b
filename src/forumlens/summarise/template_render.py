"""The filled IGF template (`template.py`) as text, Markdown, HTML, JSON and Word (.docx).

Every format draws the headings in `HEADINGS` order, then the short form, then the
numbered Sources list (the session described once: title, year, date; each entry the
speaker and line, and the verbatim quote when the sentence does not say it word for
word). Sentences carry their source numbers ("[3]"), so the rapporteur can edit the
text and still find where each sentence came from. The .docx is built with python-docx
(extra `documents`), imported only when asked for.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import textwrap
from collections.abc import Callable
from typing import Any

from ..errors import ConfigError
from ..generated import DOCX_COMMENT, HTML_META
from .models import Bullet
from .render import lead_label
from .sources import cite_label, display_text, number_sources, ref_numbers, source_quotes
from .template import IgfReport, TemplateSection

__all__ = ["TEMPLATE_FORMATS", "render_template", "template_docx"]

TEMPLATE_FORMATS = ("text", "md", "html", "json", "docx")
DOC_TITLE = "IGF session report"
SHORT_FORM = ("Short form: key takeaways", "Short form: calls to action")
NONE_RECORDED = "none recorded"
_PLAIN_LEADS = frozenset({"Key takeaways"})  # a paragraph lead that the heading already says


class _Refs:
    """Source numbers of every sentence of a report, and the quotes worth printing."""

    def __init__(self, report: IgfReport) -> None:
        bullets = [b for _, b in report.bullets()]
        self.numbers, self.sources = number_sources(bullets)
        self.quotes: dict[int, str] = source_quotes(bullets, self.numbers)

    def of(self, b: Bullet) -> str:
        numbers = ref_numbers(b, self.numbers)
        return f"[{', '.join(map(str, numbers))}]" if numbers else ""


def _lead(b: Bullet, heading: str) -> str:
    """The label a list item opens with: a segment title or ask category (not a person's role)."""
    if heading in ("Key issues raised", "Calls to action") and b.kind and b.kind != "other":
        return lead_label(b.kind)
    return ""


def _sentence(b: Bullet, refs: _Refs) -> str:
    return f"{display_text(b.text)} {refs.of(b)}".rstrip()


def _empty(section: TemplateSection) -> bool:
    return not (section.value or section.items or section.paragraphs)


def _short_form(report: IgfReport) -> list[tuple[str, tuple[Bullet, ...]]]:
    return [(SHORT_FORM[0], report.short_takeaways), (SHORT_FORM[1], report.short_calls)]


# ---------------------------------------------------------------- Markdown and text


def _markdown(report: IgfReport) -> str:
    refs = _Refs(report)
    out = [f"# {DOC_TITLE}", ""]
    for sec in report.sections:
        out += [f"## {sec.heading}", ""]
        if sec.value:
            out += [sec.value, ""]
        for b in sec.items:
            lead = _lead(b, sec.heading)
            out.append(f"- {f'**{lead}:** ' if lead else ''}{_sentence(b, refs)}")
        for p in sec.paragraphs:
            lead = "" if p.lead in _PLAIN_LEADS else f"**{p.lead}.** "
            out += [lead + " ".join(_sentence(b, refs) for b in p.sentences), ""]
        if _empty(sec):
            out += [f"_{NONE_RECORDED}_", ""]
        elif sec.items:
            out.append("")
    for heading, bullets in _short_form(report):
        out += [f"## {heading}", ""] + ([f"- {_sentence(b, refs)}" for b in bullets] or [f"_{NONE_RECORDED}_"]) + [""]
    out += ["## Sources", ""]
    for heading, entries in refs.sources:
        out += [f"**{heading}**", ""]
        for n, c in entries:
            out.append(f"{n}. {cite_label(c)}" + (f": “{refs.quotes[n]}”" if n in refs.quotes else ""))
        out.append("")
    out += [f"_Note: {n}_" for n in report.notes]
    return "\n".join(out).rstrip() + "\n"


def _text(report: IgfReport, width: int = 96) -> str:
    refs = _Refs(report)

    def fill(text: str, first: str = "  ", rest: str = "  ") -> list[str]:
        return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False)

    out = [DOC_TITLE.upper(), ""]
    for sec in report.sections:
        out += [sec.heading.upper()]
        if sec.value:
            out += fill(sec.value)
        for b in sec.items:
            lead = _lead(b, sec.heading)
            out += fill(f"{lead + ': ' if lead else ''}{_sentence(b, refs)}", "  • ", "    ")
        for p in sec.paragraphs:
            lead = "" if p.lead in _PLAIN_LEADS else f"{p.lead}. "
            out += [*fill(lead + " ".join(_sentence(b, refs) for b in p.sentences)), ""]
        if _empty(sec):
            out += fill(NONE_RECORDED)
        out.append("")
    for heading, bullets in _short_form(report):
        lines = [line for b in bullets for line in fill(_sentence(b, refs), "  • ", "    ")]
        out += [heading.upper(), *(lines or fill(NONE_RECORDED)), ""]
    out += ["SOURCES"]
    for heading, entries in refs.sources:
        out += fill(heading)
        for n, c in entries:
            entry = f"{n}. {cite_label(c)}" + (f": “{refs.quotes[n]}”" if n in refs.quotes else "")
            out += fill(entry, "    ", "       ")
    out += [f"note: {n}" for n in report.notes]
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- HTML


def _html(report: IgfReport) -> str:
    refs = _Refs(report)
    e = html.escape

    def sentence(b: Bullet) -> str:
        numbers = ref_numbers(b, refs.numbers)
        links = ", ".join(f'<a href="#src-{n}">{n}</a>' for n in numbers)
        return f'{e(display_text(b.text))} <sup class="refs">[{links}]</sup>'

    body = [f"<h1>{e(DOC_TITLE)}</h1>"]
    for sec in report.sections:
        body.append(f"<section><h2>{e(sec.heading)}</h2>")
        if sec.value:
            body.append(f"<p>{e(sec.value)}</p>")
        if sec.items:
            items = []
            for b in sec.items:
                lead = _lead(b, sec.heading)
                items.append(f"<li>{f'<strong>{e(lead)}:</strong> ' if lead else ''}{sentence(b)}</li>")
            body.append(f"<ul>{''.join(items)}</ul>")
        for p in sec.paragraphs:
            lead = "" if p.lead in _PLAIN_LEADS else f"<strong>{e(p.lead)}.</strong> "
            body.append(f"<p>{lead}{' '.join(sentence(b) for b in p.sentences)}</p>")
        if _empty(sec):
            body.append(f'<p class="none">{NONE_RECORDED}</p>')
        body.append("</section>")
    for heading, bullets in _short_form(report):
        body.append(
            f"<section><h2>{e(heading)}</h2>"
            + (
                f"<ul>{''.join(f'<li>{sentence(b)}</li>' for b in bullets)}</ul>"
                if bullets
                else f'<p class="none">{NONE_RECORDED}</p>'
            )
            + "</section>"
        )
    body.append('<section class="sources"><h2>Sources</h2>')
    for heading, entries in refs.sources:
        items = []
        for n, c in entries:
            label = e(cite_label(c))
            quote = refs.quotes.get(n)
            inner = (
                f"<details><summary>{label}</summary><blockquote>“{e(quote)}”</blockquote></details>"
                if quote
                else label
            )
            items.append(f'<li id="src-{n}" value="{n}">{inner}</li>')
        body.append(f'<p class="src-head">{e(heading)}</p><ol>{"".join(items)}</ol>')
    body.append("</section>")
    body += [f'<p class="note">{e(n)}</p>' for n in report.notes]
    style = (
        "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.45}"
        ".refs,.src-head,.none,.note{color:#666}.sources{font-size:.9em}blockquote{margin:.3rem 0 .6rem 1rem}"
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{HTML_META}<title>{e(DOC_TITLE)}: {e(report.title)}</title>'
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>"
    )


# ---------------------------------------------------------------- Word


def _docx_module() -> Any:
    try:
        import docx
    except ImportError:
        raise ConfigError("Word output (--docx) needs python-docx", hint="pip install 'forumlens[documents]'") from None
    return docx


def _own_properties(props: Any, now: dt.datetime | None = None) -> None:
    """The document's own creation, not python-docx's template's: that one says it was written
    by "python-docx" on 23 December 2013, which Word shows under File > Info and which the
    rapporteur would submit. The author is left empty for the rapporteur; both dates are now."""
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.author = ""
    props.last_modified_by = ""
    props.created = now
    props.modified = now
    props.revision = 1


def _a4(doc: Any, mm: Callable[[float], Any]) -> None:
    """A4 with 25 mm margins, the paper of the UN and the IGF's reports (python-docx's template
    is US Letter), and of the PDF briefs."""
    for section in doc.sections:
        section.page_width, section.page_height = mm(210), mm(297)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = mm(25)


def template_docx(report: IgfReport) -> bytes:
    """The filled template as a .docx a rapporteur can edit and submit (python-docx)."""
    docx = _docx_module()
    refs = _Refs(report)
    doc = docx.Document()
    _own_properties(doc.core_properties)
    _a4(doc, docx.shared.Mm)
    doc.core_properties.title = f"{DOC_TITLE}: {report.title}"
    doc.core_properties.comments = DOCX_COMMENT  # `generated`: ingest's folder walk skips its own outputs
    doc.add_heading(DOC_TITLE, level=0)
    for sec in report.sections:
        doc.add_heading(sec.heading, level=1)
        if sec.value:
            doc.add_paragraph(sec.value)
        for b in sec.items:
            item = doc.add_paragraph(style="List Bullet")
            lead = _lead(b, sec.heading)
            if lead:
                item.add_run(f"{lead}: ").bold = True
            item.add_run(_sentence(b, refs))
        for p in sec.paragraphs:
            para = doc.add_paragraph()
            if p.lead not in _PLAIN_LEADS:
                para.add_run(f"{p.lead}. ").bold = True
            para.add_run(" ".join(_sentence(b, refs) for b in p.sentences))
        if _empty(sec):
            doc.add_paragraph(NONE_RECORDED).runs[0].italic = True
    for heading, bullets in _short_form(report):
        doc.add_heading(heading, level=1)
        for b in bullets:
            doc.add_paragraph(_sentence(b, refs), style="List Bullet")
        if not bullets:
            doc.add_paragraph(NONE_RECORDED).runs[0].italic = True
    doc.add_heading("Sources", level=1)
    for heading, entries in refs.sources:
        doc.add_paragraph().add_run(heading).bold = True
        for n, c in entries:
            text = f"{n}. {cite_label(c)}" + (f": “{refs.quotes[n]}”" if n in refs.quotes else "")
            doc.add_paragraph(text)
    for note in report.notes:
        doc.add_paragraph(f"Note: {note}").runs[0].italic = True
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


_FORMATS: dict[str, Callable[[IgfReport], str]] = {
    "text": _text,
    "md": _markdown,
    "html": _html,
    "json": lambda r: json.dumps(r.to_json(), ensure_ascii=False, indent=1),
}


def render_template(report: IgfReport, fmt: str = "text") -> str:
    """The filled template in `fmt` (text, md, html or json; .docx is `template_docx`)."""
    try:
        return _FORMATS[fmt](report)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(TEMPLATE_FORMATS)}") from None

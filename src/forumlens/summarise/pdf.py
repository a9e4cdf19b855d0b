"""PDF rendering of reports and briefs (optional extra `pdf`: fpdf2, pure Python).

Draws the same neutral layout as the other renderers (`render.layout`): title,
subtitle, sections of bullets, each point once with the numbers of its sources. The
sources are footnotes at the foot of the page where they are first cited (who, line,
page and section, and the verbatim quote when the bullet does not say it word for
word), and the brief ends with the Sources list naming each session (title, year,
date) and the notes that cite it, so a reader of the printed page can check every
line. A ten-point brief fits on two A4 pages. A session report also gets what the
Markdown/HTML reports add from the analyses (`report.py`): speaking time per person,
with bars, and the questions asked and their fate.

Text is set in DejaVu Sans, a Unicode TrueType font (captions carry “curly quotes”,
‑‑ non-breaking hyphens and accented names that the PDF core fonts cannot encode).
The font is looked up in `$FORUMLENS_PDF_FONT` (a .ttf file or a directory), then in
the usual system places; Debian/Ubuntu's `fonts-dejavu-core` (installed by
`scripts/install-system-deps.sh`) puts it in /usr/share/fonts/truetype/dejavu.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import ConfigError
from ..models import Citation
from .render import Brief, Layout, layout, quote_differs
from .sources import cite_label, display_text, distinct_quotes

__all__ = [
    "FONT_DIRS",
    "SpeakingRow",
    "find_font",
    "footnote_text",
    "number_ranges",
    "question_lines",
    "render_pdf",
    "speaking_rows",
]

FONT_FILE = "DejaVuSans.ttf"
BOLD_FILE = "DejaVuSans-Bold.ttf"
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu (fonts-dejavu-core)
    "/usr/share/fonts/dejavu",  # Fedora
    "/usr/share/fonts/TTF",  # Arch
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/local/share/fonts",
    "/opt/homebrew/share/fonts",
    "/Library/Fonts",
)
_GREY = (90, 90, 90)
_MARGIN = 16.0  # bottom margin (mm) below the footnotes
_NOTE_SIZE, _NOTE_LINE = 7.0, 3.1  # footnote font size (pt) and line height (mm)
_KEEP_SLACK = 2.0  # mm: the gaps below a heading and between paragraphs, kept with them


def find_font(explicit: str | os.PathLike[str] | None = None) -> tuple[Path, Path | None]:
    """(regular, bold or None) DejaVu Sans files; a clear error naming the font if there is none."""
    given = explicit or os.environ.get("FORUMLENS_PDF_FONT")
    places: list[Path] = []
    if given:
        path = Path(given)
        if path.is_file():
            bold = path.with_name(BOLD_FILE)
            return path, bold if bold.is_file() else None
        places.append(path)
    places += [Path(d) for d in FONT_DIRS]
    for place in places:
        regular = place / FONT_FILE
        if regular.is_file():
            bold = place / BOLD_FILE
            return regular, bold if bold.is_file() else None
    raise ConfigError(
        f"PDF output needs the Unicode TrueType font DejaVu Sans ({FONT_FILE}), which was not found",
        hint="install it (Debian/Ubuntu: apt-get install fonts-dejavu-core, as scripts/install-system-deps.sh "
        "does) or set FORUMLENS_PDF_FONT to the .ttf file",
    )


def _fpdf() -> type:
    try:
        from fpdf import FPDF
    except ImportError:
        raise ConfigError("PDF output needs fpdf2", hint="pip install 'forumlens[pdf]'") from None
    return FPDF


class SpeakingRow(NamedTuple):
    """One speaker's line of the speaking-time table; `share` is the bar length (0–1)."""

    name: str
    words: int
    minutes: float
    share: float
    over: bool


def speaking_rows(stats: Mapping[str, Any] | None) -> list[SpeakingRow]:
    """Speaking time per person, most words first, as the Markdown report orders it.

    Bars are scaled to the longest speaker (as `report._bars`), so the page shows who
    held the floor at a glance; `over` marks a speaker the analysis found over the
    announced limit.
    """
    people = list((stats or {}).get("people") or [])
    over = {o.get("name") for o in (stats or {}).get("overruns") or []}
    longest = max((float(p.get("minutes") or 0) for p in people), default=0.0) or 1.0
    rows = []
    for p in sorted(people, key=lambda p: -(p.get("words") or 0)):
        minutes = float(p.get("minutes") or 0)
        name = p.get("name") or "(unnamed)"
        rows.append(
            SpeakingRow(
                name,
                int(p.get("words") or 0),
                minutes,
                minutes / longest,
                bool(p.get("name")) and p.get("name") in over,
            )
        )
    return rows


def question_lines(questions: Sequence[Mapping[str, Any]] | None) -> list[str]:
    """Each question asked as "[status] L12 asker → addressee: text", as the other reports print it."""
    return [
        f"[{q.get('status') or 'unknown'}] L{q.get('line', '?')} {q.get('by') or 'someone'} → "
        f"{q.get('to') or 'the room'}: {' '.join(str(q.get('text') or '').split())}"
        for q in questions or []
    ]


def footnote_text(number: int, c: Citation, said: str, more: Sequence[Citation] = ()) -> str:
    """ "3  Jason Munyan, line 325: “quote”" — the quote only when `said` (the bullet) differs from it.

    `more`: other quotes of the same line (one source, one number), joined with " … "."""
    quotes = distinct_quotes(display_text(q.quote) for q in (c, *more) if quote_differs(said, q.quote))
    return f"{number}  {cite_label(c)}" + (f": “{' … '.join(quotes)}”" if quotes else "")


def number_ranges(numbers: Sequence[int]) -> str:
    """ "1–3, 5, 7–8": the notes a Sources entry covers."""
    out: list[str] = []
    ordered = sorted(set(numbers))
    start = prev = ordered[0] if ordered else 0
    for n in [*ordered[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}–{prev}" if prev > start else str(start))
        if n is not None:
            start = prev = n
    return ", ".join(out) if ordered else ""


class _Notes:
    """The footnotes waiting for the foot of the current page, and the space they take."""

    def __init__(self) -> None:
        self.pending: list[tuple[str, float]] = []
        self.done: set[int] = set()

    @property
    def height(self) -> float:
        return sum(h for _, h in self.pending) + (2.0 if self.pending else 0.0)


def _document(fpdf_class: type, notes: _Notes) -> Any:
    """An FPDF whose page footer draws the page's footnotes above the bottom margin."""

    class Document(fpdf_class):
        def footer(self) -> None:
            if not notes.pending:
                return
            top = self.h - _MARGIN - notes.height
            self.set_draw_color(*_GREY)
            self.line(self.l_margin, top + 0.6, self.l_margin + 40, top + 0.6)
            self.set_y(top + 2.0)
            self.set_font("DejaVu", "", _NOTE_SIZE)
            self.set_text_color(*_GREY)
            for text, _ in sorted(notes.pending, key=lambda note: int(note[0].split()[0])):
                self.multi_cell(self.epw, _NOTE_LINE, text, new_x="LMARGIN", new_y="NEXT")
            notes.pending.clear()
            self.set_auto_page_break(True, margin=_MARGIN)

    return Document(format="A4")


def render_pdf(
    brief: Brief, font: str | os.PathLike[str] | None = None, analyses: Mapping[str, Any] | None = None
) -> bytes:
    """The report or brief as PDF bytes: each point once, its sources as footnotes, a Sources list.

    `analyses` (the `report --json` analysis output of a session, optional) adds the
    speaking-time and questions sections the Markdown and HTML reports carry.
    """
    FPDF = _fpdf()
    regular, bold = find_font(font)
    lay = layout(brief)
    notes = _Notes()
    pdf = _document(FPDF, notes)
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=_MARGIN)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold or regular))
    pdf.set_title(lay.title)
    pdf.set_creator("forumlens")
    pdf.add_page()

    def para(
        text: str, *, size: float, style: str = "", indent: float = 0.0, grey: bool = False, gap: float = 0.0
    ) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_text_color(*(_GREY if grey else (0, 0, 0)))
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(pdf.epw - indent, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        if gap:
            pdf.ln(gap)

    def keep(*texts: tuple[str, float, str, float]) -> None:
        """Start a new page unless these paragraphs (text, size, style, indent) fit on this one:
        a heading stays with what follows it, and an entry of the Sources list is not split."""
        need = sum(_height(pdf, t, pdf.epw - indent, size, size * 0.5, style) for t, size, style, indent in texts)
        if pdf.will_page_break(need + _KEEP_SLACK):
            pdf.add_page()

    para(lay.title, size=16, style="B", gap=1)
    para(lay.subtitle, size=9, grey=True, gap=3)
    for sec in lay.sections:
        title = _Heading(sec.title, _height(pdf, sec.title, pdf.epw, 12.5, 12.5 * 0.5, "B") + 1.5, para)
        if not sec.bullets:  # a section of plain lines: the title kept with the first
            keep((sec.title, 12.5, "B", 0.0), *((f"•  {line}", 10, "", 2.0) for line in sec.lines[:1]))
            title.draw()
        for i, (prefix, bullet) in enumerate(sec.bullets):
            _bullet(pdf, lay, notes, prefix, bullet, title if i == 0 else None)  # the title goes with its first point
        for line in sec.lines:
            para(f"•  {line}", size=10, indent=2, gap=1)
        pdf.ln(2)
    stats = (analyses or {}).get("stats") or {}
    rows = speaking_rows(stats)
    if rows:
        para("Speaking time", size=12.5, style="B", gap=1.5)
        limit = stats.get("limit") or {}
        if limit.get("minutes"):
            para(
                f"Announced limit: {float(limit['minutes']):g} min (L{limit.get('line', '?')})",
                size=9,
                grey=True,
                indent=2,
                gap=0.8,
            )
        _speaking_table(pdf, rows)
        pdf.ln(2)
    questions = question_lines((analyses or {}).get("questions"))
    if questions:
        para("Questions", size=12.5, style="B", gap=1.5)
        for line in questions:
            para(f"•  {line}", size=9.5, indent=2, gap=0.8)
        pdf.ln(2)
    if lay.sources:
        entries_text = [
            f"{heading}: note{'s' if len(entries) > 1 else ''} {number_ranges([n for n, _ in entries])}"
            for heading, entries in lay.sources
        ]
        keep(("Sources", 11, "B", 0.0), (entries_text[0], 8.5, "", 2.0))
        para("Sources", size=11, style="B", gap=1)
        for text in entries_text:
            keep((text, 8.5, "", 2.0))
            para(text, size=8.5, indent=2, gap=0.6)
    for note in lay.notes:
        para(f"Note: {note}", size=8, grey=True, gap=0.5)
    return bytes(pdf.output())


def _height(pdf: Any, text: str, width: float, size: float, line: float, style: str = "") -> float:
    """The height `text` takes, measured without side effects (a dry run near the foot of a
    page would otherwise break the page, and the footer would spend the pending notes)."""
    auto, margin = pdf.auto_page_break, pdf.b_margin
    pdf.set_auto_page_break(False)
    pdf.set_font("DejaVu", style, size)
    try:
        return len(pdf.multi_cell(width, line, text, dry_run=True, output="LINES")) * line
    finally:
        pdf.set_auto_page_break(auto, margin=margin)


@dataclass(frozen=True)
class _Heading:
    """A section title drawn with the point under it, on the page that point starts on."""

    text: str
    height: float  # mm, with the gap below it
    para: Callable[..., None]

    def draw(self) -> None:
        self.para(self.text, size=12.5, style="B", gap=1.5)


def _bullet(pdf: Any, lay: Layout, notes: _Notes, prefix: str, bullet: Any, heading: _Heading | None = None) -> None:
    """One point with its source numbers; its new footnotes go to the foot of the page it is on.

    `heading`: the title of the section the point opens, kept on the same page (a title at
    the foot of a page with its first point on the next reads as a lost part)."""
    refs = lay.refs(bullet)
    marks = f" [{', '.join(map(str, refs))}]" if refs else ""
    lead = f"{prefix}: " if prefix else ""
    text = f"•  {lead}{'see' + marks if lay.repeated(bullet) else display_text(bullet.text) + marks}"
    width = pdf.epw - 2
    fresh = []
    same: dict[int, list[Citation]] = {}  # quotes of one line share its number and its footnote
    for c in bullet.citations:
        n = lay.numbers.get((c.session or "", c.line, c.quote))
        if n is not None and n not in notes.done:
            same.setdefault(n, []).append(c)
    for n, cited in same.items():
        notes.done.add(n)
        note = footnote_text(n, cited[0], bullet.text, cited[1:])
        fresh.append((note, _height(pdf, note, pdf.epw, _NOTE_SIZE, _NOTE_LINE)))
    need = _height(pdf, text, width, 10, 5.0) + 1.8 + (heading.height if heading is not None else 0.0)
    room = pdf.h - _MARGIN - notes.height - sum(h for _, h in fresh) - (0 if notes.pending else 2.0 * bool(fresh))
    if pdf.get_y() + need > room:
        pdf.add_page()  # the footer sets the previous page's notes
    if heading is not None:
        heading.draw()
    notes.pending += fresh
    pdf.set_auto_page_break(True, margin=_MARGIN + notes.height)
    pdf.set_font("DejaVu", "", 10)
    pdf.set_text_color(0, 0, 0)
    pdf.set_x(pdf.l_margin + 2)
    pdf.multi_cell(width, 5.0, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.8)


def _speaking_table(pdf: Any, rows: Sequence[SpeakingRow]) -> None:
    """Name, words, minutes and a drawn bar per speaker (a rectangle, not a glyph: any font)."""
    name_w, num_w, bar_w, height = 62.0, 20.0, pdf.epw - 62.0 - 2 * 20.0 - 4, 5.0
    pdf.set_font("DejaVu", "B", 8.5)
    pdf.set_text_color(*_GREY)
    pdf.set_x(pdf.l_margin + 2)
    for label, width, align in (("speaker", name_w, "L"), ("words", num_w, "R"), ("minutes", num_w, "R")):
        pdf.cell(width, height, label, align=align)
    pdf.ln(height)
    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(0, 0, 0)
    for row in rows:
        if pdf.will_page_break(height):
            pdf.add_page()
        pdf.set_x(pdf.l_margin + 2)
        name = row.name if len(row.name) <= 34 else row.name[:33] + "…"
        pdf.cell(name_w, height, name)
        pdf.cell(num_w, height, str(row.words), align="R")
        pdf.cell(num_w, height, f"{row.minutes:.1f}", align="R")
        x, y = pdf.get_x() + 3, pdf.get_y() + 1.2
        pdf.set_fill_color(34, 170, 102)
        pdf.rect(x, y, max(0.8, bar_w * 0.85 * row.share), height - 2.4, style="F")
        if row.over:
            pdf.set_x(x + bar_w * 0.85 * row.share + 1.5)
            pdf.set_font("DejaVu", "", 7.5)
            pdf.cell(0, height, "over the limit")
            pdf.set_font("DejaVu", "", 9)
        pdf.ln(height)

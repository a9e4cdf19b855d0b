"""PDF rendering of reports and briefs (optional extra `pdf`: fpdf2, pure Python).

Draws the same neutral layout as the other renderers (`render.layout`): title,
subtitle, sections of bullets, and under each bullet its citations with their
verbatim quotes, so a reader of the printed page can check every line.

Text is set in DejaVu Sans, a Unicode TrueType font (captions carry “curly quotes”,
‑‑ non-breaking hyphens and accented names that the PDF core fonts cannot encode).
The font is looked up in `$FORUMLENS_PDF_FONT` (a .ttf file or a directory), then in
the usual system places; Debian/Ubuntu's `fonts-dejavu-core` (installed by
`scripts/install-system-deps.sh`) puts it in /usr/share/fonts/truetype/dejavu.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ConfigError
from .render import Brief, _cite, layout

__all__ = ["FONT_DIRS", "find_font", "render_pdf"]

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
             "does) or set FORUMLENS_PDF_FONT to the .ttf file")


def _fpdf() -> type:
    try:
        from fpdf import FPDF
    except ImportError:
        raise ConfigError("PDF output needs fpdf2", hint="pip install 'forumlens[pdf]'") from None
    return FPDF


def render_pdf(brief: Brief, font: str | os.PathLike[str] | None = None) -> bytes:
    """The report or brief as PDF bytes: cited bullets, each citation and its quote beneath."""
    FPDF = _fpdf()
    regular, bold = find_font(font)
    lay = layout(brief)
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold or regular))
    pdf.set_title(lay.title)
    pdf.set_creator("forumlens")
    pdf.add_page()

    def para(text: str, *, size: float, style: str = "", indent: float = 0.0, grey: bool = False,
             gap: float = 0.0) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_text_color(*(_GREY if grey else (0, 0, 0)))
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(pdf.epw - indent, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        if gap:
            pdf.ln(gap)

    para(lay.title, size=16, style="B", gap=1)
    para(lay.subtitle, size=9, grey=True, gap=3)
    for sec in lay.sections:
        para(sec.title, size=12.5, style="B", gap=1.5)
        for prefix, bullet in sec.bullets:
            lead = f"{prefix}: " if prefix else ""
            para(f"•  {lead}{bullet.text}", size=10, indent=2, gap=0.6)
            for c in bullet.citations:
                para(f"[{_cite(c)}] “{' '.join(c.quote.split())}”", size=8, indent=8, grey=True, gap=0.4)
            pdf.ln(1.2)
        for line in sec.lines:
            para(f"•  {line}", size=10, indent=2, gap=1)
        pdf.ln(2)
    for note in lay.notes:
        para(f"Note: {note}", size=8, grey=True, gap=0.5)
    return bytes(pdf.output())

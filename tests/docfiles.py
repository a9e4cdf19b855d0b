"""PDF and DOCX files written by the tests themselves (fpdf2, pypdf, python-docx).

Each builder takes a list of ("h1" | "h2" | "p" | "page", text) items so a test
states the document it reads, and returns the file's bytes. A PDF also takes "b": a
line in bold at body size, set tight above the next item (a run-in heading).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

Item = tuple[str, str]


def make_pdf(
    items: Sequence[Item],
    *,
    title: str | None = None,
    running_head: str | None = None,
    created: dt.datetime | None = None,
    bold_body: bool = False,
) -> bytes:
    """A PDF of the items; with `running_head`, every page has it on top and "Page N" below.

    `created`: the CreationDate the file declares (fpdf writes the moment it runs);
    `bold_body`: the paragraphs set in bold too."""
    from fpdf import FPDF

    class Pdf(FPDF):
        def header(self) -> None:
            if running_head:
                self.set_font("Helvetica", "I", 8)
                self.cell(0, 8, running_head, new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            if running_head:
                self.set_y(-15)
                self.set_font("Helvetica", "", 8)
                self.cell(0, 8, f"Page {self.page_no()}")

    pdf = Pdf()
    pdf.set_auto_page_break(True, margin=15)
    if title:
        pdf.set_title(title)
    if created is not None:
        pdf.set_creation_date(created)
    pdf.add_page()
    for kind, text in items:
        if kind == "page":
            pdf.add_page()
            continue
        size = {"h1": 20, "h2": 15}.get(kind, 11)
        pdf.set_font("Helvetica", "B" if kind != "p" or bold_body else "", size)
        pdf.multi_cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
        if kind != "b":
            pdf.ln(5)
    return bytes(pdf.output())


def make_scanned_pdf(pages: int = 2) -> bytes:
    """Pages that are only pictures, as a scanner makes them: no text layer at all."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        image = Image.new("L", (200, 280), color=255)
        for x in range(20, 180):
            image.putpixel((x, 40), 0)
        pdf.image(image, x=10, y=10, w=180)
    return bytes(pdf.output())


def encrypt_pdf(data: bytes, *, user_password: str, owner_password: str = "owner") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(
    items: Sequence[Item], *, title: str | None = None, page_breaks: bool = True, created: dt.datetime | None = None
) -> bytes:
    """A DOCX of the items. python-docx's own template declares it was created on
    2013-12-23 unless `created` says otherwise."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    if created is not None:
        document.core_properties.created = created
    for kind, text in items:
        if kind == "page":
            if page_breaks:
                document.add_page_break()
        elif kind in ("h1", "h2", "h3"):
            document.add_heading(text, level=int(kind[1]))
        elif kind == "table":
            cells = text.split("|")
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells, strict=True):
                cell.text = value.strip()
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_zip_bomb_docx(unpacked: int = 30_000_000) -> bytes:
    """A DOCX-shaped archive whose document part inflates ~1000 times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * unpacked)
    return out.getvalue()

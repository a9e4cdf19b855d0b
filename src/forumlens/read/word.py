"""DOCX → headings and paragraphs (needs the `documents` extra: python-docx).

A DOCX is a ZIP archive, so before python-docx inflates anything we read the ZIP's
central directory and refuse archives whose declared unpacked size, member count or
compression ratio are those of a zip bomb. Python's zipfile never inflates a member
past its declared size, so checking the directory is enough.

Headings come from paragraph styles ("Heading 2", "Title") or an outline level; pages
come from the page breaks Word records when it saves (`w:lastRenderedPageBreak`) and
explicit breaks, so they are Word's own page numbers when it has recorded them and
`None` when it has not. Tables are read row by row, one paragraph per row.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from ..errors import (
    ArchiveTooLarge,
    CorruptInput,
    EmptyInput,
    EncryptedInput,
    MissingExtra,
    UnsupportedFormat,
)
from ..filetypes import ACCEPTED
from .blocks import Block, StructuredDocument, assemble
from .sniff import looks_like_docx, looks_like_ole

__all__ = [
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_UNPACKED",
    "check_zip_limits",
    "looks_like_docx",
    "looks_like_ole",
    "read_docx",
    "read_ole",
]

MAX_UNPACKED = 200_000_000  # bytes, all members together
MAX_RATIO = 100  # uncompressed / compressed, for members above 1 MB unpacked
MAX_MEMBERS = 5_000
_EXTRA_HINT = "pip install 'forumlens[documents]'"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(heading|titre|überschrift|título|titolo|encabezado)\s*(\d)$", re.IGNORECASE)
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def read_ole(data: bytes, source: str) -> StructuredDocument:
    """Always refuses, with the reason: encryption or the legacy binary format."""
    if _ENCRYPTED_PACKAGE in data:
        raise EncryptedInput(
            "is a password-protected Office document", source=source, hint="save an unprotected copy and ingest that"
        )
    raise UnsupportedFormat(
        "is a legacy Office document (.doc/.xls), not a transcript", source=source, hint="save it as .docx or PDF"
    )


def check_zip_limits(
    archive: zipfile.ZipFile,
    source: str,
    *,
    max_unpacked: int = MAX_UNPACKED,
    max_ratio: int = MAX_RATIO,
    max_members: int = MAX_MEMBERS,
) -> None:
    """Refuse zip bombs from the central directory alone, before inflating any member."""
    members = archive.infolist()
    if len(members) > max_members:
        raise ArchiveTooLarge(
            f"is a DOCX with {len(members)} parts (limit {max_members}): refused as a zip bomb", source=source
        )
    total = sum(m.file_size for m in members)
    if total > max_unpacked:
        raise ArchiveTooLarge(
            f"is a DOCX that would unpack to {total / 1e6:.0f} MB "
            f"(limit {max_unpacked / 1e6:.0f} MB): refused as a zip bomb",
            source=source,
        )
    for member in members:
        if member.file_size > 1_000_000 and member.file_size > max_ratio * max(member.compress_size, 1):
            raise ArchiveTooLarge(
                f"is a DOCX whose part {member.filename} expands {member.file_size // max(member.compress_size, 1)}"
                f" times (limit {max_ratio}): refused as a zip bomb",
                source=source,
            )


def _docx() -> Any:
    try:
        import docx
    except ImportError as exc:
        raise MissingExtra(
            "is a Word document; reading DOCX needs the optional python-docx package", hint=_EXTRA_HINT
        ) from exc
    return docx


def _heading_level(paragraph: Any) -> int:
    """1..6 for headings (by style, its base styles, or outline level), 0 for body text."""
    style = paragraph.style
    seen = 0
    while style is not None and seen < 5:
        name = (style.name or "").strip()
        if name.lower() == "title":
            return 1
        match = _HEADING_STYLE.match(name)
        if match:
            return max(1, min(int(match.group(2)), 6))
        style = style.base_style
        seen += 1
    levels = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")
    if levels and levels[0].isdigit() and int(levels[0]) < 9:
        return min(int(levels[0]) + 1, 6)
    return 0


def _breaks(element: Any) -> tuple[int, int]:
    """Page breaks in one paragraph (before its first text, after it): Word's rendered
    breaks when it recorded any, else explicit ones; never both, or pages count twice."""
    rendered = [0, 0]
    explicit = [0, 0]
    seen_text = 0
    for node in element.iter(f"{_W}t", f"{_W}lastRenderedPageBreak", f"{_W}br"):
        if node.tag == f"{_W}t":
            seen_text = seen_text or int(bool((node.text or "").strip()))
        elif node.tag == f"{_W}lastRenderedPageBreak":
            rendered[seen_text] += 1
        elif node.get(f"{_W}type") == "page":
            explicit[seen_text] += 1
    before, after = rendered if any(rendered) else explicit
    return before, after


def _items(document: Any) -> Iterator[tuple[str, int, tuple[int, int]]]:
    """(text, heading level, page breaks before/after its text) for body paragraphs and table rows, in order."""
    docx = _docx()
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph = docx.text.paragraph.Paragraph(child, document)
            yield paragraph.text, _heading_level(paragraph), _breaks(child)
        elif child.tag == f"{_W}tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                yield " | ".join(cells), 0, _breaks(row._tr)


def _info(document: Any) -> dict[str, Any]:
    props = document.core_properties
    info: dict[str, Any] = {}
    for name in ("title", "author", "subject", "language"):
        value = getattr(props, name, None)
        if value and str(value).strip():
            info[name] = str(value).strip()
    for name in ("created", "modified"):
        value = getattr(props, name, None)
        if value is not None:
            info[name] = value.date().isoformat()
    return info


def read_docx(data: bytes, source: str) -> StructuredDocument:
    """A DOCX's headings and paragraphs, with Word's page numbers when recorded."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptInput(
            "is a damaged or truncated DOCX (its ZIP directory is unreadable)",
            source=source,
            hint="re-save the document in Word or download it again",
        ) from exc
    with archive:
        check_zip_limits(archive, source)
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise UnsupportedFormat(
                "is a ZIP archive but not a Word document",
                source=source,
                hint=f"give a transcript or document as {ACCEPTED}",
            )
        bad = archive.testzip() if len(data) < 50_000_000 else None
        if bad:
            raise CorruptInput(
                f"is a damaged DOCX (part {bad} fails its checksum)",
                source=source,
                hint="re-save the document in Word or download it again",
            )
    docx = _docx()
    try:
        document = docx.Document(io.BytesIO(data))
        items = list(_items(document))
        info = _info(document)
    except Exception as exc:
        raise CorruptInput(
            f"is a damaged DOCX ({type(exc).__name__}: {exc})",
            source=source,
            hint="re-save the document in Word or download it again",
        ) from exc
    has_pages = any(any(breaks) for _, _, breaks in items)
    page = 1
    raw: list[Block] = []
    for text, level, (before, after) in items:
        page += before
        raw.append(Block("heading" if level else "paragraph", text, page=page if has_pages else None, level=level))
        page += after
    text, blocks = assemble(raw)
    if not blocks:
        raise EmptyInput(
            "is a Word document with no text",
            source=source,
            hint="there is nothing to read in it: give a file with text",
        )
    return StructuredDocument(
        source=source,
        text=text,
        format="docx",
        encoding="docx",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=blocks,
        info=info,
        pages=page if has_pages else None,
    )

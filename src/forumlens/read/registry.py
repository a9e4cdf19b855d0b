"""One registry of readers: bytes → Document, chosen by sniffing the bytes.

Each reader takes bytes and returns a `Document` or raises a named `InputError`;
none returns an empty string. Reports (PDF, DOCX, Markdown, HTML without caption
markers) come back as a `StructuredDocument` with headings, paragraphs and pages.
PDF and DOCX readers need the `documents` extra; without it they still sniff the
format and say which package to install.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import BinaryInput, EmptyInput, UnsupportedFormat
from ..filetypes import ACCEPTED
from ..models import Document
from .blocks import StructuredDocument, assemble
from .html import html_blocks, html_to_text, looks_like_html
from .mailbodies import decoded_bodies
from .markdown import looks_like_markdown, read_markdown
from .ownjson import forumlens_output
from .sniff import looks_like_docx, looks_like_ole, looks_like_pdf
from .text import decode_text

__all__ = ["READERS", "Reader", "read_bytes", "register", "sniff_format"]

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (DOCX, XLSX, …)",
    b"\x1f\x8b": "gzip archive",
    b"BZh": "bzip2 archive",
    b"7z\xbc\xaf": "7-Zip archive",
    b"Rar!": "RAR archive",
    b"\x7fELF": "executable",
    b"MZ": "Windows executable",
    b"SQLite format 3": "SQLite database",
    b"\xd0\xcf\x11\xe0": "legacy Office document",
    b"OggS": "audio file",
    b"ID3": "MP3 audio",
    b"RIFF": "RIFF media file",
    b"\x00\x00\x00\x18ftyp": "MP4 video",
    b"\x00\x00\x00\x20ftyp": "MP4 video",
}


@dataclass(frozen=True)
class Reader:
    format: str
    sniff: Callable[[bytes], bool]
    read: Callable[[bytes, str], Document]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_text(data: bytes, source: str) -> Document:
    """Plain text; mail among it with its transfer-encoded bodies decoded (`mailbodies.py`)."""
    text, encoding, warnings = decode_text(data, source)
    text, decoded = decoded_bodies(text, source)
    return Document(
        source=source, text=text, format="text", encoding=encoding, sha256=_sha(data), warnings=(*warnings, *decoded)
    )


_TURN_MARKER = re.compile(r"(^|\s)>>")


def read_html(data: bytes, source: str) -> Document:
    """A page with `>>` caption markers is a transcript; any other page is a document."""
    markup, encoding, warnings = decode_text(data, source)
    text = html_to_text(markup)
    if not text.strip():
        raise EmptyInput("is an HTML page with no visible text", source=source)
    if _TURN_MARKER.search(text):
        return Document(
            source=source, text=text, format="html", encoding=encoding, sha256=_sha(data), warnings=warnings
        )
    raw, info = html_blocks(markup)
    text, blocks = assemble(raw)
    if not blocks:
        raise EmptyInput("is an HTML page with no visible text", source=source)
    return StructuredDocument(
        source=source,
        text=text,
        format="html",
        encoding=encoding,
        sha256=_sha(data),
        warnings=warnings,
        blocks=blocks,
        info=info,
    )


def read_pdf(data: bytes, source: str) -> StructuredDocument:
    """`read.pdf.read_pdf`, imported when a PDF arrives (`read.sniff` says why)."""
    from .pdf import read_pdf as read

    return read(data, source)


def read_docx(data: bytes, source: str) -> StructuredDocument:
    """`read.word.read_docx`, imported when a Word file arrives (`read.sniff` says why)."""
    from .word import read_docx as read

    return read(data, source)


def read_ole(data: bytes, source: str) -> StructuredDocument:
    """`read.word.read_ole` (a refusal naming the reason), imported when an OLE file arrives."""
    from .word import read_ole as read

    return read(data, source)


READERS: list[Reader] = [
    Reader("pdf", looks_like_pdf, read_pdf),
    Reader("docx", looks_like_docx, read_docx),
    Reader("office", looks_like_ole, read_ole),
    Reader("html", looks_like_html, read_html),
    Reader("markdown", looks_like_markdown, read_markdown),
]
_FALLBACK = Reader("text", lambda data: True, read_text)


def register(reader: Reader, first: bool = True) -> None:
    """Add a reader; readers are tried in order, plain text last."""
    READERS.insert(0 if first else len(READERS), reader)


def sniff_format(data: bytes) -> str:
    for reader in READERS:
        if reader.sniff(data):
            return reader.format
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    return "text"


def read_bytes(data: bytes, source: str = "") -> Document:
    """Decode any supported input into a Document, or raise a named InputError."""
    if not data or not data.strip():
        raise EmptyInput("is empty", source=source, hint="there is nothing to read in it: give a file with text")
    for reader in READERS:
        if reader.sniff(data):
            return _not_our_own(reader.read(data, source), source)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            error = BinaryInput if "image" in what or "executable" in what or "audio" in what else UnsupportedFormat
            raise error(
                f"is {'an' if what[:1].lower() in 'aeiou' else 'a'} {what}, not a transcript",
                source=source,
                hint=f"give a transcript or document as {ACCEPTED}",
            )
    return _not_our_own(_FALLBACK.read(data, source), source)


def _not_our_own(document: Document, source: str) -> Document:
    """`document`, unless it is JSON forumlens wrote (`ownjson.py`): that is refused, named."""
    command = forumlens_output(document.text)
    if command is not None:
        raise UnsupportedFormat(
            f"is the JSON output of `forumlens {command}`, not a transcript",
            source=source,
            hint="give the transcript it was made from",
        )
    return document

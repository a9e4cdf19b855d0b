"""One registry of readers: bytes → Document, chosen by sniffing the bytes.

Each reader takes bytes and returns a `Document` or raises a named `InputError`;
none returns an empty string. Other formats (PDF, DOCX) register here too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import BinaryInput, EmptyInput, UnsupportedFormat
from ..models import Document
from .html import html_to_text, looks_like_html
from .text import decode_text

__all__ = ["Reader", "READERS", "register", "read_bytes", "sniff_format"]

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
    text, encoding, warnings = decode_text(data, source)
    return Document(source=source, text=text, format="text", encoding=encoding, sha256=_sha(data),
                    warnings=warnings)


def read_html(data: bytes, source: str) -> Document:
    markup, encoding, warnings = decode_text(data, source)
    text = html_to_text(markup)
    if not text.strip():
        raise EmptyInput("is an HTML page with no visible text", source=source)
    return Document(source=source, text=text, format="html", encoding=encoding, sha256=_sha(data),
                    warnings=warnings)


READERS: list[Reader] = [
    Reader("html", looks_like_html, read_html),
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
        raise EmptyInput("is empty", source=source, hint="nothing to ingest")
    for reader in READERS:
        if reader.sniff(data):
            return reader.read(data, source)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            error = BinaryInput if "image" in what or "executable" in what or "audio" in what else UnsupportedFormat
            raise error(f"is a {what}, not a transcript", source=source,
                        hint="supported: plain text and HTML transcripts")
    return _FALLBACK.read(data, source)

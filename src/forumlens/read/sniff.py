"""What the PDF and Word readers recognise, without importing them.

The registry asks every input whether it is a PDF or a Word file before it falls back to
plain text. The readers themselves (and `logging`, `zipfile` they import) are needed only
when the answer is yes, so the sniffers live here and a `.txt` report imports neither
reader (~7-14 ms of every run; issue 19). `read.pdf` and `read.word` still export them.
"""

from __future__ import annotations

__all__ = ["looks_like_docx", "looks_like_ole", "looks_like_pdf"]


def looks_like_pdf(data: bytes) -> bool:
    """The PDF header may follow a little junk; the spec readers accept 1 KB of it."""
    return b"%PDF-" in data[:1024]


def looks_like_docx(data: bytes) -> bool:
    """A ZIP archive naming Word's main part (in a local header or the directory)."""
    return data.startswith(b"PK\x03\x04") and b"word/" in data


def looks_like_ole(data: bytes) -> bool:
    """An OLE compound file: a legacy .doc, or a password-protected .docx wrapped in one."""
    return data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

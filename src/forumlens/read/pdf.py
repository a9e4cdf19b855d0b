"""PDF → headings and paragraphs with page numbers (needs the `documents` extra: pypdf).

pypdf gives text runs with their font size and position; we rebuild lines, join them
into paragraphs where the vertical gap widens or a short line ends a sentence, and
call a line a heading when its type is clearly larger than the body text. Running
heads and bare page numbers are dropped so they do not become paragraphs.

Refusals are named: truncated or damaged files (`CorruptInput`), password-protected
ones (`EncryptedInput`), scans without a text layer (`NoTextLayer`). OCR is not done:
no well-kept pure-Python OCR works offline without a system binary (tesseract).
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..errors import CorruptInput, EmptyInput, EncryptedInput, MissingExtra, NoTextLayer
from .blocks import Block, StructuredDocument, assemble

__all__ = ["EXTRA_HINT", "looks_like_pdf", "read_pdf"]

EXTRA_HINT = "pip install 'forumlens[documents]'"
_PAGE_NUMBER = re.compile(
    r"^(page|p\.|seite|página|pagina)?\s*[-–]?\s*\d{1,4}\s*[-–]?\s*((of|/|de|sur)\s*\d{1,4})?$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?:;)\"”’]$")


def looks_like_pdf(data: bytes) -> bool:
    """The PDF header may follow a little junk; the spec readers accept 1 KB of it."""
    return b"%PDF-" in data[:1024]


@dataclass
class _Line:
    text: str
    y: float | None
    size: float


def _pypdf() -> Any:
    try:
        import pypdf
    except ImportError as exc:
        raise MissingExtra("is a PDF document; reading PDFs needs the optional pypdf package", hint=EXTRA_HINT) from exc
    return pypdf


def _open(data: bytes, source: str) -> Any:
    pypdf = _pypdf()
    if b"%%EOF" not in data[-2048:]:
        raise CorruptInput(
            "is a truncated PDF (no end-of-file marker): it was cut off while copying or downloading",
            source=source,
            hint="download or export the file again",
        )
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader, source)
        reader.pages[0]
    except (EncryptedInput, MissingExtra):
        raise
    except pypdf.errors.FileNotDecryptedError as exc:
        raise EncryptedInput(
            "is a password-protected PDF", source=source, hint="save an unprotected copy and ingest that"
        ) from exc
    except Exception as exc:
        raise CorruptInput(
            f"is a damaged PDF ({type(exc).__name__}: {exc})",
            source=source,
            hint="re-export or download the file again",
        ) from exc
    return reader


def _decrypt(reader: Any, source: str) -> None:
    """Open owner-password-only files (readable by anyone); refuse real password protection."""
    try:
        result = reader.decrypt("")
    except Exception as exc:
        raise EncryptedInput(
            f"is an encrypted PDF that cannot be opened ({exc})",
            source=source,
            hint="save an unprotected copy and ingest that",
        ) from exc
    if not result:
        raise EncryptedInput(
            "is a password-protected PDF", source=source, hint="save an unprotected copy and ingest that"
        )


def _page_lines(page: Any) -> list[_Line]:
    """Lines of one page with their height on the page and font size, in reading order."""
    lines: list[_Line] = []
    parts: list[str] = []
    y: float | None = None
    sizes: Counter[float] = Counter()

    def flush() -> None:
        nonlocal parts, y, sizes
        text = "".join(parts).strip()
        if text:
            size = sizes.most_common(1)[0][0] if sizes else 0.0
            lines.append(_Line(text, y, size))
        parts, y, sizes = [], None, Counter()

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        nonlocal y
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                flush()
            if not piece:
                continue
            parts.append(piece)
            scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
            sizes[round(float(size or 0) * scale, 1)] += len(piece.strip())
            if y is None and (tm[4] or tm[5]):
                y = tm[5] * cm[3] + cm[5]

    page.extract_text(visitor_text=visit)
    flush()
    return lines


def _drop_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Page numbers and running heads or feet repeated on many pages are not content."""

    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    edges: Counter[str] = Counter()
    for lines in pages:
        for line in {key(ln) for ln in lines[:2] + lines[-2:]}:
            edges[line] += 1
    repeated = {k for k, n in edges.items() if len(pages) >= 2 and n >= max(2, (len(pages) + 1) // 2)}
    out = []
    for lines in pages:
        kept = [
            ln
            for i, ln in enumerate(lines)
            if not _PAGE_NUMBER.match(ln.text) and not ((i < 2 or i >= len(lines) - 2) and key(ln) in repeated)
        ]
        out.append(kept)
    return out


def _body_size(pages: list[list[_Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _blocks(pages: list[list[_Line]]) -> list[Block]:
    """Paragraphs and headings over all pages; a paragraph belongs to the page it starts on."""
    body = _body_size(pages)
    heading_sizes = sorted(
        {ln.size for lines in pages for ln in lines if body and ln.size >= body * 1.15 and len(ln.text.split()) <= 20},
        reverse=True,
    )
    level_of = {size: min(i + 1, 6) for i, size in enumerate(heading_sizes)}
    blocks: list[Block] = []
    for number, lines in enumerate(pages, start=1):
        gaps = [
            a.y - b.y
            for a, b in pairwise(lines)
            if a.y is not None and b.y is not None and a.size == b.size == body and a.y > b.y
        ]
        gap = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
        longest = max((len(ln.text) for ln in lines), default=0)
        current: list[str] = []
        kind, level = "paragraph", 0
        previous: _Line | None = None
        for line in lines:
            line_level = level_of.get(line.size, 0)
            line_kind = "heading" if line_level else "paragraph"
            new_block = previous is None or line_kind != kind or line_level != level
            if not new_block and previous is not None and kind == "paragraph":
                wide_gap = (
                    gap
                    and previous.y is not None
                    and line.y is not None
                    and (previous.y - line.y > gap * 1.4 or line.y > previous.y)
                )
                short_end = _SENTENCE_END.search(previous.text) and len(previous.text) < 0.7 * longest
                new_block = bool(wide_gap or short_end)
            if new_block and current:
                blocks.append(Block(kind, _join(current), page=number, level=level))  # type: ignore[arg-type]
                current = []
            kind, level = line_kind, line_level
            current.append(line.text)
            previous = line
        if current:
            blocks.append(Block(kind, _join(current), page=number, level=level))  # type: ignore[arg-type]
    return blocks


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one line; a hyphen at a line end is kept and joined tight."""
    out = ""
    for line in lines:
        if out.endswith("-") and line[:1].islower():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out


def _info(reader: Any) -> dict[str, Any]:
    """What the file declares about itself: title, author, subject, creation date."""
    try:
        meta = reader.metadata or {}
    except Exception:
        return {}
    info: dict[str, Any] = {}
    for key, name in (
        ("/Title", "title"),
        ("/Author", "author"),
        ("/Subject", "subject"),
        ("/CreationDate", "created"),
        ("/ModDate", "modified"),
        ("/Lang", "language"),
    ):
        value = meta.get(key)
        if value:
            text = str(value).strip()
            if name in ("created", "modified"):
                match = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?", text)
                text = "-".join(g for g in match.groups() if g) if match else ""
            if text:
                info[name] = text
    return info


def read_pdf(data: bytes, source: str) -> StructuredDocument:
    """A PDF's headings and paragraphs with their pages, or a named error."""
    reader = _open(data, source)
    pypdf = _pypdf()
    pages: list[list[_Line]] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            pages.append(_page_lines(page))
        except pypdf.errors.FileNotDecryptedError as exc:
            raise EncryptedInput("is a password-protected PDF", source=source) from exc
        except Exception as exc:
            raise CorruptInput(
                f"page {number} of the PDF is damaged ({type(exc).__name__}: {exc})",
                source=source,
                hint="re-export or download the file again",
            ) from exc
    empty = [n for n, lines in enumerate(pages, start=1) if not lines]
    if len(empty) == len(pages):
        raise NoTextLayer(
            f"has no text layer: its {len(pages)} page(s) are images (a scanned PDF?)",
            source=source,
            hint="run OCR first (for example `ocrmypdf in.pdf out.pdf`) and ingest the result",
        )
    text, blocks = assemble(_blocks(_drop_furniture(pages)))
    if not blocks:
        raise EmptyInput(
            "is a PDF whose only text is page numbers and running heads",
            source=source,
            hint="there is nothing to read in it: give a file with text",
        )
    warnings: list[str] = []
    if empty:
        shown = ", ".join(str(n) for n in empty[:10]) + (" …" if len(empty) > 10 else "")
        warnings.append(f"pages without a text layer (scanned?) were skipped: {shown}")
    if reader.is_encrypted:
        warnings.append("the PDF was encrypted with an owner password only; its text was readable")
    return StructuredDocument(
        source=source,
        text=text,
        format="pdf",
        encoding="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=tuple(warnings),
        blocks=blocks,
        info=_info(reader),
        pages=len(pages),
    )

"""PDF → headings and paragraphs with page numbers (needs the `documents` extra: pypdf).

pypdf gives text runs with their font size and position; we rebuild lines, join them
into paragraphs where the vertical gap widens or a short line ends a sentence, and
call a line a heading when its type is clearly larger than the body text, or when it
is set in bold at body size, short, unpunctuated and standing at the start of a block
("Next steps" above its paragraph: at the same gap as the lines of a paragraph, it
would otherwise be joined onto the paragraph below). Running heads and bare page
numbers are dropped so they do not become paragraphs.

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
from .blocks import Block, StructuredDocument, assemble, plain_heading_level
from .sniff import looks_like_pdf

__all__ = ["EXTRA_HINT", "looks_like_pdf", "read_pdf"]

EXTRA_HINT = "pip install 'forumlens[documents]'"
_PAGE_NUMBER = re.compile(
    r"^(page|p\.|seite|página|pagina)?\s*[-–]?\s*\d{1,4}\s*[-–]?\s*((of|/|de|sur)\s*\d{1,4})?$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?:;)\"”’]$")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|[-,]bd\b", re.IGNORECASE)
_BOLD_HEADING_WORDS = 12  # a bold line longer than this is emphasis in prose, not a heading


@dataclass
class _Line:
    text: str
    y: float | None
    size: float
    bold: bool = False  # most of its characters are set in a bold face


def _is_bold(font: Any) -> bool:
    """Whether a pypdf font dictionary is a bold face: its name says so ("Arial-BoldMT",
    "Helvetica-Bold"), or its descriptor gives a weight of 600 or more or the ForceBold flag."""
    try:
        if font is None:
            return False
        if _BOLD_NAME.search(str(font.get("/BaseFont") or "")):
            return True
        descriptor = font.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else None
        if descriptor is None:
            return False
        weight = float(descriptor.get("/FontWeight") or 0)
        return weight >= 600 or bool(int(descriptor.get("/Flags") or 0) & (1 << 18))
    except (AttributeError, TypeError, ValueError):
        return False


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
    bold = [0, 0]  # characters set in a bold face, all characters

    def flush() -> None:
        nonlocal parts, y, sizes, bold
        text = "".join(parts).strip()
        if text:
            size = sizes.most_common(1)[0][0] if sizes else 0.0
            lines.append(_Line(text, y, size, bold=bool(bold[1]) and bold[0] >= 0.8 * bold[1]))
        parts, y, sizes, bold = [], None, Counter(), [0, 0]

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
            bold[0] += len(piece.strip()) if _is_bold(font) else 0
            bold[1] += len(piece.strip())
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
    bold_level = min(len(heading_sizes) + 1, 6)  # a bold body-size heading sits below the larger ones
    body_chars = [(len(ln.text), ln.bold) for lines in pages for ln in lines if ln.size == body]
    if sum(n for n, b in body_chars if b) > 0.5 * sum(n for n, _ in body_chars):
        bold_level = 0  # a document set in bold throughout: bold tells nothing apart
    blocks: list[Block] = []
    for number, lines in enumerate(pages, start=1):
        gaps = [
            a.y - b.y
            for a, b in pairwise(lines)
            if a.y is not None and b.y is not None and a.size == b.size == body and a.y > b.y
        ]
        gap = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
        longest = max((len(ln.text) for ln in lines), default=0)
        measure = _measure(lines, body)
        current: list[str] = []
        kind, level = "paragraph", 0
        previous: _Line | None = None
        for i, line in enumerate(lines):
            line_level = level_of.get(line.size, 0)
            following = lines[i + 1] if i + 1 < len(lines) else None
            # a line break the writer made (the next line's first word would have fit): the
            # lines either side are two blocks, as two title lines at one size are
            broken = previous is not None and _broken_on_purpose(previous, line, measure, body)
            if not line_level and _standing_heading(line, previous, following, kind, longest, broken):
                if line.bold and bold_level:
                    line_level = bold_level
                elif numbered := plain_heading_level([line.text]):
                    line_level = min(len(heading_sizes) + numbered, 6)
            line_kind = "heading" if line_level else "paragraph"
            new_block = previous is None or line_kind != kind or line_level != level or broken
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


def _measure(lines: list[_Line], body: float) -> float:
    """The width of a full line of running text on this page, in body-size characters: the
    longest body-size line, or on a full page the 90th percentile (so a page of two columns
    measures a column, not the odd line across both); 0 when the page has too few lines to tell."""
    widths = sorted(_width(ln, body) for ln in lines if ln.size == body and len(ln.text.split()) > 1)
    if len(widths) < 3:
        return 0.0
    return widths[int(0.9 * (len(widths) - 1))] if len(widths) >= 20 else widths[-1]


def _width(line: _Line, body: float) -> float:
    """A line's width in body-size characters: capitals count wider, larger type wider still."""
    scale = line.size / body if body and line.size else 1.0
    return (len(line.text) + 0.3 * sum(ch.isupper() for ch in line.text)) * scale


def _broken_on_purpose(previous: _Line, line: _Line, measure: float, body: float) -> bool:
    """Whether the line break before `line` is the writer's: the previous line ends short of
    the measure by more than `line`'s first word, so wrapping did not put that word on a
    new line ("Dynamic Coalition on X" above "Annual Report 2024"). Only before a line that
    opens like a new block (a capital or a digit), and not after a hyphen or a comma that
    carries the sentence on."""
    if not measure or (not line.text[:1].isupper() and not line.text[:1].isdigit()):
        return False
    if previous.text.endswith(("-", "–", ",", "/")):
        return False
    first = line.text.split()[0]
    room = measure - _width(previous, body)
    return room > _width(_Line(first + "  ", None, line.size), body) and room > 0.25 * measure


def _standing_heading(
    line: _Line, previous: _Line | None, following: _Line | None, kind: str, longest: int, broken: bool
) -> bool:
    """A line at body size that reads as a heading: set in bold or numbered like a section
    ("2. Achievements", "3.1 Scope"), short, not a sentence, at the start of a block (the
    line before ended a sentence, was a heading itself or ended short on purpose), and not
    carried on by the next line (which would start in lower case). A numbered line needs a
    paragraph after it, not the next item of a numbered list."""
    if _SENTENCE_END.search(line.text) or line.text.endswith((",", "-", "–")):
        return False
    if not line.bold and not plain_heading_level([line.text]):
        return False
    if following is not None and following.text[:1].islower():
        return False
    if not line.bold:  # a numbered section heads a paragraph; a numbered list item stands among others
        if following is None or (previous is not None and _same_depth(previous.text, line.text)):
            return False
        if _NUMBERED_ITEM.match(following.text) and not _deeper(following.text, line.text):
            return False
    if len(line.text.split()) > _BOLD_HEADING_WORDS or len(line.text) >= 0.7 * longest:
        return False
    return previous is None or kind == "heading" or broken or bool(_SENTENCE_END.search(previous.text))


_NUMBERED_ITEM = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")


def _same_depth(previous: str, line: str) -> bool:
    """Whether two lines are numbered at one depth ("2. Publish" after "1. Connect")."""
    a, b = _NUMBERED_ITEM.match(previous), _NUMBERED_ITEM.match(line)
    return bool(a and b and a.group(1).count(".") == b.group(1).count("."))


def _deeper(following: str, line: str) -> bool:
    """Whether `following` is numbered one level below `line` ("1.1 Scope" under "1. Introduction")."""
    a, b = _NUMBERED_ITEM.match(following), _NUMBERED_ITEM.match(line)
    return bool(a and b and a.group(1).startswith(b.group(1) + ".") and a.group(1).count(".") > b.group(1).count("."))


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

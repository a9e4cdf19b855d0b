"""Documents with structure: headings and paragraphs, with pages where the format has them.

Readers of reports (PDF, DOCX, Markdown, HTML without caption markers) return a
`StructuredDocument`: its `text` is the paragraphs joined by blank lines, and each
`Block` knows its exact `[start:end)` span in that text, its page and heading level,
so the paragraph splitter can cite page and section without re-reading the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from ..models import Document

__all__ = [
    "Block",
    "StructuredDocument",
    "assemble",
    "clean_block_text",
    "numbered_heading",
    "plain_heading_level",
    "text_blocks",
]

BlockKind = Literal["heading", "paragraph"]


@dataclass(frozen=True)
class Block:
    """One heading or paragraph; `text == document.text[start:end]`."""

    kind: BlockKind
    text: str
    page: int | None = None
    level: int = 0  # heading level, 1 = top
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class StructuredDocument(Document):
    """A Document plus its blocks and the metadata the file itself declares.

    `info` holds what the format embeds (title, author, created date, language),
    used by metadata detection as one source of evidence among others.
    """

    blocks: tuple[Block, ...] = ()
    info: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    pages: int | None = None


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_BLANKS = re.compile(r"\n\s*\n+")


def clean_block_text(text: str) -> str:
    """One block's text: runs of spaces collapsed, no blank lines inside, no control chars."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = "".join(ch for ch in text if ch == "\n" or ch >= " " or ch == "\t")
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANKS.sub("\n", text).strip()


def assemble(blocks: Iterable[Block]) -> tuple[str, tuple[Block, ...]]:
    """Join blocks with blank lines; returns the text and the blocks with their offsets.

    Empty blocks are dropped, so no paragraph turn is ever empty.
    """
    parts: list[str] = []
    placed: list[Block] = []
    offset = 0
    for block in blocks:
        text = clean_block_text(block.text)
        if not text:
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        parts.append(text)
        placed.append(replace(block, text=text, start=offset, end=offset + len(text)))
        offset += len(text)
    return "".join(parts) + ("\n" if parts else ""), tuple(placed)


_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_NUMBERED_HEADING = re.compile(r"^(\d+(\.\d+)*\.?|[IVX]+\.|[A-Z]\.)\s+\S")


def numbered_heading(text: str) -> bool:
    """Whether a heading is numbered like a section ("1. Introduction", "2.3 Scope", "IV. Annex"):
    a part of the document, never its title."""
    return bool(_NUMBERED_HEADING.match(text.strip()))


def plain_heading_level(lines: list[str]) -> int:
    """Heading level guessed for a one-line plain-text paragraph, 0 if it reads as prose.

    Report headings are short, end without a full stop, and are numbered ("2.1 Scope")
    or written in capitals; anything longer or ending like a sentence is a paragraph.
    """
    if len(lines) != 1:
        return 0
    line = lines[0].strip()
    words = line.split()
    if not words or len(words) > 12 or len(line) > 90 or line[-1] in ".,;:!?)\"'”":
        return 0
    numbered = _NUMBERED_HEADING.match(line)
    letters = [ch for ch in line if ch.isalpha()]
    if numbered and len(words) >= 2 and any(w[:1].isupper() for w in words[1:]):
        return min(1 + numbered.group(1).rstrip(".").count("."), 6)
    if letters and len(letters) >= 4 and all(ch.isupper() for ch in letters):
        return 1
    return 0


def text_blocks(text: str, *, markdown: bool) -> tuple[Block, ...]:
    """Blocks of a text that is already the document text (offsets into `text` itself).

    Paragraphs are runs of non-blank lines. Markdown ATX (`## Scope`) and setext
    headings become headings; in plain text, short numbered or capitalised lines
    standing alone do. A fenced code block stays one paragraph, blank lines and all.
    """
    blocks: list[Block] = []
    lines = text.split("\n")
    starts = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        first = i
        if markdown and _FENCE.match(lines[i]):
            fence = _FENCE.match(lines[i]).group(1)  # type: ignore[union-attr]
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith(fence):
                i += 1
            i = min(i + 1, len(lines))
            blocks.append(_span_block(text, starts, lines, first, i, "paragraph", 0))
            continue
        atx = _ATX.match(lines[i])
        if atx and (markdown or len(atx.group(1)) <= 6):
            a = starts[i] + lines[i].index(atx.group(2))
            blocks.append(Block("heading", atx.group(2), level=len(atx.group(1)), start=a, end=a + len(atx.group(2))))
            i += 1
            continue
        while i < len(lines) and lines[i].strip() and not (i > first and _ATX.match(lines[i])):
            if markdown and i > first and _SETEXT.match(lines[i]) and i == first + 1:
                break
            i += 1
        if markdown and i < len(lines) and i == first + 1 and _SETEXT.match(lines[i]) and lines[i].strip():
            level = 1 if lines[i].strip().startswith("=") else 2
            blocks.append(_span_block(text, starts, lines, first, first + 1, "heading", level))
            i += 1
            continue
        level = 0 if markdown else plain_heading_level(lines[first:i])
        blocks.append(_span_block(text, starts, lines, first, i, "heading" if level else "paragraph", level))
    return tuple(blocks)


def _span_block(
    text: str, starts: list[int], lines: list[str], first: int, stop: int, kind: BlockKind, level: int
) -> Block:
    """A block covering lines [first, stop), trimmed to its first and last visible character."""
    a = starts[first]
    b = starts[stop - 1] + len(lines[stop - 1])
    raw = text[a:b]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    return Block(kind, body, level=level, start=a + lead, end=a + lead + len(body))

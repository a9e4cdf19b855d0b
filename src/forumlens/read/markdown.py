"""Markdown → headings and paragraphs, offsets into the file's own text.

The stored text is the Markdown as written, so a cited line number is the line in
the author's file. A leading `---` front-matter block gives declared metadata
(title, date, author, lang) and is not a paragraph. A `>>` in code (an inline code
span, a fenced block) is shown, not spoken: it is no caption turn marker. A text that an
export reader of `transcript.readers` reads as stating its turns in fields (a diariser's
segments under a `# command` line) is a transcript, not Markdown, whatever heading it shows.
"""

from __future__ import annotations

import hashlib
import re

from .blocks import StructuredDocument, text_blocks
from .text import decode_text

__all__ = ["looks_like_markdown", "read_markdown", "without_code"]

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_SETEXT = re.compile(r"^[^\n>#].{2,}\n {0,3}={3,}[ \t]*$", re.MULTILINE)
_TURN = re.compile(r"(^|\s)>>", re.MULTILINE)
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(---|\.\.\.)[ \t]*(\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
# a fenced block (``` or ~~~, closed by the same fence or the end of the file), then a code span:
# a run of backticks, text without a blank line, the same run (CommonMark's rules, near enough)
_FENCED = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)


def front_matter_lines(text: str) -> int:
    """How many lines a leading `---` front-matter block takes (0 without one).

    Its fields are metadata the author declared, not text anyone wrote in the document, so
    a stage that cites lines (a digest's evidence) skips them.
    """
    front = _FRONT.match(text)
    return front.group(0).rstrip("\n").count("\n") + 1 if front else 0


def without_code(text: str) -> str:
    """The text with its code (fenced blocks, inline spans) blanked to spaces, lines and offsets kept.

    A guide that shows the caption marker (`>>`), or a shell line (`echo done >> log.txt`),
    is no transcript: markers are looked for in what is left.
    """

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _SPAN.sub(blank, _FENCED.sub(blank, text))


def looks_like_markdown(data: bytes) -> bool:
    """Text with Markdown headings and no caption `>>` markers outside code (those make it a transcript)."""
    head = data[:65536]
    if b"\x00" in head[:512]:
        return False
    sample = head.lstrip(b"\xef\xbb\xbf").decode("utf-8", errors="ignore")
    if _TURN.search(without_code(sample)):  # `>>` in code is shown, not a speaker's turn
        return False
    if not (_HEADING.search(sample) or _SETEXT.search(sample) or _FRONT.match(sample)):
        return False
    # an export that states its turns (a recognition output's `# command` line above its
    # segments, a subtitle script) is a transcript too; imported only when a heading was seen
    from ..transcript.readers import states_turns_in_fields

    return not states_turns_in_fields(sample)


def read_markdown(data: bytes, source: str) -> StructuredDocument:
    text, encoding, warnings = decode_text(data, source)
    info: dict[str, str] = {}
    body_start = 0
    front = _FRONT.match(text)
    if front:
        body_start = front.end()
        for match in _FIELD.finditer(front.group(1)):
            key, value = match.group(1).lower(), match.group(2).strip().strip("\"'")
            key = {"date": "created", "lang": "language"}.get(key, key)
            if key in {"title", "created", "author", "language", "kind", "coalition", "coalitions"}:
                info[key] = value
    blocks = tuple(b for b in text_blocks(text, markdown=True) if b.start >= body_start)
    return StructuredDocument(
        source=source,
        text=text,
        format="markdown",
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=warnings,
        blocks=blocks,
        info=info,
    )

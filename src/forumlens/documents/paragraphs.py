"""Document → Session whose turns are its paragraphs, each with page and section.

Paragraphs become `speech` turns with no label or speaker; headings become `note`
turns (findable, but not content for summaries). `section` is the nearest heading
above a paragraph (a heading's section is itself); `page` comes from the reader
(PDF pages, Word's recorded page breaks) and is None where the format has none.
Turn text stays an exact slice of the document text, so quotes remain verbatim.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any

from ..models import Document, Session, Turn
from ..read.blocks import Block, StructuredDocument, numbered_heading, text_blocks
from ..read.markdown import without_code
from ..transcript.cues import is_cue_file
from ..transcript.mdlabels import read_markdown_labels
from ..transcript.parse import find_title, guess_year
from ..transcript.readers import states_turns_in_fields
from ..transcript.speakers import name_key
from ..transcript.tables import caption_table

__all__ = ["TRANSCRIPT_FORMATS", "is_transcript", "locate", "split_paragraphs"]

# Formats whose files may be caption transcripts written with bare `NAME:` labels.
TRANSCRIPT_FORMATS = frozenset({"text", "html"})


def is_transcript(document: Document, session: Session) -> bool:
    """Whether the caption parse of a document found a real transcript.

    `>>` markers decide in any format (IGF transcripts also come as DOCX and PDF); in
    Markdown only those outside code, where `>>` is shown rather than spoken.
    Bare `NAME:` labels count only in text and HTML, and only when at least two
    people take three turns, so a report's "Recommendations:" line is not a speaker.
    A subtitle cue file (WebVTT, SRT), a caption table with a speaker and a text column
    (`transcript/tables.py`) and any other export that states its turns in fields of its own
    (a subtitle script, recognition segments: `transcript.readers.states_turns_in_fields`) are
    speech by construction, whatever their turns. A Markdown
    page whose paragraphs open with bold labels (`transcript/mdlabels.py`) is a transcript when
    the voices alternate, a label coming back after another one: a report's bold lead-ins
    ("**Findings:**", "**Recommendations:**") name its sections once each, in order.
    """
    speech = [t for t in session.turns if t.kind == "speech"]
    if not session.turns:
        return False
    shown = without_code(document.text) if document.format == "markdown" else document.text
    if ">>" in shown or is_cue_file(document.text) or caption_table(document.text):
        return True
    if states_turns_in_fields(document.text):
        return True
    labels = {t.label for t in speech if t.label}
    if document.format == "markdown" and read_markdown_labels(document.text) is not None:
        return _voices_alternate([name_key(t.speaker or t.label) if t.label else None for t in speech])
    return document.format in TRANSCRIPT_FORMATS and len(speech) >= 3 and len(labels) >= 2


def _voices_alternate(labels: list[str | None]) -> bool:
    """Whether a voice comes back after a different one (A … B … A): people take turns. The
    labels are compared as the speakers they name ("Ms. Jo Li (UNDP)" is "Jo Li" again)."""
    seen: set[str] = set()
    previous: str | None = None
    for label in labels:
        if label is None:
            continue
        if label in seen and label != previous:
            return True
        seen.add(label)
        previous = label
    return False


def _blocks_of(document: Document) -> tuple[Block, ...]:
    if isinstance(document, StructuredDocument) and document.blocks:
        return document.blocks
    return text_blocks(document.text, markdown=document.format == "markdown")


def split_paragraphs(document: Document, warnings: tuple[str, ...] = ()) -> Session:
    """The paragraph turns of a document, with 1-based lines, page and section."""
    text = document.text
    starts = [0, *accumulate(len(line) + 1 for line in text.split("\n"))][:-1]
    turns: list[Turn] = []
    section: str | None = None
    levels: dict[int, str] = {}
    blocks = _blocks_of(document)
    for block in blocks:
        body = text[block.start : block.end]
        if not any(ch.isalnum() for ch in body):
            continue  # rules ("---", "***") and stray symbols are not paragraphs
        if block.kind == "heading":
            levels = {lvl: name for lvl, name in levels.items() if lvl < block.level}
            levels[block.level] = " ".join(body.split())
            section = levels[block.level]
        turns.append(
            Turn(
                index=len(turns),
                line=bisect_right(starts, block.start),
                label=None,
                speaker=None,
                kind="note" if block.kind == "heading" else "speech",
                text=body,
                start=block.start,
                end=block.end,
                end_line=bisect_right(starts, max(block.start, block.end - 1)),
                page=block.page,
                section=section,
            )
        )
    info = document.info if isinstance(document, StructuredDocument) else {}
    title = _title(info, turns, text, _title_lines(blocks))
    return Session(
        title=title,
        sha256=document.sha256,
        source=document.source,
        turns=tuple(turns),
        text=text,
        year=guess_year(title, document.source, text[:2000]),
        warnings=warnings,
    )


_TITLE_LINES = 3  # "Internet Governance Forum" / "Dynamic Coalition on X" / "Annual Report 2024"


def _title_lines(blocks: tuple[Block, ...]) -> str | None:
    """The title a document states over several lines of one kind and size at its top
    ("Dynamic Coalition on X" above "Annual Report 2024"), joined with ": " so the coalition's
    name ends where its line did; None when the top is not such a run of two or more.

    A title line is a heading that is not a numbered section, or a short one-line paragraph that
    is not a sentence; the run stops at a change of kind or level ("Annual Report" over a smaller
    "Summary" is a title and a section). Only in a paged document (a PDF, whose reader decided
    where its lines part): a plain-text or Markdown writer's own lines and headings are kept as
    written, and the first of them stays the title there."""
    if not any(block.page is not None for block in blocks):
        return None
    run: list[Block] = []
    for block in blocks[:_TITLE_LINES]:
        if not _title_line(block) or (run and (block.kind, block.level) != (run[0].kind, run[0].level)):
            break
        run.append(block)
    if len(run) < 2:
        return None
    joined = " ".join(run[0].text.split())
    for block in run[1:]:
        joined += (" " if joined.endswith((":", "–", "—", "-")) else ": ") + " ".join(block.text.split())
    return joined[:300]


def _title_line(block: Block) -> bool:
    text = " ".join(block.text.split())
    if not text or numbered_heading(text) or "\n" in block.text.strip():
        return False
    if block.kind == "heading":
        return True
    return len(text.split()) <= 12 and text[-1] not in ".,;!?"


def _title(info: Any, turns: list[Turn], text: str, lines: str | None = None) -> str:
    """A provisional title (metadata detection may improve it): the title lines at the top,
    else the first heading that is not a numbered section, else the declared title, else the
    first line."""
    if lines:
        return lines
    heading = next((t.text for t in turns[:5] if t.kind == "note" and not numbered_heading(t.text)), None)
    if heading:
        return " ".join(heading.split())[:300]
    declared = str(info.get("title") or "").strip() if info else ""
    return declared[:300] or find_title(text[:4000])


def locate(session: Session, line: int) -> dict[str, Any]:
    """Page and section of a cited line: the turn covering it (for document citations)."""
    for turn in session.turns:
        if turn.line <= line <= (turn.end_line or turn.line):
            return {"page": turn.page, "section": turn.section}
    return {"page": None, "section": None}

"""The records every stage passes along: plain dataclasses, JSON in and out.

These shapes back the JSON contracts in DESIGN.md; `to_json()` emits exactly the
contract fields so external tools can rely on them, and internal fields (character
offsets, end lines) stay available for citations.

Example::

    >>> t = Turn(index=0, line=7, label="JENNIFER CHUNG", speaker="Jennifer Chung",
    ...          kind="speech", text="Good morning.", start=120, end=133, end_line=7)
    >>> Turn.from_json(t.to_json(internal=True)) == t
    True
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from typing import Any, Literal

__all__ = [
    "Citation",
    "Document",
    "IngestOutcome",
    "SearchHit",
    "Session",
    "SpeechLines",
    "Turn",
    "TurnKind",
    "newlines_before",
    "speech_first_line",
]

TurnKind = Literal["speech", "note"]

# From this many characters on, a text's line breaks are found once and kept (`newlines_before`).
LONG_TEXT = 20_000


@lru_cache(maxsize=32)
def _newline_offsets(text: str) -> tuple[int, ...]:
    """Where `text`'s line breaks are, ascending (a long text's: `newlines_before`)."""
    out: list[int] = []
    at = text.find("\n")
    while at >= 0:
        out.append(at)
        at = text.find("\n", at + 1)
    return tuple(out)


def newlines_before(text: str, offset: int | None = None) -> int:
    """How many line breaks `text` holds before `offset` (all of them without it): exactly
    `text.count("\n", 0, offset)`. A long text's breaks are found once and kept for the next
    call (a few recent texts): every citation in a one-line session of 2 MB counted them all
    again, which made its report quadratic (issue 19). A short text is counted as it is."""
    if len(text) < LONG_TEXT or (offset is not None and offset < 0):
        return text.count("\n") if offset is None else text.count("\n", 0, offset)
    breaks = _newline_offsets(text)
    return len(breaks) if offset is None else bisect_left(breaks, offset)


def speech_first_line(line: int, end_line: int, text: str) -> int:
    """Line of the first character of a turn's `text`, which is an exact slice of the source
    ending on `end_line`. Not `line`: that is the marker's, and a marker alone on its line
    (">> ANA LIMA:") puts the speech on the next one, so a citation counted from it points at
    a line without the quote. A turn without `end_line` (made by hand, or stored before it
    was kept) falls back to `line`. Shared by `Turn` and the store's row views of turns."""
    return end_line - newlines_before(text) if end_line else line


class SpeechLines:
    """Where a turn's speech is in the source, for every view of a turn (`Turn`, and the
    store's `StoredTurn`): citations count lines from here, never from the marker's `line`."""

    line: int
    end_line: int
    text: str

    @property
    def first_line(self) -> int:
        """Line of the first character of `text` (`speech_first_line`)."""
        return speech_first_line(self.line, self.end_line, self.text)

    def line_at(self, offset: int) -> int:
        """Source line of character `offset` of `text`: the line a quote starting there cites."""
        return self.first_line + newlines_before(self.text, offset)


@dataclass(frozen=True)
class Document:
    """Decoded text of one input, with where it came from and how it was decoded.

    `text` uses "\\n" line endings; line numbers everywhere are 1-based lines of it.
    `sha256` is the hash of the original bytes, so re-ingesting the same file is a no-op.
    """

    source: str
    text: str
    format: str  # "text", "html", ...
    encoding: str
    sha256: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Turn(SpeechLines):
    """One speaker turn (or stage note) of a caption transcript, or one paragraph
    (heading: `note`) of a document.

    `text` is exactly `document.text[start:end]`, so any substring of it is a
    verbatim quote of the source; `line`..`end_line` is the span it covers.
    Document paragraphs have no label or speaker, and carry `page` (when the format
    has pages) and `section` (the nearest heading) so citations can name both.
    """

    index: int
    line: int
    label: str | None
    speaker: str | None
    kind: TurnKind
    text: str
    start: int = 0
    end: int = 0
    end_line: int = 0
    page: int | None = None
    section: str | None = None

    def to_json(self, internal: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "index": self.index,
            "line": self.line,
            "label": self.label,
            "speaker": self.speaker,
            "kind": self.kind,
            "text": self.text,
        }
        if self.page is not None:
            data["page"] = self.page
        if self.section is not None:
            data["section"] = self.section
        if internal:
            data.update(start=self.start, end=self.end, end_line=self.end_line)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Turn:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class Session:
    """A parsed transcript: title, turns, and the document it came from."""

    title: str
    sha256: str
    source: str
    turns: tuple[Turn, ...]
    text: str = ""
    year: int | None = None
    warnings: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """Stable identifier shared by every store: a prefix of the content hash."""
        return self.sha256[:12]

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def to_json(self, internal: bool = False) -> dict[str, Any]:
        """The `forumlens parse --json` contract."""
        return {
            "title": self.title,
            "sha256": self.sha256,
            "turns": [t.to_json(internal) for t in self.turns],
        }


@dataclass(frozen=True)
class Citation:
    """Where a claim comes from: a line of a stored session and a verbatim quote.

    `speaker` is whom the claim is credited to. `voiced_by` is set only when someone else
    spoke the words (a moderator reading out a remote hub's question): the citation check
    verifies the quote against the voice, and a reader sees both.
    """

    line: int
    quote: str
    speaker: str | None = None
    session: str | None = None
    voiced_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"line": self.line, "speaker": self.speaker, "quote": self.quote}
        if self.session is not None:
            data = {"session": self.session, **data}
        if self.voiced_by is not None:
            data["voiced_by"] = self.voiced_by
        return data


@dataclass(frozen=True)
class SearchHit:
    """One ranked search result (the `search --json` contract)."""

    session: str
    line: int
    speaker: str | None
    snippet: str
    score: float
    title: str = ""
    label: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "session": self.session,
            "line": self.line,
            "speaker": self.speaker,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "title": self.title,
        }


@dataclass
class IngestOutcome:
    """What happened to one input path during ingest."""

    path: str
    status: Literal["ingested", "skipped", "failed"]
    reason: str = ""
    session: str | None = None
    turns: int = 0
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

"""The records the analyse stage returns, and their JSON (the `report --json` contract).

`find_intel` returns an `Intel`; later stages (summarise) take these records as they
are. `to_json()` is for the store and the JSON contracts; `from_json()` reads stored
analyses back (fields missing from older or hand-written JSON take defaults).
Every record carries a 1-based `line` and, where it quotes, an exact slice of the
turn text, so a report can always cite its source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Ask", "GroupStats", "Intel", "Output", "Overrun", "Question", "Segment", "Stats"]


@dataclass(frozen=True)
class Segment:
    """One agenda item announced by a moderator, covering `from_line`..`to_line`."""

    title: str
    from_line: int
    to_line: int
    announced_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "from_line": self.from_line, "to_line": self.to_line}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Segment:
        return cls(str(data.get("title", "")), int(data["from_line"]), int(data["to_line"]))


@dataclass(frozen=True)
class Question:
    """A question put to a coalition, a person or the room, and its fate.

    `status` is `answered`, `answered-later` (deferred, then re-asked or taken up and
    answered) or `unanswered`; `answer_lines` are the first lines of the answer turns.
    `asked_by` is who voiced it when that differs from `by` (a moderator reading a
    remote hub's or the chat's question).
    """

    line: int
    by: str | None
    to: str
    text: str
    status: str
    answer_lines: tuple[int, ...] = ()
    asked_by: str | None = None
    turn: int = 0
    lines: tuple[int, ...] = ()  # every line the question (and its re-asks) was put on

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "line": self.line,
            "by": self.by,
            "to": self.to,
            "text": self.text,
            "status": self.status,
            "answer_lines": list(self.answer_lines),
        }
        if self.asked_by and self.asked_by != self.by:
            data["asked_by"] = self.asked_by
        if len(self.lines) > 1:
            data["also_asked_at"] = [n for n in self.lines if n != self.line]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Question:
        line = int(data.get("line", 0))
        also = tuple(data.get("also_asked_at") or ())
        return cls(
            line=line,
            by=data.get("by"),
            to=str(data.get("to") or "room"),
            text=str(data.get("text", "")),
            status=str(data.get("status", "unanswered")),
            answer_lines=tuple(data.get("answer_lines") or ()),
            asked_by=data.get("asked_by") or data.get("by"),
            lines=(line, *also) if also else (),
        )


@dataclass(frozen=True)
class Ask:
    """A sentence that asks for, needs, commits to or recommends something.

    `type` is `ask` (a request or a stated need), `recommendation` (what others
    should do) or `commitment` (what the speaker or their body will do); `category`
    comes from `analyse.asks.CATEGORIES`. One sentence is one ask under one primary
    `category`; `also` holds the categories it fits nearly as well (JSON
    `secondary_categories`), so a reader counting asks per category never counts a
    sentence twice.
    """

    category: str
    type: str
    by: str | None
    line: int
    quote: str
    coalition: str | None = None
    also: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "type": self.type,
            "by": self.by,
            "line": self.line,
            "quote": self.quote,
            "coalition": self.coalition,
            "secondary_categories": list(self.also),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Ask:
        return cls(
            category=str(data.get("category") or ""),
            type=str(data.get("type") or "ask"),
            by=data.get("by"),
            line=int(data.get("line", 0)),
            quote=str(data.get("quote", "")),
            coalition=data.get("coalition"),
            also=tuple(str(c) for c in data.get("secondary_categories") or ()),
        )


@dataclass(frozen=True)
class Output:
    """A produced (or announced) output: report, statement, glossary, charter, paper…"""

    kind: str
    by: str | None
    line: int
    quote: str
    coalition: str | None
    status: str  # released | forthcoming | mentioned

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "by": self.by,
            "line": self.line,
            "quote": self.quote,
            "coalition": self.coalition,
            "status": self.status,
        }


@dataclass(frozen=True)
class GroupStats:
    """Speaking totals of one person, role, stakeholder group or mode."""

    key: str | None
    turns: int
    words: int
    minutes: float

    def to_json(self) -> dict[str, Any]:
        return {"name": self.key, "turns": self.turns, "words": self.words, "minutes": self.minutes}


@dataclass(frozen=True)
class Overrun:
    """One turn longer than the limit announced in the session."""

    by: str | None
    line: int
    minutes: float
    limit: float
    over: float

    def to_json(self) -> dict[str, Any]:
        return {"by": self.by, "line": self.line, "minutes": self.minutes, "limit": self.limit, "over": self.over}


@dataclass(frozen=True)
class Stats:
    """Statistics of a session; `limit` is None when no time limit was announced."""

    words_per_minute: float
    people: tuple[GroupStats, ...]
    roles: tuple[GroupStats, ...]
    stakeholders: tuple[GroupStats, ...]
    modes: tuple[GroupStats, ...]
    limit: float | None = None
    limit_line: int | None = None
    limit_quote: str | None = None
    overruns: tuple[Overrun, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "words_per_minute": self.words_per_minute,
            "people": [g.to_json() for g in self.people],
            "roles": [g.to_json() for g in self.roles],
            "stakeholders": [g.to_json() for g in self.stakeholders],
            "modes": [g.to_json() for g in self.modes],
            "limit": None
            if self.limit is None
            else {"minutes": self.limit, "line": self.limit_line, "quote": self.limit_quote},
            "overruns": [o.to_json() for o in self.overruns],
        }


@dataclass(frozen=True)
class Intel:
    """Everything the analyse stage finds in one session."""

    segments: tuple[Segment, ...] = ()
    questions: tuple[Question, ...] = ()
    asks: tuple[Ask, ...] = ()
    outputs: tuple[Output, ...] = ()
    stats: Stats | None = None
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The analyse keys of `forumlens report --json` (DESIGN.md contract)."""
        return {
            "segments": [s.to_json() for s in self.segments],
            "questions": [q.to_json() for q in self.questions],
            "asks": [a.to_json() for a in self.asks],
            "outputs": [o.to_json() for o in self.outputs],
            "stats": self.stats.to_json() if self.stats else None,
        }

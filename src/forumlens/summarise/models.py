"""The summarise stage's records: what it reads (`Findings`) and what a brief is made of
(bullets with citations, grouped into sections).

They are plain frozen dataclasses with `to_json()` matching the DESIGN.md contracts
(`takeaways`, `brief --topic`), so renderers, the faithfulness check, the CLI and the
web layer all read the same shape and nothing is formatted twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..analyse.models import Ask, Question, Segment
from ..models import Citation
from ..resolve.cast import Coalition, Person
from ..tag.tagger import Tag

__all__ = [
    "Appearance",
    "Bullet",
    "CoalitionBrief",
    "CoalitionEntry",
    "Findings",
    "SessionReport",
    "SourcedCitation",
    "SpeakerPoints",
    "Theme",
    "TopicBrief",
]


@dataclass(frozen=True)
class Findings:
    """What the earlier stages found in one session, as the summariser reads it: the
    people and coalitions (resolve), segments, asks and questions (analyse) and tags.

    The pipeline builds it from the stage records; `from_json` reads stored analyses (the
    `report --json` shape). `asks` and `questions` are None when the analyse stage did
    not run, and the summariser then infers them from the text; the other parts are
    simply empty when unknown.
    """

    people: tuple[Person, ...] = ()
    coalitions: tuple[Coalition, ...] = ()
    segments: tuple[Segment, ...] = ()
    asks: tuple[Ask, ...] | None = None
    questions: tuple[Question, ...] | None = None
    tags: tuple[Tag, ...] = ()
    date: str | None = None  # the session's date (`document` analysis), so citations can name it
    # what the record is when it is a document ("statement", "annual-report": `document` analysis),
    # so its report is headed by its kind; None for a transcript
    kind: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Findings:
        """Stored analyses of a session, any part missing (segments without lines are skipped)."""
        return cls(
            people=tuple(Person.from_json(p) for p in data.get("people") or ()),
            coalitions=tuple(Coalition.from_json(c) for c in data.get("coalitions") or ()),
            segments=tuple(
                Segment.from_json(s) for s in data.get("segments") or () if "from_line" in s and "to_line" in s
            ),
            asks=None if "asks" not in data else tuple(Ask.from_json(a) for a in data["asks"] or ()),
            questions=None
            if "questions" not in data
            else tuple(Question.from_json(q) for q in data["questions"] or ()),
            tags=tuple(Tag.from_json(t) for t in data.get("tags") or ()),
            date=_date_of(data.get("document")),
            kind=_kind_of(data.get("document")),
        )


def _kind_of(meta: Any) -> str | None:
    """The document kind the `document` analysis found; None for a transcript or when unknown."""
    kind = meta.get("kind") if isinstance(meta, Mapping) else None
    return str(kind) if kind and kind != "transcript" else None


def _date_of(meta: Any) -> str | None:
    """The date the `document` analysis found, if any (a stored analysis may lack it)."""
    date = meta.get("date") if isinstance(meta, Mapping) else None
    return str(date) if date else None


@dataclass(frozen=True)
class SourcedCitation(Citation):
    """A citation that describes itself on paper: the session's title, year and date and,
    for a document, the page and section of the cited line.

    A subclass so every reader of `Citation` keeps working; `to_json` extends the
    contract (DESIGN.md: `title`, `year`, `date` when known, `page` and `section` for
    documents) without renaming a field.
    """

    title: str | None = None
    year: int | None = None
    date: str | None = None
    page: int | None = None
    section: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        data["title"] = self.title
        data["year"] = self.year
        for name in ("date", "page", "section"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SourcedCitation:
        """A citation of any stored shape (old ones lack the description fields)."""
        return cls(
            line=int(data["line"]),
            quote=str(data.get("quote") or ""),
            speaker=data.get("speaker"),
            session=data.get("session"),
            voiced_by=data.get("voiced_by"),
            title=data.get("title"),
            year=data.get("year"),
            date=data.get("date"),
            page=data.get("page"),
            section=data.get("section"),
        )


@dataclass(frozen=True)
class Bullet:
    """One claim and the verbatim quotes it rests on (never emitted without a citation)."""

    text: str
    citations: tuple[Citation, ...]
    kind: str = ""  # e.g. an ask category ("funding") or a question status
    score: float = 0.0

    def __post_init__(self) -> None:
        if not self.citations:
            raise ValueError("a bullet must carry at least one citation")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "citations": [c.to_json() for c in self.citations]}
        if self.kind:
            data["kind"] = self.kind
        return data


@dataclass(frozen=True)
class SpeakerPoints:
    """The one or two key points of one speaker, and whom they spoke for."""

    speaker: str
    role: str | None
    coalition: str | None
    affiliation: str | None
    bullets: tuple[Bullet, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "role": self.role,
            "coalition": self.coalition,
            "affiliation": self.affiliation,
            "points": [b.to_json() for b in self.bullets],
        }


@dataclass(frozen=True)
class CoalitionEntry:
    """A coalition that presented, with where (lines) and who spoke for it."""

    name: str
    acronym: str | None
    lines: tuple[int, ...]
    speakers: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "acronym": self.acronym, "lines": list(self.lines), "speakers": list(self.speakers)}


@dataclass(frozen=True)
class SessionReport:
    """A session report shaped like the IGF's own: takeaways, actions, speakers, questions."""

    session: str
    title: str
    year: int | None
    takeaways: tuple[Bullet, ...]
    calls_to_action: tuple[Bullet, ...]
    speakers: tuple[SpeakerPoints, ...]
    open_questions: tuple[Bullet, ...]
    coalitions: tuple[CoalitionEntry, ...]
    notes: tuple[str, ...] = ()  # notes for the reader, printed under the report
    date: str | None = None  # when known (the `document` analysis)
    kind: str | None = None  # a document's kind ("statement", `Findings.kind`); None for a transcript
    # what the summariser inferred because an earlier stage's output was missing
    # ("calls to action: directive sentences (no analyse output)"): for tests and
    # debugging, never printed: an internal note is not something a reader can act on
    inferred: tuple[str, ...] = ()

    def bullets(self) -> list[tuple[str, Bullet]]:
        """Every bullet with the section it sits in (for checks and counts)."""
        out = [("takeaways", b) for b in self.takeaways] + [("calls_to_action", b) for b in self.calls_to_action]
        out += [(f"speakers/{s.speaker}", b) for s in self.speakers for b in s.bullets]
        return out + [("open_questions", b) for b in self.open_questions]

    def to_json(self) -> dict[str, Any]:
        """The summarise part of the `report --json` contract (`takeaways` plus sections)."""
        return {
            "takeaways": [b.to_json() for b in self.takeaways],
            "calls_to_action": [b.to_json() for b in self.calls_to_action],
            "speaker_points": [s.to_json() for s in self.speakers],
            "open_questions": [b.to_json() for b in self.open_questions],
            "coalitions_presented": [c.to_json() for c in self.coalitions],
        }


@dataclass(frozen=True)
class Theme:
    """Talking points that share a theme, in a topic brief."""

    title: str
    bullets: tuple[Bullet, ...]


@dataclass(frozen=True)
class TopicBrief:
    """At most ten cited talking points on one topic, grouped by theme."""

    topic: str
    themes: tuple[Theme, ...]
    sessions: tuple[str, ...] = ()  # ids of the sessions the points come from
    filters: dict[str, Any] = field(default_factory=dict)

    def bullets(self) -> list[tuple[str, Bullet]]:
        return [(f"theme/{t.title}", b) for t in self.themes for b in t.bullets]

    def to_json(self) -> dict[str, Any]:
        """`brief --topic --json`: `bullets` is the stable contract; `themes` groups them."""
        return {
            "topic": self.topic,
            "bullets": [{**b.to_json(), "theme": t.title} for t in self.themes for b in t.bullets],
            "themes": [{"title": t.title, "count": len(t.bullets)} for t in self.themes],
            "filters": self.filters,
        }


@dataclass(frozen=True)
class Appearance:
    """One session where a coalition spoke or was mentioned."""

    session: str
    title: str
    year: int | None
    status: str  # presented | mentioned | invited-absent (the session's coalition status)
    lines: tuple[int, ...]
    speakers: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "session": self.session,
            "title": self.title,
            "year": self.year,
            "status": self.status,
            "lines": list(self.lines),
            "speakers": list(self.speakers),
        }


@dataclass(frozen=True)
class CoalitionBrief:
    """A coalition snapshot: what it said, produced and asked for, with whom, where."""

    name: str
    acronym: str | None
    said: tuple[Bullet, ...]
    produced: tuple[Bullet, ...]
    asked: tuple[Bullet, ...]
    partners: tuple[Bullet, ...]  # bullet.kind holds the partner's name
    appearances: tuple[Appearance, ...]
    filters: dict[str, Any] = field(default_factory=dict)  # since/until the snapshot honoured
    # from the threads stage: each ask item (kind "YEAR · role · category"), each promise (kind: its fate)
    asked_by_year: tuple[Bullet, ...] = ()
    promises: tuple[Bullet, ...] = ()

    def bullets(self) -> list[tuple[str, Bullet]]:
        return (
            [("said", b) for b in self.said]
            + [("produced", b) for b in self.produced]
            + [("asked", b) for b in self.asked]
            + [("partners", b) for b in self.partners]
            + [("asked_by_year", b) for b in self.asked_by_year]
            + [("promises", b) for b in self.promises]
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "coalition": self.name,
            "acronym": self.acronym,
            "said": [b.to_json() for b in self.said],
            "produced": [b.to_json() for b in self.produced],
            "asked": [b.to_json() for b in self.asked],
            "partners": [{"name": b.kind, **b.to_json()} for b in self.partners],
            "appearances": [a.to_json() for a in self.appearances],
            "filters": dict(self.filters),
            "asked_by_year": [{"when": b.kind, **b.to_json()} for b in self.asked_by_year],
            "promises": [{"status": b.kind, **b.to_json()} for b in self.promises],
        }

"""Whom a cited line is credited to: the resolve stage's people, never a flagged caption label.

Captioners mislabel turns: in the shared transcript the middle of one panellist's answer
is labelled with the name of someone who never spoke. The resolve stage flags such turns
(the `flags` analysis: line, label, likely speaker) and counts them for the likely
speaker (the people analysis's `lines`); it also merges the label variants of one name
("Olivier Repin-Leblond", "Olivier Crepin-Leblond") into one person whose `labels` list
them. A brief that credits the caption label instead repeats the captioner's mistake.

`Credits` reads those two analyses once per session and answers, for any cited line,
who said it. The rules, in order, for the turn covering the line:

1. A flagged turn is credited to the person the people analysis counts it for, else to
   the flag's likely speaker; the credit is *inferred* and a bullet resting on it says
   so (`INFERRED`). With neither, the line is left unattributed (`UNATTRIBUTED`).
2. A turn the people analysis counts for a person whose labels do not include the
   turn's own label was re-attributed by the resolve stage (the same rule as 1, for
   analyses that kept the people but not the flags): inferred likewise.
3. Any other turn counted for a named person is credited to that person's name, so the
   label variants of one name are one person (an unnamed person keeps the caption's label).
4. Without a people analysis, the caption's own speaker stands (nothing is known better).
5. A document's paragraph (no speaker, no label, a page or section) has an author, not
   a participant: the coalition the document analysis names as its author (stated or
   in the title first, `coalition_owned`), else the coalition its title names, else its
   title (`Credit.author`; citations are unchanged).

Which person a turn is counted for is read as the session page and the speaker filter
read it (`people_lines.credited_lines`): a line listed for two people goes to the later
named one, and the entries of one person listed twice (one name key) are one person, so
a label either entry lists is that person's own (rule 2 does not mark it).

A re-credited citation keeps the caption's voice in `voiced_by`, so `check_citations`
still verifies the quote against the turn it sits in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..models import Citation, Session, Turn
from ..people_lines import credited_lines
from ..transcript.speakers import name_key
from .models import Bullet, Findings
from .units import Unit

__all__ = [
    "INFERRED",
    "UNATTRIBUTED",
    "UNNAMED",
    "Credit",
    "Credits",
    "credit_bullets",
    "credit_table",
    "document_author",
    "is_paragraph",
]

# Said once, at the end of the bullet, in words a reader understands: the caption named
# someone else, so forumlens credited the likely speaker (or no one).
INFERRED = "— speaker attributed by forumlens (caption label unclear)"
UNATTRIBUTED = "— speaker not identified (caption label unclear)"
UNNAMED = "(unnamed)"


@dataclass(frozen=True)
class Credit:
    """Who a turn is credited to (`name`, None: no one), whose voice the captions give, and
    whether the credit is inferred because the caption label was flagged."""

    name: str | None
    voice: str | None
    inferred: bool = False
    author: str | None = None  # a document paragraph's author (rule 5), when no one is credited

    @property
    def marker(self) -> str:
        """What a bullet resting on this turn must say about its credit ("" when nothing)."""
        if not self.inferred:
            return ""
        return INFERRED if self.name else UNATTRIBUTED


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)


def _flags_of(analysis: Findings | Mapping[str, Any] | None) -> list[tuple[int, str | None]]:
    """(line, likely speaker) of every stored flag (a `Findings` carries none)."""
    raw = analysis.get("flags") if isinstance(analysis, Mapping) else None
    out = []
    for flag in raw if isinstance(raw, list) else ():
        line = _field(flag, "line")
        if isinstance(line, int):
            likely = _field(flag, "likely_speaker")
            out.append((line, str(likely) if likely else None))
    return out


def _credited_lines(people: Sequence[Any]) -> dict[int, str]:
    """Line → the named person the people analysis counts it for: `people_lines.credited_lines`,
    the one reading the session page and the speaker filter use, also over `Person`s."""
    return credited_lines([{"name": _field(p, "name"), "lines": _field(p, "lines")} for p in people])


def is_paragraph(turn: Turn) -> bool:
    """Whether a speech turn is a document's paragraph: nobody's label, and a page or section."""
    return not turn.speaker and not turn.label and (turn.section is not None or turn.page is not None)


def document_author(session: Session, analysis: Findings | Mapping[str, Any] | None = None) -> tuple[str, bool]:
    """Who wrote a document's paragraphs, and whether that is a body (a coalition), not only a title.

    The first author `coalition_owned.document_coalitions` gives from the stored `document`
    analysis (a coalition stated by the user or named in the title before one the text only
    mentions: the rule the coalition page and `brief --coalition` use for whose document it
    is), else the coalition the title names, else the document's title.
    """
    from ..coalition_owned import document_coalitions

    meta = analysis.get("document") if isinstance(analysis, Mapping) else None
    authors = document_coalitions(session.title, meta if isinstance(meta, Mapping) else None)
    authors = authors or document_coalitions(session.title, None)  # metadata naming none: the title's
    if authors:
        return authors[0], True
    return (session.title or "the document").strip(), False


class Credits:
    """Credit for every speech turn of one session (see the module rules)."""

    def __init__(
        self,
        session: Session,
        people: Sequence[Any] = (),
        flags: Iterable[tuple[int, str | None]] = (),
        author: tuple[str, bool] | None = None,
    ) -> None:
        self.session = session
        # rule 5: read only when the session has a paragraph (a title's registry scan is not free)
        paragraphs = any(is_paragraph(t) for t in session.turns if t.kind == "speech")
        found = (author or document_author(session)) if paragraphs else None
        self.author: str | None = found[0] if found else None
        self.author_is_body = bool(found and found[1])
        self._canon: dict[str, str] = {}
        keys_of: dict[str, set[str]] = {}  # a person's name key → the keys of every entry under it
        unnamed: set[int] = set()  # lines the analysis counts for an unnamed person ("AUDIENCE")
        for person in people:
            name = _field(person, "name")
            keys = {
                name_key(str(x))
                for x in (name, *(_field(person, "labels") or ()), *(_field(person, "aliases") or ()))
                if x
            }
            if name:
                keys_of.setdefault(name_key(str(name)), set()).update(keys)
                for k in keys:
                    self._canon.setdefault(k, str(name))
            else:
                unnamed.update(int(line) for line in _field(person, "lines") or ())
        by_line = _credited_lines(people)  # the session page's reading: a line listed twice goes to the later person
        flagged = dict(flags)
        speech = [t for t in session.turns if t.kind == "speech"]
        self._starts = [t.line for t in speech]
        self._ends = [max(t.line, t.end_line) for t in speech]
        self._credits: list[Credit] = []
        for turn in speech:
            voice = turn.speaker or turn.label
            name = by_line.get(turn.line)
            own = name_key(turn.label or turn.speaker or "")
            if name and own and own not in keys_of.get(name_key(name), ()):  # rule 2 (and 1)
                credit = Credit(name, voice, inferred=True)
            elif turn.line in flagged:  # rule 1: the flag's likely speaker, or no one
                likely = flagged[turn.line]
                credit = Credit(self.canonical(likely) if likely else None, voice, inferred=True)
            elif name:  # rule 3
                credit = Credit(name, voice)
            elif turn.line in unnamed:  # rule 3: an unnamed person keeps the caption's words ("AUDIENCE")
                credit = Credit(voice, voice)
            elif not voice and self.author and is_paragraph(turn):  # rule 5
                credit = Credit(None, None, author=self.author)
            else:  # rule 4 (or a turn the people analysis does not count, e.g. "Everyone")
                credit = Credit(self.canonical(voice) if voice else None, voice)
            self._credits.append(credit)

    @classmethod
    def of(cls, session: Session, analysis: Findings | Mapping[str, Any] | None = None) -> Credits:
        """Credits from what the resolve stage stored (`Findings` or the `report --json` shape)."""
        if isinstance(analysis, Mapping):  # stored people are read as they are (no full `Findings` parse)
            people = [p for p in analysis.get("people") or () if isinstance(p, Mapping)]
            meta = analysis.get("document")
            author = document_author(session, analysis) if isinstance(meta, Mapping) else None
            return cls(session, people, _flags_of(analysis), author)
        return cls(session, analysis.people if analysis is not None else (), ())

    def canonical(self, name: str) -> str:
        """The people analysis's name for a label or name variant (itself when unknown)."""
        return self._canon.get(name_key(name), name)

    def at(self, line: int) -> Credit | None:
        """The credit of the speech turn covering `line` (None: no turn there)."""
        i = bisect_right(self._starts, line) - 1
        return self._credits[i] if i >= 0 and line <= self._ends[i] else None

    def who(self, unit: Unit) -> str:
        """A unit's credited speaker as a grouping key ("(unnamed)" when no one is credited)."""
        credit = self.at(unit.line)
        if credit is None:
            return unit.who
        return credit.name or credit.author or UNNAMED

    def unattributed(self, unit: Unit) -> bool:
        """Whether the unit's caption label was flagged and no likely speaker is known."""
        credit = self.at(unit.line)
        return credit is not None and credit.inferred and not credit.name

    def credited(self, c: Citation) -> tuple[Citation, str]:
        """`c` credited to whom its turn is credited, and the marker its bullet must carry.

        The caption's voice is kept in `voiced_by`. A citation already credited to someone
        other than its voice (a question's asker, read out by a moderator) keeps its credit.
        """
        credit = self.at(c.line)
        if credit is None:
            return c, ""
        if c.voiced_by and name_key(c.voiced_by) != name_key(c.speaker or ""):
            mine = name_key(c.speaker or "") == name_key(credit.name or "")
            return c, credit.marker if mine else ""
        if name_key(credit.name or "") != name_key(c.speaker or ""):
            c = replace(c, speaker=credit.name, voiced_by=c.speaker)
        elif credit.voice and name_key(credit.voice) != name_key(c.speaker or ""):
            # already credited upstream (a thread item): the caption's voice is still kept
            c = replace(c, voiced_by=credit.voice)
        return c, credit.marker

    def cite(self, c: Citation) -> Citation:
        return self.credited(c)[0]

    def bullet(self, b: Bullet) -> Bullet:
        """`b` with credited citations, its text marked (once) when a credit is inferred."""
        return _credit(b, lambda c: self)


def _credit(b: Bullet, lookup: Callable[[Citation], Credits | None]) -> Bullet:
    cites: list[Citation] = []
    marks: list[str] = []
    for c in b.citations:
        credits = lookup(c)
        new, mark = credits.credited(c) if credits is not None else (c, "")
        cites.append(new)
        if mark and mark not in b.text and mark not in marks:
            marks.append(mark)
    text = " ".join([b.text, *marks])
    if tuple(cites) == b.citations and text == b.text:
        return b
    return replace(b, text=text, citations=tuple(cites))


def credit_table(
    sources: Iterable[Session | tuple[Session, Findings | Mapping[str, Any] | None]],
) -> dict[str, Credits]:
    """Session id → its `Credits`, for briefs whose citations name their session.

    `sources` as the briefs take them: sessions, or (session, stored analyses) pairs.
    """
    table: dict[str, Credits] = {}
    for item in sources:
        session, analysis = (item, None) if isinstance(item, Session) else item
        table[session.id] = Credits.of(session, analysis)
    return table


def credit_bullets(
    bullets: Iterable[Bullet], table: Mapping[str, Credits], default: str | None = None
) -> tuple[Bullet, ...]:
    """Each bullet credited citation by citation, by the citation's session (`default`: none named)."""
    return tuple(_credit(b, lambda c: table.get(c.session or default or "")) for b in bullets)

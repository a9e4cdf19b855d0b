"""What the summariser knows about a session beyond its words: cast, segments, mentions.

The resolve and analyse stages (people, coalitions, segments, questions, asks, tags)
may or may not have run. `build_context` takes what they found (`Findings`, or stored
analyses in the `report --json` shape, DESIGN.md) and otherwise infers the little it
needs — who chairs, whom each speaker spoke for (from the moderator's hand-off or a
self-introduction), rough segments — so a report can always be built and is better
when they are there.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..models import Session
from ..resolve.mentions import Mention, find_mentions
from ..transcript.speakers import name_key
from .models import CoalitionEntry, Findings
from .procedural import guess_moderators
from .rank import Ranking, rank_units
from .units import Unit, session_units

if TYPE_CHECKING:
    from ..resolve.cast import Person

__all__ = ["SummaryContext", "acronym_of", "build_context", "findings_of", "mentions_in"]

_SELF = re.compile(
    r"\b(I speak for|on behalf of|I('m| am) (here )?(from|with|for)|I represent|representing|"
    r"I coordinate|our (dynamic )?coalition|I work (for|with)|speaking for|"
    r"(advis[oe]r|coordinator|convenor|co-?chair|chair|member|lead|director|officer) (for|of|in|at))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65_536)
def mentions_in(text: str) -> tuple[Mention, ...]:
    """Registry mentions via the resolve stage's matcher.

    Cached by text: the same sentences are scanned by reports, snapshots and briefs, and
    the fuzzy matcher is the slowest step of the package.
    """
    return tuple(find_mentions(text))


def acronym_of(mention: Mention) -> str | None:
    """The first acronym the registry knows for the mentioned entity."""
    from ..resolve.registry import load_registry

    entity = load_registry().entities.get(mention.entity_id)
    return entity.acronyms[0] if entity is not None and entity.acronyms else None


def findings_of(analysis: Findings | Mapping[str, Any] | None) -> Findings:
    """`Findings` as given, or read from stored analyses (`report --json` shape); none: empty."""
    if isinstance(analysis, Findings):
        return analysis
    return Findings.from_json(analysis or {})


@dataclass
class SummaryContext:
    """A session with its units and everything known about who spoke for whom."""

    session: Session
    units: list[Unit]
    chairs: set[str]
    people: dict[str, Person]  # name_key(who) -> person of the cast
    speaks_for: dict[str, str]  # who -> coalition display name
    coalitions: list[CoalitionEntry]
    segments: list[tuple[int, int, str]]  # (from_line, to_line, title)
    findings: Findings
    # what was inferred for lack of an earlier stage's output: a record for tests and
    # debugging, never printed in a report (a reader cannot act on it)
    inferred: list[str] = field(default_factory=list)
    _ranking: Ranking | None = field(default=None, repr=False, compare=False)

    def person(self, who: str) -> Person | None:
        return self.people.get(name_key(who)) if who else None

    def segment_of(self, unit: Unit) -> int:
        for i, (a, b, _title) in enumerate(self.segments):
            if a <= unit.line <= b:
                return i
        return int(unit.position * max(1, len(self.segments)))

    def ranking(self) -> Ranking:
        """The scoring of this session's units (its own IDF), done on first use and kept."""
        if self._ranking is None:
            self._ranking = rank_units(self.units, self.chairs)
        return self._ranking


def _rough_segments(session: Session, units: Sequence[Unit]) -> list[tuple[int, int, str]]:
    """Equal slices by words when no agenda segments were analysed (coverage only)."""
    words = sum(u.words for u in units)
    n = max(2, min(6, words // 1500))
    last = max((t.end_line or t.line for t in session.turns), default=1)
    bounds = []
    for i in range(n):
        lo = [u.line for u in units if int(u.position * n) == i]
        if lo:
            bounds.append((min(lo), max(lo), f"part {i + 1}"))
    return bounds or [(1, last, "session")]


def _infer_speaks_for(session: Session, chairs: set[str]) -> dict[str, str]:
    """Whom each non-chair spoke for: a self-introduction, else the chair's hand-off just before."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    turns = [t for t in session.turns if t.kind == "speech"]
    for i, turn in enumerate(turns):
        who = turn.speaker or turn.label or ""
        if not who or who in chairs:
            continue
        head = turn.text[:400]
        for m in mentions_in(head):
            if m.kind == "dc" and _SELF.search(head[max(0, m.start - 80) : m.start]):
                votes[who][m.name] += 3
        # the hand-off: the chair's turns just before (a panellist naming a coalition at
        # the end of their own turn does not hand the floor to it)
        j = i - 1
        while j >= max(0, i - 3):
            prev_who = turns[j].speaker or turns[j].label
            if prev_who == who or (chairs and prev_who not in chairs):
                break
            dcs = [m for m in mentions_in(turns[j].text[-700:]) if m.kind == "dc"]
            if dcs:
                votes[who][dcs[-1].name] += 1
                break
            j -= 1
    return {who: c.most_common(1)[0][0] for who, c in votes.items() if c}


def build_context(session: Session, analysis: Findings | Mapping[str, Any] | None = None) -> SummaryContext:
    """Units plus cast, coalitions and segments, from `analysis` when given, else inferred.

    `analysis` is what the earlier stages found (`Findings`), or stored analyses in the
    `report --json` shape.
    """
    findings = findings_of(analysis)
    units = session_units(session)
    people = {name_key(p.name): p for p in findings.people if p.name}
    inferred: list[str] = []
    chairs = guess_moderators(units, findings.people or None)
    speaks_for: dict[str, str] = {}
    if people:
        for person in people.values():
            if person.affiliation and person.role in {"dc-representative", ""} and person.name:
                speaks_for[person.name] = person.affiliation
        for unit in units:  # map display names as spoken to the cast's names
            p = people.get(name_key(unit.who))
            if p and p.name in speaks_for:
                speaks_for.setdefault(unit.who, speaks_for[p.name])
    else:
        inferred.append("cast: chairs by behaviour, coalitions from hand-offs (no resolve output)")
        speaks_for = _infer_speaks_for(session, chairs)
    if findings.coalitions:
        coalitions = [
            CoalitionEntry(c.name, c.acronym, c.lines, tuple(sorted(w for w, n in speaks_for.items() if n == c.name)))
            for c in findings.coalitions
            if c.status == "presented"
        ]
    else:
        by_name: dict[str, list[int]] = defaultdict(list)
        for unit in units:
            if unit.who in speaks_for and unit.sent_index == 0:
                by_name[speaks_for[unit.who]].append(unit.line)
        acr = {m.name: acronym_of(m) for n in by_name for m in mentions_in(n)}
        coalitions = [
            CoalitionEntry(
                n, acr.get(n), tuple(sorted(set(ls))), tuple(sorted(w for w, x in speaks_for.items() if x == n))
            )
            for n, ls in sorted(by_name.items(), key=lambda kv: min(kv[1]))
        ]
    segs = [(s.from_line, s.to_line, s.title) for s in findings.segments]
    if not segs:
        segs = _rough_segments(session, units)
    return SummaryContext(session, units, chairs, people, speaks_for, coalitions, segs, findings, inferred)

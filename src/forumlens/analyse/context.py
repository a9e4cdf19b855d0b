"""What every analysis needs to know about a session, computed once: sentences with
lines, who speaks in each turn (role, affiliation, mode) and where coalitions are named.

The analyses stay pure and testable with hand-made inputs because the people (resolve's
`Cast`) and the coalition mentions (resolve's `Mention`s, from `find_mentions`) are
parameters. When no cast is given, roles fall back to rules any reader would use: generic
labels ("MODERATOR", "CHAIR") and speakers who keep handing the floor to others are
moderators.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from forumlens.models import Session, Turn
from forumlens.resolve.mentions import Mention, find_mentions
from forumlens.tag.text import SessionMemo
from forumlens.transcript.speakers import name_key

from ._regex import compile_cue
from .cues import CheckMemo

if TYPE_CHECKING:
    from forumlens.resolve.cast import Cast, Person

    from .questions_later import LaterTurns

__all__ = ["FLOOR_CUE", "AnalysisContext", "Sentence", "Speaker", "build_context", "default_mentions"]

# A speaker who gives the floor to others is running the session.
FLOOR_CUE = compile_cue(
    r"\b(the floor is yours|you have the floor|over to you|(give|giving|pass|hand)( it| this| the mic| the floor)?"
    r"( back| over)* to\b|turn (it )?(over )?to\b|let'?s (go|move|turn) to|next speaker|open the floor"
    r"|please,? go ahead|i (would like|want) to (invite|turn|hand|give|pass))",
    re.IGNORECASE,
)
_MODERATOR_LABEL = compile_cue(r"\b(MODERATOR|CHAIR|CHAIRMAN|CHAIRPERSON|CHAIRWOMAN|FACILITATOR|HOST|MC)\b", re.I)
_PARTICIPANT_LABEL = compile_cue(r"\b(AUDIENCE|PARTICIPANT|FLOOR|FEMALE SPEAKER|MALE SPEAKER|SPEAKER)\b", re.I)
_SELF_INTRO = re.compile(
    r"\b(i('m| am)( here)?|i speak|i'm speaking|speaking|we('re| are)) (for|from|on behalf of|representing|with)\s+(the\s+)?$"
    r"|\bi (represent|coordinate|co-?chair|chair|lead)\s+(the\s+)?$|\b(our|my)\s+$|\bon behalf of\s+(the\s+)?$"
    r"|\b(advis[oe]r|coordinator|chair|co-?chair|member|representative|convenor|focal point)\s+(for|of|to|in|at)\b[^.]{0,45}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Speaker:
    """The speaker of one turn, as far as the analyses need to know them (from the cast's
    `Person`, or inferred from the label when there is no cast)."""

    name: str | None
    role: str = "unknown"  # moderator | dc-representative | guest | participant | remote-hub | unknown
    affiliation: str | None = None
    mode: str | None = None
    stakeholder: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of a turn: absolute offsets, its 1-based line and its text."""

    turn: int
    start: int  # offset in session.text
    end: int
    line: int
    text: str
    rel: int = 0  # offset inside turn.text


@dataclass(frozen=True)
class AnalysisContext:
    """A session as the analyses read it: its sentences, the speaker of each turn and the
    coalition mentions (resolve's `Mention`s of kind "dc", in text order)."""

    session: Session
    people: tuple[Speaker, ...]  # one per turn, same index
    sentences: tuple[tuple[Sentence, ...], ...]  # per turn
    mentions: tuple[Mention, ...]
    # results of pure per-text checks several analyses ask for (e.g. "is this sentence
    # housekeeping?"), so each is computed once per session
    memo: CheckMemo = field(default_factory=dict, compare=False, repr=False)

    @property
    def turns(self) -> tuple[Turn, ...]:
        return self.session.turns

    def is_moderator(self, index: int) -> bool:
        return self.people[index].role == "moderator"

    def coalitions_in(self, start: int, end: int) -> list[Mention]:
        """Coalition mentions inside [start, end) of the session text."""
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def speaker(self, index: int) -> str | None:
        return self.people[index].name

    @cached_property
    def turn_at_line(self) -> dict[int, int]:
        """The index of the turn that opens on each line: answers and replies are kept by line, and
        several question readers look them up for every question (built once per session)."""
        return {t.line: t.index for t in self.turns}

    @cached_property
    def speaker_names(self) -> tuple[str, ...]:
        """The speakers' names, each once, in the order they first speak: the question rules
        ask for them for every question, and a long session's turns are many more (issue 19)."""
        return tuple(dict.fromkeys(p.name for p in self.people if p.name))

    @cached_property
    def later_turns(self) -> LaterTurns:
        """What follows each turn, indexed once per session for the question rules
        (`questions_later.LaterTurns`; issue 19)."""
        from .questions_later import LaterTurns  # it reads this module's records

        return LaterTurns(self)

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every word of the speakers' names, read once per session (the question rules ask
        for them at each sentence of a moderator's turn after each question; issue 19)."""
        return frozenset(w for p in self.people if p.name for w in p.name.split())


def _sentences(session: Session, memo: SessionMemo) -> tuple[tuple[Sentence, ...], ...]:
    spans_of = memo.sentence_spans  # the same split the tagger and glossary use
    out = []
    for turn in session.turns:
        # lines counted on from the previous sentence, not from the turn's start each time
        # (`line_at` per sentence is quadratic in a long caption turn)
        line, counted = turn.first_line, 0
        row = []
        for a, b in spans_of(turn.text):
            line += turn.text.count("\n", counted, a)
            counted = a
            row.append(Sentence(turn.index, turn.start + a, turn.start + b, line, turn.text[a:b], a))
        out.append(tuple(row))
    return tuple(out)


def _people_from_cast(session: Session, cast: Cast) -> list[Speaker | None]:
    by_label: dict[str, Person] = {}
    by_name: dict[str, Person] = {}
    by_line: dict[int, Person] = {}
    for p in cast.people:
        for label in p.labels:
            by_label[name_key(label)] = p
        if p.name:
            by_name[name_key(p.name)] = p
        for line in p.lines:
            by_line.setdefault(line, p)
    found: list[Speaker | None] = []
    for turn in session.turns:
        person = by_line.get(turn.line)  # the cast may re-attribute a mislabelled turn by its line
        if person is None and turn.label:
            person = by_label.get(name_key(turn.label))
        if person is None and turn.speaker:
            person = by_name.get(name_key(turn.speaker))
        found.append(
            None
            if person is None
            else Speaker(
                name=person.name,
                role=person.role or "unknown",
                affiliation=person.affiliation,
                mode=person.mode,
                stakeholder=person.stakeholder,
            )
        )
    return found


def _key(turn: Turn) -> str | None:
    return turn.speaker or turn.label


def _fallback_roles(session: Session) -> dict[str | None, str]:
    """Roles from labels and floor-giving behaviour, for when no cast is available."""
    cues: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    for turn in session.turns:
        key = _key(turn)
        if turn.kind != "speech" or key is None:
            continue
        turns[key] += 1
        if FLOOR_CUE.search(turn.text):
            cues[key] += 1
    roles: dict[str | None, str] = {}
    for key in turns:
        if _MODERATOR_LABEL.search(key):
            roles[key] = "moderator"
        elif _PARTICIPANT_LABEL.fullmatch(key.strip()) or (_PARTICIPANT_LABEL.search(key) and " " not in key.strip()):
            roles[key] = "participant"
        elif cues[key] >= 2 and cues[key] * 2 >= turns[key]:
            roles[key] = "moderator"
    if "moderator" not in roles.values():
        first = next((_key(t) for t in session.turns if t.kind == "speech" and _key(t)), None)
        if first is not None and cues[first]:
            roles[first] = "moderator"
    if "moderator" not in roles.values():
        chair = _hub_speaker(session, turns)
        if chair is not None:
            roles[chair] = "moderator"
    return roles


def _hub_speaker(session: Session, turns: Counter[str]) -> str | None:
    """The speaker the conversation keeps returning to: who opens the session, holds a third
    of its speech turns (at least four) and more than anyone else. Chairs hand the floor with
    words no cue list covers ("Next is Lucía", "Omar first", "Nomvula?"); the shape of a
    chaired session (every other turn is the chair's) does not depend on them."""
    total = sum(turns.values())
    if not total:
        return None
    (top, n), *rest = [*turns.most_common(2), ("", 0)]
    first = next((_key(t) for t in session.turns if t.kind == "speech" and _key(t)), None)
    if top == first and n >= 4 and n * 3 >= total and n > rest[0][1] and not _PARTICIPANT_LABEL.search(top):
        return top
    return None


def default_mentions(session: Session) -> list[Mention]:
    """Coalition and institution mentions found by resolve's matcher."""
    return find_mentions(session.text)


def _coalition_mentions(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """The coalition ("dc") mentions, in text order."""
    return tuple(sorted((m for m in mentions if m.kind == "dc"), key=lambda m: m.start))


def _self_affiliation(
    session: Session, sentences: Sequence[Sequence[Sentence]], mentions: Sequence[Mention], index: int
) -> str | None:
    """A coalition the speaker introduces themselves with ("I speak for the DC on …")."""
    turn = session.turns[index]
    for m in mentions:
        if turn.start <= m.start < turn.end:
            before = session.text[max(turn.start, m.start - 90) : m.start]
            before = re.split(r"[.?!]\s", before)[-1]
            if _SELF_INTRO.search(before) or re.search(r"\b(our|my)\s+$", before, re.I):
                return m.name
    return None


def build_context(
    session: Session,
    cast: Cast | None = None,
    mentions: Iterable[Mention] | None = None,
    memo: SessionMemo | None = None,
) -> AnalysisContext:
    """Sentences, speakers and coalition mentions of `session`.

    `cast` is resolve's `Cast` of the session (people with their labels, lines, role,
    affiliation, mode and stakeholder group); `mentions` are resolve's mentions over
    `session.text` (default: `find_mentions`); `memo` shares sentence splits with the
    tag stage when the caller gives the same one to both.
    """
    sentences = _sentences(session, memo or SessionMemo())
    found = _coalition_mentions(default_mentions(session) if mentions is None else mentions)
    from_cast = _people_from_cast(session, cast) if cast is not None else [None] * len(session.turns)
    roles = _fallback_roles(session)
    people: list[Speaker] = []
    affiliations: dict[str | None, str | None] = {}
    for turn, person in zip(session.turns, from_cast):
        if person is None:
            key = _key(turn)
            if key not in affiliations:
                affiliations[key] = None
            own = None if roles.get(key) == "moderator" else _self_affiliation(session, sentences, found, turn.index)
            if own and key is not None:
                affiliations[key] = affiliations[key] or own
            person = Speaker(
                name=turn.speaker, role=roles.get(key, "unknown"), affiliation=own if key is None else None
            )
        people.append(person)
    # a speaker's self-introduced coalition holds for all their turns
    people = [
        p if p.affiliation or not _key(t) else Speaker(p.name, p.role, affiliations.get(_key(t)), p.mode, p.stakeholder)
        for p, t in zip(people, session.turns)
    ]
    return AnalysisContext(session=session, people=tuple(people), sentences=sentences, mentions=found)

"""The records the evidence readers share: one person's `Draft`, an `Evidence` quote, the `SessionView`.

Why a module of its own: the chair reader (`chairs`), the hand-off reader (`handoffs`) and the
decision (`roles`) all write to the same draft and read the same sentences, paragraphs and
mentions of the session, computed once; keeping those records apart from the rules that fill
them lets each reader import them without importing the others.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from forumlens.models import Session, Turn
from forumlens.resolve import cues, orgs
from forumlens.resolve.mentions import Mention
from forumlens.resolve.orgnames import MentionsByStart
from forumlens.resolve.people import LabelGroup, name_forms
from forumlens.resolve.text import paragraph_spans, sentence_spans
from forumlens.text.accents import ascii_fold

AFFILIATING_KINDS = ("dc", "igf-body", "un-body", "nri", "igo")


KIND_RANK = {k: i for i, k in enumerate(AFFILIATING_KINDS)}


# the IGF as a whole and its families of bodies: nobody's own body
GENERAL_BODIES = frozenset({"igf", "igf-dcs", "nri-network", "bpf", "pn"})


_WE = re.compile(r"\b(?:we|our|us|my|I)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    line: int
    quote: str
    kind: str  # hand-off | introduction | self-introduction | name-card | own-words | registry | mode | moderator

    def to_json(self) -> dict[str, object]:
        return {"line": self.line, "quote": self.quote, "kind": self.kind}


@dataclass
class Draft:
    """What the session says about one person, before decisions are made."""

    group: LabelGroup
    forms: list[str]
    aliases: list[str] = field(default_factory=list)
    affiliations: dict[str, list[tuple[float, Evidence]]] = field(default_factory=dict)
    online: float = 0.0
    onsite: float = 0.0
    mode_evidence: list[Evidence] = field(default_factory=list)
    named_in_handoff: bool = False
    from_floor: bool = False
    hand_raised: bool = False  # given the floor for a raised hand ("Marek has his hand up")
    role_word: str | None = None
    seen: set[int] = field(default_factory=set)  # name offsets whose mode cues were counted
    org_names: dict[str, str] = field(default_factory=dict)  # "org:…" key -> name as said
    independent: bool = False  # says they speak for no body ("an independent consultant")
    own_online: float = 0.0  # the part of `online` / `onsite` from the person's own words
    own_onsite: float = 0.0
    card_role: str | None = None  # contract role their name-card label gives (`cards`)
    card_mode: str | None = None  # mode their name-card label gives
    card_evidence: list[Evidence] = field(default_factory=list)  # the card that gave the role
    card_mode_evidence: list[Evidence] = field(default_factory=list)  # the card that gave the mode
    slotted: bool = False  # named in a sentence announcing a programme slot ("our next speaker")
    before_floor: bool = False  # spoke before the chair opened the floor: on the panel
    hub_duty: bool = False  # runs a remote hub ("I moderate the remote hub here"): speaks for the hub
    # coalitions the person claims in their own words ("our coalition published …", "I am from the
    # DC on X"), whatever their affiliation: an APNIC engineer speaks for the coalition she is in
    claimed: dict[str, list[Evidence]] = field(default_factory=dict)

    def add(self, entity: str, strength: float, evidence: Evidence) -> None:
        self.affiliations.setdefault(entity, []).append((strength, evidence))

    def add_mode(
        self, online: float, onsite: float, evidence: Evidence, *, seen: int | None = None, own: bool = False
    ) -> None:
        """Count cues of where the person is (`online`, `onsite`: their weights) with the sentence
        that says it, so a mode is shown with the words it came from.

        `seen`: the name offset the cues were read at (the readers of one name skip an offset
        already counted, so a sentence read twice counts once); `own`: the person's own words,
        also counted apart (`own_online`, `own_onsite`), since they outweigh what others say."""
        if seen is not None:
            self.seen.add(seen)
        self.online += online
        self.onsite += onsite
        if own:
            self.own_online += online
            self.own_onsite += onsite
        self.mode_evidence.append(evidence)

    def add_org(self, org: orgs.Org, strength: float, evidence: Evidence) -> None:
        """An organisation tied to the person; a description ("the national broadcaster")
        counts half a point less than a name."""
        if org.mention is None:
            self.org_names.setdefault(org.key, org.name)
        self.add(org.key, strength - org.rank - (0 if org.proper else 0.5), evidence)


class SessionView:
    """Sentences, paragraphs, lines and mentions of one session, computed once."""

    def __init__(
        self, session: Session, mentions: Sequence[Mention], coalition_names: dict[str, str] | None = None
    ) -> None:
        from forumlens.resolve.text import LineIndex

        self.session = session
        # coalitions the registry does not know yet: their mentions' "org:" keys -> names as said
        self.coalition_names = dict(coalition_names or {})
        self.text = session.text
        self.lines = LineIndex(session.text)
        self.all_mentions = MentionsByStart(mentions)  # the mention at an offset by bisection (`org_at`)
        self.mentions = [m for m in mentions if m.kind in AFFILIATING_KINDS and m.entity_id not in GENERAL_BODIES]
        # mention positions by start, so `mentions_in` looks only at the span's own
        self._by_start = sorted(range(len(self.mentions)), key=lambda j: self.mentions[j].start)
        self._starts = [self.mentions[j].start for j in self._by_start]
        self.sentences = {t.index: sentence_spans(self.text, t.start, t.end) for t in session.turns}
        self.paragraphs = {t.index: paragraph_spans(self.text, t.start, t.end) for t in session.turns}
        # span starts and ends per turn (in order, never overlapping), so finding the span at an
        # offset is a bisection: a scan per name hit is quadratic on a long one-line turn
        self._sentence_starts = {k: [a for a, _ in spans] for k, spans in self.sentences.items()}
        self._sentence_ends = {k: [b for _, b in spans] for k, spans in self.sentences.items()}
        self._paragraph_starts = {k: [a for a, _ in spans] for k, spans in self.paragraphs.items()}
        self.speech = [t for t in session.turns if t.kind == "speech"]
        self.speech_pos = {t.index: k for k, t in enumerate(self.speech)}
        self.header_end = session.turns[0].start if session.turns else len(self.text)
        self.names: Sequence[LabelGroup] = ()
        self.gazetteer = orgs.load_gazetteer()
        self._name_starts: list[int] = []
        self._name_ends: list[int] = []
        self._name_groups: list[LabelGroup] = []
        self._speech_starts = [t.start for t in self.speech]

    def set_names(self, groups: Sequence[LabelGroup]) -> None:
        """Index every occurrence of every speaker's name once, for `next_other_name`."""
        self.names = groups
        self.gazetteer = orgs.load_gazetteer().with_people(f for g in groups if g.name for f in name_forms(g.name))
        hits = sorted(
            (h.start, h.end, k)
            for k, g in enumerate(groups)
            if g.name
            for h in cues.find_name_hits(self.text, 0, len(self.text), name_forms(g.name))
        )
        self._name_starts = [a for a, _, _ in hits]
        self._name_ends = [b for _, b, _ in hits]
        self._name_groups = [groups[k] for _, _, k in hits]

    def names_between(self, start: int, stop: int) -> list[tuple[int, int, LabelGroup]]:
        """Speakers' names in [start, stop), nearest last: (start, end, group)."""
        lo = bisect.bisect_left(self._name_starts, start)
        hi = bisect.bisect_left(self._name_starts, stop)
        return [
            (self._name_starts[k], self._name_ends[k], self._name_groups[k])
            for k in range(hi - 1, lo - 1, -1)
            if self._name_ends[k] <= stop
        ]

    def next_other_name(self, start: int, stop: int, group: LabelGroup) -> int:
        """Offset of the first name of someone other than `group` in [start, stop), else stop."""
        k = bisect.bisect_left(self._name_starts, start)
        while k < len(self._name_starts) and self._name_starts[k] < stop:
            if self._name_groups[k] is not group:
                return self._name_starts[k]
            k += 1
        return stop

    def speech_turn_at(self, offset: int) -> Turn | None:
        """The speech turn containing a character offset."""
        k = bisect.bisect_right(self._speech_starts, offset) - 1
        if k >= 0 and offset < self.speech[k].end:
            return self.speech[k]
        return None

    def lines_start(self, line: int) -> int:
        """Offset where a 1-based line starts."""
        return self.lines.start(line)

    def evidence(self, start: int, end: int, kind: str) -> Evidence:
        return Evidence(self.lines.line(start), self.text[start:end], kind)

    def sentence_at(self, turn: int, offset: int) -> tuple[int, int]:
        """The sentence of a turn holding `offset` (a one-character span when none does)."""
        return span_at(self.sentences[turn], self._sentence_starts[turn], offset)

    def paragraph_at(self, turn: int, offset: int) -> tuple[int, int]:
        """The paragraph of a turn holding `offset` (a one-character span when none does)."""
        return span_at(self.paragraphs[turn], self._paragraph_starts[turn], offset)

    def sentence_after(self, turn: int, offset: int) -> tuple[int, int] | None:
        """The first sentence of a turn starting at or after `offset`, if any."""
        k = bisect.bisect_left(self._sentence_starts[turn], offset)
        return self.sentences[turn][k] if k < len(self.sentences[turn]) else None

    def sentence_before(self, turn: int, offset: int) -> tuple[int, int] | None:
        """The last sentence of a turn ending at or before `offset`, if any."""
        k = bisect.bisect_right(self._sentence_ends[turn], offset)
        return self.sentences[turn][k - 1] if k else None

    def tied(self, found: Sequence[orgs.Org]) -> list[orgs.Org]:
        """Organisations that can be an affiliation: not "civil society", "the IGF" or "the DCs"."""
        return [
            o
            for o in found
            if o.mention is None or (o.mention.kind in AFFILIATING_KINDS and o.mention.entity_id not in GENERAL_BODIES)
        ]

    def mentions_in(self, start: int, end: int, kinds: tuple[str, ...] = AFFILIATING_KINDS) -> list[Mention]:
        # a mention ending by `end` starts by `end`: the ones starting in [start, end], in list order
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_right(self._starts, end)
        inside = (self.mentions[j] for j in sorted(self._by_start[lo:hi]))
        return [m for m in inside if m.end <= end and m.kind in kinds]


def span_at(spans: Sequence[tuple[int, int]], starts: Sequence[int], offset: int) -> tuple[int, int]:
    """The span holding `offset` among spans in order that never overlap (`starts` their starts)."""
    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and offset < spans[k][1]:
        return spans[k]
    return offset, offset + 1


def turn_of(view: SessionView, m: Mention) -> int:
    return next(t.index for t in view.session.turns if t.start <= m.start < t.end)


@lru_cache(maxsize=8192)
def fold_name(name: str) -> str:
    """Case- and accent-free form of a name, to compare name forms (remembered: every
    speaker's introductions fold every other speaker's names)."""
    return " ".join(ascii_fold(name).casefold().split())

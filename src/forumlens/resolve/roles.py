"""Evidence for each person's affiliation, mode and role, weighed by how direct it is.

Weights (why): a chair's hand-off that names the person and the body in one sentence
(4) and a self-introduction (3) are direct; an organisation the words tie to the person
("N from X", "I work for X": `orgs`) is more direct still than one that only stands in the
same sentence (hand-off 4.2, self-introduction 3.3, introduction elsewhere 3.2; half a
point less for a description such as "the national broadcaster"); an introduction elsewhere ("from UN DESA,
Wai Min Kwok") is too (3); the same paragraph of a hand-off (2.5) is likely; "our
coalition" in one's own words (2) and the last coalition a chair invited before an
unnamed hand-off (1.5) are circumstantial; merely mentioning a coalition (1) is weak;
a public office-holder table (0.5) only fills a gap the session leaves open. A body on the
speaker's name-card label (4.5, `cards`) is first-hand: it outranks all of these, and only a
body the person introduces themselves with overrules it (`best_affiliation`). In an
unpunctuated caption a "sentence" longer than `_RUN_ON` characters is a whole turn, so a body in
the same one counts as in the same paragraph (2.5), below the speaker's own introduction.

Roles from the floor (why): once a chair has opened the floor ("let us open the floor", "do we
have questions from online?"), a named speaker first heard after it whom nobody introduced as a
panelist (with a body, or in a slot such as "our last speaker") is a voice from the floor, even
when called by name; one who spoke before it was on the panel (`floor_opened`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from forumlens.models import Session, Turn
from forumlens.resolve import cards, cues, modes, orgs, titles, voice
from forumlens.resolve.cuefilter import SharedCue
from forumlens.resolve.mentions import Mention
from forumlens.resolve.people import LabelGroup, name_forms, same_person
from forumlens.resolve.readout import quoted_spans
from forumlens.resolve.registry import Registry
from forumlens.resolve.text import paragraph_spans, sentence_spans
from forumlens.transcript.speakers import card_like, sentence_word

__all__ = [
    "AFFILIATING_KINDS",
    "GENERAL_BODIES",
    "Draft",
    "Evidence",
    "SessionView",
    "collect_evidence",
    "find_moderators",
    "is_moderator",
    "shows_body",
]

AFFILIATING_KINDS = ("dc", "igf-body", "un-body", "nri", "igo")
_KIND_RANK = {k: i for i, k in enumerate(AFFILIATING_KINDS)}
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
        self.all_mentions = list(mentions)
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
        return _span_at(self.sentences[turn], self._sentence_starts[turn], offset)

    def paragraph_at(self, turn: int, offset: int) -> tuple[int, int]:
        """The paragraph of a turn holding `offset` (a one-character span when none does)."""
        return _span_at(self.paragraphs[turn], self._paragraph_starts[turn], offset)

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


# The cues asked of every sentence, each behind its literal prefilter (`text.fastre`): the
# pattern's own answers, and on a long turn most sentences skip most patterns.
_MODERATOR_SELF = SharedCue(cues.MODERATOR_SELF)
_MODERATOR_OTHER = SharedCue(cues.MODERATOR_OTHER)
_INVITE = SharedCue(cues.INVITE)


_VOCATIVE = re.compile(r"[\s,]*[?,!]")
# "My co-moderator is …", "our online moderator joins …": the chair presenting their co-moderator
# (not "The remote moderator tells me we have a remote participant").
_INTRODUCING = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _called_next(
    view: SessionView, groups: Sequence[LabelGroup], owner: LabelGroup | None, a: int, b: int
) -> list[str]:
    """The speaker a sentence opens by calling ("Chileshe, over to you"), if one does."""
    head = view.text[a:b].lstrip()
    start = a + (len(view.text[a:b]) - len(head))
    return [
        g.name
        for g in groups
        if g.name
        and g is not owner
        and any(
            head.startswith(form) and _VOCATIVE.match(view.text, start + len(form)) is not None
            for form in name_forms(g.name)
        )
    ][:1]


def find_moderators(view: SessionView, groups: Sequence[LabelGroup]) -> set[str]:
    """Names of moderators: called so by others, saying so themselves, or chairing by numbers."""
    turn_owner = {i: g for g in groups for i in g.turns}
    found: set[str] = set()
    claimed: set[str] = set()  # said so in their own words
    invites: dict[str, int] = {}
    for turn in view.speech:
        owner = turn_owner.get(turn.index)
        sentences = view.sentences[turn.index]
        for k, (a, b) in enumerate(sentences):
            sentence = view.text[a:b]
            if owner and owner.name and _MODERATOR_SELF.search(sentence):
                found.add(owner.name)
                claimed.add(owner.name)
            for cue in _MODERATOR_OTHER.finditer(view.text, a, b):
                named = False
                for g in groups:
                    if (
                        g.name
                        and g is not owner
                        and any(
                            cues.moderator_named(view.text, cue.start(), cue.end(), h.start, h.end)
                            for h in cues.find_name_hits(view.text, a, b, name_forms(g.name))
                        )
                    ):
                        found.add(g.name)
                        named = True
                if (
                    not named
                    and k + 1 < len(sentences)
                    and not view.names_between(a, b)
                    and _INTRODUCING.search(view.text, max(a, cue.start() - 16), cue.start()) is not None
                ):
                    # "My co-moderator is joining from Lusaka.  Chileshe, over to you": the next
                    # sentence calls the one the cue was about
                    found.update(_called_next(view, groups, owner, *sentences[k + 1]))
            if owner and owner.name and _INVITE.search(sentence):
                invites[owner.name] = invites.get(owner.name, 0) + 1
            found.update(_remote_duty(view, groups, owner, a, b))
    handed = _hand_overs(view, turn_owner)
    for g in groups:
        card = next((r for r in map(cards.label_role, g.labels) if r), None)
        if card == "moderator" or any(cues.MODERATOR_LABEL.search(cards.role_words(lab)) for lab in g.labels):
            found.update([g.name] if g.name else g.labels)
        elif card is not None:
            # the card gives them another part ("Jo Li, rapporteur"): first-hand, so what others
            # say or how they chair does not make them the moderator; only their own words do
            if g.name and g.name not in claimed:
                found.discard(g.name)
        elif (
            g.name
            and len(g.turns) >= 0.25 * len(view.speech)
            and (invites.get(g.name, 0) >= 3 or handed.get(g.name, 0) >= 3)
        ):
            found.add(g.name)
    found.update(_co_holders(view, groups, turn_owner, found))
    found.update(_opener(view, turn_owner))
    return found


# Words that open a session: "We will start now, please take your seats", "Welcome to this workshop".
_OPENING = re.compile(
    r"\b(?:we (?:will|can|shall|are going to|should) (?:now )?(?:start|begin)|"
    r"let(?:'s|’s| us) (?:now )?(?:start|begin|get started)|"
    r"welcome (?:you )?(?:all |everybody |everyone )?to (?:this|the|our)\b)",
    re.IGNORECASE,
)


def _opener(view: SessionView, turn_owner: dict[int, LabelGroup]) -> list[str]:
    """The named speaker of the session's first words when those words open it: whoever starts
    the session and seats the room chairs it, even when another chair is introduced next."""
    if not view.speech:
        return []
    first = view.speech[0]
    owner = turn_owner.get(first.index)
    paras = view.paragraphs[first.index]
    a, b = paras[0] if paras else (first.start, first.end)
    if owner is None or not owner.name or not _OPENING.search(view.text, a, b):
        return []
    return [owner.name]


# "I am one of the co-facilitators of the BPF, together with Tomasz who is online": the name
# joined to the speaker's own claim to the chair holds it with them.
_TOGETHER_WITH = re.compile(r"\b(?:together|jointly|along)\s+with\s+(?:my\s+(?:colleague|friend)\s+)?$", re.IGNORECASE)


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|we're|we’re)\b")


def _co_holders(
    view: SessionView, groups: Sequence[LabelGroup], turn_owner: dict[int, LabelGroup], moderators: set[str]
) -> set[str]:
    """Speakers a moderator names right after "together with" in a sentence where they speak of
    moderating or facilitating in the first person: they share the part."""
    found: set[str] = set()
    for turn in view.speech:
        owner = turn_owner.get(turn.index)
        if owner is None or owner.name not in moderators:
            continue
        for a, b in view.sentences[turn.index]:
            if not _MODERATOR_OTHER.search(view.text, a, b) or not _FIRST_PERSON.search(view.text, a, b):
                continue
            for g in groups:
                if g is owner or not g.name:
                    continue
                for h in cues.find_name_hits(view.text, a, b, name_forms(g.name)):
                    if _TOGETHER_WITH.search(view.text, max(a, h.start - 40), h.start):
                        found.add(g.name)
    return found


# A chair's words for whoever runs the online side: "…, who takes care of the remote participation".
_REMOTE_DUTY = SharedCue(
    re.compile(
        r"\b(?:takes?|taking|will take) care of (?:the )?(?:remote|online) (?:participation|participants|questions)|"
        r"\bhelp(?:s|ing)?\s+(?:me|us)\s+with\s+the\s+(?:online|remote)\s+(?:side|part|participation|questions)|"
        r"\b(?:monitor|follow|watch|moderat|manag|handl)\w*\s+(?:the\s+)?(?:chat|zoom|online questions|remote questions|"
        r"online participants|remote participants|remote participation|online participation)\b",
        re.IGNORECASE,
    )
)


def _remote_duty(view: SessionView, groups: Sequence[LabelGroup], owner: LabelGroup | None, a: int, b: int) -> set[str]:
    """People another speaker says run the online side, in the words after their name."""
    if not _REMOTE_DUTY.search(view.text, a, b):
        return set()
    named = sorted(
        (h.start, h.end, g)
        for g in groups
        if g.name and g is not owner
        for h in cues.find_name_hits(view.text, a, b, name_forms(g.name))
    )
    found = set()
    for k, (_, end, group) in enumerate(named):
        stop = named[k + 1][0] if k + 1 < len(named) else b
        if _REMOTE_DUTY.search(view.text, end, stop) and group.name:
            found.add(group.name)
    return found


def _hand_overs(view: SessionView, turn_owner: dict[int, LabelGroup]) -> dict[str, int]:
    """How often each speaker ends a turn by naming the next speaker ("Thank you. Hamid?"):
    chairing by handing the floor, even when nobody calls them the chair."""
    counts: dict[str, int] = {}
    for turn, after in zip(view.speech, view.speech[1:]):
        owner, nxt = turn_owner.get(turn.index), turn_owner.get(after.index)
        if not owner or not owner.name or not nxt or nxt is owner or not nxt.name:
            continue
        paras = view.paragraphs[turn.index]
        a, b = paras[-1] if paras else (turn.start, turn.end)
        if any(
            _not_thanks(view, turn.index, h.start, h.end)
            for h in cues.find_name_hits(view.text, a, b, name_forms(nxt.name))
        ):
            counts[owner.name] = counts.get(owner.name, 0) + 1
    return counts


def is_moderator(group: LabelGroup, moderators: set[str]) -> bool:
    """By name, or by a role label when the captions name nobody (">>CHAIRMAN:", ">> REMOTE MODERATOR:")."""
    return (group.name is not None and group.name in moderators) or any(lab in moderators for lab in group.labels)


def _window(view: SessionView, turn_index: int, owner: dict[int, LabelGroup], moderators: set[str]) -> list[int]:
    """Moderator speech turns right before a turn, back to the previous other speaker."""
    pos = view.speech_pos[turn_index]
    window = []
    for t in reversed(view.speech[:pos]):
        g = owner.get(t.index)
        if g is None or not is_moderator(g, moderators):
            break
        window.append(t.index)
    return list(reversed(window))


_VOCATIVE_QUESTION = re.compile(
    r"\s*,\s*(?:is there\s+|do we have\s+|are there\s+)?(?:any|anybody|anyone|anything|someone|somebody)\b[^.!]*\?|"
    # "Wiebke, there is one participant online with a comment": telling them about somebody else
    r"\s*,\s*(?:there\s+(?:is|are)|we\s+have|I\s+have|somebody|someone)\b",
    re.IGNORECASE,
)
_QUESTION_NOT_YOU = re.compile(r"(?:(?!\byou\b)[^.!?])*\?", re.IGNORECASE)
_THANKS_BEFORE = re.compile(
    r"(?:thank you|thanks|thank you very much|thank you so much)[\s,.!]*(?:again[\s,]*)?$", re.IGNORECASE
)
# Where the words about one person stop; ", and online we have …" turns to other people, and so
# does "… and then online we have …" in an unpunctuated caption.
_CLAUSE_BREAK = re.compile(
    r",\s+(?-i:I|we|but|and I|not|so)\b|;|\s‑‑|\s--|,\s+and\s+(?=(?:online|on[\s‑-]?site|remotely|in the room|here)\b)|"
    r"\s+and\s+(?:(?:then|now|next|also)\s+)?(?=(?:online|on[\s‑-]?site|remotely|in the room|here)\s+"
    r"(?:we|there|is|are|joins?|joining)\b)|"
    # "…thank you to the Doctor, and another remote participant from Dhaka says …": others
    r",\s+and\s+(?:another|other|others|the others|some|someone|somebody|one more)\b",
    re.IGNORECASE,
)


def _not_thanks(view: SessionView, turn: int, hit_start: int, hit_end: int | None = None) -> bool:
    """False for "Thank you, Chris": thanking the last speaker is not handing the floor.
    "Thank you.  Chris?" is: a name asked as a question hands the floor."""
    if hit_end is not None and _ASKED.match(view.text, hit_end):
        return True
    thanks = _THANKS_BEFORE.search(view.text, max(0, hit_start - 30), hit_start)
    if thanks is None:
        return True
    # "Thank you.  Henrik, from the government side?": the thanks ended its sentence and the
    # name opens a question of its own, which gives the floor
    closed = re.search(r"[.!]\s*$", thanks.group()) is not None
    return closed and hit_end is not None and _NAME_QUESTION.match(view.text, hit_end) is not None


_NAME_QUESTION = re.compile(r",[^.!?\n]{0,60}\?")


_ASKED = re.compile(r"\s*(?:,\s*please\s*)?\?")


def _span_at(spans: Sequence[tuple[int, int]], starts: Sequence[int], offset: int) -> tuple[int, int]:
    """The span holding `offset` among spans in order that never overlap (`starts` their starts)."""
    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and offset < spans[k][1]:
        return spans[k]
    return offset, offset + 1


_HUB_LABEL = re.compile(r"\bhub\b", re.IGNORECASE)


def _about_other(view: SessionView, turn: int, words: str) -> tuple[int, int]:
    """`modes.about_other` of words said in `turn`, placed on the speaker's side: a remote hub's
    "here", "in the room" and "with us" ("we are fourteen people in the room.  We have with us
    Anush …", "who drove here this morning") are the hub's room, so the people it names are
    online like the hub itself."""
    online, onsite = modes.about_other(words)
    if _HUB_LABEL.search(view.session.turns[turn].label or ""):
        return online + onsite, 0
    return online, onsite


def _mode_after(view: SessionView, draft: Draft, turn: int, start: int, end: int, weight: float) -> None:
    """Mode cues in the words after a name ("Yasmin is in the Zoom room"), up to the next person's name."""
    _, s_end = view.sentence_at(turn, start)
    limit = min(s_end, end + 160)  # past a long title: "…, Minister of …, who is with us in the hall"
    stop = view.next_other_name(end, limit, draft.group)
    tail = view.text[end:stop]
    if stop < limit and _NEXT_IN_LIST.match(tail):
        return  # "Ana, and with me on stage Ben": the words lead to the next name, they are Ben's
    clause = _CLAUSE_BREAK.search(tail)
    tail = tail[: clause.start()] if clause else tail
    tail = tail.split(":", 1)[0]  # "for Dr. Mansour: is the course available online?" says what is asked
    if _VOCATIVE_QUESTION.match(tail) or (tail.lstrip().startswith(",") and _QUESTION_NOT_YOU.match(tail)):
        return  # "Kai, anybody online?", "Rosa, what about online abuse?": a question to them, not where they are
    online, onsite = _about_other(view, turn, tail)
    a, b = view.sentence_at(turn, start)
    if not (online or onsite) and stop >= limit:
        # "Mr. Ossandón will speak in Spanish.  He is … and he travelled from Santiago for this
        # panel.": the next sentence goes on about the same person when it opens with he or she
        # and names nobody else
        nxt = view.sentence_after(turn, b)
        if (
            nxt is not None
            and _GOES_ON.match(view.text, nxt[0])
            and view.next_other_name(nxt[0], nxt[1], draft.group) >= nxt[1]
        ):
            online, onsite = _about_other(view, turn, view.text[nxt[0] : nxt[1]])
            a, b = nxt
    if (online or onsite) and end not in draft.seen:
        draft.seen.add(end)
        draft.online += weight * online
        draft.onsite += weight * onsite
        draft.mode_evidence.append(view.evidence(a, b, "mode"))


# The next sentence goes on about the person: "He …", "She …", or the chair's "We see you on the
# big screen" right after calling them.
_GOES_ON = re.compile(r"\s*(?:He|She)\b|\s*(?:We|I)\s+(?:can\s+)?(?:see|hear)\s+you\b")


_TITLE_BEFORE = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?"
_LIST_JOIN = re.compile(r"[\s,]*(?:and|&)?[\s,]*" + _TITLE_BEFORE)
# Between two names of a list of name cards read out, the first one's card: ", UNESCO, and ".
_CARD_JOIN = re.compile(r"\s*,\s*(?P<card>[^,.;:!?]{2,80}?)\s*,?\s*(?:and|&)?\s*" + _TITLE_BEFORE)


def _card_join(words: str) -> bool:
    """Whether the words between two names are only the first name's card and a list join
    ("Rohan Perera, UNESCO, and Henrik Saether"), or the first name's description closed by a
    list join ("Online we have Ana Ruiz, director of … at the Ministry of …, and Ben Ode"): the
    words before the list hold for both, unless the description says where the first one is."""
    m = _CARD_JOIN.fullmatch(words)
    if m is not None and card_like(m.group("card")):
        return True
    return _APPOSITION_JOIN.fullmatch(words) is not None and modes.about_other(words) == (0, 0)


def _described_join(words: str) -> bool:
    """Whether the words between two names of a list are the first one's body and a list join,
    perhaps with the second one's title ("Sabitri from the Nepal IGF, and Deputada Rosimeire"):
    the words before the list hold for both, unless the body's words say where the first one is."""
    return _DESCRIBED_JOIN.fullmatch(words) is not None and modes.about_other(words) == (0, 0)


# " from the Nepal IGF, and Deputada ": a short "from/of/at …" body, a list join, a title or none
_DESCRIBED_JOIN = re.compile(
    r"[ \u00a0]+(?:from|of|at|with)[ \u00a0]+[^.;:!?,()]{2,80}?,?[ \u00a0]*(?:and|&)[ \u00a0]+"
    r"(?:(?-i:[A-Z][a-zà-ÿ]+)\.?[ \u00a0]+)?"
)
# ", director of digital skills at the Ministry of Youth of Tunisia, and ": one description, then "and".
_APPOSITION_JOIN = re.compile(r"\s*,\s*[^.;:!?()]{2,160}?,\s*(?:and|&)\s+" + _TITLE_BEFORE, re.IGNORECASE)


_NEXT_IN_LIST = re.compile(r"[\s,]*(?:and|&)\b", re.IGNORECASE)


def _mode_before(view: SessionView, draft: Draft, turn: int, start: int, end: int | None = None) -> None:
    """Mode cues in the chair's words before a name, back to the previous name or the sentence
    start: "Online we have Ana", "here in the room with me is Ana", "joining from Lima, Ana".
    In a list ("Online we have Ana and Ben") the words before the first name hold for all.
    A name that opens a clause of its own after "and" ("we are fifteen here in the room, and
    Mathieu tells me …") takes nothing from the clause before it: `end` is where the name ends."""
    if -start - 1 in draft.seen:
        return
    if (
        end is not None
        and _AND_BEFORE.search(view.text, max(0, start - 12), start)
        and _SUBJECT_VERB.match(view.text, end)
    ):
        return
    if _ADDRESSED_BEFORE.search(view.text, max(0, start - 120), start):
        return  # "they are joining from a youth centre, and they have a question for Baraka": asked, not placed
    a, _ = view.sentence_at(turn, start)
    end = start
    window_start = a
    for prev_start, prev_end, group in view.names_between(a, start):
        if group is draft.group:
            continue
        if (
            _LIST_JOIN.fullmatch(view.text, prev_end, end)
            or _card_join(view.text[prev_end:end])
            or _described_join(view.text[prev_end:end])
        ):
            end = prev_start
            continue
        window_start = prev_end
        break
    words = view.text[window_start:end]
    if window_start == a and _card_sentence(view, turn, a, start):
        words = _card_list_head(view, turn, a)
    elif window_start != a and _GOES_ON_ABOUT.match(words) and (cut := _COMMA_AND.search(words)):
        # "Fatimata with us on Zoom from Ouagadougou, and a colleague from the Ministry, Ato
        # Yohannes": the words right after a name are that name's, up to the ", and" of the next
        # (a run-on caption without commas keeps them: "… in Zambia then next to her Valentina")
        words = words[cut.end() :]
    clause = list(_CLAUSE_BREAK.finditer(words))
    if clause:
        words = words[clause[-1].end() :]
    if _EXCEPT_BEFORE.search(words):
        return  # "all our speakers are here with us, except Dr. Brun": the words say where she is not
    online, onsite = _about_other(view, turn, words)
    if online or onsite:
        draft.seen.add(-start - 1)
        draft.online += 2 * online
        draft.onsite += 2 * onsite
        draft.mode_evidence.append(view.evidence(*view.sentence_at(turn, start), "mode"))


# Words going straight on about the name before them (no comma, no "and"): "… with us on Zoom".
_GOES_ON_ABOUT = re.compile(r"[ \u00a0]+(?!and\b|or\b)(?-i:[a-z])")
_COMMA_AND = re.compile(r",[ \u00a0]*(?:and|&)[ \u00a0]+")
# A name a question or comment is put to: the words before it are where the asker is.
_ADDRESSED_BEFORE = re.compile(
    r"\b(?:questions?|comments?|message)\b[^.?!;]{0,80}?\b(?:for|to)[ \u00a0]+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?[ \u00a0]+)?$",
    re.IGNORECASE,
)
_AND_BEFORE = re.compile(r"(?:,[ \u00a0]*|[ \u00a0])and[ \u00a0]+$")
# A verb right after a name: the name is the subject of its own clause ("Mathieu tells me …").
_SUBJECT_VERB = re.compile(
    r"[ \u00a0]+(?:(?:also|now|just|then|still)[ \u00a0]+)?(?:is|was|has|had|will|would|can|could|says|said|"
    r"(?-i:[a-z]+(?<!s)s))\b"
)
_EXCEPT_BEFORE = re.compile(
    r"\b(?:except|apart from|but not)\s+(?:for\s+)?(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Ambassador)\.?\s+)?$",
    re.IGNORECASE,
)
_CARD_SENTENCE = re.compile(r"\s*(?:and\s+)?(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?", re.IGNORECASE)


def _card_sentence(view: SessionView, turn: int, a: int, name_start: int) -> bool:
    """Whether the sentence starting at `a` is one read-out name card: only a name (its first
    name hit starts at `name_start`) and the card after it ("Maria Gonzaga, Philippine Rural
    Telecom Cooperative Federation.")."""
    if not _CARD_SENTENCE.fullmatch(view.text, a, name_start):
        return False
    _, b = view.sentence_at(turn, a)
    name_end = next((end for start, end, _ in view.names_between(a, b) if start == name_start), None)
    if name_end is None:
        return False
    rest = view.text[name_end:b].strip().rstrip(".").lstrip(",").strip()
    return not rest or card_like(rest)


def _card_list_head(view: SessionView, turn: int, a: int) -> str:
    """The chair's words before a list of name cards read one per sentence ("Here on the table
    we have: Hiroshi Watanabe, Japan Community Network Association.  Maria Gonzaga, …."): the
    words before the colon that opens the list hold for every card of it, as they hold for
    every name of a list inside one sentence. Empty when the sentences before are not such a list."""
    spans = [span for span in view.sentences[turn] if span[1] <= a]
    for s_a, s_b in reversed(spans[-8:]):
        hits = view.names_between(s_a, s_b)
        if not hits:
            return ""
        first_start, _, _ = hits[-1]  # nearest last: the sentence's first name is the last hit
        head = view.text[s_a:first_start]
        if head.rstrip().endswith(":"):
            return head
        if not _card_sentence(view, turn, s_a, first_start):
            return ""
    return ""


def _handoff(
    view: SessionView,
    draft: Draft,
    turn_index: int,
    first: bool,
    owner: dict[int, LabelGroup],
    moderators: set[str],
    known: Sequence[LabelGroup],
) -> None:
    window = _window(view, turn_index, owner, moderators)
    if not window:
        return
    text = view.text
    hits = (
        [
            (t, h)
            for t in window
            for h in cues.find_name_hits(text, view.session.turns[t].start, view.session.turns[t].end, draft.forms)
            if _not_thanks(view, t, h.start, h.end) and not _inside_other_name(text, h, draft.forms)
        ]
        if draft.forms
        else []
    )
    others = []
    for t in window:
        turn = view.session.turns[t]
        for name, a, b in cues.handoff_names(text, turn.start, turn.end):
            if draft.forms and any(same_person(name, f) for f in draft.forms):
                continue
            if any(g.name and same_person(name, g.name) for g in known if g.name in moderators):
                continue
            if any(m.start < b and a < m.end for m in view.all_mentions):
                continue  # "Dynamic Coalition on Gender, if you…": a body, not a person
            others.append((name, t, a, b))
    if not hits and first and len({o[0] for o in others}) == 1 and draft.group.name:
        name, t, a, b = others[0]
        if not any(g.name and same_person(name, g.name) for g in known):
            draft.aliases.append(name)  # a nickname: "turn to Titi" before CONCETTINA CASSA
            hits, others = [(t, cues.NameHit(a, b, name))], []
    if hits:
        draft.named_in_handoff = True
        best: tuple[float, Evidence, str] | None = None
        for t, hit in hits:
            s_a, s_b = view.sentence_at(t, hit.start)
            p_a, p_b = view.paragraph_at(t, hit.start)
            if first and cues.HAND_RAISE.search(text[s_a:s_b]):
                draft.from_floor = draft.hand_raised = True
            attached = view.tied(orgs.after_name(text, hit.end, s_b, view.all_mentions, view.gazetteer))
            if not attached:
                attached = _after_pronoun(view, hit.end, s_b)
            same = [m for m in view.mentions_in(s_a, s_b) if not _merely_mentioned(text, s_a, m)]
            near = (
                []
                if _stated_elsewhere(text, hit.end, s_b)
                else [
                    m
                    for m in view.mentions_in(p_a, p_b)
                    if cues.INVITE.search(text[slice(*view.sentence_at(t, m.start))])
                ]
            )
            if attached:
                attached.sort(key=lambda o: o.rank + (0 if o.proper else 0.5))
                for org in attached[1:]:
                    draft.add_org(org, 4.2, view.evidence(s_a, s_b, "hand-off"))
                org = attached[0]
                draft.org_names.setdefault(org.key, org.name)
                found = (4.2 - org.rank - (0 if org.proper else 0.5), view.evidence(s_a, s_b, "hand-off"), org.key)
            elif same:
                m = min(same, key=lambda m: abs(m.start - hit.start))
                # in an unpunctuated caption the "sentence" is the whole turn: a body named in it
                # is only as close to the name as one in the same paragraph
                strength = 4.0 if s_b - s_a <= _RUN_ON else 2.5
                found = (strength, view.evidence(s_a, s_b, "hand-off"), m.entity_id)
            elif near:
                m = min(near, key=lambda m: (m.start > hit.start, abs(m.start - hit.start)))
                found = (2.5, view.evidence(*view.sentence_at(t, m.start), "hand-off"), m.entity_id)
            else:
                found = None
            if found and (best is None or found[0] >= best[0]):
                best = found
            _mode_after(view, draft, t, hit.start, hit.end, 2)
        if first and draft.from_floor and draft.online == draft.onsite == 0:
            # "One more here, with the colleague from the Foundation": a voice from the floor
            # described in the hand-off is still placed by the chair's pointing
            last_turn = view.session.turns[window[-1]]
            if view.paragraphs[last_turn.index]:
                _floor_mode(view, draft, last_turn.index, view.paragraphs[last_turn.index][-1])
        if best:
            draft.add(best[2], best[0], best[1])
            return
        if not first or any(_stated_elsewhere(text, hit.end, view.sentence_at(t, hit.start)[1]) for t, hit in hits):
            return  # "Tomasz from the Secretariat": said, though not resolved; no coalition guessed
    elif others:
        return  # the chair handed the floor to somebody else
    dcs = [m for t in window for m in view.mentions_in(view.session.turns[t].start, view.session.turns[t].end, ("dc",))]
    last_turn = view.session.turns[window[-1]]
    last_para = view.paragraphs[last_turn.index][-1] if view.paragraphs[last_turn.index] else (0, 0)
    hand = cues.HAND_RAISE.search(text, last_para[0], last_para[1])
    # "Online speakers, please raise your hand …  Our first online speaker is in Uzbekistan.": a
    # programme slot announced after the call for hands is what this voice was given
    if first and hand and not cues.SPEAKER_SLOT.search(text, hand.end(), last_para[1]):
        draft.from_floor = True  # how they first got the floor; a later "question from" is someone else
    elif first and draft.group.name and cues.SPEAKER_SLOT.search(text, last_para[0], last_para[1]):
        draft.named_in_handoff = True  # "The first speaker comes from the technical community."
    if dcs:
        after_last = text[dcs[-1].end : last_turn.end]
        if cues.ABSENT.search(after_last):
            dcs = []  # "Is there anyone from X? No?": X was invited and did not answer
    if dcs and first:
        invited = [m for m in dcs if cues.INVITE.search(text[slice(*view.sentence_at(_turn_of(view, m), m.start))])]
        m = (invited or dcs)[-1]
        a, b = view.sentence_at(_turn_of(view, m), m.start)
        draft.add(m.entity_id, 1.5, view.evidence(a, b, "hand-off"))
    if not hits:
        for a, b in view.sentences[last_turn.index]:
            # said to the next speaker ("can you hear us?"), not "says thank you to the Doctor"
            if a >= last_para[0] and _TO_YOU.search(text, a, b):
                online, onsite = _about_other(view, last_turn.index, text[a:b])
                if online or onsite:
                    draft.online += online
                    draft.onsite += onsite
                    draft.mode_evidence.append(view.evidence(a, b, "mode"))
        if first and (draft.group.name is None or draft.from_floor):
            _floor_mode(view, draft, last_turn.index, last_para)


_TO_YOU = re.compile(r"(?<!thank )(?<!thanks to )\byou\b", re.IGNORECASE)
_PRONOUN = re.compile(
    r"\b(?:she|he)\b(?=\s+(?:(?:also|now|today|here)\s+)?(?:is|was|speaks|works|comes|represents|joins|"
    r"teaches|lectures|leads|runs|heads|directs|manages|coordinates|chairs)\b)"
)


def _after_pronoun(view: SessionView, name_end: int, stop: int) -> list[orgs.Org]:
    """A body tied to "she"/"he" later in the sentence that named the person, with no other name
    in between: "Maria worked with UNICEF, but today she speaks for the Association of …"."""
    pronoun = _PRONOUN.search(view.text, name_end, stop)
    if pronoun is None or view.names_between(name_end, pronoun.start()):
        return []
    return view.tied(orgs.after_name(view.text, pronoun.end(), stop, view.all_mentions, view.gazetteer))


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’\u2011.-]*)[ \u00a0]+$")


def _inside_other_name(text: str, hit: cues.NameHit, forms: Sequence[str]) -> bool:
    """A last name said as the end of another full name ("Mr. Chidi Okoro" is no hit for Amaka
    Okoro): the word before it is a capitalised given name that is not this person's, nor a title."""
    if not forms or _fold_name(hit.form) == _fold_name(forms[0]):
        return False
    before = _WORD_BEFORE.search(text, max(0, hit.start - 40), hit.start)
    if before is None:
        return False
    word = before.group(1)
    own = {_fold_name(w) for w in forms[0].split()}
    return (
        word[:1].isupper()
        and not word.endswith(".")
        and not titles.is_title_word(word)
        and _fold_name(word) not in own
        and not sentence_word(word)
    )


# A body named as the owner of a thing, not of a person: "the World Bank meeting", "an ITU report".
_OWNED_THING = re.compile(
    r"[ \u00a0]+(?:meeting|conference|summit|report|study|survey|grant|project|programme|program|event|"
    r"workshop|session|standards?|guidelines|framework|data|funding|fund|loan|deal|statement|declaration|"
    r"website|platform|app|campaign|initiative|policy|rules?|regulations?|award|prize|fellowship)s?\b"
)
# A relative clause about somebody else's act: "Kemi, who I met at …", "who we invited from …".
_OTHERS_ACT = re.compile(r"\bwho(?:m)?\s+(?:I|we|you|they)\b[^,.;:?!]*$", re.IGNORECASE)
# A body the person worked for before: "Maria worked for many years with UNICEF, but today …".
_FORMERLY = re.compile(
    r"\b(?:worked|used to work|previously|formerly|former|spent\s+\w+\s+years)\b[^,.;:?!]{0,40}?"
    r"\b(?:with|for|at|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _merely_mentioned(text: str, sentence_start: int, mention: Mention) -> bool:
    """A registry body in a chair's sentence that does not say whom the person works for: it
    owns a thing ("the World Bank meeting") or sits in a clause about what someone else did
    ("who I met at the ITU")."""
    if _OWNED_THING.match(text, mention.end):
        return True
    if _FORMERLY.search(text, max(sentence_start, mention.start - 80), mention.start):
        return True  # a former employer, not whom they speak for now
    return _OTHERS_ACT.search(text, sentence_start, mention.start) is not None


def _floor_mode(view: SessionView, draft: Draft, turn_index: int, para: tuple[int, int]) -> None:
    """Where an unnamed voice is, from how the chair gave the floor ("the lady at the back",
    "anybody online?"): the last sentences of the chair's last paragraph."""
    sentences = [(a, b) for a, b in view.sentences[turn_index] if a >= para[0]][-3:]
    hub = _HUB_LABEL.search(view.session.turns[turn_index].label or "") is not None
    for a, b in reversed(sentences):
        online, onsite = modes.floor_cues(view.text[a:b])
        if hub:  # "we are fourteen people in the room": the hub's room
            online, onsite = online + onsite, 0
        if online != onsite:
            draft.online += 1.5 * (online > onsite)
            draft.onsite += 1.5 * (onsite > online)
            draft.mode_evidence.append(view.evidence(a, b, "mode"))
            return


_STATED = re.compile(
    r"[\s,]*(?:who\s+(?:is|comes|works)\s+)?(?:comes?\s+)?(?:from|of|at|with)\s+(?:the\s+)?"
    r"(?:[A-Z]|private sector|civil society|technical community|academia|government)"
)


# Longer than this, a "sentence" is a run-on caption line, not one sentence (characters).
_RUN_ON = 300


def _stated_elsewhere(text: str, name_end: int, sentence_end: int) -> bool:
    """ "Ana Lima from the University of São Paulo": the chair gave an affiliation, and it is not
    one in the registry (a registry one would be in the same sentence), so the paragraph's
    other bodies are not hers."""
    return _STATED.match(text, name_end, sentence_end) is not None


def _turn_of(view: SessionView, m: Mention) -> int:
    return next(t.index for t in view.session.turns if t.start <= m.start < t.end)


def _own_words(view: SessionView, draft: Draft, turn_index: int, context: Sequence[int]) -> None:
    """Affiliations and mode from the speaker's own sentences.

    Only mentions the speaker speaks *for* count (see `voice`): a question to a
    coalition, a denial or a report of what it said is not membership. "Our
    coalition" with no name refers back to the coalition last named in this turn, the
    chair's hand-off (`context`) or the session title.
    """
    turn = view.session.turns[turn_index]
    text = view.text
    # a statement read out for someone else: its "I cannot be with you in Addis" is the author's
    read_out = quoted_spans(text, turn.start, turn.end)
    for a, b in view.sentences[turn_index]:
        sentence = text[a:b]
        if _INDEPENDENT.search(sentence):
            draft.independent = True
        if modes.HUB_DUTY.search(sentence):
            draft.hub_duty = True
        attached = view.tied(orgs.self_orgs(text, a, b, view.all_mentions, view.gazetteer, draft.forms))
        for org in attached:
            draft.add_org(org, 3.3, view.evidence(a, b, "self-introduction"))
        tied = {org.mention.start for org in attached if org.mention}
        here = [
            m
            for m in view.mentions_in(a, b)
            if (voice.speaks_for(text, a, b, m) and not _inside(m, attached)) or m.start in tied
        ]
        intro = cues.self_intro_at(sentence)
        if intro and here:
            after = [m for m in here if m.start >= a + intro[0]] or here
            for m in after:
                draft.add(m.entity_id, 3 + 0.1 * (m.kind == "dc"), view.evidence(a, b, "self-introduction"))
                if m.kind == "dc":
                    draft.claimed.setdefault(m.entity_id, []).append(view.evidence(a, b, "self-introduction"))
            draft.role_word = draft.role_word or intro[1]
        elif any(m.kind == "dc" for m in here):
            for m in here:
                if m.kind == "dc":
                    draft.add(m.entity_id, 2, view.evidence(a, b, "own-words"))
        elif voice.owns(sentence) or (intro and (voice.anaphor(sentence) or _COORDINATOR.search(sentence))):
            ante = _antecedent(view, turn.start, a, context)
            if ante is not None:
                kind = "self-introduction" if intro else "own-words"
                draft.add(ante.entity_id, 3 if intro else 2, view.evidence(a, b, kind))
                draft.claimed.setdefault(ante.entity_id, []).append(view.evidence(a, b, kind))
                if intro:
                    draft.role_word = draft.role_word or intro[1]
        if any(x <= a < y for x, y in read_out):
            continue
        online, onsite = cues.own_mode_cues(sentence)
        more_online, more_onsite = modes.own_cues(sentence, view.session.year)
        if online or onsite or more_online or more_onsite:
            draft.online += 1.5 * online + more_online
            draft.onsite += 1.5 * onsite + more_onsite
            draft.own_online += 1.5 * online + more_online
            draft.own_onsite += 1.5 * onsite + more_onsite
            draft.mode_evidence.append(view.evidence(a, b, "mode"))


# "I'm one of the two co-coordinators": a coordinator of nothing named coordinates the coalition
# the context names (`_antecedent`), as "one of the coordinators of the coalition" does.
_COORDINATOR = re.compile(
    r"\b(?:co-?)?(?:coordinator|convenor|convener)s?\b(?!\s+(?:of|at|for|in|with)\b)", re.IGNORECASE
)


# A speaker saying they speak for no body: their mentions of coalitions are opinions, not membership.
_INDEPENDENT = SharedCue(
    re.compile(
        r"\b(?:I(?:'m|’m| am)\s+(?:(?:just|only|here as|here)\s+)?(?:an?\s+)?independent\b|"
        r"in (?:my|a) (?:personal|own|individual) capacity|(?:I am|I'm|I’m) not affiliated|"
        r"I (?:do not|don't|don’t) represent (?:any|anybody|anyone)|"
        # "I am a lawyer, I work independently" (not "a freelance journalist": one writes for somebody)
        r"I\s+work\s+(?:independently|on my own|for myself))",
        re.IGNORECASE,
    )
)


def _drop_circumstantial(draft: Draft) -> None:
    """Of someone who said they are independent, keep only bodies they were introduced with or
    introduced themselves with; a coalition merely spoken of in their own words is not theirs."""
    if draft.independent:
        draft.affiliations = {k: v for k, v in draft.affiliations.items() if any(e.kind != "own-words" for _, e in v)}


def _inside(mention: Mention, attached: Sequence[orgs.Org]) -> bool:
    """A registry name inside a longer organisation's name ("Internet Society" in "Centre for
    Internet and Society") is part of that name, not a mention of the registry body."""
    return any(o.mention is None and o.start <= mention.start and mention.end <= o.end for o in attached)


def _antecedent(view: SessionView, turn_start: int, sentence_start: int, context: Sequence[int]) -> Mention | None:
    """The coalition "our coalition" means: named earlier in the turn, by the chair, or in the title."""
    earlier: Mention | None = voice.antecedent(view.mentions_in(turn_start, sentence_start, ("dc",)))
    if earlier is None and context:
        turns = view.session.turns
        earlier = voice.antecedent(view.mentions_in(turns[context[0]].start, turns[context[-1]].end, ("dc",)))
    return earlier or voice.antecedent(view.mentions_in(0, view.header_end, ("dc",)))


_SLOT_AFTER = re.compile(
    r"\s+(?:is|was|will be)\s+(?:also\s+)?(?:our|the|a)\s+(?:[\w-]+\s+)?(?:speaker|panell?ist|presenter|"
    r"discussant|respondent|keynote)\b",
    re.IGNORECASE,
)


def _slot_just_before(view: SessionView, turn: int, sentence_start: int) -> bool:
    """Whether the sentence right before, in the same paragraph, names a programme slot and
    nobody in it: "… because our last panelist works on exactly that.  Jun, over to you"."""
    before = view.sentence_before(turn, sentence_start)
    if before is None:
        return False
    a, b = before
    p_a, _ = view.paragraph_at(turn, sentence_start)
    return a >= p_a and bool(cues.SPEAKER_SLOT.search(view.text, a, b)) and not view.names_between(a, b)


def _introductions(view: SessionView, draft: Draft, own_turns: set[int], chair: bool = False) -> None:
    """Sentences of others that name this person: introductions and where they are."""
    # compared folded: a hit's form comes back without accents ("Ana Petrovic" for "Ana Petrović")
    full = {_fold_name(f) for f in draft.forms[:1] + draft.aliases}
    taken = {_fold_name(f) for g in view.names if g.name and g is not draft.group for f in name_forms(g.name)}
    unique = {_fold_name(f) for f in draft.forms[1:]} - taken
    for hit in cues.find_name_hits(view.text, 0, len(view.text), draft.forms + draft.aliases):
        turn = view.speech_turn_at(hit.start)
        if turn is None or turn.index in own_turns or not _not_thanks(view, turn.index, hit.start, hit.end):
            continue
        _mode_after(view, draft, turn.index, hit.start, hit.end, 2)
        _mode_before(view, draft, turn.index, hit.start, hit.end)
        if _SLOT_AFTER.match(view.text, hit.end):
            draft.named_in_handoff = True  # "Diego is our third speaker", said before or after
        s_a, s_b = view.sentence_at(turn.index, hit.start)
        if cues.SPEAKER_SLOT.search(view.text, s_a, s_b) or _slot_just_before(view, turn.index, s_a):
            draft.slotted = True  # "Our last speaker is joining online, Mei Lin Chua": on the programme
            _mode_of_slot(view, draft, turn.index, s_a, hit.start, chair)
        if _fold_name(hit.form) not in full:
            # a first or last name alone ("Ewa is from the Polish IGF"): only a body the words tie
            # to it, and only when no other speaker goes by the same word
            if _fold_name(hit.form) not in unique:
                continue
            found = view.tied(orgs.after_name(view.text, hit.end, s_b, view.all_mentions, view.gazetteer))
            found = found or _after_pronoun(view, hit.end, s_b)
            for org in found:
                draft.add_org(org, 3.2, view.evidence(s_a, s_b, "introduction"))
            continue
        for m in view.mentions_in(s_a, s_b):
            if cues.intro_adjacent(view.text, hit.start, hit.end, m):
                draft.add(m.entity_id, 3, view.evidence(s_a, s_b, "introduction"))
        found = orgs.after_name(view.text, hit.end, s_b, view.all_mentions, view.gazetteer)
        found = found or _after_pronoun(view, hit.end, s_b)
        before = orgs.before_name(view.text, s_a, hit.start, view.all_mentions, view.gazetteer)
        for org in view.tied([*found, *([before] if before else [])]):
            draft.add_org(org, 3.2, view.evidence(s_a, s_b, "introduction"))


# "He is Mr. …", "She is Dr. …": a sentence that names the slot the sentence before described.
_NAMES_THE_SLOT = re.compile(r"\s*(?:He|She)\s+is\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Ambassador)\.?\s+)?$")


def _mode_of_slot(
    view: SessionView, draft: Draft, turn: int, sentence_start: int, name_start: int, chair: bool = False
) -> None:
    """Where the programme slot is, said the sentence before the name ("Our first speaker came
    from Dakar yesterday evening.  He is Mr. …", "Our first speaker came by the night train …
    Marek, please."): those words are about the one the next sentence names, when it names them
    as "He is …" or opens with the name, and the slot sentence names nobody. A chair called by
    name after a slot ("… our third speaker is joining us remotely.  Tomasz?", the online
    moderator) is asked to bring the speaker in, not the speaker."""
    if -name_start - 2 in draft.seen:
        return
    called = not chair and not view.text[sentence_start:name_start].strip()
    if not called and not _NAMES_THE_SLOT.fullmatch(view.text, sentence_start, name_start):
        return
    before = view.sentence_before(turn, sentence_start)
    if before is None or not cues.SPEAKER_SLOT.search(view.text, *before) or view.names_between(*before):
        return
    online, onsite = _about_other(view, turn, view.text[before[0] : before[1]])
    if online or onsite:
        draft.seen.add(-name_start - 2)
        draft.online += 2 * online
        draft.onsite += 2 * onsite
        draft.mode_evidence.append(view.evidence(before[0], before[1], "mode"))


@lru_cache(maxsize=8192)
def _fold_name(name: str) -> str:
    """Case- and accent-free form of a name, to compare name forms (remembered: every
    speaker's introductions fold every other speaker's names)."""
    text = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def _office_holders(view: SessionView, draft: Draft, registry: Registry) -> None:
    year = view.session.year
    name = draft.group.name
    if not name or year is None or draft.affiliations:
        return
    for holder in registry.holders:
        if holder.start <= year <= holder.end and same_person(name, holder.name) and holder.body in registry.entities:
            first = view.session.turns[draft.group.turns[0]]
            a, b = view.sentences[first.index][0] if view.sentences[first.index] else (first.start, first.end)
            draft.add(holder.body, 0.5, view.evidence(a, b, "registry"))


def collect_evidence(
    view: SessionView,
    groups: Sequence[LabelGroup],
    moderators: set[str],
    registry: Registry,
    only: Sequence[LabelGroup] | None = None,
) -> list[Draft]:
    """One Draft per group (or per group in `only`) with all affiliation and mode evidence in the session."""
    owner = {i: g for g in groups for i in g.turns}
    if view.names is not groups:
        view.set_names(groups)
    drafts = []
    opened = floor_opened(view, owner, moderators)
    for group in groups:
        if only is not None and group not in only:
            continue
        draft = Draft(group, name_forms(group.name) if group.name else [])
        draft.org_names.update(view.coalition_names)  # "our coalition" may be an unregistered one
        # a caller on the phone bridge asks from the remote floor, like a voice at the room's microphone
        draft.from_floor = any(
            cues.AUDIENCE_LABEL.search(lab) or cues.PHONE_VOICE.fullmatch(lab.strip(" .:")) for lab in group.labels
        )
        for k, turn_index in enumerate(group.turns):
            if not is_moderator(group, moderators):
                _handoff(view, draft, turn_index, k == 0, owner, moderators, groups)
            context = _window(view, turn_index, owner, moderators) if k == 0 else []
            _own_words(view, draft, turn_index, context)
        _drop_circumstantial(draft)
        _name_card(view, draft, registry)  # "AUDIENCE MEMBER (online)" too
        if group.name:
            _introductions(view, draft, set(group.turns), chair=is_moderator(group, moderators))
            _office_holders(view, draft, registry)
        if opened is not None and not is_moderator(group, moderators):
            if _after_floor_opened(view, draft, opened):
                draft.from_floor = True
                if draft.online == draft.onsite == 0:
                    _window_floor_mode(view, draft, _window(view, group.turns[0], owner, moderators))
            elif draft.group.name and not draft.from_floor and view.session.turns[group.turns[0]].start < opened:
                draft.before_floor = True
        if not is_moderator(group, moderators) and group.name and draft.online == draft.onsite == 0:
            _pointed_at(view, draft, _window(view, group.turns[0], owner, moderators))
        drafts.append(draft)
    return drafts


def _window_floor_mode(view: SessionView, draft: Draft, window: Sequence[int]) -> None:
    """Where a voice from the floor is, from how the chairs gave it the floor, latest turn first
    ("Ahmed, anything from online?" … "Yes, Lina has a question. Lina, please.")."""
    for index in reversed(window):
        paragraphs = view.paragraphs[index]
        if paragraphs:
            _floor_mode(view, draft, index, paragraphs[-1])
        if draft.online or draft.onsite:
            return


def _pointed_at(view: SessionView, draft: Draft, window: Sequence[int]) -> None:
    """A named voice the chair points at in the room right before it speaks ("I'm coming with the
    microphone, the lady here in the front") is on site, whether or not the floor was opened in
    so many words. Only the room counts here: "anybody online?" before a panelist's answer is
    the chair's question to the chat, not where the panelist is."""
    evidence = len(draft.mode_evidence)
    _window_floor_mode(view, draft, window)
    if draft.online:
        draft.online = draft.onsite = 0.0
        del draft.mode_evidence[evidence:]


def _after_floor_opened(view: SessionView, draft: Draft, opened: int) -> bool:
    """A named speaker first heard after the chair opened the floor, whom nobody introduced as
    a panelist before the floor opened (with a body, or in a programme slot such as "our last
    speaker")."""
    first = view.session.turns[draft.group.turns[0]]
    if not draft.group.name or draft.from_floor or draft.slotted or first.start <= opened:
        return False
    # an introduction made after the floor opened introduces a voice from the floor ("we have a
    # remote participant, Hadiza, she is with …"), not a panelist
    opened_line = view.session.text.count("\n", 0, opened) + 1
    return not any(
        e.kind in ("hand-off", "introduction") and e.line <= first.line and e.line <= opened_line
        for items in draft.affiliations.values()
        for _, e in items
    )


# The chair giving the floor to the room or the chat, now: "let us open the floor", "we have some
# minutes for the floor", "do we have questions from online?", "now questions in the room".
_FLOOR_OPEN = SharedCue(
    re.compile(
        r"\b(?:open(?:ing)?\s+(?:up\s+)?the\s+floor|the\s+floor\s+is\s+(?:now\s+)?open|"
        r"(?:we\s+have|there\s+(?:is|are))\s+(?:still\s+)?(?:some|a\s+few|\w+)\s+(?:minutes|time)\s+for\s+"
        r"(?:the\s+floor|questions|your\s+questions|comments)|"
        r"(?:questions|hands|comments)\s+(?:from|in)\s+the\s+(?:room|floor|audience|chat)|"
        r"(?:do\s+we\s+have|are\s+there|is\s+there|we\s+have|any)\s+(?:any\s+)?(?:questions|hands|comments)|"
        r"now\s+(?:we\s+(?:have|take)\s+)?questions|take\s+(?:some\s+|a\s+few\s+)?questions|hands\s+up|"
        # the room's groups called to report back, the floor asked who speaks: "who wants to report?"
        # (not "who wants to start?", "who wants to react?": a chair asking the panel)
        r"who\s+wants\s+to\s+(?:report|comment|ask|take\s+the\s+floor)|"
        r"(?:now|over|take|go|turn|move)\s+(?:(?:we\s+)?(?:go\s+|turn\s+|move\s+)?to\s+)?the\s+(?:floor|room|audience))\b",
        re.IGNORECASE,
    )
)
# "after the panel we will open the floor", "if you have any questions": not now. The chair's
# own "I want to open the floor" or "Now I would like to open the floor" is now; "if you want" is not.
_NOT_NOW = re.compile(
    r"\b(?:will|'ll|’ll|going to|shall|later|after|afterwards|then|if|when|hope|plan)\b|"
    r"(?<!\bI )(?<!\bwe )\b(?:want|would like)\b",
    re.IGNORECASE,
)


def floor_opened(view: SessionView, owner: dict[int, LabelGroup], moderators: set[str]) -> int | None:
    """Offset where a moderator first opened the floor to questions (present tense), if ever.

    A named speaker first heard after it who was not introduced with a body is a voice from
    the floor (the contract's "participant"), even when the chair calls them by name
    ("We have one online, Malia, please go ahead")."""
    heard = False  # a floor opened before any panelist spoke is the chair's plan for later
    for turn in view.speech:
        group = owner.get(turn.index)
        if group is None or not is_moderator(group, moderators):
            heard = heard or group is not None
            continue
        if not heard:
            continue
        for a, b in view.sentences[turn.index]:
            for cue in _FLOOR_OPEN.finditer(view.text, a, b):
                if not _NOT_NOW.search(view.text, a, b):  # "questions in the chat, we'll take them later"
                    return cue.start()
    return None


def _name_card(view: SessionView, draft: Draft, registry: Registry) -> None:
    """What a label written as a name card says ("Paolo Conti, co-moderator", "ALISON GILLWALD,
    RESEARCH ICT AFRICA", "Dr. Jo Li (online)"): the captioner's own record of the speaker's part
    in the session, body and place (`cards`). First-hand, so it outranks what others say;
    `best_affiliation` and `cast` let only the person's own words overrule it."""
    for index in draft.group.turns:
        turn = view.session.turns[index]
        if not turn.label:
            continue
        facts = cards.card_facts(turn.label, registry)
        tied = view.tied(facts.orgs)
        if not (facts.role or facts.mode or tied):
            continue
        evidence = Evidence(turn.line, _label_quote(view, turn), "name-card")
        if facts.role and draft.card_role is None:
            draft.card_role = facts.role
            draft.card_evidence.append(evidence)
        if facts.mode and draft.card_mode is None:
            draft.card_mode = facts.mode
            draft.card_mode_evidence.append(evidence)
        if tied and not any(e.kind == "name-card" for items in draft.affiliations.values() for _, e in items):
            draft.add_org(tied[0], _CARD_WEIGHT, evidence)


# Above every cue in others' words (a hand-off that ties a body to the name is 4.2).
_CARD_WEIGHT = 4.5


def _label_quote(view: SessionView, turn: Turn) -> str:
    """The label as it stands in the text (quotes are exact slices); the stored label otherwise."""
    line_start = view.lines_start(turn.line)
    label = turn.label or ""
    at = view.text.find(label, line_start, turn.start)
    return view.text[at : at + len(label)] if at >= 0 else label


def entity_name(draft: Draft, registry: Registry, entity: str) -> str:
    """The name an affiliation key stands for: as said for a free organisation, else the registry's."""
    return draft.org_names.get(entity) or (registry.get(entity).name if entity in registry.entities else entity)


def shows_body(entity: str | None, name: str) -> bool:
    """Whether a self-introduced name is shown to be a body, so it may overrule a name card's:
    a registry body, or a name with an organisation word ("Ministry of Commerce"). A bare proper
    name ("Ligaya, from Quezon City" under the card "DC Gender and Internet Governance") is as
    often a place as a body, and the card is first-hand."""
    return (entity is not None and not entity.startswith("org:")) or orgs.looks_org(name)


def best_affiliation(draft: Draft, registry: Registry, moderator: bool) -> tuple[str | None, list[Evidence]]:
    """Strongest supported entity; a moderator keeps one only if they introduced themselves, their
    label is a name card, or another speaker introduced them with it ("I share the chair with Ewa,
    who is from X"): a chair's hand-offs name many bodies, so co-occurrence never counts for them.
    A body on the name card is first-hand and stands unless the person introduces themselves
    with another one."""
    pool = draft.affiliations
    card = {e for e, items in pool.items() if any(ev.kind == "name-card" for _, ev in items)}
    if card:
        own = {e for e, items in pool.items() if any(ev.kind == "self-introduction" for _, ev in items)} - card
        # "Jonas Weber, Youth IGF." under the card "Youth IGF Germany": the same body, said shorter
        carded = [_fold_name(entity_name(draft, registry, e)) for e in card]
        own = {e for e in own if not any(_fold_name(entity_name(draft, registry, e)) in c for c in carded)}
        own = {e for e in own if shows_body(e, entity_name(draft, registry, e))}
        pool = {e: pool[e] for e in (own or card)}
    scored = []
    for entity, items in pool.items():
        top = max(s for s, _ in items)
        if moderator and not any(e.kind in ("self-introduction", "name-card", "introduction") for _, e in items):
            continue
        kind = "org" if entity.startswith("org:") else registry.get(entity).kind
        first_line = min(e.line for _, e in items)
        scored.append((top + 0.1 * (len(items) - 1), -_KIND_RANK.get(kind, 9), -first_line, entity))
    if not scored:
        return None, []
    *_, entity = max(scored)  # ties: a registry body, then the one said first
    items = sorted(pool[entity], key=lambda x: -x[0])
    return entity, [e for _, e in items]

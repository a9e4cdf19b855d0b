"""`resolve_session`: a parsed session → its cast (people, coalitions, flags).

The single entry point of the resolve stage: pure, no I/O beyond the packaged
registry. The `Cast` goes as it is to the later stages (analyse, summarise); its
`to_json()` is for the store and gives exactly the DESIGN.md `people` and `coalitions`
shapes (plus a few extra fields, which the contract allows), and `from_json()` reads
stored people and coalitions back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from forumlens.models import Session
from forumlens.resolve import affcands, affmodel, cues, modes
from forumlens.resolve.borrowed import join_borrowed_labels
from forumlens.resolve.calledorder import name_turns_in_called_order
from forumlens.resolve.chairs import co_holders
from forumlens.resolve.colleagues import Member, shared_affiliations
from forumlens.resolve.corrected import correct_surnames
from forumlens.resolve.cutlabels import join_cut_labels
from forumlens.resolve.dutyhandover import split_handed_duties
from forumlens.resolve.dutylabel import join_duty_labels
from forumlens.resolve.firstnames import join_called_first_names
from forumlens.resolve.handedturns import join_handed_turns
from forumlens.resolve.hubs import hub_name, said_place
from forumlens.resolve.hubvoices import split_hub_voices
from forumlens.resolve.initials import join_initials
from forumlens.resolve.interpreted import join_interpreted
from forumlens.resolve.mentions import Mention, another_name, find_mentions
from forumlens.resolve.misheardgiven import join_misheard_given_names
from forumlens.resolve.misheardsurname import join_misheard_surnames
from forumlens.resolve.newcoalitions import (
    NewCoalition,
    coalition_mentions,
    coalition_name,
    find_new_coalitions,
    org_key,
    same_coalition,
    superseded,
    topic_key,
)
from forumlens.resolve.nicknames import name_nickname_labels
from forumlens.resolve.particles import spoken_particles
from forumlens.resolve.people import (
    LabelGroup,
    Misattribution,
    drop_collective,
    find_misattributions,
    group_labels,
    merge_known,
    split_floor_voices,
)
from forumlens.resolve.placelabels import is_place_label, join_place_labels
from forumlens.resolve.rapporteurhat import join_rapporteur_hat
from forumlens.resolve.registry import Registry, load_registry
from forumlens.resolve.remotefloor import is_remote_floor_label
from forumlens.resolve.renamed import join_renamed
from forumlens.resolve.respelled import join_respelled, join_variants
from forumlens.resolve.roles import (
    Draft,
    Evidence,
    SessionView,
    best_affiliation,
    collect_evidence,
    entity_name,
    find_moderators,
    is_moderator,
    shows_body,
)
from forumlens.resolve.saidoffices import said_office_labels
from forumlens.resolve.samebody import add_same_body
from forumlens.resolve.seats import split_seats
from forumlens.resolve.selfnames import (
    complete_names,
    is_generic_label,
    is_one_holder_label,
    is_place_name,
    name_account_labels,
    name_generic_voices,
    name_unlabelled,
    split_shared_voices,
)
from forumlens.resolve.sharedaccount import split_account_voices
from forumlens.resolve.soundalike import join_soundalikes
from forumlens.resolve.stakeholders import stakeholder_group
from forumlens.resolve.status import Voice, coalition_statuses
from forumlens.resolve.text import LineIndex
from forumlens.resolve.titled import join_titled_surnames, name_office_labels
from forumlens.resolve.unmarkedchair import join_unmarked_chair_turns
from forumlens.resolve.wholename import whole_name
from forumlens.text.alternation import alternation
from forumlens.text.spoken import count_words

__all__ = ["Cast", "Coalition", "Flag", "Person", "resolve_session"]

Role = str  # "moderator" | "dc-representative" | "guest" | "participant" | "remote-hub"


@dataclass(frozen=True)
class Person:
    """One speaker of a session: who, in which role, for whom, from where, with evidence.

    `name` is None for unnamed turns; `stakeholder` is the stakeholder group when the
    affiliation or the person's own words tell it (`resolve.stakeholders`).
    """

    name: str | None
    labels: tuple[str, ...] = ()
    role: Role = "participant"
    affiliation: str | None = None
    affiliation_id: str | None = None
    mode: str | None = None
    lines: tuple[int, ...] = ()
    words: int = 0
    minutes: float = 0.0
    evidence: tuple[Evidence, ...] = ()
    flags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    description: str | None = None
    stakeholder: str | None = None
    # the coalition the person speaks for in their own words ("our coalition", "I am from the DC
    # on X"), also when their affiliation is their employer: whose "our coalition" / "we" it is
    speaks_for: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "labels": list(self.labels),
            "role": self.role,
            "affiliation": self.affiliation,
            "mode": self.mode,
            "lines": list(self.lines),
            "words": self.words,
            "minutes": self.minutes,
            "evidence": [{"line": e.line, "quote": e.quote} for e in self.evidence],
            "flags": list(self.flags),
            "aliases": list(self.aliases),
            "description": self.description,
            "affiliation_id": self.affiliation_id,
            "stakeholder": self.stakeholder,
            "speaks_for": self.speaks_for,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Person:
        """A stored person; a missing role reads as "" (unknown), other missing fields as empty."""
        return cls(
            name=data.get("name"),
            labels=tuple(data.get("labels") or ()),
            role=data.get("role") or "",
            affiliation=data.get("affiliation"),
            affiliation_id=data.get("affiliation_id"),
            mode=data.get("mode"),
            lines=tuple(int(n) for n in data.get("lines") or ()),
            words=int(data.get("words") or 0),
            minutes=float(data.get("minutes") or 0.0),
            evidence=tuple(
                Evidence(int(e.get("line", 0)), str(e.get("quote", "")), str(e.get("kind", "")))
                for e in data.get("evidence") or ()
            ),
            flags=tuple(data.get("flags") or ()),
            aliases=tuple(data.get("aliases") or ()),
            description=data.get("description"),
            stakeholder=data.get("stakeholder"),
            speaks_for=data.get("speaks_for"),
        )


@dataclass(frozen=True)
class Coalition:
    """A coalition seen in a session; `id` is the registry's, "" for one it does not know yet
    (`newcoalitions`), shown as null in JSON."""

    id: str
    name: str
    acronym: str | None
    status: str  # presented | mentioned | invited-absent
    lines: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "acronym": self.acronym,
            "status": self.status,
            "lines": list(self.lines),
            "id": self.id or None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Coalition:
        return cls(
            id=str(data.get("id") or ""),
            name=str(data.get("name", "")),
            acronym=data.get("acronym"),
            status=str(data.get("status", "")),
            lines=tuple(data.get("lines") or ()),
        )


@dataclass(frozen=True)
class Flag:
    line: int
    label: str
    reason: str
    likely_speaker: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "label": self.label, "reason": self.reason, "likely_speaker": self.likely_speaker}


@dataclass(frozen=True)
class Cast:
    """Who spoke, for whom, from where; which coalitions were there; what looks wrong."""

    people: tuple[Person, ...]
    coalitions: tuple[Coalition, ...]
    flags: tuple[Flag, ...] = ()
    mentions: tuple[Mention, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """The `people` and `coalitions` parts of `forumlens report --json`, plus `flags`."""
        return {
            "people": [p.to_json() for p in self.people],
            "coalitions": [c.to_json() for c in self.coalitions],
            "flags": [f.to_json() for f in self.flags],
        }

    def with_known_names(self, known: Sequence[str]) -> Cast:
        """The cast with people renamed to the name already on record when they are the same
        person (`merge_known`); the name they had here is kept among their labels and aliases."""
        names = [p.name for p in self.people if p.name]
        if not names or not known:
            return self
        mapping = merge_known(names, known)
        people = tuple(
            replace(
                p,
                name=mapping[p.name],
                labels=tuple(sorted({*p.labels, p.name})),
                aliases=tuple(sorted({*p.aliases, p.name})),
            )
            if p.name and mapping.get(p.name, p.name) != p.name
            else p
            for p in self.people
        )
        return replace(self, people=people)


def _reattribute(groups: list[LabelGroup], flags: Sequence[Misattribution]) -> list[LabelGroup]:
    """Count a mis-labelled turn for the speaker it most likely belongs to."""
    for flag in flags:
        source = next(g for g in groups if flag.turn in g.turns)
        target = next((g for g in groups if g.name == flag.likely), None)
        if target is None:
            continue
        source.turns.remove(flag.turn)
        target.turns = sorted([*target.turns, flag.turn])
    return [g for g in groups if g.turns]


# A coalition the registry does not know yet is still a coalition: "Dynamic Coalition on Digital Remittances".
_DC_NAME = re.compile(r"(?:the\s+)?(?:Dynamic\s+Coalition|DC)\s+(?:on|for)\b", re.IGNORECASE)
_HUB_WORD = re.compile(r"\b(?:remote )?hub\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _place_pattern(registry: Registry) -> re.Pattern[str]:
    """One alternation of every country name, so a label is scanned once, not once per country."""
    # longest first; equal lengths in a fixed order, so the pattern is the same in every run
    # (set order changes with the hash seed) and the regex cache finds it (`text.recache`)
    names = alternation(c for country in registry.countries for c in country.names)
    return re.compile(r"\b(?:" + names + r")\b", re.IGNORECASE)


def _is_hub(view: SessionView, group: LabelGroup, registry: Registry) -> bool:
    """A label naming a place the session calls a hub ("DHAKA BANGLADESH" … "Bangladesh Hub")."""
    if group.hub is not None:
        return False  # a person told apart under the hub's label (`split_hub_voices`), not the room
    label = " ".join(group.labels) + " " + (group.name or "")
    if _HUB_WORD.search(label):
        return True
    # a country in the label, or a label that is a city's name alone (">> KINSHASA:")
    if not _place_pattern(registry).search(label) and not any(is_place_name(lab.strip(" .:")) for lab in group.labels):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", label) if len(w) > 2]
    # "the Kinshasa hub", or "the hub in Kinshasa"
    return any(
        re.search(
            rf"\b{re.escape(w)}\s+(?:remote\s+)?hub\b|\bhub\s+(?:in|of|at|from)\s+{re.escape(w)}\b",
            view.text,
            re.IGNORECASE,
        )
        for w in words
    )


def _role(draft: Draft, kind: str | None, moderator: bool, hub: bool) -> Role:
    if hub:
        return "remote-hub"
    if moderator:
        return "moderator"
    if kind == "dc":
        return "dc-representative"
    if draft.card_role in ("guest", "participant"):
        return draft.card_role  # the name card's part in the session: on the programme, or from the floor
    if draft.hub_duty or draft.group.hub:
        # a hub's moderator under their own label, or a voice of the hub's room: the remote floor
        return "participant"
    if draft.group.labels and all(is_remote_floor_label(lab) for lab in draft.group.labels):
        # captioned only by the channel it came in on (">> REMOTE PARTICIPANT:"): the remote floor,
        # even when the remote moderator called it by name
        return "participant"
    if kind in ("igf-body", "un-body", "igo"):
        # an official who came to the microphone from the floor is a participant, not a panelist
        # (named by the chair only because their hand was up is still from the floor)
        return "participant" if draft.from_floor and (draft.hand_raised or not draft.named_in_handoff) else "guest"
    if not draft.named_in_handoff and any(is_place_label(lab) for lab in draft.group.labels):
        # a voice captioned by the city it connects from (">> HONIARA:"), never introduced by name:
        # the remote floor, not the programme, whenever the chair calls it
        return "participant"
    if (
        kind in (None, "nri")
        and (draft.named_in_handoff or draft.before_floor)
        and not draft.from_floor
        and draft.group.name
    ):
        return "guest"  # a panelist the chair introduced, or who spoke before the floor was opened
    return "participant"


def _describe(draft: Draft, affiliation: str | None, role: Role) -> str | None:
    """Words for an unnamed speaker, from what the session says about them."""
    if draft.group.name:
        return None
    if draft.group.labels:
        return f"speaker labelled {draft.group.labels[0]}"
    if affiliation:
        word = draft.role_word or "representative"
        if word in ("part", "one"):
            word = "member"
        article = "an" if word[0] in "aeiou" and draft.role_word else ("a" if draft.role_word else "the")
        return f"{article} {word} of the {affiliation}".replace("the the ", "the ")
    return "a participant from the floor" if draft.from_floor else "an unnamed participant"


# Weight of one strong own-words mode cue ("joining from Accra", "here in the room"), or two weak ones.
_OVERRULE = 1.5
_REMOTE_LABEL = re.compile(r"\b(?:remote|online|virtual)\s+(?:participant|speaker|attendee|audience)", re.IGNORECASE)


def _mode(draft: Draft, default: str | None, hub: bool) -> str | None:
    """The side with more evidence; a remote hub or a "REMOTE PARTICIPANT" label is online;
    with no evidence either way, the session's own mode (a 2020 session, a webinar) if any, else
    none: a voice under a floor label ("FLOOR:", "PARTICIPANT:") that never says where it is has
    no mode (the annotation convention since blind7: `mode` is null where the session never
    states it; the contract must not invent one). Where the chair points at the voice ("the
    gentleman behind", "the microphone is coming") the room is said, and found as evidence.
    A mode on the name card ("Dr. Jo Li (online)") decides unless the person's own words put
    them on the other side (a strong cue, `_OVERRULE`, outweighing their words for the card's side)."""
    if draft.card_mode and not hub:
        own = {"online": draft.own_online, "onsite": draft.own_onsite}
        other = "onsite" if draft.card_mode == "online" else "online"
        if own[other] >= _OVERRULE and own[other] > own[draft.card_mode]:
            return other
        return draft.card_mode
    online = draft.online + 3.0 * (hub or any(_REMOTE_LABEL.search(lab) for lab in draft.group.labels))
    if online == draft.onsite:
        return default
    return "online" if online > draft.onsite else "onsite"


def _panel_split(
    view: SessionView, people: list[Person], groups: Sequence[LabelGroup], moderators: set[str]
) -> list[Person]:
    """The panel's missing modes from a chair's count ("three speakers in the room and one
    online"): when every panelist on one side is known, the panelists with no mode are on the
    other side. Nothing changes when the counts do not fit."""
    split = None
    for group in groups:
        if not is_moderator(group, moderators):
            continue
        for index in group.turns:
            turn = view.session.turns[index]
            found = modes.speaker_split(turn.text)
            if found:
                split = (*found, turn)
                break
        if split:
            break
    if split is None:
        return people
    room, away, a, _end, turn = split
    guests = [p for p in people if p.role == "guest"]
    unknown = [p for p in guests if p.mode is None]
    online = sum(p.mode == "online" for p in guests)
    onsite = sum(p.mode == "onsite" for p in guests)
    if not unknown:
        return people
    if (online == away or (away == modes.SOME and online > 0)) and onsite + len(unknown) <= room:
        mode = "onsite"
    elif onsite == room and online + len(unknown) <= away:
        mode = "online"
    else:
        return people
    start = turn.start + a
    evidence = view.evidence(*view.sentence_at(turn.index, start), "mode")
    fill = {id(p) for p in unknown}
    return [replace(p, mode=mode, evidence=(*p.evidence, evidence)) if id(p) in fill else p for p in people]


def _new_voices(
    view: SessionView, people: Sequence[Person], found: Sequence[NewCoalition], registry: Registry
) -> tuple[list[Mention], list[Voice], dict[str, str]]:
    """Mentions, voices and display names of the coalitions the registry does not know
    (`newcoalitions`; ids "new:<topic>"): named in the header or in speech, or the affiliation
    of a speaker who spoke for one (a name card in capitals is no text names are read from).
    The name is the one said, unless a representative's affiliation says more of it."""
    said = [
        Mention(f"new:{c.key}", "dc", c.name, a, b, view.lines.line(a), view.text[a:b], 1.0, "new-name")
        for c in found
        for a, b in c.spans
    ]
    coalitions = list(found)
    names = {f"new:{c.key}": c.name for c in found}
    voices = []
    for p in people:
        if p.affiliation_id or not p.affiliation or not p.words or p.role == "remote-hub":
            continue
        name = coalition_name(p.affiliation, registry)
        if name is None:
            continue
        key = topic_key(name)
        known = next((c for c in coalitions if same_coalition(c.key, key)), None)
        if known is None:  # spoken for, never named in the text read: the affiliation names it
            known = NewCoalition(key, name, (), ())
            coalitions.append(known)
        entity_id = f"new:{known.key}"
        if entity_id not in names or len(key) > len(topic_key(names[entity_id])):
            names[entity_id] = name
        voices.append(Voice(entity_id, tuple(e.line for e in p.evidence) + p.lines[:1]))
    return said, voices, names


def _claimed(
    view: SessionView, draft: Draft, registry: Registry, new: Sequence[NewCoalition]
) -> tuple[str, str, tuple[int, ...]] | None:
    """(status id, name, lines) of the coalition a person claims most in their own words ("our
    coalition …", "I am from the DC on X"; `roles.Draft.claimed`), None when they claim none.
    A member speaks for her coalition whatever her employer: her "our coalition" is the
    coalition's, not her institution's. Ids as `_coalitions` keys them: the registry's, or
    "new:<topic>" for a coalition the registry does not know."""
    best: tuple[str, str, tuple[int, ...]] | None = None
    most = 0
    for entity_id, evidence in draft.claimed.items():
        if entity_id.startswith("org:"):
            found = next((c for c in new if org_key(c.name) == entity_id), None)
            if found is None:
                continue
            status_id, name = f"new:{found.key}", view.coalition_names.get(entity_id, found.name)
        else:
            entity = registry.get(entity_id)
            if entity.kind != "dc":
                continue
            status_id, name = entity.id, entity.name
        if len(evidence) > most:
            best, most = (status_id, name, tuple(e.line for e in evidence)), len(evidence)
    return best


def _coalitions(
    view: SessionView,
    people: Sequence[Person],
    mentions: Sequence[Mention],
    moderators: set[str],
    groups: Sequence[LabelGroup],
    registry: Registry,
    new: Sequence[NewCoalition] = (),
    claims: Sequence[Voice] = (),
) -> list[Coalition]:
    """The coalitions of a session with their status: the registry's, then those it does not
    know yet (no id, no acronym), named as said or as their representative's affiliation;
    `claims`: members who spoke for one in their own words (`_claimed`) present it too."""
    voices = [
        Voice(p.affiliation_id, tuple(e.line for e in p.evidence) + p.lines[:1])
        for p in people
        if p.affiliation_id and p.words and p.role != "remote-hub" and registry.get(p.affiliation_id).kind == "dc"
    ]
    voices += claims
    new_said, new_voices, names = _new_voices(view, people, new, registry)
    mentions = [*mentions, *new_said]
    voices += new_voices
    owner = {i: g for g in groups for i in g.turns}
    sentence_of: dict[int, tuple[int, int]] = {}
    moderator_at: dict[int, bool] = {}
    k = 0
    for m in sorted((m for m in mentions if m.kind == "dc"), key=lambda m: m.start):
        while k < len(view.speech) and view.speech[k].end <= m.start:
            k += 1
        if k < len(view.speech) and view.speech[k].start <= m.start:
            turn = view.speech[k]
            sentence_of[m.start] = view.sentence_at(turn.index, m.start)
            group = owner.get(turn.index)
            moderator_at[m.start] = group is not None and is_moderator(group, moderators)
    statuses = coalition_statuses(view.text, mentions, voices, sentence_of, moderator_at)
    result = []
    for entity_id, (status, lines) in statuses.items():
        if entity_id.startswith("new:"):
            result.append(Coalition("", names[entity_id], None, status, tuple(lines)))
            continue
        entity = registry.get(entity_id)
        result.append(Coalition(entity.id, entity.name, entity.acronym, status, tuple(lines)))
    return result


@dataclass
class Prepared:
    """What resolve knows about a session before deciding: the text view, the label groups,
    the moderators, one draft of evidence per person, the mis-attribution flags found, and
    the session's own mode. Shared by `resolve_session` and the trained models' training
    script (`bench/train_whoswho.py`), so both see the same candidates."""

    view: SessionView
    groups: list[LabelGroup]
    moderators: set[str]
    drafts: list[Draft]
    found: list[Misattribution]
    default_mode: str | None
    mentions: list[Mention]
    new_coalitions: list[NewCoalition] = field(default_factory=list)


def prepare(session: Session, registry: Registry, *, reattribute: bool = True) -> Prepared:
    """Label groups, moderators and evidence drafts of one parsed session (no decisions yet)."""
    reg = registry
    mentions = find_mentions(session.text, registry=reg)
    # "Dynamic Coalition on Open Transit Data": a coalition the registry does not know yet, not
    # its "Open Standards" guessed from the first words
    spans = [(0, session.turns[0].start if session.turns else len(session.text), False)]
    spans += [(t.start, t.end, True) for t in session.turns if t.kind == "speech"]
    lines = LineIndex(session.text)
    new = find_new_coalitions(session.text, spans, mentions, reg, lines)
    mentions = [m for m in superseded(mentions, new) if not another_name(m, session.text, reg)]
    # "I am one of the coordinators of the coalition": an unregistered coalition is an
    # affiliation like a registered one (a free organisation's key, its name as said)
    said = coalition_mentions(new, session.text, lines)
    view = SessionView(session, sorted([*mentions, *said], key=lambda m: m.start), {m.entity_id: m.name for m in said})
    # "ROSA: (Speaking Spanish)" then "INTERPRETER: …": the interpreter's words are Rosa's
    # ">> MAREK SHEFCHIK:" … "It is Szewczyk" … ">> MAREK SZEWCZYK:": one speaker, the label re-spelled
    groups = join_respelled(group_labels(session), session.turns)
    groups = name_unlabelled(drop_collective(join_interpreted(groups, session.turns)), session.turns)
    # ">> MODERATOR: … My name is Noura Al-Harbi": the duty label is her all session
    # ">> CHAIR: … I am Akinyi …  I give the chair to Hernán" … ">> CHAIR: … I am Hernán …": two holders
    # ">> PERMANENT SECRETARY:" after "I now invite the Permanent Secretary": an office, named like a duty
    offices = said_office_labels(groups, session.turns)
    as_labelled = {id(g): g.name for g in groups if g.labels and all(lab in offices for lab in g.labels)}
    for group in groups:
        if id(group) in as_labelled:
            group.name = None
    groups = name_generic_voices(
        split_handed_duties(groups, session.turns),
        session.turns,
        lambda label: is_one_holder_label(label) or label in offices,
    )
    # "MS. OKORO" → the Amina Okoro of the hand-off; "THE CHAIR" → the chair the session names
    groups = name_office_labels(join_titled_surnames(groups, session.turns), session.turns, offices)
    for group in groups:  # an office nobody was found for keeps the name its label gave it
        if group.name is None and id(group) in as_labelled:
            group.name = as_labelled[id(group)]
    # "DR. M.R." → the one Meenakshi Raghunathan of the session (her other labels, her hand-offs)
    groups = join_initials(groups, session.turns)
    # ">> EMPTY CHAIR:" for whoever comes into the fishbowl, ">> PROPOSITION:" for two debaters:
    # a seat held in turn, one person per holder (`seats`); no seat is a moderator's label
    groups, seats = split_seats(
        groups, session.turns, lambda gs, ts, is_seat: split_shared_voices(gs, ts, is_seat, held=is_seat)
    )
    # ">> DOC:" after "Doc is Dr. Yvette Charlemagne-…, for the record": the nickname's full name
    groups = name_nickname_labels(groups, session.turns)
    moderators = find_moderators(view, groups, seats)
    # ">> AURELIE DELVIGNE-HOUART:" … then only ">> MODERATOR:": the caption switched to the duty
    groups = join_duty_labels(groups, session.turns, moderators)
    # the chair found by her place under her name and the duty label: a moderator by name too, and
    # whom she says she chairs "together with" shares the part (`chairs.co_holders`)
    placed = {
        g.name for g in groups if g.name and g.name not in moderators and any(lab in moderators for lab in g.labels)
    }
    if placed:
        moderators |= placed
        moderators |= co_holders(view, groups, moderators)
    # ">> MODERATOR: … asked me to be also the rapporteur" then ">> RAPPORTEUR:": her other hat
    groups = join_rapporteur_hat(groups, session.turns, lambda g: is_moderator(g, moderators))
    groups = split_floor_voices(
        groups,
        session.turns,
        [t.index for t in view.speech],
        lambda g: is_moderator(g, moderators),
        lambda label: cues.AUDIENCE_LABEL.search(label) is not None,
    )
    # "PARTICIPANT: Thank you.  Pham Minh Chau, I am …": the voice is a named person
    # three panelists under ">> SPEAKER:": one person each, told by their names
    groups = split_shared_voices(groups, session.turns, is_generic_label)
    # "REMOTE HUB NAIROBI: … My name is Grace Wanjiku from …": a person of the hub's room
    groups = split_hub_voices(groups, session.turns)
    named_before = {id(g): g.name for g in groups}
    groups = complete_names(name_generic_voices(groups, session.turns, is_generic_label), session.turns)
    # ">> SIGDEL-LAMICHHANE:" after "Now Hemanta, …" twice: the chair's first name and the surname
    groups = join_called_first_names(groups, session.turns)
    # ">> DILI: … I am Domingas Lequi-Rai" then ">> DOMINGAS LEQUI-RAI:": a city label is her place
    groups = join_place_labels(groups, session.turns)
    # ">> Biblioteka X: So this is Bożena speaking" … "Tomasz here": two people on one account
    groups = split_account_voices(groups, session.turns)
    # ">> Caribe Abierto: This is Yokasta Almonte-Peguero speaking": an organisation's account
    groups = name_account_labels(groups, session.turns)
    # ">> Nuwan Jayatilleke: Yes, it's Chathurika again … I'm on my colleague Nuwan's laptop"
    groups = join_borrowed_labels(groups, session.turns)
    # ">> Zoom User: … I'm Priyamvada …" then ">> Priyamvada R – …: I renamed myself": one voice
    groups = join_renamed(groups, session.turns)
    # ">> Eng. Ceesay:" named "Bakary Ceesay" by now, and ">> Bakary Cessay:": one person
    groups, renamed = join_variants(groups, session.turns)
    # ">> GREGORZ HSHONSHEVSKI:", ">> GRZEGORZ CHRZASZCZEWSKI:": one surname typed by ear twice
    groups, sounded = join_soundalikes(groups, session.turns)
    renamed |= sounded
    # ">> SEAN TALAKAI:" after "Sione Talakai is on the WebEx", later ">> SIONE TALAKAI:": one voice
    groups, given = join_misheard_given_names(groups, session.turns)
    renamed |= given
    # ">> PRABHAKAR TIRU:" after "Prabhakar Thiruvengadam, who chairs …": the label cut short
    groups, cut = join_cut_labels(groups, session.turns)
    renamed |= cut
    # ">> WIERZCHOWSKA:" after "Bożena, we start …", "Bożena Wierzchosławska" introduced: typed by ear
    groups, heard = join_misheard_surnames(groups, session.turns)
    renamed |= heard
    # "one sentence each, Alioune, then Mariana, Sione …" and an unmarked answer between Alioune's and Sione's
    groups = name_turns_in_called_order(groups, session.turns)
    # ">> Thank you, Rocío.  Time for one last question, the lady in the front": the chair, unmarked
    groups = join_unmarked_chair_turns(groups, session.turns, moderators)
    # "Dorin, I have unmuted you, please go ahead." then a bare ">> Hello?  …": the one handed to
    # "Deanne, you had your hand up again?" then ">> AUDIENCE:": the floor voice called back
    groups = join_handed_turns(groups, session.turns, lambda label: cues.AUDIENCE_LABEL.search(label) is not None)
    # ">> DR. HIND ALSUNAIDI:" and "Dr. Hind Al-Sunaidi" said: the name as the speech spells it
    groups = spoken_particles(groups, session.turns)
    # "That was Mr. Desmond Ferguson" … "It is Ferguson-Vanderhorst, with the hyphen": the owner's form
    groups, corrected = correct_surnames(groups, session.turns)
    # a chair found under the short name ("Marjolein vd Kroft") is still the chair under the full one
    moderators |= {g.name for g in groups if g.name and named_before.get(id(g)) in moderators}
    moderators |= {new for old, new in renamed.items() if old in moderators}
    moderators |= {new for new, old in corrected.items() if old in moderators}
    drafts = collect_evidence(view, groups, moderators, reg)
    for draft in drafts:
        if draft.group.name in corrected:
            draft.aliases.append(corrected[draft.group.name])
    introduced = {d.group.name for d in drafts if d.group.name and (d.named_in_handoff or d.affiliations)}
    found = find_misattributions(session, groups, moderators, introduced)
    if reattribute and found:
        before = {id(g): list(g.turns) for g in groups}
        groups = _reattribute(groups, found)
        # only the groups that gained or lost a turn need their evidence again
        changed = [g for g in groups if g.turns != before.get(id(g))]
        redone = {id(d.group): d for d in collect_evidence(view, groups, moderators, reg, only=changed)}
        alive = {id(g) for g in groups}
        drafts = [redone.get(id(d.group), d) for d in drafts if id(d.group) in alive]
    # "Wendell, who is my master student at the same university": the speaker's own body
    add_same_body(view, drafts, moderators, reg)
    default_mode = modes.session_default(session.title, session.year)
    return Prepared(view, groups, moderators, drafts, found, default_mode, list(mentions), new)


_FIRST_HAND = ("rule:self-introduction", "rule:name-card", "rule:introduction")


def _eligible(cands: list[affcands.Candidate], moderator: bool, independent: bool = False) -> list[affcands.Candidate]:
    """The candidates the ranker may choose from, under the rules' hard constraints: a body
    on the speaker's name card is first-hand (only their own self-introduction competes with
    it), and a chair names many bodies in hand-offs, so a chair's body must be tied to them
    first-hand (a self-introduction, a card, another speaker's introduction); so must the body
    of a speaker who says they speak for none ("I work independently"): the names in their
    words are what they talk about."""
    if any("rule:name-card" in c.features for c in cands):
        # only a body the speaker introduces themselves with competes, not a bare name that may
        # be a place ("from Quezon City")
        cands = [
            c
            for c in cands
            if "rule:name-card" in c.features
            or ("rule:self-introduction" in c.features and shows_body(c.entity_id, c.name))
        ]
    if independent:
        cands = [c for c in cands if any(k in c.features for k in _FIRST_HAND)]
    if moderator:
        # first-hand: tied by the rules, claimed in the chair's own words ("but I am employed by …",
        # a post they hold: "I edit the weekend edition of the …"),
        # or said of them right after their name by another ("moderated by Ruth Achola, who
        # produces the farmers' programme at Voice of Busoga FM"); not what the chair says of others
        cands = [
            c
            for c in cands
            if any(k in c.features for k in _FIRST_HAND)
            or "own|clause:claim" in c.features
            or "own|clause:post" in c.features  # "I coordinate the …", "I'm in the secretariat of the …"
            or ("src:other" in c.features and "after_name" in c.features)
        ]
    return cands


def _not_asked(cands: list[affcands.Candidate]) -> list[affcands.Candidate]:
    """Without a body the speaker names only in their own questions and that no rule, card or
    other speaker ties to them ("And who should we contact at the DC on X?"): asked about, not
    theirs; and without words said only as the greeting that opens a turn ("Malo e lelei")."""
    return [
        c
        for c in cands
        if affcands.GREETING_ONLY not in c.features
        and (
            "own_stated" in c.features
            or "own_asked" not in c.features
            or "rule" in c.features
            or "src:other" in c.features
            or "card" in c.features
        )
    ]


@lru_cache(maxsize=4)
def _place_words(registry: Registry) -> frozenset[str]:
    """Folded country names: a span that is one names a place, not a body."""
    return frozenset(affcands.fold(n) for country in registry.countries for n in country.names)


def affiliation_options(
    prepared: Prepared, registry: Registry, hubs: Sequence[bool] | None = None
) -> list[tuple[list[affcands.Candidate], dict[str, float]]]:
    """Per draft (same order): the candidate organisations with features and the features of
    the "none" option, as the trained ranker (`affmodel`) and its training script see them.
    `hubs`: which drafts are remote hubs, when the caller knows already."""
    view = prepared.view
    people = affcands.person_words([d.group.name for d in prepared.drafts if d.group.name])
    places = _place_words(registry)
    hits = affcands.name_hits(view)
    options = []
    for position, draft in enumerate(prepared.drafts):
        moderator = is_moderator(draft.group, prepared.moderators)
        hub = hubs[position] if hubs is not None else _is_hub(view, draft.group, registry)
        names = {e: entity_name(draft, registry, e) for e in draft.affiliations}
        cands = affcands.candidates(view, draft, registry, people, places, names, hits.get(id(draft.group), []))
        cands = _eligible(cands, moderator, draft.independent)
        picked, _ = best_affiliation(draft, registry, moderator or hub)
        for cand in cands:
            if picked is not None and (cand.entity_id == picked or cand.key == picked):
                cand.features["rule:pick"] = 1.0
        nothing = affmodel.none_features(
            moderator=moderator,
            hub=hub,
            named=draft.group.name is not None,
            rule_candidates=len(draft.affiliations),
            candidates=len(cands),
        )
        if picked is None:
            nothing["none:rule_pick"] = 1.0
        # after the count the ranker was trained with: what it may pick, not what it weighs
        options.append((_not_asked(cands), nothing))
    return options


def _picked(
    pick: affcands.Candidate | None, draft: Draft, registry: Registry
) -> tuple[str | None, str | None, list[Evidence]]:
    """(entity id, name, evidence) of the ranker's pick: a registry body keeps its canonical
    name; the evidence is the rules' for a body they tied to the person, else where it was said."""
    if pick is None:
        return None, None, []
    entity_id = pick.entity_id
    if entity_id in draft.affiliations:
        items = sorted(draft.affiliations[entity_id], key=lambda x: -x[0])
        name = (
            draft.org_names.get(entity_id, pick.name) if entity_id.startswith("org:") else registry.get(entity_id).name
        )
        return entity_id, name, [e for _, e in items]
    if entity_id is not None and not entity_id.startswith("org:"):
        return entity_id, registry.get(entity_id).name, list(pick.evidence[:1])
    return entity_id, pick.name, list(pick.evidence[:1])


def _with_colleagues(
    view: SessionView, people: list[Person], drafts: Sequence[Draft], registry: Registry
) -> list[Person]:
    """People whose body is said only through a colleague's ("I work with Houda at Tawasol")
    take that colleague's affiliation (`resolve.colleagues`)."""
    members = [
        Member(p.name, p.affiliation, p.affiliation_id, tuple(d.group.turns))
        if p.role != "remote-hub"
        else Member(None, None, None, ())
        for p, d in zip(people, drafts, strict=True)
    ]
    out = list(people)
    for shared in shared_affiliations(view, members):
        colleague = people[shared.colleague]
        person = replace(
            out[shared.member],
            affiliation=colleague.affiliation,
            affiliation_id=colleague.affiliation_id,
            evidence=(*out[shared.member].evidence, shared.evidence),
            description=_describe(drafts[shared.member], colleague.affiliation, out[shared.member].role),
        )
        out[shared.member] = replace(person, stakeholder=stakeholder_group(person, registry))
    return out


def resolve_session(
    session: Session,
    *,
    words_per_minute: float = 150.0,
    registry: Registry | None = None,
    reattribute: bool = True,
    prepared: Prepared | None = None,
    use_model: bool = True,
) -> Cast:
    """People, roles, affiliations, modes and coalitions of one parsed session, with evidence.

    `reattribute` counts a flagged mis-labelled turn for the likely real speaker;
    the flag is kept either way. `prepared` (from `prepare` with the same registry) skips
    the evidence pass, for training scripts that need the drafts too. Affiliations are chosen
    by the trained ranker (`affmodel`, over `affcands`' candidates) when one is shipped and
    `use_model`; otherwise by the rules' strongest evidence (`best_affiliation`).
    """
    reg = registry or load_registry()
    prepared = prepared or prepare(session, reg, reattribute=reattribute)
    view, groups, moderators, drafts = prepared.view, prepared.groups, prepared.moderators, prepared.drafts
    found, default_mode, mentions = prepared.found, prepared.default_mode, prepared.mentions
    flags = tuple(Flag(f.line, f.label, f.reason, f.likely) for f in found)
    ranker = affmodel.load_affiliation_model() if use_model else None
    hubs = [_is_hub(view, d.group, reg) for d in drafts]
    options = affiliation_options(prepared, reg, hubs) if ranker is not None else []
    if options:  # what `whole_name` must not extend a piece into: a country, a speaker's name
        places = _place_words(reg)
        people_words = affcands.person_words([d.group.name for d in drafts if d.group.name])
    people: list[Person] = []
    claims: list[Voice] = []
    for position, draft in enumerate(drafts):
        group = draft.group
        moderator = is_moderator(group, moderators)
        hub = hubs[position]
        entity_id, evidence = best_affiliation(draft, reg, moderator or hub)
        if hub:  # a room of many people in another city speaks for no one body
            entity_id, evidence = None, []
        free = entity_id is not None and entity_id.startswith("org:")
        entity = reg.get(entity_id) if entity_id and not free else None
        affiliation = draft.org_names.get(entity_id) if free and entity_id else (entity.name if entity else None)
        if ranker is not None and not hub:
            # a piece of a body's name cut at an inner "of"/"for"/"de" gives way to the whole name
            pick = whole_name(affmodel.choose(ranker, *options[position]), options[position][0], places, people_words)
            entity_id, affiliation, evidence = _picked(pick, draft, reg)
            free = entity_id is None or entity_id.startswith("org:")
            entity = None if free or entity_id is None else reg.get(entity_id)
        kind = entity.kind if entity else ("dc" if affiliation and _DC_NAME.match(affiliation) else None)
        role = _role(draft, kind, moderator, hub)
        words = sum(count_words(session.turns[i].text) for i in group.turns)  # as speaking time counts
        own_flags = [
            f"line {f.line} is labelled {f.label} in the captions; counted as this speaker's "
            f"(likely caption mis-attribution)"
            for f in found
            if f.likely == group.name and reattribute
        ]
        if not reattribute:
            own_flags += [f.reason for f in found if f.turn in group.turns]
        mode = _mode(draft, default_mode, hub or group.hub is not None)  # a voice of a hub is online
        # what decided: the card, or (when their own words overrule it or there is none) the cues
        mode_shown = draft.card_mode_evidence[:1] if draft.card_mode and mode == draft.card_mode else []
        by_card = draft.card_evidence[:1] if draft.card_role and (draft.card_role == role or moderator) else []
        # one quote once, though it showed the body, the mode and the slot (kinds differ, words do not)
        shown = list(
            {
                (e.line, e.quote): e for e in reversed(evidence[:3] + (mode_shown or draft.mode_evidence[:2]) + by_card)
            }.values()
        )[::-1]
        # "HUB GEORGETOWN" is "Georgetown Hub"; "REMOTE HUB, PRAIA" … "PRAIA HUB" one hub, by the shorter
        # ">> REMOTE HUB:" after "Gyumri hub, you can speak now": the room of Gyumri
        name = (
            hub_name(group.name, group.labels, said_place(group.turns, session.turns))
            if hub and group.name
            else group.name
        )
        aliases = [*draft.aliases, *([group.name] if group.name and name != group.name else [])]
        person = Person(
            name=name,
            labels=tuple(group.labels),
            role=role,
            affiliation=affiliation,
            affiliation_id=None if free else entity_id,
            mode=mode,
            lines=tuple(session.turns[i].line for i in group.turns),
            words=words,
            minutes=round(words / words_per_minute, 1) if words_per_minute else 0.0,
            evidence=tuple(shown),
            flags=tuple(own_flags),
            aliases=tuple(dict.fromkeys(aliases)),
            description=_describe(draft, affiliation, role),
        )
        claimed = None if hub or not words else _claimed(view, draft, reg, prepared.new_coalitions)
        if claimed is not None:
            claims.append(Voice(claimed[0], claimed[2]))
        person = replace(person, speaks_for=claimed[1] if claimed else None)
        people.append(replace(person, stakeholder=stakeholder_group(person, reg)))
    people = _with_colleagues(view, people, drafts, reg)
    people = _panel_split(view, people, groups, moderators)
    coalitions = _coalitions(view, people, mentions, moderators, groups, reg, prepared.new_coalitions, claims)
    return Cast(tuple(people), tuple(coalitions), flags, tuple(mentions))

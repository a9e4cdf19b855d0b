"""The IGF workshop reporting template, filled from a session's stored analyses.

A rapporteur fills the same headings after every IGF session (DESIGN.md, in this
order): Session title, Date, Organiser, Chair/Moderator, Rapporteur, Speakers and their
institutional affiliations, Key issues raised, Presentations, Discussion, Way forward
and key takeaways, Calls to action; plus a short form (≤ 3 key takeaways, ≤ 2 calls to
action). `igf_report(session, analyses)` is a pure function over what the pipeline
already stored — people, segments, takeaways, calls to action, speaker points, asks
and the `document` metadata — so it adds no new language processing. It only chooses
where each cited sentence goes, by these rules:

- Session title and Date: the session's, the date from the `document` analysis when
  known, else the year. Rapporteur: left for the user.
- Organiser: the coalition the title names (the `document` analysis; a coalition of the
  session the registry does not know yet, when the title holds its name; a document's named
  on its first page or given at ingest, said as such), else a sentence
  of the opening that says who organised or hosted the session, else "not stated".
- Chair/Moderator and Speakers: the resolved people (moderators; everyone else) with
  their affiliations, each cited where the analysis found it (a hand-off or a
  self-introduction), else at the first sentence the person spoke.
- Each point once: a sentence is said under one heading only (one quoting the same passage
  of the same line restates it: `_restates`). Calls to action keep theirs, then the
  Discussion, the Way forward, the Key issues and the Presentations each say what the
  sections before them (and the Organiser) do not.
- Key issues raised: one sentence per agenda segment (opening and closing aside): the
  first sentence of a presenter in it that no other section says, taken only while the
  presenter keeps another point for their own paragraph; with fewer than two such
  segments, one per ask category said nowhere else (most raised first), topped up with
  each presenter's first such spare point. Fewer issues rather than a repeat.
- Presentations: one paragraph per presenter (a coalition representative or guest):
  their key points that no other section says (else the first sentences of their turns
  that read as points and are said nowhere else; a presenter with nothing of their own
  left gets no paragraph), credited by the turn they sit in (so a caption mis-label does not
  move a point to another person). Every stored citation is credited afresh the same
  way (`attribution`): never to a flagged caption label, the inferred credit marked in
  the sentence, the caption's voice kept in `voiced_by`; label variants are one person.
- Discussion: the exchanges of questions and answers (each question put by anyone but
  the chair, quoted, then the first sentences of its answer that read as points, or
  that it was not answered), then the points of everyone else (participants, remote
  hubs) not already shown, by segment; three paragraphs in all, the exchanges merged in order
  when there are more (a participant whose every sentence is in another section is shown
  by those sentences, the Way forward then leaving them out, a call to action excepted).
  An answer that a call says, or that an earlier exchange shows, gives way to the answer's
  next sentence. With none, the section says why: no one but the chair and the presenters
  spoke, and no one asked (or the floor's every point is a call to action).
- Way forward and key takeaways: the takeaways the Discussion and the commitments do not
  already quote (an answer quoted there is not said again), in at most three paragraphs (by
  segment), the last one the commitments made when there are any (a promise the Discussion
  already quotes as an answer is not said again either).
- Calls to action: the calls to action with their category, only those that ask someone
  to act (a directive word, a request, an imperative: `_real_calls`); a call that quotes a
  speaker's own promise, or that only says what someone will do, is a commitment (under
  Way forward), not a call on others; a description or the chair's procedure is no call.
- Short form: the three takeaways whose words the rest of the session echoes most
  (distinct speakers; presenters' before the floor's, the chair's only if needed), and
  the calls of the two ask categories raised most.

Every sentence is a `Bullet` whose citation quotes the source verbatim and describes
itself (title, year, date, speaker, line); `check_citations` audits the whole report.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..labels import unnamed_voice
from ..models import Citation, Session, Turn
from ..transcript.furniture import NOTE
from ..transcript.speakers import name_key, phone_label
from .actions import cite_quote
from .attribution import INFERRED, UNATTRIBUTED, Credits
from .floor import is_floor_talk
from .labels import PREFIXES, hub_place, label_role, speaker_phrase
from .models import Bullet, SourcedCitation
from .questions import question_text
from .rank import is_directive
from .rewrite import Voice, dangling_object, render_sentence
from .roles import is_agreement
from .sources import SourceInfo, describe, source_info
from .units import session_units, terms
from .wording import institution, voice_for

__all__ = [
    "HEADINGS",
    "NOT_STATED",
    "RAPPORTEUR",
    "IgfReport",
    "Paragraph",
    "TemplateSection",
    "igf_report",
]

HEADINGS = (
    "Session title",
    "Date",
    "Organiser",
    "Chair/Moderator",
    "Rapporteur",
    "Speakers and their institutional affiliations",
    "Key issues raised",
    "Presentations",
    "Discussion",
    "Way forward and key takeaways",
    "Calls to action",
)
NOT_STATED = "not stated"
RAPPORTEUR = "(to be completed by the rapporteur)"
PRESENTER_ROLES = frozenset({"dc-representative", "guest"})
MAX_PARAGRAPHS = 3
SHORT_TAKEAWAYS, SHORT_CALLS = 3, 2
MAX_ISSUES = 8
# Discussion: the question-and-answer exchanges shown, and the answer sentences each.
MAX_EXCHANGES, ANSWER_SENTENCES = 6, 2
NO_DISCUSSION = "none recorded: no one but the chair and the presenters spoke, and no question was put to them"
FLOOR_ELSEWHERE = 2
FLOOR_CALLS = "the participants' points are given under Calls to action"
# A presenter whose every point another section says is shown by this many sentences of their own.
PRESENTER_FALLBACK = 2
# What a question's fate (the analyse stage's status) adds when no answer sentence is shown.
# A question read out for someone else opens with who it is from ("A remote participant from the
# Ghana IGF asks: how can …", after the name of whom it is put to): the sentence the report builds names the asker, so the quote starts after it.
_RELAYED = re.compile(
    r"(?:[^,:“”\"?]{1,40},\s+)?(?P<who>[^,:“”\"?]{3,80}?)\s+(?:asks|asked|wants\s+to\s+know|would\s+like\s+to\s+know)"
    # the one asked may be named ("asks Thura:"), and the read-out may open its own quotation
    r"(?:\s+(?-i:[A-Z][\w'‑-]+))?\s*:\s*[\"“]?\s*(?P<question>\S.*)",
    re.DOTALL,
)
# ... or is announced as one: "One question from a remote participant in Yerevan for the police
# officer: how long …" (whom it is for is already said by "asked …").
_QUESTION_FROM = re.compile(
    r"(?:(?:one|a|another|the|last|final|next) )?(?:more |last |final |short |quick )?question from "
    r"(?P<who>[^,:“”\"?]{3,80}?)(?:,? for [^:“”\"?]{1,60})?\s*:\s*[\"“]?\s*(?P<question>\S.*)",
    re.DOTALL | re.IGNORECASE,
)
_FATE = {
    "unanswered": " It was not answered in the session.",
    "answered": " It was answered.",
    "answered-later": " It was answered later in the session.",
}
ROOM = "room"  # the analyse stage's addressee of a question put to no one in particular
# Segments the analyse stage names for what is around the substance.
_FRAME_SEGMENTS = frozenset({"opening", "closing"})
# A sentence of the opening that says who organised the session.
_ORGANISED = re.compile(
    r"\b(?:(?:co-?)?organi[sz]ed|hosted|convened|facilitated|put together|brought to you) by\b"
    r"|\bon behalf of (?:the )?(?:organi[sz]ers|hosts?)\b|\b(?:our|the) (?:co-?)?organi[sz]ers? (?:is|are)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Paragraph:
    """Cited sentences about one subject (`lead`: a presenter, or who spoke in a discussion)."""

    lead: str
    sentences: tuple[Bullet, ...]

    def to_json(self) -> dict[str, Any]:
        return {"lead": self.lead, "sentences": [b.to_json() for b in self.sentences]}


@dataclass(frozen=True)
class TemplateSection:
    """One heading of the template: a plain field (`value`), cited items, or paragraphs."""

    heading: str
    value: str | None = None
    items: tuple[Bullet, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "value": self.value,
            "items": [b.to_json() for b in self.items],
            "paragraphs": [p.to_json() for p in self.paragraphs],
        }


@dataclass(frozen=True)
class IgfReport:
    """The filled template: the sections in `HEADINGS` order, and the short form."""

    session: str
    title: str
    sections: tuple[TemplateSection, ...]
    short_takeaways: tuple[Bullet, ...] = ()
    short_calls: tuple[Bullet, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def section(self, heading: str) -> TemplateSection:
        return next(s for s in self.sections if s.heading == heading)

    def bullets(self) -> list[tuple[str, Bullet]]:
        """Every cited sentence with where it sits (for `check_citations` and the Sources list)."""
        out: list[tuple[str, Bullet]] = []
        for s in self.sections:
            out += [(s.heading, b) for b in s.items]
            out += [(f"{s.heading}/{p.lead}", b) for p in s.paragraphs for b in p.sentences]
        out += [("Short form/Key takeaways", b) for b in self.short_takeaways]
        return out + [("Short form/Calls to action", b) for b in self.short_calls]

    def to_json(self) -> dict[str, Any]:
        """`report SESSION --template igf --json`: the sections in order, then the short form."""
        return {
            "template": "igf",
            "session": self.session,
            "title": self.title,
            "sections": [s.to_json() for s in self.sections],
            "short_form": {
                "key_takeaways": [b.to_json() for b in self.short_takeaways],
                "calls_to_action": [b.to_json() for b in self.short_calls],
            },
            "notes": list(self.notes),
        }


# ---------------------------------------------------------------- reading stored analyses


class _Source:
    """The session with the lookups the rules need: turns by line, units, segments, citations."""

    def __init__(self, session: Session, analyses: Mapping[str, Any]) -> None:
        self.session = session
        self.info: SourceInfo = source_info(session, analyses)
        self.credits = Credits.of(session, analyses)  # never credit a flagged caption label
        self.speech = [t for t in session.turns if t.kind == "speech"]
        self.starts = [t.line for t in self.speech]
        segments = [s for s in _list(analyses, "segments") if "from_line" in s and "to_line" in s]
        self.segments = sorted(segments, key=lambda s: int(s["from_line"]))
        self.seg_starts = [int(s["from_line"]) for s in self.segments]
        self.cast: dict[str, Mapping[str, Any]] = {}
        for p in _list(analyses, "people"):
            for n in (p.get("name"), *(p.get("labels") or ())):
                if n:
                    self.cast.setdefault(name_key(str(n)), p)

    def turn_at(self, line: int) -> Turn | None:
        i = bisect_right(self.starts, line) - 1
        if i >= 0 and line <= max(self.speech[i].line, self.speech[i].end_line):
            return self.speech[i]
        return None

    def segment_at(self, line: int) -> int:
        """Index of the segment covering `line` (-1: before the first one or none known)."""
        return bisect_right(self.seg_starts, line) - 1

    def is_frame(self, index: int) -> bool:
        if index < 0:
            return True
        return str(self.segments[index].get("title") or "").strip().lower() in _FRAME_SEGMENTS

    def phrase(self, who: str | None, opens: bool = False) -> str:
        """How a sentence names a speaker (`labels.speaker_phrase`); a remote hub of the cast as a place."""
        person = self.cast.get(name_key(who)) if who else None
        return speaker_phrase(who, opens=opens, hub=bool(person and person.get("role") == "remote-hub"))

    def cite(self, c: Citation) -> SourcedCitation:
        return describe(c, self.info, self.session)

    def voice(self, c: Citation) -> Voice:
        """Who said a cited line, as the stored cast and the credits know (`wording.voice_for`);
        a document's paragraph speaks for its author, as in the summaries (`Wording.voice`): a
        coalition's "we" is the coalition, not "A participant"."""
        credit = self.credits.at(c.line)
        if credit is not None and credit.name is None and credit.author:
            return Voice(credit.author, credit.author if self.credits.author_is_body else None)
        name = credit.name if credit is not None else c.speaker
        person = self.cast.get(name_key(name)) if name else None
        role = str(person.get("role") or "") if person else None
        affiliation = str(person.get("affiliation") or "") if person else None
        if (
            role == "remote-hub" and name
        ):  # a place speaks through a participant: "A participant from the Dhaka hub (Bangladesh): …"
            name = speaker_phrase(name, opens=True, hub=True)
        return voice_for(name, role, affiliation, bool(credit is not None and credit.inferred))

    def restate(self, b: Bullet, attributed: bool = False) -> Bullet | None:
        """A one-quote bullet rendered afresh from its quote (`rewrite`), None when it is no point.

        Analyses stored before the rewrite stage carry raw caption sentences; a bullet under
        its speaker's name (`attributed`) needs no "Name (Org): " prefix, one in a list does.
        A bullet resting on two quotes (a dangling subject put after its context) is kept.
        """
        if len(b.citations) != 1:
            return b
        rendered = render_sentence(b.citations[0].quote, self.voice(b.citations[0]), None, attributed)
        if rendered is None:
            return None
        marks = [m for m in (INFERRED, UNATTRIBUTED) if m in b.text]
        return Bullet(" ".join([rendered.text, *marks]), b.citations, b.kind, b.score)

    def bullet(self, data: Mapping[str, Any], kind: str = "", attributed: bool = False) -> Bullet | None:
        """A stored bullet (`text` + `citations`) with described citations; None when uncited
        or when its quote is no point (a question, procedure, a fragment: `rewrite`).

        Its citations are credited afresh (`attribution`), so analyses stored before a
        flagged caption label was re-credited still read right.
        """
        cites = tuple(self.cite(SourcedCitation.from_json(c)) for c in data.get("citations") or () if "line" in c)
        text = " ".join(str(data.get("text") or "").split())
        if not cites or not text:
            return None
        restated = self.restate(Bullet(text, cites, kind or str(data.get("kind") or "")), attributed)
        return self.credits.bullet(restated) if restated is not None else None


def _list(analyses: Mapping[str, Any], kind: str) -> list[Mapping[str, Any]]:
    value = analyses.get(kind)
    return [x for x in value if isinstance(x, Mapping)] if isinstance(value, list) else []


def _key(b: Bullet) -> tuple[int, str]:
    c = b.citations[0]
    return c.line, c.quote


def _line(b: Bullet) -> int:
    return b.citations[0].line


# ---------------------------------------------------------------- people


@dataclass(frozen=True)
class _Person:
    name: str | None
    role: str | None
    affiliation: str | None
    lines: tuple[int, ...]
    labels: tuple[str, ...]
    evidence: tuple[Mapping[str, Any], ...]

    @property
    def shown(self) -> str:
        if self.role == "remote-hub":  # a place: "DHAKA BANGLADESH" is the Dhaka hub (Bangladesh)
            return hub_place(self.name or "") or "Unnamed remote hub"
        if self.name:
            return self.name
        return _role_reading(self.labels) or "Unnamed speaker"

    @property
    def entry(self) -> str:
        """ "Name, affiliation" — the line a rapporteur writes under Speakers."""
        if self.affiliation:
            return f"{self.shown}, {self.affiliation}"
        if self.role == "remote-hub":  # "Dhaka hub (Bangladesh)" says it is a hub
            return self.shown
        if not self.name and self.shown in _GROUPS:  # the floor has no one affiliation to state
            return self.shown
        return f"{self.shown} (affiliation {NOT_STATED})"


_GROUPS = frozenset({"Participants from the floor", PREFIXES["interpreter"]})


def _role_reading(labels: Sequence[str]) -> str | None:
    """How an unnamed person's role label reads in the report, None when no label is a role.

    A caption label that names a role is the role, not an unnamed person: "CHAIR" is
    "The Chair", "ONLINE MODERATOR" "The Online Moderator", a numbered voice keeps its
    number ("Speaker 2"), the floor is "Participants from the floor", an interpreter's
    voice is a speaker's (`labels.PREFIXES`). A telephone number names no role.
    """
    for label in labels:
        kind = label_role(label)
        if kind is None or phone_label(label):
            continue
        words = " ".join(label.split()).title()
        if kind == "interpreter":
            return PREFIXES["interpreter"]
        if kind == "participant":
            return words if any(ch.isdigit() for ch in words) else "Participants from the floor"
        return words if words.startswith("The ") else f"The {words}"
    return None


def _people(analyses: Mapping[str, Any]) -> list[_Person]:
    out = []
    for p in _list(analyses, "people"):
        lines = tuple(int(x) for x in p.get("lines") or () if isinstance(x, int))
        out.append(
            _Person(
                name=p.get("name"),
                role=p.get("role"),
                affiliation=institution(p.get("affiliation")),
                lines=lines,
                labels=tuple(str(x) for x in p.get("labels") or ()),
                evidence=tuple(e for e in p.get("evidence") or () if isinstance(e, Mapping)),
            )
        )
    return sorted(out, key=lambda p: p.lines[0] if p.lines else 1 << 30)


_ROLE_WORDS = re.compile(r"\b(?:moderat\w*|chair\w*|facilitat\w*|host\w*)\b", re.IGNORECASE)


def _says_who(person: _Person, quote: str) -> bool:
    """Whether a quote states the person's role or affiliation (a hand-off or self-introduction)."""
    if person.role == "moderator" and _ROLE_WORDS.search(quote):
        return True
    tail = " ".join((person.affiliation or "").split()[-2:]).lower()
    return bool(tail) and tail in quote.lower()


def _note(quote: str) -> bool:
    """Whether a cited sentence is only a captioner's note in brackets ("(Poor audio quality).",
    `furniture.NOTE`): the captioner's words under the speaker's label, not the speaker's."""
    return bool(NOTE.match(quote.strip()))


def _person_bullet(src: _Source, person: _Person) -> Bullet | None:
    """The person's entry, cited where it is stated best.

    Candidates are the analysis's evidence quotes (re-found verbatim) and the sentences
    of the person's first turn with words of theirs (a turn that is only a captioner's note,
    "(Poor audio quality).", is skipped: `_note`); the first that states the role or
    affiliation wins, else the first evidence, else the person's first sentence of five
    words or more.
    """
    evidence: list[Citation] = []
    for ev in person.evidence:
        if isinstance(ev.get("line"), int) and ev.get("quote"):
            cite = cite_quote(src.session, int(ev["line"]), str(ev["quote"]))
            if cite is not None and not _note(cite.quote):
                evidence.append(cite)
    own: list[Citation] = []
    for line in person.lines:  # the first turn with words of theirs: "(Poor audio quality)." is the captioner's
        turn = src.turn_at(line)
        own = [u.citation() for u in session_units(src.session, [turn])] if turn is not None else []
        own = [c for c in own if not _note(c.quote)]
        if own:
            break
    stated = [c for c in [*evidence, *own] if _says_who(person, c.quote)]
    substantive = [c for c in own if len(c.quote.split()) >= 5]
    best = next(iter(stated or evidence or substantive or own), None)
    if best is None:
        return None
    # credited as every other sentence is: a turn captioned "MODERATOR" or "INTERPRETER" is
    # cited as the person it is counted for; an unnamed role ("REMOTE MODERATOR") stays the role
    return src.credits.bullet(Bullet(person.entry, (src.cite(best),), person.role or ""))


def _entries(src: _Source, people: Sequence[_Person]) -> list[tuple[_Person, Bullet | None]]:
    """Each person's Speakers entry, once: a "name" that is a captioner's note ("[Screen sharing
    started by …]", `_note`) is no speaker, and a second entry that reads the same as one shown
    ("Participants from the floor" for two floor microphones) says nothing new (None)."""
    out: list[tuple[_Person, Bullet | None]] = []
    seen: set[str] = set()
    for p in people:
        entry = None if p.name and _note(p.name) else _person_bullet(src, p)
        if entry is not None and entry.text in seen:
            entry = None
        if entry is not None:
            seen.add(entry.text)
        out.append((p, entry))
    return out


class _Owners:
    """Who said a cited line: the resolved person whose turn covers it (labels as a fallback)."""

    def __init__(self, src: _Source, people: Sequence[_Person]) -> None:
        self.src = src
        self.by_line = {line: i for i, p in enumerate(people) for line in p.lines}
        self.by_name = {name_key(n): i for i, p in enumerate(people) for n in (p.name, *p.labels) if n}

    def of(self, b: Bullet) -> int | None:
        c = b.citations[0]
        turn = self.src.turn_at(c.line)
        if turn is not None and turn.line in self.by_line:
            return self.by_line[turn.line]
        return self.by_name.get(name_key(c.speaker)) if c.speaker else None


# ---------------------------------------------------------------- the sections


def _organiser(src: _Source, analyses: Mapping[str, Any]) -> TemplateSection:
    meta = analyses.get("document") if isinstance(analyses.get("document"), Mapping) else {}
    named = {
        str(c["name"]): _WHERE_NAMED.get(str(c.get("evidence") or ""), _MENTIONED if c.get("evidence") else _GIVEN)
        for c in (meta or {}).get("coalitions") or ()
        if isinstance(c, Mapping) and c.get("name")
    } or dict.fromkeys(_title_coalitions(src.session.title, analyses.get("coalitions")), _WHERE_NAMED["title"])
    if named:
        by_where: dict[str, list[str]] = {}
        for name, where in named.items():
            by_where.setdefault(where, []).append(name)
        return TemplateSection("Organiser", value="; ".join(f"{'; '.join(n)} ({w})" for w, n in by_where.items()))
    opening_end = int(src.segments[0]["to_line"]) if src.segments else None
    turns = src.speech[:3] if opening_end is None else [t for t in src.speech if t.line <= opening_end][:6]
    for unit in session_units(src.session, turns):
        if _ORGANISED.search(unit.text):
            said = render_sentence(unit.text, src.voice(unit.citation()))
            if said is not None:
                return TemplateSection(
                    "Organiser", items=(src.credits.bullet(Bullet(said.text, (src.cite(unit.citation()),))),)
                )
    return TemplateSection("Organiser", value=NOT_STATED)


# Where the `document` analysis found the coalition it credits (`documents.meta`: its
# `evidence`), as the Organiser line says it: a document's coalition is often named on its
# first page only, and one given with `ingest --coalition` carries no evidence.
_WHERE_NAMED = {"title": "named in the session title", "first page": "named on its first page"}
_MENTIONED, _GIVEN = "named in its text", "given when it was stored"


def _title_coalitions(title: str | None, coalitions: Any) -> list[str]:
    """The session's coalitions that the registry does not know yet (no id) whose name, with
    its "Dynamic Coalition on" or "DC on", the title holds: the coalition the session is of
    (the `document` analysis names only registered ones)."""
    from ..resolve.newcoalitions import named_topics, same_coalition, topic_key

    said = named_topics(title or "")
    return [
        str(c["name"])
        for c in coalitions or ()
        if isinstance(c, Mapping)
        and c.get("name")
        and not c.get("id")
        and any(same_coalition(key, topic_key(str(c["name"]))) for key in said)
    ]


def _date(src: _Source) -> str:
    from .sources import human_date

    return human_date(src.info.date) or (str(src.info.year) if src.info.year else NOT_STATED)


def _key_issues(
    src: _Source,
    candidates: Sequence[Bullet],
    asks: Sequence[Bullet],
    taken: Sequence[Bullet],
    owners: _Owners | None = None,
    people: Sequence[_Person] = (),
) -> tuple[Bullet, ...]:
    """One sentence per substantive segment, else one per ask category (most raised first),
    each saying what no other section says (`taken`; `_restates`).

    A presenter's point is taken only while the presenter keeps another one for their own
    paragraph (`spare`): a presenter with one point says it under Presentations, not twice.
    With too few such sentences, each presenter's first spare point tops the list up; with
    none at all, each presenter's first sentence that reads as a point and is said nowhere
    else, their analysed points left to their paragraph (`_own_sentences`: a short session's
    presenters often make one point each). Fewer issues rather than a repeat.
    """
    out: list[Bullet] = []
    left: dict[int | None, int] = Counter(
        owners.of(b) if owners else None for b in candidates if not _restates(b, taken)
    )

    def spare(b: Bullet) -> bool:
        if _restates(b, [*taken, *out]):
            return False
        owner = owners.of(b) if owners else None
        return owner is None or left.get(owner, 0) >= 2

    def take(b: Bullet) -> None:
        owner = owners.of(b) if owners else None
        if owner is not None:
            left[owner] = left.get(owner, 0) - 1
        out.append(b)

    by_segment: dict[int, list[Bullet]] = {}
    for b in candidates:
        seg = src.segment_at(_line(b))
        if not src.is_frame(seg):
            by_segment.setdefault(seg, []).append(b)
    if len(by_segment) >= 2:
        for seg in sorted(by_segment):
            fresh = sorted((b for b in by_segment[seg] if spare(b)), key=_line)
            pick = src.restate(fresh[0]) if fresh else None  # a list of issues: first person is attributed
            if pick is not None:
                title = str(src.segments[seg].get("title") or "").strip()
                take(Bullet(pick.text, pick.citations, title))
    else:
        counts = Counter(b.kind for b in asks if b.kind)
        for category, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            fresh = [b for b in asks if b.kind == category and not _restates(b, [*taken, *out])]
            out += fresh[:1]
    if len(out) < 2:  # too few segments and asks not said elsewhere: each presenter's first spare point
        firsts: dict[str | None, Bullet] = {}
        for b in sorted(candidates, key=_line):
            if spare(b):
                firsts.setdefault(b.citations[0].speaker, b)
        for b in firsts.values():
            if spare(b) and (r := src.restate(b)) is not None:
                take(r)
    if not out and owners is not None:
        by_owner: dict[int, list[Bullet]] = {}
        for b in sorted(candidates, key=_line):
            if (o := owners.of(b)) is not None and o < len(people):
                by_owner.setdefault(o, []).append(b)
        for owner, theirs in by_owner.items():
            own = _own_sentences(src, people[owner], [*taken, *out, *theirs])
            if own and (r := src.restate(own[0])) is not None:
                out.append(r)
    return tuple(out[:MAX_ISSUES])


def _issue_from_way_forward(
    src: _Source, paragraphs: tuple[Paragraph, ...]
) -> tuple[tuple[Bullet, ...], tuple[Paragraph, ...]]:
    """(Key issues, Way forward) when no other section left a sentence for the Key issues (a
    short session of the floor alone, say): the first takeaway that states a finding rather
    than an ask (`rank.is_directive`) moves from the Way forward to the Key issues, when the
    Way forward keeps another takeaway; moved, not copied, so the point is still said once."""
    said = [b for p in paragraphs if p.lead != "Commitments" for b in p.sentences]
    if len(said) < 2:
        return (), paragraphs
    for b in said:
        if is_directive(" ".join(c.quote for c in b.citations)):
            continue
        pick = src.restate(b)
        if pick is None:
            continue
        kept = tuple(Paragraph(p.lead, tuple(o for o in p.sentences if o is not b)) for p in paragraphs)
        return (pick,), tuple(p for p in kept if p.sentences)
    return (), paragraphs


def _chunks(groups: Sequence[list[Bullet]], limit: int = MAX_PARAGRAPHS) -> list[list[Bullet]]:
    """Consecutive groups merged into at most `limit` paragraphs of about equal count."""
    groups = [g for g in groups if g]
    if len(groups) <= limit:
        return list(groups)
    total = sum(len(g) for g in groups)
    out: list[list[Bullet]] = [[]]
    done = 0
    for g in groups:
        if out[-1] and len(out) < limit and done >= total * len(out) / limit:
            out.append([])
        out[-1].extend(g)
        done += len(g)
    return out


def _by_segment(src: _Source, bullets: Iterable[Bullet]) -> list[list[Bullet]]:
    groups: dict[int, list[Bullet]] = {}
    for b in sorted(bullets, key=_line):
        groups.setdefault(src.segment_at(_line(b)), []).append(b)
    return [groups[k] for k in sorted(groups)]


def _presentations(
    src: _Source, people: Sequence[_Person], points: dict[int, list[Bullet]], taken: Sequence[Bullet]
) -> tuple[Paragraph, ...]:
    """One paragraph per presenter: their points that no other section says (`taken`); when
    every one is said elsewhere (a point made in answer to a question is read in the
    Discussion), the first sentences of their own turns that read as points and are said
    nowhere else (`PRESENTER_FALLBACK`); a presenter left with nothing of their own is not
    given a paragraph of repeats."""
    out = []
    for i, person in enumerate(people):
        if person.role not in PRESENTER_ROLES or not points.get(i):
            continue
        mine = [b for b in sorted(points[i], key=_line) if not _restates(b, taken)]
        if not mine:
            mine = _own_sentences(src, person, taken)[:PRESENTER_FALLBACK]
        if mine:
            out.append(Paragraph(person.entry, tuple(mine)))
    return tuple(out)


def _own_sentences(src: _Source, person: _Person, taken: Sequence[Bullet]) -> list[Bullet]:
    """The sentences of the person's turns that read as points (`render_sentence`, under their
    own name) and that no sentence of `taken` quotes, in order."""
    out: list[Bullet] = []
    turns = [t for line in person.lines if (t := src.turn_at(line)) is not None]
    for unit in session_units(src.session, list(dict.fromkeys(turns))):
        said = render_sentence(unit.text, src.voice(unit.citation()), None, True)
        if said is None:
            continue
        b = src.credits.bullet(Bullet(said.text, (src.cite(unit.citation()),), "point"))
        if not _restates(b, [*taken, *out]):
            out.append(b)
    return out


def _discussion(
    src: _Source,
    people: Sequence[_Person],
    points: dict[int, list[Bullet]],
    elsewhere: dict[int, list[Bullet]],
    exchanges: Sequence[Paragraph],
    calls: Sequence[Bullet] = (),
) -> TemplateSection:
    """The exchanges of questions and answers, then the points of everyone else, by segment;
    when there are none, the section says why.

    A participant whose every sentence went to another section (a short session's floor
    comment is often a takeaway or a call) is still part of the discussion: their first
    `FLOOR_ELSEWHERE` sentences of those sections (`elsewhere`) stand for them here, and the
    Way forward does not say them again; a call to action (`calls`) is said under its own
    heading only. When every point of the floor is a call, the section says so.
    """
    floor = {i for i, p in enumerate(people) if p.role not in PRESENTER_ROLES and p.role != "moderator"}
    shown = {_key(b) for p in exchanges for b in p.sentences}
    mine = {
        i: [b for b in points.get(i) or () if not _restates(b, calls)]
        or [b for b in sorted(elsewhere.get(i, []), key=_line) if not _restates(b, calls)][:FLOOR_ELSEWHERE]
        for i in floor
    }
    said = [b for i in sorted(floor) for b in dict.fromkeys(mine[i]) if _key(b) not in shown]
    owner = {_key(b): i for i in floor for b in mine[i]}
    # at most MAX_PARAGRAPHS in all (the IGF template's limit): the exchanges first, a
    # paragraph kept for the floor's points when there are any
    out = _merged(exchanges, MAX_PARAGRAPHS - (1 if said else 0))
    for chunk in _chunks(_by_segment(src, said), MAX_PARAGRAPHS - len(out)):
        names = dict.fromkeys(people[owner[_key(b)]].shown for b in chunk)
        out.append(Paragraph("; ".join(names), tuple(chunk)))
    if out:
        return TemplateSection("Discussion", paragraphs=tuple(out))
    if any(points.get(i) or elsewhere.get(i) for i in floor):
        return TemplateSection("Discussion", value=FLOOR_CALLS)
    return TemplateSection("Discussion", value=NO_DISCUSSION)


def _merged(exchanges: Sequence[Paragraph], limit: int) -> list[Paragraph]:
    """The exchanges in at most `limit` paragraphs, consecutive ones together in order; a
    paragraph of several is led "Questions and answers"."""
    if len(exchanges) <= limit:
        return list(exchanges)
    size = -(-len(exchanges) // limit)  # ceiling: the first paragraphs take one more
    out = []
    for at in range(0, len(exchanges), size):
        group = exchanges[at : at + size]
        lead = group[0].lead if len(group) == 1 else "Questions and answers"
        out.append(Paragraph(lead, tuple(b for p in group for b in p.sentences)))
    return out


def _exchanges(
    src: _Source,
    people: Sequence[_Person],
    analyses: Mapping[str, Any],
    stored: Sequence[Bullet],
    taken: Sequence[Bullet] = (),
) -> tuple[Paragraph, ...]:
    """One paragraph per question put to the speakers (a chair's questions are the agenda, not
    the discussion): the question as asked, cited, then what its answer says, cited.

    The question keeps its own words (`questions.question_text`: only deletion), quoted;
    a question that only manages the floor (`floor.is_floor_talk`) is no exchange; the answer is what the first answering turn says (`_answer`), at most `ANSWER_SENTENCES`
    sentences. An unanswered question says so. An answer sentence a call to action says, or an
    earlier exchange already shows (`taken` grows), is not shown again: the next one is.
    """
    taken = list(taken)
    chairs = {name_key(n) for p in people if p.role == "moderator" for n in (p.name, *p.labels) if n}
    out: list[Paragraph] = []
    for q in sorted(_list(analyses, "questions"), key=lambda q: int(q.get("line") or 0)):
        asker = str(q.get("by") or "")
        if asker and name_key(asker) in chairs:
            continue
        cite = cite_quote(src.session, int(q.get("line") or 0), str(q.get("text") or ""))
        if cite is None:
            continue
        who = src.credits.at(cite.line)  # the analysis's asker first: a chair may relay a hub's question
        asked_by = asker or (who.name if who is not None else None) or ""
        to = str(q.get("to") or "").strip()
        to = "" if to == ROOM else to  # put to the room: no one to name
        asked_by, shown = _relayed(asked_by, _bare(question_text(cite.quote)))
        shown = _bare(shown)  # the read-out's own quotation, opened after "asks:", closes at the end
        answer = _answer(src, q, cite.line, stored, taken)
        taken += answer
        if is_floor_talk(shown):
            # asking for the floor or handing it on ("May I, one sentence?", "you want to respond
            # for Tradewind?"): no question to report, but what the one given the floor says is
            given = answer[0].citations[0].speaker if answer else None
            if answer and given:
                out.append(Paragraph(src.phrase(given), tuple(answer)))
            continue
        status = "" if answer else _FATE.get(str(q.get("status") or ""), "")
        text = f"{src.phrase(asked_by, opens=True)} asked{f' {to}' if to else ''}: “{shown}”{status}"
        sentences = [src.credits.bullet(Bullet(text, (src.cite(cite),), "question"))]
        sentences += answer
        answerer = answer[0].citations[0].speaker if answer else None
        lead = f"Question from {src.phrase(asked_by)}" + (f", answered by {src.phrase(answerer)}" if answerer else "")
        out.append(Paragraph(lead, tuple(sentences)))
    return tuple(out[:MAX_EXCHANGES])


_QUOTE_MARKS = '"“”'


def _bare(shown: str) -> str:
    """The question without the quotation marks the caption put round it or left half open.

    A captioner quotes a question read out from the chat (`"Will your company publish …?"`), or
    cuts a relayed one so that only its closing mark is left (`… for our founders?"`); put
    inside the report's own “…” they read as `asked: “"Will …”` or `… founders?"”`. A mark
    at either end that has no partner inside is deleted (deletion only: the words stay verbatim).
    """
    text = shown.strip()
    while len(text) > 1 and text[0] in _QUOTE_MARKS and text[-1] in _QUOTE_MARKS:
        if any(mark in text[1:-1] for mark in _QUOTE_MARKS):
            break  # `"yes" or "no"`: two quotations, not one round the whole
        text = text[1:-1].strip()  # a quotation round the whole question
    if text[:1] in _QUOTE_MARKS and _unpaired(text):
        text = text[1:].lstrip()
    if text[-1:] in _QUOTE_MARKS and _unpaired(text):
        text = text[:-1].rstrip()
    return text or shown


def _unpaired(text: str) -> bool:
    """Whether the quotation marks of `text` do not pair up (an odd number of straight ones, or
    more opening than closing curly ones or the reverse)."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def _relayed(asker: str, shown: str) -> tuple[str, str]:
    """(who asked, the words to quote) of a question read out for someone: "A remote participant
    asked: “A remote participant from the Ghana IGF asks: how …”" says its asker twice. The quote
    starts after the read-out's opening, and the opening names the asker when the analysis only
    describes them (an unnamed voice says less than "a remote participant from the Ghana IGF")
    or names them in part (a family name alone, where the read-out gives the whole name)."""
    m = _RELAYED.fullmatch(shown) or _QUESTION_FROM.fullmatch(shown)
    if m is None:
        return asker, shown
    said = m["who"].strip()
    fuller = bool(asker) and set(name_key(asker).split()) <= set(name_key(said).split())
    if unnamed_voice(said) is None and not fuller:
        return asker, shown  # someone else's words the asker quotes: kept as said
    unnamed = (
        not asker or unnamed_voice(asker) is not None or fuller
    )  # "Phonesavanh Inthavong-Marwick" for "Inthavong-Marwick"
    return (said if unnamed else asker), m["question"].strip()


def _answer(
    src: _Source, question: Mapping[str, Any], asked_at: int, stored: Sequence[Bullet], taken: Sequence[Bullet] = ()
) -> list[Bullet]:
    """What the first answering turn says: the report's own sentences cited in it (takeaways,
    points, asks: already rendered and checked), else its sentences that read as points."""
    for line in question.get("answer_lines") or ():
        turn = src.turn_at(int(line)) if isinstance(line, int) else None
        if turn is None or turn.line <= asked_at:
            continue
        inside = [b for b in stored if src.turn_at(_line(b)) is turn and not _restates(b, taken)]
        out = list({_key(b): b for b in sorted(inside, key=_line)}.values())
        for unit in session_units(src.session, [turn]) if not out else ():
            said = render_sentence(unit.text, src.voice(unit.citation()), None, True)
            if said is not None:
                b = src.credits.bullet(Bullet(said.text, (src.cite(unit.citation()),), "answer"))
                if not _restates(b, taken):
                    out.append(b)
        if out:
            return out[:ANSWER_SENTENCES]
    return []


def _parts(b: Bullet) -> set[tuple[int, str]]:
    """(line, words) of each quoted passage of a bullet (a quote joins passages with " … ")."""
    return {(c.line, " ".join(p.split())) for c in b.citations for p in c.quote.split("…") if p.strip()}


def _restates(b: Bullet, others: Iterable[Bullet]) -> bool:
    """Whether `b` quotes what one of `others` already quotes: a passage of the same line that
    holds, or is held in, one of theirs (a commitment cut from a takeaway's sentence, say)."""
    theirs = {part for o in others for part in _parts(o)}
    return any(line == at and (mine in said or said in mine) for line, mine in _parts(b) for at, said in theirs)


def _way_forward(
    src: _Source,
    takeaways: Sequence[Bullet],
    commitments: Sequence[Bullet],
    discussed: Sequence[Bullet] = (),
    calls: Sequence[Bullet] = (),
) -> tuple[Paragraph, ...]:
    """The takeaways the Discussion and the commitments do not already quote, by segment, then
    the commitments (the speakers' own promises) the Discussion does not already quote (a
    promise made in answer to a question is read there), and no takeaway that a call to action
    quotes (`calls`: said under Calls to action). When the Discussion quotes every
    takeaway and commitment, the takeaways are kept: the section is never left empty."""
    commitments = [b for b in commitments if not _restates(b, discussed)]
    fresh = [b for b in takeaways if not _restates(b, [*discussed, *commitments, *calls])]
    if not fresh and not commitments:
        fresh = list(takeaways)
    room = MAX_PARAGRAPHS - (1 if commitments else 0)
    out = [Paragraph("Key takeaways", tuple(chunk)) for chunk in _chunks(_by_segment(src, fresh), room)]
    if commitments:
        out.append(Paragraph("Commitments", tuple(sorted(commitments, key=_line))))
    return tuple(out)


def _echo(b: Bullet, others: Iterable[Bullet]) -> int:
    """How many of the other sentences share a content word with this one (how much the session echoes it)."""
    mine = set(terms(b.text))
    return sum(1 for o in others if o is not b and mine & set(terms(o.text)))


def _short_form(
    takeaways: Sequence[Bullet],
    calls: Sequence[Bullet],
    asks: Sequence[Bullet],
    context: Sequence[Bullet],
    rank: Callable[[Bullet], int],
) -> tuple[tuple[Bullet, ...], tuple[Bullet, ...]]:
    """≤ 3 takeaways (presenters' first, then the floor's, then the chair's; most echoed first;
    distinct speakers) and ≤ 2 calls (of the ask categories raised most, distinct categories),
    in session order."""
    ranked = sorted(takeaways, key=lambda b: (rank(b), -_echo(b, context), _line(b)))
    picked: list[Bullet] = []
    for b in ranked:
        if len(picked) < SHORT_TAKEAWAYS and all(p.citations[0].speaker != b.citations[0].speaker for p in picked):
            picked.append(b)
    counts = Counter(b.kind for b in asks)
    by_weight = sorted(calls, key=lambda b: (-counts.get(b.kind, 0), _line(b)))
    chosen: list[Bullet] = []
    for b in by_weight:
        if len(chosen) < SHORT_CALLS and all(c.kind != b.kind for c in chosen):
            chosen.append(b)
    return tuple(sorted(picked, key=_line)), tuple(sorted(chosen, key=_line))


def _whole_sentence(src: _Source, cite: Citation) -> Citation | None:
    """The whole cited sentence of a clause whose object pronoun points back ("…, and we will
    translate it into French": `rewrite.dangling_object`), whose earlier clause names the thing
    ("The report has a summary, and we will translate it …"), quoted verbatim; None (the ask is
    not shown) when the clause is the whole sentence or the sentence still points back."""
    turn = src.turn_at(cite.line)
    units = session_units(src.session, [turn]) if turn is not None else []
    unit = next((u for u in units if cite.quote in u.text and u.line <= cite.line), None)
    if unit is None or unit.text.strip() == cite.quote.strip() or dangling_object(unit.text):
        return None
    return unit.citation()


# What makes a sentence a call on others when it has no directive word (`rank.DIRECTIVE`): a
# request the speaker makes ("please …", "we ask that …", "I would suggest …", "the government
# could …"), or a clause that opens with a bare verb and its object ("Write the numbers down",
# "…, build the legal wall first"): an imperative.
_REQUEST = re.compile(
    r"\bplease\b|\b(?:I|we) (?:would |also |only )?(?:like|want|ask|suggest|recommend|propose|request|urge|invite|encourage)\b"
    r"|\b(?:could|might) (?!not\b|have\b)\w+|\blet(?:'s| us| people| them| the)\b",
    re.IGNORECASE,
)
_CLAUSE_OPEN = re.compile(
    r"(?:^|[,;:]\s+)(?:(?:so|then|and|but|also|now|first|second|third|finally|yes)\b,?\s+)?"
    r"(?P<verb>[A-Za-z]+)\s+(?P<next>the|a|an|that|this|these|those|it|them|us|your|our|their|more|all|some|every|each|one|two|three|with)\b",
    re.IGNORECASE,
)
# Words that open a clause without being a bare verb: pronouns, determiners, conjunctions,
# prepositions, auxiliaries, time and place adverbs (closed classes of English).
_CLOSED_CLASS = """i you he she it we they me him her us them my your his its our their this that these those
    a an the some any no every each all both one two three several many much more most few
    and but or so then because if when while where as than though although since until unless
    of in on at by for with from to into onto about over under after before between through
    is are was were be been being am do does did have has had can could will would shall should
    may might must not there here now today tomorrow yesterday also only just even still yes
    what which who whom whose how why"""
_NOT_A_VERB = frozenset(_CLOSED_CLASS.split())


_WILL = re.compile(r"\bwill (?!be\b|not\b)\w+", re.IGNORECASE)


def _imperative(quote: str) -> bool:
    """Whether a clause of the quote opens with a bare verb and its object (an imperative)."""
    for m in _CLAUSE_OPEN.finditer(quote):
        verb = m["verb"].lower()
        if verb not in _NOT_A_VERB and not re.search(r"(?:s|ed|ing|ly)$", verb):
            return True
    return False


def _is_call(b: Bullet) -> bool:
    """Whether a call to action asks someone to act: a directive word, a request, an imperative."""
    quote = " ".join(c.quote for c in b.citations)
    return is_directive(quote) or bool(_REQUEST.search(quote)) or _imperative(quote)


def _real_calls(calls: Sequence[Bullet]) -> tuple[list[Bullet], list[Bullet]]:
    """(the calls that ask someone to act, the promises among the rest).

    The analyse stage's asks also catch what only sounds like one: a speaker's own promise or
    the room's decision ("We will table it in Parliament in the first quarter"), a description
    ("One team does maybe 60 buildings a day"), the chair's procedure ("There is time for one
    last intervention"). A sentence with no directive, no request and no imperative is no call
    on others: what someone will do ("will" and a verb) or what the room agreed or decided ("So
    we have agreed, the working group starts in January") is a commitment, said under Way forward;
    the rest is left out of Calls to action. A decision cue alone is no promise: "the next
    steps" of a chair's procedure (`roles.is_decision` says yes to it) is not moved.
    """
    real: list[Bullet] = []
    promised: list[Bullet] = []
    for b in calls:
        if _is_call(b):
            real.append(b)
        elif _WILL.search(quote := " ".join(c.quote for c in b.citations)) or is_agreement(quote):
            promised.append(b)
    return real, promised


def _asks(src: _Source, analyses: Mapping[str, Any]) -> tuple[list[Bullet], list[Bullet]]:
    """(asks and recommendations, commitments) whose quotes are verbatim where the analysis says."""
    asks: list[Bullet] = []
    commitments: list[Bullet] = []
    for a in _list(analyses, "asks"):
        cite = cite_quote(src.session, int(a.get("line") or 0), str(a.get("quote") or ""))
        if cite is not None and dangling_object(cite.quote):
            cite = _whole_sentence(src, cite)
        said = render_sentence(cite.quote, src.voice(cite)) if cite is not None else None
        if cite is not None and said is not None:
            b = src.credits.bullet(Bullet(said.text, (src.cite(cite),), str(a.get("category") or "")))
            (commitments if a.get("type") == "commitment" else asks).append(b)
    return asks, commitments


def igf_report(session: Session, analyses: Mapping[str, Any]) -> IgfReport:
    """The IGF reporting template of a session, every sentence cited (see the module rules)."""
    src = _Source(session, analyses)
    people = _people(analyses)
    owners = _Owners(src, people)
    takeaways = [b for b in (src.bullet(x) for x in _list(analyses, "takeaways")) if b]
    calls = [b for b in (src.bullet(x) for x in _list(analyses, "calls_to_action")) if b]
    points = [  # under the speaker's own name in Presentations and Discussion
        b
        for sp in _list(analyses, "speaker_points")
        for b in (src.bullet(x, attributed=True) for x in sp.get("points") or ())
        if b
    ]
    asks, commitments = _asks(src, analyses)
    # a call to action asks others to act; one that quotes a speaker's own promise is a commitment
    calls = [b for b in calls if not _restates(b, commitments)]
    calls, promised = _real_calls(calls)  # only calls on others; a promise among them is a commitment
    commitments += [b for b in promised if not _restates(b, commitments)]
    by_owner: dict[int, list[Bullet]] = {}
    for b in points:
        owner = owners.of(b)
        if owner is not None:
            by_owner.setdefault(owner, []).append(b)

    elsewhere: dict[int, list[Bullet]] = {}  # what each person said in the other sections
    for b in dict.fromkeys([*takeaways, *calls, *asks, *commitments]):
        if (owner := owners.of(b)) is not None and all(_key(b) != _key(o) for o in elsewhere.get(owner, [])):
            elsewhere.setdefault(owner, []).append(b)
    # each point once: Calls to action, then the Discussion, the Way forward, the Key issues and
    # the Presentations each say what the sections before them (and the Organiser) do not (`_restates`)
    exchanges = _exchanges(src, people, analyses, [*points, *takeaways, *asks], calls)
    discussion = _discussion(src, people, by_owner, elsewhere, exchanges, calls)
    said = [b for p in discussion.paragraphs for b in p.sentences]
    way_forward = _way_forward(src, takeaways, commitments, said, calls)
    organiser = _organiser(src, analyses)
    taken = [*organiser.items, *calls, *said, *(b for p in way_forward for b in p.sentences)]
    presenters = {i for i, p in enumerate(people) if p.role in PRESENTER_ROLES}
    presenter_points = [b for i in sorted(presenters) for b in by_owner.get(i, [])]
    issues = _key_issues(src, presenter_points or takeaways, asks, taken, owners, people)
    if not issues:
        issues, way_forward = _issue_from_way_forward(src, way_forward)
    presentations = _presentations(src, people, by_owner, [*taken, *issues])
    entries = _entries(src, people)
    chairs = tuple(e for p, e in entries if e is not None and p.role == "moderator")
    speakers = tuple(e for p, e in entries if e is not None and p.role != "moderator")
    sections = (
        TemplateSection("Session title", value=session.title or NOT_STATED),
        TemplateSection("Date", value=_date(src)),
        organiser,
        TemplateSection("Chair/Moderator", items=chairs, value=None if chairs else NOT_STATED),
        TemplateSection("Rapporteur", value=RAPPORTEUR),
        TemplateSection("Speakers and their institutional affiliations", items=speakers),
        TemplateSection("Key issues raised", items=issues),
        TemplateSection("Presentations", paragraphs=presentations),
        discussion,
        TemplateSection("Way forward and key takeaways", paragraphs=way_forward),
        TemplateSection("Calls to action", items=tuple(calls)),
    )

    def rank(b: Bullet) -> int:
        role = people[i].role if (i := owners.of(b)) is not None else None
        return 0 if role in PRESENTER_ROLES else 2 if role == "moderator" else 1

    short_takeaways, short_calls = _short_form(takeaways, calls, asks, [*points, *asks, *commitments], rank)
    return IgfReport(session.id, session.title, sections, short_takeaways, short_calls, _notes(session, analyses))


def _notes(session: Session, analyses: Mapping[str, Any]) -> tuple[str, ...]:
    """Why the template is (mostly) empty, with the command that fills it: a session stored
    without its analysis (`ingest --no-analysis`, a live one not analysed yet: no `people`
    analysis either) needs
    `forumlens analyse ID`; an analysed session without takeaways had nothing to take away."""
    if _list(analyses, "takeaways"):
        return ()
    if "people" not in analyses:
        return (f"the session has no stored analysis: run `forumlens analyse {session.id}` first",)
    return ("the analysis found no takeaways in this session (no speech, too few words, or only procedure)",)

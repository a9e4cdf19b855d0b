"""Views the commands print, built from the store: coalitions across sessions, the
session list, and one session with its people.

The store hands back plain rows (`store.coalition_appearances()`, `store.sessions()`,
the stored analyses); grouping, filtering and the choice of what one line means (one
person, not one caption label) happen here, in functions a test can call with records.
People across the store have one model, `store.people_on_record()`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .caption_flags import SessionFlag, session_flags
from .coalition_owned import CoalitionMatch, coalition_match, owns_document
from .errors import ForumlensError
from .format import clip, counted, format_turns, table
from .models import Session
from .store.base import SessionInfo, Store
from .transcript.speakers import name_key

FlaggedLabel = SessionFlag  # the name this module has always exported for `show`'s flagged labels

__all__ = [
    "LIVE_STATE",
    "STORED_STATE",
    "CoalitionRecord",
    "FlaggedLabel",
    "ListedSession",
    "PersonLine",
    "SessionList",
    "SessionView",
    "format_session_list",
    "format_session_view",
    "list_coalitions",
    "list_sessions",
    "session_people",
    "session_view",
    "sessions_json",
]


@dataclass
class CoalitionRecord:
    name: str
    acronym: str | None
    sessions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def presented(self) -> int:
        return sum(s["status"] == "presented" for s in self.sessions)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "acronym": self.acronym, "presented": self.presented, "sessions": self.sessions}


def list_coalitions(store: Store, name: str | None = None) -> list[CoalitionRecord]:
    """Every coalition seen in a session, with its status in each (presented, mentioned, invited-absent).

    A report, statement or paper the coalition wrote is its own: its row also carries
    `"document": KIND`, so a coalition's annual report is not read as a mere mention. Who
    wrote it is `coalition_owned.owns_document` (the coalition page's and the record's
    rule): a partner the report names on its first page is mentioned, not an author.
    """
    wanted = name.lower() if name else None
    own = _own_documents(store)
    matchers: dict[str, CoalitionMatch] = {}
    out: dict[str, CoalitionRecord] = {}
    for c in store.coalition_appearances():
        if wanted and wanted not in c.coalition.lower() and wanted != (c.acronym or "").lower():
            continue
        record = out.setdefault(c.coalition, CoalitionRecord(c.coalition, c.acronym))
        row: dict[str, Any] = {
            "session": c.session,
            "title": c.title,
            "year": c.year,
            "status": c.status,
            "lines": list(c.lines),
        }
        if c.session in own:
            kind, title, meta = own[c.session]
            if c.coalition not in matchers:  # built once per coalition, and only for a document's rows
                matchers[c.coalition] = coalition_match(c.coalition)[1]
            if owns_document(kind, title, meta, matchers[c.coalition]):
                row["document"] = kind
        record.sessions.append(row)
    return sorted(out.values(), key=lambda c: (-c.presented, c.name))


def _own_documents(store: Store) -> dict[str, tuple[str, str, Mapping[str, Any]]]:
    """Stored document id → (its kind, title, metadata); transcripts left out.
    One read of the documents table, whatever the number of coalitions."""
    out: dict[str, tuple[str, str, Mapping[str, Any]]] = {}
    for doc in store.stored_documents():
        kind = str(doc.meta.get("kind") or doc.kind)
        if kind != "transcript":
            out[doc.id] = (kind, doc.title, doc.meta)
    return out


# -- the session list and one session, as `forumlens sessions` and `forumlens show` print them --

LIVE_STATE = "live"  # the JSON `state` of a session whose captions are still arriving
STORED_STATE = "stored"
_STATE_WORDS = {LIVE_STATE: "live (in progress)", STORED_STATE: "stored"}


@dataclass(frozen=True)
class ListedSession:
    """One row of `forumlens sessions`: the stored facts and whether captions still arrive."""

    info: SessionInfo
    state: str  # LIVE_STATE or STORED_STATE

    def to_json(self) -> dict[str, Any]:
        """The row of the JSON list; `state` extends the SessionInfo fields (never renames them)."""
        return {**self.info.to_json(), "state": self.state}


class SessionList(list[ListedSession]):
    """The rows of `forumlens sessions`, and what an empty list needs to say why it is empty:
    the `year` asked for and how many sessions are `stored` in all (read only when empty)."""

    def __init__(self, rows: Sequence[ListedSession], *, year: int | None = None, stored: int | None = None) -> None:
        super().__init__(rows)
        self.year = year
        self.stored = stored


def list_sessions(store: Store, *, year: int | None = None, limit: int = 100) -> SessionList:
    """Stored sessions, the ones still being captioned first, then newest year first.

    Why first: a live session has no year until its header is captioned, and the list
    sorts by year, so it would sink below `--limit` (or out of a `--year` page) while it
    is the one session a user is most likely looking for. The live ids come from the
    store's live index (`live_sessions`), not a scan of every document.
    """
    live_ids = [info.id for info in store.live_sessions(in_progress=True)]
    live_rows: list[ListedSession] = []
    for sid in live_ids:
        try:
            info = store.session_info(sid)
        except ForumlensError:  # finished or removed since the live index was read
            continue
        if year is None or info.year == year:
            live_rows.append(ListedSession(info, LIVE_STATE))
    rest = [
        ListedSession(info, STORED_STATE)
        for info in store.sessions(year=year, limit=limit + len(live_rows))
        if info.id not in set(live_ids)
    ]
    rows = (live_rows + rest)[:limit]
    stored = store.counts().get("sessions", 0) if not rows and year is not None else None
    return SessionList(rows, year=year, stored=stored)


def sessions_json(rows: Sequence[ListedSession]) -> dict[str, Any]:
    """`forumlens sessions --json`: {"sessions": [SessionInfo fields + "state"]}."""
    return {"sessions": [row.to_json() for row in rows]}


def format_session_list(rows: Sequence[ListedSession]) -> str:
    """The session table, with a state column that marks sessions still being captioned."""
    if not rows:
        year, stored = getattr(rows, "year", None), getattr(rows, "stored", None)
        if year is not None and stored:  # sessions are stored, only none of that year
            return f"No session of {year} among the {counted(stored, 'stored session')}: drop --year to list them all."
        return "No sessions stored yet. Add some with: forumlens ingest PATH"
    cells = [
        (
            r.info.id,
            str(r.info.year or ""),
            _STATE_WORDS.get(r.state, r.state),
            str(r.info.turns),
            str(r.info.speakers),
            str(r.info.words),
            clip(r.info.title or "(untitled)", 70),
        )
        for r in rows
    ]
    return table(cells, ("id", "year", "state", "turns", "speakers", "words", "title"))


@dataclass(frozen=True)
class PersonLine:
    """One person of a session as `show` lists them: every caption label of theirs on one line."""

    name: str | None  # None: a role label without a name ("MODERATOR") or the unnamed turns
    words: int
    also_captioned_as: tuple[str, ...] = ()  # labels that spell the name otherwise (caption errors, variants)
    label: str | None = None  # the caption label a nameless person is known by ("MODERATOR")

    @property
    def shown(self) -> str:
        return self.name or self.label or "(unnamed)"


@dataclass(frozen=True)
class SessionView:
    """What `forumlens show` prints: the session, its state, its people and flagged labels."""

    info: SessionInfo
    session: Session
    state: str
    people: tuple[PersonLine, ...]
    flagged: tuple[FlaggedLabel, ...]
    # the stored `document` metadata of a report, statement or paper (None for a transcript):
    # `show` then describes paragraphs and sections, not speakers nobody is
    document: Mapping[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        """The parse contract (id, title, sha256, turns) plus the `state` extension field."""
        return {"id": self.info.id, **self.session.to_json(), "state": self.state}


def session_people(session: Session, analyses: Mapping[str, Any]) -> tuple[list[PersonLine], list[FlaggedLabel]]:
    """One line per person, and the labels flagged as caption mis-attributions. Pure.

    From the people analysis when there is one: it has already merged the label variants
    of one person ("OLIVIER REPIN-LEBLOND", "OLIVIER CREPIN-LEBLOND") and credited a
    flagged label's turns to whoever really spoke, so a flagged label is never listed as
    a person. Without it (a session stored with --no-analysis, a live one not analysed
    yet) the turns' speakers are counted as they are.
    """
    flagged = list(session_flags(analyses.get("flags")))
    people = analyses.get("people")
    if not isinstance(people, list) or not people:
        return _people_from_turns(session), flagged
    lines: dict[str, PersonLine] = {}
    for person in people:
        name = person.get("name") or None
        labels = [str(label) for label in person.get("labels") or []]
        label = None if name or not labels else labels[0]  # a role label stands for a nameless person
        shown = name or label
        key = name_key(shown) if shown else ""
        variants = tuple(dict.fromkeys(x for x in labels if shown and name_key(x) != key))
        words = int(person.get("words") or 0)
        if key in lines:  # the unnamed turns come as several records (one per role): one line
            old = lines[key]
            variants = tuple(dict.fromkeys(old.also_captioned_as + variants))
            lines[key] = PersonLine(name, old.words + words, variants, label)
        else:
            lines[key] = PersonLine(name, words, variants, label)
    return sorted(lines.values(), key=lambda p: (-p.words, p.shown)), flagged


def _people_from_turns(session: Session) -> list[PersonLine]:
    words: dict[str, int] = {}
    names: dict[str, str | None] = {}
    for turn in session.turns:
        if turn.kind != "speech":
            continue
        name = turn.speaker or turn.label or None
        key = name_key(name) if name else ""
        names.setdefault(key, name)
        words[key] = words.get(key, 0) + len(turn.text.split())
    return sorted((PersonLine(names[k], n) for k, n in words.items()), key=lambda p: (-p.words, p.shown))


def session_view(store: Store, ref: str) -> SessionView:
    """The session a user named (id, id prefix or part of the title), ready for `show`."""
    info = store.session_info(ref)
    session = store.load_session(info.id)
    live = store.live_info(info.id)
    analyses = {kind: store.analysis(info.id, kind) for kind in ("people", "flags", "document")}
    people, flagged = session_people(session, {k: v for k, v in analyses.items() if v is not None})
    state = LIVE_STATE if live is not None and live.state == "live" else STORED_STATE
    return SessionView(info, session, state, tuple(people), tuple(flagged), _document_meta(analyses["document"]))


def _document_meta(meta: Any) -> Mapping[str, Any] | None:
    """The stored metadata when it describes a document (any kind but `transcript`), else None."""
    if isinstance(meta, Mapping) and meta.get("kind") and meta["kind"] != "transcript":
        return meta
    return None


def _document_lines(view: SessionView) -> list[str]:
    """What a document has instead of speakers: its kind, date, coalitions and sections."""
    meta = view.document or {}
    about = [f"kind {meta.get('kind')}"]
    if meta.get("date"):
        about.append(f"dated {meta['date']}")
    coalitions = [str(c.get("name") or c.get("id")) for c in meta.get("coalitions") or [] if isinstance(c, Mapping)]
    if coalitions:
        about.append("coalition " + ", ".join(coalitions))
    paragraphs = sum(t.kind == "speech" for t in view.session.turns)
    sections = list(dict.fromkeys(t.text.strip() for t in view.session.turns if t.kind == "note"))
    out = [f"A document ({' · '.join(about)}): {counted(paragraphs, 'paragraph')}, no speakers."]
    if sections:
        out += ["", "Sections:"] + [f"  {clip(name, 96)}" for name in sections]
    return out


def format_session_view(view: SessionView, *, full: bool = False) -> str:
    """`forumlens show`: the header, one line per person (their other spellings after it),
    the flagged labels apart, then the turns."""
    info, session = view.info, view.session
    state = f" · {_STATE_WORDS[LIVE_STATE]}" if view.state == LIVE_STATE else ""
    out = [
        session.title or "(untitled session)",
        f"id {info.id} · year {info.year or '?'}{state} · {counted(info.turns, 'turn')} · {counted(info.words, 'word')}"
        f" · source {info.source}",
        "",
    ]
    if view.document is not None:
        out += _document_lines(view)
        out += ["", "Paragraphs:", format_turns(session, 10_000 if full else 100)]
        return "\n".join(out)
    out.append("Speakers (words):")
    for person in view.people:
        line = f"  {person.shown:<40} {person.words:>6}"
        if person.also_captioned_as:
            line += "  also captioned as " + ", ".join(person.also_captioned_as)
        out.append(line)
    if view.flagged:
        out += ["", "Flagged labels (not counted as people):"]
        for flag in view.flagged:
            where = f"line {flag.line}: " if flag.line is not None else ""
            likely = f" → likely {flag.likely_speaker}" if flag.likely_speaker else ""
            out.append(f"  [flagged] {flag.label}  {where}{flag.reason}{likely}")
    out += ["", "Turns:", format_turns(session, 10_000 if full else 100)]
    return "\n".join(out)

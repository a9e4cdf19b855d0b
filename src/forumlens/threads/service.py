"""Threads over a store: extract and keep each session's items, link them, keep the links, filter.

The one place the threads stage meets the store (through its named methods in
`store/threads.py`): `refresh_thread_items` after an ingest or re-analysis (the call
`ingest.after_ingest` makes), `store_threads` when threads are asked for. Sessions stored
before this stage existed have no items yet; they are extracted on the fly (and kept
when the store is writable), so `threads` is right on any store.

Linking is kept, not redone on every request: `analyse` (`refresh_thread_items(keep=True)`)
links the whole store once its new items are stored (`keep_threads`) and stores every decision as the
sessions' `thread_links` analyses, stamped with `link_stamp` — a digest of everything
linking reads (each session's id, place in time and stored items; the linker; the
rules and the code's version). `store_threads` rebuilds the threads from those
decisions when the stamp matches the store as it is now, and links afresh when it does
not (a new ingest, `analyse --all`, a deleted session, another linker asked for). A
process also remembers the last few results by stamp, so a second request costs only
reading the items. Rebuilt threads are the linked ones, field for field (tests check).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from ..store.base import Store
from ..store.threads import THREAD_ITEMS, ThreadSource, items_digest
from ..transcript.speakers import name_key
from .actors import body_aliases
from .apposed import confirmed_bodies
from .bodies import unified_bodies
from .items import extract_items
from .link import RULES, Linked, actor_of, link_items
from .models import ITEMS_VERSION, KINDS, STATUSES, Decision, Item, SessionItems, Thread
from .renames import renamed_actors
from .restated import restated_asks
from .similarity import make_scorer
from .status import finish_thread

__all__ = [
    "LINK_VERSION",
    "ThreadFilters",
    "actor_body",
    "keep_threads",
    "link_stamp",
    "linker_name",
    "place_items",
    "refresh_thread_items",
    "select_threads",
    "store_items",
    "store_threads",
]

# Bump when linking would decide differently on the same items: kept links of another version are redone.
LINK_VERSION = (
    9  # 9: an own undertaking the asks analysis read is a promise; a question answered in session taken up later
)
KEPT_LINKER = "auto"  # what ingest keeps: the portal's and `forumlens threads`' default
_MEMO_SIZE = 4
_memo: OrderedDict[str, Linked] = OrderedDict()
_memo_lock = threading.Lock()


def refresh_thread_items(store: Store, session_ids: Iterable[str], *, keep: bool = False) -> int:
    """Extract and store the thread items of these sessions (after ingest or `analyse`) that
    lack current ones; returns how many were extracted.

    Ingest and `analyse` store the items with the other analyses, in the same transaction
    (extracted in the worker), so this extracts only what they could not keep: a session
    whose people were renamed to names on record, a live session finished in place, items
    of an older ITEMS_VERSION. Stored items are current whenever their version is, since
    every write of a session's analyses (`save_session`, `replace_analyses`) replaces them.
    With `keep` (`analyse`), the whole store is then linked and the links kept (`keep_threads`)
    when any of these sessions has items, whether extracted here or stored with its analyses.
    """
    done = 0
    stored = False
    for sid in session_ids:
        if _current_items(store.analysis(sid, THREAD_ITEMS)):
            stored = True
            continue
        analyses = store.analyses(sid)
        if "people" not in analyses:
            continue  # stored with --no-analysis: `forumlens analyse` extracts them with the rest
        items = extract_items(store.load_session(sid), analyses, sid)
        store.save_thread_items(sid, items.to_json())
        done += 1
    if (done or stored) and keep:
        keep_threads(store)
    return done


def _current_items(stored: Any) -> bool:
    """True for a stored `thread_items` document of this code's ITEMS_VERSION."""
    return isinstance(stored, Mapping) and stored.get("version") == ITEMS_VERSION


def keep_threads(store: Store, *, linker: str = KEPT_LINKER) -> Linked:
    """Link the whole store (unless what is kept is current) and keep the decisions in it."""
    return store_threads(store, linker=linker, save=True)


def _when(source: ThreadSource) -> tuple[object, ...]:
    """A session's place in time: year, then its stated date, then ingest order."""
    return (source.year or 0, source.date or "", source.ingested_at, source.session)


@dataclass(frozen=True)
class _Session:
    source: ThreadSource
    found: SessionItems
    digest: str  # of the items linking reads


def _sessions(store: Store, *, save: bool) -> list[_Session]:
    """Every session with its items (extracted on the fly when not stored yet, and then kept if `save`)."""
    out = []
    for source in store.thread_sources():
        if source.items is not None and int(source.items.get("version") or 0) == ITEMS_VERSION:
            found = SessionItems.from_json(source.session, source.items)
            digest = source.digest
        else:
            analyses = store.analyses(source.session)
            if "people" not in analyses:
                continue  # stored with --no-analysis: nothing to read yet
            found = extract_items(store.load_session(source.session), analyses, source.session)
            data = found.to_json()
            if save:
                store.save_thread_items(source.session, data)
            digest = items_digest(data)  # as it reads once stored
        out.append(_Session(source, found, digest))
    return out


def _placed(sessions: Sequence[_Session]) -> list[Item]:
    return place_items([(s.source.year, _when(s.source), s.found) for s in sessions])


def store_items(store: Store, *, save: bool = False) -> list[Item]:
    """Every session's items, placed in time; a speaker's coalition found in one session fills the others."""
    return _placed(_sessions(store, save=save))


def place_items(sessions: Sequence[tuple[int | None, tuple[object, ...], SessionItems]]) -> list[Item]:
    """Items of sessions (year, place in time, items) ready to link. Pure.

    A speaker who said which coalition they speak for in one session speaks for it in the
    others where they did not say (their most frequent coalition), unless they spoke for an
    institution there; one who introduced themself with an institution ("Nadia Rahimi, best practice
    forum on gender and access") speaks for it where nothing says whom they speak for. A body named by its
    acronym in one session and spelt out in another is one body (`actors.body_aliases`), and so is a body a
    session says was renamed or merged, under its new name (`renames.renamed_actors`); a body's name written in
    several ways (case, apostrophes, coalition or institution) is written one way (`bodies.unified_bodies`).
    """
    spoke_for: dict[str, Counter[str]] = {}
    said_for: dict[str, Counter[str]] = {}  # the coalitions a person said they speak for (not guessed)
    bodies: dict[str, Counter[str]] = {}
    named_for: dict[str, Counter[str]] = {}  # the coalitions a document names a person an officer of (not heard)
    for _, _, found in sessions:
        heard = {i.speaker for i in found.items}
        for person, coalition in found.speakers.items():
            spoke_for.setdefault(person, Counter())[coalition] += 1
            if person not in found.guessed:
                (said_for if person in heard else named_for).setdefault(person, Counter())[coalition] += 1
        for person, body in found.bodies.items():
            bodies.setdefault(person, Counter())[body] += 1
    apposed = [(person, body) for _, _, found in sessions for person, body in found.apposed.items()]
    named = {n for _, _, found in sessions for i in found.items for n in (i.coalition, i.org) if n}
    confirmed = confirmed_bodies(apposed, named | set(chain(*bodies.values())))
    for person, body in apposed:  # a short name the archive confirms is a body the person said (`apposed.py`)
        if body in confirmed:
            bodies.setdefault(person, Counter())[body] += 1
    usual = {person: counts.most_common(1)[0][0] for person, counts in spoke_for.items()}
    aliases = body_aliases(
        {i.org for _, _, found in sessions for i in found.items if i.org} | set(chain(*bodies.values()))
    )
    usual_body = {
        person: aliases.get(body, body) for person, counts in bodies.items() for body in [counts.most_common(1)[0][0]]
    }
    said_usual = {person: counts.most_common(1)[0][0] for person, counts in said_for.items()}
    # a coalition's document naming her its coordinator stands for what she says, unless she says a body of her own
    # somewhere (her words beat a field of the document, whose name may be read short: "DYNAMIC COALITION ON
    # FARMERS" of a title "… FARMERS' SEED DATA")
    for person, counts in named_for.items():
        if person not in said_usual and person not in usual_body:
            said_usual[person] = counts.most_common(1)[0][0]
    full = _full_names(sessions)
    heirs = _inherited(sessions, full, said_usual, usual_body)
    items = []
    for year, when, found in sessions:
        guessed = frozenset(found.guessed)
        for item in found.items:
            who = full.get(item.speaker or "", item.speaker or "")
            if item.speaker in guessed:
                item = _said_elsewhere(item, said_usual.get(who), usual_body.get(who))
            known = _usual_coalition(who, said_usual, usual, usual_body) if item.org is None else None
            if item.org in aliases:
                item = replace(item, org=aliases[item.org])
            heir = heirs.get(who, (None, None))  # fills only an item with no body at all
            item = item.placed(year, when, known or heir[0], usual_body.get(who) or heir[1])
            if item.speaker and who != item.speaker and not (item.coalition or item.org):
                item = replace(item, speaker=who)  # a person in short ("Tounkarabe") is the store's one full name
            items.append(item)
    return restated_asks(unified_bodies(renamed_actors(items, [r for _, _, found in sessions for r in found.renames])))


def _inherited(
    sessions: Sequence[tuple[int | None, tuple[object, ...], SessionItems]],
    full: Mapping[str, str],
    said: Mapping[str, str],
    bodies: Mapping[str, str],
) -> dict[str, tuple[str | None, str | None]]:
    """Successor → (coalition, institution) her predecessor said (`said`: person → coalition, `bodies`: person →
    institution), for a successor who says no body in any session; her items with no body speak for it.

    Why: "Hamdi Abouzekry handed the coalition to me", "I took over from Karma last year": the new coordinator
    names the person, not the body, and says "we" for years after; her predecessor said the body in another
    session. The predecessor is the one person of the store the name is (a given name or a surname alone must
    fit one person); a successor who names a body anywhere keeps her own."""
    people = {p for _, _, found in sessions for p in chain(found.speakers, found.bodies, found.successors)}
    people |= {i.speaker for _, _, found in sessions for i in found.items if i.speaker}
    keys = {person: name_key(person).split() for person in people}
    # people with a body of their own on an item of a session where it is not the people analysis' guess
    owning = {
        full.get(i.speaker, i.speaker)
        for _, _, found in sessions
        for i in found.items
        if i.speaker and (i.coalition or i.org) and i.speaker not in found.guessed
    }
    heirs: dict[str, tuple[str | None, str | None]] = {}
    for _, _, found in sessions:
        for person, named in found.successors.items():
            who = full.get(person, person)
            if who in said or who in bodies or who in owning or who in heirs:
                continue
            words = name_key(named).split()
            fits = {
                full.get(p, p)
                for p, key in keys.items()
                if words and (key[: len(words)] == words or (len(words) == 1 and words[0] == key[-1]))
            } - {who}
            if len(fits) == 1:
                prior = next(iter(fits))
                if said.get(prior) or bodies.get(prior):
                    heirs[who] = (said.get(prior), None if said.get(prior) else bodies.get(prior))
    return heirs


def _full_names(sessions: Sequence[tuple[int | None, tuple[object, ...], SessionItems]]) -> dict[str, str]:
    """Speaker named in short → the one speaker of the store with the full name: a surname alone ("Sundaresan", from
    `>> MS. SUNDARESAN:`) → the full name ending in it ("Rukmini Sundaresan"); a name of two words or more, without
    an @handle after it ("Tigist Haileyesus @tigist_ht"), whose words open one longer full name ("Tigist
    Haileyesus-Tekleab": a double surname said in part). A short name two full names share is left alone.

    Why: a PDF-era caption labels speakers by title and surname, a tweet's header by a display name and a handle;
    the person who gave her full name in another year is the same actor, and her promise there must meet her
    delivery here."""
    people = {p for _, _, found in sessions for p in chain(found.speakers, found.bodies)}
    people |= {i.speaker for _, _, found in sessions for i in found.items if i.speaker}
    by_surname: dict[str, set[str]] = {}
    keys = {person: name_key(_HANDLE.sub(" ", person)).split() for person in people}
    for person, parts in keys.items():
        if len(parts) > 1 and not _HANDLE.search(person):
            by_surname.setdefault(parts[-1], set()).add(person)
    out = {}
    for person, parts in keys.items():
        if len(parts) == 1:
            named = by_surname.get(parts[0], set())
        else:
            named = {
                other
                for other, said in keys.items()
                if len(said) > len(parts) and said[: len(parts)] == parts and not _HANDLE.search(other)
            }
            named |= {
                other
                for other, said in keys.items()
                if said == parts and other != person and _HANDLE.search(person) and not _HANDLE.search(other)
            }
        if len(named) == 1:
            out[person] = next(iter(named))
    return out


# a social network handle written after a display name ("Tigist Haileyesus @tigist_ht")
_HANDLE = re.compile(r"(?<![\w.])@\w+")


def _usual_coalition(
    speaker: str, said: Mapping[str, str], guessed: Mapping[str, str], bodies: Mapping[str, str]
) -> str | None:
    """The coalition a speaker who says none here speaks for: the one they said elsewhere, else the one the people
    analysis guessed elsewhere, unless they said an institution elsewhere (a said body beats a guessed coalition).

    Why: a moderator's line that lists the panel ("the Caribbean IGF, the coalition on access to knowledge …")
    makes the people analysis guess the coalition for the next speaker; her later years would then be the
    coalition's, and her deliveries would never reach the promises she made for her own forum."""
    if speaker in said:
        return said[speaker]
    return None if speaker in bodies else guessed.get(speaker)


def _said_elsewhere(item: Item, coalition: str | None, body: str | None) -> Item:
    """The item of a speaker whose body in its session is only the people analysis' guess, with the body they
    said they speak for in other sessions, when they said one (a coalition first, as an introduction reads).

    Why: the people analysis may take the coalition a moderator named just before ("… Ilse for the coalition on
    freedom of expression, Tomás from the Secretariat"); the Secretariat's promise would then be the coalition's."""
    if coalition and coalition != item.coalition:
        return replace(item, coalition=coalition, org=None)
    if not coalition and body and (item.coalition or item.org) and body != item.org:
        return replace(item, coalition=None, org=body)
    return item


def linker_name(linker: str) -> str:
    """The scorer a `--linker` value runs: `auto` is `semantic` when the extra is installed, else `lexical`."""
    if linker != "auto":
        return linker
    from ..semantic.embedder import semantic_installed

    return "semantic" if semantic_installed() else "lexical"


def link_stamp(sessions: Sequence[tuple[str, int | None, tuple[object, ...], str]], linker: str) -> str:
    """A digest of everything linking reads: (session, year, place in time, items digest) of each session,
    the scorer, the rules, the shipped link model and the versions of extraction and linking. Equal stamps,
    equal threads."""
    if linker == "semantic":
        from ..semantic.embedder import MODEL_NAME

        linker = f"semantic:{MODEL_NAME}"
    from .linkmodel import shipped_digest

    data = [
        LINK_VERSION,
        ITEMS_VERSION,
        linker,
        shipped_digest(),
        repr(RULES),
        [[sid, year, list(when), d] for sid, year, when, d in sessions],
    ]
    return hashlib.sha1(json.dumps(data, default=str).encode("utf-8")).hexdigest()


def store_threads(store: Store, *, linker: str = "lexical", save: bool = False) -> Linked:
    """All threads of the store (`linker`: lexical, semantic or auto): kept ones when current, else linked.

    With `save` (a writable store), items not extracted yet and a fresh link are kept.
    """
    sessions = _sessions(store, save=save)
    name = linker_name(linker)
    stamp = link_stamp([(s.source.session, s.source.year, _when(s.source), s.digest) for s in sessions], name)
    with _memo_lock:
        found = _memo.get(stamp)
    if found is not None and not save:
        return found
    items = _placed(sessions)
    positions = [(s.source.session, n) for s in sessions for n in range(len(s.found.items))]
    kept = store.thread_links()
    raw = store.thread_reasons() if _is_kept(kept, sessions, stamp) else {}  # text: parsed when explained
    current = set(raw) == set(kept) and all(text.startswith(f'{{"stamp": "{stamp}"') for text in raw.values())
    linked = (found or rebuild_threads(items, positions, kept, name)) if current and raw else None
    if linked is not None and found is None:  # rebuilt here: its reasons are read when one is explained

        def pending(rebuilt: Linked = linked) -> list[Decision]:
            again = _reasons(rebuilt, raw, stamp)
            return again if again is not None else link_items(items, make_scorer(items, name)).decisions

        linked.pending = pending
    if linked is None:
        linked = link_items(items, make_scorer(items, name))  # its items are these (keeping names them by place)
        if save:
            store.save_thread_links(*links_of(linked, items, positions, stamp))
    with _memo_lock:
        _memo[stamp] = linked
        _memo.move_to_end(stamp)
        while len(_memo) > _MEMO_SIZE:
            _memo.popitem(last=False)
    return linked


# -- keeping the decisions ---------------------------------------------------------------------------


def _is_kept(kept: Mapping[str, Any], sessions: Sequence[_Session], stamp: str) -> bool:
    """Every session with items has its decisions kept under this stamp, and no other session has any."""
    wanted = {s.source.session for s in sessions if s.found.items}
    return set(kept) == wanted and all(row.get("stamp") == stamp for row in kept.values())


Documents = dict[str, dict[str, Any]]


def links_of(
    linked: Linked, items: Sequence[Item], positions: Sequence[tuple[str, int]], stamp: str
) -> tuple[Documents, Documents]:
    """The `thread_links` and `thread_reasons` documents of each session. Pure.

    `items` are the items `linked` was linked from, `positions[k]` the (session, index in
    its stored items) of `items[k]`. A link row: [order, item index, action, thread index
    (-1: dropped), added, kind, thread id]; a reason row: [order, rule, score, candidates,
    shared], a candidate [thread index, score, verdict index] (verdicts listed once a session).
    """
    where = {id(item): at for item, at in zip(items, positions, strict=True)}
    number: dict[str, int] = {}
    for n, opened in enumerate(linked.threads):
        number.setdefault(opened.id, n)
    links: dict[str, list[list[Any]]] = {sid: [] for sid, _ in positions}
    reasons: dict[str, list[list[Any]]] = {sid: [] for sid in links}
    verdicts: dict[str, dict[str, int]] = {sid: {} for sid in links}
    decisions = linked.explained().decisions
    for n, (decision, item, (thread, added)) in enumerate(zip(decisions, linked.subjects, linked.places, strict=True)):
        sid, index = where[id(item)]
        kind = linked.threads[thread].kind if thread >= 0 else ""
        links[sid].append([n, index, decision.action, thread, added, kind, decision.thread])
        said = verdicts[sid]
        named = [[number[c], score, said.setdefault(why, len(said))] for c, score, why in decision.candidates]
        reasons[sid].append([n, decision.rule, decision.score, named, list(decision.shared)])
    head = {"stamp": stamp, "linker": linked.linker}
    return (
        {sid: {**head, "links": rows} for sid, rows in links.items()},
        {sid: {**head, "verdicts": list(verdicts[sid]), "reasons": rows} for sid, rows in reasons.items()},
    )


def rebuild_threads(
    items: Sequence[Item], positions: Sequence[tuple[str, int]], kept: Mapping[str, Any], linker: str
) -> Linked | None:
    """The threads the kept links describe, as `link_items` built them; None when they do not fit the items.

    Pure. Threads open, and items join them, in the kept order; roles, statuses and
    summaries are computed from the items as linking does (`finish_thread`). The
    decisions carry no reasons yet (`Linked.explained` reads them).
    """
    at = {pos: item for pos, item in zip(positions, items, strict=True)}
    rows: list[tuple[str, list[Any]]] = []
    for sid, doc in kept.items():
        if doc.get("linker") != linker:
            return None
        rows += [(sid, row) for row in doc.get("links") or ()]
    rows.sort(key=lambda r: r[1][0])
    if [r[1][0] for r in rows] != list(range(len(rows))):
        return None  # a gap or a double: not one linking's decisions
    threads: list[Thread] = []
    decisions: list[Decision] = []
    subjects: list[Item] = []
    places: list[tuple[int, bool]] = []
    try:
        for sid, (_, index, action, thread, added, kind, tid) in rows:
            item = at[(sid, int(index))]
            if action == "opened":
                if thread != len(threads):
                    return None
                category = item.category if kind in ("ask", "question") else "other"
                threads.append(Thread(str(tid), str(kind), actor_of(item), item.coalition, category))
            if thread >= 0 and added:
                threads[thread].entries.append((item, ""))
            decisions.append(Decision(item.ref, item.signal, str(action), tid, ""))
            subjects.append(item)
            places.append((int(thread), bool(added)))
    except (KeyError, IndexError, TypeError, ValueError):
        return None  # kept by another version of this code: link again
    return Linked([finish_thread(t) for t in threads], decisions, linker, subjects, places)


def _reasons(linked: Linked, raw: Mapping[str, str], stamp: str) -> list[Decision] | None:
    """The decisions of rebuilt threads with their kept reasons; None when the reasons are not this link's."""
    rows: list[tuple[list[Any], list[str]]] = []
    try:
        for text in raw.values():
            doc = json.loads(text)
            if doc.get("stamp") != stamp:
                return None
            verdicts = [str(v) for v in doc.get("verdicts") or ()]
            rows += [(row, verdicts) for row in doc.get("reasons") or ()]
        rows.sort(key=lambda r: r[0][0])
        if [r[0][0] for r in rows] != list(range(len(linked.decisions))):
            return None
        return [
            replace(
                decision,
                rule=str(rule),
                score=score,
                candidates=tuple((linked.threads[c].id, float(v), verdicts[w]) for c, v, w in named),
                shared=tuple(str(f) for f in shared),
            )
            for decision, ((_, rule, score, named, shared), verdicts) in zip(linked.decisions, rows, strict=True)
        ]
    except (KeyError, IndexError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class ThreadFilters:
    """What `threads` may be narrowed to; `coalition` is a coalition's name as stored (already resolved).

    A coalition the registry does not know is sometimes a thread's body (`org:NAME`) rather than
    its coalition (how its speaker was read decides), so a thread whose actor is the body of
    that very name is the coalition's too: the listing names the same actor either way.
    """

    coalition: str | None = None
    kind: str | None = None
    status: str | None = None
    since: int | None = None
    until: int | None = None

    def __post_init__(self) -> None:
        from ..errors import ConfigError

        if self.kind is not None and self.kind not in KINDS:
            raise ConfigError(f"unknown thread kind {self.kind!r}", hint="use one of: " + ", ".join(KINDS))
        every = sorted({s for group in STATUSES.values() for s in group})
        if self.status is not None and self.status not in every:
            raise ConfigError(f"unknown thread status {self.status!r}", hint="use one of: " + ", ".join(every))

    def keep(self, thread: Thread) -> bool:
        if self.coalition is not None and self.coalition not in (thread.coalition, actor_body(thread.actor)):
            return False
        if self.kind is not None and thread.kind != self.kind:
            return False
        if self.status is not None and thread.status != self.status:
            return False
        first, last = thread.first_year, thread.last_year
        if self.since is not None and (last is None or last < self.since):
            return False
        return not (self.until is not None and (first is None or first > self.until))


def actor_body(actor: str) -> str | None:
    """The name of a body actor (`org:NAME`), None for a coalition or a person (`ThreadFilters.keep`, the portal)."""
    return actor[4:] if actor.startswith("org:") else None


def select_threads(linked: Linked, filters: ThreadFilters) -> list[Thread]:
    """The threads the filters keep, oldest first (then by coalition)."""
    kept = [t for t in linked.threads if filters.keep(t)]
    return sorted(kept, key=lambda t: (t.items[0].when, t.items[0].seq))

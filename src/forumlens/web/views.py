"""The portal's views: what the store holds, as JSON-ready dicts the API and the pages share.

Both surfaces call these functions, so a page never shows something the API cannot
return. Everything comes from named `Store` methods (the portal's in `store/portal.py`);
user input reaches them as plain values, never as SQL. Analyses are whatever the
stages stored (the DESIGN.md report contract); a missing kind is `None` and the pages
say so instead of failing.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from ..caption_flags import flag_note, flagged_labels
from ..coalition_owned import CoalitionMatch, coalition_match, member_keys, owns, owns_document
from ..documents.eligibility import StoredItem, items_from_documents
from ..errors import ConfigError, ForumlensError, NotFound
from ..models import Session
from ..resolve import load_registry
from ..resolve.coalition_names import find_coalition
from ..resolve.datafiles import shipped_toml
from ..resolve.registry import Entity
from ..store.base import Store
from ..store.portal import SessionFilters
from ..tag.taxonomy import load_taxonomy
from ..transcript.speakers import name_key

__all__ = [
    "ANALYSIS_KINDS",
    "affiliation_name",
    "coalition_detail",
    "coalition_list",
    "coalition_name",
    "code_order",
    "glossary",
    "home_summary",
    "people_list",
    "person_detail",
    "person_of_label",
    "person_slug",
    "session_detail",
    "session_detail_with_text",
    "session_list",
    "session_names",
    "session_years",
    "slug",
    "speaking_time",
    "store_is_empty",
    "tag_detail",
    "tag_list",
]

# the stored analyses a session's JSON and page carry: the `report` contract, the report's
# summary parts (as `forumlens report` prints them), caption flags and a document's metadata
ANALYSIS_KINDS = (
    "people",
    "coalitions",
    "segments",
    "questions",
    "asks",
    "outputs",
    "stats",
    "takeaways",
    "tags",
    "glossary",
    "calls_to_action",
    "speaker_points",
    "open_questions",
    "coalitions_presented",
    "flags",
    "document",
)


def slug(text: str) -> str:
    """URL id of a name: its comparison key with hyphens ("DC on Youth" → "dc-on-youth")."""
    return name_key(text).replace(" ", "-")


def person_slug(name: str | None) -> str | None:
    return slug(name) if name else None


# -- sessions --------------------------------------------------------------------------


def session_list(
    store: Store,
    *,
    year: int | None = None,
    coalition: str | None = None,
    tag: str | None = None,
    speaker: str | None = None,
    title: str | None = None,
    affiliation: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Sessions, newest year first, narrowed by any of the filters (all optional)."""
    filters = SessionFilters(
        year=None if year is None else int(year),
        title=title or None,
        coalition=coalition_name(store, coalition) if coalition else None,
        tag=tag or None,
        affiliation=affiliation_name(store, affiliation) if affiliation else None,
        speaker=speaker or None,
    )
    rows = store.filtered_sessions(filters, limit=max(1, min(int(limit), 500)), offset=max(0, int(offset)))
    return [row.to_json() for row in rows]


def session_years(store: Store) -> list[tuple[int, int]]:
    """(year, number of sessions), newest first: the year facet and filter."""
    return store.session_years()


def session_detail(store: Store, ref: str) -> dict[str, Any]:
    """The `report` contract for one stored session: parse fields, id, info, analyses."""
    return session_detail_with_text(store, ref)[0]


def session_detail_with_text(store: Store, ref: str) -> tuple[dict[str, Any], Session]:
    """`session_detail` and the loaded `Session` (the page needs its text), loaded once."""
    info = store.session_info(ref)
    session = store.load_session(info.id)
    data: dict[str, Any] = {
        "id": info.id,
        **session.to_json(),
        "year": info.year,
        "source": info.source,
        "words": info.words,
        "ingested_at": info.ingested_at,
    }
    stored = store.analyses(info.id)
    for kind in ANALYSIS_KINDS:
        if stored.get(kind) is not None:
            data[kind] = stored[kind]
    return data, session


# -- people ----------------------------------------------------------------------------


def people_list(store: Store, *, name: str | None = None, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """The people on record (`store.people_on_record`, as the `people` command), most sessions first.

    `name` matches part of a name or of a caption label, case- and accent-insensitively.
    """
    people = sorted(store.people_on_record(name or None), key=lambda p: (-p.sessions, p.name.casefold()))
    return [
        {
            "id": p.id,
            "name": p.name,
            "sessions": p.sessions,
            "roles": sorted(p.roles),
            "affiliations": p.affiliations,
            "labels": list(p.labels),
        }
        for p in people[offset : offset + limit]
    ]


def person_detail(store: Store, person_id: str) -> dict[str, Any]:
    """One person on record: labels, roles, affiliations and every session they spoke in, newest first."""
    key = name_key(person_id.replace("-", " "))
    found = store.people_on_record(key=key) if key else []
    if not found:
        raise NotFound(f"no person {person_id!r} on record", hint=_caption_label_hint(store, key))
    person = found[0]
    sessions = [
        a.to_json(speaking=True)
        for a in sorted(person.appearances, key=lambda a: (a.year is not None, a.year or 0), reverse=True)
    ]
    return {
        "id": person.id,
        "name": person.name,
        "labels": list(person.labels),
        "roles": sorted(person.roles),
        "affiliations": sorted(person.affiliations),
        "sessions": sessions,
    }


def person_of_label(store: Store, person_id: str) -> str | None:
    """The id of the person on record one of whose caption labels is `person_id`, else None.

    Label variants of one name are merged into one person (`OLIVIER REPIN-LEBLOND` is
    Olivier Crepin-Leblond), so a link or a typed address made from a variant finds them.
    """
    key = name_key(person_id.replace("-", " "))
    if not key:
        return None
    for name, label in store.person_labels():
        # a label that is its own name was not merged into anyone (a remote hub's: no person page)
        if name_key(label) == key and name_key(name) != key:
            return person_slug(name)
    return None


def _caption_label_hint(store: Store, key: str) -> str:
    """Why a name seen in the captions is not a person: the resolve stage flagged its label.

    A flagged label (a caption mis-attribution) has its turn counted for the likely real
    speaker, so it is not on record under its own name; the hint says where it was seen.
    """
    for flag in flagged_labels(store.analyses_of_kind("flags")) if key else ():
        if flag.key == key:
            likely = f" (likely {flag.likely_speaker})" if flag.likely_speaker else ""
            return f"{flag_note(flag, f'“{flag.title}”')}{likely}: see /sessions/{flag.session}#L{flag.line}"
    return "see the list on /people"


# -- coalitions ------------------------------------------------------------------------


def coalition_list(store: Store) -> list[dict[str, Any]]:
    """Every coalition seen in a session, with how often it presented or was mentioned."""
    return [
        {"id": slug(c.name), "name": c.name, "acronym": c.acronym, "sessions": c.sessions, "presented": c.presented}
        for c in store.coalition_counts()
    ]


def coalition_name(store: Store, ref: str) -> str:
    """The stored name of a coalition given its URL id, name or acronym (as given if unknown)."""
    wanted = slug(ref)
    for name, acronym in store.coalition_names():
        if slug(name) == wanted or (acronym and slug(acronym) == wanted):
            return name
    return ref


def affiliation_name(store: Store, ref: str) -> str:
    """The stored affiliation (institution, NRI) given its URL id or name."""
    wanted = slug(ref)
    for name in store.affiliations():
        if slug(name) == wanted:
            return name
    return ref


def _by_coalition(items: Any, matches: CoalitionMatch, members: frozenset[str]) -> list[dict[str, Any]]:
    """Items (asks, outputs) of one session that are the coalition's (`coalition_owned.owns`, as its brief)."""
    return [item for item in items or [] if isinstance(item, dict) and owns(item, matches, members)]


COALITION_KINDS = ("outputs", "asks", "questions")
_FACT_KINDS = (*COALITION_KINDS, "people")  # a session's people: who spoke for the coalition there


def coalition_detail(store: Store, coalition_id: str) -> dict[str, Any]:
    """A coalition's snapshot: profile, its own documents, sessions, speakers, outputs, asks, questions, partners.

    A document the coalition wrote (`coalition_owned.owns_document`) is its own: it is
    listed among its outputs, everything the stages found in it (outputs, asks) is credited
    to the coalition, and it is not counted again as a session that merely mentions it.
    Which asks and outputs of another session are the coalition's is `coalition_owned.owns`,
    the rule `brief --coalition` keeps too, so the page and the brief list the same asks.
    A question is the coalition's when put to it or to who spoke for it in that session.
    """
    name = coalition_name(store, coalition_id)
    facts = store.coalition_facts(name, _FACT_KINDS)
    entity = _registry_entity(name) or (None if facts else _registry_entity(coalition_id, typed=True))
    if facts is None and entity is not None:
        name = entity.name
    _, matches = coalition_match(name)
    own = _own_documents(store, matches) if facts is not None or entity is not None else []
    if facts is None and not own:
        raise NotFound(f"no coalition {coalition_id!r} in the record", hint="see the list on /coalitions")
    mentioned = [s for s in (facts.sessions if facts else ()) if s.session not in {d.id for d in own}]
    order = {s.session: i for i, s in enumerate(facts.sessions if facts else ())}
    speakers: dict[str, set[str]] = {}  # session → who spoke for the coalition there (by affiliation)
    for person, sid, _ in facts.speakers if facts else ():
        speakers.setdefault(sid, set()).add(name_key(person))
    found = dict(facts.analyses) if facts else {}
    outputs: list[dict[str, Any]] = [
        {"title": d.title, "kind": d.kind, "session": d.id, "date": d.date, "year": d.year, "status": "authored"}
        for d in own
    ]
    asks: list[dict[str, Any]] = []
    questions: list[dict[str, Any]] = []
    for d in own:  # all of its own document is the coalition's
        got = found.get(d.id) or {k: store.analysis(d.id, k) for k in COALITION_KINDS}
        outputs += [{**o, "session": d.id} for o in got.get("outputs") or [] if isinstance(o, dict)]
        asks += [{**a, "session": d.id} for a in got.get("asks") or [] if isinstance(a, dict)]
    for s in mentioned:
        got = found.get(s.session, {})
        members = member_keys(got.get("people"), matches)  # who spoke for it in this session
        outputs += [{**o, "session": s.session} for o in _by_coalition(got.get("outputs"), matches, members)]
        asks += [{**a, "session": s.session} for a in _by_coalition(got.get("asks"), matches, members)]
        # a question to the coalition or to who spoke for it in this session: who spoke for it
        # in another session may speak for another coalition here (as for its asks)
        addressees = {name_key(name)} | speakers.get(s.session, set()) | members
        questions += [
            {**q, "session": s.session}
            for q in got.get("questions") or []
            if isinstance(q, dict) and name_key(str(q.get("to") or "")) in addressees
        ]
    return {
        "id": slug(name),
        "name": name,
        "acronym": facts.sessions[0].acronym if facts else (entity.acronym if entity else None),
        "profile": _registry_profile(name),
        "documents": [{"id": d.id, "kind": d.kind, "title": d.title, "date": d.date, "year": d.year} for d in own],
        "sessions": [
            {
                "session": s.session,
                "title": s.title,
                "year": s.year,
                "kind": s.kind,
                "status": s.status,
                "lines": list(s.lines),
            }
            for s in mentioned
        ],
        # in the order of its sessions (newest first, as the sessions table), not as the store returns them
        "speakers": [
            {"name": person, "id": slug(person), "session": sid, "role": role}
            for person, sid, role in sorted(
                facts.speakers if facts else (), key=lambda spoke: (order.get(spoke[1], len(order)), spoke[0])
            )
        ],
        "outputs": outputs,
        "asks": asks,
        "questions": questions,
        "partners": [{"name": p, "id": slug(p), "sessions": n} for p, n in (facts.partners if facts else ())],
    }


def _registry_entity(ref: str, *, typed: bool = False) -> Entity | None:
    """The registry's coalition for a stored name, or (`typed`) for a URL id or acronym; None if it has none."""
    if not typed:
        return load_registry().by_name(ref)
    try:
        return find_coalition(ref.replace("-", " "))
    except ForumlensError:  # unknown or ambiguous: no registry entry to go by
        return None


def _own_documents(store: Store, matches: CoalitionMatch) -> list[StoredItem]:
    """The stored documents the coalition wrote (`coalition_owned.owns_document`), newest first."""
    documents = store.stored_documents()
    items = items_from_documents(documents, lambda _title: [])  # their coalitions are read from `documents`
    own = [i for d, i in zip(documents, items, strict=True) if owns_document(d.kind, d.title, d.meta, matches)]
    return sorted(own, key=lambda i: (i.year or 0, i.date or "", i.title), reverse=True)


@lru_cache(maxsize=1)
def _coalition_names() -> dict[str, dict[str, list[str]]]:
    """Each registry coalition's official, former and other names, kept apart by id.

    The registry's `Entity.phrases` merges them for matching, so its first three are not
    "the official name": a former name ("Dynamic Coalition on Child Online Safety") or an
    informal one ("Gender Coalition") would be shown under that label.
    """
    return {
        str(raw["id"]): {key: [str(v) for v in raw.get(key) or []] for key in ("official", "former", "aliases")}
        for raw in shipped_toml("coalitions.toml").get("coalition", [])
    }


def _registry_profile(name: str) -> dict[str, Any]:
    """What the resolve stage's registry says of the coalition ({} when it does not know it): its
    official names, former names and other names it goes by, each under its own key."""
    entity = load_registry().by_name(name)
    if entity is None:
        return {}
    names = _coalition_names().get(entity.id, {"official": list(entity.phrases[:1]), "former": [], "aliases": []})
    return {
        "acronyms": list(entity.acronyms),
        **names,
        **{k: v for k, v in entity.info.items() if isinstance(v, str | int | float | bool)},
    }


# -- topics ----------------------------------------------------------------------------

SCHEME_NAMES = {
    "sdg": "Sustainable Development Goals",
    "issue-area": "IGF issue areas",
    "gdc": "Global Digital Compact objectives",
}


def code_order(code: str) -> tuple[Any, ...]:
    """Codes in reading order: SDG3 before SDG10 (numbers compared as numbers, the rest as text)."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", code))


def session_names(store: Store, items: list[dict[str, Any]]) -> dict[str, str]:
    """Each cited session of `items` as a reader names it, "Title (year)", for pages that cite across sessions.

    A page that gathers items from many sessions (a coalition's, the home page's latest
    outputs) cannot cite "line 13" alone: the citation names its session, as every
    format of briefs and reports does.
    """
    names: dict[str, str] = {}
    for item in items:
        sid = item.get("session") if isinstance(item, dict) else None
        if not sid or sid in names:
            continue
        try:
            info = store.session_info(str(sid))
        except ForumlensError:  # a session removed since the analysis: the link says where it was
            continue
        names[sid] = f"{info.title} ({info.year})" if info.year else info.title
    return names


def store_is_empty(store: Store) -> bool:
    """No session is stored: an empty list page says so, and how to fill it, rather than blame a stage."""
    return store.session_count() == 0


def tag_list(store: Store, scheme: str | None = None) -> list[dict[str, Any]]:
    """Tags used in the record with how many sessions carry each, per scheme in code order (SDG3 before SDG10)."""
    tags = sorted(store.tag_counts(scheme), key=lambda t: (t.scheme, code_order(t.code)))
    return [
        {
            "scheme": t.scheme,
            "code": t.code,
            "label": t.label or _taxonomy_entry(t.scheme, t.code).get("label", ""),
            "sessions": t.sessions,
            "top_score": t.top_score,
        }
        for t in tags
    ]


def _taxonomy_entry(scheme: str, code: str) -> dict[str, Any]:
    """Label and description from the tag stage's taxonomy ({} for a scheme or code it does not have)."""
    try:
        entry = load_taxonomy(scheme).entry(code)
    except (ConfigError, KeyError):  # unknown scheme or code: show what the store has
        return {}
    return {
        "label": entry.label,
        "description": entry.description,
        "targets": [{"code": t.code, "text": t.text} for t in entry.targets],
    }


def tag_name(code: str) -> str:
    """A tag code as a reader knows it, "SDG5 Gender equality", from whichever taxonomy has it (the code alone
    when none does): a filter chip names the topic, not only its code."""
    for scheme in SCHEME_NAMES:
        label = _taxonomy_entry(scheme, code).get("label")
        if label:
            return f"{code} {label}"
    return code


def search_chips(filters: dict[str, Any], coalition: str | None) -> list[dict[str, str]]:
    """The active filters of a search as chips: the query key each removes, and its value in words.

    A coalition arrives as its URL id ("dc-on-public-access-in-libraries", what the facets link);
    the chip shows the name it stands for (`coalition`, as the form read it), and a tag its label.
    """
    readable = {"coalition": coalition, "tag": tag_name(str(filters["tag"])) if filters.get("tag") else None}
    return [
        {"key": key, "value": str(readable.get(key) or value)}
        for key, value in filters.items()
        if value is not None and value != ""
    ]


def canonical_scheme(scheme: str) -> str:
    """A tag scheme as typed in an address ("SDG", " Issue-Area") as the record spells it; unknown ones as given."""
    wanted = scheme.strip().lower()
    return wanted if wanted in SCHEME_NAMES else scheme


def canonical_tag(store: Store, scheme: str, code: str) -> tuple[str, str]:
    """A topic address typed in any case (/topics/SDG/sdg5) as the record spells it (sdg, SDG5).

    Codes are compared without case against the codes stored for the scheme and those of its
    taxonomy; a code neither has is returned as given (the topic page then says it is unknown).
    """
    scheme = canonical_scheme(scheme)
    wanted = code.strip().casefold()
    known = [t.code for t in store.tag_counts(scheme)]
    with contextlib.suppress(ConfigError):  # a scheme without a taxonomy has its stored codes only
        known += load_taxonomy(scheme).codes
    return scheme, next((c for c in known if c.casefold() == wanted), code)


def tag_detail(store: Store, scheme: str, code: str) -> dict[str, Any]:
    """One topic: what it means and the sessions tagged with it, best score first."""
    rows = store.tagged_sessions(scheme, code)
    entry = _taxonomy_entry(scheme, code)
    if not rows and not entry:
        raise NotFound(f"no topic {scheme}/{code}", hint="see the list on /topics")
    return {
        "scheme": scheme,
        "scheme_name": SCHEME_NAMES.get(scheme, scheme),
        "code": code,
        "label": entry.get("label") or (rows[0].label if rows else code),
        "description": entry.get("description", ""),
        "targets": entry.get("targets", []),
        "sessions": [
            {"session": r.session, "title": r.title, "year": r.year, "score": r.score, "lines": list(r.lines)}
            for r in rows
        ],
    }


# -- glossary and home -----------------------------------------------------------------


def glossary(store: Store, term: str | None = None) -> list[dict[str, Any]]:
    """Glossary terms across the store, one entry per term with every session using it (oldest first)."""
    merged: dict[str, dict[str, Any]] = {}
    found = store.analyses_of_kind("glossary")
    found.sort(key=lambda row: (row[2] is not None, row[2] or 0, row[1]))  # year (unknown first), title
    for sid, title, _year, entries in found:
        for item in entries if isinstance(entries, list) else []:
            if not isinstance(item, dict) or not item.get("term"):
                continue
            key = name_key(str(item["term"]))
            entry = merged.setdefault(
                key,
                {
                    "term": item["term"],
                    "kind": item.get("kind"),
                    "expansion": item.get("expansion"),
                    "definition": None,
                    "uses": [],
                },
            )
            definition = item.get("definition")
            if entry["definition"] is None and isinstance(definition, dict):
                entry["definition"] = {**definition, "session": sid, "title": title}
            entry["expansion"] = entry["expansion"] or item.get("expansion")
            entry["uses"].append({"session": sid, "title": title, "lines": list(item.get("lines") or [])})
    items = sorted(merged.values(), key=lambda e: str(e["term"]).casefold())
    if term:
        wanted = name_key(term)
        items = [
            e for e in items if wanted in name_key(str(e["term"])) or wanted in name_key(str(e.get("expansion") or ""))
        ]
    return items


def home_summary(store: Store) -> dict[str, Any]:
    """Counts, latest sessions and latest outputs for the home page."""
    counts = store.counts()
    counts["coalitions"] = store.coalition_count()
    per_session = [
        [{**o, "session": sid} for o in items if isinstance(o, dict)]
        for sid, items in store.latest_analyses("outputs", 20)
        if isinstance(items, list)
    ]
    return {
        "counts": counts,
        "latest": [{"id": sid, "title": title, "year": year} for sid, title, year in store.latest_sessions(8)],
        "outputs": take_in_turn(per_session, 8),
    }


def take_in_turn(groups: list[list[dict[str, Any]]], limit: int) -> list[dict[str, Any]]:
    """Up to `limit` items taken in turn from each group (the first of each, then the second, …), groups in
    their order: the home page's latest outputs span the latest sessions instead of filling up from the one
    ingested last, which alone can have dozens."""
    out: list[dict[str, Any]] = []
    depth = 0
    while len(out) < limit and any(depth < len(g) for g in groups):
        out += [g[depth] for g in groups if depth < len(g)][: limit - len(out)]
        depth += 1
    return out


def speaking_time(session: dict[str, Any], words_per_minute: float = 150.0) -> list[dict[str, Any]]:
    """Speakers and minutes for the time bars: the people analysis, else counted from turns."""
    people = session.get("people")
    rows: list[dict[str, Any]]
    if people:
        rows = [
            {
                "name": p.get("name"),
                "id": person_slug(p.get("name")),
                "role": p.get("role"),
                "affiliation": p.get("affiliation"),
                "mode": p.get("mode"),
                "minutes": float(p.get("minutes") or (p.get("words") or 0) / words_per_minute),
                "words": int(p.get("words") or 0),
                "lines": list(p.get("lines") or []),
                "flags": list(p.get("flags") or []),
                "labels": [str(label) for label in p.get("labels") or [] if label],  # tells unnamed ones apart
            }
            for p in people
            if isinstance(p, dict)
        ]
    else:
        words: Counter[str] = Counter()
        first: dict[str, int] = {}
        lines: defaultdict[str, list[int]] = defaultdict(list)
        for turn in session.get("turns", []):
            if turn["kind"] != "speech":
                continue
            who = turn["speaker"] or turn["label"] or ""
            words[who] += len(turn["text"].split())
            first.setdefault(who, turn["line"])
            lines[who].append(turn["line"])
        rows = [
            {
                "name": who or None,
                "id": None,  # a caption label alone is not a person on record: no person page to link
                "role": None,
                "affiliation": None,
                "mode": None,
                "minutes": n / words_per_minute,
                "words": n,
                "lines": lines[who],
                "flags": [],
            }
            for who, n in words.items()
        ]
    rows.sort(key=lambda r: -r["minutes"])
    top = max((r["minutes"] for r in rows), default=0.0) or 1.0
    for row in rows:
        row["share"] = row["minutes"] / top
    return rows

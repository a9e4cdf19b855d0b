"""The portal's read model: store → JSON-ready dicts, shared by the API and the pages.

Both surfaces call these functions, so a page never shows something the API cannot
return. Everything goes through `Store` methods and `store.query()` with `?`
parameters: user input is only ever a bound parameter, never SQL text. Analyses are
whatever the stages stored (the DESIGN.md report contract); a missing kind is `None`
and the pages say so instead of failing.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from ..errors import NotFound
from ..models import Session
from ..store.base import Store
from ..transcript.speakers import name_key

__all__ = [
    "ANALYSIS_KINDS",
    "affiliation_name",
    "coalition_detail",
    "coalition_list",
    "coalition_name",
    "glossary",
    "home_summary",
    "people_list",
    "person_detail",
    "person_slug",
    "session_detail",
    "session_list",
    "session_with_record",
    "session_years",
    "slug",
    "speaking_time",
    "tag_detail",
    "tag_list",
]

ANALYSIS_KINDS = ("people", "coalitions", "segments", "questions", "asks", "outputs", "stats",
                  "takeaways", "tags", "glossary")


def slug(text: str) -> str:
    """URL id of a name: its comparison key with hyphens ("DC on Youth" → "dc-on-youth")."""
    return name_key(text).replace(" ", "-")


def person_slug(name: str | None) -> str | None:
    return slug(name) if name else None


def _lines(raw: Any) -> list[int]:
    try:
        return [int(x) for x in json.loads(raw or "[]")]
    except (TypeError, ValueError):
        return []


def _placeholders(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


# -- sessions --------------------------------------------------------------------------

def session_list(store: Store, *, year: int | None = None, coalition: str | None = None,
                 tag: str | None = None, speaker: str | None = None, title: str | None = None,
                 affiliation: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Sessions, newest year first, narrowed by any of the filters (all optional)."""
    where: list[str] = []
    params: list[Any] = []
    if year is not None:
        where.append("s.year = ?")
        params.append(int(year))
    if title:
        where.append("lower(s.title) LIKE ?")
        params.append("%" + title.lower() + "%")
    if coalition:
        where.append("s.id IN (SELECT session_id FROM coalition_mentions WHERE coalition = ?)")
        params.append(coalition_name(store, coalition))
    if tag:
        where.append("s.id IN (SELECT session_id FROM tags WHERE code = ?)")
        params.append(tag)
    if affiliation:
        where.append("s.id IN (SELECT session_id FROM appearances WHERE affiliation = ?)")
        params.append(affiliation_name(store, affiliation))
    if speaker:
        where.append("s.id IN (SELECT session_id FROM turns WHERE speaker_key LIKE ?)")
        params.append("%" + name_key(speaker) + "%")
    sql = ("SELECT s.id, s.title, s.year, d.source, s.turn_count, s.speaker_count, s.word_count, d.ingested_at"
           " FROM sessions s JOIN documents d ON d.id = s.id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY s.year DESC, s.title, s.id LIMIT ? OFFSET ?"
    rows = store.query(sql, [*params, max(1, min(int(limit), 500)), max(0, int(offset))])
    keys = ("id", "title", "year", "source", "turns", "speakers", "words", "ingested_at")
    return [dict(zip(keys, row)) for row in rows]


def session_years(store: Store) -> list[tuple[int, int]]:
    """(year, number of sessions), newest first: the year facet and filter."""
    rows = store.query("SELECT year, count(*) FROM sessions WHERE year IS NOT NULL GROUP BY year ORDER BY year DESC")
    return [(int(y), int(n)) for y, n in rows]


def session_detail(store: Store, ref: str) -> dict[str, Any]:
    """The `report` contract for one stored session: parse fields, id, info, analyses."""
    return session_with_record(store, ref)[0]


def session_with_record(store: Store, ref: str) -> tuple[dict[str, Any], Session]:
    """`session_detail` and the loaded `Session` (the page needs its text), loaded once."""
    info = store.session_info(ref)
    session = store.load_session(info.id)
    data: dict[str, Any] = {"id": info.id, **session.to_json(), "year": info.year, "source": info.source,
                            "words": info.words, "ingested_at": info.ingested_at}
    for kind in ANALYSIS_KINDS:
        value = store.analysis(info.id, kind)
        if value is not None:
            data[kind] = value
    return data, session


# -- people ----------------------------------------------------------------------------

def people_list(store: Store, *, name: str | None = None, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Resolved people (from the people analysis) and, until it lands, named speakers.

    Both are keyed by the same comparison key, so a person keeps one URL whether or
    not the resolve stage has run on their sessions.
    """
    people: dict[str, dict[str, Any]] = {}
    for key, display, sessions, roles in store.query(
            "SELECT p.key, p.name, count(a.session_id), group_concat(DISTINCT a.role) FROM people p"
            " LEFT JOIN appearances a ON a.person_key = p.key GROUP BY p.key, p.name"):
        people[key] = {"id": key.replace(" ", "-"), "name": display, "sessions": int(sessions),
                       "roles": sorted(set(filter(None, (roles or "").split(","))))}
    for speaker, sessions in store.query(
            "SELECT speaker, count(DISTINCT session_id) FROM speakers WHERE speaker IS NOT NULL GROUP BY speaker"):
        key = name_key(speaker)
        if key and key not in people:
            people[key] = {"id": key.replace(" ", "-"), "name": speaker, "sessions": int(sessions), "roles": []}
        elif key and not people[key]["sessions"]:
            people[key]["sessions"] = int(sessions)
    items = sorted(people.values(), key=lambda p: (-p["sessions"], p["name"].casefold()))
    if name:
        wanted = name_key(name)
        items = [p for p in items if wanted in name_key(p["name"])]
    return items[offset: offset + limit]


def person_detail(store: Store, person_id: str) -> dict[str, Any]:
    """One person: labels, roles, affiliations and every session they spoke in."""
    key = name_key(person_id.replace("-", " "))
    found = store.query("SELECT name FROM people WHERE key = ?", [key])
    labels = [r[0] for r in store.query("SELECT label FROM person_labels WHERE person_key = ? ORDER BY label", [key])]
    appearances: dict[str, dict[str, Any]] = {}
    for sid, title, year, role, affiliation, mode, words, minutes, lines in store.query(
            "SELECT a.session_id, s.title, s.year, a.role, a.affiliation, a.mode, a.words, a.minutes, a.lines"
            " FROM appearances a JOIN sessions s ON s.id = a.session_id WHERE a.person_key = ?"
            " ORDER BY s.year DESC, s.title", [key]):
        appearances[sid] = {"session": sid, "title": title, "year": year, "role": role, "affiliation": affiliation,
                            "mode": mode, "words": words, "minutes": minutes, "lines": _lines(lines)}
    # sessions where the person is only known from turn labels (no people analysis yet)
    for sid, title, year, label, line, words in store.query(
            "SELECT t.session_id, s.title, s.year, min(t.label), min(t.line), sum(length(t.text) - length(replace(t.text, ' ', '')) + 1)"
            " FROM turns t JOIN sessions s ON s.id = t.session_id WHERE t.speaker_key = ? AND t.kind = 'speech'"
            " GROUP BY t.session_id, s.title, s.year ORDER BY s.year DESC, s.title", [key]):
        if label and label not in labels:
            labels.append(label)
        appearances.setdefault(sid, {"session": sid, "title": title, "year": year, "role": None, "affiliation": None,
                                     "mode": None, "words": int(words or 0), "minutes": None, "lines": [line]})
    if not found and not appearances:
        raise NotFound(f"no person {person_id!r}", hint="see the list on /people")
    name = found[0][0] if found else None
    if name is None:
        speakers = store.query("SELECT speaker FROM turns WHERE speaker_key = ? AND speaker IS NOT NULL LIMIT 1", [key])
        name = speakers[0][0] if speakers else person_id
    items = list(appearances.values())
    return {"id": key.replace(" ", "-"), "name": name, "labels": sorted(set(labels)),
            "roles": sorted({a["role"] for a in items if a["role"]}),
            "affiliations": sorted({a["affiliation"] for a in items if a["affiliation"]}),
            "sessions": items}


# -- coalitions ------------------------------------------------------------------------

def coalition_list(store: Store) -> list[dict[str, Any]]:
    """Every coalition seen in a session, with how often it presented or was mentioned."""
    out = []
    for name, acronym, sessions, presented in store.query(
            "SELECT coalition, max(acronym), count(*), sum(CASE WHEN status = 'presented' THEN 1 ELSE 0 END)"
            " FROM coalition_mentions GROUP BY coalition ORDER BY coalition"):
        out.append({"id": slug(name), "name": name, "acronym": acronym, "sessions": int(sessions),
                    "presented": int(presented or 0)})
    return out


def coalition_name(store: Store, ref: str) -> str:
    """The stored name of a coalition given its URL id, name or acronym (as given if unknown)."""
    wanted = slug(ref)
    for name, acronym in store.query("SELECT DISTINCT coalition, acronym FROM coalition_mentions"):
        if slug(name) == wanted or (acronym and slug(acronym) == wanted):
            return str(name)
    return ref


def affiliation_name(store: Store, ref: str) -> str:
    """The stored affiliation (institution, NRI) given its URL id or name."""
    wanted = slug(ref)
    for (name,) in store.query("SELECT DISTINCT affiliation FROM appearances WHERE affiliation IS NOT NULL"):
        if slug(name) == wanted:
            return str(name)
    return ref


def _by_coalition(items: list[dict[str, Any]] | None, name: str, members: set[str]) -> list[dict[str, Any]]:
    """Items (asks, outputs) that name the coalition or were said by one of its people."""
    key = name_key(name)
    out = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        owner = item.get("coalition") or item.get("by_coalition") or ""
        if (owner and name_key(str(owner)) == key) or name_key(str(item.get("by") or "")) in members:
            out.append(item)
    return out


def coalition_detail(store: Store, coalition_id: str) -> dict[str, Any]:
    """A coalition's page: profile, sessions, speakers, outputs, asks, questions, partners."""
    name = coalition_name(store, coalition_id)
    rows = store.query(
        "SELECT c.session_id, s.title, s.year, c.acronym, c.status, c.lines FROM coalition_mentions c"
        " JOIN sessions s ON s.id = c.session_id WHERE c.coalition = ? ORDER BY s.year DESC, s.title", [name])
    if not rows:
        raise NotFound(f"no coalition {coalition_id!r} in the record", hint="see the list on /coalitions")
    sessions = [{"session": r[0], "title": r[1], "year": r[2], "status": r[4], "lines": _lines(r[5])} for r in rows]
    ids = [s["session"] for s in sessions]
    speakers = store.query(
        "SELECT DISTINCT p.name, a.session_id, a.role FROM appearances a JOIN people p ON p.key = a.person_key"
        f" WHERE a.affiliation = ? AND a.session_id IN ({_placeholders(ids)})", [name, *ids])
    members = {name_key(r[0]) for r in speakers}
    outputs: list[dict[str, Any]] = []
    asks: list[dict[str, Any]] = []
    questions: list[dict[str, Any]] = []
    found = _analyses_of(store, ids, ("outputs", "asks", "questions"))
    for sid in ids:
        got = found.get(sid, {})
        outputs += [{**o, "session": sid} for o in _by_coalition(got.get("outputs"), name, members)]
        asks += [{**a, "session": sid} for a in _by_coalition(got.get("asks"), name, members)]
        questions += [{**q, "session": sid} for q in got.get("questions") or []
                      if isinstance(q, dict) and name_key(str(q.get("to") or "")) in {name_key(name)} | members]
    partners = store.query(
        "SELECT coalition, count(*) FROM coalition_mentions"
        f" WHERE session_id IN ({_placeholders(ids)}) AND coalition != ? GROUP BY coalition"
        " ORDER BY count(*) DESC, coalition LIMIT 20", [*ids, name])
    return {"id": slug(name), "name": name, "acronym": rows[0][3], "profile": _registry_profile(name),
            "sessions": sessions,
            "speakers": [{"name": r[0], "id": slug(r[0]), "session": r[1], "role": r[2]} for r in speakers],
            "outputs": outputs, "asks": asks, "questions": questions,
            "partners": [{"name": p, "id": slug(p), "sessions": int(n)} for p, n in partners]}


def _analyses_of(store: Store, ids: list[str], kinds: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """session → kind → analysis, for many sessions in a few queries (not one per session and kind)."""
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):  # under SQLite's parameter limit
        chunk = ids[start:start + 500]
        for sid, kind, data in store.query(
                f"SELECT session_id, kind, data FROM analyses WHERE kind IN ({_placeholders(list(kinds))})"
                f" AND session_id IN ({_placeholders(chunk)})", [*kinds, *chunk]):
            try:
                out.setdefault(sid, {})[kind] = json.loads(data)
            except (TypeError, ValueError):
                continue
    return out


def _registry_profile(name: str) -> dict[str, Any]:
    """What the resolve stage's registry says of the coalition, when that stage is installed."""
    try:
        from ..resolve import load_registry
    except ImportError:
        return {}
    try:
        entity = load_registry().by_name(name)
    except Exception:  # noqa: BLE001 - a registry problem must not take the page down
        return {}
    if entity is None:
        return {}
    return {"acronyms": list(entity.acronyms), "official": list(entity.phrases[:3]),
            **{k: v for k, v in entity.info.items() if isinstance(v, str | int | float | bool)}}


# -- topics ----------------------------------------------------------------------------

SCHEME_NAMES = {"sdg": "Sustainable Development Goals", "issue-area": "IGF issue areas",
                "gdc": "Global Digital Compact objectives"}


def tag_list(store: Store, scheme: str | None = None) -> list[dict[str, Any]]:
    """Tags used in the record with how many sessions carry each."""
    sql = "SELECT scheme, code, max(label), count(*), max(score) FROM tags"
    params: list[Any] = []
    if scheme:
        sql += " WHERE scheme = ?"
        params.append(scheme)
    rows = store.query(sql + " GROUP BY scheme, code ORDER BY scheme, code", params)
    return [{"scheme": r[0], "code": r[1], "label": r[2] or _taxonomy_entry(r[0], r[1]).get("label", ""),
             "sessions": int(r[3]), "top_score": r[4]} for r in rows]


def _taxonomy_entry(scheme: str, code: str) -> dict[str, Any]:
    """Label and description from the tag stage's taxonomy, when installed."""
    try:
        from ..tag.taxonomy import load_taxonomy
        entry = load_taxonomy(scheme).entry(code)
    except Exception:  # noqa: BLE001 - unknown scheme/code or stage missing: show what the store has
        return {}
    return {"label": entry.label, "description": entry.description,
            "targets": [{"code": t.code, "text": t.text} for t in entry.targets]}


def tag_detail(store: Store, scheme: str, code: str) -> dict[str, Any]:
    """One topic: what it means and the sessions tagged with it, best score first."""
    rows = store.query(
        "SELECT t.session_id, s.title, s.year, t.label, t.score, t.lines FROM tags t JOIN sessions s"
        " ON s.id = t.session_id WHERE t.scheme = ? AND t.code = ? ORDER BY t.score DESC, s.title", [scheme, code])
    entry = _taxonomy_entry(scheme, code)
    if not rows and not entry:
        raise NotFound(f"no topic {scheme}/{code}", hint="see the list on /topics")
    return {"scheme": scheme, "scheme_name": SCHEME_NAMES.get(scheme, scheme), "code": code,
            "label": entry.get("label") or (rows[0][3] if rows else code),
            "description": entry.get("description", ""), "targets": entry.get("targets", []),
            "sessions": [{"session": r[0], "title": r[1], "year": r[2], "score": r[4], "lines": _lines(r[5])}
                         for r in rows]}


# -- glossary and home -----------------------------------------------------------------

def glossary(store: Store, term: str | None = None) -> list[dict[str, Any]]:
    """Glossary terms across the store, one entry per term with every session using it."""
    merged: dict[str, dict[str, Any]] = {}
    for sid, title, raw in store.query(
            "SELECT a.session_id, s.title, a.data FROM analyses a JOIN sessions s ON s.id = a.session_id"
            " WHERE a.kind = 'glossary' ORDER BY s.year, s.title"):
        try:
            entries = json.loads(raw)
        except ValueError:
            continue
        for item in entries if isinstance(entries, list) else []:
            if not isinstance(item, dict) or not item.get("term"):
                continue
            key = name_key(str(item["term"]))
            entry = merged.setdefault(key, {"term": item["term"], "kind": item.get("kind"),
                                            "expansion": item.get("expansion"), "definition": None, "uses": []})
            definition = item.get("definition")
            if entry["definition"] is None and isinstance(definition, dict):
                entry["definition"] = {**definition, "session": sid, "title": title}
            entry["expansion"] = entry["expansion"] or item.get("expansion")
            entry["uses"].append({"session": sid, "title": title, "lines": list(item.get("lines") or [])})
    items = sorted(merged.values(), key=lambda e: str(e["term"]).casefold())
    if term:
        wanted = name_key(term)
        items = [e for e in items if wanted in name_key(str(e["term"]))
                 or wanted in name_key(str(e.get("expansion") or ""))]
    return items


def home_summary(store: Store) -> dict[str, Any]:
    """Counts, latest sessions and latest outputs for the home page."""
    counts = store.counts()
    counts["coalitions"] = int(store.query("SELECT count(DISTINCT coalition) FROM coalition_mentions")[0][0])
    latest = store.query("SELECT s.id, s.title, s.year FROM sessions s JOIN documents d ON d.id = s.id"
                         " ORDER BY d.ingested_at DESC, s.year DESC, s.id LIMIT 8")
    outputs: list[dict[str, Any]] = []
    for sid, raw in store.query("SELECT a.session_id, a.data FROM analyses a JOIN documents d ON d.id = a.session_id"
                                " WHERE a.kind = 'outputs' ORDER BY d.ingested_at DESC LIMIT 20"):
        try:
            items = json.loads(raw)
        except ValueError:
            continue
        outputs += [{**o, "session": sid} for o in items if isinstance(o, dict)]
    return {"counts": counts, "latest": [{"id": r[0], "title": r[1], "year": r[2]} for r in latest],
            "outputs": outputs[:8]}


def speaking_time(session: dict[str, Any], words_per_minute: float = 150.0) -> list[dict[str, Any]]:
    """Speakers and minutes for the time bars: the people analysis, else counted from turns."""
    people = session.get("people")
    if people:
        rows = [{"name": p.get("name"), "id": person_slug(p.get("name")), "role": p.get("role"),
                 "affiliation": p.get("affiliation"), "mode": p.get("mode"),
                 "minutes": float(p.get("minutes") or (p.get("words") or 0) / words_per_minute),
                 "words": int(p.get("words") or 0), "lines": list(p.get("lines") or []),
                 "flags": list(p.get("flags") or [])} for p in people if isinstance(p, dict)]
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
        rows = [{"name": who or None, "id": person_slug(who), "role": None, "affiliation": None, "mode": None,
                 "minutes": n / words_per_minute, "words": n, "lines": lines[who], "flags": []}
                for who, n in words.items()]
    rows.sort(key=lambda r: -r["minutes"])
    top = max((r["minutes"] for r in rows), default=0.0) or 1.0
    for row in rows:
        row["share"] = row["minutes"] / top
    return rows

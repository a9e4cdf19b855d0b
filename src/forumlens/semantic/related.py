"""Related items: similar sessions and turns, coalitions working on a topic, partner suggestions.

Everything here works on the default install, from what every store has: the full-text
index (a turn's or session's distinctive words, searched as an OR query), the `tags`
table (SDG, issue-area and GDC codes with scores and lines) and who was there
(`coalition_mentions`, `appearances`). When the `semantic` extra is installed and
vectors are stored, passage vectors join in as one more signal. Each result carries its
evidence: a session, a line and a verbatim quote.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import NotFound
from ..models import Citation, SearchHit
from ..search import SearchFilters, parse_query
from ..store.base import Store
from ..tag.text import stem
from ..transcript.speakers import name_key
from .hybrid import K, rrf, turn_of_line
from .profiles import SessionProfiles, content_words, keyword_counts, load_profiles, shared_forms, tag_overlap, word_overlap

__all__ = ["RelatedSession", "RelatedActor", "similar_sessions", "similar_turns", "coalitions_working_on",
           "suggest_partners", "keywords"]

ACTOR_KINDS = ("dc", "nri")
STATUS_WEIGHT = {"presented": 1.0, "mentioned": 0.5, "invited-absent": 0.3}
QUOTE_CHARS = 240
MIN_COSINE = 0.3  # below this a passage is not "about" a topic (all-MiniLM-L6-v2 scale)


# -- records ------------------------------------------------------------------------------
@dataclass(frozen=True)
class RelatedSession:
    session: str
    title: str
    score: float
    reasons: tuple[str, ...] = ()
    evidence: tuple[Citation, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"session": self.session, "title": self.title, "score": round(self.score, 4),
                "reasons": list(self.reasons), "evidence": [c.to_json() for c in self.evidence]}


@dataclass(frozen=True)
class RelatedActor:
    """A coalition or initiative (national/regional IGF) related to something, with why."""

    name: str
    kind: str  # "coalition" | "nri"
    acronym: str | None
    score: float
    reasons: tuple[str, ...] = ()
    evidence: tuple[Citation, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "acronym": self.acronym, "score": round(self.score, 4),
                "reasons": list(self.reasons), "evidence": [c.to_json() for c in self.evidence]}


# -- small helpers ------------------------------------------------------------------------------
_content = content_words


def keywords(texts: Iterable[str], n: int = 10) -> list[str]:
    """The n most frequent content words (ties: longer first), one surface form per stem. Pure."""
    return [form for _, form, _ in keyword_counts(texts, n)]


def _or_query(terms: list[str]) -> str:
    return " OR ".join(terms)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _verbatim(text: str, limit: int = QUOTE_CHARS) -> str:
    """A verbatim prefix of `text`, cut at a word boundary (quotes must stay exact)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def _turns(store: Store, session_id: str) -> list[tuple[int, int, int, str | None, str, str]]:
    """(idx, line, end_line, speaker, kind, text) of a session's turns."""
    return [(int(r[0]), int(r[1]), int(r[2]), r[3], r[4], r[5]) for r in store.query(
        "SELECT idx, line, end_line, speaker, kind, text FROM turns WHERE session_id = ? ORDER BY idx",
        (session_id,))]


def _citation_at(store: Store, session_id: str, line: int) -> Citation | None:
    """The source line `line` of a stored session as a citation (verbatim)."""
    rows = store.query("SELECT line, speaker, text FROM turns WHERE session_id = ? AND line <= ? AND end_line >= ?"
                       " ORDER BY idx", (session_id, line, line))
    if not rows:
        return None
    first, speaker, text = int(rows[0][0]), rows[0][1], rows[0][2]
    lines = text.split("\n")
    quote = lines[line - first] if 0 <= line - first < len(lines) else text
    if not quote.strip():
        quote = text
    return Citation(line=line, quote=_verbatim(quote), speaker=speaker, session=session_id)


def _turn_at(store: Store, session_id: str, line: int) -> tuple[int, str | None, str] | None:
    """(first line, speaker, text) of the turn covering a line."""
    rows = store.query("SELECT line, speaker, text FROM turns WHERE session_id = ? AND line <= ? AND end_line >= ?"
                       " ORDER BY idx", (session_id, line, line))
    return (int(rows[0][0]), rows[0][1], rows[0][2]) if rows else None


def _best_sentence(text: str, weights: dict[str, float]) -> tuple[int, int]:
    """Span of the sentence of `text` sharing most weight with `weights` (stems)."""
    from ..transcript.sentences import split_sentences

    spans = split_sentences(text) or [(0, len(text))]
    return max(spans, key=lambda ab: (sum(weights.get(stem(w), 0.0) for w in set(_content(text[ab[0]:ab[1]]))),
                                      -ab[0]))


def _citation_in_turn(session_id: str, line: int, speaker: str | None, text: str,
                      weights: dict[str, float]) -> Citation:
    a, b = _best_sentence(text, weights)
    return Citation(line=line + text.count("\n", 0, a), quote=_verbatim(text[a:b]), speaker=speaker,
                    session=session_id)


def _vectors(store: Store) -> Any | None:
    """(embedder, matrix) when the extra is installed and vectors are stored, else None."""
    from .embedder import MODEL_NAME, load_embedder, semantic_installed
    from .vectors import load_matrix, vector_counts

    if not semantic_installed() or not vector_counts(store).get(MODEL_NAME):
        return None  # no vectors: do not load the model just to find that out
    embedder = load_embedder()
    return embedder, load_matrix(store, embedder.model, embedder.dim)


def _centroid(matrix: Any, rows: list[int]) -> Any | None:
    import numpy as np

    if not rows:
        return None
    v = matrix.matrix[rows].mean(axis=0)
    n = float(np.linalg.norm(v))
    return v / n if n else None


def _session_title(store: Store, session_id: str) -> str:
    rows = store.query("SELECT title FROM sessions WHERE id = ?", (session_id,))
    return str(rows[0][0]) if rows else ""


# -- similar sessions ------------------------------------------------------------------------------
def similar_sessions(store: Store, session_id: str, k: int = 5, *, use_vectors: bool = True,
                     profiles: SessionProfiles | None = None, with_evidence: bool = True) -> list[RelatedSession]:
    """Sessions most like this one: shared distinctive words, tags, coalitions (and vectors).

    Each signal ranks the other sessions; the rankings are fused by reciprocal rank.
    Words, tags and coalitions come from `profiles` (see `profiles.py`; loaded here when
    not given — callers answering many requests pass a cached one), so the cost is a
    walk over posting lists, not a full-text query; evidence is looked up for the k
    sessions returned only.
    """
    sid = store.resolve_ref(session_id)
    profiles = profiles if profiles is not None else load_profiles(store)
    rankings: list[list[tuple[str, int]]] = []
    reasons: dict[str, list[str]] = {}
    evidence: dict[str, Citation] = {}
    # 1. words: cosine of tf-idf word profiles
    by_words = [(s, score) for s, score in word_overlap(profiles, sid) if score > 0][:300]
    if by_words:
        rankings.append([(s, 0) for s, _ in by_words])
        for s, _ in by_words[: k * 3]:
            shared = shared_forms(profiles, sid, s)
            if shared:
                reasons.setdefault(s, []).append("shared words: " + ", ".join(shared))
    # 2. tags
    mine = profiles.tags.get(sid) or {}
    if mine:
        scored = tag_overlap(profiles, sid)
        rankings.append([(s, 0) for s, score in scored if score > 0])
        for s, _ in scored[: k * 3]:
            others = profiles.tags[s]
            shared_tags = sorted(set(mine) & set(others), key=lambda c: -min(mine[c], others[c]))
            reasons.setdefault(s, []).append("shared tags: " + ", ".join(c.split(":", 1)[1] for c in shared_tags[:4]))
    # 3. coalitions present in both
    coalitions = profiles.coalitions.get(sid) or {}
    if coalitions:
        together: Counter[str] = Counter()
        for name in coalitions:
            together.update(s for s in profiles.coalition_postings.get(name, ()) if s != sid)
        rankings.append([(s, 0) for s, _ in sorted(together.items(), key=lambda x: (-x[1], x[0]))])
        for s, _ in together.most_common(k * 3):
            names = sorted(label for c, label in profiles.coalitions[s].items() if c in coalitions)
            reasons.setdefault(s, []).append("same coalitions: " + ", ".join(names[:4]))
    # 4. vectors: cosine of session centroids
    loaded = _vectors(store) if use_vectors else None
    if loaded:
        _, matrix = loaded
        centroids = _session_centroids(matrix)
        if sid in centroids:
            me = centroids[sid]
            scored = sorted(((s, float(v @ me)) for s, v in centroids.items() if s != sid), key=lambda x: -x[1])
            rankings.append([(s, 0) for s, _ in scored])
            for s, score in scored[: k * 3]:
                reasons.setdefault(s, []).append(f"similar content (cosine {score:.2f})")
                if s not in evidence:
                    best = max(matrix.rows_of_session(s), key=lambda i: float(matrix.matrix[i] @ me))
                    evidence[s] = _citation_at(store, s, matrix.keys[best][3])  # type: ignore[assignment]
    out = []
    my_words = profiles.words.get(sid) or {}
    for (s, _), score in rrf(rankings)[:k]:
        if not with_evidence:
            out.append(RelatedSession(s, "", score, tuple(reasons.get(s, []))))
            continue
        cite = evidence.get(s) or _word_evidence(store, s, my_words, profiles.words.get(s) or {},
                                                 profiles.forms.get(s) or {})
        if cite is None:
            lines = [r[0] for r in store.query("SELECT lines FROM tags WHERE session_id = ? ORDER BY score DESC",
                                               (s,))]
            first = next((json.loads(x)[0] for x in lines if json.loads(x)), None)
            cite = _citation_at(store, s, first) if first else None
        out.append(RelatedSession(s, _session_title(store, s), score, tuple(reasons.get(s, [])),
                                  (cite,) if cite else ()))
    return out


def _word_evidence(store: Store, session_id: str, mine: dict[str, float], theirs: dict[str, float],
                   forms: dict[str, str]) -> Citation | None:
    """The sentence of `session_id` that says most of what the two sessions share (None: nothing shared).

    Turns are screened by plain substring tests on the shared words (as said, and as
    stems); only the best turn is split into sentences and tokenised.
    """
    weights = {s: mine[s] * theirs[s] for s in set(mine) & set(theirs)}
    if not weights:
        return None
    probes = [(forms.get(s, s), s, w) for s, w in weights.items()]
    best: tuple[float, int, str | None, str] | None = None
    for _, line, _, speaker, kind, text in _turns(store, session_id):
        if kind != "speech":
            continue
        low = text.lower()
        score = sum(w for form, s, w in probes if form in low or s in low)
        if score > 0 and (best is None or score > best[0]):
            best = (score, line, speaker, text)
    return _citation_in_turn(session_id, best[1], best[2], best[3], weights) if best else None


def _session_centroids(matrix: Any) -> dict[str, Any]:
    cached = getattr(matrix, "_centroids", None)
    if cached is not None:
        return cached
    rows: dict[str, list[int]] = {}
    for i, key in enumerate(matrix.keys):
        rows.setdefault(key[0], []).append(i)
    centroids = {s: c for s, r in rows.items() if (c := _centroid(matrix, r)) is not None}
    matrix._centroids = centroids
    return centroids


# -- similar turns ------------------------------------------------------------------------------
def similar_turns(store: Store, session_id: str, line: int, k: int = 5, *, use_vectors: bool = True) -> list[SearchHit]:
    """Turns elsewhere in the record that say something like the turn at `line` (any session)."""
    sid = store.resolve_ref(session_id)
    idx = turn_of_line(store, sid, line)
    if idx is None:
        raise NotFound(f"session {sid} has no turn at line {line}", hint="give a line inside a turn")
    text = store.query("SELECT text FROM turns WHERE session_id = ? AND idx = ?", (sid, idx))[0][0]
    depth = max(30, k * 4)
    rankings: list[list[tuple[str, int]]] = []
    by_key: dict[tuple[str, int], SearchHit] = {}
    terms = keywords([text], 8)
    if terms:
        keys = []
        for hit in store.search(parse_query(_or_query(terms)), SearchFilters(limit=depth + 5)):
            key = (hit.session, turn_of_line(store, hit.session, hit.line) or -hit.line)
            if key == (sid, idx) or key in by_key:
                continue
            keys.append(key)
            by_key[key] = hit
        rankings.append(keys)
    loaded = _vectors(store) if use_vectors else None
    if loaded:
        from .hybrid import passage_hits

        _, matrix = loaded
        rows = [i for i, key in enumerate(matrix.keys) if key[0] == sid and key[1] == idx]
        me = _centroid(matrix, rows)
        if me is not None:
            ranked, seen = [], {(sid, idx)}
            for row, score in matrix.top(me, depth * 3):
                key = (matrix.keys[row][0], matrix.keys[row][1])
                if key not in seen:
                    seen.add(key)
                    ranked.append((row, score))
            keys = []
            for row, hit in passage_hits(store, matrix, ranked[:depth]):
                key = (matrix.keys[row][0], matrix.keys[row][1])
                keys.append(key)
                by_key.setdefault(key, hit)
            rankings.append(keys)
    return [replace(by_key[key], score=score) for key, score in rrf(rankings)[:k]]


# -- coalitions and initiatives ------------------------------------------------------------------------------
@dataclass
class _Actor:
    name: str
    kind: str
    acronym: str | None
    sessions: set[str] = field(default_factory=set)
    turns: dict[tuple[str, int], tuple[int, str | None, str]] = field(default_factory=dict)  # → line, speaker, text
    mention_lines: list[tuple[str, int]] = field(default_factory=list)


def _registry_actors() -> dict[str, tuple[str, str | None]]:
    """Display name → (kind, acronym) of the coalitions and NRIs in the registry."""
    from ..resolve import load_registry

    registry = load_registry()
    return {e.name: ("coalition" if e.kind == "dc" else "nri", e.acronym) for e in registry.of_kind(*ACTOR_KINDS)}


def _actors(store: Store) -> dict[str, _Actor]:
    """Every coalition or initiative on record: mentioned (coalitions) or someone spoke for it."""
    known = _registry_actors()
    actors: dict[str, _Actor] = {}
    rows = store.query("SELECT session_id, coalition, acronym, lines FROM coalition_mentions")
    for sid, name, acronym, lines in rows:
        actor = actors.setdefault(name, _Actor(name, "coalition", acronym))
        actor.sessions.add(sid)
        actor.mention_lines += [(sid, int(x)) for x in json.loads(lines or "[]")]
    for sid, affiliation, lines in store.query("SELECT session_id, affiliation, lines FROM appearances"
                                               " WHERE affiliation IS NOT NULL"):
        if affiliation not in known and affiliation not in actors:
            continue
        kind, acronym = known.get(affiliation, ("coalition", None))
        actor = actors.setdefault(affiliation, _Actor(affiliation, kind, acronym))
        actor.sessions.add(sid)
        actor.mention_lines += [(sid, int(x)) for x in json.loads(lines or "[]")]
    return actors


def _fill_turns(store: Store, actors: Iterable[_Actor]) -> None:
    """The turns each actor is mentioned in or speaks in (one read per session)."""
    actors = list(actors)
    sessions = sorted({sid for a in actors for sid, _ in a.mention_lines})
    for sid in sessions:
        turns = [t for t in _turns(store, sid) if t[4] == "speech"]
        for actor in actors:
            for s, line in actor.mention_lines:
                if s != sid:
                    continue
                for idx, first, last, speaker, _, text in turns:
                    if first <= line <= last:
                        actor.turns[(sid, idx)] = (first, speaker, text)
                        break


def _find_actor(actors: dict[str, _Actor], name: str) -> _Actor:
    wanted = name_key(name)
    exact = [a for a in actors.values() if wanted in (name_key(a.name), name_key(a.acronym or ""))]
    if exact:
        return exact[0]
    partial = [a for a in actors.values() if wanted and wanted in name_key(a.name)]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise NotFound(f"{name!r} matches several coalitions or initiatives: "
                       + ", ".join(sorted(a.name for a in partial)[:6]), hint="give more of the name or the acronym")
    raise NotFound(f"no coalition or initiative on record matches {name!r}",
                   hint="list them with `forumlens coalitions`, or ingest sessions where it appears")


def _word_profiles(actors: list[_Actor]) -> dict[str, dict[str, float]]:
    """tf-idf over stems of each actor's turns (idf across the actors). Pure."""
    counts = {a.name: Counter(stem(w) for _, _, text in a.turns.values() for w in _content(text)) for a in actors}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(actors)
    return {name: {s: (1 + math.log(v)) * math.log((1 + n) / (1 + df[s])) for s, v in c.items()}
            for name, c in counts.items()}


def _tag_profiles(store: Store, actors: list[_Actor]) -> dict[str, dict[str, tuple[float, list[int]]]]:
    """Tag code → (summed score, evidence lines per session) for each actor's sessions."""
    tags: dict[str, list[tuple[str, str, float, list[int]]]] = {}
    for sid, code, label, score, lines in store.query("SELECT session_id, code, label, score, lines FROM tags"):
        tags.setdefault(sid, []).append((code, label, float(score), json.loads(lines or "[]")))
    out: dict[str, dict[str, tuple[float, list[int]]]] = {}
    for actor in actors:
        profile: dict[str, tuple[float, list[int]]] = {}
        for sid in actor.sessions:
            spans = [(t[0], t[0] + t[2].count("\n")) for (s, _), t in actor.turns.items() if s == sid]
            for code, _label, score, lines in tags.get(sid, []):
                near = any(a <= x <= b for x in lines for a, b in spans)
                total, cited = profile.get(code, (0.0, []))
                profile[code] = (total + score * (1.0 if near else 0.25), cited + [(sid, x) for x in lines[:1]])  # type: ignore[list-item]
        out[actor.name] = profile
    return out


def suggest_partners(store: Store, name: str, k: int = 5, *, use_vectors: bool = True) -> list[RelatedActor]:
    """Coalitions and initiatives with overlapping topics that have not yet appeared in a session together.

    Topics come from what each one said or was said about (its turns' distinctive words),
    the tags of its sessions (weighted up where the tag's evidence is in its turns), and,
    with the extra, the centroid of its passage vectors. Evidence: the candidate's
    sentence closest to the asker's topics, and the asker's own closest sentence.
    """
    actors = _actors(store)
    me = _find_actor(actors, name)
    pool = [a for a in actors.values() if a.name != me.name and not (a.sessions & me.sessions)]
    if not pool:
        return []
    _fill_turns(store, [me, *pool])
    everyone = [me, *pool]
    words_of = _word_profiles(everyone)
    tags_of = _tag_profiles(store, everyone)
    my_tags = {c: v[0] for c, v in tags_of[me.name].items()}
    loaded = _vectors(store) if use_vectors else None
    centroid_of: dict[str, Any] = {}
    if loaded:
        _, matrix = loaded
        index: dict[tuple[str, int], list[int]] = {}
        for i, key in enumerate(matrix.keys):
            index.setdefault((key[0], key[1]), []).append(i)
        for actor in everyone:
            rows = [i for key in actor.turns for i in index.get(key, [])]
            centroid_of[actor.name] = _centroid(matrix, rows)
    results = []
    for cand in pool:
        word_score = _cosine(words_of[me.name], words_of[cand.name])
        cand_tags = {c: v[0] for c, v in tags_of[cand.name].items()}
        tag_score = _cosine(my_tags, cand_tags)
        parts = [(0.6, word_score), (0.4, tag_score)]
        vector_score = None
        if centroid_of.get(me.name) is not None and centroid_of.get(cand.name) is not None:
            vector_score = float(centroid_of[me.name] @ centroid_of[cand.name])
            parts = [(0.3, word_score), (0.2, tag_score), (0.5, max(0.0, vector_score))]
        score = sum(w * s for w, s in parts)
        if score <= 0:
            continue
        shared_words = sorted(set(words_of[me.name]) & set(words_of[cand.name]),
                              key=lambda s: -(words_of[me.name][s] * words_of[cand.name][s]))[:5]
        shared_tags = sorted(set(my_tags) & set(cand_tags), key=lambda c: -min(my_tags[c], cand_tags[c]))[:4]
        reasons = []
        if shared_tags:
            reasons.append("shared tags: " + ", ".join(shared_tags))
        if shared_words:
            reasons.append("shared words: " + ", ".join(shared_words))
        if vector_score is not None:
            reasons.append(f"similar content (cosine {vector_score:.2f})")
        reasons.append("not yet in a session together")
        weights = {s: words_of[me.name][s] for s in words_of[me.name]}
        evidence = [c for c in (_best_turn_citation(cand, weights),
                                _best_turn_citation(me, words_of[cand.name])) if c]
        for code in shared_tags[:1]:
            sid_line = next(iter(tags_of[cand.name][code][1]), None)
            if sid_line:
                cite = _citation_at(store, *sid_line)
                if cite and cite not in evidence:
                    evidence.append(cite)
        results.append(RelatedActor(cand.name, cand.kind, cand.acronym, score, tuple(reasons), tuple(evidence)))
    results.sort(key=lambda r: (-r.score, r.name))
    return results[:k]


def _best_turn_citation(actor: _Actor, weights: dict[str, float]) -> Citation | None:
    """The actor's sentence that shares most weight with `weights`."""
    best: tuple[float, Citation] | None = None
    for (sid, _), (line, speaker, text) in sorted(actor.turns.items()):
        cite = _citation_in_turn(sid, line, speaker, text, weights)
        score = sum(weights.get(stem(w), 0.0) for w in set(_content(cite.quote)))
        if best is None or score > best[0]:
            best = (score, cite)
    return best[1] if best else None


def _is_session_ref(store: Store, ref: str) -> str | None:
    ref = ref.strip()
    if not re.fullmatch(r"[0-9a-f]{6,64}", ref):
        return None
    rows = store.query("SELECT id FROM sessions WHERE id LIKE ?", (ref[:12] + "%",))
    return str(rows[0][0]) if len(rows) == 1 else None


def coalitions_working_on(store: Store, text_or_session: str, k: int = 5, *,
                          use_vectors: bool = True, profiles: SessionProfiles | None = None,
                          similar: list[RelatedSession] | None = None) -> list[RelatedActor]:
    """Coalitions and initiatives whose sessions and turns concern a topic (text) or a session (id).

    For a text: its best turns (hybrid search with the extra, else full-text search,
    with every word optional); each coalition on record in those sessions scores by the
    hits' ranks, weighted by how it was there (presented > mentioned > invited, absent)
    and tripled where the hit is its own turn. For a session id: the coalitions of the
    session itself and of its most similar sessions (`similar`, when the caller has them).
    """
    sid = _is_session_ref(store, text_or_session)
    actors, by_session, status, first_line = _actor_index(store, profiles)
    scores: dict[str, float] = {}
    evidence: dict[str, list[Citation]] = {}
    reasons: dict[str, set[str]] = {}
    if sid is not None:
        if similar is None:
            similar = similar_sessions(store, sid, 10, use_vectors=use_vectors, profiles=profiles,
                                       with_evidence=False)
        ranked = [sid] + [r.session for r in similar[:10]]
        for rank, s in enumerate(ranked):
            for actor in by_session.get(s, []):
                w = STATUS_WEIGHT.get(status.get((s, actor.name), "presented"), 0.5)
                scores[actor.name] = scores.get(actor.name, 0.0) + w / (K + rank + 1)
                reasons.setdefault(actor.name, set()).add("in this session" if s == sid else "in a similar session")
                line = first_line.get((actor.name, s))
                if line is not None and len(evidence.setdefault(actor.name, [])) < 2:
                    cite = _citation_at(store, s, line)
                    if cite:
                        evidence[actor.name].append(cite)
    else:
        hits = _topic_hits(store, text_or_session, use_vectors)
        weights = {stem(w): 1.0 for w in _content(text_or_session)}
        found: dict[str, list[tuple[bool, int, SearchHit]]] = {}
        for rank, hit in enumerate(hits):
            for actor in by_session.get(hit.session, []):
                w = STATUS_WEIGHT.get(status.get((hit.session, actor.name), "presented"), 0.5)
                own = _spoken_for(store, actor, hit)
                scores[actor.name] = scores.get(actor.name, 0.0) + (3.0 if own else 1.0) * w / (K + rank + 1)
                reasons.setdefault(actor.name, set()).add("said it" if own else "in a session about it")
                found.setdefault(actor.name, []).append((own, rank, hit))
        for name, items in found.items():  # evidence: its own turns first, then the best ranked
            items.sort(key=lambda x: (not x[0], x[1]))
            bucket = evidence.setdefault(name, [])
            for _, _, hit in items:
                if len(bucket) >= 2:
                    break
                turn = _turn_at(store, hit.session, hit.line)
                cite = _citation_in_turn(hit.session, turn[0], turn[1], turn[2], weights) if turn else \
                    Citation(hit.line, hit.snippet, hit.speaker, hit.session)
                on_topic = any(stem(w) in weights for w in _content(cite.quote))
                if cite not in bucket and (on_topic or not bucket):
                    bucket.append(cite)
    out = [RelatedActor(a.name, a.kind, a.acronym, scores[a.name], tuple(sorted(reasons.get(a.name, ()))),
                        tuple(evidence.get(a.name, ()))) for a in actors.values() if scores.get(a.name)]
    out.sort(key=lambda r: (-r.score, r.name))
    return out[:k]


def _actor_index(store: Store, profiles: SessionProfiles | None) -> tuple[
        dict[str, _Actor], dict[str, list[_Actor]], dict[tuple[str, str], str], dict[tuple[str, str], int]]:
    """(actors, actors by session, mention status by (session, coalition), first line of each actor
    in each session); kept on `profiles` when given, so requests over one store version read the
    mention tables once."""
    cached = profiles.memo.get("actors") if profiles is not None else None
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    actors = _actors(store)
    by_session: dict[str, list[_Actor]] = {}
    for actor in actors.values():
        for s in actor.sessions:
            by_session.setdefault(s, []).append(actor)
    status = {(r[0], r[1]): r[2] for r in store.query("SELECT session_id, coalition, status FROM coalition_mentions")}
    first_line: dict[tuple[str, str], int] = {}
    for actor in actors.values():
        for s, x in actor.mention_lines:
            first_line.setdefault((actor.name, s), x)
    if profiles is not None:
        profiles.memo["actors"] = (actors, by_session, status, first_line)
    return actors, by_session, status, first_line


def _spoken_for(store: Store, actor: _Actor, hit: SearchHit) -> bool:
    """Did someone affiliated to the actor say the hit's turn?"""
    if not hit.speaker:
        return False
    rows = store.query("SELECT a.affiliation FROM appearances a JOIN people p ON p.key = a.person_key"
                       " WHERE a.session_id = ? AND p.name = ?", (hit.session, hit.speaker))
    return any(r[0] == actor.name for r in rows)


def _topic_hits(store: Store, text: str, use_vectors: bool) -> list[SearchHit]:
    """Turns about a topic: full-text hits (every word optional when few match all), and with
    vectors, passages at cosine >= MIN_COSINE, fused by reciprocal rank."""
    filters = SearchFilters(limit=50)
    hits = store.search(parse_query(text), filters)
    if len(hits) < 10:  # a topic is rarely said word for word
        terms = keywords([text], 8)
        more = store.search(parse_query(_or_query(terms)), filters) if terms else []
        seen = {(h.session, h.line) for h in hits}
        hits += [h for h in more if (h.session, h.line) not in seen]
    loaded = _vectors(store) if use_vectors else None
    if not loaded:
        return hits
    from .hybrid import vector_search

    embedder, _ = loaded
    by_key: dict[tuple[str, int], SearchHit] = {}
    lexical = []
    for hit in hits:
        key = (hit.session, turn_of_line(store, hit.session, hit.line) or -hit.line)
        lexical.append(key)
        by_key.setdefault(key, hit)
    semantic = [(key, hit) for key, hit in vector_search(store, text, filters, embedder=embedder, depth=50)
                if hit.score >= MIN_COSINE]
    for key, hit in semantic:
        by_key.setdefault(key, hit)
    return [by_key[key] for key, _ in rrf([lexical, [key for key, _ in semantic]])]

"""Coalitions and initiatives working on a topic (free text) or on what a session is about.

For a text, the turns about it are found (full-text search, every word optional when few
turns say it word for word; with the `semantic` extra and stored vectors, passages close
in meaning too), and each actor on record in those sessions scores by the hits' ranks,
weighted by how it was there and tripled where the hit is its own turn. For a session,
the actors of the session itself and of its most similar sessions score by rank.
"""

from __future__ import annotations

import re

from ..models import Citation, SearchHit
from ..search import SearchFilters, parse_query
from ..store.base import Store
from ..text.stems import stem
from .actors import Actor, actor_index
from .evidence import RelatedActor, RelatedSession, citation_at, citation_in_turn, or_query
from .hybrid import K, hit_key, rrf, vector_search
from .profiles import SessionProfiles, content_words, keywords
from .similar import similar_sessions
from .substance import name_words, store_name_words
from .vectors import stored_vectors

__all__ = ["MIN_COSINE", "STATUS_WEIGHT", "coalitions_working_on"]

STATUS_WEIGHT = {"presented": 1.0, "mentioned": 0.5, "invited-absent": 0.3}
MIN_COSINE = 0.3  # below this a passage is not "about" a topic (all-MiniLM-L6-v2 scale)
_EVIDENCE_TRIES = 10  # mention lines looked at for a substantive quote


def _session_ref(store: Store, ref: str) -> str | None:
    """The session a hex id (prefix) names, when exactly one does; None for topic text."""
    ref = ref.strip()
    if not re.fullmatch(r"[0-9a-f]{6,64}", ref):
        return None
    found = store.session_ids_with_prefix(ref[:12])
    return found[0] if len(found) == 1 else None


def _weight(actor: Actor, session_id: str) -> float:
    return STATUS_WEIGHT.get(actor.status.get(session_id, "presented"), 0.5)


def coalitions_working_on(
    store: Store,
    text_or_session: str,
    k: int = 5,
    *,
    use_vectors: bool = True,
    profiles: SessionProfiles | None = None,
    similar: list[RelatedSession] | None = None,
) -> list[RelatedActor]:
    """Coalitions and initiatives whose sessions and turns concern a topic (text) or a session (id).

    For a text: its best turns (hybrid search with the extra, else full-text search,
    with every word optional); each coalition on record in those sessions scores by the
    hits' ranks, weighted by how it was there (presented > mentioned > invited, absent)
    and tripled where the hit is its own turn. For a session id: the coalitions of the
    session itself and of its most similar sessions (`similar`, when the caller has them).
    """
    sid = _session_ref(store, text_or_session)
    index = actor_index(store, profiles)
    names = profiles.names if profiles is not None else store_name_words(store)
    scores: dict[str, float] = {}
    evidence: dict[str, list[Citation]] = {}
    reasons: dict[str, set[str]] = {}
    if sid is not None:
        if similar is None:
            similar = similar_sessions(store, sid, 10, use_vectors=use_vectors, profiles=profiles, with_evidence=False)
        ranked = [sid] + [r.session for r in similar[:10]]
        for rank, s in enumerate(ranked):
            for actor in index.by_session.get(s, []):
                scores[actor.name] = scores.get(actor.name, 0.0) + _weight(actor, s) / (K + rank + 1)
                reasons.setdefault(actor.name, set()).add("in this session" if s == sid else "in a similar session")
                if len(evidence.setdefault(actor.name, [])) < 2:
                    cite = _mention_citation(store, actor, s, names)
                    if cite is not None and cite not in evidence[actor.name]:
                        evidence[actor.name].append(cite)
    else:
        hits = _topic_hits(store, text_or_session, use_vectors)
        topic_words = content_words(text_or_session)
        weights = {stem(w): 1.0 for w in topic_words}
        found: dict[str, list[tuple[bool, int, SearchHit]]] = {}
        for rank, hit in enumerate(hits):
            for actor in index.by_session.get(hit.session, []):
                own = _spoken_for(store, actor, hit)
                scores[actor.name] = scores.get(actor.name, 0.0) + (3.0 if own else 1.0) * _weight(
                    actor, hit.session
                ) / (K + rank + 1)
                reasons.setdefault(actor.name, set()).add("said it" if own else "in a session about it")
                found.setdefault(actor.name, []).append((own, rank, hit))
        for name, items in found.items():  # evidence: its own turns first, then the best ranked
            items.sort(key=lambda x: (not x[0], x[1]))
            bucket = evidence.setdefault(name, [])
            for _, _, hit in items:
                if len(bucket) >= 2:
                    break
                turn = store.turn_covering(hit.session, hit.line)
                # names of the coalitions there are no substance ("is anybody here from the DC on …?"),
                # unless the topic asked for is one of those words
                here = names | (name_words(a.name for a in index.by_session.get(hit.session, [])) - set(topic_words))
                cite = citation_in_turn(hit.session, turn, weights, here) if turn else None
                if cite is None:
                    continue  # the turn is all procedure: nothing in it is evidence
                on_topic = any(stem(w) in weights for w in content_words(cite.quote, here))
                if cite not in bucket and (on_topic or not bucket):
                    bucket.append(cite)
    out = [
        RelatedActor(
            a.name,
            a.kind,
            a.acronym,
            scores[a.name],
            tuple(sorted(reasons.get(a.name, ()))),
            tuple(evidence.get(a.name, ())),
        )
        for a in index.actors.values()
        if scores.get(a.name)
    ]
    out.sort(key=lambda r: (-r.score, r.name))
    return out[:k]


def _mention_citation(store: Store, actor: Actor, session_id: str, names: frozenset[str]) -> Citation | None:
    """The first line of `session_id` naming or voicing `actor` that holds a substantive sentence.

    The first mention is often the chair's hand-over ("and then I'm going to move to the
    Dynamic Coalition on …"): procedure, so the next mention is tried.
    """
    lines = sorted({x for s, x in actor.mention_lines if s == session_id})
    own = names | name_words([actor.name, actor.acronym])  # a sentence that only names it says nothing
    for line in lines[:_EVIDENCE_TRIES]:
        cite = citation_at(store, session_id, line, names=own)
        if cite is not None:
            return cite
    return None


def _spoken_for(store: Store, actor: Actor, hit: SearchHit) -> bool:
    """Did someone affiliated to the actor say the hit's turn?"""
    if not hit.speaker:
        return False
    return actor.name in store.speaker_affiliations(hit.session, hit.speaker)


def _topic_hits(store: Store, text: str, use_vectors: bool) -> list[SearchHit]:
    """Turns about a topic: full-text hits (every word optional when few match all), and with
    vectors, passages at cosine >= MIN_COSINE, fused by reciprocal rank."""
    filters = SearchFilters(limit=50)
    hits = store.search(parse_query(text), filters)
    if len(hits) < 10:  # a topic is rarely said word for word
        terms = keywords([text], 8)  # the user's own topic words: names in it are wanted
        more = store.search(parse_query(or_query(terms)), filters) if terms else []
        seen = {(h.session, h.line) for h in hits}
        hits += [h for h in more if (h.session, h.line) not in seen]
    loaded = stored_vectors(store) if use_vectors else None
    if not loaded:
        return hits
    embedder, _ = loaded
    by_key: dict[tuple[str, int], SearchHit] = {}
    lexical = []
    for hit in hits:
        key = hit_key(store, hit)
        lexical.append(key)
        by_key.setdefault(key, hit)
    semantic = [
        (key, hit)
        for key, hit in vector_search(store, text, filters, embedder=embedder, depth=50)
        if hit.score >= MIN_COSINE
    ]
    for key, hit in semantic:
        by_key.setdefault(key, hit)
    return [by_key[key] for key, _ in rrf([lexical, [key for key, _ in semantic]])]

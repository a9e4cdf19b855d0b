"""Similar sessions and similar turns, from shared words, tags and coalitions (and vectors).

Everything here works on the default install, from what every store has: the session
profiles (`profiles.py`: distinctive words, tags, coalitions), and the full-text index (a
turn's distinctive words searched as an OR query). When the `semantic` extra is installed
and vectors are stored, passage vectors join in as one more signal. Each signal ranks the
candidates; the rankings are fused by reciprocal rank, and each result carries its evidence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..errors import NotFound
from ..models import Citation, SearchHit
from ..search import SearchFilters, parse_query
from ..store.base import Store
from ..store.vectors import StoredTurn
from .evidence import RelatedSession, best_sentence, citation_at, citation_in_turn, or_query
from .hybrid import hit_key, passage_hits, rrf
from .profiles import (
    SessionProfiles,
    keywords,
    load_profiles,
    shared_count,
    shared_forms,
    tag_overlap,
    word_overlap,
)
from .substance import name_words, store_name_words
from .vectors import stored_vectors

__all__ = ["NO_LINK_WHY", "similar_sessions", "similar_turns"]

_EVIDENCE_TRIES = 10  # candidate passages or turns looked at for a substantive quote
# What links two sessions. One shared word ("joining") ranked a 12-word session's neighbours
# and linked them on that alone: a link needs two shared distinctive words, or tags that
# overlap this much (cosine of tag scores), or a coalition on record in both, or (with
# vectors) content this close. Below every bar the session gets no link rather than a weak one.
MIN_SHARED_WORDS = 2
TAG_BAR = 0.5
VECTOR_BAR = 0.5
NO_LINK_WHY = (
    "no other stored session shares enough with it: a link needs two distinctive words in common, "
    "overlapping topic tags or a coalition on record in both"
)


# -- similar sessions ------------------------------------------------------------------------------
def similar_sessions(
    store: Store,
    session_id: str,
    k: int = 5,
    *,
    use_vectors: bool = True,
    profiles: SessionProfiles | None = None,
    with_evidence: bool = True,
) -> list[RelatedSession]:
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
    linked: set[str] = set()  # sessions with enough shared evidence for a link (see MIN_SHARED_WORDS)
    # 1. words: cosine of tf-idf word profiles
    by_words = [(s, score) for s, score in word_overlap(profiles, sid) if score > 0][:300]
    linked.update(s for s, _ in by_words if shared_count(profiles, sid, s) >= MIN_SHARED_WORDS)
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
        linked.update(s for s, score in scored if score >= TAG_BAR)
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
        linked.update(together)
        for s, _ in together.most_common(k * 3):
            names = sorted(label for c, label in profiles.coalitions[s].items() if c in coalitions)
            reasons.setdefault(s, []).append("same coalitions: " + ", ".join(names[:4]))
    # 4. vectors: cosine of session centroids
    loaded = stored_vectors(store) if use_vectors else None
    if loaded:
        _, matrix = loaded
        centroids = matrix.session_centroids()
        if sid in centroids:
            me = centroids[sid]
            by_vectors = sorted(((s, float(v @ me)) for s, v in centroids.items() if s != sid), key=lambda x: -x[1])
            rankings.append([(s, 0) for s, _ in by_vectors])
            linked.update(s for s, score in by_vectors if score >= VECTOR_BAR)
            for s, score in by_vectors[: k * 3]:
                reasons.setdefault(s, []).append(f"similar content (cosine {score:.2f})")
                if s not in evidence:
                    rows = sorted(matrix.rows_of_session(s), key=lambda i: -float(matrix.matrix[i] @ me))
                    for row in rows[:_EVIDENCE_TRIES]:  # the closest passage that is not procedure
                        cite = citation_at(store, s, matrix.keys[row][3], names=_present(profiles, s))
                        if cite is not None:
                            evidence[s] = cite
                            break
    out = []
    my_words = profiles.words.get(sid) or {}
    for (s, _), score in [item for item in rrf(rankings) if item[0][0] in linked][:k]:
        present = _present(profiles, s)
        if not with_evidence:
            out.append(RelatedSession(s, "", score, tuple(reasons.get(s, []))))
            continue
        found = evidence.get(s) or _word_evidence(
            store, s, my_words, profiles.words.get(s) or {}, profiles.forms.get(s) or {}, present
        )
        if found is None:
            first = store.best_tag_line(s)
            found = citation_at(store, s, first, names=present) if first else None
        out.append(
            RelatedSession(s, store.session_title(s) or "", score, tuple(reasons.get(s, [])), (found,) if found else ())
        )
    return out


def _present(profiles: SessionProfiles, session_id: str) -> frozenset[str]:
    """Words that are no substance in a quote of `session_id`: people's names, and the names of
    the coalitions there ("I speak for the Dynamic Coalition on …" only says who speaks)."""
    return profiles.names | name_words((profiles.coalitions.get(session_id) or {}).keys())


def _word_evidence(
    store: Store,
    session_id: str,
    mine: dict[str, float],
    theirs: dict[str, float],
    forms: dict[str, str],
    names: frozenset[str] = frozenset(),
) -> Citation | None:
    """The substantive sentence of `session_id` that says most of what the two sessions share
    (None: nothing shared, or only procedure says it).

    Turns are screened by plain substring tests on the shared words (as said, and as
    stems); only the best turns are split into sentences and tokenised.
    """
    weights = {s: mine[s] * theirs[s] for s in set(mine) & set(theirs)}
    if not weights:
        return None
    probes = [(forms.get(s, s), s, w) for s, w in weights.items()]
    scored: list[tuple[float, int, StoredTurn]] = []
    for turn in store.session_turns(session_id):
        if turn.kind != "speech":
            continue
        low = turn.text.lower()
        score = sum(w for form, s, w in probes if form in low or s in low)
        if score > 0:
            scored.append((-score, turn.index, turn))
    for _, _, turn in sorted(scored, key=lambda x: x[:2])[:_EVIDENCE_TRIES]:
        cite = citation_in_turn(session_id, turn, weights, names)
        if cite is not None:
            return cite
    return None


# -- similar turns ------------------------------------------------------------------------------
def similar_turns(store: Store, session_id: str, line: int, k: int = 5, *, use_vectors: bool = True) -> list[SearchHit]:
    """Turns elsewhere in the record that say something like the turn at `line` (any session)."""
    sid = store.resolve_ref(session_id)
    turn = store.turn_covering(sid, line)
    if turn is None:
        raise NotFound(f"session {sid} has no turn at line {line}", hint="give a line inside a turn")
    idx = turn.index
    depth = max(30, k * 4)
    rankings: list[list[tuple[str, int]]] = []
    by_key: dict[tuple[str, int], SearchHit] = {}
    names = store_name_words(store)
    terms = keywords([turn.text], 8, names=names)
    if terms:
        keys = []
        for hit in store.search(parse_query(or_query(terms)), SearchFilters(limit=depth + 5)):
            key = hit_key(store, hit)
            if key == (sid, idx) or key in by_key:
                continue
            keys.append(key)
            by_key[key] = hit
        rankings.append(keys)
    loaded = stored_vectors(store) if use_vectors else None
    if loaded:
        _, matrix = loaded
        me = matrix.centroid([i for i, key in enumerate(matrix.keys) if key[0] == sid and key[1] == idx])
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
    fused = rrf(rankings)
    texts = store.turns_by_key(key for key, _ in fused if key[1] >= 0)
    out = []
    for key, score in fused:  # a turn that is all procedure ("Thank you very much.") is no similar turn
        found = texts.get(key)
        if found is not None and best_sentence(found.text, {}, names) is None:
            continue
        out.append(replace(by_key[key], score=score))
        if len(out) == k:
            break
    return out

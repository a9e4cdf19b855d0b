"""Partner suggestions: coalitions and initiatives with overlapping topics that have not met yet.

An actor's topics come from what it said or was said about (its turns' distinctive
words, tf-idf across the actors), the tags of its sessions (weighted up where a tag's
evidence lies in its own turns), and, with the `semantic` extra and stored vectors, the
centroid of its turns' passage vectors. Candidates are the actors never on record in a
session together with it.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from ..models import Citation
from ..store.base import Store
from ..text.similarity import cosine
from ..text.stems import stem
from .actors import Actor, actors_on_record, fill_turns, find_actor
from .evidence import RelatedActor, citation_at, citation_in_turn
from .profiles import content_words
from .substance import name_words, store_name_words
from .vectors import stored_vectors

__all__ = ["suggest_partners"]

TagProfile = dict[str, tuple[float, list[tuple[str, int]]]]  # code → (weighted score, cited (session, line))


def _word_profiles(actors: list[Actor], names: frozenset[str], forms: dict[str, str]) -> dict[str, dict[str, float]]:
    """tf-idf over stems of each actor's turns (idf across the actors); words of `names` left out.

    `forms` is filled with one word as said per stem, for the "shared words" reason. Pure.
    """
    counts: dict[str, Counter[str]] = {}
    for a in actors:
        found: Counter[str] = Counter()
        for t in a.turns.values():
            for w in content_words(t.text, names):
                s = stem(w)
                found[s] += 1
                forms.setdefault(s, w)
        counts[a.name] = found
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(actors)
    return {
        name: {s: (1 + math.log(v)) * math.log((1 + n) / (1 + df[s])) for s, v in c.items()}
        for name, c in counts.items()
    }


def _cast_names(store: Store, actors: list[Actor]) -> frozenset[str]:
    """Words of every name on record and of the speakers and caption labels of the actors' turns."""
    said = (value for a in actors for t in a.turns.values() for value in (t.speaker, t.label))
    return store_name_words(store) | name_words(said)


def _tag_profiles(store: Store, actors: list[Actor]) -> dict[str, TagProfile]:
    """Tag code → (summed score, evidence lines per session) for each actor's sessions."""
    tags: dict[str, list[tuple[str, float, list[int]]]] = {}
    for sid, code, score, lines in store.tag_evidence():
        tags.setdefault(sid, []).append((code, score, lines))
    out: dict[str, TagProfile] = {}
    for actor in actors:
        profile: TagProfile = {}
        for sid in sorted(actor.sessions):
            spans = [(t.line, t.line + t.text.count("\n")) for (s, _), t in actor.turns.items() if s == sid]
            for code, score, lines in tags.get(sid, []):
                near = any(a <= x <= b for x in lines for a, b in spans)
                total, cited = profile.get(code, (0.0, []))
                profile[code] = (total + score * (1.0 if near else 0.25), cited + [(sid, x) for x in lines[:1]])
        out[actor.name] = profile
    return out


def _centroids(store: Store, actors: list[Actor]) -> dict[str, Any]:
    """Actor → centroid of its turns' passage vectors ({} without the extra or vectors)."""
    loaded = stored_vectors(store)
    if not loaded:
        return {}
    _, matrix = loaded
    index: dict[tuple[str, int], list[int]] = {}
    for i, key in enumerate(matrix.keys):
        index.setdefault((key[0], key[1]), []).append(i)
    return {actor.name: matrix.centroid([i for key in actor.turns for i in index.get(key, [])]) for actor in actors}


def _best_turn_citation(actor: Actor, weights: dict[str, float], names: frozenset[str]) -> Citation | None:
    """The actor's substantive sentence that shares most weight with `weights` (None: only procedure).

    The words of the actor's own name do not count: "I speak for the Dynamic Coalition on …" says who speaks.
    """
    names = names | name_words([actor.name, actor.acronym])
    best: tuple[float, Citation] | None = None
    for (sid, _), turn in sorted(actor.turns.items(), key=lambda item: item[0]):
        cite = citation_in_turn(sid, turn.line, turn.speaker, turn.text, weights, names)
        if cite is None:
            continue
        score = sum(weights.get(stem(w), 0.0) for w in set(content_words(cite.quote, names)))
        if best is None or score > best[0]:
            best = (score, cite)
    return best[1] if best else None


def suggest_partners(store: Store, name: str, k: int = 5, *, use_vectors: bool = True) -> list[RelatedActor]:
    """Coalitions and initiatives with overlapping topics that have not yet appeared in a session together.

    Topics come from what each one said or was said about (its turns' distinctive words),
    the tags of its sessions (weighted up where the tag's evidence is in its turns), and,
    with the extra, the centroid of its passage vectors. Evidence: the candidate's
    sentence closest to the asker's topics, and the asker's own closest sentence.
    """
    actors = actors_on_record(store)
    me = find_actor(actors, name)
    pool = [a for a in actors.values() if a.name != me.name and not (a.sessions & me.sessions)]
    if not pool:
        return []
    fill_turns(store, [me, *pool])
    everyone = [me, *pool]
    names = _cast_names(store, everyone)
    forms: dict[str, str] = {}
    words_of = _word_profiles(everyone, names, forms)
    tags_of = _tag_profiles(store, everyone)
    my_tags = {c: v[0] for c, v in tags_of[me.name].items()}
    centroid_of = _centroids(store, everyone) if use_vectors else {}
    results = []
    for cand in pool:
        word_score = cosine(words_of[me.name], words_of[cand.name])
        cand_tags = {c: v[0] for c, v in tags_of[cand.name].items()}
        tag_score = cosine(my_tags, cand_tags)
        parts = [(0.6, word_score), (0.4, tag_score)]
        vector_score = None
        if centroid_of.get(me.name) is not None and centroid_of.get(cand.name) is not None:
            vector_score = float(centroid_of[me.name] @ centroid_of[cand.name])
            parts = [(0.3, word_score), (0.2, tag_score), (0.5, max(0.0, vector_score))]
        score = sum(w * s for w, s in parts)
        if score <= 0:
            continue
        shared_words = sorted(
            set(words_of[me.name]) & set(words_of[cand.name]),
            key=lambda s: -(words_of[me.name][s] * words_of[cand.name][s]),
        )[:5]
        shared_tags = sorted(set(my_tags) & set(cand_tags), key=lambda c: -min(my_tags[c], cand_tags[c]))[:4]
        reasons = []
        if shared_tags:
            reasons.append("shared tags: " + ", ".join(shared_tags))
        if shared_words:
            reasons.append("shared words: " + ", ".join(forms.get(w, w) for w in shared_words))
        if vector_score is not None:
            reasons.append(f"similar content (cosine {vector_score:.2f})")
        reasons.append("not yet in a session together")
        weights = {s: words_of[me.name][s] for s in words_of[me.name]}
        evidence = [
            c
            for c in (_best_turn_citation(cand, weights, names), _best_turn_citation(me, words_of[cand.name], names))
            if c
        ]
        for code in shared_tags[:1]:
            for sid, line in tags_of[cand.name][code][1]:  # the first tag line that is not procedure
                cite = citation_at(store, sid, line, names=names)
                if cite is not None:
                    if cite not in evidence:
                        evidence.append(cite)
                    break
        results.append(RelatedActor(cand.name, cand.kind, cand.acronym, score, tuple(reasons), tuple(evidence)))
    results.sort(key=lambda r: (-r.score, r.name))
    return results[:k]

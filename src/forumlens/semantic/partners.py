"""Partner suggestions: coalitions and initiatives with overlapping topics that have not met yet.

An actor's topics are the content words of what it said or what was said about it: the
substantive sentences (`substance.is_substantive`) of the turns it speaks or is named in,
read with the names of coalitions and initiatives cut out ("I speak for the Dynamic
Coalition on Data and Trust." says who speaks, not about what, and leaves nothing), and
without stop, floor, logistics or generic words ("cannot", "help", "move", "moderate":
any two coalitions say them). Words are weighted by tf-idf across the actors, so a word
most of them use weighs little. The tags of its sessions count where their evidence lies
in its own turns: in a session with twelve coalitions, a tag another one's speaker carried
says nothing about this one. With the `semantic` extra and stored vectors, the centroid of
its turns' passage vectors joins in. Candidates are the actors never on record in a session
together with it.

A suggestion rests on shared topic terms: at least `MIN_SHARED_TERMS` word stems that both
actors use, and topic words that overlap by at least `MIN_WORD_OVERLAP` (cosine of the tf-idf
profiles); no tag or vector score stands in for them. Its evidence is about the pair: the
candidate's and the asker's sentences that hold most of those shared terms (a side with no
such sentence is not quoted), and a line of a shared tag inside the candidate's own turns.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..models import Citation
from ..store.base import Store
from ..text.similarity import cosine
from ..text.stems import stem
from ..transcript.sentences import split_sentences
from .actors import Actor, actors_on_record, fill_turns, find_actor
from .evidence import RelatedActor, verbatim
from .profiles import content_words
from .substance import is_substantive, name_words, store_name_words
from .vectors import stored_vectors

__all__ = ["MIN_SHARED_TERMS", "MIN_WORD_OVERLAP", "suggest_partners"]

MIN_SHARED_TERMS = 2  # one shared word is a coincidence ("data"); two are a topic ("consent", "patients")
MIN_WORD_OVERLAP = 0.05  # cosine of the topic words: below it, a word or two in common by chance

TagProfile = dict[str, tuple[float, list[tuple[str, int]]]]  # code → (weighted score, cited (session, line))

# Words any two coalitions say whatever they work on: modal and light verbs, and the
# meeting's own verbs ("I moderate", "we close here"). The floor and logistics words are
# left out already (`substance.explanatory`); these are left out of partner topics too.
_GENERIC_WORDS = """
    cannot can't help helps helped helping makes making move moves moving become becomes became
    clear close closely closing keep keeps kept bring brings brought put puts use uses used using
    gets getting takes taking gives giving goes comes coming moderate moderating moderated
    workshop workshops different important possible
"""
_GENERIC = frozenset(_GENERIC_WORDS.split())


@dataclass(frozen=True)
class _Said:
    """One substantive sentence of an actor's turns: where it is, and its topic words."""

    session: str
    line: int
    speaker: str | None
    quote: str
    words: tuple[str, ...]
    stems: frozenset[str]


def _names_pattern(actors: list[Actor]) -> re.Pattern[str]:
    """Every way the actors on record are named here: name, acronym, and "Dynamic Coalition on …"
    for a "DC on …" name. Cut out of sentences before their words count."""
    forms: set[str] = set()
    for a in actors:
        forms.add(a.name)
        if a.acronym:
            forms.add(a.acronym)
        if a.name.startswith("DC "):
            forms.add("Dynamic Coalition " + a.name[3:])
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-])", re.IGNORECASE)


def _sentences(actor: Actor, names: frozenset[str], cut: re.Pattern[str]) -> list[_Said]:
    """The actor's substantive sentences, each with its content words once names are cut out."""
    out = []
    for (sid, _), turn in sorted(actor.turns.items(), key=lambda item: item[0]):
        text = turn.text
        for a, b in split_sentences(text):
            bare = cut.sub(" ", text[a:b])
            if not is_substantive(bare, names):
                continue
            words = tuple(w for w in content_words(bare, names) if w not in _GENERIC)
            quote = verbatim(text[a:b])
            out.append(_Said(sid, turn.line_at(a), turn.speaker, quote, words, frozenset(map(stem, words))))
    return out


def _word_profiles(said: dict[str, list[_Said]], forms: dict[str, str]) -> dict[str, dict[str, float]]:
    """tf-idf over the stems of each actor's sentences (idf across the actors).

    `forms` is filled with one word as said per stem, for the "shared words" reason. Pure.
    """
    counts: dict[str, Counter[str]] = {}
    for name, sentences in said.items():
        found: Counter[str] = Counter()
        for sentence in sentences:
            for w in sentence.words:
                s = stem(w)
                found[s] += 1
                forms.setdefault(s, w)
        counts[name] = found
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(said)
    return {
        name: {s: (1 + math.log(v)) * math.log((1 + n) / (1 + df[s])) for s, v in c.items()}
        for name, c in counts.items()
    }


def _cast_names(store: Store, actors: list[Actor]) -> frozenset[str]:
    """Words of every name on record and of the speakers and caption labels of the actors' turns."""
    said = (value for a in actors for t in a.turns.values() for value in (t.speaker, t.label))
    return store_name_words(store) | name_words(said)


def _tag_profiles(store: Store, actors: list[Actor]) -> dict[str, TagProfile]:
    """Tag code → (summed score, a cited line per session) of the tags whose evidence lies in the
    actor's own turns, in each of its sessions."""
    tags: dict[str, list[tuple[str, float, list[int]]]] = {}
    for sid, code, score, lines in store.tag_evidence():
        tags.setdefault(sid, []).append((code, score, lines))
    out: dict[str, TagProfile] = {}
    for actor in actors:
        profile: TagProfile = {}
        for sid in sorted(actor.sessions):
            spans = [(t.line, t.line_at(len(t.text))) for (s, _), t in actor.turns.items() if s == sid]
            for code, score, lines in tags.get(sid, []):
                own = [x for x in lines if any(a <= x <= b for a, b in spans)]
                if not own:
                    continue  # carried by someone else's turns in the session
                total, cited = profile.get(code, (0.0, []))
                profile[code] = (total + score, [*cited, (sid, own[0])])
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


def _best_said(said: list[_Said], shared: dict[str, float]) -> Citation | None:
    """The sentence holding most weight of the pair's `shared` stems (None: none holds one)."""
    best: tuple[float, _Said] | None = None
    for sentence in said:
        score = sum(shared.get(s, 0.0) for s in sentence.stems)
        if score > 0 and (best is None or score > best[0]):
            best = (score, sentence)
    if best is None:
        return None
    s = best[1]
    return Citation(line=s.line, quote=s.quote, speaker=s.speaker, session=s.session)


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
    cut = _names_pattern(list(actors.values()))
    said = {a.name: _sentences(a, names, cut) for a in everyone}
    forms: dict[str, str] = {}
    words_of = _word_profiles(said, forms)
    tags_of = _tag_profiles(store, everyone)
    my_tags = {c: v[0] for c, v in tags_of[me.name].items()}
    centroid_of = _centroids(store, everyone) if use_vectors else {}
    mine = words_of[me.name]
    results = []
    for cand in pool:
        theirs = words_of[cand.name]
        shared = {s: mine[s] * theirs[s] for s in mine.keys() & theirs.keys() if mine[s] > 0 and theirs[s] > 0}
        word_score = cosine(mine, theirs)
        if len(shared) < MIN_SHARED_TERMS or word_score < MIN_WORD_OVERLAP:
            continue  # nothing to rest a partnership on
        cand_tags = {c: v[0] for c, v in tags_of[cand.name].items()}
        tag_score = cosine(my_tags, cand_tags)
        parts = [(0.6, word_score), (0.4, tag_score)]
        vector_score = None
        if centroid_of.get(me.name) is not None and centroid_of.get(cand.name) is not None:
            vector_score = float(centroid_of[me.name] @ centroid_of[cand.name])
            parts = [(0.3, word_score), (0.2, tag_score), (0.5, max(0.0, vector_score))]
        score = sum(w * s for w, s in parts)
        shared_words = sorted(shared, key=lambda s: (-shared[s], s))[:5]
        shared_tags = sorted(set(my_tags) & set(cand_tags), key=lambda c: -min(my_tags[c], cand_tags[c]))[:4]
        reasons = []
        if shared_tags:
            reasons.append("shared tags: " + ", ".join(shared_tags))
        reasons.append("shared words: " + ", ".join(forms.get(w, w) for w in shared_words))
        if vector_score is not None:
            reasons.append(f"similar content (cosine {vector_score:.2f})")
        reasons.append("not yet in a session together")
        evidence = [c for c in (_best_said(said[cand.name], shared), _best_said(said[me.name], shared)) if c]
        for code in shared_tags[:1]:
            for sid, line in tags_of[cand.name][code][1]:  # the tag's line in its own turns, on the pair's terms
                on_line = [x for x in said[cand.name] if x.session == sid and x.line == line]
                cite = _best_said(on_line, shared)
                if cite is not None:
                    if cite not in evidence:
                        evidence.append(cite)
                    break
        results.append(RelatedActor(cand.name, cand.kind, cand.acronym, score, tuple(reasons), tuple(evidence)))
    results.sort(key=lambda r: (-r.score, r.name))
    return results[:k]

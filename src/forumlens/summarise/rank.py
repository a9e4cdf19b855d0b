"""Sentence ranking: centrality, informativeness and cue signals, then MMR selection.

Pure Python and deterministic (no model, no randomness, ties broken by position), so the
same transcript always gives the same brief. The pieces are the classic ones a
rapporteur's choices correlate with:

- *centrality*: LexRank (PageRank over TF-IDF cosine) plus similarity to the session
  centroid — what many speakers kept coming back to;
- *informativeness*: content density weighted by IDF, length in a readable range;
- *cues*: sentences that state a need, a finding, a recommendation or a summary
  ("we need", "the main finding", "to summarise") are what reports keep;
- *redundancy and coverage*: Maximal Marginal Relevance with bonuses for a speaker or a
  segment not yet represented, so the record is not one voice.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .procedural import procedural_weight
from .units import Unit

__all__ = ["DIRECTIVE", "SUMMARY", "Scored", "Vectors", "cosine", "lexrank", "mmr_select", "score_units", "similarity_graph", "vectorise"]

Vec = dict[str, float]

_CUE = re.compile(
    r"\b(need|needs|needed|should|must|essential|important|key|main|challenge|challenges|priority|recommend\w*|"
    r"call on|urge|propos\w*|ensure|require\w*|lack|gap|risk\w*|finding|found|lesson|learned|result\w*|"
    r"conclu\w*|summari[sz]e|in summary|sum up|we heard|agree\w*|support|fund\w*|enforce\w*|cooperat\w*|"
    r"collaborat\w*|published|released|launched|produced|developed)\b", re.IGNORECASE)
# A sentence that asks someone to act: it belongs in the calls to action, not the findings.
DIRECTIVE = re.compile(
    r"\b(need(s)? to|we need|should|must|call (on|for|upon)|urge|our ask|the ask|ask (governments|donors|the)|"
    r"(I|we) (would like to |want to )?(request|encourage|invite|suggest|propose|recommend)|"
    r"it would be (very )?(helpful|useful|great|good|important)|there (is|needs to be) a need|let's|let us|"
    r"has to (be|include)|have to (be|think|find)|need more)\b", re.IGNORECASE)
SUMMARY = re.compile(r"\b(to summari[sz]e|in summary|to sum up|to conclude|in conclusion|we heard|i heard)\b", re.IGNORECASE)
_WEAK_START = re.compile(r"^\W*(that|this|it|they|those|these|he|she|which|there)\b('s| is| was| are)?", re.IGNORECASE)
# Talk about the talk: introductions, answering-the-question framing, looking forward.
_META = re.compile(r"^I('m| am) [A-Z][\w‑-]+( [A-Z][\w‑-]+)*,|\b(I speak (for|on behalf)|I('m| am) (here )?(from|with) |by way of introduction|I work for|"
                   r"looking (pretty much |very much )?forward|I hope (that )?(this |it )?(kind of )?answers|"
                   r"(respond|answer|reply) to (the|your|this) question|the question (is|was)|my question|"
                   r"I would like to (mention|talk|say|share|add)|I want to (start|talk|say)|as (others|colleagues) have|"
                   r"in the (first|second) part|as I said|as you (guessed|can imagine)|plenty to talk about)\b", re.IGNORECASE)
_BREAK = re.compile(r"(?:‑‑|--|—)")
_PERSONAL = re.compile(r"\b(I apologi[sz]e|my (grand\w+|family|mother|father)|personally|I'm honou?red|"
                       r"I must say|I'm learning|I had the pleasure|I'll be quick)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Vectors:
    """TF-IDF vectors of a list of units and the IDF they were built with."""

    idf: dict[str, float]
    vecs: list[Vec]


def vectorise(units: Sequence[Unit], idf: Mapping[str, float] | None = None) -> Vectors:
    """Log-TF × smoothed IDF, L2-normalised; IDF from `units` unless given."""
    if idf is None:
        df = Counter(t for u in units for t in set(u.terms))
        n = max(1, len(units))
        idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
    vecs = []
    default = max(idf.values(), default=1.0)
    for u in units:
        tf = Counter(u.terms)
        v = {t: (1 + math.log(c)) * idf.get(t, default) for t, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({t: x / norm for t, x in v.items()})
    return Vectors(dict(idf), vecs)


def cosine(a: Vec, b: Vec) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def similarity_graph(vecs: Sequence[Vec], min_sim: float = 0.02) -> list[dict[int, float]]:
    """Sparse cosine graph (no self loops) built through an inverted index: O(shared terms)."""
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, v in enumerate(vecs):
        for t, x in v.items():
            postings.setdefault(t, []).append((i, x))
    graph: list[dict[int, float]] = [{} for _ in vecs]
    for plist in postings.values():
        for a, (i, x) in enumerate(plist):
            row = graph[i]
            for j, y in plist[a + 1:]:
                row[j] = row.get(j, 0.0) + x * y
    for i, row in enumerate(graph):  # symmetrise, dropping near-zero links (speed, not quality)
        for j, w in list(row.items()):
            if w < min_sim:
                del row[j]
            else:
                graph[j][i] = w
    return graph


def lexrank(vecs: Sequence[Vec], damping: float = 0.85, iterations: int = 50) -> list[float]:
    """Continuous LexRank scores (sum to 1): stationary distribution of the cosine graph."""
    n = len(vecs)
    if n == 0:
        return []
    graph = similarity_graph(vecs)
    out_weight = [sum(row.values()) for row in graph]
    scores = [1.0 / n] * n
    for _ in range(iterations):
        new = [(1 - damping) / n] * n
        dangling = sum(scores[j] for j in range(n) if not out_weight[j])
        for j, row in enumerate(graph):
            if out_weight[j]:
                share = damping * scores[j] / out_weight[j]
                for i, w in row.items():
                    new[i] += share * w
        new = [x + damping * dangling / n for x in new]
        delta = sum(abs(a - b) for a, b in zip(new, scores))
        scores = new
        if delta < 1e-7:
            break
    return scores


@dataclass(frozen=True)
class Scored:
    unit: Unit
    score: float
    vec: Vec


def _length_factor(words: int) -> float:
    """Readable claims are 10–45 words; fragments and run-ons lose weight smoothly."""
    if words < 6:
        return 0.0
    if words < 10:
        return 0.45 + 0.1 * (words - 6)
    if words > 40:
        return max(0.5, 1.0 - (words - 40) / 60)
    return 1.0


def score_units(units: Sequence[Unit], *, chairs: frozenset[str] | set[str] = frozenset(),
                boost: Callable[[Unit], float] | None = None, idf: Mapping[str, float] | None = None) -> list[Scored]:
    """Score every non-procedural unit; procedure and fragments are dropped here."""
    keep = [u for u in units if procedural_weight(u.text) > 0 and len(u.terms) >= 3]
    if not keep:
        return []
    vectors = vectorise(keep, idf)
    lr = lexrank(vectors.vecs)
    top = max(lr) or 1.0
    centroid: Vec = Counter()
    for v in vectors.vecs:
        for t, x in v.items():
            centroid[t] += x
    norm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    centroid = {t: x / norm for t, x in centroid.items()}
    max_idf = max(vectors.idf.values(), default=1.0)
    df = Counter(t for u in keep for t in set(u.terms))
    hubs = {t for t, _ in df.most_common(8)}  # the session's own subject words ("coalition", "IGF")
    turn_sum: dict[tuple[str, int], Counter[str]] = {}
    for u, v in zip(keep, vectors.vecs):
        acc = turn_sum.setdefault((u.session, u.turn), Counter())
        for t, x in v.items():
            acc[t] += x
    out = []
    for u, v, rank in zip(keep, vectors.vecs, lr):
        own = turn_sum[(u.session, u.turn)]
        own_norm = math.sqrt(sum(x * x for x in own.values())) or 1.0
        in_turn = cosine(v, {t: x / own_norm for t, x in own.items()})
        info = sum(vectors.idf.get(t, max_idf) for t in set(u.terms)) / (max_idf * max(8.0, u.words * 0.6))
        base = 0.3 * rank / top + 0.3 * cosine(v, centroid) + 0.2 * in_turn + 0.2 * min(1.0, info)
        factor = procedural_weight(u.text) * _length_factor(u.words)
        factor *= 1.0 + 0.12 * min(3, len(_CUE.findall(u.text)))
        if SUMMARY.search(u.text):
            factor *= 1.3
        if u.text.rstrip().endswith("?"):
            factor *= 0.55
        if _WEAK_START.match(u.text):  # "That's what we work for": needs context to mean anything
            factor *= 0.6 if u.words < 14 else 0.8
        hub_share = sum(1 for t in u.terms if t in hubs) / len(u.terms)
        factor *= 1.0 - 0.6 * max(0.0, hub_share - 0.35)  # only the subject words: says little
        factor *= 0.8 ** len(_BREAK.findall(u.text))  # each caption break makes it harder to read
        if _PERSONAL.search(u.text):
            factor *= 0.6
        if _META.search(u.text):
            factor *= 0.5
        if u.text[:1].islower():  # the tail of a cut run-on: reads badly on its own
            factor *= 0.6
        if not re.search(r"[.?!…\"'”)\]]$", u.text):
            factor *= 0.8
        if u.who in chairs and not SUMMARY.search(u.text):
            factor *= 0.6
        if boost is not None:
            factor *= boost(u)
        if factor > 0:
            out.append(Scored(u, base * factor, v))
    return out


def mmr_select(pool: Sequence[Scored], k: int, *, lam: float = 0.7, per_speaker: int = 2,
               segment_of: Callable[[Unit], int] | None = None, speaker_bonus: float = 0.08,
               segment_bonus: float = 0.06, max_sim: float = 0.55) -> list[Scored]:
    """Greedy MMR: relevance minus redundancy, plus coverage bonuses; ties by position."""
    if not pool:
        return []
    top = max(s.score for s in pool) or 1.0
    chosen: list[Scored] = []
    speakers: Counter[str] = Counter()
    segments: set[int] = set()
    candidates = sorted(pool, key=lambda s: (s.unit.session, s.unit.position))
    while len(chosen) < k:
        best, best_value = None, -math.inf
        for cand in candidates:
            if cand in chosen or speakers[cand.unit.who] >= per_speaker:
                continue
            redundancy = max((cosine(cand.vec, c.vec) for c in chosen), default=0.0)
            if redundancy > max_sim:
                continue
            value = lam * cand.score / top - (1 - lam) * redundancy
            if speakers[cand.unit.who] == 0:
                value += speaker_bonus
            if segment_of is not None and segment_of(cand.unit) not in segments:
                value += segment_bonus
            if value > best_value:
                best, best_value = cand, value
        if best is None:
            break
        chosen.append(best)
        speakers[best.unit.who] += 1
        if segment_of is not None:
            segments.add(segment_of(best.unit))
    return chosen

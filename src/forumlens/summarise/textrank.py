"""TextRank centrality of a session's sentences: how many words each shares with the rest.

Why a second centrality beside the LexRank share of `rank.rank_units`' blend (issue 23): on
the held-out reference sets, TextRank (Mihalcea and Tarau 2004) is the baseline that beats
our takeaways most often. A leave-one-set-out reading over every held-out set (rounds 3–21,
`bench/summary_loso.py`) found what comes closest to carrying over from it: not its
sentence length (a length prior lost out of fold), not its graph in place of LexRank's
(lost), but its score *multiplied into* ours — which gained on 15 of 20 sets at power .5
and lost on 11 at .3, so it is measured but OFF as shipped (`report.TEXTRANK_POWER`). Its graph counts the distinct terms two sentences share over
the sum of their log sizes, with no IDF and no cosine threshold, so a sentence scores by
how much of the whole session's vocabulary it ties together; LexRank's TF-IDF cosine
instead rewards sentences that resemble a few others closely. The two disagree most on the
long, content-heavy sentences a rapporteur paraphrases.

The graph is built from term postings (only pairs that share a term are visited), and the
stationary scores reuse `rank.lexrank`'s power iteration on it, so both are the textbook
ones; a report computes it once, and only when the power is on (`SummaryContext.textrank`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from .rank import lexrank, rankable
from .units import Unit

__all__ = ["SentenceKey", "sentence_key", "textrank_graph", "textrank_shares"]

SentenceKey = tuple[str, int, int]  # (session, turn, index of the sentence in its turn)


def sentence_key(unit: Unit) -> SentenceKey:
    """The sentence a unit belongs to: a clause window keys as its whole sentence."""
    return unit.session, unit.turn, unit.sent_index


def textrank_graph(term_sets: Sequence[frozenset[str]]) -> list[dict[int, float]]:
    """TextRank's symmetric sentence graph: shared distinct terms / (log |a| + log |b|).

    Sizes below two count as two (log 1 is 0); pairs sharing no term have no edge. Built by
    term postings, so its cost is that of the pairs that share something, not all pairs.
    """
    postings: dict[str, list[int]] = {}
    for i, terms in enumerate(term_sets):
        for t in terms:
            postings.setdefault(t, []).append(i)
    logs = [math.log(max(2, len(terms))) for terms in term_sets]
    rows: list[dict[int, float]] = [{} for _ in term_sets]
    for i, terms in enumerate(term_sets):
        shared: Counter[int] = Counter()
        for t in terms:
            shared.update(j for j in postings[t] if j > i)
        row = rows[i]
        for j, n in shared.items():
            row[j] = rows[j][i] = n / (logs[i] + logs[j])
    return rows


def textrank_shares(units: Sequence[Unit]) -> dict[SentenceKey, float]:
    """Each rankable sentence's TextRank score over the session's top score (0..1].

    The same units `rank.rank_units` ranks (`rankable`): procedure and fragments neither
    score nor lend centrality to others.
    """
    keep = [u for u in units if rankable(u)]
    if not keep:
        return {}
    vecs = [dict.fromkeys(u.terms, 1.0) for u in keep]  # TextRank weighs no term above another
    scores = lexrank(vecs, graph=textrank_graph([frozenset(v) for v in vecs]))
    top = max(scores) or 1.0
    out: dict[SentenceKey, float] = {}
    for u, s in zip(keep, scores):
        key = sentence_key(u)
        out[key] = max(out.get(key, 0.0), s / top)
    return out

"""A small learned scorer: "is topic k present in this text?" from vocabulary evidence.

Why this shape: the SDG benchmark has ~30 labelled passages per goal, too few to learn a
vocabulary per goal, but enough to learn *how much evidence makes a goal present*. So
one logistic regression is shared by all goals over a dozen features of (text, goal):
vocabulary hits for the goal, how dominant the goal is among all goals, and tf-idf
similarity between the text and the goal's own description and targets; plus one bias
per goal. Inference is pure Python over weights shipped as package JSON, so it runs on
the default install; `bench/train_sdg.py` fits the weights with scikit-learn and calls
these same functions, so training and inference cannot drift apart.
"""

from __future__ import annotations

import json
import math
import operator
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources

from forumlens.tag.taxonomy import Taxonomy, load_taxonomy, match_terms
from forumlens.tag.text import features, features_of_stems
from forumlens.text.keep import code_digest, decoded, digest, kept
from forumlens.text.stems import stems

__all__ = [
    "FEATURE_NAMES",
    "PairModel",
    "Postings",
    "all_pair_features",
    "entry_document",
    "fit_idf",
    "lexicon_counts",
    "load_model",
    "model_scores",
    "model_scores_of_stems",
    "pair_features",
    "postings",
    "similarities",
    "similarities_by_postings",
    "tfidf",
]

FEATURE_NAMES = (
    "log_hits",
    "hit_share",
    "is_top",
    "log_rank",
    "log_max_other",
    "log_total_hits",
    "log_words",
    "hits_per_100_words",
    "sim",
    "sim_is_top",
    "sim_margin",
)
_PHRASE_WEIGHT = 1.5  # a multi-word term ("food security") is stronger evidence than one word


def lexicon_counts(taxonomy: Taxonomy, text_stems: list[str]) -> list[float]:
    """Weighted vocabulary hits per entry of `taxonomy` in a stem sequence."""
    counts = [0.0] * len(taxonomy.entries)
    for entry, _, length in match_terms(taxonomy, text_stems):
        counts[entry] += 1.0 if length == 1 else _PHRASE_WEIGHT
    return counts


def entry_document(taxonomy: Taxonomy, index: int) -> str:
    """The text a goal is compared with: its label, description, targets and vocabulary."""
    entry = taxonomy.entries[index]
    return entry.document() + " " + " ".join(entry.terms)


def fit_idf(documents: Iterable[list[str]], min_df: int = 2) -> dict[str, float]:
    """Smoothed idf, ln((1+n)/(1+df)) + 1, of features seen in at least `min_df` documents."""
    df: Counter[str] = Counter()
    n = 0
    for feats in documents:
        n += 1
        df.update(set(feats))
    return {f: math.log((1 + n) / (1 + d)) + 1.0 for f, d in df.items() if d >= min_df}


def tfidf(feats: list[str], idf: dict[str, float]) -> dict[str, float]:
    """Sublinear-tf, l2-normalised tf-idf vector of a feature list (unknown features dropped)."""
    counts = Counter(filter(idf.__contains__, feats))
    vec = {f: (1.0 + math.log(c)) * idf[f] for f, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {f: v / norm for f, v in vec.items()} if norm else {}


def similarities(vec: dict[str, float], docs: list[dict[str, float]]) -> list[float]:
    """Cosine similarity of one tf-idf vector with each document vector."""
    return [sum(w * d.get(f, 0.0) for f, w in vec.items()) for d in docs]


Postings = dict[str, tuple[tuple[int, float], ...]]  # feature -> (document index, weight) of the documents holding it


def postings(docs: list[dict[str, float]]) -> Postings:
    """The document vectors inverted: feature -> (document index, weight), in document order."""
    out: dict[str, list[tuple[int, float]]] = {}
    for k, doc in enumerate(docs):
        for f, w in doc.items():
            out.setdefault(f, []).append((k, w))
    return {f: tuple(found) for f, found in out.items()}


def similarities_by_postings(vec: dict[str, float], index: Postings, n_docs: int) -> list[float]:
    """`similarities` from the inverted documents: only the features a document holds are multiplied.

    Why it gives the very same floats: every weight is positive, so the terms `similarities`
    adds for features a document lacks are exactly 0.0, and x + 0.0 == x; the other terms
    are added per document in the same order (the vector's), so the rounding is the same.
    """
    if not vec:
        return [0] * n_docs  # what `sum` of no terms gives, to the type
    sims = [0.0] * n_docs
    for f, w in vec.items():
        for k, d in index.get(f, ()):
            sims[k] += w * d
    return sims


def pair_features(counts: list[float], sims: list[float], k: int, n_stems: int) -> list[float]:
    """The features of (text, entry k), in `FEATURE_NAMES` order."""
    hits = counts[k]
    total = sum(counts)
    others = counts[:k] + counts[k + 1 :]
    rank = sum(1 for c in counts if c > hits)
    sim_others = sims[:k] + sims[k + 1 :]
    return [
        math.log1p(hits),
        hits / (total + 1.0),
        1.0 if rank == 0 and hits > 0 else 0.0,
        math.log1p(rank),
        math.log1p(max(others, default=0.0)),
        math.log1p(total),
        math.log1p(n_stems),
        hits / (n_stems / 100.0 + 1.0),
        sims[k],
        1.0 if sims and max(sims) == sims[k] and sims[k] > 0 else 0.0,
        sims[k] - max(sim_others, default=0.0),
    ]


def _top_two(values: list[float]) -> tuple[float, float, int]:
    """(largest, largest once one copy of it is set aside, how many equal the largest); (0.0, 0.0, 0) if empty."""
    if not values:
        return 0.0, 0.0, 0
    top = max(values)
    ties = values.count(top)
    rest = [v for v in values if v != top]
    second = top if ties > 1 else max(rest, default=0.0)
    return top, second, ties


def all_pair_features(counts: list[float], sims: list[float], n_stems: int) -> list[list[float]]:
    """`pair_features(counts, sims, k, n_stems)` for every k, with the per-text parts computed once.

    The same values as the per-k function (tested against it): the maximum of the other
    entries is the largest value unless entry k is its only holder, then the runner-up; the
    rank counts the entries strictly above, read off the sorted counts; the total is summed
    in the same order. `pair_features` stays the definition, and what training calls.
    """
    n = len(counts)
    total = sum(counts)
    ordered = sorted(counts)
    top_c, second_c, ties_c = _top_two(counts)
    top_s, second_s, ties_s = _top_two(sims)
    log_total = math.log1p(total)
    log_words = math.log1p(n_stems)
    per_100 = n_stems / 100.0 + 1.0
    out = []
    for k in range(n):
        hits = counts[k]
        rank = n - bisect_right(ordered, hits)
        if n == 1:
            max_other, sim_other = 0.0, 0.0
        else:
            max_other = second_c if hits == top_c and ties_c == 1 else top_c
            sim_other = second_s if sims[k] == top_s and ties_s == 1 else top_s
        out.append(
            [
                math.log1p(hits),
                hits / (total + 1.0),
                1.0 if rank == 0 and hits > 0 else 0.0,
                math.log1p(rank),
                math.log1p(max_other),
                log_total,
                log_words,
                hits / per_100,
                sims[k],
                1.0 if top_s == sims[k] and sims[k] > 0 else 0.0,
                sims[k] - sim_other,
            ]
        )
    return out


@dataclass(frozen=True, eq=False)  # identity hash: cached per loaded model
class PairModel:
    """Weights of the shared logistic regression plus the idf table for similarities."""

    scheme: str
    idf: dict[str, float]
    coef: tuple[float, ...]
    bias: dict[str, float]
    intercept: float
    threshold: float = 0.5
    # a digest of the shipped file it was read from, so the goal vectors derived from it
    # can be kept between runs (`text.keep`); None for a model built in memory
    source: str | None = field(default=None, compare=False)

    @classmethod
    def from_json(cls, data: dict) -> PairModel:
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ValueError("model file was trained with other features; rerun bench/train_sdg.py")
        return cls(
            data["scheme"],
            data["idf"],
            tuple(data["coef"]),
            data["bias"],
            data["intercept"],
            data.get("threshold", 0.5),
        )

    def to_json(self) -> dict:
        return {
            "scheme": self.scheme,
            "features": list(FEATURE_NAMES),
            "coef": [round(c, 6) for c in self.coef],
            "bias": {k: round(v, 6) for k, v in self.bias.items()},
            "intercept": round(self.intercept, 6),
            "threshold": self.threshold,
            "idf": {f: round(v, 5) for f, v in sorted(self.idf.items())},
        }


@cache
def load_model(scheme: str) -> PairModel | None:
    """The shipped model for `scheme` (`data/<scheme>_model.json`), or None if none is shipped."""
    path = resources.files("forumlens.tag").joinpath("data", f"{scheme}_model.json")
    if not path.is_file():
        return None
    data = path.read_bytes()
    return replace(PairModel.from_json(json.loads(decoded(data))), source=digest(data))


@lru_cache(maxsize=8)
def _doc_vectors(model: PairModel, scheme: str) -> list[dict[str, float]]:
    tax = load_taxonomy(scheme)
    return [tfidf(features(entry_document(tax, i)), model.idf) for i in range(len(tax.entries))]


@lru_cache(maxsize=8)
def _doc_postings(model: PairModel, scheme: str) -> Postings:
    """The goals' tf-idf vectors, inverted. The command line keeps them between runs
    (`text.keep`, keyed by the model file, the taxonomy and this code): stemming every
    goal's text costs ~20 ms a process."""
    taxonomy = load_taxonomy(scheme)
    code = code_digest(__name__)
    key = None
    if model.source is not None and taxonomy.digest is not None and code is not None:
        key = digest(model.source, taxonomy.digest, code)
    return kept(f"tag-postings-{scheme}", key, lambda: postings(_doc_vectors(model, scheme)))


def model_scores(model: PairModel, taxonomy: Taxonomy, text: str) -> list[float]:
    """Probability that each entry of `taxonomy` is present in `text` (0.0 for empty text)."""
    return model_scores_of_stems(model, taxonomy, stems(text))


def model_scores_of_stems(model: PairModel, taxonomy: Taxonomy, text_stems: list[str]) -> list[float]:
    """`model_scores` of a text from its already computed `stems` (shared with other schemes)."""
    if not text_stems:
        return [0.0] * len(taxonomy.entries)
    counts = lexicon_counts(taxonomy, text_stems)
    n_docs = len(taxonomy.entries)
    vec = tfidf(features_of_stems(text_stems), model.idf)
    sims = similarities_by_postings(vec, _doc_postings(model, taxonomy.scheme), n_docs)
    coef = model.coef
    out = []
    for entry, feats in zip(taxonomy.entries, all_pair_features(counts, sims, len(text_stems))):
        z = model.intercept + model.bias.get(entry.code, 0.0)
        z += sum(map(operator.mul, coef, feats))  # the same products, summed in the same order, in C
        out.append(1.0 / (1.0 + math.exp(-z)))
    return out

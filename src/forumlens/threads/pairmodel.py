"""Is a need the same ask as an earlier one of its actor? A small trained pairwise scorer. Pure.

Why a model and not hand thresholds: the linker used to join two needs of one actor when the
category lexicon gave both the same category and the score passed 0.15, or, across
categories, when the score passed 0.45. On unseen corpora the category of a need is often
read differently from one year's wording to the next ("live captions in every room" is
`other`, "some rooms still have no captioner" `communication-channels`), so true repeats
scored 0.2–0.3 and stayed apart. A logistic regression over what separates true links from
hard negatives on annotated data weighs those signals instead:

- `score`: the scorer's similarity (lexical TF-IDF, or lexical plus embeddings);
- `object`: the similarity once the words that make the item's category are set aside
  (is it the same *object*: "funding for travel" is not "funding for servers");
- `same_category`: both needs read as one category;
- `unsure_category`: either need's category is `other` (the lexicon read nothing);
- `score_x_same`: the score when the categories agree (a category match makes a given
  score mean more).

Weights, one set per scorer (their scores are distributed differently), and the join
threshold live in `data/need_pairs.json`, written by `bench/train_thread_pairs.py` from
annotated pairs (needs of one actor; a pair is positive when the annotation puts both in
one thread) with the threshold calibrated on out-of-fold predictions. `features` is what
both training and linking call, so they cannot drift apart.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from ..shipped import load_shipped

__all__ = ["FEATURES", "PairModel", "features", "load_pair_model", "shipped_digest"]

FEATURES = ("score", "object", "same_category", "unsure_category", "score_x_same")


def features(score: float, rest: float, category_a: str, category_b: str) -> tuple[float, ...]:
    """The model's inputs for one need against one earlier need (or thread of needs), in `FEATURES` order."""
    same = 1.0 if category_a == category_b else 0.0
    unsure = 1.0 if "other" in (category_a, category_b) else 0.0
    return (score, rest, same, unsure, score * same)


@dataclass(frozen=True)
class PairModel:
    """Logistic weights per scorer name and the probability at which two needs are one ask."""

    weights: Mapping[str, tuple[float, ...]]  # scorer name → (bias, *one weight per feature)
    threshold: Mapping[str, float]
    notes: Mapping[str, object]

    def probability(self, scorer: str, x: Sequence[float]) -> float:
        w = self.weights.get(scorer) or self.weights["lexical"]
        z = w[0] + sum(a * b for a, b in zip(w[1:], x, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def joins(self, scorer: str, x: Sequence[float]) -> tuple[bool, float]:
        p = self.probability(scorer, x)
        limit = self.threshold.get(scorer, self.threshold.get("lexical", 0.5))
        return p >= limit, p

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> PairModel:
        if list(data.get("features") or []) != list(FEATURES):  # type: ignore[call-overload]
            raise ValueError(f"features {data.get('features')} are not {list(FEATURES)}")
        weights = {str(k): tuple(float(v) for v in vs) for k, vs in dict(data["weights"]).items()}  # type: ignore[call-overload]
        for name, w in weights.items():
            if len(w) != len(FEATURES) + 1:
                raise ValueError(f"{name}: {len(w)} weights, want {len(FEATURES) + 1}")
        threshold = {str(k): float(v) for k, v in dict(data["threshold"]).items()}  # type: ignore[call-overload]
        return cls(weights, threshold, dict(data.get("notes") or {}))  # type: ignore[call-overload]

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "weights": {k: [round(v, 5) for v in w] for k, w in self.weights.items()},
            "threshold": {k: round(v, 4) for k, v in self.threshold.items()},
            "notes": dict(self.notes),
        }


def _path() -> Traversable:
    return resources.files("forumlens.threads").joinpath("data", "need_pairs.json")


@cache
def shipped_digest() -> str:
    """A digest of the shipped model's file ("" when none is shipped): what the linking rules name."""
    path = _path()
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12] if path.is_file() else ""


@cache
def load_pair_model() -> PairModel | None:
    """The shipped model (`threads/data/need_pairs.json`), or None when none is shipped (hand thresholds)."""
    return load_shipped(
        "forumlens.threads",
        "need_pairs.json",
        PairModel.from_json,
        what="pair model",
        rebuild="python bench/train_thread_pairs.py",
    )

"""The trained affiliation ranker: which of a speaker's candidate organisations is theirs, or none.

Why a ranker and not more cue phrases: see `affcands`. Every candidate of one speaker and a
"none" option get a linear score over their features (weights learnt by
`bench/train_whoswho.py`, a conditional logit fitted with numpy on the development gold
sets, scored leave-one-set-out); the highest score wins, so "none" wins when no candidate
looks like the speaker's own body. Inference is pure Python over weights shipped as package
JSON (`resolve/data/whoswho_model.json`); a feature the training never saw weighs nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from forumlens.resolve.affcands import Candidate
from forumlens.shipped import load_shipped

__all__ = ["Ranker", "choose", "load_affiliation_model", "none_features"]

MODEL_FILE = "whoswho_model.json"
REBUILD = "python bench/train_whoswho.py --write"


@dataclass(frozen=True)
class Ranker:
    """Linear scores over named features (a feature the weights do not name scores 0)."""

    weights: Mapping[str, float]

    def score(self, features: Mapping[str, float]) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in features.items())


def none_features(
    *, moderator: bool, hub: bool, named: bool, rule_candidates: int, candidates: int
) -> dict[str, float]:
    """Features of the "no affiliation" option: a chair or a hub often speaks for no one body,
    a speaker with nothing tied to them by the rules rarely has one."""
    feats = {"none": 1.0}
    if moderator:
        feats["none:moderator"] = 1.0
    if hub:
        feats["none:hub"] = 1.0
    if not named:
        feats["none:unnamed"] = 1.0
    if rule_candidates == 0:
        feats["none:no_rule"] = 1.0
    feats[f"none:cands:{min(candidates, 4)}"] = 1.0
    return feats


def choose(ranker: Ranker, candidates: Sequence[Candidate], nothing: Mapping[str, float]) -> Candidate | None:
    """The best-scoring candidate, or None when the "none" option scores higher (ties: the first)."""
    best: Candidate | None = None
    top = ranker.score(nothing)
    for cand in candidates:
        value = ranker.score(cand.features)
        if value > top:
            best, top = cand, value
    return best


def _parse(data: Mapping[str, Any]) -> Ranker:
    return Ranker({str(k): float(v) for k, v in data["affiliation"]["weights"].items()})


@cache
def load_affiliation_model() -> Ranker | None:
    """The shipped ranker, or None when no model file is shipped (the rules decide then)."""
    return load_shipped("forumlens.resolve", MODEL_FILE, _parse, what="who's-who model", rebuild=REBUILD)

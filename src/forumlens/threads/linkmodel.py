"""A trained pair scorer for needs: is a new need of an actor the same need as one it raised before? Pure.

Why: the hand rules for needs let the need category (read by the lexicon from a few words)
veto a join, and on a corpus nobody had tuned on (blind5) the category was misread in
several planted repetitions ("before you pay" read as `funding` in a repeated ask for
device labels), so repeated needs opened threads of their own. The model weighs the
category as evidence, next to what the rules never read: a need that says it repeats
("I repeat what Mei Lin asked in Riyadh", "we call again"), names the person or the
meeting of the earlier one, or has the same object once the frame of the ask is set
aside (`objects.py`). It only adds joins the rules refuse (`link._Linker._rescued`):
used in place of the rules it scored lower on corpora it had not seen (semantic linker).

Features of an (earlier need a, later need b) pair of one actor, all in [0, 1]:
`sim` the scorer's similarity, `rest` the object residual (the linker's, the actor's
topic and the category words set aside), `same_category` / `other_category` (both
categories read and equal / different), `repeat` (b says it repeats), `names` (b says it is
what a's speaker asked, "what Mei Lin asked", or names the meeting a was said at), `same_session` (two needs in one session are
rarely one), `object` (`objects.object_similarity`); since stop 30 also what does not depend on
development wording: `embedding` (the sentence-embedding cosine, semantic linker only), `overlap`
(shared lexicon features, content-word stems and concepts, Jaccard), `year_gap` (years
apart, capped at six) and `same_speaker` (one person said both: a spokesperson repeats; a different
one each year is no evidence against).

Weights are package JSON (`threads/data/link_model.json`, one set per linker), fitted by
`bench/train_links.py` across the annotated threads corpora, which reports leave-one-
corpus-out figures; inference is a dot product in plain Python.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..shipped import load_shipped
from ..transcript.speakers import name_key
from .models import Item

__all__ = ["NEED_FEATURES", "LinkModel", "load_link_model", "names_earlier", "need_features", "said_by", "says_repeat"]

NEED_FEATURES = (
    "sim",
    "rest",
    "same_category",
    "other_category",
    "repeat",
    "names",
    "same_session",
    "object",
    "embedding",
    "overlap",
    "year_gap",
    "same_speaker",
)
# a year gap counts up to this many years (an ask said again after ten years is as far as one after six)
_GAP_YEARS = 6

# a need that says it is said again: "again", "I repeat", "still", "once more", "in other words", "for years"
_REPEAT = re.compile(
    r"\b(?:again|repeat(?:s|ed|ing)?|reiterat\w*|once more|still|in other words|(?:for|since) (?:\w+ )?years"
    r"|(?:we|i) (?:have )?(?:said|asked|raised)\b[^.?!]{0,40}\b(?:before|last year|in \w+)"
    r"|(?:same|old) (?:one|ask|request|message|call|problem)|keep (?:on )?(?:asking|saying|repeating|telling)|(?:are|were) asking for it)\b",
    re.I,
)
# "what Mei Lin asked", "as Tomasz said": a need said to be someone's earlier one (not any name in passing)
_SAID_BY = re.compile(
    r"\b(?:what|as|like)\s+(?:[A-Z][\w'’-]+\s+)?([A-Z][\w'’-]{2,})\s+(?:(?:has|had)\s+)?"
    r"(?:asked|said|raised|proposed|called for|requested|told|put it)\b"
)


def says_repeat(quote: str) -> bool:
    """The sentence says it repeats an earlier ask ("and I repeat what Mei Lin asked", "we call again")."""
    return _REPEAT.search(quote) is not None


def said_by(a: Item, b: Item) -> bool:
    """`b` says it is what the person who said `a` asked ("I repeat what Mei Lin asked", "as Tomasz said")."""
    if not a.speaker or a.speaker == b.speaker:
        return False
    parts = {p for p in name_key(a.speaker).split() if len(p) > 2}
    return any(name_key(m.group(1)) in parts for m in _SAID_BY.finditer(b.quote))


def names_earlier(a: Item, b: Item) -> bool:
    """`b` names the person who said `a` (`said_by`) or the meeting `a` was said at ("in Riyadh")."""
    from .link import meeting_years  # link imports this module: the look-up is made when called

    if a.year is not None and b.year is not None and a.year < b.year and a.year in meeting_years(b.quote, b.year):
        return True
    return said_by(a, b)


def need_features(
    a: Item, b: Item, sim: float, rest: float, obj: float, embedding: float = 0.0, overlap: float = 0.0
) -> list[float]:
    """The feature vector of `NEED_FEATURES` for an earlier need `a` and a later need `b` of one actor.

    `embedding` is the sentence-embedding cosine of the two quotes rescaled to [0, 1] (0 with the lexical
    linker), `overlap` the Jaccard share of lexicon features the two quotes have in common."""
    read = a.category != "other" and b.category != "other"
    gap = abs(b.year - a.year) if a.year is not None and b.year is not None else 0
    return [
        sim,
        rest,
        1.0 if read and a.category == b.category else 0.0,
        1.0 if read and a.category != b.category else 0.0,
        1.0 if says_repeat(b.quote) else 0.0,
        1.0 if names_earlier(a, b) else 0.0,
        1.0 if a.session == b.session else 0.0,
        obj,
        embedding,
        overlap,
        min(gap, _GAP_YEARS) / _GAP_YEARS,
        1.0 if a.speaker and b.speaker and name_key(a.speaker) == name_key(b.speaker) else 0.0,
    ]


@dataclass(frozen=True)
class LinkModel:
    """Logistic weights over `NEED_FEATURES` and the probability at which a need joins."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"weights": list(self.weights), "bias": self.bias, "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinkModel:
        weights = tuple(float(w) for w in data["weights"])
        if len(weights) != len(NEED_FEATURES):
            raise ValueError(f"{len(weights)} weights for {len(NEED_FEATURES)} features {NEED_FEATURES}")
        return cls(weights, float(data["bias"]), float(data["threshold"]))


def _parse(data: Mapping[str, Any]) -> dict[str, LinkModel]:
    if tuple(data["features"]) != NEED_FEATURES:
        raise ValueError(f"features {data['features']} are not {list(NEED_FEATURES)}")
    return {name: LinkModel.from_json(spec) for name, spec in data["linkers"].items()}


@lru_cache(maxsize=1)
def _shipped() -> dict[str, LinkModel]:
    found = load_shipped(
        "forumlens.threads",
        "link_model.json",
        _parse,
        what="threads link model",
        rebuild="python bench/train_links.py",
    )
    return found or {}


@lru_cache(maxsize=1)
def shipped_digest() -> str:
    """A digest of the shipped weights: part of `service.link_stamp`, so a retrained model
    re-links stored threads without anyone remembering to bump `LINK_VERSION`."""
    path = resources.files("forumlens.threads").joinpath("data", "link_model.json")
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12] if path.is_file() else "none"


def load_link_model(linker: str) -> LinkModel | None:
    """The shipped need-pair model of this linker (`lexical`, `semantic`), None when none is shipped."""
    return _shipped().get(linker)

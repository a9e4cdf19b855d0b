"""A learned reader of follow-ups no cue finds: "Since March the SMS service answers in Tagalog", "we have trained one
hundred and forty so far". Pure.

Why: round after round the largest share of gold follow-ups (deliveries and updates of an earlier promise) that were
never extracted carry no cue word at all. They are told as a state ("the page is up since March 2014", "is running,
twelve of them now") or as counted progress ("nine of our fifteen countries so far"), and rules written for one
round's wording did not carry to the next (T7-T12). The gold items of every development round are training data
(`bench/train_followups.py`), judged leave one round out, as the asks model is.

The model is a small softmax over three classes (none, delivery, update) on features of the sentence's shape: its
function words (a closed vocabulary that appears in several rounds) and a few aspect and count shapes. It is asked only
about a sentence of a coalition's or an institution's turn that no cue took and that names a deliverable the lexicon
knows (`items._turn_items`), so the deliverable gate of every follow-up still holds. The model is stored as JSON
(`data/followup_model.json`); with no model file nothing changes.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("data") / "followup_model.json"
CLASSES = ("none", "delivery", "update")

_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d[\d,.]*")
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_COUNT = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred|thousand|half|most|all)"
)
# Aspect and count shapes of a sentence, each a named feature. Kept general: none names a deliverable or a topic.
_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        ("since-time", rf"\bsince (?:(?:early |late |mid-)?{_MONTH}|(?:19|20)\d\d|last|the|then|\w+ (?:19|20)\d\d)\b"),
        ("now", r"\bnow\b"),
        ("so-far", r"\b(?:so far|to date|until now|by now|up to now)\b"),
        ("already", r"\balready\b"),
        ("still", r"\bstill\b"),
        ("yet", r"\byet\b"),
        ("n-of-m", rf"\b{_COUNT} (?:\w+ ){{0,3}}of (?:the |our |its |their )?(?:\w+ )?{_COUNT}\b"),
        ("count", rf"\b{_COUNT}\b"),
        ("year", r"\b(?:19|20)\d\d\b"),
        ("month", rf"\b{_MONTH}\b"),
        ("perfect", r"\b(?:has|have|had)(?: \w+)? (?:been|\w+ed|done|made|run|begun|gone|written|taken|seen|shown)\b"),
        ("past-ed", r"\b(?!(?:need|want|ask|call|hope|plan|propos)ed\b)\w{3,}ed\b"),
        ("modal", r"\b(?:will|shall|would|should|could|can|must|may|might)\b|['’]ll\b"),
        ("promised", r"\b(?:promised|announced|pledged|committed|said we would|we said)\b"),
        ("negation", r"\b(?:not|no|never|n['’]t)\b"),
        ("first-person", r"\b(?:we|our|us|i|my)\b"),
        ("semicolon", r";|--| - "),
        ("follow", r"\b(?:will follow|follows?|comes? next|the rest|the others?|the other \w+)\b"),
        ("running", r"\b(?:is|are) (?:\w+ )?(?:running|working|open|up|live|online|used|in use|ready)\b"),
        ("question-word", r"^\s*(?:how|what|why|when|where|who|which|is|are|do|does|can|could|will)\b"),
        ("first-person-ask", r"\b(?:we|i) (?:ask|call|urge|need|want|request|propose|suggest|recommend)\b"),
    )
)


@dataclass(frozen=True)
class FollowupModel:
    """A softmax over `CLASSES`: `weights[feature]` is one weight a class, `bias` one a class; a sentence is a follow-up
    when P(none) falls to `threshold` or below, of the more probable of the two follow-up classes."""

    weights: dict[str, tuple[float, float, float]]
    bias: tuple[float, float, float]
    threshold: float


def features(sentence: str) -> list[str]:
    """The features of one sentence: its words in the model's vocabulary (`w:`, digits as one word) and its shapes."""
    text = sentence.lower()
    words = {"<num>" if w[0].isdigit() else w for w in _WORD.findall(text)}
    found = [f"w:{w}" for w in sorted(words)]
    found += [f"s:{name}" for name, pattern in _SHAPES if pattern.search(sentence)]
    n = len(_WORD.findall(text))
    found.append("len:short" if n <= 8 else "len:mid" if n <= 25 else "len:long")
    return found


def probabilities(model: FollowupModel, sentence: str) -> tuple[float, ...]:
    """P(class) of `CLASSES` for one sentence."""
    scores = list(model.bias)
    for feature in features(sentence):
        row = model.weights.get(feature)
        if row is not None:
            scores = [s + w for s, w in zip(scores, row, strict=True)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return tuple(e / total for e in exps)


def followup_signal(sentence: str, model: FollowupModel | None = None) -> str | None:
    """ "delivery" or "update" when the model reads the sentence as a follow-up no cue found, else None."""
    model = model if model is not None else shipped_model()
    if model is None:
        return None
    p = probabilities(model, sentence)
    if p[0] > model.threshold:
        return None
    return CLASSES[1] if p[1] >= p[2] else CLASSES[2]


def model_from_json(doc: dict[str, object]) -> FollowupModel:
    """The model a JSON document (`bench/train_followups.py`'s output) holds."""
    weights = doc["weights"]
    bias = doc["bias"]
    assert isinstance(weights, dict) and isinstance(bias, list)
    threshold = doc["threshold"]
    assert isinstance(threshold, (int, float))
    return FollowupModel(
        {str(k): (float(v[0]), float(v[1]), float(v[2])) for k, v in weights.items()},
        (float(bias[0]), float(bias[1]), float(bias[2])),
        float(threshold),
    )


@lru_cache(maxsize=1)
def shipped_model() -> FollowupModel | None:
    """The packaged model, or None when the package ships none (then no sentence is read by it)."""
    if not MODEL_PATH.exists():
        return None
    return model_from_json(json.loads(MODEL_PATH.read_text("utf-8")))

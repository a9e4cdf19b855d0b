"""Tune the mention threshold on a labelled set of caption-style phrases.

The threshold trades misheard true names ("DC on universal indicators") against
near misses ("trust and security coalition"); picking it by eye drifts as the
registry grows, so the choice is re-checkable: `sweep()` reports precision, recall
and F1 per threshold and `tests/test_resolve_mentions.py` asserts that
`mentions.THRESHOLD` sits on the best plateau.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from forumlens.resolve.mentions import find_mentions
from forumlens.resolve.registry import Registry, load_registry

__all__ = ["Score", "labelled_phrases", "score_at", "sweep"]

# Mentions of these are too general to count as a false positive on a negative phrase.
_GENERAL = frozenset({"igf", "igf-dcs"})
_SPECIFIC_KINDS = frozenset({"dc", "igf-body", "un-body", "nri"})


@dataclass(frozen=True)
class Score:
    threshold: float
    precision: float
    recall: float
    f1: float


def labelled_phrases() -> tuple[list[tuple[str, str]], list[str]]:
    """(positives as (text, entity id), negatives) shipped in data/mention_tuning.toml."""
    raw = resources.files("forumlens.resolve").joinpath("data", "mention_tuning.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    return [(t, e) for t, e in data["positives"]], list(data["negatives"])


def _specific(text: str, threshold: float, registry: Registry) -> set[str]:
    return {
        m.entity_id
        for m in find_mentions(text, registry=registry, threshold=threshold)
        if m.kind in _SPECIFIC_KINDS and m.entity_id not in _GENERAL
    }


def score_at(
    threshold: float, positives: list[tuple[str, str]], negatives: list[str], registry: Registry | None = None
) -> Score:
    """Precision, recall and F1 of mention detection at one threshold."""
    reg = registry or load_registry()
    tp = fp = fn = 0
    for text, entity in positives:
        found = _specific(text, threshold, reg)
        tp += entity in found
        fn += entity not in found
        fp += len(found - {entity})
    for text in negatives:
        fp += len(_specific(text, threshold, reg))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(threshold, round(precision, 3), round(recall, 3), round(f1, 3))


GRID = tuple(round(0.5 + 0.01 * i, 2) for i in range(46))  # 0.50, 0.51, …, 0.95


def sweep(thresholds: tuple[float, ...] = GRID, registry: Registry | None = None) -> list[Score]:
    """Scores over a grid of thresholds on the shipped labelled set."""
    positives, negatives = labelled_phrases()
    return [score_at(t, positives, negatives, registry) for t in thresholds]

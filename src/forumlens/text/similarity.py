"""Similarity of sparse term vectors ({term: weight} dicts), shared by ranking and evidence.

Two functions because callers hold two kinds of vector:

- `dot` for vectors already L2-normalised (summary ranking, tag model): their dot
  product *is* the cosine, and skipping the norms matters in the all-pairs loops of
  LexRank and MMR. It walks the shorter vector.
- `cosine` for raw weights (counts, tf-idf before normalising, tag scores): divides by
  both norms and is 0 when either vector is empty or all zero.

The stores' dense embeddings are compared with numpy in `semantic/vectors.py`, not here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import repeat
from operator import mul

__all__ = ["cosine", "cosine_normed", "dot", "norm"]


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Sparse dot product; the cosine when both vectors are unit length.

    >>> dot({"water": 0.6, "food": 0.8}, {"water": 1.0})
    0.6
    """
    if len(a) > len(b):
        a, b = b, a
    # the products in `a`'s order, summed as a generator would (same floats, same order), but
    # made in C: LexRank's and MMR's all-pairs loops call this ~800 times a session (issue 19)
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors of any length (0 when either is empty or zero).

    >>> cosine({"water": 3.0, "food": 4.0}, {"water": 6.0, "food": 8.0})
    1.0
    """
    if not a or not b:
        return 0.0
    return cosine_normed(a, norm(a), b, norm(b))


def norm(a: Mapping[str, float]) -> float:
    """Euclidean length of a sparse vector (what `cosine` divides by)."""
    return math.sqrt(sum(v * v for v in a.values()))


def cosine_normed(a: Mapping[str, float], na: float, b: Mapping[str, float], nb: float) -> float:
    """`cosine` with the two lengths already known (a caller scoring one vector many times computes its
    length once); the same operations in the same order, so the same result to the last bit."""
    if not a or not b:
        return 0.0
    d = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))  # as `dot`: the same products, in C
    return d / (na * nb) if na and nb else 0.0

"""What a session was about, as terms several of its voices share (issue 23, item 2).

A rapporteur's takeaways cover the session's main threads: the asks, decisions, outputs
and disagreements that more than one speaker took up. Centrality times importance picks
the best sentences one by one, and MMR only keeps them from repeating each other; neither
asks whether a thread the room spent its time on is said at all. `topic_weights` gives
each content term the number of voices beyond the first that used it, so a term one
speaker repeats weighs nothing and a term the whole panel used weighs most; `CoverageGain`
is the share of that weight a candidate would newly cover (a submodular coverage, as in
Lin and Bilmes 2011), which `rank.mmr_select` can add to a candidate's value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from .units import Unit

__all__ = ["CoverageGain", "topic_weights"]


def topic_weights(units: Sequence[Unit], voice_of: Mapping[str, str] | None = None) -> dict[str, float]:
    """Term -> (distinct voices using it) - 1, for terms at least two voices used.

    `voice_of`: a unit's `who` -> the voice it counts for (default itself)."""
    voices: dict[str, set[str]] = defaultdict(set)
    for u in units:
        who = voice_of.get(u.who, u.who) if voice_of else u.who
        for t in u.terms:
            voices[t].add(who)
    return {t: float(len(v) - 1) for t, v in voices.items() if len(v) > 1}


class CoverageGain:
    """The share of a session's topic weight a candidate would newly cover, given the picks so far.

    Scaled so the best single candidate of the pool it was made for gains 1: what the
    coverage bonus adds is comparable across sessions of any length. Monotone falling as
    picks are added (a covered term counts once), which `mmr_select`'s bounds rely on.
    """

    def __init__(self, weights: Mapping[str, float], candidates: Iterable[Iterable[str]]) -> None:
        self.weights = weights
        self.covered: set[str] = set()
        self.top = max((self._raw(terms) for terms in candidates), default=0.0) or 1.0

    def _raw(self, terms: Iterable[str]) -> float:
        return sum(self.weights.get(t, 0.0) for t in set(terms) if t not in self.covered)

    def __call__(self, terms: Iterable[str]) -> float:
        """The candidate's new coverage, 0..1 of the best candidate's at the start."""
        return self._raw(terms) / self.top

    def add(self, terms: Iterable[str]) -> None:
        """Count a pick's terms as covered."""
        self.covered.update(terms)

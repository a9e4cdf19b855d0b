"""Points the room takes up by their speaker's name ("As Amara said, the voting process ...").

A later speaker who names an earlier one and says their words again marks that point as one
the session carried forward: the takeaways weigh it more (`report.takeaway_boost`). The
sentence stays its own speaker's, cited to them; the naming sentence only weighs it.

Measured leave one set out over 80 development references in 25 sets (`bench/summary_loso.py`,
family "named echo", stop 42): chosen on every fold at strength .3; out of fold R-2 .1036 ->
.1040, R-L .1689 -> .1695, references beating every baseline on R-2 41 -> 43 (R-L 36 -> 36);
the shared IGF 2021 transcript unchanged. Terms said again by a closing summing-up instead
(the "echo" families) lost at every strength.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .rank import SessionModel
from .units import Unit

_WORD = re.compile(r"[^\W\d_]+")


def name_words(who: str) -> frozenset[str]:
    """The words of a speaker's name another speaker may call them by: capitalised, 3+ letters
    ("Bo de la Cruz" -> {"Cruz"}; a generic label such as "MODERATOR" is no name: only
    speakers with a name are looked for)."""
    return frozenset(w for w in _WORD.findall(who) if len(w) >= 3 and w[0].isupper())


def named_uptake(units: Sequence[Unit], weights: SessionModel | None) -> Callable[[Unit], float]:
    """Each sentence's IDF-weighted share of terms that a later sentence, by another speaker and
    naming this sentence's speaker, says again (0 when none does)."""
    if weights is None:
        return lambda unit: 0.0
    names = {u.who: name_words(u.who) for u in units if u.speaker}
    said: dict[str, dict[str, list[float]]] = {}  # named speaker -> term -> positions of naming sentences
    for v in units:
        words = set(_WORD.findall(v.text))
        for who, ws in names.items():
            if who != v.who and ws & words:
                by_term = said.setdefault(who, {})
                for t in set(v.terms):
                    by_term.setdefault(t, []).append(v.position)

    def share(unit: Unit) -> float:
        by_term = said.get(unit.who)
        if not by_term:
            return 0.0
        ts = set(unit.terms)
        w = {t: weights.idf.get(t, weights.max_idf) for t in ts}
        hit = sum(w[t] for t in ts if any(p > unit.position for p in by_term.get(t, ())))
        return hit / (sum(w.values()) or 1.0)

    return share

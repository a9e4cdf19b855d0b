"""The "did you mean …?" part of a not-found error: the nearest names to what a user typed.

A name that matches nothing should not end in a bare "no match": the user mistyped a letter
more often than not, and the nearest names let them retype. Coalitions (`resolve/
coalition_names`) and sessions (`store/catalog`) phrase the suggestion the same way:
"did you mean A or B? ".
"""

from __future__ import annotations

__all__ = ["did_you_mean", "nearest_parts"]

_SUGGEST = 75  # partial similarity (0–100) at which a name is worth suggesting
_TIE = 5  # names this close to the best are suggested with it; the rest are noise


def did_you_mean(suggestions: list[str]) -> str:
    """The hint's opening ("did you mean A or B? "), empty when there is nothing to suggest."""
    return "did you mean " + " or ".join(suggestions) + "? " if suggestions else ""


def nearest_parts(typed: str, names: list[str], *, limit: int = 3) -> list[str]:
    """Names that hold something close to `typed` (a typo'd part of a title), best first.

    Partial similarity, since a user gives a part of a long title ("Coalitoin" for a workshop
    titled "… From Coalition Outputs to Policy Action"); only names within a few points of
    the best one, so a clear nearest is not drowned by titles that share a letter or two.

    >>> nearest_parts("Coalitoin", ["From Coalition Outputs", "Main session on AI"])
    ['From Coalition Outputs']
    """
    from rapidfuzz import fuzz

    wanted = " ".join(typed.split()).casefold()
    if len(wanted) < 4:
        return []
    scored = sorted(
        ((fuzz.partial_ratio(wanted, name.casefold()), index) for index, name in enumerate(names)),
        key=lambda pair: (-pair[0], pair[1]),
    )
    if not scored or scored[0][0] < _SUGGEST:
        return []
    best = scored[0][0]
    return [names[index] for score, index in scored[:limit] if score >= max(_SUGGEST, best - _TIE)]

"""A coalition name as a user types it (a filter, a URL) → the registry's coalition. Pure.

Filters such as `brief --coalition` must not accept a name that matches nothing and then
print an empty answer: the name is resolved against the registry (acronyms, official,
former and informal names, topics, then a fuzzy match), and when nothing fits the error
names the nearest coalitions so the user can retype.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from ..errors import ConfigError, NotFound
from ..suggest import did_you_mean
from .registry import Entity, Registry, load_registry

__all__ = ["UnknownCoalition", "find_coalition", "nearest_coalitions"]

_PREFIX = re.compile(r"^(?:the\s+)?(?:dynamic\s+coalition|dc)(?:\s+|-)(?:on|of|for|in)?\s*", re.IGNORECASE)
_FUZZY_ACCEPT = 88  # token-set similarity (0–100) at which a typo is taken for the name
_FUZZY_SUGGEST = 60


class UnknownCoalition(NotFound):
    """No coalition in the registry fits the name; the message suggests the nearest ones."""


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def _forms(entity: Entity) -> list[str]:
    """Every way the registry knows a coalition by, as comparable keys."""
    names = [entity.name, *entity.phrases, *entity.topics]
    return [_key(_PREFIX.sub("", n)) for n in names] + [_key(n) for n in names]


def _coalitions(registry: Registry | None) -> list[Entity]:
    return (registry or load_registry()).of_kind("dc")


def find_coalition(typed: str, registry: Registry | None = None) -> Entity:
    """The one coalition a typed name means; `UnknownCoalition` or an ambiguity error otherwise.

    >>> find_coalition("dc-pal").name
    'DC on Public Access in Libraries'
    """
    coalitions = _coalitions(registry)
    text = " ".join(typed.split())
    if not text:
        raise ConfigError("the coalition name is empty", hint="give a name or an acronym, e.g. DC-PAL")
    compact = _compact(text)
    by_acronym = [c for c in coalitions if any(_compact(a) == compact for a in c.acronyms)]
    if len(by_acronym) == 1:
        return by_acronym[0]
    key, bare = _key(text), _key(_PREFIX.sub("", text))
    exact = [c for c in coalitions if key in _forms(c) or bare in _forms(c)]
    if len(exact) == 1:
        return exact[0]
    if len(bare) >= 4:
        partial = [c for c in coalitions if any(bare in form for form in _forms(c))]
        if len(partial) == 1:
            return partial[0]
        if len(partial) > 1:
            raise ConfigError(
                f"{typed!r} fits several coalitions: " + "; ".join(c.name for c in partial[:6]),
                hint="give more of the name, or the acronym",
            )
    acronyms = _ranked_acronyms(compact, coalitions) if " " not in text else []
    if acronyms and acronyms[0][1] >= _FUZZY_ACCEPT and (len(acronyms) < 2 or acronyms[0][1] - acronyms[1][1] >= 5):
        return acronyms[0][0]  # a typo in an acronym: DC-PAAL
    best = _ranked(bare or key, coalitions)
    if best and best[0][1] >= _FUZZY_ACCEPT and (len(best) < 2 or best[0][1] - best[1][1] >= 5):
        return best[0][0]
    near = sorted([*best[:3], *acronyms[:3]], key=lambda pair: -pair[1])
    suggestions = list(
        dict.fromkeys(c.name + (f" ({c.acronym})" if c.acronym else "") for c, score in near if score >= _FUZZY_SUGGEST)
    )[:3]
    hint = did_you_mean(suggestions) + "`forumlens coalitions` lists the coalitions on record"
    raise UnknownCoalition(f"no Dynamic Coalition is called {typed!r}", hint=hint)


def nearest_coalitions(typed: str, limit: int = 3, registry: Registry | None = None) -> list[str]:
    """Display names of the coalitions closest to a typed name (for suggestions)."""
    return [
        c.name
        for c, score in _ranked(_key(_PREFIX.sub("", typed)), _coalitions(registry))[:limit]
        if score >= _FUZZY_SUGGEST
    ]


def _ranked_acronyms(compact: str, coalitions: list[Entity]) -> list[tuple[Entity, float]]:
    """Coalitions by their closest acronym's similarity to a typed acronym (letters only), best first."""
    if len(compact) < 3:
        return []
    scored = [(c, max(fuzz.ratio(compact, _compact(a)) for a in c.acronyms)) for c in coalitions if c.acronyms]
    return sorted(scored, key=lambda pair: -pair[1])


def _ranked(key: str, coalitions: list[Entity]) -> list[tuple[Entity, float]]:
    """Coalitions by their best form's similarity to `key`, best first."""
    scored = []
    for coalition in coalitions:
        forms = [f for f in _forms(coalition) if f]
        match = process.extractOne(key, forms, scorer=fuzz.token_set_ratio)
        if match:
            scored.append((coalition, float(match[1])))
    return sorted(scored, key=lambda pair: -pair[1])

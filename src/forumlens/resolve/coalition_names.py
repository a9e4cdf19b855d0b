"""A coalition name as a user types it (a filter, a URL) → the registry's coalition. Pure.

Filters such as `brief --coalition` must not accept a name that matches nothing and then
print an empty answer: the name is resolved against the registry (acronyms, official,
former and informal names, topics, then a fuzzy match), and when nothing fits the error
names the nearest coalitions so the user can retype.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz, process

from ..errors import ConfigError, NotFound
from ..suggest import did_you_mean
from ..transcript.speakers import name_key
from .registry import Entity, Registry, load_registry

__all__ = ["SUGGEST", "UnknownCoalition", "bare_key", "coalition_key", "find_coalition", "nearest_coalitions", "ranked"]

# The "Dynamic Coalition on" / "DC on" opening of a name's key (`name_key`: lower case, one space
# between words), so "DC on Core Internet Values", "Dynamic Coalition on Core Internet Values" and
# "core internet values" compare alike. It is read on the key, whole words only: "DC Online …" keeps "online";
# "DC on" alone leaves nothing.
_PREFIX = re.compile(r"^(?:the )?(?:dynamic coalition|dc)(?:(?: on| of| for| in)$|(?: on| of| for| in)? )")
_FUZZY_ACCEPT = 88  # token-set similarity (0–100) at which a typo is taken for the name
SUGGEST = 60  # token-set similarity (0–100) at which a name is offered as "did you mean"

_T = TypeVar("_T")


class UnknownCoalition(NotFound):
    """No coalition in the registry fits the name; the message suggests the nearest ones."""


def bare_key(text: str) -> str:
    """The comparison key of a coalition name without its "Dynamic Coalition on" / "DC on" opening ("" when
    the name is only that opening)."""
    return _PREFIX.sub("", name_key(text))


def coalition_key(text: str) -> str:
    """The comparison key of a coalition name without its DC opening, or the whole key when nothing else is left.

    >>> coalition_key("Dynamic Coalition on Open Water Data"), coalition_key("DC-PAL")
    ('open water data', 'pal')
    """
    return bare_key(text) or name_key(text)


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def _forms(entity: Entity) -> list[str]:
    """Every way the registry knows a coalition by, as comparable keys."""
    names = [entity.name, *entity.phrases, *entity.topics]
    return [bare_key(n) for n in names] + [name_key(n) for n in names]


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
    key, bare = name_key(text), bare_key(text)
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
    best = ranked(bare or key, [(c, _forms(c)) for c in coalitions])
    if best and best[0][1] >= _FUZZY_ACCEPT and (len(best) < 2 or best[0][1] - best[1][1] >= 5):
        return best[0][0]
    near = sorted([*best[:3], *acronyms[:3]], key=lambda pair: -pair[1])
    suggestions = list(
        dict.fromkeys(c.name + (f" ({c.acronym})" if c.acronym else "") for c, score in near if score >= SUGGEST)
    )[:3]
    hint = did_you_mean(suggestions) + "`forumlens coalitions` lists the coalitions on record"
    raise UnknownCoalition(f"no Dynamic Coalition is called {typed!r}", hint=hint)


def nearest_coalitions(typed: str, limit: int = 3, registry: Registry | None = None) -> list[str]:
    """Display names of the coalitions closest to a typed name (for suggestions)."""
    return [
        c.name
        for c, score in ranked(bare_key(typed), [(c, _forms(c)) for c in _coalitions(registry)])[:limit]
        if score >= SUGGEST
    ]


def _ranked_acronyms(compact: str, coalitions: list[Entity]) -> list[tuple[Entity, float]]:
    """Coalitions by their closest acronym's similarity to a typed acronym (letters only), best first."""
    if len(compact) < 3:
        return []
    scored = [(c, max(fuzz.ratio(compact, _compact(a)) for a in c.acronyms)) for c in coalitions if c.acronyms]
    return sorted(scored, key=lambda pair: -pair[1])


def ranked(key: str, candidates: Iterable[tuple[_T, Sequence[str]]]) -> list[tuple[_T, float]]:
    """Candidates by their best form's token-set similarity (0–100) to `key`, best first (ties keep their order).

    One ranking for a typed coalition name against the registry's coalitions (each with its `_forms`)
    and against the names a store holds (`coalition_filter`, each with its `coalition_key`).

    >>> ranked("water data", [("a", ["core internet values"]), ("b", ["open water data"])])[0]
    ('b', 100.0)
    """
    scored = []
    for candidate, forms in candidates:
        match = process.extractOne(key, [f for f in forms if f], scorer=fuzz.token_set_ratio)
        if match:
            scored.append((candidate, float(match[1])))
    return sorted(scored, key=lambda pair: -pair[1])

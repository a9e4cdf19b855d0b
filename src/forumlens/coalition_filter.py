"""A `--coalition` filter (CLI) or `?coalition=` value (portal, API) → the coalition name it stands for.

Why: the registry knows the Dynamic Coalitions of its day. A coalition it does not know yet is
stored under the name said in the session ("Dynamic Coalition on X", `id` null): `forumlens
coalitions` lists it, and its threads, asks and outputs carry that name. A filter resolved by the
registry alone refused that very name in `threads`, `brief` and `search` ("no Dynamic Coalition
is called …", suggesting registry coalitions that have nothing to do with it), so a coordinator
whose coalition is new could not follow its own work. The names the store holds are therefore
tried first (exactly: the name, its acronym, or the name without "Dynamic Coalition on"/"DC
on"), then the registry (acronyms, former names, typos), then a stored name that holds every
word typed; a name that fits none of them is still an error naming the nearest names, stored
ones first.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import ConfigError
from .resolve.coalition_names import SUGGEST, UnknownCoalition, coalition_key, find_coalition, ranked
from .suggest import did_you_mean
from .transcript.speakers import name_key

__all__ = ["pick_coalition", "stored_exact", "stored_partial"]


def stored_exact(typed: str, stored: Iterable[tuple[str, str | None]]) -> str | None:
    """The stored coalition name `typed` is exactly (its name, acronym, or name without the DC opening).

    >>> stored_exact("open water data", [("Dynamic Coalition on Open Water Data", None)])
    'Dynamic Coalition on Open Water Data'
    """
    key, bare = name_key(typed), coalition_key(typed)
    if not key:
        return None
    for name, acronym in stored:
        if key in (name_key(name), name_key(acronym or "")) or bare == coalition_key(name):
            return name
    return None


def stored_partial(typed: str, stored: Iterable[tuple[str, str | None]]) -> list[str]:
    """Stored coalition names holding every word of `typed` (in its order), e.g. "water data"."""
    bare = coalition_key(typed)
    if len(bare) < 4:
        return []
    return list(dict.fromkeys(name for name, _ in stored if f" {bare} " in f" {coalition_key(name)} "))


def _nearest(typed: str, stored: Iterable[tuple[str, str | None]], limit: int = 3) -> list[str]:
    """The stored names closest to `typed`, ranked as the registry's coalitions are (`coalition_names.ranked`)."""
    names = sorted({name for name, _ in stored})  # the store's order is none: ties go alphabetically
    scored = ranked(coalition_key(typed), [(name, [coalition_key(name)]) for name in names])
    return [name for name, score in scored if score >= SUGGEST][:limit]


def pick_coalition(typed: str, stored: Iterable[tuple[str, str | None]]) -> str:
    """The coalition name a filter means: a stored name, else the registry's.

    `stored` is the store's (name, acronym) pairs (`Store.coalition_names`). Raises the
    registry's `UnknownCoalition` (its hint naming the nearest stored names instead of the
    registry's when any is close) or a `ConfigError` when several fit.

    >>> pick_coalition("Open Water Data", [("Dynamic Coalition on Open Water Data", None)])
    'Dynamic Coalition on Open Water Data'
    >>> pick_coalition("DC-PAL", [])
    'DC on Public Access in Libraries'
    """
    names = list(stored)
    exact = stored_exact(typed, names)
    if exact is not None:
        return exact
    try:
        return find_coalition(typed).name
    except UnknownCoalition as exc:
        partial = stored_partial(typed, names)
        if len(partial) == 1:
            return partial[0]
        if partial:
            raise ConfigError(
                f"{typed!r} fits several coalitions: " + "; ".join(partial[:6]),
                hint="give more of the name, or the acronym",
            ) from exc
        near = _nearest(typed, names)
        if not near:
            raise
        rest = (exc.hint or "").split("? ", 1)[-1] if (exc.hint or "").startswith("did you mean") else exc.hint or ""
        raise UnknownCoalition(exc.message, hint=did_you_mean(near) + rest) from exc

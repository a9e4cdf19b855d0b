"""Values the portal's GET forms send (?year=, ?since=, ?until=, ?coalition=), read by the project's own parsers.

Dates go through `forumlens.dates` (the one date parser of the CLI, the API and the
portal) and coalition names through `resolve.coalition_names.find_coalition`, so a page
refuses a bad value as the CLI and the API do: "21" is not the year 21, "2021-13-01" has
no month 13, and a coalition nobody has heard of is a 404 that names the nearest ones.
The pages render these errors themselves (`pages.form_error`), with links to the
nearest names, instead of a generic error page.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..coalition_filter import pick_coalition
from ..dates import parse_year_bound, year_range
from ..errors import ConfigError
from ..resolve.coalition_names import nearest_coalitions
from ..store.base import Store
from ..threads.models import KINDS, STATUSES
from .views import coalition_name, slug

__all__ = ["FormValues", "coalition_suggestions", "read_form", "stored_coalition", "thread_kind_status"]


@dataclass(frozen=True)
class FormValues:
    """The checked values of a form; None where the field was absent or left empty."""

    year: int | None = None
    since: int | None = None
    until: int | None = None
    coalition: str | None = None  # the stored (or, when nothing is stored yet, the registry) name


def stored_coalition(store: Store, typed: str) -> str:
    """The stored name of the coalition a form names (stored name, URL id or acronym), else the registry's.

    Names the store already holds are taken as they are (a select offers them), and so is a
    coalition the registry does not know typed by part of its stored name
    (`coalition_filter.pick_coalition`, as the CLI's `--coalition`); anything else is
    resolved by `find_coalition`, which raises `UnknownCoalition` (404, with the nearest
    names in its hint) or, for a name that fits several, a `ConfigError` (400).
    """
    stored = store.coalition_names()
    wanted = slug(typed)
    for name, acronym in stored:
        if slug(name) == wanted or (acronym and slug(acronym) == wanted):
            return name
    return coalition_name(store, pick_coalition(typed, stored))


def read_form(
    store: Store,
    *,
    year: str | None = None,
    since: str | None = None,
    until: str | None = None,
    coalition: str | None = None,
) -> FormValues:
    """Every given field checked; the first bad one raises (`BadDate`: 400; unknown coalition: 404)."""
    lo, hi = year_range(since, until, allow_empty=True)
    return FormValues(
        year=parse_year_bound(year, name="year", allow_empty=True),
        since=lo,
        until=hi,
        coalition=stored_coalition(store, coalition) if coalition and coalition.strip() else None,
    )


def coalition_suggestions(typed: str | None, limit: int = 3) -> list[str]:
    """Registry names nearest to a coalition name that resolved to nothing (for links on the 404 page)."""
    return nearest_coalitions(typed, limit=limit) if typed and typed.strip() else []


def _or(words: tuple[str, ...] | list[str]) -> str:
    return ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else words[0]


def _thread_word(value: str | None, accepted: tuple[str, ...] | list[str], what: str) -> str | None:
    """One thread kind or status as typed (any case, "asks", "answered later"), as the store spells it.

    A word that is none of them is a 400 that lists what is accepted and, for a typo, the nearest.
    """
    text = "-".join((value or "").replace("_", " ").lower().split())
    if not text:
        return None
    if text not in accepted and text.endswith("s") and text[:-1] in accepted:
        text = text[:-1]  # "asks", "commitments": the kind of each thread, as a list names them
    if text in accepted:
        return text
    near = difflib.get_close_matches(text, accepted, n=1, cutoff=0.75)
    guess = f"did you mean {near[0]}? " if near else ""
    raise ConfigError(f"unknown thread {what} {value!r}", hint=f"{guess}a thread {what} is {_or(list(accepted))}")


def thread_kind_status(kind: str | None, status: str | None) -> tuple[str | None, str | None]:
    """The kind and status a threads form or query names, checked together.

    A status of another kind ("fulfilled" for questions) could never match: it is a 400 that
    says which statuses the kind has, as `forumlens threads` says it, not an empty list.
    """
    chosen_kind = _thread_word(kind, KINDS, "kind")
    chosen_status = _thread_word(status, sorted({s for group in STATUSES.values() for s in group}), "status")
    if chosen_kind and chosen_status and chosen_status not in STATUSES[chosen_kind]:
        article = "an" if chosen_kind[0] in "aeiou" else "a"
        raise ConfigError(
            f"{chosen_status!r} is not a status of {article} {chosen_kind}",
            hint=f"{article} {chosen_kind} is {_or(STATUSES[chosen_kind])}",
        )
    return chosen_kind, chosen_status

"""Date filters as people type them: one parser for the CLI, the API and the portal. Pure.

Sessions and documents are filed by year, so a bound is a year; but a user may type a
month or a day ("2021-06", "2021-06-30"), and every part must be a real date: a bound
that cannot be read is an error that says what is accepted, never a guess (is "21" the
year 21 or 2021?) and never an internal error.
"""

from __future__ import annotations

import datetime as dt
import re

from .errors import ConfigError

__all__ = ["FIRST_YEAR", "LAST_YEAR", "BadDate", "parse_year_bound", "year_range"]

FIRST_YEAR = 1990  # before the Internet governance record begins
LAST_YEAR = 2100
_SHAPE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_ACCEPTED = "a year (2021), a month (2021-06) or a day (2021-06-30)"


class BadDate(ConfigError):
    """A date filter that cannot be read (a usage error: the CLI exits 2, the API answers 400)."""


def parse_year_bound(value: str | int | None, *, name: str = "date", allow_empty: bool = False) -> int | None:
    """The year of a typed bound; None when there is no bound.

    >>> parse_year_bound("2021-06-30", name="--since")
    2021
    """
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return _checked_year(value, name)
    text = str(value).strip()
    if not text:
        if allow_empty:
            return None
        raise BadDate(f"{name} is empty", hint=f"give {_ACCEPTED}, or leave the option out")
    match = _SHAPE.fullmatch(text)
    if match is None:
        raise BadDate(f"{name} {text!r} is not a date", hint=f"give {_ACCEPTED}")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    _checked_year(year, name)
    if month is not None and not 1 <= month <= 12:
        raise BadDate(f"{name} {text!r} has no month {month}", hint=f"give {_ACCEPTED}")
    if month is not None and day is not None:
        try:
            dt.date(year, month, day)
        except ValueError as exc:
            raise BadDate(f"{name} {text!r} is not a day of the calendar ({exc})", hint=f"give {_ACCEPTED}") from exc
    return year


def year_range(
    since: str | int | None, until: str | int | None, *, allow_empty: bool = False
) -> tuple[int | None, int | None]:
    """Both bounds, checked against each other."""
    lo = parse_year_bound(since, name="since", allow_empty=allow_empty)
    hi = parse_year_bound(until, name="until", allow_empty=allow_empty)
    if lo is not None and hi is not None and lo > hi:
        raise BadDate(f"since {lo} is after until {hi}", hint="swap them, or widen the range")
    return lo, hi


def _checked_year(year: int, name: str) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise BadDate(
            f"{name} {year} is not a year of the record", hint=f"give a year from {FIRST_YEAR} to {LAST_YEAR}"
        )
    return year

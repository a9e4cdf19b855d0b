"""Threads seen through a span of years: only their items dated inside it, and their status judged from those.

Why: `threads --until 2024` listed a promise of 2024 as `fulfilled` on the strength of a 2025
delivery it did not show, and `--status pending --until 2024` left that promise out; a thread
whose items fall on both sides of the span (2020 and 2026 for `--since 2022 --until 2024`) was
listed with no item inside it. `brief --until` was fixed the same way (`threads.status.status_within`);
this is the listing's (CLI and portal) version of it, kept outside the analysis package so the
stored threads and their links stay whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .threads.models import Thread
    from .threads.service import ThreadFilters

__all__ = ["select_within", "windowed"]


def windowed(thread: Thread, since: int | None, until: int | None) -> Thread | None:
    """`thread` cut to its items dated within since..until, with the status (and summary) those items give.

    Without bounds: the thread itself. None when no dated item falls inside the span (an item
    without a year cannot be placed inside it, as `status_within` does not count it either).
    """
    if since is None and until is None:
        return thread
    from .threads.status import in_years, status_of, summary_of

    kept = [(item, role) for item, role in thread.entries if in_years(item.year, since, until)]
    if not kept:
        return None
    before = sum(1 for item in thread.items if item.year is not None and since is not None and item.year < since)
    after = sum(1 for item in thread.items if item.year is not None and until is not None and item.year > until)
    status = status_of(thread.kind, [item for item, _ in kept])
    seen = replace(thread, entries=kept, status=status, outside=(before, after))
    # its span, sessions and fate within the years, as the listing shows them; who asked or promised is
    # the thread's opener even when the years leave it out
    seen.summary = summary_of(seen, opener=thread.items[0])
    return seen


def select_within(pool: Iterable[Thread], filters: ThreadFilters) -> list[Thread]:
    """The threads of `pool` the filters keep, in its order, each seen through the filters' years.

    The status filter is applied to the status within the years, so `--status pending --until 2024`
    keeps a promise delivered only in 2025.
    """
    rest = replace(filters, status=None)
    chosen = []
    for thread in pool:
        if not rest.keep(thread):
            continue
        seen = windowed(thread, filters.since, filters.until)
        if seen is not None and (filters.status is None or seen.status == filters.status):
            chosen.append(seen)
    return chosen

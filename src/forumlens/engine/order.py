"""Results that finish in any order, released in the order the caller asked for them.

The analyses of a session are written with the names already on record merged in,
and each write adds names: writing in a fixed order makes the record the same
whatever engine, worker count or timing produced the results.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from .base import Outcome

__all__ = ["in_order"]

R = TypeVar("R")


def in_order(keys: Sequence[str], outcomes: Iterable[Outcome[R]]) -> Iterator[Outcome[R]]:
    """Yield `outcomes` in the order of `keys` (unique), each as soon as all before it
    have arrived; only the ones that finished early are held."""
    position = {key: i for i, key in enumerate(keys)}
    if len(position) != len(keys):
        raise ValueError("in_order needs unique keys")
    held: dict[int, Outcome[R]] = {}
    following = 0
    for outcome in outcomes:
        held[position[outcome.key]] = outcome
        while following in held:
            yield held.pop(following)
            following += 1
    if held:  # the engine lost a task: a bug, never a silent gap in the record
        missing = [keys[i] for i in range(following, len(keys)) if i not in held]
        raise RuntimeError(f"the engine returned no result for {', '.join(missing[:5])}")

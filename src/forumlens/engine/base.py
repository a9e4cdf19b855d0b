"""The engine contract: map a picklable function over keyed inputs, results as they finish."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

__all__ = ["Engine", "Outcome", "describe"]

R = TypeVar("R")


@dataclass(frozen=True)
class Outcome(Generic[R]):
    """One task's end: its `result`, or the `error` it raised (on a worker: Dask's
    `KilledWorker` when the task took workers down more than Dask allows)."""

    key: str
    result: R | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Engine(Protocol):
    """Runs tasks somewhere; `name` says where, for progress and error messages."""

    name: str

    def map_unordered(self, fn: Callable[[Any], R], items: Iterable[tuple[str, Any]]) -> Iterator[Outcome[R]]:
        """`fn(item)` for every `(key, item)`, yielded as each finishes (any order).

        `items` is consumed lazily, a bounded number ahead of the results, so the
        caller can load inputs from its store as tasks are handed out. A task that
        raises is yielded with its error and the others go on.
        """
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...


def describe(error: BaseException) -> str:
    """One line for a failed task: the exception's type and message (and, for a worker
    that could not import a module, which file and line)."""
    name = type(error).__name__
    if isinstance(error, SyntaxError) and error.filename:
        return f"{name}: {error.msg or 'invalid syntax'} ({error.filename}, line {error.lineno})"
    text = [line for line in str(error).strip().splitlines() if line.strip()]
    return f"{name}: {text[0]}" if text and text[0] != "None" else name

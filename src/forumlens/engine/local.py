"""The local engine: this process (one worker) or a pool of processes on this machine."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

from ..errors import ForumlensError
from .base import Engine, Outcome

__all__ = ["LocalEngine"]

R = TypeVar("R")


class LocalEngine:
    """`workers` processes (forkserver, each leaving when this process dies); one worker
    runs the tasks in this process, without a pool to start."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self.name = f"local ({self.workers} process{'es' if self.workers != 1 else ''})"
        self._pool: ProcessPoolExecutor | None = None

    def map_unordered(self, fn: Callable[[Any], R], items: Iterable[tuple[str, Any]]) -> Iterator[Outcome[R]]:
        if self.workers == 1:
            yield from _inline(fn, items)
            return
        pool = self._start()
        window = 2 * self.workers  # enough to keep every process busy; inputs stay in the store until needed
        source = iter(items)
        running: dict[Future[R], str] = {}

        def hand_out(count: int) -> None:
            for key, item in islice(source, count):
                try:
                    running[pool.submit(fn, item)] = key
                except BrokenProcessPool:  # no retry here: a process that died once (memory) would again
                    raise ForumlensError(
                        f"a worker process died (killed, or out of memory) before {key} could be analysed;"
                        " the results written so far are kept",
                        hint="run the command again (--missing picks up where it stopped), with fewer --workers",
                    ) from None

        hand_out(window)
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                key = running.pop(future)
                error = future.exception()
                yield Outcome(key, None, error) if error is not None else Outcome(key, future.result())
            hand_out(window - len(running))

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            from ..ingest import regex_cache_of_this_process, start_worker, worker_context

            self._pool = ProcessPoolExecutor(  # analyses: workers start warm, with the parent's regex cache
                max_workers=self.workers,
                mp_context=worker_context(warm=True),
                initializer=start_worker,
                initargs=(os.getpid(), regex_cache_of_this_process()),
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _inline(fn: Callable[[Any], R], items: Iterable[tuple[str, Any]]) -> Iterator[Outcome[R]]:
    for key, item in items:
        try:
            result = fn(item)
        except Exception as exc:  # reported by key like a pool's; the caller decides what fails
            yield Outcome(key, None, exc)
        else:
            yield Outcome(key, result)

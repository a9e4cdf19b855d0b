"""Compute and store the passage vectors of stored sessions (`forumlens embed`, ingest hook).

Passages of many sessions are embedded in batches sorted by length (little padding), and
each session's vectors are written in one transaction as soon as all its passages are
done, so an interrupted run keeps what it finished and the next run goes on from there.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..store.base import Store
from .embedder import Embedder, load_embedder, semantic_installed
from .passages import Passage, session_passages
from .vectors import save_vectors

__all__ = ["EmbedReport", "embed_after_ingest", "embed_store"]

BATCH = 32
SESSIONS_PER_ROUND = 8


@dataclass
class EmbedReport:
    model: str
    sessions: int = 0  # sessions embedded in this run
    skipped: int = 0  # sessions that already had vectors of this model
    passages: int = 0
    seconds: float = 0.0
    session_ids: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passages / self.seconds if self.seconds else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "sessions": self.sessions,
            "skipped": self.skipped,
            "passages": self.passages,
            "seconds": round(self.seconds, 2),
            "passages_per_second": round(self.rate, 1),
        }


def _targets(store: Store, model: str, session_ids: Iterable[str] | None, force: bool) -> tuple[list[str], int]:
    wanted = list(session_ids) if session_ids is not None else store.session_ids()
    if force:
        return wanted, 0
    done = store.embedded_sessions(model)
    todo = [sid for sid in wanted if sid not in done]
    return todo, len(wanted) - len(todo)


def embed_store(
    store: Store,
    *,
    embedder: Embedder | None = None,
    session_ids: Iterable[str] | None = None,
    force: bool = False,
    batch_size: int = BATCH,
    on_passages: Callable[[int, int], None] | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> EmbedReport:
    """Embed every stored session lacking vectors of this model (or `session_ids`; all with `force`).

    `on_passages(done, total)` is called after each batch, for a progress bar; the total
    grows as sessions are read, round by round.
    """
    embedder = embedder or load_embedder()
    report = EmbedReport(embedder.model)
    todo, report.skipped = _targets(store, embedder.model, session_ids, force)
    if not todo:
        return report
    started = clock()
    total = done = 0
    for first in range(0, len(todo), SESSIONS_PER_ROUND):
        work: list[tuple[str, list[Passage]]] = []
        for sid in todo[first : first + SESSIONS_PER_ROUND]:
            work.append((sid, session_passages(store.load_session(sid).turns)))
        total += sum(len(p) for _, p in work)
        flat = [(w, i) for w, (_, ps) in enumerate(work) for i in range(len(ps))]
        flat.sort(key=lambda wi: len(work[wi[0]][1][wi[1]].text))
        vectors: dict[tuple[int, int], Any] = {}
        for b in range(0, len(flat), batch_size):
            chunk = flat[b : b + batch_size]
            out = embedder.embed([work[w][1][i].text for w, i in chunk])
            for row, key in enumerate(chunk):
                vectors[key] = out[row]
            done += len(chunk)
            if on_passages:
                on_passages(done, total)
        import numpy as np

        for w, (sid, passages) in enumerate(work):
            matrix = (
                np.stack([vectors[(w, i)] for i in range(len(passages))])
                if passages
                else np.zeros((0, embedder.dim), dtype=np.float32)
            )
            save_vectors(store, sid, embedder.model, passages, matrix)
            report.sessions += 1
            report.passages += len(passages)
            report.session_ids.append(sid)
    report.seconds = clock() - started
    return report


def embed_after_ingest(store: Store, session_ids: Iterable[str]) -> EmbedReport | None:
    """Ingest hook: embed these sessions when the `semantic` extra is installed, else do nothing.

    Call it after a successful ingest with the ids of the sessions stored; a store error
    propagates, a missing extra returns None.
    """
    if not semantic_installed():
        return None
    ids = [sid for sid in session_ids if sid]
    if not ids:
        return None
    return embed_store(store, session_ids=ids)

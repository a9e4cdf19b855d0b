"""Re-run the analysis stages over stored sessions, replacing their analyses atomically.

Two uses: `forumlens ingest --no-analysis` loads a large archive fast and analyses it
later, in parallel; and after an upgrade of the stages, old sessions catch up. The
after-ingest steps run for the re-analysed sessions too (their output links live in
the analyses that were replaced).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .ingest import after_ingest, watch_parent, worker_context
from .pipeline import AnalysisOptions, analyse_session, merge_people_with_store
from .store.base import Store

__all__ = ["reanalyse"]


def reanalyse(
    store: Store,
    session_ids: Iterable[str],
    options: AnalysisOptions = AnalysisOptions(),
    *,
    workers: int = 1,
    on_done: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> int:
    """Analyse the sessions again (in `workers` processes), then the after-ingest steps
    (subscribers' matches, output links) for them; returns how many were replaced."""
    known = store.known_people()
    ids = list(session_ids)
    done: list[str] = []

    def finish(sid: str, analyses: dict[str, Any], keep: dict[str, Any]) -> None:
        analyses = {**analyses, **keep}
        analyses["people"] = merge_people_with_store(analyses.get("people") or [], known)
        store.replace_analyses(sid, analyses)
        known.extend(p["name"] for p in analyses["people"] if p.get("name") and p["name"] not in known)
        done.append(sid)
        if on_done:
            on_done(sid)

    def kept(sid: str) -> dict[str, Any]:  # metadata stated at ingest survives re-analysis
        meta = store.analysis(sid, "document")
        return {"document": meta} if meta is not None else {}

    try:
        if workers <= 1:
            for sid in ids:
                finish(sid, analyse_session(store.load_session(sid), options), kept(sid))
        else:
            with ProcessPoolExecutor(
                max_workers=workers, mp_context=worker_context(), initializer=watch_parent, initargs=(os.getpid(),)
            ) as pool:
                sessions = ((sid, store.load_session(sid)) for sid in ids)
                futures = [(sid, pool.submit(analyse_session, session, options)) for sid, session in sessions]
                for sid, future in futures:
                    finish(sid, future.result(), kept(sid))
    finally:
        after_ingest(store, done, on_warning=on_warning or (lambda _message: None))
    return len(done)

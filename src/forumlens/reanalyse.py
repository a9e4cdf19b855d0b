"""Re-run the analysis stages over stored sessions, replacing their analyses atomically.

Two uses: `forumlens ingest --no-analysis` loads a large archive fast and analyses it
later, in parallel (this machine's processes, or a Dask cluster: forumlens.engine);
and after an upgrade of the stages, old sessions catch up. The after-ingest steps run
for the re-analysed sessions too (their output links live in the analyses that were
replaced); they run here, in this process.

Store I/O stays in this process: an engine gets Session records (with the stored
document metadata) and returns analyses dicts, thread items included, and they are
written in the order of the ids given, so the names merged with those on record, and so
the record, are the same on any engine. Extracting the thread items on the engine, with
the analysis, keeps that work off this process, which only writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from .engine import Engine, Outcome, describe, in_order
from .engine.local import LocalEngine
from .errors import ForumlensError
from .ingest import after_ingest
from .models import Session
from .pipeline import AnalysisOptions, ThreadItems, analyse_session, merge_people_with_store, thread_items_of
from .store.base import Store
from .store.threads import THREAD_ITEMS

__all__ = ["AnalysisFailed", "Reanalysed", "StoredSession", "analyse_stored", "reanalyse"]


@dataclass(frozen=True)
class StoredSession:
    """What an engine task gets: a stored session, its stored `document` analysis (None:
    none stored) and the names on record when the task was handed out."""

    id: str
    session: Session
    document: Any
    known: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reanalysed:
    """What an engine task returns: the analyses to write, and the thread items read from them."""

    analyses: dict[str, Any]
    items: ThreadItems


def analyse_stored(stored: StoredSession, options: AnalysisOptions) -> Reanalysed:
    """A stored session's analyses as they are written back (the stages' analyses and the
    stored document metadata: stated at ingest, it survives re-analysis) with the thread
    items read from them. Pure; runs on the engine (picklable by reference)."""
    analyses = analyse_session(stored.session, options)
    if stored.document is not None:
        analyses["document"] = stored.document
    return Reanalysed(analyses, thread_items_of(stored.session, analyses, stored.id, stored.known))


class AnalysisFailed(ForumlensError):
    """Some sessions could not be analysed; the others were written. `failed` maps each
    session id to its error."""

    def __init__(self, failed: dict[str, BaseException]) -> None:
        self.failed = failed
        listed = "; ".join(f"{sid}: {describe(exc)}" for sid, exc in failed.items())
        super().__init__(
            f"{len(failed)} session{'s' if len(failed) != 1 else ''} could not be analysed ({listed})",
            hint="their stored analyses are unchanged; `forumlens --debug analyse SESSION` shows the traceback",
        )


def reanalyse(
    store: Store,
    session_ids: Iterable[str],
    options: AnalysisOptions = AnalysisOptions(),
    *,
    workers: int = 1,
    engine: Engine | None = None,
    on_done: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_failed: Callable[[str, BaseException], None] | None = None,
) -> int:
    """Analyse the sessions again on `engine` (default: `workers` local processes), then
    the after-ingest steps (subscribers' matches, output links) for them; returns how
    many were replaced.

    A session whose analysis fails is passed to `on_failed` and the others go on;
    without `on_failed`, AnalysisFailed is raised once the others are written.
    """
    ids = list(dict.fromkeys(session_ids))
    known = store.known_people()
    done: list[str] = []
    failed: dict[str, BaseException] = {}

    def finish(sid: str, result: Reanalysed) -> None:
        analyses = dict(result.analyses)
        analyses["people"] = merge_people_with_store(analyses.get("people") or [], known)
        # items read with other names (one put on record since the task was handed out): after_ingest extracts them
        if (items := result.items.kept_with(analyses["people"])) is not None:
            analyses[THREAD_ITEMS] = items
        store.replace_analyses(sid, analyses)  # the items in the same transaction as the rest
        known.extend(p["name"] for p in analyses["people"] if p.get("name") and p["name"] not in known)
        done.append(sid)
        if on_done:
            on_done(sid)

    def sessions() -> Iterator[tuple[str, StoredSession]]:  # loaded as the engine hands out tasks
        for sid in ids:
            yield sid, StoredSession(sid, store.load_session(sid), store.analysis(sid, "document"), tuple(known))

    runner = engine or LocalEngine(workers)
    task = partial(analyse_stored, options=options)
    try:
        outcome: Outcome[Reanalysed]
        for outcome in in_order(ids, runner.map_unordered(task, sessions())):
            if outcome.error is not None:
                failed[outcome.key] = outcome.error
                if on_failed:
                    on_failed(outcome.key, outcome.error)
            elif outcome.result is not None:
                finish(outcome.key, outcome.result)
    finally:
        if engine is None:
            runner.close()
        after_ingest(store, done, on_warning=on_warning or (lambda _message: None), keep_threads=True)
    if failed and on_failed is None:
        raise AnalysisFailed(failed)
    return len(done)

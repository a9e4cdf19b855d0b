"""Ingest: files and folders → stored sessions, one atomic transaction per file.

This is the I/O edge of the pipeline: it walks paths, reads bytes, applies the size
limit, and records an outcome per file (ingested / skipped / failed with a reason), so
one bad file never stops the others and never leaves half a session in the store.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import multiprocessing.context
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .documents.overrides import Overrides, read_sidecar
from .errors import ForumlensError, InputTooLarge
from .models import Document, IngestOutcome, Session
from .pipeline import analyse_session, merge_people_with_store, prepare_document
from .read import read_bytes
from .store.base import Store

__all__ = ["INGEST_SUFFIXES", "Prepared", "expand_paths", "ingest_paths", "ingest_file", "known_people",
           "prepare_bytes", "read_input", "store_prepared"]

# Inside folders we take files that can be transcripts; named files are always tried.
INGEST_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".md", ".markdown", ".pdf", ".docx", ""})


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and candidate files inside folders (recursive, sorted, no hidden)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if not name.startswith(".") and candidate.suffix.lower() in INGEST_SUFFIXES:
                        yield candidate
        else:
            yield path


def read_input(path: Path, max_bytes: int) -> bytes | IngestOutcome:
    """The bytes of a file, or the failed outcome that says why they cannot be read."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(f"is {size / 1e6:.1f} MB, above the {max_bytes / 1e6:.0f} MB limit",
                                source=source, hint="raise FORUMLENS_MAX_INPUT_MB if this file is genuine")
        return path.read_bytes()
    except FileNotFoundError:
        return IngestOutcome(source, "failed", "file not found (it may have been moved or deleted)")
    except IsADirectoryError:
        return IngestOutcome(source, "failed", "is a folder")
    except PermissionError:
        return IngestOutcome(source, "failed", "permission denied: cannot read the file")
    except InputTooLarge as exc:
        return IngestOutcome(source, "failed", exc.render())
    except OSError as exc:
        return IngestOutcome(source, "failed", f"cannot read the file: {exc.strerror or exc}")


@dataclass
class Prepared:
    """A file read, parsed and analysed, ready to store (or the reason it cannot be)."""

    source: str
    document: Document | None = None
    session: Session | None = None
    analyses: dict[str, Any] = field(default_factory=dict)
    failure: str | None = None
    error: ForumlensError | None = None


def prepare_bytes(data: bytes, source: str, *, options: dict[str, Any] | None = None,
                  overrides: Overrides | None = None, sidecar_of: Path | None = None) -> Prepared:
    """Decode, parse and analyse one input. Pure CPU work: safe to run in a worker process.

    Metadata stated by flags (`overrides`) or a sidecar `FILE.meta.toml` wins over the
    detected one; it is stored as the `document` analysis (and in documents.kind/meta).
    """
    try:
        sidecar = read_sidecar(sidecar_of) if sidecar_of is not None else None
        stated = sidecar.merged(overrides) if sidecar else overrides
        document = read_bytes(data, source)
        session, meta = prepare_document(document, stated)
        analyses: dict[str, Any] = {}
        if (options or {}).get("analyse", True):
            analyses = analyse_session(session, {**(options or {}), "known_people": []})
        analyses["document"] = meta.to_json()
    except ForumlensError as exc:
        return Prepared(source, failure=exc.render(), error=exc)
    return Prepared(source, document, session, analyses)


def store_prepared(store: Store, prepared: Prepared, *, force: bool, known: list[str]) -> IngestOutcome:
    """Store a prepared input in one transaction, merging its people with those on record."""
    if prepared.failure or prepared.document is None or prepared.session is None:
        return IngestOutcome(prepared.source, "failed", prepared.failure or "could not be prepared")
    analyses = dict(prepared.analyses)
    if "people" in analyses:
        analyses["people"] = merge_people_with_store(analyses["people"], known)
    session_id = store.save_session(prepared.document, prepared.session, analyses, replace=force)
    known.extend(p["name"] for p in analyses.get("people", []) if p.get("name") and p["name"] not in known)
    return IngestOutcome(prepared.source, "ingested", session=session_id, turns=len(prepared.session.turns),
                         warnings=[*prepared.document.warnings, *prepared.session.warnings])


def _already_stored(store: Store, data: bytes, source: str, force: bool) -> IngestOutcome | None:
    sha = hashlib.sha256(data).hexdigest()
    if not force and store.has_document(sha):
        return IngestOutcome(source, "skipped", "already stored (same content)", session=sha[:12])
    return None


def ingest_file(store: Store, path: Path, *, force: bool = False, max_bytes: int,
                options: dict[str, Any] | None = None, overrides: Overrides | None = None) -> IngestOutcome:
    """Read, parse, analyse and store one file; the outcome says what happened and why."""
    data = read_input(path, max_bytes)
    if isinstance(data, IngestOutcome):
        return data
    skipped = _already_stored(store, data, str(path), force)
    if skipped:
        return skipped
    options = dict(options or {})
    known = options.pop("known_people", None)
    known = known if isinstance(known, list) else known_people(store)
    prepared = prepare_bytes(data, str(path), options=options, overrides=overrides, sidecar_of=path)
    return store_prepared(store, prepared, force=force, known=known)


def known_people(store: Store) -> list[str]:
    """Names already on record, so a new session's people merge with them."""
    return [row[0] for row in store.query("SELECT name FROM people ORDER BY name")]


def worker_context() -> multiprocessing.context.BaseContext:
    """Workers that do not inherit this process's open files.

    A forked worker would inherit the store's connection: if this process is killed,
    the worker keeps the PostgreSQL socket open, so the server never sees the client
    go and its half-done transaction keeps its locks. Forkserver children start from a
    clean process instead.
    """
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def watch_parent(pid: int) -> None:
    """Worker initializer: exit when the ingesting process is gone (even after kill -9).

    A pool worker blocks on its task queue, whose write end it holds itself, so it
    would never notice the parent's death; a daemon thread polls for it instead.
    """
    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="forumlens-parent-watch", daemon=True).start()


def _prepare_in_worker(data: bytes, source: str, options: dict[str, Any], overrides: Overrides | None,
                       path: Path) -> Prepared:
    return prepare_bytes(data, source, options=options, overrides=overrides, sidecar_of=path)


def ingest_paths(store: Store, paths: Iterable[str | Path], *, force: bool = False, max_bytes: int,
                 options: dict[str, Any] | None = None, overrides: Overrides | None = None,
                 on_file: Callable[[IngestOutcome], None] | None = None, workers: int = 1) -> list[IngestOutcome]:
    """Ingest every file; store errors (read-only, disk full) stop the run, input errors do not.

    With `workers` > 1, parsing and analysis run in that many processes while this one
    reads files and writes the store, in input order; only this process touches the
    store, so every session is still stored in one transaction of its own.
    """
    options = dict(options or {})
    known = options.pop("known_people", None)
    known = known if isinstance(known, list) else known_people(store)
    outcomes: list[IngestOutcome] = []

    def finish(outcome: IngestOutcome) -> None:
        outcomes.append(outcome)
        if on_file:
            on_file(outcome)

    if workers <= 1:
        for path in expand_paths(paths):
            finish(ingest_file(store, path, force=force, max_bytes=max_bytes,
                               options={**options, "known_people": known}, overrides=overrides))
        return outcomes
    pending: deque[Future[Prepared] | IngestOutcome] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=worker_context(), initializer=watch_parent,
                             initargs=(os.getpid(),)) as pool:
        def drain(limit: int) -> None:
            while len(pending) > limit:
                item = pending.popleft()
                finish(item if isinstance(item, IngestOutcome)
                       else store_prepared(store, item.result(), force=force, known=known))

        for path in expand_paths(paths):
            data = read_input(path, max_bytes)
            if isinstance(data, IngestOutcome):
                pending.append(data)
            else:
                skipped = _already_stored(store, data, str(path), force)
                pending.append(skipped or pool.submit(_prepare_in_worker, data, str(path), options, overrides, path))
            drain(workers)
        drain(0)
    return outcomes

"""The ingest service: files, folders and uploads → stored sessions, and what follows.

Every way into the store goes through here (the CLI's `ingest`, the API's upload,
`analyse` re-runs): read bytes, apply the size limit, parse and analyse (in worker
processes when asked), store each session in one transaction, then the after-ingest
steps (subscribers' matches, links from outputs to documents, the thread items of a
session stored without them). One bad file never
stops the others and never leaves half a session in the store; a failed after-ingest
step is a warning, since the sessions are stored and the next run repeats the step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import multiprocessing
import multiprocessing.context
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from .documents.overrides import Overrides, read_sidecar
from .errors import ForumlensError, InputTooLarge
from .filetypes import TABLE_SUFFIXES, TEXT_SUFFIXES
from .generated import written_by_forumlens
from .models import Document, IngestOutcome, Session
from .pipeline import (
    AnalysisOptions,
    ThreadItems,
    analyse_session,
    merge_people_with_store,
    prepare_document,
    thread_items_of,
)
from .read import read_bytes
from .read.text import decode_text
from .settings import Settings
from .store.base import Store
from .store.catalog import text_sha256
from .store.threads import THREAD_ITEMS
from .transcript.tables import caption_table

__all__ = [
    "INGEST_SUFFIXES",
    "TABLE_SUFFIXES",
    "IngestOptions",
    "Prepared",
    "after_ingest",
    "expand_paths",
    "folder_notes",
    "ingest_bytes",
    "ingest_file",
    "ingest_paths",
    "passed_over",
    "prepare_bytes",
    "read_input",
    "sniff_caption_table",
    "sort_folder",
]

Warn = Callable[[str], None]
Stage = Callable[[Path, str], None]  # (file, analysis stage starting)

# Inside folders we take files that can be transcripts (`filetypes`, the one list); named
# files are always tried. A table is a transcript only when it is a caption export
# (`transcript.tables.caption_table`: a header naming a speaker and a text column); a folder's
# other tables (a spreadsheet, the tables of `forumlens export`) are named as not read, never
# ingested as a session.
INGEST_SUFFIXES = TEXT_SUFFIXES
_SNIFF_BYTES = 65_536  # a caption export's header row and first rows are at its top


def _folder_files(folder: Path) -> Iterator[Path]:
    """Every file inside a folder (recursive, sorted), hidden files and folders left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and candidate files inside folders (recursive, sorted, no hidden;
    a `.csv` or `.tsv` only when it sniffs as a caption export; none that forumlens wrote)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from (f for f in _folder_files(path) if _taken(f) and not written_by_forumlens(f))
        else:
            yield path


def _taken(path: Path) -> bool:
    """Whether a file inside a folder is tried: a likely transcript by its type, or a table
    whose first rows sniff as a caption export."""
    suffix = path.suffix.lower()
    return suffix in INGEST_SUFFIXES or (suffix in TABLE_SUFFIXES and _caption_table(path))


def _caption_table(path: Path) -> bool:
    """Whether a table file's top reads as a caption export (a file that cannot be read or
    decoded is none: it is named as not read)."""
    try:
        with path.open("rb") as handle:
            return sniff_caption_table(handle.read(_SNIFF_BYTES + 1), str(path))
    except (OSError, ForumlensError):
        return False


def sniff_caption_table(data: bytes, source: str) -> bool:
    """Whether the top of a `.csv` or `.tsv` file's bytes (its first `_SNIFF_BYTES`) reads as a
    caption export (`transcript.tables.caption_table`); raises what `read.text.decode_text` raises.
    Asked by the folder walk and by the web upload, so both take the same tables."""
    head = data
    if len(data) > _SNIFF_BYTES:
        # a row cut by the sniff is no row: cut the bytes after a line end, never inside a
        # character (a cut UTF-8 character fails a byte-order-marked file's decoding); a UTF-16LE
        # line end's second byte comes with it
        end = max(data.rfind(b"\n", 0, _SNIFF_BYTES), data.rfind(b"\r", 0, _SNIFF_BYTES)) + 1
        if end == 0:
            return False  # no line end in the top: no header row and rows under it
        head = data[: end + 1] if data[end : end + 1] == b"\x00" else data[:end]
    return caption_table(decode_text(head, source)[0])


def sort_folder(folder: str | Path) -> tuple[list[Path], list[Path], list[Path]]:
    """The files of a folder that `expand_paths` takes, those it passes over for their type
    (an image, a legacy .doc, an archive), and forumlens's own outputs among the files of a type it
    takes (a `report --html`, a `template --docx`: `generated`), in one walk (each table is sniffed once).

    A named file of any type is tried and refused with a reason; inside a folder only likely
    transcripts are tried, so the others are returned for the CLI to name: a user who
    drops a `.doc` or `.odt` report, or a spreadsheet `.csv` that is no caption export, into the
    folder must learn it was not read.
    """
    taken: list[Path] = []
    left: list[Path] = []
    own: list[Path] = []
    for f in _folder_files(Path(folder)):
        if not _taken(f):
            left.append(f)
        else:
            (own if written_by_forumlens(f) else taken).append(f)
    return taken, left, own


# The conventional notes a folder carries about itself (a repository's README, CHANGELOG,
# LICENSE, CONTRIBUTING): as .md or .txt they are a type forumlens reads, so a folder walk stores
# them as it stores every document, and the CLI says so before it does (there is no command that
# takes a session out of the store again, so the user must learn it before, not after).
_FOLDER_NOTE_NAMES = frozenset(
    {"readme", "changelog", "changes", "history", "license", "licence", "copying", "contributing", "authors", "notice"}
)


def folder_notes(files: Iterable[Path]) -> list[Path]:
    """The files among `files` (a folder walk's) named as a folder's own notes ("README.md",
    "CHANGELOG.txt", "readme.md" in a subfolder): by the name before its suffix, any case."""
    return [f for f in files if f.stem.casefold() in _FOLDER_NOTE_NAMES]


def passed_over(folder: str | Path) -> list[Path]:
    """The files of a folder that `expand_paths` leaves out for their type (`sort_folder`)."""
    return sort_folder(folder)[1]


def read_input(path: Path, max_bytes: int) -> bytes | IngestOutcome:
    """The bytes of a file, or the failed outcome that says why they cannot be read."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(
                f"is {size / 1e6:.1f} MB, above the {max_bytes / 1e6:.0f} MB limit",
                source=source,
                hint="raise FORUMLENS_MAX_INPUT_MB if this file is genuine",
            )
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


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest: limits, re-ingest, analysis, stated metadata, parallelism."""

    max_bytes: int = 20_000_000
    force: bool = False
    analyse: bool = True
    words_per_minute: float = 150.0
    overrides: Overrides | None = None
    workers: int = 1

    @classmethod
    def from_settings(cls, settings: Settings, **changes: Any) -> IngestOptions:
        """The options the settings registry gives (size limit, speaking rate), then `changes`."""
        base = cls(max_bytes=int(settings.max_input_mb * 1_000_000), words_per_minute=settings.words_per_minute)
        return replace(base, **changes)

    def analysis(self) -> AnalysisOptions:
        return AnalysisOptions(words_per_minute=self.words_per_minute)


@dataclass
class Prepared:
    """A file read, parsed and analysed, ready to store (or the reason it cannot be).

    `thread_items` is the session's `thread_items` analysis, kept apart from `analyses`:
    it names the session by the id it is parsed with and read the people as merged with
    the names on record when it was prepared, so it is stored only under that id and with
    those people (`_store_prepared` decides; a live session finished in place stores
    `analyses` under its own id, and its items are extracted after).
    """

    source: str
    document: Document | None = None
    session: Session | None = None
    analyses: dict[str, Any] = field(default_factory=dict)
    failure: str | None = None
    error: ForumlensError | None = None
    thread_items: ThreadItems | None = None


def prepare_bytes(
    data: bytes,
    source: str,
    options: IngestOptions = IngestOptions(),
    *,
    sidecar_of: Path | None = None,
    on_stage: Callable[[str], None] | None = None,
    document: Document | None = None,
    known: Sequence[str] = (),
    thread_items: bool = False,
) -> Prepared:
    """Decode, parse and analyse one input. Pure CPU work: safe to run in a worker process.

    With `thread_items` (ingest's own calls), the analysed session's thread items are
    extracted here too (in the worker, where the CPU time scales with `--workers`, not in
    the process that stores); other callers store under another id, or extract the items
    themselves, and do not pay for them.
    Metadata stated by flags (`options.overrides`) or a sidecar `FILE.meta.toml` wins over
    the detected one; it is stored as the `document` analysis (and in documents.kind/meta).
    `document` is `data` already decoded (the caller read it to compare its text);
    `known` the names on record (the thread items read the people merged with them).
    """
    try:
        sidecar = read_sidecar(sidecar_of) if sidecar_of is not None else None
        stated = sidecar.merged(options.overrides) if sidecar else options.overrides
        document = document if document is not None else read_bytes(data, source)
        session, meta = prepare_document(document, stated, today=dt.date.today().isoformat())
        analyses: dict[str, Any] = (
            analyse_session(session, options.analysis(), on_stage=on_stage) if options.analyse else {}
        )
        analyses["document"] = meta.to_json()
        items: ThreadItems | None = None
        if options.analyse and thread_items:
            if on_stage is not None:
                on_stage("thread items")
            items = thread_items_of(session, analyses, session.id, known)
    except ForumlensError as exc:
        return Prepared(source, failure=exc.render(), error=exc)
    return Prepared(source, document, session, analyses, thread_items=items)


def _store_prepared(store: Store, prepared: Prepared, *, force: bool, known: list[str]) -> IngestOutcome:
    """Store a prepared input in one transaction, merging its people with those on record."""
    if prepared.failure or prepared.document is None or prepared.session is None:
        return IngestOutcome(prepared.source, "failed", prepared.failure or "could not be prepared")
    analyses = dict(prepared.analyses)
    if "people" in analyses:
        analyses["people"] = merge_people_with_store(analyses["people"], known)
    # read with other names (one put on record since it was prepared): after_ingest extracts them again
    items = prepared.thread_items.kept_with(analyses.get("people")) if prepared.thread_items else None
    session_id = _save(store, prepared, analyses, force, items)
    if session_id != prepared.session.id and not force:  # the same text arrived first in other bytes
        return _same_text(prepared.source, session_id)
    known.extend(p["name"] for p in analyses.get("people", []) if p.get("name") and p["name"] not in known)
    return IngestOutcome(
        prepared.source,
        "ingested",
        session=session_id,
        turns=len(prepared.session.turns),
        warnings=[*prepared.document.warnings, *prepared.session.warnings],
    )


def _same_text(source: str, session_id: str) -> IngestOutcome:
    return IngestOutcome(
        source, "skipped", f"already stored as {session_id} (same text, different encoding)", session=session_id
    )


def _already_stored_text(store: Store, document: Document, source: str, force: bool) -> IngestOutcome | None:
    """The outcome of an input whose decoded text is stored already in other bytes, or None.

    Checked once the bytes are decoded and before the analysis, so a copy saved as UTF-16,
    with CRLF or a BOM costs a decode, not an analysis; `save_session` checks again inside
    its transaction (a copy racing in from another process, and the worker path).
    """
    if force:
        return None
    found = store.session_of_text(text_sha256(document.text))
    return _same_text(source, found) if found is not None else None


def _already_stored(store: Store, data: bytes, source: str, force: bool) -> IngestOutcome | None:
    """The outcome of an input that must not be stored again, or None.

    Besides the same content stored by an ingest, that is the finished text of a session
    `forumlens live` followed (found by its content hash: the live session keeps its own
    id) and a file a follower is still reading (ingest it once the session has ended).
    """
    sha = hashlib.sha256(data).hexdigest()
    if not force and store.has_document(sha):
        return IngestOutcome(source, "skipped", "already stored (same content)", session=sha[:12])
    if not force and (live := store.live_session_of_content(sha)) is not None:
        return IngestOutcome(source, "skipped", "already stored by `forumlens live` (same content)", session=live)
    following = store.live_session_of_source(str(Path(source).resolve())) if source else None
    if following is not None and following.state == "live":
        return IngestOutcome(
            source,
            "skipped",
            f"is being followed by `forumlens live` (session {following.id}); ingest it after the session ends",
            session=following.id,
        )
    return None


def _save(
    store: Store, prepared: Prepared, analyses: dict[str, Any], force: bool, items: dict[str, Any] | None = None
) -> str:
    """Store a prepared input, with its thread `items` when given, in one transaction; `force`
    on the finished text of a live session re-finalises it in place (under the live session's
    id, so without the items extracted under this one: after_ingest extracts them)."""
    assert prepared.document is not None and prepared.session is not None
    live = store.live_session_of_content(prepared.document.sha256) if force else None
    if live is not None:
        from datetime import UTC, datetime

        store.live_finish(
            live, prepared.document, prepared.session, analyses, finished_at=datetime.now(UTC).isoformat()
        )
        return live
    kept = {**analyses, THREAD_ITEMS: items} if items is not None else analyses  # same transaction
    return store.save_session(prepared.document, prepared.session, kept, replace=force)


def after_ingest(
    store: Store, session_ids: Iterable[str], *, on_warning: Warn | None = None, keep_threads: bool = False
) -> None:
    """The steps that follow storing or re-analysing sessions: queue subscribers' matches,
    link coalition outputs to the documents that are them, extract the items threads link
    (only of sessions stored without them: the workers extract them with the analysis).

    All three are idempotent; a failure is reported through `on_warning` and the next ingest,
    `forumlens digest` or `forumlens analyse` does the same work again. `keep_threads` also
    links the whole store and keeps the links (`analyse` does; an ingest does not, because
    relinking a 1,000-session store takes ~10 s and one new file must not pay it: readers
    link in memory when the kept links are stale).
    """
    from .documents.links import link_outputs
    from .route import match_new_sessions
    from .threads.service import refresh_thread_items

    ids = [sid for sid in session_ids if sid]
    if not ids:
        return
    steps = (
        (match_new_sessions, "matching subscribers"),
        (link_outputs, "linking outputs to documents"),
        (partial(refresh_thread_items, keep=keep_threads), "extracting thread items"),
    )
    for step, what in steps:
        try:
            step(store, ids)
        except ForumlensError as exc:
            if on_warning is None:
                raise
            on_warning(f"{what} failed: {exc.render()}")


def _new_sessions(outcomes: Iterable[IngestOutcome]) -> list[str]:
    return [o.session for o in outcomes if o.status == "ingested" and o.session]


def ingest_bytes(
    store: Store, data: bytes, source: str, options: IngestOptions = IngestOptions(), *, on_warning: Warn | None = None
) -> IngestOutcome:
    """Ingest one input already in memory (an upload): the same steps as a file.

    An upload is a single input, so its failure is raised (a `ForumlensError` with the
    reason), not returned as a failed outcome.
    """
    if len(data) > options.max_bytes:
        raise InputTooLarge(
            f"is {len(data) / 1e6:.1f} MB, above the {options.max_bytes / 1e6:.0f} MB limit",
            source=source,
            hint="raise FORUMLENS_MAX_INPUT_MB if this file is genuine",
        )
    outcome = _already_stored(store, data, source, options.force)
    if outcome is None:
        outcome = _ingest_upload(store, data, source, options)
    after_ingest(store, _new_sessions([outcome]), on_warning=on_warning)
    return outcome


def _ingest_upload(store: Store, data: bytes, source: str, options: IngestOptions) -> IngestOutcome:
    """Decode (an upload's failure is raised), compare the text, then analyse and store."""
    document = read_bytes(data, source)
    skipped = _already_stored_text(store, document, source, options.force)
    if skipped is not None:
        return skipped
    known = store.known_people()
    prepared = prepare_bytes(data, source, options, document=document, known=known, thread_items=True)
    if prepared.error is not None:
        raise prepared.error
    return _store_prepared(store, prepared, force=options.force, known=known)


def ingest_file(
    store: Store, path: Path, options: IngestOptions = IngestOptions(), *, on_warning: Warn | None = None
) -> IngestOutcome:
    """Read, parse, analyse and store one file, then the after-ingest steps."""
    outcome = _ingest_one(store, path, options, store.known_people())
    after_ingest(store, _new_sessions([outcome]), on_warning=on_warning)
    return outcome


def _ingest_one(
    store: Store, path: Path, options: IngestOptions, known: list[str], on_stage: Stage | None = None
) -> IngestOutcome:
    data = read_input(path, options.max_bytes)
    if isinstance(data, IngestOutcome):
        return data
    skipped = _already_stored(store, data, str(path), options.force)
    if skipped:
        return skipped
    try:
        document = read_bytes(data, str(path))
    except ForumlensError as exc:
        return IngestOutcome(str(path), "failed", exc.render())
    skipped = _already_stored_text(store, document, str(path), options.force)
    if skipped:
        return skipped
    prepared = prepare_bytes(
        data,
        str(path),
        options,
        sidecar_of=path,
        on_stage=(lambda name: on_stage(path, name)) if on_stage else None,
        document=document,
        known=known,
        thread_items=True,
    )
    return _store_prepared(store, prepared, force=options.force, known=known)


def worker_context(*, warm: bool = False) -> multiprocessing.context.BaseContext:
    """Workers that do not inherit this process's open files.

    A forked worker would inherit the store's connection: if this process is killed,
    the worker keeps the PostgreSQL socket open, so the server never sees the client
    go and its half-done transaction keeps its locks. Forkserver children start from a
    clean process instead.

    `warm` (pools that analyse sessions): the forkserver imports `forumlens.workerboot`
    before it forks a worker, so the workers start with the pipeline imported and warmed
    instead of paying ~0.8 s each on their first session. The forkserver is one per
    process and takes its preload when it starts: the first pool decides.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    if warm:
        context.set_forkserver_preload(["forumlens.workerboot"])
    return context


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


def regex_cache_of_this_process() -> str | None:
    """The regex cache file this process compiles through (the command line installs it), or
    None: what `start_worker` is given, so workers use the cache exactly when their parent does."""
    from .text.recache import installed

    cache = installed()
    return str(cache.path) if cache is not None and cache.path is not None else None


def start_worker(pid: int, regex_cache: str | None = None) -> None:
    """Initializer of an analysis worker: `watch_parent(pid)`, and the parent's regex cache.

    A worker compiles the patterns its sessions name (people, coalitions) and those the
    warm-up did not reach; with `regex_cache` it builds those the cache holds from their
    kept code, as the command line does, and keeps the new ones when it exits (a pool
    worker leaves through multiprocessing's finalizers, not `atexit`).
    """
    watch_parent(pid)
    if regex_cache is None:
        return
    try:  # as in cli.main: the cache rests on CPython's `re` internals and never stops a worker
        from multiprocessing.util import Finalize

        from .text.recache import install

        cache = install(Path(regex_cache))
        if cache is not None:
            Finalize(None, cache.save, exitpriority=0)
        from .text import keep

        keep.install(Path(regex_cache).parent)  # the derived data kept beside the patterns (`text.keep`)
    except Exception:
        pass


def _prepare_in_worker(
    data: bytes, source: str, options: IngestOptions, path: Path, known: tuple[str, ...]
) -> Prepared:
    return prepare_bytes(data, source, options, sidecar_of=path, known=known, thread_items=True)


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    options: IngestOptions = IngestOptions(),
    *,
    on_file: Callable[[IngestOutcome], None] | None = None,
    on_warning: Warn | None = None,
    on_stage: Stage | None = None,
) -> list[IngestOutcome]:
    """Ingest every file, then the after-ingest steps for the new sessions.

    Store errors (read-only, disk full) stop the run; input errors do not. With
    `options.workers` > 1, parsing and analysis run in that many processes while this
    one reads files and writes the store, in input order; only this process touches the
    store, so every session is still stored in one transaction of its own. `on_stage(path,
    stage)` reports the analysis stages of each file (one process only: workers cannot call back).
    """
    outcomes: list[IngestOutcome] = []

    def finish(outcome: IngestOutcome) -> None:
        outcomes.append(outcome)
        if on_file:
            on_file(outcome)

    try:
        _ingest_all(store, paths, options, finish, on_stage)
    except BaseException:  # the sessions stored before a store error still get their follow-up, if it can run
        with contextlib.suppress(ForumlensError):
            after_ingest(store, _new_sessions(outcomes), on_warning=lambda _message: None)
        raise
    after_ingest(store, _new_sessions(outcomes), on_warning=on_warning)
    return outcomes


def _ingest_all(
    store: Store,
    paths: Iterable[str | Path],
    options: IngestOptions,
    finish: Callable[[IngestOutcome], None],
    on_stage: Stage | None = None,
) -> None:
    known = store.known_people()
    if options.workers <= 1:
        for path in expand_paths(paths):
            finish(_ingest_one(store, path, options, known, on_stage))
        return
    pending: deque[Future[Prepared] | IngestOutcome] = deque()
    with ProcessPoolExecutor(
        max_workers=options.workers,
        mp_context=worker_context(warm=options.analyse),
        initializer=start_worker,
        initargs=(os.getpid(), regex_cache_of_this_process()),
    ) as pool:

        def drain(limit: int) -> None:
            while len(pending) > limit:
                item = pending.popleft()
                finish(
                    item
                    if isinstance(item, IngestOutcome)
                    else _store_prepared(store, item.result(), force=options.force, known=known)
                )

        for path in expand_paths(paths):
            data = read_input(path, options.max_bytes)
            if isinstance(data, IngestOutcome):
                pending.append(data)
            else:
                skipped = _already_stored(store, data, str(path), options.force)
                pending.append(skipped or pool.submit(_prepare_in_worker, data, str(path), options, path, tuple(known)))
            # two tasks a worker: one with a long session does not leave the others idle behind it
            drain(2 * options.workers)
        drain(0)

"""Ingest: files and folders → stored sessions, one atomic transaction per file.

This is the I/O edge of the pipeline: it walks paths, reads bytes, applies the size
limit, and records an outcome per file (ingested / skipped / failed with a reason), so
one bad file never stops the others and never leaves half a session in the store.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .documents.overrides import Overrides, read_sidecar
from .errors import ForumlensError, InputTooLarge, StoreError
from .models import IngestOutcome
from .pipeline import analyse_session, prepare_document
from .read import read_bytes
from .store.base import Store

__all__ = ["INGEST_SUFFIXES", "expand_paths", "ingest_paths", "ingest_file", "known_people"]

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


def ingest_file(store: Store, path: Path, *, force: bool = False, max_bytes: int,
                options: dict[str, Any] | None = None, overrides: Overrides | None = None) -> IngestOutcome:
    """Read, parse, analyse and store one file; the outcome says what happened and why.

    Metadata stated by flags (`overrides`) or a sidecar `FILE.meta.toml` wins over the
    detected one; it is stored as the `document` analysis (and in documents.kind/meta).
    """
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(f"is {size / 1e6:.1f} MB, above the {max_bytes / 1e6:.0f} MB limit",
                                source=source, hint="raise FORUMLENS_MAX_INPUT_MB if this file is genuine")
        data = path.read_bytes()
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
    sha = hashlib.sha256(data).hexdigest()
    if not force and store.has_document(sha):
        return IngestOutcome(source, "skipped", "already stored (same content)", session=sha[:12])
    options = dict(options or {})
    if "known_people" not in options:
        options["known_people"] = known_people(store)
    try:
        sidecar = read_sidecar(path)
        stated = sidecar.merged(overrides) if sidecar else overrides
        document = read_bytes(data, source)
        session, meta = prepare_document(document, stated)
        analyses = analyse_session(session, options)
        analyses["document"] = meta.to_json()
    except ForumlensError as exc:
        return IngestOutcome(source, "failed", exc.render())
    session_id = store.save_session(document, session, analyses, replace=force)
    known = options["known_people"]
    if isinstance(known, list):  # keep a caller's running list current across files
        known.extend(p["name"] for p in analyses.get("people", []) if p.get("name") and p["name"] not in known)
    return IngestOutcome(source, "ingested", session=session_id, turns=len(session.turns),
                         warnings=[*document.warnings, *session.warnings])


def known_people(store: Store) -> list[str]:
    """Names already on record, so a new session's people merge with them."""
    return [row[0] for row in store.query("SELECT name FROM people ORDER BY name")]


def ingest_paths(store: Store, paths: Iterable[str | Path], *, force: bool = False, max_bytes: int,
                 options: dict[str, Any] | None = None, overrides: Overrides | None = None,
                 on_file: Callable[[IngestOutcome], None] | None = None) -> list[IngestOutcome]:
    """Ingest every file; store errors (read-only, disk full) stop the run, input errors do not."""
    outcomes = []
    options = dict(options or {})
    options.setdefault("known_people", known_people(store))
    for path in expand_paths(paths):
        try:
            outcome = ingest_file(store, path, force=force, max_bytes=max_bytes, options=options,
                                  overrides=overrides)
        except StoreError:
            raise
        outcomes.append(outcome)
        if on_file:
            on_file(outcome)
    return outcomes

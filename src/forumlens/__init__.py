"""forumlens: a structured, searchable, cited record of IGF sessions and coalition outputs.

The public surface, stage by stage (see DESIGN.md):

    read_bytes(data, source) -> Document          # read/
    parse_transcript(text, source, sha256) -> Session   # transcript/
    open_store(location) -> Store                 # store/
    parse_query(text) -> Query                    # search
    ingest_paths(store, paths, max_bytes=...)     # ingest

The names are imported on first use (PEP 562): every command line run imports this
package, and most commands need only a few of its stages, so start-up stays short.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name → module that defines it
_PUBLIC = {
    "Citation": ".models",
    "Document": ".models",
    "ForumlensError": ".errors",
    "SearchFilters": ".search",
    "SearchHit": ".models",
    "Session": ".models",
    "Turn": ".models",
    "ingest_paths": ".ingest",
    "open_store": ".store",
    "parse_query": ".search",
    "parse_transcript": ".transcript.parse",
    "read_bytes": ".read",
    "split_sentences": ".transcript.sentences",
}

__all__ = [
    "Citation",
    "Document",
    "ForumlensError",
    "SearchFilters",
    "SearchHit",
    "Session",
    "Turn",
    "ingest_paths",
    "open_store",
    "parse_query",
    "parse_transcript",
    "read_bytes",
    "split_sentences",
]

if TYPE_CHECKING:
    from .errors import ForumlensError
    from .ingest import ingest_paths
    from .models import Citation, Document, SearchHit, Session, Turn
    from .read import read_bytes
    from .search import SearchFilters, parse_query
    from .store import open_store
    from .transcript.parse import parse_transcript
    from .transcript.sentences import split_sentences


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'forumlens' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])

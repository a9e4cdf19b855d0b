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
from collections.abc import Callable, Mapping
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


def _lazy_exports(
    package: str, public: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's `__getattr__` and `__dir__` (PEP 562) that import each public name from its module on
    first use and keep it in the package's namespace, so later lookups skip the hook. The subpackages
    whose commands must start fast (documents, fetch, route) use it too."""

    def __getattr__(name: str) -> Any:
        module = public.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value  # later lookups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted([*namespace, *public])

    return __getattr__, __dir__


__getattr__, __dir__ = _lazy_exports(__name__, _PUBLIC, globals())

"""forumlens: a structured, searchable, cited record of IGF sessions and coalition outputs.

The public surface, stage by stage (see DESIGN.md):

    read_bytes(data, source) -> Document          # read/
    parse_transcript(text, source, sha256) -> Session   # transcript/
    open_store(location) -> Store                 # store/
    parse_query(text) -> Query                    # search
    ingest_paths(store, paths, max_bytes=...)     # ingest
"""

from .errors import ForumlensError
from .ingest import ingest_paths
from .models import Citation, Document, SearchHit, Session, Turn
from .read import read_bytes
from .search import SearchFilters, parse_query
from .store import open_store
from .transcript.parse import parse_transcript
from .transcript.sentences import split_sentences

__version__ = "0.1.0"

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

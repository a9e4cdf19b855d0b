"""The `passage_vectors` table: one float32 vector per passage, and exact cosine kNN.

Written in portable SQL through `store.query()` / `store.transaction()`, so it works on
both back ends; the table is created by store migration 3 (`store/migrations.py`), and
on first write (`ensure_table`) in a store opened by an older version that is not migrated yet. Vectors are L2-normalised float32, little-endian,
stored as BLOB (SQLite) / BYTEA (PostgreSQL); rows go with their session
(`ON DELETE CASCADE`), so a re-ingest with --force drops them too.

kNN is exact: all vectors of one model are loaded into a numpy matrix (cached per store
object until the table changes) and scored with one matrix-vector product. That is
1.5 KB a passage: ~150 MB and a few milliseconds per query at 1e5 passages, which is
about the whole IGF archive cut into turns; past ~1e6 passages an ANN index (sqlite-vec,
pgvector) should replace `VectorMatrix.top`. (sqlite-vec was not used: this Python's
sqlite3 module is built without `enable_load_extension`, so it cannot load.)
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..store.base import Store
from ..store.migrations import PASSAGE_VECTORS, passage_vectors_ddl
from .passages import Passage

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DDL", "ensure_table", "has_table", "save_vectors", "embedded_sessions", "VectorMatrix",
           "load_matrix", "vector_counts"]

TABLE = PASSAGE_VECTORS


def DDL(dialect: str = "sqlite") -> list[str]:
    """CREATE statements for the table: store migration 3 (IF NOT EXISTS, so `ensure_table` may repeat them)."""
    return passage_vectors_ddl(dialect)


def _dialect(store: Store) -> str:
    return str(getattr(store, "dialect", "sqlite"))


def has_table(store: Store) -> bool:
    if _dialect(store) == "postgres":
        rows = store.query(f"SELECT to_regclass('{TABLE}') IS NOT NULL")
        return bool(rows and rows[0][0])
    return bool(store.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)))


def ensure_table(store: Store) -> None:
    if has_table(store):
        return
    with store.transaction() as execute:
        for statement in DDL(_dialect(store)):
            execute(statement, ())


def save_vectors(store: Store, session_id: str, model: str, passages: Sequence[Passage], vectors: np.ndarray) -> None:
    """Replace one session's vectors (all models) with these, in one transaction."""
    import numpy as np

    data = np.ascontiguousarray(vectors, dtype="<f4")
    rows = [(session_id, p.turn, p.part, p.line, p.start, p.end, model, data[i].tobytes())
            for i, p in enumerate(passages)]
    with store.transaction() as execute:
        execute(f"DELETE FROM {TABLE} WHERE session_id = ?", (session_id,))
        for row in rows:
            execute(f"INSERT INTO {TABLE} (session_id, turn_idx, part, line, start_offset, end_offset, model,"
                    " vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)


def embedded_sessions(store: Store, model: str) -> set[str]:
    if not has_table(store):
        return set()
    return {r[0] for r in store.query(f"SELECT DISTINCT session_id FROM {TABLE} WHERE model = ?", (model,))}


def vector_counts(store: Store) -> dict[str, int]:
    """Passages stored per model ({} when nothing was embedded)."""
    if not has_table(store):
        return {}
    return {r[0]: int(r[1]) for r in store.query(f"SELECT model, count(*) FROM {TABLE} GROUP BY model")}


@dataclass
class VectorMatrix:
    """Every passage vector of one model, row-aligned with its (session, turn, part, line, span)."""

    model: str
    keys: list[tuple[str, int, int, int, int, int]]  # session, turn, part, line, start, end
    matrix: np.ndarray  # float32 (n, dim), unit rows

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


_cache: weakref.WeakKeyDictionary[Any, dict[str, tuple[tuple[Any, ...], VectorMatrix]]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _signature(store: Store, model: str) -> tuple[Any, ...]:
    rows = store.query(f"SELECT count(*), coalesce(sum(line * 7 + turn_idx * 3 + part), 0),"
                       f" coalesce(max(session_id), '') FROM {TABLE} WHERE model = ?", (model,))
    return tuple(rows[0]) if rows else ()


def load_matrix(store: Store, model: str, dim: int) -> VectorMatrix:
    """All vectors of `model`, cached per store object and reloaded when the table changes."""
    import numpy as np

    if not has_table(store):
        return VectorMatrix(model, [], np.zeros((0, dim), dtype=np.float32))
    signature = _signature(store, model)
    with _lock:
        try:
            cached = _cache.get(store, {}).get(model)
        except TypeError:  # a store that cannot be weakly referenced: no cache
            cached = None
        if cached and cached[0] == signature:
            return cached[1]
    rows = store.query(f"SELECT session_id, turn_idx, part, line, start_offset, end_offset, vector FROM {TABLE}"
                       " WHERE model = ? ORDER BY session_id, turn_idx, part", (model,))
    keys = [(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5])) for r in rows]
    blob = b"".join(bytes(r[6]) for r in rows)
    matrix = np.frombuffer(blob, dtype="<f4").astype(np.float32).reshape(len(rows), -1) if rows else \
        np.zeros((0, dim), dtype=np.float32)
    result = VectorMatrix(model, keys, matrix)
    with _lock:
        try:
            _cache.setdefault(store, {})[model] = (signature, result)
        except TypeError:
            pass
    return result


def keys_mask(matrix: VectorMatrix, allowed: Iterable[tuple[str, int]]) -> np.ndarray:
    """Boolean row mask of the passages whose (session, turn) is in `allowed`."""
    import numpy as np

    allowed = set(allowed)
    return np.fromiter(((k[0], k[1]) in allowed for k in matrix.keys), dtype=bool, count=len(matrix.keys))

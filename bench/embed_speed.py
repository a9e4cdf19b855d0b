"""Embedding speed of the model variants and settings, beside the current path in the same run (issue 19).

Passages: those of the retrieval benchmark's 29 sessions (bench/data/retrieval-judgments.json),
cut as `forumlens embed` cuts them. Each variant embeds all of them, variants alternating,
`--rounds` rounds, best round kept; rates are passages per CPU second of this process
(onnxruntime's threads counted: the steady figure on a shared machine) and per wall second,
each with its ratio to the baseline, and the lowest / mean cosine of its vectors to the
baseline's (1.0 = same vectors).

- baseline: the packaged model as `embed` ran it before int8 (intra-op threads = cores,
  batches of 8 sorted by length, padded to their own longest);
- packaged, batches of 4 (the packaged model's default batch);
- int8 v1, the previous default with `onnx` (the export graph re-quantised, built here into a
  temporary dir with `build_unfused_int8_model`), one text per run, a run per core;
- int8 (the default with `onnx`: the lean rebuilt graph of `forumlens.semantic.quantise`,
  re-quantised), one text per run: a run per core, one thread (the per-core cost `embed
  --workers` pays), with onnxruntime's SkipLayerNormalization fusion on (it is off by
  default), and batches of 2 (not shipped: a vector would depend on its batch neighbours);
- with `--max-tokens N`, the baseline and the int8 default with texts truncated to N tokens;
- tokenisation alone (`encode_batch`, parallel in the tokenizers library, vs one by one).

Per variant also `alone`: its vectors of every fifth passage embedded alone against among
the others, lowest cosine and largest absolute difference of a component (0.0: a vector
depends only on its own text).

Also the token-length distribution of the passages, model load times and, with
`--retrieval`, retrieval quality (bench/retrieval.py) of each model variant, each in its
own process (`FORUMLENS_EMBEDDER=packaged|int8`), side by side.

Needs forumlens[semantic] (+ onnx for int8: forumlens[semantic-fast]).
Usage: python bench/embed_speed.py [--rounds 3] [--retrieval] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from retrieval import JUDGMENTS, resolve


def passages() -> list[str]:
    """Texts of every passage of the retrieval benchmark's sessions, in stored order."""
    from forumlens.pipeline import parse_document
    from forumlens.read import read_bytes
    from forumlens.semantic.passages import session_passages
    from forumlens.store import open_store

    files = json.loads(JUDGMENTS.read_text("utf-8"))["files"]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "speed.sqlite3"))
        for name in files:
            path = resolve(name)
            document = read_bytes(path.read_bytes(), str(path))
            store.save_session(document, parse_document(document))
        texts = [p.text for sid in store.session_ids() for p in session_passages(store.load_session(sid).turns)]
        store.close()
    return texts


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _percentile(values: list[int], q: float) -> int:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def _one_run_at_a_time(variant: str, batch: int) -> Any:
    """The embedder as it ran before issue 19's int8 work: one batch at a time on one
    onnxruntime session with an intra-op thread per core."""
    import onnxruntime

    from forumlens.semantic.embedder import MiniLMOnnx, _model_file, available_cores

    model = MiniLMOnnx(variant=variant, batch=batch, threads=1)  # threads=1: batches run one after another
    options = model._session.get_session_options()
    options.intra_op_num_threads = available_cores()
    model._session = onnxruntime.InferenceSession(
        str(_model_file(variant)[0]), options, providers=["CPUExecutionProvider"]
    )
    return model


def _with_file(variant_file: Path, *, threads: int | None = None, disabled: tuple[str, ...] = ()) -> Any:
    """An embedder running one text per run on `variant_file` (an int8 model not the default)."""
    import onnxruntime

    from forumlens.semantic.embedder import MiniLMOnnx

    model = MiniLMOnnx(variant="packaged", batch=1, threads=threads)
    options = model._session.get_session_options()
    model._session = onnxruntime.InferenceSession(
        str(variant_file), options, providers=["CPUExecutionProvider"], disabled_optimizers=list(disabled)
    )
    return model


def _alone(model: Any, texts: list[str], together: np.ndarray) -> tuple[float, float]:
    """(lowest cosine, largest absolute component difference) between a text's vector embedded
    among the others and embedded alone ((1.0, 0.0): a vector depends only on its text)."""
    alone = np.stack([model.embed([t])[0] for t in texts])
    cosine = float((together.astype(np.float64) * alone).sum(axis=1).min())
    return cosine, float(np.abs(together - alone).max())


def run(rounds: int = 3, max_tokens: int | None = None, scratch: Path | None = None) -> dict[str, Any]:
    from forumlens.semantic.embedder import (
        INT8_BATCH,
        MINI_BATCH,
        MiniLMOnnx,
        _model_file,
        _packaged_file,
        available_cores,
        build_unfused_int8_model,
    )

    texts = passages()
    cores = available_cores()
    out: dict[str, Any] = {"cpus": cores, "load_average_1m_start": round(os.getloadavg()[0], 2)}
    out["passages"] = len(texts)
    b, b8 = MINI_BATCH, INT8_BATCH
    builders: list[tuple[str, Callable[[], Any]]] = [
        ("baseline: packaged b8, 1 run at a time", lambda: _one_run_at_a_time("packaged", 8)),
        (f"packaged b{b}, {cores} runs at once", lambda: MiniLMOnnx(variant="packaged", batch=b)),
    ]
    if find_spec("onnx") is not None and scratch is not None:
        v1 = build_unfused_int8_model(_packaged_file(), scratch / "int8-v1.onnx")
        lean, _ = _model_file("int8")  # the default's cached file, built if need be
        builders += [
            (f"int8 v1 b{b8}, {cores} runs at once (previous)", lambda: _with_file(v1)),
            (f"int8 b{b8}, {cores} runs at once (default)", lambda: MiniLMOnnx(variant="int8", batch=b8)),
            (f"int8 b{b8}, one thread", lambda: MiniLMOnnx(variant="int8", batch=b8, threads=1)),
            (f"int8 b{b8}, SkipLayerNorm fused", lambda: _with_file(lean)),
            (f"int8 b2, {cores} runs at once (not shipped)", lambda: MiniLMOnnx(variant="int8", batch=2)),
        ]
    variants: dict[str, MiniLMOnnx] = {}
    loads: dict[str, float] = {}
    for name, build in builders:
        build()  # the int8 file is built here the first time, not timed
        variants[name], wall, _ = _timed(build)
        loads[name] = round(wall, 2)
    shorter = [builders[0], *builders[3:4]] if max_tokens else []  # the baseline and the int8 default
    for name, build in shorter:
        model = build()
        model._tokenizer.enable_truncation(max_tokens)
        variants[f"{name}, max {max_tokens} tokens"] = model
    out["model_load_s"] = loads

    base = builders[0][0]
    lengths = [len(e.ids) for e in variants[base]._tokenizer.encode_batch(texts)]
    out["tokens"] = {
        "median": statistics.median(lengths),
        "p90": _percentile(lengths, 0.9),
        "p99": _percentile(lengths, 0.99),
        "max": max(lengths),
    }
    if max_tokens:
        out["tokens"][f"over_{max_tokens}"] = sum(n > max_tokens for n in lengths)

    best_cpu = {name: float("inf") for name in variants}
    best_wall = {name: float("inf") for name in variants}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(rounds):
        for name, model in variants.items():
            vectors[name], wall, cpu = _timed(lambda model=model: model.embed(texts))
            best_cpu[name], best_wall[name] = min(best_cpu[name], cpu), min(best_wall[name], wall)
    rows = {}
    for name in variants:
        cosines = (vectors[base].astype(np.float64) * vectors[name]).sum(axis=1)
        alone_cosine, alone_diff = _alone(variants[name], texts[::5], vectors[name][::5])
        rows[name] = {
            "per_cpu_s": round(len(texts) / best_cpu[name], 1),
            "cpu_ratio": round(best_cpu[base] / best_cpu[name], 2),
            "per_wall_s": round(len(texts) / best_wall[name], 1),
            "wall_ratio": round(best_wall[base] / best_wall[name], 2),
            "min_cosine": round(float(cosines.min()), 4),
            "mean_cosine": round(float(cosines.mean()), 4),
            "alone_min_cosine": round(alone_cosine, 6),
            "alone_max_abs_diff": float(f"{alone_diff:.2e}"),
        }
    out["variants"] = rows

    tokenizer = variants[base]._tokenizer
    _, _, batch_cpu = _timed(lambda: tokenizer.encode_batch(texts))
    _, _, one_cpu = _timed(lambda: [tokenizer.encode(t) for t in texts])
    out["tokenise"] = {
        "encode_batch_cpu_ms": round(batch_cpu * 1000, 1),
        "one_by_one_cpu_ms": round(one_cpu * 1000, 1),
        "share_of_baseline_cpu": round(batch_cpu / best_cpu[base], 4),
    }
    out["load_average_1m_end"] = round(os.getloadavg()[0], 2)
    return out


def retrieval_by_variant() -> dict[str, dict[str, Any]]:
    """bench/retrieval.py's figures with each model variant, each run in its own process."""
    out = {}
    for variant in ("packaged", "int8"):
        if variant == "int8" and find_spec("onnx") is None:
            continue
        env = {**os.environ, "FORUMLENS_EMBEDDER": variant}
        done = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "retrieval.py"), "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(done.stdout)
        out[variant] = {k: v for k, v in figures.items() if k not in ("per_query", "paraphrase_overlaps")}
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--max-tokens", type=int, default=None, help="also run truncated variants of this length")
    parser.add_argument("--retrieval", action="store_true", help="also retrieval quality per model variant")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="embed-speed-") as scratch:
        result = run(args.rounds, args.max_tokens, Path(scratch))
    if args.retrieval:
        result["retrieval"] = retrieval_by_variant()
    if args.json:
        print(json.dumps(result, indent=1))
        return
    for key, value in result.items():
        if key == "variants":
            print(
                f"{'variant':44} {'/CPU s':>8} {'ratio':>6} {'/wall s':>8} {'ratio':>6} {'min cos':>8} {'mean cos':>8} "
                f"{'alone cos':>9} {'alone diff':>10}"
            )
            for name, r in value.items():
                print(
                    f"{name:44} {r['per_cpu_s']:8} {r['cpu_ratio']:6} {r['per_wall_s']:8} {r['wall_ratio']:6} "
                    f"{r['min_cosine']:8} {r['mean_cosine']:8} {r['alone_min_cosine']:9} {r['alone_max_abs_diff']:10}"
                )
        elif key == "retrieval":
            for variant, figures in value.items():
                print(f"retrieval {variant}: {json.dumps(figures)}")
        else:
            print(f"{key:24} {value}")


if __name__ == "__main__":
    main()

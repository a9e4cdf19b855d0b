"""Semantic search benchmark: embedding throughput, kNN latency, with lexical search as the baseline.

In one run:
- embedding throughput (turns/s and passages/s) of `forumlens embed` over the real
  sessions (shared corpus + tests/resources/semantic), model load time apart, beside its
  baselines on the same passages in the same run: unbatched (one passage per model run)
  and fixed batches of 32 padded to their longest, in stored order. Each rate is given
  per wall second and per CPU second of this process (the steadier figure on a shared
  machine; onnxruntime's threads are counted), with the load average;
- `--workers N`: the same embedding with N worker processes (`PooledEmbedder`);
- a store of N synthetic sessions (bench/ingest.py's generator, parsed and stored without
  the analyses) whose passage vectors are the real model's (each distinct passage is
  embedded once and reused), then, over the same queries, latency p50/p95 of lexical
  search (the baseline), semantic and hybrid search end to end (query embedding
  included; the vector matrix cached, its cold load timed apart);
- raw exact kNN (one matrix-vector product + top-k) at 1e4 and 1e5 random vectors;
- `--compare-model FILE`: another ONNX export of the model (e.g. re-quantised to int8
  matrix products) run the same way on the same passages, its rate per CPU second beside
  the shipped model's and the lowest cosine between their vectors (is it the same model?).

Needs forumlens[semantic]. Usage: python bench/semantic.py [--sessions 60] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.semantic import embed_store, load_embedder, semantic_search
from forumlens.semantic.passages import session_passages
from forumlens.semantic.vectors import VectorMatrix, load_matrix, save_vectors
from forumlens.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import SHARED, synthetic_sessions

ROOT = Path(__file__).resolve().parents[1]
REAL = [*sorted((SHARED / "corpus").glob("*.txt")), *sorted((ROOT / "tests" / "resources" / "semantic").glob("*.txt"))]
QUERIES = [
    "funding",
    "financing for coalitions",
    "money to pay consultants",
    "libraries",
    "net neutrality",
    "children online safety",
    "youth participation",
    "gender",
    "internet standards and security",
    "how do coalitions reach the UN",
    "visibility of outputs",
    "data governance",
    "capacity building in developing countries",
    "recognition of dynamic coalitions",
    "glossary of terms",
]


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def _latency(fn, repeat: int = 3) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        for q in QUERIES:
            t = time.perf_counter()
            fn(q)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), _pct(times, 0.95)


def _ingest_plain(store, path: Path) -> str:
    document = read_bytes(path.read_bytes(), str(path))
    return store.save_session(document, parse_document(document))


def _rate(embed_calls: list[list[str]], run_one) -> tuple[float, float]:
    """(passages per wall second, per CPU second) of running these calls."""
    wall, cpu = time.perf_counter(), time.process_time()
    for texts in embed_calls:
        run_one(texts)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = sum(map(len, embed_calls))
    return n / wall, n / cpu


def _baselines(embedder, texts: list[str]) -> dict[str, float]:
    """The same passages embedded the plain ways: one per run; batches of 32 padded to their longest."""
    out: dict[str, float] = {}
    one, one_cpu = _rate([[t] for t in texts], embedder.embed)
    tokenizer = getattr(embedder, "_tokenizer", None)
    if tokenizer is not None and hasattr(embedder, "_run"):  # MiniLMOnnx: bypass its own batching

        def padded(batch: list[str]) -> None:
            embedder._run([e.ids for e in tokenizer.encode_batch(batch)])

        fixed, fixed_cpu = _rate([texts[b : b + 32] for b in range(0, len(texts), 32)], padded)
        out.update(baseline_batch32_passages_per_s=round(fixed, 1), baseline_batch32_per_cpu_s=round(fixed_cpu, 1))
    out.update(baseline_unbatched_passages_per_s=round(one, 1), baseline_unbatched_per_cpu_s=round(one_cpu, 1))
    return out


def compare_model(embedder, texts: list[str], path: Path) -> dict[str, float]:
    """The shipped model and the ONNX file `path` (same tokenizer, pooling and batching) on
    the same passages, alternating, best of 2 rounds per CPU second; and the lowest cosine."""
    import onnxruntime

    from forumlens.semantic.embedder import MiniLMOnnx

    other = MiniLMOnnx(threads=embedder.threads)
    options = embedder._session.get_session_options()
    other._session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    rates: dict[str, float] = {"shipped": 0.0, "other": 0.0}
    vectors = {}
    for _ in range(2):
        for name, model in (("shipped", embedder), ("other", other)):
            cpu = time.process_time()
            vectors[name] = model.embed(texts)
            rates[name] = max(rates[name], len(texts) / (time.process_time() - cpu))
    cosines = (vectors["shipped"].astype(np.float64) * vectors["other"].astype(np.float64)).sum(axis=1)
    return {
        "compare_shipped_per_cpu_s": round(rates["shipped"], 1),
        "compare_other_per_cpu_s": round(rates["other"], 1),
        "compare_speedup": round(rates["other"] / rates["shipped"], 2),
        "compare_min_cosine": round(float(cosines.min()), 6),
    }


def run(n: int, workers: int = 1, other_model: Path | None = None) -> dict[str, float | int | str]:
    out: dict[str, float | int | str] = {"cpus": os.cpu_count() or 0, "load_average_1m": round(os.getloadavg()[0], 2)}
    t = time.perf_counter()
    embedder = load_embedder()
    out["model"] = embedder.model
    out["model_load_s"] = round(time.perf_counter() - t, 2)
    with tempfile.TemporaryDirectory() as tmp:
        # 1. throughput on the real sessions
        real = open_store(str(Path(tmp) / "real.sqlite3"))
        for path in REAL:
            _ingest_plain(real, path)
        turns = int(real._rows("SELECT count(*) FROM turns WHERE kind = 'speech'")[0][0])
        texts = [p.text for sid in real.session_ids() for p in session_passages(real.load_session(sid).turns)]
        out.update(_baselines(embedder, texts))
        if other_model is not None:
            out.update(compare_model(embedder, texts, other_model))
        cpu = time.process_time()
        report = embed_store(real, embedder=embedder)
        cpu = time.process_time() - cpu
        out.update(
            real_sessions=report.sessions,
            real_turns=turns,
            real_passages=report.passages,
            embed_s=round(report.seconds, 2),
            embed_turns_per_s=round(turns / report.seconds, 1),
            embed_passages_per_s=round(report.rate, 1),
            embed_passages_per_cpu_s=round(report.passages / cpu, 1),
            embed_load_average_1m=round(os.getloadavg()[0], 2),
        )
        if workers > 1:
            from forumlens.semantic.embedder import PooledEmbedder

            with PooledEmbedder(workers) as pooled:
                pooled.embed(texts[:4])  # workers load the model before the clock starts
                report = embed_store(real, embedder=pooled, force=True)
            out.update(workers=workers, embed_workers_passages_per_s=round(report.rate, 1))
        real.close()
        # 2. a larger store, vectors from the real model (each distinct passage embedded once)
        store = open_store(str(Path(tmp) / "synthetic.sqlite3"))
        folder = Path(tmp) / "sessions"
        folder.mkdir()
        ids = []
        for i, text in enumerate(synthetic_sessions(n)):
            path = folder / f"s{i:05d}.txt"
            path.write_text(text, "utf-8")
            ids.append(_ingest_plain(store, path))
        cache: dict[str, np.ndarray] = {}
        passages_total = 0
        t = time.perf_counter()
        for sid in ids:
            passages = session_passages(store.load_session(sid).turns)
            new = sorted({p.text for p in passages} - set(cache))
            for b in range(0, len(new), 32):
                for text, vector in zip(new[b : b + 32], embedder.embed(new[b : b + 32]), strict=True):
                    cache[text] = vector
            save_vectors(
                store,
                sid,
                embedder.model,
                passages,
                np.stack([cache[p.text] for p in passages]) if passages else np.zeros((0, 384)),
            )
            passages_total += len(passages)
        out.update(
            sessions=n, passages=passages_total, distinct_passages=len(cache), fill_s=round(time.perf_counter() - t, 1)
        )
        t = time.perf_counter()
        load_matrix(store, embedder.model, embedder.dim)
        out["matrix_cold_load_ms"] = round((time.perf_counter() - t) * 1000, 1)
        filters = SearchFilters(limit=20)
        for mode in ("lexical", "semantic", "hybrid"):
            p50, p95 = _latency(lambda q, m=mode: semantic_search(store, q, filters, m))
            out[f"{mode}_p50_ms"], out[f"{mode}_p95_ms"] = round(p50, 1), round(p95, 1)
        p50, _ = _latency(lambda q: store.search(parse_query(q), filters))
        out["store_search_p50_ms"] = round(p50, 1)
        p50, _ = _latency(lambda q: embedder.embed([q]))
        out["query_embedding_p50_ms"] = round(p50, 1)
        store.close()
    # 3. raw exact kNN at archive scale
    rng = np.random.default_rng(5)
    for size in (10_000, 100_000):
        matrix = rng.standard_normal((size, 384)).astype(np.float32)
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
        vm = VectorMatrix("random", [("s", i, 0, 1, 0, 0) for i in range(size)], matrix)
        query = matrix[0]
        times = []
        for _ in range(20):
            t = time.perf_counter()
            vm.top(query, 50)
            times.append((time.perf_counter() - t) * 1000)
        out[f"knn_{size}_p50_ms"] = round(statistics.median(times), 2)
        out[f"knn_{size}_matrix_mb"] = round(matrix.nbytes / 1e6, 1)
    out["load_average_1m_end"] = round(os.getloadavg()[0], 2)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--workers", type=int, default=1, help="also embed with this many worker processes")
    parser.add_argument("--compare-model", type=Path, default=None, metavar="FILE", help="another ONNX export to time")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.sessions, args.workers, args.compare_model)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    for key, value in result.items():
        print(f"{key:28} {value}")


if __name__ == "__main__":
    main()

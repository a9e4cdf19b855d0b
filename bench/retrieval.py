"""Retrieval quality of lexical, semantic and hybrid search, in one run (issue 10).

The judgments (`bench/data/retrieval-judgments.json`, written by hand) give for each
query its relevant turns as (transcript file, a line inside the turn, grade 1–3) over
the shared corpus and our own test and example sessions. Query kinds: `paraphrase`
(no content word in common with its grade-3 answers: checked here, and any overlap is
reported), `exact` (a quoted phrase said verbatim) and `keyword`.

Every file is parsed and stored (no analyses: search needs only the turns), embedded
with the packaged model, then each query runs in each mode through
`forumlens.semantic.semantic_search`, the entry point of the CLI, the API and the portal.
A hit counts for the turn that covers its line; a turn counts once (first rank).

Metrics: nDCG@10 (gain 2^grade − 1, ideal from the judged turns) and recall@20 (judged
turns found in the first 20), averaged over queries, overall and per kind; indexing
time (store + full-text index, and embedding) and query latency p50/p95 per mode.

Needs forumlens[semantic]. Usage: python bench/retrieval.py [--json] [--per-query]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FORUMLENS_SHARED", "/work/shared")) / "corpus"
JUDGMENTS = ROOT / "bench" / "data" / "retrieval-judgments.json"
MODES = ("lexical", "semantic", "hybrid")
KINDS = ("paraphrase", "exact", "keyword")


def resolve(name: str) -> Path:
    return SHARED / name.split(":", 1)[1] if name.startswith("shared:") else ROOT / name


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def dcg(gains: list[float]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranked: list[Any], grades: dict[Any, int], k: int = 10) -> float:
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(key, 0) for key in ranked[:k]]) / ideal if ideal else 0.0


def recall_at(ranked: list[Any], grades: dict[Any, int], k: int = 20) -> float:
    return len(set(ranked[:k]) & set(grades)) / len(grades) if grades else 0.0


def content_stems(text: str) -> set[str]:
    """Content-word stems, as the related-items code sees them (stopwords and floor filler out)."""
    from forumlens.semantic.profiles import content_words as _content
    from forumlens.text.stems import stem

    return {stem(w) for w in _content(text)}


def run(per_query: bool = False) -> dict[str, Any]:
    from forumlens.pipeline import parse_document
    from forumlens.read import read_bytes
    from forumlens.search import SearchFilters
    from forumlens.semantic import embed_store, load_embedder, semantic_search
    from forumlens.semantic.hybrid import turn_of_line
    from forumlens.store import open_store

    spec = json.loads(JUDGMENTS.read_text("utf-8"))
    out: dict[str, Any] = {"cpus": os.cpu_count() or 0, "load_average_1m": round(os.getloadavg()[0], 2)}
    t = time.perf_counter()
    embedder = load_embedder()
    out["model"] = embedder.model
    out["model_load_s"] = round(time.perf_counter() - t, 2)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "retrieval.sqlite3"))
        session_of: dict[str, str] = {}
        t = time.perf_counter()
        for name in spec["files"]:
            path = resolve(name)
            document = read_bytes(path.read_bytes(), str(path))
            if store.has_document(document.sha256):
                raise SystemExit(f"{name} duplicates another file of the list; judgments would be ambiguous")
            session_of[name] = store.save_session(document, parse_document(document))
        out["sessions"] = len(session_of)
        out["turns"] = int(store._rows("SELECT count(*) FROM turns WHERE kind = 'speech'")[0][0])
        out["index_lexical_s"] = round(time.perf_counter() - t, 2)
        report = embed_store(store, embedder=embedder)
        out["passages"] = report.passages
        out["index_embed_s"] = round(report.seconds, 2)
        out["embed_passages_per_s"] = round(report.rate, 1)
        out["corpus_sha256"] = hashlib.sha256(b"".join(resolve(n).read_bytes() for n in spec["files"])).hexdigest()[:16]

        queries = spec["queries"]
        text_of_turn: dict[tuple[str, int], str] = {}
        for q in queries:
            q["grades"] = {}
            for name, line, grade in q["relevant"]:
                sid = session_of[name]
                turn = turn_of_line(store, sid, int(line))
                if turn is None:
                    raise SystemExit(f"{q['id']}: {name} line {line} is not inside a turn")
                q["grades"][(sid, turn)] = max(int(grade), q["grades"].get((sid, turn), 0))
                text_of_turn[(sid, turn)] = store._rows(
                    "SELECT text FROM turns WHERE session_id = ? AND idx = ?", (sid, turn)
                )[0][0]
        overlaps = {}
        for q in queries:
            if q["kind"] == "paraphrase":
                query_stems = content_stems(q["query"])
                shared = set()
                for key, grade in q["grades"].items():
                    if grade == 3:
                        shared |= query_stems & content_stems(text_of_turn[key])
                if shared:
                    overlaps[q["id"]] = sorted(shared)
        out["paraphrase_overlaps"] = overlaps
        out["queries"] = {kind: sum(q["kind"] == kind for q in queries) for kind in KINDS}
        out["queries"]["total"] = len(queries)

        scores: dict[str, dict[str, list[tuple[float, float]]]] = {m: {k: [] for k in KINDS} for m in MODES}
        latency: dict[str, list[float]] = {m: [] for m in MODES}
        rows = []
        for q in queries:
            row = {"id": q["id"], "kind": q["kind"], "query": q["query"]}
            for mode in MODES:
                semantic_search(store, q["query"], SearchFilters(limit=20), mode, embedder=embedder)  # warm
                t = time.perf_counter()
                hits = semantic_search(store, q["query"], SearchFilters(limit=20), mode, embedder=embedder)
                latency[mode].append((time.perf_counter() - t) * 1000)
                ranked: list[tuple[str, int]] = []
                for hit in hits:
                    turn = turn_of_line(store, hit.session, hit.line)
                    key = (hit.session, turn if turn is not None else -hit.line)
                    if key not in ranked:
                        ranked.append(key)
                n, r = ndcg_at(ranked, q["grades"]), recall_at(ranked, q["grades"])
                scores[mode][q["kind"]].append((n, r))
                row[mode] = round(n, 3)
            rows.append(row)
        store.close()

    def mean(values: list[float]) -> float:
        return round(statistics.fmean(values), 3) if values else 0.0

    table = {}
    for mode in MODES:
        every = [x for kind in KINDS for x in scores[mode][kind]]
        table[mode] = {
            "ndcg10": mean([n for n, _ in every]),
            "recall20": mean([r for _, r in every]),
            **{f"ndcg10_{k}": mean([n for n, _ in scores[mode][k]]) for k in KINDS},
            **{f"recall20_{k}": mean([r for _, r in scores[mode][k]]) for k in KINDS},
            "p50_ms": round(statistics.median(latency[mode]), 1),
            "p95_ms": round(_pct(latency[mode], 0.95), 1),
        }
    out["modes"] = table
    exact_losses = [r["id"] for r in rows if r["kind"] == "exact" and r["hybrid"] < r["lexical"] - 1e-9]
    out["hybrid_beats_lexical_ndcg10"] = table["hybrid"]["ndcg10"] > table["lexical"]["ndcg10"]
    out["hybrid_exact_losses"] = exact_losses
    if per_query:
        out["per_query"] = rows
    return out


def markdown(r: dict[str, Any]) -> str:
    q = r["queries"]
    lines = [
        "## Retrieval quality — `python bench/retrieval.py`",
        "",
        (
            f"{q['total']} hand-judged queries ({q['paraphrase']} paraphrase, {q['exact']} exact-phrase, "
            f"{q['keyword']} keyword; grades 1–3) over {r['sessions']} sessions ({r['turns']} speech turns, "
            f"{r['passages']} passages): the shared corpus, tests/resources and examples. "
            f"Judgments: `bench/data/retrieval-judgments.json`. Model {r['model']}, {r['cpus']} CPUs, "
            f"load ≈ {r['load_average_1m']}."
        ),
        "",
        "| mode | nDCG@10 | recall@20 | nDCG@10 paraphrase | nDCG@10 exact | nDCG@10 keyword | p50 / p95 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for mode in MODES:
        m = r["modes"][mode]
        lines.append(
            f"| {mode} | {m['ndcg10']:.3f} | {m['recall20']:.3f} | {m['ndcg10_paraphrase']:.3f} | "
            f"{m['ndcg10_exact']:.3f} | {m['ndcg10_keyword']:.3f} | {m['p50_ms']} / {m['p95_ms']} |"
        )
    lines += [
        "",
        (
            f"Indexing: store + full-text index {r['index_lexical_s']} s; embedding {r['index_embed_s']} s "
            f"({r['embed_passages_per_s']} passages/s); model load {r['model_load_s']} s."
        ),
        "",
        "Hybrid beats lexical on nDCG@10: "
        + ("**yes**" if r["hybrid_beats_lexical_ndcg10"] else "**no**")
        + ". Exact-phrase queries where hybrid scores below lexical: "
        + (", ".join(r["hybrid_exact_losses"]) if r["hybrid_exact_losses"] else "none")
        + ".",
    ]
    if r["paraphrase_overlaps"]:
        lines.append(
            "Paraphrase queries sharing a content word with a grade-3 answer (reported, not hidden): "
            + "; ".join(f"{k}: {', '.join(v)}" for k, v in r["paraphrase_overlaps"].items())
            + "."
        )
    else:
        lines.append("No paraphrase query shares a content word (stemmed, stopwords out) with its grade-3 answers.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    parser.add_argument("--per-query", action="store_true", help="include per-query nDCG@10 per mode")
    args = parser.parse_args()
    result = run(per_query=args.per_query)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return
    print(markdown(result))
    if args.per_query:
        print("\n| id | kind | lexical | semantic | hybrid |\n|---|---|---:|---:|---:|")
        for row in result["per_query"]:
            print(f"| {row['id']} | {row['kind']} | {row['lexical']} | {row['semantic']} | {row['hybrid']} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""Per-stage CPU per session for tags, glossary, language detection and resolve, beside the parse.

    python bench/stages.py [--sessions 12] [--rounds 3] [--baseline-src DIR] [--json]

Inputs: the shared transcript and N synthetic sessions built from it exactly as
`bench/ingest.py` builds its corpus. For each session, CPU time (process time, so other
load on the machine counts little) of:

- parse (the same-run baseline: every ratio below is a stage's CPU over the parse's);
- language detection (`detect_language` on the transcript text);
- sentences: the shared sentence split the analysis stages memoise (`SessionMemo`),
  measured apart so that the tag stages below are timed as in the pipeline, where
  `find_intel` has already split the turns;
- tags (all three schemes) and the glossary, on that memo;
- resolve: `resolve_session` on the parsed session (people, coalitions, flags and the
  coalition mentions it finds), as the pipeline's first analysis stage runs it;
- intel: `find_intel` on that cast and memo (segments, questions and their fate, asks,
  outputs, statistics), the pipeline's second stage;
- the whole pipeline of one worker: `prepare_document` + `analyse_session` +
  `thread_items_of` (what `ingest` runs per session before storing).

Each stage's figure is its fastest round (rounds alternate between trees when comparing).

`--baseline-src DIR` runs the same measurement on another source tree, e.g. the last
commit's (`git archive HEAD src | tar -x -C /tmp/base`, then `--baseline-src /tmp/base/src`),
in a separate process per tree and round, alternating, and prints before → after with
ratios. It also checks that both trees give identical outputs: the tags, glossary,
language, resolve and intel output (`Cast.to_json()` and every mention with its span) of every
session, and the whole `analyse_session` JSON, compared as JSON; a difference is printed
and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("parse", "language", "sentences", "tags", "glossary", "resolve", "intel", "pipeline")


def _measure(n: int, rounds: int) -> dict[str, Any]:
    """CPU ms per session of each stage (fastest of `rounds`) and the outputs, in this process."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from ingest import SOURCE, synthetic_sessions  # the corpus bench/ingest.py uses

    from forumlens.analyse import find_intel
    from forumlens.documents.language import detect_language
    from forumlens.models import Document
    from forumlens.pipeline import analyse_session, prepare_document, thread_items_of
    from forumlens.resolve import resolve_session
    from forumlens.tag import SCHEMES, SessionMemo, extract_glossary, tag_session
    from forumlens.transcript.parse import parse_transcript

    texts = [SOURCE.read_text("utf-8"), *synthetic_sessions(n)]
    sessions = [parse_transcript(t) for t in texts]
    documents = [
        Document(f"s{i}.txt", t, "text", "utf-8", hashlib.sha256(t.encode()).hexdigest()) for i, t in enumerate(texts)
    ]

    def split(memo: SessionMemo, session: Any) -> None:
        for turn in session.turns:
            if turn.kind == "speech":
                memo.sentence_spans(turn.text)

    def resolve(session: Any) -> tuple[Any, dict[str, Any]]:
        """The cast, and as the report has it with the mentions it carries (compared, not in `to_json`)."""
        cast = resolve_session(session)
        mentions = [{**m.to_json(), "start": m.start, "end": m.end} for m in cast.mentions]
        return cast, {**cast.to_json(), "mentions": mentions}

    def pipeline(document: Document) -> dict[str, Any]:
        session, _meta = prepare_document(document)
        analyses = analyse_session(session)
        thread_items_of(session, analyses, document.sha256)
        return analyses

    # warm every cache a worker keeps between sessions (taxonomies, models, word stems)
    pipeline(documents[1] if n else documents[0])
    best = dict.fromkeys(STAGES, float("inf"))
    outputs: dict[str, Any] = {}
    for _ in range(rounds):
        spent = dict.fromkeys(STAGES, 0.0)
        for text, session, document in zip(texts, sessions, documents):
            t0 = time.process_time()
            parse_transcript(text)
            t1 = time.process_time()
            language = detect_language(text)
            t2 = time.process_time()
            memo = SessionMemo()
            split(memo, session)
            t3 = time.process_time()
            tags = [t.to_json() for scheme in SCHEMES for t in tag_session(session, scheme, memo=memo)]
            t4 = time.process_time()
            glossary = [g.to_json() for g in extract_glossary(session, memo=memo)]
            t5 = time.process_time()
            found, cast = resolve(session)
            t6 = time.process_time()
            intel = find_intel(session, found, mentions=found.mentions, memo=memo).to_json()
            t7 = time.process_time()
            analyses = pipeline(document)
            t8 = time.process_time()
            times = (t0, t1, t2, t3, t4, t5, t6, t7, t8)
            for stage, a, b in zip(STAGES, times, times[1:]):
                spent[stage] += b - a
            outputs[document.source] = {
                "language": language,
                "tags": tags,
                "glossary": glossary,
                "resolve": cast,
                "intel": intel,
                "analyses": analyses,
            }
        for stage in STAGES:
            best[stage] = min(best[stage], spent[stage])
    return {
        "sessions": len(texts),
        "cpu_ms_per_session": {stage: round(best[stage] * 1000 / len(texts), 2) for stage in STAGES},
        "outputs": outputs,
    }


def _run_tree(src: Path, n: int, rounds: int) -> dict[str, Any]:
    """`_measure` in a fresh process that imports forumlens from `src`."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    args = [sys.executable, __file__, "--worker", "--sessions", str(n), "--rounds", str(rounds)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"bench/stages.py: the run on {src} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def _first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """Where two JSON values first differ ("s3.txt/glossary/4/lines"), or None when equal."""
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}/{key}: missing on one side"
            found = _first_difference(a[key], b[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = _first_difference(x, y, f"{path}/{i}")
            if found:
                return found
        return None if len(a) == len(b) else f"{path}: {len(a)} vs {len(b)} items"
    return None if a == b else f"{path}: {a!r} vs {b!r}"


def _print_one(result: dict[str, Any]) -> None:
    cpu = result["cpu_ms_per_session"]
    print(f"sessions: {result['sessions']} (shared transcript + synthetic); CPU ms per session, fastest round")
    print(f"{'stage':<12} {'ms':>9} {'× parse':>9}")
    for stage in STAGES:
        print(f"{stage:<12} {cpu[stage]:>9.2f} {cpu[stage] / cpu['parse']:>9.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=12, help="synthetic sessions besides the shared transcript")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--baseline-src", type=Path, default=None, help="the src/ directory of the tree to compare with"
    )
    parser.add_argument(
        "--after-src",
        type=Path,
        default=ROOT / "src",
        help="the src/ directory of the tree measured (default: this one)",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_measure(args.sessions, args.rounds)))
        return 0
    if args.baseline_src is None:
        result = _measure(args.sessions, args.rounds)
        result.pop("outputs")
        print(json.dumps(result)) if args.json else _print_one(result)
        return 0
    trees = {"before": args.baseline_src.resolve(), "after": args.after_src.resolve()}
    runs: dict[str, list[dict[str, Any]]] = {"before": [], "after": []}
    for _ in range(args.rounds):  # alternate, so a change in the machine's load hits both
        for name, src in trees.items():
            runs[name].append(_run_tree(src, args.sessions, 1))
    cpu = {
        name: {stage: min(r["cpu_ms_per_session"][stage] for r in found) for stage in STAGES}
        for name, found in runs.items()
    }
    difference = _first_difference(runs["before"][0]["outputs"], runs["after"][0]["outputs"])
    summary = {
        "sessions": runs["after"][0]["sessions"],
        "cpu_ms_per_session": cpu,
        "after_over_before": {s: round(cpu["after"][s] / cpu["before"][s], 3) for s in STAGES},
        "outputs_identical": difference is None,
        "first_difference": difference,
    }
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"sessions: {summary['sessions']}; CPU ms per session, fastest of {args.rounds} alternating rounds")
        print(
            f"{'stage':<12} {'before':>9} {'after':>9} {'after/before':>13} {'before × parse':>15} {'after × parse':>14}"
        )
        for s in STAGES:
            b, a = cpu["before"][s], cpu["after"][s]
            print(
                f"{s:<12} {b:>9.2f} {a:>9.2f} {a / b:>13.3f} "
                f"{b / cpu['before']['parse']:>15.2f} {a / cpu['after']['parse']:>14.2f}"
            )
        print(
            "outputs (language, tags, glossary, resolve, intel, whole analysis):",
            "identical" if difference is None else difference,
        )
    return 0 if difference is None else 1


if __name__ == "__main__":
    sys.exit(main())

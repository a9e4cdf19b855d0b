"""Per-stage CPU of a real ingest: each session analysed once, in a process warmed on other text.

    python bench/firstpass.py [--files PATH ...] [--rounds 3] [--baseline-src DIR] [--again] [--boot] [--json]

Why (issue 19, stop 36): `bench/stages.py`, `bench/ingest.py` and a profiler run over rounds all
time sessions whose sentences the process has already seen (rounds repeat them, `stages.py` times
the stages apart before the whole pipeline, the synthetic sessions repeat the shared transcript's
sentences). Every memo kept by text (summarise's `lru_cache`s, the cue gates' per-text bits, the
stems) then answers from memory, which a real ingest of distinct sessions never gets. Measured on
the shared transcript: ≈ 1,020 ms CPU the first time a process analyses it, ≈ 600 ms the second
(summary 288 → 72, threads 156 → 84); on 40 round-18/20 dev transcripts, 106 → 58 ms a session.

Here each input is a distinct real transcript, analysed once per process (`prepare_document`,
`analyse_session`, `thread_items_of`, as an ingest worker runs them), after a warm-up on files that
are not measured (models, taxonomies and word lists load once per process, as in a worker). The
CPU of each stage is timed where the pipeline calls it (process time, so load from other
processes counts little). Rounds run in separate processes, so no round sees another's texts.

`--baseline-src DIR` measures another source tree (e.g. `git archive BASE src | tar -x -C DIR`,
then `--baseline-src DIR/src`) in alternating processes, prints before → after per stage, and
checks that the whole `analyse_session` JSON and thread items of every file are equal (exit 1
when not). `--again` also times the same files a second time in the same process: what a bench
that repeats its texts reports (the gap is what the text-keyed memos hide).
"""

from __future__ import annotations

import argparse
import functools
import glob
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = (
    "/work/shared/corpus/igf2021-dc-main-session.txt",
    str(ROOT / "tests/resources/*blind20/*.txt"),
    str(ROOT / "bench/threads/blind20/*.txt"),
)
DEFAULT_WARM = str(ROOT / "tests/resources/asks_blind19/*.txt")
# the pipeline's stages: (module, function) as `pipeline.analyse_session` / `thread_items_of` call them
STAGES = {
    "parse": ("forumlens.pipeline", "prepare_document"),
    "resolve": ("forumlens.resolve", "resolve_session"),
    "analyse": ("forumlens.analyse", "find_intel"),
    "tags": ("forumlens.tag", "tag_session"),
    "glossary": ("forumlens.tag", "extract_glossary"),
    "summary": ("forumlens.summarise", "build_report"),
    "keywords": ("forumlens.semantic.profiles", "keyword_counts"),
    "threads": ("forumlens.threads.items", "extract_items"),
}


def expand(patterns: list[str]) -> list[str]:
    """The files the patterns name, in order, each once (a pattern that names none is an error)."""
    found: list[str] = []
    for pattern in patterns:
        names = sorted(glob.glob(pattern))
        if not names:
            raise SystemExit(f"bench/firstpass.py: no file matches {pattern!r}; pass existing paths with --files")
        found += [n for n in names if n not in found]
    return found


def _timed(spent: dict[str, float], stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, adding its CPU time to `spent[stage]` (a stage called inside another counts once)."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[stage] += time.process_time() - start

    return run


def _measure(files: list[str], warm: list[str], again: bool = False, boot: bool = False) -> dict[str, Any]:
    """CPU ms per session of each stage over `files`, each analysed once in this process, and the outputs
    (with `again`, also the figures of a second pass over the same files: "again_ms_per_session"; with
    `boot`, the process first imports `forumlens.workerboot`, as an ingest worker's forkserver does)."""
    import importlib

    from forumlens import pipeline
    from forumlens.models import Document

    def document(path: str) -> Document:
        raw = Path(path).read_bytes()
        return Document(path, raw.decode("utf-8"), "text", "utf-8", hashlib.sha256(raw).hexdigest())

    def ingest(doc: Document) -> dict[str, Any]:
        session, _meta = pipeline.prepare_document(doc)
        analyses = pipeline.analyse_session(session)
        items = pipeline.thread_items_of(session, analyses, doc.sha256)
        return json.loads(json.dumps({"analyses": analyses, "thread_items": items.data}, default=repr))

    if boot:  # as the forkserver warms a worker before forking it (its warm-up, then what it does after)
        importlib.import_module("forumlens.workerboot")
    for path in warm:
        ingest(document(path))
    spent = dict.fromkeys(STAGES, 0.0)
    originals = {stage: getattr(importlib.import_module(module), name) for stage, (module, name) in STAGES.items()}
    for stage, (module, name) in STAGES.items():
        setattr(importlib.import_module(module), name, _timed(spent, stage, originals[stage]))
    try:
        return _passes(files, ingest, document, spent, again)
    finally:  # the stages as they were (a test measures in its own process)
        for stage, (module, name) in STAGES.items():
            setattr(importlib.import_module(module), name, originals[stage])


def _passes(
    files: list[str],
    ingest: Callable[[Any], dict[str, Any]],
    document: Callable[[str], Any],
    spent: dict[str, float],
    again: bool,
) -> dict[str, Any]:
    """The timed pass over `files` (and with `again` a second one), with the outputs of the last."""
    outputs: dict[str, Any] = {}

    def one_pass() -> dict[str, float]:
        for stage in spent:
            spent[stage] = 0.0
        start = time.process_time()
        for path in files:
            outputs[path] = ingest(document(path))
        total = time.process_time() - start
        per = {stage: round(spent[stage] * 1000 / len(files), 2) for stage in STAGES}
        return {**per, "whole": round(total * 1000 / len(files), 2)}

    result: dict[str, Any] = {"sessions": len(files), "cpu_ms_per_session": one_pass()}
    if again:
        result["again_ms_per_session"] = one_pass()
    return {**result, "outputs": outputs}


def _run_tree(src: Path, files: list[str], warm: list[str], again: bool, boot: bool = False) -> dict[str, Any]:
    """`_measure` in a fresh process that imports forumlens from `src`."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    flags = [*(["--again"] if again else []), *(["--boot"] if boot else [])]
    args = [sys.executable, __file__, "--worker", "--files", *files, "--warm", *warm, *flags]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"bench/firstpass.py: the run on {src} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", nargs="+", default=list(DEFAULT_FILES), help="transcripts measured (globs)")
    parser.add_argument("--warm", nargs="+", default=[DEFAULT_WARM], help="files analysed first, not measured")
    parser.add_argument("--warm-count", type=int, default=3, help="how many of the --warm files to analyse")
    parser.add_argument("--rounds", type=int, default=3, help="processes per tree; each stage's fastest counts")
    parser.add_argument("--baseline-src", type=Path, default=None, help="the src/ directory to compare with")
    parser.add_argument("--after-src", type=Path, default=ROOT / "src", help="the src/ directory measured")
    parser.add_argument("--again", action="store_true", help="also time a second pass over the same files")
    parser.add_argument(
        "--boot", action="store_true", help="warm each process as an ingest worker is (import forumlens.workerboot)"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--median",
        action="store_true",
        help="each stage's median over the rounds instead of the fastest, and each round's pair printed",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    files = expand(args.files)
    warm = [w for w in expand(args.warm) if w not in files][: args.warm_count] if not args.worker else args.warm
    if args.worker:
        print(json.dumps(_measure(files, warm, args.again, args.boot)))
        return 0
    trees = {"after": args.after_src.resolve()}
    if args.baseline_src is not None:
        trees = {"before": args.baseline_src.resolve(), **trees}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    for _ in range(args.rounds):  # alternate, so a change in the machine's load hits both trees
        for name, src in trees.items():
            runs[name].append(_run_tree(src, files, warm, args.again, args.boot))
    stages = [*STAGES, "whole"]
    pick = statistics.median if args.median else min
    cpu = {name: {s: pick(r["cpu_ms_per_session"][s] for r in found) for s in stages} for name, found in runs.items()}
    if args.again:  # the same files a second time in the same process, as a column "<tree> again"
        for name, found in list(runs.items()):
            cpu[f"{name} again"] = {s: pick(r["again_ms_per_session"][s] for r in found) for s in stages}
    differ = []
    if "before" in runs:
        before, after = runs["before"][0]["outputs"], runs["after"][0]["outputs"]
        differ = [f for f in files if before.get(f) != after.get(f)]
    if args.json:
        print(json.dumps({"sessions": len(files), "cpu_ms_per_session": cpu, "differ": differ}))
    else:
        if args.median and "before" in runs:  # each round's pair: the spread the median hides
            for k, (b, a) in enumerate(zip(runs["before"], runs["after"], strict=True)):
                pairs = "; ".join(
                    f"{s} {b['cpu_ms_per_session'][s]:.1f} -> {a['cpu_ms_per_session'][s]:.1f}" for s in stages
                )
                print(f"round {k + 1}: {pairs}")
        how = "median" if args.median else "fastest"
        print(f"{len(files)} sessions, each analysed once a process; CPU ms per session, {how} of {args.rounds}")
        print(f"{'stage':<10}" + "".join(f"{name:>14}" for name in cpu) + ("     ratio" if len(trees) == 2 else ""))
        for s in stages:
            row = "".join(f"{cpu[name][s]:>14.2f}" for name in cpu)
            if len(trees) == 2:
                row += f"{cpu['after'][s] / cpu['before'][s]:>10.3f}" if cpu["before"][s] else f"{'-':>10}"
            print(f"{s:<10}{row}")
        if "before" in runs:
            print("outputs: identical" if not differ else f"outputs DIFFER on {len(differ)} files: {differ[:5]}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())

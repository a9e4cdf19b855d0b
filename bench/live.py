"""Live-mode benchmark: how soon a captioned line is searchable, and what an update costs.

1. **Delay** from a turn written to the caption file to that turn being found by
   `store.search` on a separate connection (what the portal and `search` see): p50/p95,
   with the follower running as `forumlens live` does (`Follower.run`, default 1 s poll),
   at 30 turns per minute and at 1 turn per minute. The slow rate is time-compressed by
   `--speedup` (default 10: a turn every 6 s): any pace slower than the poll interval
   leaves the follower idle between turns, so the delay does not depend on it.
2. **CPU per update** (process CPU time of `Follower.step`: read, decode, parse the tail,
   one transaction) around turn 10 and around turn 300 of one session, and their ratio
   (flat cost ≈ 1). The debounced full analysis, which runs at most every
   `--analyse-every` seconds in a thread, is timed at the same two points.

Turns are those of the shared transcript, repeated to reach 300+, each with a unique
token so the search can find it. Usage: python bench/live.py [--db PATH_OR_URL] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from forumlens.live import FileSource, Follower, LiveOptions
from forumlens.pipeline import analyse_session
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.transcript.parse import parse_transcript

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SOURCE = SHARED / "corpus" / "igf2021-dc-main-session.txt"


def turn_lines(count: int) -> tuple[str, list[str]]:
    """(header, `count` caption turns) from the shared transcript, each with a unique token."""
    text = SOURCE.read_text("utf-8")
    session = parse_transcript(text)
    header = text[: text.index(">>")]
    speech = [t for t in session.turns if t.kind == "speech" and t.label]
    turns = []
    for i in range(count):
        t = speech[i % len(speech)]
        turns.append(f">> {t.label}: {t.text} Marker zq{i:05d}x.\n")
    return header, turns


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure_delay(db: str, per_minute: float, turns: int, speedup: float) -> dict[str, float]:
    """Write `turns` turns at `per_minute` (÷ speedup); time each until a search finds it."""
    folder = Path(tempfile.mkdtemp(prefix="live-bench-"))
    caption = folder / "captions.txt"
    header, lines = turn_lines(turns)
    caption.write_text(header, "utf-8")
    store = open_store(db)
    follower = Follower(store, FileSource(caption), LiveOptions(interval=1.0, analyse_every=30.0))
    follower.start()
    stop = threading.Event()
    runner = threading.Thread(target=follower.run, args=(stop,), daemon=True)
    runner.start()
    reader = open_store(db, readonly=True)
    gap = 60.0 / per_minute / speedup
    jitter = random.Random(per_minute)  # writes at random moments of the poll cycle, as captions arrive
    delays = []
    try:
        for i, line in enumerate(lines):
            with caption.open("a", encoding="utf-8") as handle:
                handle.write(line)
            written = time.perf_counter()
            query = parse_query(f"zq{i:05d}x")
            while not any(h.session == follower.session_id for h in reader.search(query, SearchFilters())):
                time.sleep(0.01)
                if time.perf_counter() - written > 30:
                    raise RuntimeError(f"turn {i} never became searchable")
            delays.append(time.perf_counter() - written)
            time.sleep(max(0.0, gap * jitter.uniform(0.5, 1.5) - delays[-1]))
    finally:
        stop.set()
        runner.join(timeout=60)
        reader.close()
        store.close()
    return {
        "turns_per_minute": per_minute,
        "speedup": speedup if per_minute < 30 else 1.0,
        "turns": turns,
        "p50_s": round(statistics.median(delays), 3),
        "p95_s": round(percentile(delays, 0.95), 3),
        "max_s": round(max(delays), 3),
    }


def measure_cpu(db: str, around: tuple[int, ...] = (10, 300), window: int = 5) -> dict[str, object]:
    """CPU seconds of `Follower.step` per new turn, averaged over `window` turns around each point."""
    folder = Path(tempfile.mkdtemp(prefix="live-bench-cpu-"))
    caption = folder / "captions.txt"
    header, lines = turn_lines(max(around) + window + 1)
    caption.write_text(header, "utf-8")
    store = open_store(db)
    follower = Follower(store, FileSource(caption), LiveOptions(interval=1.0, analyse_every=1e9))
    follower.start()
    per_turn: dict[int, float] = {}
    try:
        for i, line in enumerate(lines):
            with caption.open("a", encoding="utf-8") as handle:
                handle.write(line)
            started = time.process_time()
            follower.step()
            per_turn[i + 1] = time.process_time() - started
        update = {n: statistics.mean(per_turn[k] for k in range(n, n + window)) for n in around}
        analysis = {}
        for n in around:  # what one debounced analysis costs at that point of the session
            snapshot = follower._snapshot()
            partial = snapshot.__class__(
                snapshot.title, snapshot.sha256, snapshot.source, snapshot.turns[:n], snapshot.text, snapshot.year
            )
            started = time.process_time()
            analyse_session(partial)
            analysis[n] = time.process_time() - started
    finally:
        follower.close()
        store.close()
    first, last = around[0], around[-1]
    return {
        "update_cpu_ms": {str(n): round(v * 1000, 2) for n, v in update.items()},
        "update_ratio": round(update[last] / update[first], 2),
        "analysis_cpu_s": {str(n): round(v, 3) for n, v in analysis.items()},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="store (default: a temporary SQLite file)")
    parser.add_argument("--turns", type=int, default=30, help="turns per delay run")
    parser.add_argument("--speedup", type=float, default=10.0, help="time compression of the 1 turn/minute run")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    db = args.db or str(Path(tempfile.mkdtemp(prefix="live-bench-db-")) / "bench.sqlite3")
    result: dict[str, Any] = {
        "delay": [
            measure_delay(db, 30, args.turns, 1.0),
            measure_delay(db, 1, max(10, args.turns // 3), args.speedup),
        ],
        "cpu": measure_cpu(db),
    }
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
        return
    for row in result["delay"]:
        print(
            f"delay at {row['turns_per_minute']:>4} turns/min (x{row['speedup']:.0f}): "
            f"p50 {row['p50_s']:.2f} s  p95 {row['p95_s']:.2f} s  max {row['max_s']:.2f} s  ({row['turns']} turns)"
        )
    cpu = result["cpu"]
    print(f"CPU per update: {cpu['update_cpu_ms']} ms; ratio turn 300 / turn 10 = {cpu['update_ratio']}")
    print(f"one debounced analysis: {cpu['analysis_cpu_s']} s CPU")


if __name__ == "__main__":
    main()

"""Start-up time of the command line, against the bare interpreter measured in the same run.

Every command pays start-up, so it is measured as a whole process (median of N runs):
`python -c pass` (the baseline), `forumlens --version`, `forumlens --help`, and a reading
command on an empty store (`sessions --db …`, which imports the store).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _median_seconds(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "empty.sqlite3")
        subprocess.run([python, "-m", "forumlens", "--db", db, "migrate"], check=True, capture_output=True)
        cases = {
            "python -c pass (baseline)": [python, "-c", "pass"],
            "forumlens --version": [python, "-m", "forumlens", "--version"],
            "forumlens --help": [python, "-m", "forumlens", "--help"],
            "forumlens sessions (empty store)": [python, "-m", "forumlens", "--db", db, "sessions"],
        }
        base = None
        print(f"{'command':<36} {'median':>9} {'× baseline':>11}")
        for name, argv in cases.items():
            t = _median_seconds(argv, args.runs)
            base = base or t
            print(f"{name:<36} {t * 1000:>7.0f} ms {t / base:>10.1f}×")


if __name__ == "__main__":
    main()

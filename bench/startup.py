"""Start-up time of the command line, against the bare interpreter measured in the same run.

Every command pays start-up, so it is measured as a whole process (median of N runs):
`python -c pass` (the baseline), `forumlens --version`, `forumlens --help` (next to the old
path, which imported every command module to list their one-line help), a reading command
on an empty store (`sessions --db …`, which imports the store), and with --commands the
`forumlens CMD --help` of every feature command (which imports that command's module).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# `forumlens --help` as it was before the summaries: every feature command imported first
_EAGER_HELP = "import forumlens.cli as c\nfor n in c.FEATURE_COMMANDS: c.cli.get_command(None, n)\nc.main(['--help'])"


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
    parser.add_argument("--commands", action="store_true", help="also `forumlens CMD --help` for every feature command")
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "empty.sqlite3")
        subprocess.run([python, "-m", "forumlens", "--db", db, "migrate"], check=True, capture_output=True)
        cases = {
            "python -c pass (baseline)": [python, "-c", "pass"],
            "forumlens --version": [python, "-m", "forumlens", "--version"],
            "forumlens --help": [python, "-m", "forumlens", "--help"],
            "--help, every command imported (old)": [python, "-c", _EAGER_HELP],
            "forumlens sessions (empty store)": [python, "-m", "forumlens", "--db", db, "sessions"],
        }
        base = None
        print(f"{'command':<36} {'median':>9} {'× baseline':>11}")
        for name, argv in cases.items():
            t = _median_seconds(argv, args.runs)
            base = base or t
            print(f"{name:<36} {t * 1000:>7.0f} ms {t / base:>10.1f}×")
        if args.commands:
            from forumlens.cli import FEATURE_COMMANDS

            for command in sorted(FEATURE_COMMANDS):
                t = _median_seconds([python, "-m", "forumlens", command, "--help"], args.runs)
                name = f"forumlens {command} --help"
                print(f"{name:<36} {t * 1000:>7.0f} ms {t / (base or t):>10.1f}×")


if __name__ == "__main__":
    main()

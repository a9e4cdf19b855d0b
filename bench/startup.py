"""Start-up time of the command line, against the bare interpreter measured in the same run.

Every command pays start-up, so it is measured as a whole process (median of N runs):
`python -c pass` (the baseline), `forumlens --version`, `forumlens --help` (next to the old
path, which imported every command module to list their one-line help), a reading command
on an empty store (`sessions --db …`, which imports the store), and with --commands the
`forumlens CMD --help` of every feature command (which imports that command's module).

`--report FILE --baseline-src DIR` measures a whole `forumlens report FILE` (imports,
analysis and summary; `--format` json, md, html or text), `--ingest FILE` a whole
`forumlens ingest FILE` into a new store, in this tree and in the tree of DIR, alternating, as CPU of the process (user + system, so other load on the machine counts
little) and wall time: fastest and median of `--runs`, and the ratio of the fastest CPU.

`--own-caches` gives each tree its own `FORUMLENS_REGEX_CACHE` directory (and one run each,
not counted, to fill it). Without it both trees share the user's cache, and the values kept
there (`text.keep`) that are keyed by the code deriving them (the mention matcher, the
taxonomies, the glossary vocabulary, the SDG postings) are found under the other tree's key
and rebuilt on every run, which is not what a user who runs one tree sees.

Bytecode: an installed package has its modules compiled (pip writes `.pyc` at install), but a
shell with `PYTHONDONTWRITEBYTECODE=1` (this project's CI and sandboxes) compiles every module
from source in every process, ~0.1–0.2 s that no installed user pays. So each measured tree gets
its own `PYTHONPYCACHEPREFIX` and one unmeasured run fills it; `--compile-every-run` measures the
other way (the variable as the shell has it), and the header says which.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# `forumlens --help` as it was before the summaries: every feature command imported first
_EAGER_HELP = "import forumlens.cli as c\nfor n in c.FEATURE_COMMANDS: c.cli.get_command(None, n)\nc.main(['--help'])"


def _bytecode_env(prefix: str | None) -> dict[str, str]:
    """The environment of a measured process: with `prefix`, compiled modules are kept there
    (as an installed package has them); without, the shell's own setting."""
    if prefix is None:
        return dict(os.environ)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": prefix}


def _median_seconds(argv: list[str], runs: int, prefix: str | None = None) -> float:
    env = _bytecode_env(prefix)
    if prefix is not None:
        subprocess.run(argv, check=True, capture_output=True, env=env)  # fills the bytecode cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _report_process(
    src: str, argv: list[str], cache: str | None = None, prefix: str | None = None
) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one `forumlens` process importing the package from `src`
    (with `cache`: keeping what it derives in that directory; with `prefix`: its bytecode)."""
    env = {**_bytecode_env(prefix), "PYTHONPATH": src, **({"FORUMLENS_REGEX_CACHE": cache} if cache else {})}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def compare_report(
    path: str,
    fmt: str,
    baseline_src: str,
    runs: int,
    *,
    ingest: bool = False,
    own_caches: bool = False,
    compile_every_run: bool = False,
) -> None:
    """`forumlens report FILE` (or, with `ingest`, `forumlens ingest FILE` into a new store
    each run) in the baseline tree and this one, alternating (see the module doc)."""
    trees = {
        "baseline": str(Path(baseline_src).resolve()),
        "this tree": str(Path(__file__).resolve().parents[1] / "src"),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory() as tmp:
        caches = {name: str(Path(tmp) / f"cache-{name.replace(' ', '-')}") if own_caches else None for name in trees}
        prefixes = {
            name: None if compile_every_run else str(Path(tmp) / f"pyc-{name.replace(' ', '-')}") for name in trees
        }
        for i in range(-1 if own_caches or not compile_every_run else 0, runs):
            for name in list(trees)[:: 1 if i % 2 == 0 else -1]:
                if ingest:
                    store = str(Path(tmp) / f"{i}-{name.replace(' ', '-')}.sqlite3")
                    argv = [sys.executable, "-m", "forumlens", "--db", store, "ingest", path]
                else:
                    argv = [sys.executable, "-m", "forumlens", "report", path, f"--{fmt}"]
                took = _report_process(trees[name], argv, caches[name], prefixes[name])
                if i >= 0:  # run -1 only fills each tree's own caches
                    times[name].append(took)
    what = f"ingest {Path(path).name} (a new store each run)" if ingest else f"report {Path(path).name} --{fmt}"
    kept = ", each tree its own cache (filled by one run first)" if own_caches else ""
    print(f"forumlens {what}, {runs} runs per tree, alternating{kept}; {_bytecode_said(compile_every_run)}")
    print(f"{'tree':<10} {'CPU fastest':>12} {'CPU median':>11} {'wall fastest':>13} {'wall median':>12}")
    for name, got in times.items():
        cpu, wall = [c for c, _ in got], [w for _, w in got]
        print(
            f"{name:<10} {min(cpu) * 1000:>9.0f} ms {statistics.median(cpu) * 1000:>8.0f} ms"
            f" {min(wall) * 1000:>10.0f} ms {statistics.median(wall) * 1000:>9.0f} ms"
        )
    ratio = min(c for c, _ in times["this tree"]) / min(c for c, _ in times["baseline"])
    print(f"CPU fastest, this tree / baseline: {ratio:.2f}×; load {os.getloadavg()[0]:.1f}")


def _bytecode_said(compile_every_run: bool) -> str:
    if compile_every_run:
        return (
            f"bytecode as the shell has it (PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})"
        )
    return "bytecode cached per tree, as an installed package has it"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--commands", action="store_true", help="also `forumlens CMD --help` for every feature command")
    parser.add_argument("--report", metavar="FILE", help="instead: `forumlens report FILE` here and in --baseline-src")
    parser.add_argument("--ingest", metavar="FILE", help="instead: `forumlens ingest FILE` here and in --baseline-src")
    parser.add_argument("--format", default="text", choices=("text", "md", "html", "json"), help="with --report")
    parser.add_argument("--baseline-src", metavar="DIR", help="with --report: the src/ directory of the other tree")
    parser.add_argument(
        "--own-caches", action="store_true", help="with --report/--ingest: each tree keeps its derived data apart"
    )
    parser.add_argument(
        "--compile-every-run",
        action="store_true",
        help="keep the shell's PYTHONDONTWRITEBYTECODE (modules compiled from source in every process)",
    )
    args = parser.parse_args()
    if args.report or args.ingest:
        if not args.baseline_src:
            parser.error("--report and --ingest need --baseline-src DIR (the src/ of the tree to compare with)")
        compare_report(
            args.report or args.ingest,
            args.format,
            args.baseline_src,
            args.runs,
            ingest=bool(args.ingest),
            own_caches=args.own_caches,
            compile_every_run=args.compile_every_run,
        )
        return
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        prefix = None if args.compile_every_run else str(Path(tmp) / "pyc")
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
        print(_bytecode_said(args.compile_every_run))
        print(f"{'command':<36} {'median':>9} {'× baseline':>11}")
        for name, argv in cases.items():
            t = _median_seconds(argv, args.runs, prefix)
            base = base or t
            print(f"{name:<36} {t * 1000:>7.0f} ms {t / base:>10.1f}×")
        if args.commands:
            from forumlens.cli import FEATURE_COMMANDS

            for command in sorted(FEATURE_COMMANDS):
                t = _median_seconds([python, "-m", "forumlens", command, "--help"], args.runs, prefix)
                name = f"forumlens {command} --help"
                print(f"{name:<36} {t * 1000:>7.0f} ms {t / (base or t):>10.1f}×")


if __name__ == "__main__":
    main()

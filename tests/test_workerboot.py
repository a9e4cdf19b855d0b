"""forumlens.workerboot: a worker that starts warm analyses exactly as a cold one does.

Each case runs in a fresh Python, since warmth is what a process has already computed:
one prepares the real transcript cold, the other after importing `forumlens.workerboot`
(as the forkserver does), and the two analyses must be equal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import MAIN_SESSION, ROOT

PREPARE = (
    "import json, sys\n"
    "{warm}"
    "from pathlib import Path\n"
    "from forumlens.ingest import IngestOptions, prepare_bytes\n"
    "path = Path(sys.argv[1])\n"
    "done = prepare_bytes(path.read_bytes(), str(path), IngestOptions(), thread_items=True)\n"
    "stages = [m for m in ('forumlens.resolve', 'forumlens.analyse', 'forumlens.summarise', 'forumlens.threads.items')"
    " if m in warmed]\n"
    "print(json.dumps({{'analyses': done.analyses, 'items': done.thread_items.data, 'warmed': stages}},"
    " sort_keys=True, default=repr))\n"
)


def _prepare(warm: bool) -> dict:
    before = "import forumlens.workerboot\nwarmed = set(sys.modules)\n" if warm else "warmed = set(sys.modules)\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FORUMLENS_REGEX_CACHE": "off"}
    argv = [sys.executable, "-c", PREPARE.format(warm=before), str(MAIN_SESSION)]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_the_warm_up_loads_every_stage_and_changes_no_analysis():
    cold, warm = _prepare(warm=False), _prepare(warm=True)
    assert cold["warmed"] == []  # the cold process imported no stage before its session
    assert warm["warmed"] == [
        "forumlens.resolve",
        "forumlens.analyse",
        "forumlens.summarise",
        "forumlens.threads.items",
    ]
    assert warm["analyses"] == cold["analyses"]
    assert warm["items"] == cold["items"]


def test_the_warmed_heap_is_frozen_out_of_the_collectors_sight():
    # a worker's full collections walked the whole warmed heap (modules, patterns, models) again
    # each time; after the warm-up it is frozen, and a cold process has nothing frozen
    probe = "import gc, sys\n{warm}print(gc.get_freeze_count(), len(gc.get_objects()))\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FORUMLENS_REGEX_CACHE": "off"}
    counts = {}
    for warm in (False, True):
        code = probe.format(warm="import forumlens.workerboot\n" if warm else "import forumlens.ingest\n")
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        counts[warm] = tuple(int(n) for n in done.stdout.split())
    assert counts[False][0] == 0
    frozen, tracked = counts[True]
    assert frozen > 10_000  # the stages' warmed state: some forty thousand containers
    assert tracked < frozen / 10  # what is still collected is what came after the freeze

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

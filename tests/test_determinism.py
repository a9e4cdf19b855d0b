"""A session's record does not depend on the process that computed it.

Batch stages run in worker processes (`--workers`, `--engine dask://…`), each with its own
hash seed; anything ordered by a set or a dict of hashed keys would make the records of two
runs differ. The whole `report --json` of real sessions is compared under two seeds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MAIN_SESSION, ROOT

FILES = [MAIN_SESSION, *sorted((ROOT / "examples").glob("*.txt"))]


def _report(path: Path, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "FORUMLENS_CONFIG": "/nonexistent"}
    done = subprocess.run(
        [sys.executable, "-m", "forumlens", "report", str(path), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_report_is_the_same_under_two_hash_seeds(path: Path) -> None:
    first, second = _report(path, "1"), _report(path, "4")
    assert first.strip(), "the report is empty"
    assert first == second

"""bench/summaries.py --wins: per reference, whether the takeaways beat every baseline on
ROUGE-2 and ROUGE-L (issue 23 counts wins per reference, not means), by set folder.

Checked on invented score rows: one reference won on both, one lost on ROUGE-L to a single
baseline, in two folders.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("sumy")  # the `bench` extra
pytest.importorskip("rouge_score")

ROOT = Path(__file__).resolve().parents[1]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_summaries_under_test", ROOT / "bench" / "summaries.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def rows(stem: str, ours: tuple[float, float], lexrank: tuple[float, float]) -> list[tuple]:
    out = [(stem, "takeaways", "forumlens", 0.3, *ours, 150), (stem, "takeaways", "lexrank", 0.3, *lexrank, 150)]
    out += [(stem, "takeaways", "lead-k", 0.2, 0.01, 0.05, 150), (stem, "report", "lexrank", 0.3, 0.9, 0.9, 150)]
    return out


def test_a_reference_is_won_only_against_every_baseline() -> None:
    table = rows("ws-spectrum-fees", (0.12, 0.20), (0.10, 0.18)) + rows("of-rural-ixps", (0.12, 0.17), (0.10, 0.18))
    text = _bench().format_wins(table, {"ws-spectrum-fees": "held_out40", "of-rural-ixps": "held_out41"})
    lines = text.splitlines()
    won = next(line for line in lines if "ws-spectrum-fees" in line)
    lost = next(line for line in lines if "of-rural-ixps" in line)
    assert "W +0.020" in won and won.count("W ") == 2
    assert "W +0.020" in lost and "L -0.010" in lost
    assert "held_out40  wins R-2 1/1, R-L 1/1" in lines
    assert "held_out41  wins R-2 1/1, R-L 0/1" in lines


def test_the_report_task_does_not_count() -> None:
    # the "report" row of lexrank (0.9) would beat ours; only the takeaways task is read
    text = _bench().format_wins(rows("ws-spectrum-fees", (0.12, 0.20), (0.10, 0.18)), {})
    assert "wins R-2 1/1, R-L 1/1" in text

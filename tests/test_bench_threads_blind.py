"""The threads benchmark never shows a blind part's contents: its first run prints counts, not the
missing items, wrong statuses or joined negatives (those would let a reader tune on it).

Checked on a result shaped like the bench's own, for a blind and a development part.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "threads.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_threads_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _result(part: str) -> dict:
    return {
        "part": part,
        "linker": "lexical",
        "items_found": 3,
        "gold_items": 4,
        "baseline_items_found": 1,
        "pairs": {"correct": 1, "predicted": 2, "gold": 3, "extra": 0},
        "precision": 0.5,
        "recall": 0.33,
        "f1": 0.4,
        "status_right": 1,
        "threads": {"gold": 2, "predicted": 2},
        "status_accuracy": 0.5,
        "hard_negatives": 2,
        "hard_negatives_joined": ["a + b (same coalition, other need)"],
        "quotes_not_verbatim": 0,
        "status_wrong": ["q-secret: gold question/open, got question/answered"],
        "category_right": 0,
        "ask_categories": 1,
        "category_wrong": ["ask-cat-secret: gold funding, got policy"],
        "missing_items": ["ask-secret: file.txt:3 We call on the Secretariat"],
    }


@pytest.mark.parametrize(("part", "shown"), [("blind", False), ("dev", True)])
def test_per_item_errors_are_printed_for_development_parts_only(capsys, part, shown):
    _bench()._print(_result(part))
    out = capsys.readouterr().out
    assert "hard negatives   1/2 joined" in out
    assert ("We call on the Secretariat" in out) is shown
    assert ("q-secret" in out) is shown
    assert ("ask-cat-secret" in out) is shown
    assert ("same coalition, other need" in out) is shown


def test_the_json_of_a_blind_part_keeps_counts_only():
    bench = _bench()
    data = json.dumps(bench._without_errors(_result("blind")))
    assert "Secretariat" not in data and "q-secret" not in data
    assert json.loads(data)["missing_items"] == 1

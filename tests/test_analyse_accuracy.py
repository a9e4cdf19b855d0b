"""Accuracy against the hand-annotated sessions in tests/resources/analyse (same as bench/intel.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import forumlens.analyse as analyse
from forumlens.analyse import find_intel
from forumlens.analyse.scoring import score_asks, score_questions
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent / "resources" / "analyse"
SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = sorted(HERE.glob("*.gold.json"))


def _run(gold_file: Path) -> tuple[dict, dict, str]:
    gold = json.loads(gold_file.read_text("utf-8"))
    src = gold["source"]
    path = SHARED / src.removeprefix("shared:") if src.startswith("shared:") else HERE / src
    text = path.read_text("utf-8")
    return gold, find_intel(parse_transcript(text, source=src)).to_json(), text


def test_there_are_several_annotated_sessions() -> None:
    assert len(GOLD) >= 3


@pytest.mark.parametrize("gold_file", GOLD, ids=lambda p: p.name)
def test_per_file_floor(gold_file: Path) -> None:
    """Per-file floors are looser than the pooled targets: one file has few items."""
    gold, intel, text = _run(gold_file)
    q = score_questions(intel["questions"], gold)
    a = score_asks(intel["asks"], gold)
    assert q.detection.recall >= 0.8 and q.status_accuracy >= 0.75, q.errors
    # stop 24: the learned category decides where it is sure (asks.LEARNED_CATEGORY); leave one set
    # out it is right more often than the keywords (362 -> 373 of 518 gold asks), but on the main
    # session, where the keyword lists were written, category precision fell 37/49 -> 35/49
    assert a.category.precision >= 0.7 and a.category.recall >= 0.55, a.errors
    assert all(x["quote"] in text for x in intel["asks"])


def test_pooled_targets() -> None:
    tp = fn = fp = status = matched = atp = afp = afn = 0
    for gold_file in GOLD:
        gold, intel, _ = _run(gold_file)
        q = score_questions(intel["questions"], gold)
        a = score_asks(intel["asks"], gold)
        tp, fp, fn = tp + q.detection.tp, fp + q.detection.fp, fn + q.detection.fn
        status, matched = status + q.status_correct, matched + q.matched
        atp, afp, afn = atp + a.category.tp, afp + a.category.fp, afn + a.category.fn
    assert tp / (tp + fn) >= 0.9 and status / matched >= 0.85
    # stop 23 traded ask precision for recall (leave-one-set-out ask lines P/R .94/.82 -> .90/.92):
    # asks with no category that ask someone to act are kept, one record per unit
    assert atp / (atp + afp) >= 0.75 and atp / (atp + afn) >= 0.8


def test_contract_shape(main_text: str) -> None:
    data = find_intel(parse_transcript(main_text)).to_json()
    assert set(data) == {"segments", "questions", "asks", "outputs", "stats"}
    assert set(data["questions"][0]) >= {"line", "by", "to", "text", "status", "answer_lines"}
    assert set(data["asks"][0]) >= {"category", "by", "line", "quote"}
    assert set(data["segments"][0]) == {"title", "from_line", "to_line"}
    assert {q["status"] for q in data["questions"]} <= {"answered", "answered-later", "unanswered"}
    json.dumps(data)


def test_public_surface() -> None:
    for name in analyse.__all__:
        assert hasattr(analyse, name), name


def test_secondary_category_matches_a_second_annotated_ask_on_its_line() -> None:
    """One sentence, one ask: where an annotator listed two asks on a line, the detection's
    secondary category may stand for the second; it is never a false alarm, and only the
    primary category can be right or wrong."""
    gold = {
        "asks": [
            {"line": 5, "categories": ["funding"]},
            {"line": 5, "categories": ["capacity-building"]},
            {"line": 9, "categories": ["visibility"]},
        ]
    }
    detected = [
        {"line": 5, "category": "funding", "secondary_categories": ["capacity-building"], "quote": "q"},
        {"line": 9, "category": "funding", "secondary_categories": ["visibility"], "quote": "q"},
    ]
    lenient = score_asks(detected, gold)
    assert (lenient.detection.tp, lenient.detection.fp, lenient.detection.fn) == (3, 0, 0)
    assert (lenient.category.tp, lenient.category.fp, lenient.category.fn) == (2, 1, 1)  # line 9: wrong primary
    strict = score_asks(detected, gold, secondary=False)
    assert (strict.detection.tp, strict.category.tp, strict.category.fn) == (2, 1, 2)

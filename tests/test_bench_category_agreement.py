"""The second annotator's category labels: each names a real gold ask, and kappa is computed right."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("category_agreement", ROOT / "bench" / "category_agreement.py")
assert _spec and _spec.loader
agreement = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(agreement)


def test_kappa_of_perfect_and_of_chance_agreement() -> None:
    assert agreement.kappa([("funding", "funding"), ("policy", "policy")]) == (1.0, 1.0)
    # two labels each used half the time by both, agreeing half the time: chance level
    observed, k = agreement.kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")])
    assert observed == 0.5 and k == pytest.approx(0.0)


def test_every_second_label_names_one_annotated_ask_of_its_gold_file() -> None:
    labels = json.loads(agreement.LABELS.read_text(encoding="utf-8"))["labels"]
    taxonomy = {
        "funding", "concise-summaries", "communication-channels", "recognition", "visibility",
        "links-to-institutions", "capacity-building", "participation", "agenda", "cooperation",
        "support", "policy", "other",
    }  # fmt: skip
    for row in labels:
        assert agreement.first_categories(ROOT / row["gold"], row["line"], row["quote"])
        assert row["primary"] in taxonomy and set(row["secondary"]) <= taxonomy
    for gold in {row["gold"] for row in labels}:
        asks = json.loads((ROOT / gold).read_text(encoding="utf-8"))["asks"]
        assert len(asks) == sum(row["gold"] == gold for row in labels), gold


def test_a_label_whose_ask_is_not_in_the_gold_stops_with_the_file_and_line(tmp_path: Path) -> None:
    gold = tmp_path / "x.gold.json"
    gold.write_text(json.dumps({"asks": [{"line": 3, "quote": "fund us", "categories": ["funding"]}]}))
    assert agreement.first_categories(gold, 3, "fund us") == ["funding"]
    with pytest.raises(SystemExit, match=r"x\.gold\.json: no ask at line 4"):
        agreement.first_categories(gold, 4, "fund us")


def test_content_words_leave_out_the_cue_and_the_glue() -> None:
    assert agreement.content_words("Please, we need your help with the solar kiosks") == {"help", "solar", "kiosks"}


def test_alike_asks_are_paired_only_across_rounds() -> None:
    asks = [
        ("r1", "a budget line for the village radio stations", ["funding"]),
        ("r1", "a budget line for the village radio stations next year", ["funding"]),
        ("r2", "more money for the village radio stations", ["funding", "support"]),
        ("r3", "the radio stations should publish their village maps", ["communication-channels"]),
        ("r3", "a keyboard layout in Tigrinya", ["support"]),
    ]
    paired = agreement.neighbour_agreement(asks, 0.3)
    by_first = {(round_, cats[0]): near for round_, cats, near in paired}
    # the r1 asks never take each other as neighbours, only the r2 ask (and r3's, by overlap)
    assert by_first[("r1", "funding")][0] == ["funding", "support"]
    assert ("r3", "support") not in by_first  # nothing alike in another round
    assert all(round_ != "r1" or ["funding"] not in near for round_, _, near in paired)


def test_overlap_of_word_sets() -> None:
    assert agreement.overlap(frozenset({"a", "b"}), frozenset({"b", "c"})) == pytest.approx(1 / 3)
    assert agreement.overlap(frozenset(), frozenset({"b"})) == 0.0

"""`bench/train_replies.py`: the labelled replies file agrees with the hand classes, the features
carry the rules' reading, and the examples of a development round are the replies the rules pair
by position, labelled by the gold (stop 42, Q4)."""

from __future__ import annotations

from pathlib import Path

from .questions_support import bench_module

ROOT = Path(__file__).resolve().parents[1]
train_replies = bench_module("train_replies")


def test_every_not_answer_of_the_labels_has_its_hand_class() -> None:
    hand = train_replies.hand_classes()
    assert set(hand.values()) <= {"defers", "declines", "redirects", "none"}
    rows = [line.split("\t") for line in train_replies.LABELS.read_text("utf-8").splitlines()[1:]]
    nots = [r for r in rows if r[5] == "not"]
    assert nots and all(r[7] == hand[(r[0], r[1][:40], int(r[2]))] for r in nots)
    assert all(r[7] == "answers" for r in rows if r[5] == "answers")


def test_the_features_hold_the_words_and_the_rules_reading() -> None:
    feats = train_replies.reply_features("Sorry, I will not say the name.  It is a long story.", "declines")
    assert "kind:declines" in feats and "w:say" in feats and "b:not_say" in feats and "h:sorry" in feats


def test_the_examples_of_a_round_are_its_replies_paired_by_position() -> None:
    rows = train_replies.examples(ROOT / "tests" / "resources" / "asks_blind26", "blind26")
    nots = {(str(r["file"])[:2], r["line"]): r["kind"] for r in rows if r["label"] == "not"}
    # the 2020 youth-track session: a repair of the line and the last two questions sent to the box
    assert nots[("yt", 109)] == "none" and nots[("yt", 119)] == "defers"
    assert all(r["gold"] == "answered" for r in rows if r["label"] == "answers")

"""`bench/train_questions.py --loso`: leave one development round out, scored with the rules
alone, the shipped model and the refit side by side, and pooled (issue 22, stop 39)."""

from __future__ import annotations

from types import ModuleType

import pytest

from forumlens.analyse.questionmodel import load_question_model

from .questions_support import train_questions_module


@pytest.fixture(scope="module")
def train() -> ModuleType:
    return train_questions_module()


def test_every_development_round_is_a_set_and_the_blind_round_is_not(train: ModuleType) -> None:
    import blind_round

    rounds = {blind_round.label("asks", f) for f in blind_round.earlier("asks")}
    assert rounds <= set(train.SETS) and {"dev", "dev6"} <= set(train.SETS)
    assert f"blind{blind_round.ROUND - 1}" in train.SETS
    assert blind_round.BLIND_LABEL not in train.SETS
    assert blind_round.blind("asks") not in train.SETS.values()


def test_leave_one_round_out_pools_the_rows_and_keeps_the_shipped_model_apart(
    train: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    sets = {k: train.SETS[k] for k in ("blind3", "blind4")}
    sessions = train.load_sessions(sets)
    exs = [e for s in sessions for e in train.examples(s)]
    shipped = load_question_model()
    assert shipped is not None
    # a shipped model that says it was fitted on blind4 only: blind3 is a round it never saw
    seen4 = train.QuestionModel(shipped.softmax, shipped.threshold, {**shipped.notes, "sets": ["blind4"]})
    pools = train.loso(sessions, exs, (0.3,), shipped=seen4, left_out=["blind3"])
    out = capsys.readouterr().out
    rows = [line.split()[0] for line in out.splitlines()[1:] if line and not line.startswith(("pooled", " "))]
    assert rows == ["blind3"]  # only the set asked for is left out; blind4 only trains
    held = [s for s in sessions if s.set == "blind3"]
    every, unseen = pools["pooled, every set left out"], pools["pooled, sets the shipped model never saw"]
    for column, model in (("rules", None), ("shipped", seen4)):
        right, matched, kept, total = train.pipeline_scores(held, model)
        assert (every[column].right, every[column].matched) == (right, matched)
        assert (every[column].kept, every[column].not_answered) == (kept, total)
        assert unseen[column] == every[column]
    assert every["refit"].matched == every["rules"].matched > 0  # the same questions, other fates
    assert every["rules"].not_answered > 0
    # a shipped model fitted on blind3 has no honest row for it: no "never saw" pool
    seen3 = train.QuestionModel(shipped.softmax, shipped.threshold, {**shipped.notes, "sets": ["blind3"]})
    pools = train.loso(sessions, exs, (0.3,), shipped=seen3, left_out=["blind3"])
    assert list(pools) == ["pooled, every set left out"]


def test_flips_list_the_fates_two_models_give_otherwise_and_account_for_the_status_change(train: ModuleType) -> None:
    sessions = train.load_sessions({"blind3": train.SETS["blind3"]})
    shipped = load_question_model()
    assert shipped is not None
    # a threshold no answer reaches: every question the model judges is left open
    doubting = train.QuestionModel(shipped.softmax, 1.01, shipped.notes)
    lines = train.flips(sessions, shipped, doubting)
    assert lines and all(line.split()[-1] in ("unanswered", "answered-later") for line in lines)
    assert all(line.split()[-3] == "answered" for line in lines)  # only the model's "answered" turn
    before, after = train.pipeline_scores(sessions, shipped), train.pipeline_scores(sessions, doubting)
    marks = [line.split()[0] for line in lines]
    assert marks.count("+") - marks.count("-") == after[0] - before[0]
    assert train.flips(sessions, shipped, shipped) == []

"""The shipped models' loader: a missing file is no model, a damaged one a clear error."""

from __future__ import annotations

import sys

import pytest

from forumlens.analyse.askmodel import AskModel, load_ask_model
from forumlens.shipped import load_shipped


@pytest.fixture
def package(tmp_path, monkeypatch):
    pkg = tmp_path / "fl_models_probe"
    (pkg / "data").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "fl_models_probe", raising=False)  # each test its own folder
    return pkg


def test_a_missing_file_is_no_model(package) -> None:
    assert load_shipped("fl_models_probe", "absent.json", dict, what="probe", rebuild="make probe") is None


def test_a_damaged_file_names_itself_and_the_command_that_rebuilds_it(package) -> None:
    (package / "data" / "asks_model.json").write_text('{"threshold": 0.2, "type": 1, "category": 2}')
    with pytest.raises(ValueError, match=r"asks_model\.json: not a valid ask model .*`python bench/train_asks\.py`"):
        load_shipped(
            "fl_models_probe",
            "asks_model.json",
            AskModel.from_json,
            what="ask model",
            rebuild="python bench/train_asks.py",
        )
    (package / "data" / "asks_model.json").write_text("{not json")
    with pytest.raises(ValueError, match="not a valid ask model"):
        load_shipped(
            "fl_models_probe",
            "asks_model.json",
            AskModel.from_json,
            what="ask model",
            rebuild="python bench/train_asks.py",
        )


def test_the_shipped_ask_model_loads() -> None:
    model = load_ask_model()
    assert model is not None and 0 < model.threshold < 1

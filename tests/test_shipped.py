"""The shipped models' loader: a missing file is no model, a damaged one a clear error."""

from __future__ import annotations

import json
import sys
from unittest import mock

import pytest

from forumlens.analyse.askmodel import AskModel, load_ask_model
from forumlens.shipped import load_shipped
from forumlens.text import keep


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


@pytest.fixture
def kept_probe(package):
    """The probe package, with the command line's keeping of derived data turned on."""
    keep.install(package.parent / "kept")
    yield package
    keep.install(None)


def test_a_shipped_model_read_back_is_the_json_it_parsed(kept_probe) -> None:
    data = {"classes": ["a", "b"], "bias": [0.1, -2.5e-7], "w": {"x\u00e9": [1, 2.0, None, True]}, "n": "line\r\nend"}
    (kept_probe / "data" / "m.json").write_bytes(json.dumps(data).replace(", ", ",\r\n").encode("utf-8"))
    first = load_shipped("fl_models_probe", "m.json", dict, what="probe", rebuild="make probe")
    assert first == data
    assert list((kept_probe.parent / "kept").glob("kept-json-fl_models_probe-m.json.marshal"))

    def never(*_args: object, **_kw: object) -> object:
        raise AssertionError("a kept file was parsed again")

    with mock.patch.object(json, "loads", never):
        again = load_shipped("fl_models_probe", "m.json", dict, what="probe", rebuild="make probe")
    assert again == data and list(again) == list(data)
    (kept_probe / "data" / "m.json").write_text('{"classes": ["c"]}')  # a new file is read, not the kept one
    assert load_shipped("fl_models_probe", "m.json", dict, what="probe", rebuild="make probe") == {"classes": ["c"]}
    (kept_probe / "data" / "m.json").write_text("{not json")
    with pytest.raises(ValueError, match=r"m\.json: not a valid probe .*`make probe`"):
        load_shipped("fl_models_probe", "m.json", dict, what="probe", rebuild="make probe")

"""The `forumlens tag --jsonl` contract: {"id","text"} in, {"id","codes","scores"} out."""

from __future__ import annotations

import json

import pytest

from forumlens.errors import ConfigError, InputError
from forumlens.tag.jsonl import tag_jsonl


def test_each_line_gets_codes_and_scores_for_every_goal() -> None:
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": "Malaria, tuberculosis and HIV remain leading causes "
                "of death; vaccines and health workers save lives.",
            }
        ),
        "",
        json.dumps({"id": 7, "text": "The meeting will resume after lunch."}),
    ]
    out = list(tag_jsonl(lines, "sdg"))
    assert [o["id"] for o in out] == ["a", 7]  # blank lines skipped, ids passed through
    assert out[0]["codes"] == ["SDG3"]
    assert out[1]["codes"] == []
    assert set(out[0]) == {"id", "codes", "scores"}
    assert sorted(out[0]["scores"]) == sorted(f"SDG{i}" for i in range(1, 18))
    assert json.loads(json.dumps(out[0])) == out[0]


@pytest.mark.parametrize("scheme, prefix", [("issue-area", "IGF"), ("gdc", "GDC")])
def test_other_schemes(scheme: str, prefix: str) -> None:
    line = json.dumps({"id": 1, "text": "Cybersecurity and online safety of children, data protection and privacy."})
    (out,) = tag_jsonl([line], scheme)
    assert out["codes"] and all(c.startswith(prefix) for c in out["codes"])


def test_bad_json_names_its_line_number() -> None:
    lines = ['{"id": 1, "text": "water"}', '{"id": 2, "text": ', '{"id": 3, "text": "x"}']
    stream = tag_jsonl(lines, "sdg")
    assert next(stream)["id"] == 1
    with pytest.raises(InputError) as err:
        next(stream)
    assert err.value.line == 2 and "not JSON" in str(err.value) and ":2:" in str(err.value)


@pytest.mark.parametrize("line", ['["a list"]', '{"id": 1}', '{"id": 1, "text": 42}'])
def test_records_without_a_text_string_are_rejected(line: str) -> None:
    with pytest.raises(InputError, match='"text"'):
        list(tag_jsonl(["", line], "sdg"))


def test_unknown_scheme_fails_before_reading() -> None:
    def never():
        raise AssertionError("input was read")
        yield ""

    with pytest.raises(ConfigError):
        next(tag_jsonl(never(), "topics"))

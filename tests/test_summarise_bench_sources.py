"""The summary benchmark's sources (bench/summary_sources.py, read by bench/summaries.py): a blind held-out set is in the
list but never read unless asked for, and a missing folder is skipped with a note.

This round's held-out set (`bench/blind_round.py`: `tests/resources/summarise/held_out5` in
round 7) is written by someone else and scored once by the lead: the tuning runs must not even
list it. The earlier held-out sets (`held_out` …) are development data and read by default. Checked with
temporary folders standing in for the real ones (the real held-out folder is never
touched here).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "summary_sources.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_summary_sources_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _pair(folder: Path, stem: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.txt").write_text(">> A:  Hello.\n", "utf-8")
    (folder / f"{stem}.takeaways.md").write_text("## Key takeaways\n1. Hello.\n", "utf-8")


def test_this_rounds_held_out_set_is_listed_but_excluded_by_default() -> None:
    bench = _bench()
    held_out = bench.blind_round.blind("summaries")
    assert held_out.parent == bench.ROOT / "tests" / "resources" / "summarise"
    assert held_out in bench.SOURCES
    assert frozenset({held_out}) == bench.EXCLUDED_BY_DEFAULT


def test_earlier_held_out_sets_are_development_sources() -> None:
    bench = _bench()
    summarise = bench.ROOT / "tests" / "resources" / "summarise"
    earlier = [summarise / "held_out", *(summarise / f"held_out{n}" for n in range(2, bench.blind_round.ROUND - 2))]
    assert earlier == bench.blind_round.earlier("summaries")
    for folder in earlier:
        assert folder in bench.SOURCES
        assert folder not in bench.EXCLUDED_BY_DEFAULT


def test_an_excluded_source_is_not_read_unless_included(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bench = _bench()
    dev, blind = tmp_path / "dev", tmp_path / "blind"
    _pair(dev, "dev-session")
    _pair(blind, "blind-session")
    monkeypatch.setattr(bench, "SOURCES", [dev, blind])
    monkeypatch.setattr(bench, "EXCLUDED_BY_DEFAULT", frozenset({blind}))
    assert [t.stem for t, _r in bench.pairs()] == ["dev-session"]
    assert [t.stem for t, _r in bench.pairs(include=[blind])] == ["dev-session", "blind-session"]


def test_a_missing_source_is_skipped_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = _bench()
    dev, missing = tmp_path / "dev", tmp_path / "not-written-yet"
    _pair(dev, "dev-session")
    monkeypatch.setattr(bench, "SOURCES", [dev, missing])
    monkeypatch.setattr(bench, "EXCLUDED_BY_DEFAULT", frozenset({missing}))
    assert [t.stem for t, _r in bench.pairs()] == ["dev-session"]
    assert capsys.readouterr().err == ""  # excluded: not even looked at
    assert [t.stem for t, _r in bench.pairs(include=[missing])] == ["dev-session"]
    err = capsys.readouterr().err
    assert "skipping" in err and str(missing) in err

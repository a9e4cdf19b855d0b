"""bench/firstpass.py: a real ingest's per-stage CPU, each session analysed once a process."""

from pathlib import Path

import pytest

from .bench_support import load_bench

firstpass = load_bench("firstpass")
RESOURCES = Path(__file__).resolve().parent / "resources"


def test_every_stage_the_pipeline_calls_is_timed_and_the_outputs_are_the_pipelines():
    files = sorted(str(p) for p in RESOURCES.glob("asks_blind4/*.txt"))[:2]
    result = firstpass._measure(files, warm=[], again=True)
    first, again = result["cpu_ms_per_session"], result["again_ms_per_session"]
    assert set(first) == set(again) == {*firstpass.STAGES, "whole"}
    # every stage ran (a stage the wrapper missed would stay at 0), and the stages fit in the whole
    assert all(first[stage] > 0 for stage in ("parse", "resolve", "analyse", "summary", "threads"))
    assert sum(first[stage] for stage in firstpass.STAGES) <= first["whole"] * 1.05
    for path in files:
        analyses = result["outputs"][path]["analyses"]
        assert {"people", "questions", "asks", "takeaways"} <= set(analyses)
        assert isinstance(result["outputs"][path]["thread_items"], dict)


def test_a_pattern_that_names_no_file_is_a_clear_error():
    with pytest.raises(SystemExit, match=r"no file matches .*nothing-here.*--files"):
        firstpass.expand([str(RESOURCES / "nothing-here" / "*.txt")])


def test_measuring_leaves_the_pipelines_stages_as_they_were():
    import forumlens.resolve
    import forumlens.summarise

    before = (forumlens.resolve.resolve_session, forumlens.summarise.build_report)
    firstpass._measure(sorted(str(p) for p in RESOURCES.glob("asks_blind4/*.txt"))[:1], warm=[])
    assert (forumlens.resolve.resolve_session, forumlens.summarise.build_report) == before

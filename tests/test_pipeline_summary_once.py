"""`report FILE` builds the cited summary once (issue 19).

Text, Markdown, HTML and PDF render a summary built from the analyses
(`render_report` → `build_report(session, analyses)`) and show no glossary, so the
pipeline's own summary stage, the glossary and the keyword profile are skipped for them
(`AnalysisOptions(skip=...)`). What the user sees must not change: the command's output is
compared with the rendering of the full analyses, as the command made it before, on the
shared transcript and an example.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.commands.report import NOT_RENDERED
from forumlens.models import Session
from forumlens.pipeline import REPORT_KINDS, SKIPPABLE, AnalysisOptions, analyse_session, prepare_document
from forumlens.read import read_bytes
from forumlens.report import render_report
from forumlens.summarise.sources import describe_analyses

from .conftest import MAIN_SESSION, ROOT

EXAMPLE = ROOT / "examples" / "igf2024-ws-coalition-outputs.txt"


def _session(path: Path) -> Session:
    return prepare_document(read_bytes(path.read_bytes(), str(path)))[0]


def _full(path: Path) -> tuple[Session, dict[str, Any]]:
    session, meta = prepare_document(read_bytes(path.read_bytes(), str(path)))
    analyses = analyse_session(session)
    analyses["document"] = meta.to_json()
    return session, describe_analyses(session, analyses)


def test_skipped_analyses_are_left_out_and_the_others_are_the_same() -> None:
    session = _session(EXAMPLE)
    full = analyse_session(session)
    lean = analyse_session(session, AnalysisOptions(skip=NOT_RENDERED))
    assert full["takeaways"] and full["glossary"] and full["keywords"]  # there is something to leave out
    assert set(full) - set(lean) == set(NOT_RENDERED)
    assert lean == {kind: value for kind, value in full.items() if kind not in NOT_RENDERED}


def test_the_report_command_skips_only_what_the_pipeline_can() -> None:
    assert NOT_RENDERED <= SKIPPABLE and set(REPORT_KINDS) <= NOT_RENDERED


def test_unknown_or_partial_skips_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot skip"):
        AnalysisOptions(skip=frozenset({"people"}))
    with pytest.raises(ValueError, match="built together"):
        AnalysisOptions(skip=frozenset({"takeaways"}))


def test_skipped_stages_are_not_announced() -> None:
    session = _session(EXAMPLE)
    stages: list[str] = []
    analyse_session(session, AnalysisOptions(skip=NOT_RENDERED), on_stage=stages.append)
    assert stages and "summary" not in stages and "glossary" not in stages
    stages.clear()
    analyse_session(session, on_stage=stages.append)
    assert stages[-2:] == ["glossary", "summary"]


@pytest.mark.parametrize("path", [MAIN_SESSION, EXAMPLE], ids=["shared", "example"])
@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_report_of_a_file_renders_as_from_the_full_analyses(path: Path, fmt: str) -> None:
    session, analyses = _full(path)
    result = CliRunner().invoke(cli, ["report", str(path), f"--{fmt}"])
    assert result.exit_code == 0, result.output
    assert result.output == render_report(session, analyses, fmt) + "\n"  # click.echo adds the newline


def test_report_json_of_a_file_keeps_every_analysis() -> None:
    session, analyses = _full(EXAMPLE)
    result = CliRunner().invoke(cli, ["report", str(EXAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    assert result.output == render_report(session, analyses, "json") + "\n"
    assert set(NOT_RENDERED) - {"keywords"} <= set(json.loads(result.output))  # keywords are internal

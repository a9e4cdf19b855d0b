"""`forumlens report` and `forumlens brief`: the contracts, and every printed line cited verbatim."""

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

from .conftest import CORPUS, MAIN_SESSION, ROOT

EXAMPLE = ROOT / "examples" / "igf2024-ws-coalition-outputs.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("report") / "r.sqlite3")
    result = CliRunner().invoke(cli, ["--db", path, "ingest", str(MAIN_SESSION), str(EXAMPLE), str(CORPUS / "formats")])
    assert result.exit_code == 0, result.output
    return path


def test_report_json_of_a_file_follows_the_contract():
    result = CliRunner().invoke(cli, ["report", str(EXAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in (
        "title",
        "sha256",
        "turns",
        "people",
        "coalitions",
        "segments",
        "questions",
        "asks",
        "takeaways",
        "tags",
    ):
        assert key in data, key
    text = EXAMPLE.read_text("utf-8")
    lines = text.split("\n")
    assert 1 <= len(data["takeaways"]) <= 8
    for takeaway in data["takeaways"]:
        for citation in takeaway["citations"]:
            assert citation["quote"] in text
            assert citation["quote"][:40] in lines[citation["line"] - 1]
    for ask in data["asks"]:
        assert ask["quote"] in text and ask["category"]


def test_report_of_a_stored_session_equals_the_report_of_its_file(db):
    stored = json.loads(CliRunner().invoke(cli, ["--db", db, "report", "Workshop #42", "--json"]).output)
    fresh = json.loads(CliRunner().invoke(cli, ["report", str(EXAMPLE), "--json"]).output)
    assert stored["takeaways"] == fresh["takeaways"] and stored["questions"] == fresh["questions"]


@pytest.mark.parametrize("flag, marker", [("--md", "# "), ("--html", "<"), ("--text", "KEY TAKEAWAYS")])
def test_report_formats(db, flag, marker, tmp_path):
    out = tmp_path / "r.out"
    result = CliRunner().invoke(cli, ["--db", db, "report", "Workshop #42", flag, "-o", str(out)])
    assert result.exit_code == 0, result.output
    content = out.read_text("utf-8")
    assert marker in content and "Lucía Fernández-Ruiz" in content


def test_terminal_report_shows_speaking_time_bars_and_questions(db):
    output = CliRunner().invoke(cli, ["--db", db, "report", "Workshop #42"]).output
    assert "SPEAKING TIME" in output and "█" in output and "QUESTIONS" in output


def test_topic_brief_json_contract_and_citations(db):
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--topic", "funding and channels", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["topic"] == "funding and channels" and 1 <= len(data["bullets"]) <= 10
    texts = {p.name: p.read_text("utf-8") for p in (MAIN_SESSION, EXAMPLE, *(CORPUS / "formats").glob("*.txt"))}
    for bullet in data["bullets"]:
        assert bullet["citations"]
        for c in bullet["citations"]:
            assert set(c) >= {"session", "line", "speaker", "quote"}
            assert any(c["quote"] in t for t in texts.values())


def test_coalition_snapshot(db):
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--coalition", "Public Access in Libraries", "--md"])
    assert result.exit_code == 0, result.output
    assert "Public Access in Libraries" in result.output


def test_brief_needs_a_topic_or_a_coalition(db):
    result = CliRunner().invoke(cli, ["--db", db, "brief"])
    assert result.exit_code == 2 and "--topic" in result.output  # a usage mistake, as `brief --help` says

import json

from click.testing import CliRunner

from forumlens.cli import cli

from .conftest import MAIN_SESSION


def test_open_questions_across_the_store(tmp_path):
    db = str(tmp_path / "q.sqlite3")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(MAIN_SESSION)]).exit_code == 0
    data = json.loads(runner.invoke(cli, ["--db", db, "questions", "--open", "--json"]).output)["questions"]
    assert data and all(q["status"] == "unanswered" for q in data)
    assert any("Community Connectivity" in (q.get("to") or "") for q in data)
    lines = MAIN_SESSION.read_text("utf-8").split("\n")
    for q in data:
        assert "?" in q["text"] or q["text"].strip()
        assert q["line"] >= 1 and lines[q["line"] - 1].strip()
    later = json.loads(runner.invoke(cli, ["--db", db, "questions", "--status", "answered-later", "--json"]).output)
    assert any("Gender" in (q.get("to") or "") for q in later["questions"])
    text = runner.invoke(cli, ["--db", db, "questions", "--open", "--to", "community connectivity"]).output
    assert "[unanswered]" in text and "Community Connectivity" in text

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

from .conftest import MAIN_SESSION, RESOURCES

YOUTH = RESOURCES / "resolve" / "virtual-youth-ws-2020.txt"  # a hybrid session with a co-moderator
CYBER = RESOURCES / "summarise" / "of-cyber-capacity-2019.txt"  # closes "out of time"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("questions") / "q.sqlite3")
    result = CliRunner().invoke(cli, ["--db", path, "ingest", str(MAIN_SESSION), str(YOUTH), str(CYBER)])
    assert result.exit_code == 0, result.output
    return path


def _json(db: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["--db", db, "questions", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["questions"]


def test_open_questions_across_the_store(db):
    runner = CliRunner()
    data = _json(db, "--open")
    assert data and all(q["status"] == "unanswered" for q in data)
    assert any("Community Connectivity" in (q.get("to") or "") for q in data)
    lines = MAIN_SESSION.read_text("utf-8").split("\n")
    for q in data:
        assert "?" in q["text"] or q["text"].strip()
        assert q["line"] >= 1
    for q in (q for q in data if q["title"].startswith("IGF 2021")):
        assert lines[q["line"] - 1].strip()
    later = _json(db, "--status", "answered-later")
    assert any("Gender" in (q.get("to") or "") for q in later)
    text = runner.invoke(cli, ["--db", db, "questions", "--open", "--to", "community connectivity"]).output
    assert "[unanswered]" in text and "Community Connectivity" in text


def test_open_questions_leave_out_floor_management(db):
    """Issue 17 item 8: asking the co-moderator for questions, asking to speak and closing
    for time are not open questions."""
    texts = [q["text"] for q in _json(db, "--open")]
    for text in (YOUTH.read_text("utf-8"), CYBER.read_text("utf-8")):
        assert "do we have questions?" in text or "out of time" in text
    assert not any("do we have questions" in t or "can I speak" in t or "out of time" in t for t in texts)
    assert all(len(t.split()) > 2 for t in texts)


def test_asker_is_the_one_the_analysis_decided(db):
    """The remote hub's question read out by the moderator has the hub as its asker, in the
    command as in the stored report."""
    asked = [q for q in _json(db) if q.get("asked_by") and q["asked_by"] != q["by"]]
    assert asked
    report = json.loads(CliRunner().invoke(cli, ["--db", db, "report", asked[0]["session"], "--json"]).output)
    stored = {q["line"]: q["by"] for q in report["questions"]}
    assert all(stored[q["line"]] == q["by"] for q in asked if q["session"] == asked[0]["session"])


@pytest.mark.parametrize(
    "typed, coalition",
    [
        ("DC-CIV", "DC on Core Internet Values"),  # acronym
        ("core internet valus", "DC on Core Internet Values"),  # typo
        ("Dynamic Coalition on Public Access in Libraries", "DC on Public Access in Libraries"),
    ],
)
def test_to_resolves_coalition_names_like_search(db, typed, coalition):
    """Issue 17 item 2: --to is resolved against the coalition registry as `search --coalition` is."""
    found = _json(db, "--to", typed)
    assert found and {q["to"] for q in found} == {coalition}


def test_to_still_names_people(db):
    found = _json(db, "--to", "Jason")
    assert found and {q["to"] for q in found} == {"Jason Munyan"}


def test_to_an_unknown_name_fails_with_the_nearest_coalitions(db):
    result = CliRunner().invoke(cli, ["--db", db, "questions", "--to", "Gendr and Internet"])
    assert result.exit_code == 1
    assert "Gendr and Internet" in result.output and "DC on Gender and Internet Governance" in result.output
    assert "Traceback" not in result.output

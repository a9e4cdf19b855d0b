"""`forumlens export`: tidy tables whose every row cites a real line of a stored session."""

import csv
import json
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.export import TABLES

from .conftest import CORPUS, MAIN_SESSION


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("export") / "x.sqlite3")
    result = CliRunner().invoke(cli, ["--db", path, "ingest", str(MAIN_SESSION), str(CORPUS / "formats")])
    assert result.exit_code == 0, result.output
    return path


def _run(db, *args):
    return CliRunner().invoke(cli, ["--db", db, "export", *map(str, args)])


def _csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _turn_at(db):
    """(session, line) → the text of the turn whose line span holds that line, read straight from the store."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    spans = list(conn.execute("SELECT session_id, line, end_line, text FROM turns"))
    conn.close()

    def find(session: str, line: int) -> str:
        found = [text for sid, lo, hi, text in spans if sid == session and lo <= line <= max(lo, hi)]
        assert len(found) == 1, (session, line)
        return " ".join(found[0].split())

    return find


def test_every_table_has_its_documented_columns_and_real_rows(db, tmp_path):
    result = _run(db, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    tables = {name: _csv(tmp_path / f"{name}.csv") for name in TABLES}
    for name, rows in tables.items():
        with open(tmp_path / f"{name}.csv", encoding="utf-8") as f:
            assert f.readline().strip().split(",") == list(TABLES[name].columns)
        assert rows, f"{name} is empty"
    sessions = tables["sessions"]
    assert len(sessions) == 6 and len({s["session"] for s in sessions}) == 6
    assert len(tables["turns"]) == sum(int(s["turns"]) for s in sessions)
    assert not list(tmp_path.glob(".*.part"))  # no temporary file left behind
    assert all((tmp_path / f"{name}.csv").stat().st_mode & 0o044 for name in TABLES)  # readable by others (umask 022)


def test_each_item_row_cites_a_line_that_holds_its_quote(db, tmp_path):
    assert _run(db, "-o", tmp_path, "--what", "questions", "--what", "asks").exit_code == 0
    turn_at = _turn_at(db)
    questions = _csv(tmp_path / "questions.csv")
    assert questions
    for q in questions:
        assert " ".join(q["text"].split())[-30:] in turn_at(q["session"], int(q["line"]))
    asks = _csv(tmp_path / "asks.csv")
    assert asks and all(" ".join(a["quote"].split()) in turn_at(a["session"], int(a["line"])) for a in asks)


def test_jsonl_has_the_same_rows_with_lists_kept_as_lists(db, tmp_path):
    as_csv, as_jsonl = tmp_path / "c", tmp_path / "j"
    assert _run(db, "-o", as_csv, "--what", "people").exit_code == 0
    assert _run(db, "-o", as_jsonl, "--what", "people", "--format", "jsonl").exit_code == 0
    rows = [json.loads(line) for line in (as_jsonl / "people.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(_csv(as_csv / "people.csv"))
    assert all(isinstance(r["lines"], list) and all(isinstance(n, int) for n in r["lines"]) for r in rows)
    named = [r for r in rows if r["name"] == "Jennifer Chung"]
    assert named and named[0]["role"] and named[0]["lines"]


def test_one_table_to_standard_output_and_a_year_filter(db):
    result = _run(db, "--what", "sessions", "--format", "jsonl", "--since", "2021", "--until", "2021")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and {r["year"] for r in rows} == {2021}


def test_usage_errors_are_one_line_and_nothing_is_created(db, tmp_path):
    several = _run(db, "--what", "asks", "--what", "tags")
    assert several.exit_code != 0 and "-o DIR" in several.output
    missing = CliRunner().invoke(cli, ["--db", str(tmp_path / "typo.sqlite3"), "export", "-o", tmp_path / "out"])
    assert missing.exit_code != 0 and "no store" in missing.output
    assert not (tmp_path / "typo.sqlite3").exists() and not (tmp_path / "out").exists()


def test_the_store_opens_read_only_in_sqlite_utils(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    names = set(sqlite_utils.Database(conn).table_names())
    assert {"sessions", "turns", "people", "appearances", "tags", "analyses"} <= names
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM sessions")
    conn.close()

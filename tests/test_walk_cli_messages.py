"""Messages a new user met on the command line: a missing file, a search narrowed to nothing, the check summary.

Each runs the real CLI on a real store of the examples (what the README's first steps do).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("walk") / "store.sqlite3")
    result = CliRunner().invoke(cli, ["--db", path, "ingest", str(EXAMPLES), "--no-analysis"])
    assert result.exit_code == 0, result.output
    return path


def test_parse_of_a_missing_file_says_file_not_found_and_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nothere.txt"
    result = CliRunner().invoke(cli, ["parse", str(missing)])
    assert result.exit_code != 0
    assert "file not found" in result.output
    assert "nothere.txt" in result.output
    assert "Traceback" not in result.output


def test_an_empty_file_says_there_is_nothing_to_read_not_to_ingest(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["parse", str(empty)])
    assert result.exit_code != 0
    assert "is empty" in result.output
    assert "ingest" not in result.output


def test_a_search_narrowed_to_nothing_names_the_filters_to_drop(db: str) -> None:
    unfiltered = CliRunner().invoke(cli, ["--db", db, "search", "coalition"])
    assert unfiltered.exit_code == 0 and "No matches" not in unfiltered.output
    result = CliRunner().invoke(cli, ["--db", db, "search", "coalition", "--year", "1999"])
    assert result.exit_code == 0
    assert "No matches for 'coalition'." in result.output
    assert "--year 1999" in result.output and "drop it to search everything" in result.output


def test_a_search_with_no_filters_and_no_matches_adds_no_filter_note(db: str) -> None:
    result = CliRunner().invoke(cli, ["--db", db, "search", "zzzqqqxxy"])
    assert "No matches" in result.output
    assert "to search everything" not in result.output


def test_check_counts_sources_not_documents(db: str) -> None:
    result = CliRunner().invoke(cli, ["--db", db, "check"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert "sources" in first and "documents" not in first


def test_no_open_question_says_what_is_on_record_instead(db: str) -> None:
    from forumlens.commands.questions import why_no_questions

    result = CliRunner().invoke(cli, ["--db", db, "questions", "--open"])
    assert result.exit_code == 0, result.output
    assert "No questions on record yet" in result.output  # stored without analysis: nothing tracked
    told = why_no_questions([{"status": "answered"}, {"status": "answered"}, {"status": "answered-later"}])
    assert told == "No questions match. On record: 3 questions (2 answered, 1 answered-later)."

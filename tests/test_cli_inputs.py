"""Inputs a careful user typed wrong, refused at the door (issues 17/18 follow-ups).

An empty --db must not mean "the default store"; a year outside the record (1990–2100)
and a score threshold outside 0..1 (NaN included) are usage errors: exit 2, one line that
says what is accepted, and nothing read or written.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.errors import ConfigError
from forumlens.store import check_location, open_store

from .conftest import ROOT


def _run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)


def _error_line(output: str) -> str:
    """The one line of a usage error that says what is wrong."""
    lines = [line for line in output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, output
    return lines[0]


# -- an empty store location -----------------------------------------------------------------------


@pytest.mark.parametrize("location", ["", "   ", "\t"])
def test_open_store_refuses_an_empty_location(location, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=r"store location \(--db\) is empty"):
        open_store(location)
    with pytest.raises(ConfigError, match="leave --db out"):
        check_location(location)
    assert list(tmp_path.iterdir()) == []  # nothing created where we stand


def _default_store_env(tmp_path) -> dict[str, str]:
    """An environment whose default store is a file under tmp_path (XDG data dir), no config file."""
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "FORUMLENS_CONFIG": "/nonexistent",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "FORUMLENS_DB": "",
    }


def test_migrate_with_an_empty_db_is_refused_and_the_default_store_untouched(tmp_path):
    env = _default_store_env(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "forumlens", "migrate", "--db", ""], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "error: the store location (--db) is empty (give a SQLite file path or a postgresql:// URL,"
        " or leave --db out to use the default store)"
    ]
    assert not (tmp_path / "data").exists()  # the default store was not created


@pytest.mark.parametrize("where", ["group", "command"])
def test_an_empty_db_is_refused_by_every_command(tmp_path, where):
    env = _default_store_env(tmp_path)
    args = ["--db", "", "sessions"] if where == "group" else ["sessions", "--db", ""]
    proc = subprocess.run(
        [sys.executable, "-m", "forumlens", *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 1 and "store location (--db) is empty" in proc.stderr, proc.stderr
    assert not (tmp_path / "data").exists()


# -- years outside the record ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("1900", "--year 1900 is not a year of the record (give a year from 1990 to 2100)"),
        ("2101", "--year 2101 is not a year of the record"),
        ("21", "--year '21' is not a date"),
        ("twenty", "--year 'twenty' is not a date"),
        ("2024-13", "has no month 13"),
    ],
)
def test_record_refuses_a_year_outside_the_record(value, said, tmp_path):
    result = _run("--db", str(tmp_path / "s.sqlite3"), "record", "--year", value)
    assert result.exit_code == 2, result.output
    assert said in _error_line(result.output)
    assert not (tmp_path / "s.sqlite3").exists()  # refused before the store is opened


def test_record_takes_a_year_of_the_record(tmp_path):
    db = str(tmp_path / "s.sqlite3")
    open_store(db).close()
    result = _run("--db", db, "record", "--year", "2024", "--json")
    assert result.exit_code == 0, result.output
    assert '"year": 2024' in result.output


# -- a score threshold -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("-0.1", "--threshold -0.1 is out of range: give a score from 0 to 1"),
        ("1.5", "--threshold 1.5 is out of range"),
        ("inf", "--threshold inf is out of range"),
        ("nan", "--threshold 'nan' is not a number"),
        ("NaN", "--threshold 'NaN' is not a number"),
        ("high", "--threshold 'high' is not a number"),
    ],
)
def test_tag_refuses_a_threshold_outside_0_to_1(value, said):
    result = _run("tag", "--text", "clean water and sanitation for every village", "--threshold", value)
    assert result.exit_code == 2, result.output
    assert said in _error_line(result.output)


def test_tag_threshold_bounds_are_accepted_and_change_the_answer():
    text = "clean water and sanitation for every village"
    loose = _run("tag", "--text", text, "--threshold", "0")
    strict = _run("tag", "--text", text, "--threshold", "1")
    assert loose.exit_code == strict.exit_code == 0
    assert "SDG6" in loose.output  # 0 assigns every code with any evidence
    assert "SDG6" not in strict.output  # its score is below 1: at 1 only a perfect score would pass


def test_tag_jsonl_refuses_a_bad_threshold_before_reading_stdin():
    result = CliRunner().invoke(cli, ["tag", "--jsonl", "--threshold", "nan"], input='{"id": 1, "text": "water"}\n')
    assert result.exit_code == 2 and '"codes"' not in result.output


# -- --since after --until -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["brief", "--topic", "funding"], ["threads"], ["export", "--what", "asks"]],
    ids=["brief", "threads", "export"],
)
def test_since_after_until_is_one_usage_error_in_every_command(command, tmp_path):
    """The README's rule: a usage mistake exits 2. Every command with --since/--until says the same line,
    naming the two options as typed, before any store is opened (export used to exit 1)."""
    db = tmp_path / "s.sqlite3"
    result = _run("--db", str(db), *command, "--since", "2025", "--until", "2024")
    assert result.exit_code == 2, result.output
    assert _error_line(result.output) == "Error: --since 2025 is after --until 2024: swap them, or widen the range"
    assert not db.exists()  # refused before the store is opened


def test_since_equal_to_until_is_one_year(tmp_path):
    db = tmp_path / "s.sqlite3"
    open_store(str(db)).close()
    result = _run("--db", str(db), "export", "--what", "asks", "--since", "2024", "--until", "2024")
    assert result.exit_code == 0, result.output

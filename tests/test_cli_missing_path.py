"""`ingest` of a path that does not exist says what to do (new user's walk, round 17).

`forumlens ingest exmaples/` answered "exmaples: file not found (it may have been moved or
deleted)": a cause that fits a file gone mid-run, and no fix for the typo it almost always is.
The outcome line stays as it was (scripts read it); a hint under it names the nearest file or
folder of that name, or says the folder holds nothing like it. Nothing is stored or created.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.cli_support import missing_path_hint


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "igf2024-ws-coalition-outputs.txt").write_text(
        "IGF 2024 Workshop\n\n>> JO LI: We need funding for libraries.\n", "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_hint_names_the_nearest_file_or_folder(folder):
    assert missing_path_hint("exmaples/") == "did you mean examples/?"
    assert missing_path_hint("examples/igf2024-ws-coalition-output.txt") == (
        "did you mean examples/igf2024-ws-coalition-outputs.txt?"
    )
    assert missing_path_hint("zzzzzz.txt") == "nothing of that name in this folder: check the path"
    assert missing_path_hint("nowhere/x.txt") == "no folder nowhere either: check the path"


def test_an_ingest_of_a_misspelt_folder_hints_the_right_one_and_creates_nothing(folder):
    db = folder / "store.sqlite3"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "exmaples/"])
    assert result.exit_code == 1
    assert "failed  exmaples: file not found" in result.stdout
    assert "hint: exmaples/: did you mean examples/?" in result.stderr
    assert not db.exists()


def test_an_existing_file_gets_no_hint(folder):
    db = folder / "store.sqlite3"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "examples/"])
    assert result.exit_code == 0, result.output
    assert "hint:" not in result.stderr

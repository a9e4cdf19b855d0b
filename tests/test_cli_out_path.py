"""`-o FILE` of `report` and `brief` is checked before any work (`cli_support.out_file`): a
folder that does not exist, or a file where the folder should be, fails at once naming the path
and the fix, instead of after the whole analysis."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli


@pytest.mark.parametrize("command", [["report", "{target}"], ["brief", "--topic", "broadband"]])
def test_a_missing_output_folder_fails_before_the_work(tmp_path: Path, command: list[str]) -> None:
    # the target does not exist either: the output path is checked first, so its error is the one shown
    target = str(tmp_path / "no-such-transcript.txt")
    out = tmp_path / "missing" / "dir" / "x.md"
    args = [a.format(target=target) for a in command]
    result = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "db.sqlite3"), "-o", str(out)])
    assert result.exit_code == 1
    assert f"the folder {out.parent} does not exist" in result.stderr
    assert "mkdir -p" in result.stderr
    assert not (tmp_path / "db.sqlite3").exists()


def test_a_file_in_place_of_the_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(blocker), "-o", str(blocker / "x.md")])
    assert result.exit_code == 1
    assert f"{blocker} is a file, not a folder" in result.stderr


def test_an_existing_folder_is_written(tmp_path: Path) -> None:
    transcript = tmp_path / "s.txt"
    transcript.write_text(
        ">> LERATO MOKOENA: Welcome. Community networks need spectrum they can afford this year.\n"
        ">> TOMAS BERG: Regulators should waive licence fees for small community networks.\n",
        encoding="utf-8",
    )
    out = tmp_path / "x.md"
    result = CliRunner().invoke(cli, ["report", str(transcript), "--md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").strip()


def test_a_docx_named_otherwise_is_written_with_a_note_naming_the_right_suffix(tmp_path: Path) -> None:
    """`--docx -o report.txt` writes a Word file that a double-click then opens as garbage: the
    file is still written (the user asked for it), and stderr says how to name it."""
    pytest.importorskip("docx")
    examples = Path(__file__).resolve().parents[1] / "examples" / "igf2024-ws-coalition-outputs.txt"
    wrong = tmp_path / "report.txt"
    result = CliRunner().invoke(cli, ["report", str(examples), "--template", "igf", "--docx", "-o", str(wrong)])
    assert result.exit_code == 0, result.output
    assert f"note: {wrong}: --docx writes a Word file; name it report.docx for it to open as one" in result.stderr
    assert wrong.read_bytes()[:2] == b"PK"  # a Word file is a zip archive
    right = tmp_path / "Report.DOCX"
    again = CliRunner().invoke(cli, ["report", str(examples), "--template", "igf", "--docx", "-o", str(right)])
    assert again.exit_code == 0 and "note:" not in again.stderr


def _store(tmp_path: Path) -> str:
    db = str(tmp_path / "o.sqlite3")
    transcript = tmp_path / "s.txt"
    transcript.write_text(
        ">> LERATO MOKOENA: Welcome. Community networks need spectrum they can afford this year.\n", encoding="utf-8"
    )
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(transcript)]).exit_code == 0
    return db


@pytest.mark.parametrize("command", [["export", "-o"], ["publish"]])
def test_a_folder_written_into_must_be_in_an_existing_folder(tmp_path: Path, command: list[str]) -> None:
    # `export -o DIR` and `publish DIR` made every missing folder on the way (`mkdir -p`), so a
    # typo in the path left a tree of folders; DIR itself may be new, its folder must exist
    db = _store(tmp_path)
    out = tmp_path / "exprot" / "2025" / "tables"
    result = CliRunner().invoke(cli, ["--db", db, *command, str(out)])
    assert result.exit_code == 1, result.output
    assert f"{out.parent} does not exist" in result.stderr and "mkdir -p" in result.stderr
    assert not (tmp_path / "exprot").exists()


def test_export_into_a_new_folder_of_an_existing_one_is_written(tmp_path: Path) -> None:
    db = _store(tmp_path)
    result = CliRunner().invoke(cli, ["--db", db, "export", "-o", str(tmp_path / "tables")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "tables" / "sessions.csv").is_file()


@pytest.mark.parametrize("name", ["asks.csv", "asks.jsonl"])
def test_export_o_with_a_table_file_name_is_a_usage_error(tmp_path: Path, name: str) -> None:
    # `export --what asks -o asks.csv` made a folder asks.csv/ holding asks.csv
    db = _store(tmp_path)
    result = CliRunner().invoke(cli, ["--db", db, "export", "--what", "asks", "-o", str(tmp_path / name)])
    assert result.exit_code == 2
    assert "-o names a folder" in result.stderr and "--what asks >" in result.stderr
    assert not (tmp_path / name).exists()

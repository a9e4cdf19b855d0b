"""A folder's own notes (README.md, CHANGELOG.txt) are a type forumlens reads, so a folder ingest
stores them like any document; the CLI says so before it stores them (no command takes a session
out of the store again), and names the way to leave them out. Named on their own they are tried
without a note: the user asked for them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.ingest import folder_notes

SPEECH = ">> LERATO MOKOENA: Welcome. Community networks need spectrum they can afford.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "talks"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "s.txt").write_text(SPEECH, encoding="utf-8")
    (folder / "README.md").write_text("# Talks\n\nThe transcripts I gathered.\n", encoding="utf-8")
    (folder / "2024" / "changelog.txt").write_text("Added the 2024 session.\n", encoding="utf-8")
    return folder


def test_folder_notes_are_told_by_their_name_in_any_case() -> None:
    files = [Path("t/README.md"), Path("t/a/changelog.txt"), Path("t/readme-2024.md"), Path("t/licence.txt")]
    assert folder_notes(files) == [Path("t/README.md"), Path("t/a/changelog.txt"), Path("t/licence.txt")]
    assert folder_notes([Path("t/igf2024-readme-session.txt"), Path("t/notes.md")]) == []


def test_a_folder_ingest_names_its_notes_before_storing_them(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    db = tmp_path / "x.sqlite3"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--no-analysis", str(folder)])
    assert result.exit_code == 0, result.output
    note = next(line for line in result.stderr.splitlines() if "folder's own notes" in line)
    assert "README.md" in note and "2024/changelog.txt" in note and "s.txt" not in note
    assert "name the files to ingest instead of the folder" in note
    assert "3 ingested" in result.stdout  # still stored: a supported type, as before


def test_a_named_readme_and_a_folder_without_notes_get_no_note(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    db = tmp_path / "x.sqlite3"
    named = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--no-analysis", str(folder / "README.md")])
    assert named.exit_code == 0 and "own notes" not in named.stderr
    plain = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--no-analysis", str(folder / "2024")])
    assert plain.exit_code == 0 and "own notes" in plain.stderr  # changelog.txt in the subfolder
    (folder / "2024" / "changelog.txt").unlink()
    again = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--no-analysis", str(folder / "2024")])
    assert again.exit_code == 0 and "own notes" not in again.stderr

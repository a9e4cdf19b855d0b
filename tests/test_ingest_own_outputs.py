"""Forumlens's own outputs in a folder (`generated`): a `report --html` page, a
`report --template igf --docx` file and a `report --md -o` file written beside the transcripts
are skipped by `ingest FOLDER` with a note saying why, never stored as sessions of their own; named on the command line they are
tried, since the user asked. The transcript is written for this file (invented names)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.generated import MD_MARK, marked_docx, marked_html

TRANSCRIPT = """IGF 2024 Workshop: Rural broadband clinics

>> LERATO MOKOENA: Welcome to the clinic on rural broadband. We are here to ask how
community networks can pay for their towers and their spectrum licences.

>> TOMAS BERG: Thank you. Spectrum fees are the barrier for small operators. Regulators
should waive licence fees for community networks below a set number of subscribers.

>> LERATO MOKOENA: How would a regulator check the number of subscribers each year?

>> TOMAS BERG: Operators already report their subscribers every quarter, so the regulator
could use those reports and publish the list of networks that qualify for the waiver.
"""


def _ingest(runner: CliRunner, db: Path, *paths: Path) -> tuple[list[dict[str, str]], str]:
    result = runner.invoke(cli, ["ingest", *map(str, paths), "--db", str(db), "--json", "--no-analysis"])
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)["outcomes"], result.stderr


def _report(runner: CliRunner, tmp_path: Path, name: str, *flags: str) -> tuple[Path, Path]:
    """A folder holding a transcript and the report forumlens wrote of it (`name`)."""
    folder = tmp_path / "work"
    folder.mkdir()
    transcript = folder / "clinic.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    written = folder / name
    done = runner.invoke(cli, ["report", str(transcript), *flags, "-o", str(written)])
    assert done.exit_code == 0, done.output
    return folder, written


def test_a_folder_walk_skips_reports_forumlens_wrote_and_says_why(tmp_path: Path) -> None:
    runner = CliRunner()
    folder, page = _report(runner, tmp_path, "clinic-report.html", "--html")
    assert marked_html(page.read_bytes())

    outcomes, notes = _ingest(runner, tmp_path / "db.sqlite3", folder)
    assert [(Path(o["path"]).name, o["status"]) for o in outcomes] == [("clinic.txt", "ingested")]
    assert "1 file skipped, written by forumlens (clinic-report.html)" in notes

    # named, the page is tried like any file the user names
    outcomes, _ = _ingest(runner, tmp_path / "db.sqlite3", page)
    assert [o["status"] for o in outcomes] == ["ingested"]


def test_the_word_template_is_marked_and_skipped(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    runner = CliRunner()
    folder, word = _report(runner, tmp_path, "clinic-igf.docx", "--template", "igf", "--docx")
    assert marked_docx(word)
    outcomes, notes = _ingest(runner, tmp_path / "db.sqlite3", folder)
    assert [Path(o["path"]).name for o in outcomes] == ["clinic.txt"]
    assert "clinic-igf.docx" in notes


def test_a_page_that_only_mentions_forumlens_is_not_ours() -> None:
    ours = b'<!doctype html><html><head><meta charset="utf-8"><meta name="generator" content="forumlens"><title>x'
    theirs = b'<html><head><meta name="generator" content="WordPress 6.4"><title>forumlens notes</title>'
    assert marked_html(ours)
    assert not marked_html(theirs)
    assert not marked_docx(b"not a zip at all")


def test_a_markdown_report_written_with_o_is_marked_and_skipped(tmp_path: Path) -> None:
    runner = CliRunner()
    folder, notes_md = _report(runner, tmp_path, "clinic-report.md", "--md")
    assert notes_md.read_text(encoding="utf-8").rstrip().endswith(MD_MARK)
    outcomes, notes = _ingest(runner, tmp_path / "db.sqlite3", folder)
    assert [Path(o["path"]).name for o in outcomes] == ["clinic.txt"]
    assert "clinic-report.md" in notes
    # on standard output the report is the user's text: no mark
    shown = runner.invoke(cli, ["report", str(folder / "clinic.txt"), "--md"])
    assert MD_MARK not in shown.stdout

"""A new user's walk, round 21: what a mistyped subscription and an empty folder say.

Each case is a thing a new user types; the test states what they should read.
"""

from __future__ import annotations

from click.testing import CliRunner

from forumlens.cli import cli


def add(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, "subscribers", "add", "Water desk", "--email", "w@example.org", *args])


def test_a_mistyped_tag_interest_is_said_at_once_with_the_nearest_code(tmp_path):
    result = add(str(tmp_path / "s.sqlite3"), "--tag", "SGD6")
    assert result.exit_code == 0, result.output  # kept, as a coalition not on record is
    assert "warning: --tag 'SGD6': no SDG, IGF issue-area or GDC code is called that (nearest: SDG6" in result.output


def test_tag_codes_of_every_scheme_in_any_case_or_spacing_are_not_warned_about(tmp_path):
    result = add(str(tmp_path / "s.sqlite3"), "--tag", "sdg 6", "--tag", "gdc1", "--tag", "IGF2023-DIVIDES")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output


def test_an_empty_folder_names_what_ingest_looks_for_in_plain_words(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.sqlite3"), "ingest", str(folder)])
    assert result.exit_code == 1
    assert "no transcripts or documents in this folder" in result.output
    assert ".pdf, .docx" in result.output and "files with no suffix" in result.output
    assert "column files" not in result.output  # "a caption-export .csv with a text column files" read wrong
    assert not (tmp_path / "s.sqlite3").exists()

"""A new user's walk through the README and the command line (issue 19's walk, task W).

The README's first-steps block is run as written, line by line, on a store of the two
examples and the shared main session; then the mistakes a new user makes get one-line
errors that name what was typed and what to do, with a non-zero exit and no store left behind.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

from .conftest import MAIN_SESSION, ROOT

README = ROOT / "README.md"
EXAMPLES = ROOT / "examples"
# long-running or needing a placeholder path: shown in the README, not runnable as written
NOT_RUN_AS_WRITTEN = ("forumlens serve", "path/to/")


def _invoke(db: str, args: list[str], stdin: str | None = None):
    return CliRunner().invoke(cli, ["--db", db, *args], input=stdin, catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    """The store a new user has after `forumlens ingest` of the examples and the shared main session."""
    db = str(tmp_path_factory.mktemp("walk-cli") / "walk.sqlite3")
    result = _invoke(db, ["ingest", str(EXAMPLES), str(MAIN_SESSION)])
    assert result.exit_code == 0, result.output
    assert "3 ingested" in result.output
    return db


def readme_first_steps() -> list[str]:
    """The `forumlens …` lines of the README's "Install and first steps" block, comments removed."""
    text = README.read_text("utf-8")
    section = text.split("## Install and first steps", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    lines = []
    for raw in block.splitlines():
        command = re.sub(r"\s+#.*$", "", raw).strip()
        if "forumlens " in command and not any(skip in command for skip in NOT_RUN_AS_WRITTEN):
            lines.append(command)
    return lines


def test_the_readme_block_has_the_commands_a_new_user_runs():
    commands = readme_first_steps()
    for name in ("sessions", "report", "brief", "search", "questions", "people", "coalitions", "tag", "check"):
        assert any(re.search(rf"\bforumlens {name}\b", c) for c in commands), name


@pytest.mark.parametrize("line", readme_first_steps())
def test_each_readme_first_step_works_as_written(store, line, tmp_path, monkeypatch):
    """Every command of the README's first steps exits 0 and prints something (or writes its -o file)."""
    monkeypatch.chdir(tmp_path)  # `-o report.md` lands here, not in the repository
    stdin = None
    if "|" in line:  # `echo '{...}' | forumlens tag …`: the echo's words are the input
        feed, line = (part.strip() for part in line.split("|", 1))
        stdin = " ".join(shlex.split(feed)[1:]) + "\n"
    args = shlex.split(line)
    assert args[0] == "forumlens"
    # a path the README names from the checkout (`ingest examples/`) is read from there: the test runs elsewhere
    given = [str(ROOT / a) if not Path(a).is_absolute() and "/" in a and (ROOT / a).exists() else a for a in args]
    result = _invoke(store, given[1:], stdin)
    assert result.exit_code == 0, f"{line!r} exited {result.exit_code}: {result.output}"
    if "-o" in args:
        written = tmp_path / args[args.index("-o") + 1]
        assert written.is_file() and written.stat().st_size > 500, line
    else:
        assert result.output.strip(), line


def test_the_readme_report_example_cites_lines_and_lists_sources(store, tmp_path, monkeypatch):
    """`report d209c5 --md -o report.md`: the README promises numbered Sources naming title and year."""
    monkeypatch.chdir(tmp_path)
    assert _invoke(store, ["report", "d209c5", "--md", "-o", "report.md"]).exit_code == 0
    text = Path("report.md").read_text("utf-8")
    assert "## Sources" in text
    assert "Digital cooperation in practice" in text and "(2021)" in text
    # each source: who, the line, and the words cited from it
    assert re.search(r"^1\. .+, line \d+: “.+”$", text, re.M)


def test_report_of_a_mistyped_file_says_file_not_found_and_creates_no_store(tmp_path):
    db = tmp_path / "never.sqlite3"
    result = _invoke(str(db), ["report", "transcripts/igf2021-main.txt"])
    assert result.exit_code == 1
    assert "transcripts/igf2021-main.txt: file not found" in result.output
    assert "no session matches" not in result.output and "no store" not in result.output
    assert not db.exists()


def test_report_of_a_folder_says_it_is_a_folder(store):
    result = _invoke(store, ["report", str(EXAMPLES)])
    assert result.exit_code == 1
    assert f"{EXAMPLES}: is a folder, not a file" in result.output


def test_report_by_part_of_a_title_is_not_taken_for_a_file(store):
    result = _invoke(store, ["report", "Coalition Outputs"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("IGF 2024")


def test_report_by_an_unknown_id_still_points_to_the_session_list(store):
    result = _invoke(store, ["report", "ffff00"])
    assert result.exit_code == 1
    assert "no session matches 'ffff00'" in result.output and "forumlens sessions" in result.output


def test_questions_say_line_for_one_answer_line(store):
    result = _invoke(store, ["questions"])
    assert result.exit_code == 0
    answered = re.findall(r"answered at (lines?) ([\d, ]+)$", result.output, re.M)
    assert answered, result.output
    for word, lines in answered:
        assert word == ("line" if "," not in lines else "lines"), (word, lines)


@pytest.mark.parametrize(
    "args",
    [
        ["sessions"],
        ["report", "d209"],
        ["search", "funding"],
        ["threads"],
        ["people"],
        ["questions"],
        ["brief", "--topic", "access"],
    ],
)
def test_reading_commands_refuse_a_missing_store_and_leave_nothing_behind(tmp_path, args):
    db = tmp_path / "typo.sqlite3"
    result = _invoke(str(db), args)
    assert result.exit_code == 1
    assert f"{db}: no store at this path" in result.output
    assert not db.exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "is empty"), (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8, "is an executable")],
)
def test_bad_files_name_the_file_and_the_reason(tmp_path, store, content, reason):
    bad = tmp_path / "caption.txt"
    bad.write_bytes(content)
    for args in (["ingest", str(bad)], ["report", str(bad)], ["parse", str(bad)]):
        result = _invoke(store, args)
        assert result.exit_code == 1, (args, result.output)
        assert f"{bad}: {reason}" in result.output, (args, result.output)


def test_a_typo_in_a_command_or_option_suggests_the_right_one(store):
    command = _invoke(store, ["sesions"])
    assert command.exit_code == 2 and "No such command 'sesions'" in command.output
    assert "Did you mean" in command.output and "'sessions'" in command.output
    option = _invoke(store, ["report", "d209", "--mdd"])
    assert option.exit_code == 2 and "'--md'" in option.output

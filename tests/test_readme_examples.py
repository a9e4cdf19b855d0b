"""The README's first steps run as written on the demo store (the two sessions of examples/).

They once named sessions and people of the shared corpus (`people crepin`, `--speaker marsden`,
`report d209c5`), so a new user who followed them on the demo found nothing. Each `forumlens`
line of the "Install and first steps" block is run here against a store of examples/ and must
exit 0 and find something; `serve` (it does not return) is the one left out.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

from .conftest import ROOT

# how a command says it found nothing ("No people on record matching", "No matches for",
# "Nothing in the record matches", "none of the 12 threads … matches", "no stored line speaks of")
_FOUND_NOTHING = re.compile(
    r"\b(no|nothing|none)\b[^.\n]{0,60}\b(match\w*|found|on record|stored line|in the record)\b|\b0 talking points",
    re.IGNORECASE,
)


def first_steps(readme: str) -> list[tuple[list[str], str | None]]:
    """The `forumlens` commands of the first-steps block as argument lists, each with the text
    piped into it (`echo '…' | forumlens tag …`), comments dropped."""
    section = readme.split("## Install and first steps", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = []
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        piped = None
        if "|" in words:
            at = words.index("|")
            piped = " ".join(words[1:at]) + "\n" if words[0] == "echo" else None
            words = words[at + 1 :]
        if words[:1] == ["forumlens"]:
            commands.append((words[1:], piped))
    return commands


COMMANDS = first_steps((ROOT / "README.md").read_text("utf-8"))


def test_the_first_steps_block_is_read():
    names = [args[0] for args, _ in COMMANDS]
    assert names[0] == "ingest" and {"report", "search", "people", "glossary", "tag", "serve"} <= set(names)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """A folder like the checkout (examples/ beside it) holding the store the README's commands use."""
    here = tmp_path_factory.mktemp("readme")
    (here / "examples").symlink_to(ROOT / "examples")
    return here


@pytest.mark.parametrize(
    ("args", "piped"), [c for c in COMMANDS if c[0][0] != "serve"], ids=lambda c: " ".join(c) if c else ""
)
def test_each_first_step_runs_as_written_and_finds_something(demo, monkeypatch, args, piped):
    monkeypatch.chdir(demo)
    db = str(demo / "demo.sqlite3")
    if args[0] != "ingest":
        assert CliRunner().invoke(cli, ["--db", db, "ingest", "examples/"]).exit_code == 0
    result = CliRunner().invoke(cli, ["--db", db, *args], input=piped)
    assert result.exit_code == 0, result.output
    said = result.output + (result.stderr if result.stderr_bytes is not None else "")
    written = demo / "report.md" if "-o" in args else None
    assert said.strip() or (written is not None and written.stat().st_size > 0)
    assert not _FOUND_NOTHING.search(said), said

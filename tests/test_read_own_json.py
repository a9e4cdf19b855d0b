"""JSON forumlens wrote itself (`read/ownjson.py`) is refused as input, named, instead of being
read as a transcript of itself; other tools' JSON with similar keys is still read. Invented
names and words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.errors import UnsupportedFormat
from forumlens.read.ownjson import forumlens_output
from forumlens.read.registry import read_bytes

TRANSCRIPT = """IGF 2023 Open Forum: Solar power for village schools

>> AMARA OKONKWO: Welcome. We ask how village schools can keep their solar panels working
after the first grant ends, and who pays for new batteries.

>> JONAS LINDQVIST: Thank you. Batteries are the cost that comes back every five years, so
the ministry should budget for them from the start of every school project.

>> AMARA OKONKWO: Who checks that the batteries are replaced on time?
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("own")
    transcript = folder / "forum.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    runner = CliRunner()
    written = {}
    for command in ("report", "parse"):
        done = runner.invoke(cli, [command, str(transcript), "--json"])
        assert done.exit_code == 0, done.output
        path = folder / f"{command}.json"
        path.write_text(done.stdout, encoding="utf-8")
        written[command] = path
    return written


def test_a_report_and_a_parse_json_are_refused_and_named(outputs: dict[str, Path]) -> None:
    for command, path in outputs.items():
        with pytest.raises(UnsupportedFormat) as raised:
            read_bytes(path.read_bytes(), str(path))
        message = raised.value.render()
        assert str(path) in message
        assert f"`forumlens {command} --json`" in message
        assert "transcript it was made from" in message


def test_ingest_fails_the_report_and_keeps_the_transcript(outputs: dict[str, Path], tmp_path: Path) -> None:
    transcript = outputs["report"].parent / "forum.txt"
    db = tmp_path / "db.sqlite3"
    done = CliRunner().invoke(
        cli, ["ingest", str(outputs["report"]), str(transcript), "--db", str(db), "--json", "--no-analysis"]
    )
    outcomes = json.loads(done.stdout)["outcomes"]
    assert [(Path(o["path"]).name, o["status"]) for o in outcomes] == [
        ("report.json", "failed"),
        ("forum.txt", "ingested"),
    ]


def test_other_tools_json_with_turns_or_text_is_still_read() -> None:
    recogniser = {
        "status": "completed",
        "utterances": [{"speaker": "A", "text": "Welcome to the forum.", "start": 0, "end": 900}] * 3,
    }
    meeting = {"turns": [{"speaker": "Jo Li", "text": "Good morning, everyone.", "start": "00:01"}] * 3}
    for tree in (recogniser, meeting):
        text = json.dumps(tree, indent=1)
        assert forumlens_output(text) is None
        assert read_bytes(text.encode(), "x.json").text == text
    assert forumlens_output('{"turns": [], "people": []}') is None  # no turn to tell the shape by
    assert forumlens_output('{"turns": [1, 2') is None  # not JSON: read as text elsewhere

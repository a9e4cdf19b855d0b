"""A new user's first hour at the command line (stop 40, helper N9), over a session we wrote:

- a typo of a command that is imported on demand (`thread`, `reprot`, `peopel`) got no suggestion,
  only "No such command": click suggested among the commands imported so far;
- `forumlens asks`, `tags`, `speakers`, `summary`: the parts of the record a user looks for first
  have no command of their name, and the error did not say which commands show them;
- a voice captioned `>> AUDIENCE:` was "AUDIENCE" in a report's Sources, "someone" in its
  Questions and in `forumlens questions`, "a participant from the floor" in the threads;
- a transcript under the IGF's caption header ("… from 18 to 21 December 2017") was dated the
  meeting's last day, 21 December, whatever day the session was held;
- `show` of a WebVTT file printed the timing line and voice tag of a second cue of the same voice
  inside the turn's words ("… States. 00:00:06.500 --> 00:00:12.000 <v Ana Ruiz>Today …").

Every check runs the real CLI over a store ingested and analysed by the real pipeline.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

SESSION = """IGF 2017 - Day 2 - Room XXIV - Dynamic Coalition on Community Connectivity: Mountain Villages

The following are the outputs of the real-time captioning taken during the Twelfth Annual Meeting of the Internet Governance Forum (IGF) in Geneva, Switzerland, from 18 to 21 December 2017. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription errors.

>> KARIN HOLMQVIST: Good afternoon. I am Karin Holmqvist and I coordinate the Dynamic Coalition on Community Connectivity. This year the coalition published a report on community networks in mountain villages.

>> TEODOR BALAN: Thank you, Karin. I am Teodor Balan from the Carpathian Network Cooperative. Our volunteers built twelve village networks. We need training for the volunteers who repair the radios, because nobody in the villages can do it today. And we ask the coalition to build a channel to the ministries that write the broadband plans.

>> KARIN HOLMQVIST: Thank you, Teodor. The coalition will send the report to every ministry in the region before March.

>> AUDIENCE: Who pays for the electricity of the relay masts in winter?

>> KARIN HOLMQVIST: We are out of time, so I have to close the session here. Thank you all.
"""
FLOOR = "a participant from the floor"
CALL = """WEBVTT

00:00:01.000 --> 00:00:06.000
<v Ana Ruiz>Welcome to the monthly call of the coalition on rural libraries.

00:00:06.500 --> 00:00:12.000
<v Ana Ruiz>Today we plan our workshop. Bruno, you had a proposal.

00:00:12.500 --> 00:00:20.000
<v Bruno Costa>Yes. I propose that we invite the national library association to speak.
"""


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("first-hour-files")
    (folder / "mountain-villages.txt").write_text(SESSION, encoding="utf-8")
    (folder / "rural-libraries-call.vtt").write_text(CALL, encoding="utf-8")
    path = str(tmp_path_factory.mktemp("first-hour-cli") / "store.sqlite3")
    code, out = _run("--db", path, "ingest", str(folder))
    assert code == 0, out
    return path


@pytest.mark.parametrize(("typed", "meant"), [("thread", "threads"), ("reprot", "report"), ("peopel", "people")])
def test_a_typo_of_a_command_imported_on_demand_is_suggested(db, typed, meant):
    code, out = _run("--db", db, typed)
    assert code == 2 and f"No such command '{typed}'" in out, out
    assert f"Did you mean '{meant}'?" in out, out


def test_a_typo_suggests_only_the_close_commands(db):
    code, out = _run("--db", db, "sesions")
    assert code == 2 and "Did you mean 'sessions'?" in out and "questions" not in out, out
    code, out = _run("--db", db, "zzz")
    assert code == 2 and "No such command 'zzz'." in out and "Did you mean" not in out, out


@pytest.mark.parametrize(
    ("typed", "shown_by"),
    [
        ("asks", [["threads", "--kind", "ask"], ["threads", "--kind", "commitment"], ["export", "--what", "asks"]]),
        ("commitments", [["threads", "--kind", "commitment"]]),
        ("tags", [["export", "--what", "tags"], ["search", "villages", "--tag", "SDG9"]]),
        ("speakers", [["people"]]),
        ("summary", [["brief", "--topic", "community networks"]]),
    ],
)
def test_a_part_of_the_record_typed_as_a_command_names_the_commands_that_show_it(db, typed, shown_by):
    code, out = _run("--db", db, typed)
    assert code == 2 and f"No such command '{typed}'" in out, out
    said = " ".join(out.split())
    for args in shown_by:
        named = " ".join(a for a in args if not a[0].isupper() and a not in ("villages", "community networks"))
        stem = f"forumlens {args[0]}"
        assert stem in said, (stem, said)
        assert all(part in said for part in named.split()), (named, said)
        code, shown = _run("--db", db, *args)  # what the message names runs
        assert code == 0, (args, shown)


def test_a_voice_captioned_audience_is_named_alike_in_the_report_questions_and_threads(db):
    for fmt in ("--text", "--md", "--html"):
        code, out = _run("--db", db, "report", "Mountain Villages", fmt)
        assert code == 0, out
        said = " ".join(re.sub(r"<[^>]+>", " ", out).split())
        assert "AUDIENCE" not in said and "someone" not in said, (fmt, said)
        assert f"{FLOOR.capitalize()}, line 11" in said, (fmt, said)  # its Sources entry
        assert f"{FLOOR} → " in said, (fmt, said)  # its Questions entry
    code, out = _run("--db", db, "questions", "--open")
    assert code == 0 and f"{FLOOR} → room" in out and "someone" not in out, out
    code, out = _run("--db", db, "threads", "--kind", "question")
    assert code == 0 and FLOOR in out, out


def test_a_session_under_the_meetings_days_is_not_dated_the_last_of_them(db):
    code, out = _run("--db", db, "report", "Mountain Villages")
    assert code == 0, out
    head = out.splitlines()[2]
    assert head.startswith("Session report · 2017 · December 2017 ·"), head
    assert "21 December" not in out, out
    code, out = _run("--db", db, "report", "Mountain Villages", "--template", "igf")
    assert code == 0, out
    date = out.split("DATE", 1)[1].strip().splitlines()[0].strip()
    assert date == "December 2017", date


def test_show_prints_a_cue_files_turn_without_the_cue_furniture(db):
    for full in ([], ["--full"]):
        code, out = _run("--db", db, "show", "rural-libraries-call", *full)
        assert code == 0, out
        turns = out.split("Turns:", 1)[1]
        assert "-->" not in turns and "<v " not in turns, turns
        assert "rural libraries. Today we plan" in turns, turns  # the two cues of one voice, one turn

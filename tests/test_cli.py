"""The command line as a user meets it: help, the contracts, one-line errors, exit codes."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

from .conftest import CORPUS, MAIN_SESSION, ROOT


def _runner(db: str):
    def invoke(*args):
        result = CliRunner().invoke(cli, ["--db", db, *map(str, args)], catch_exceptions=False)
        return result

    invoke.db = db
    return invoke


@pytest.fixture
def run(tmp_path):
    return _runner(str(tmp_path / "cli.sqlite3"))


@pytest.fixture
def ingested(main_session_db):
    """`run` on a store that holds the shared session, as `run("ingest", MAIN_SESSION)` leaves it
    (ingested once per run, exit code and counts asserted there: tests/conftest.py)."""
    return _runner(str(main_session_db))


def test_help_lists_the_commands(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "parse", "sessions", "show", "search", "check"):
        assert command in result.output


def test_parse_json_is_the_design_contract(run, main_gold_turns):
    result = run("parse", MAIN_SESSION, "--json")
    data = json.loads(result.output)
    assert set(data) == {"title", "sha256", "turns"}
    assert [t["line"] for t in data["turns"]] == [t["line"] for t in main_gold_turns]


def test_ingest_sessions_show_search_round_trip(run):
    result = run("ingest", CORPUS / "formats", MAIN_SESSION)
    assert result.exit_code == 0, result.output
    assert "6 ingested, 0 skipped, 0 failed" in result.output
    listing = run("sessions", "--json")
    ids = {s["title"]: s["id"] for s in json.loads(listing.output)["sessions"]}
    main_id = next(i for t, i in ids.items() if t.startswith("IGF 2021"))
    shown = run("show", main_id[:6])
    assert "Jennifer Chung" in shown.output and "70 turns" in shown.output
    hits = json.loads(run("search", "glossary", "--json").output)["hits"]
    assert hits and set(hits[0]) >= {"session", "line", "speaker", "snippet", "score"}
    filtered = json.loads(run("search", "interoperability", "--speaker", "marsden", "--year", "2021", "--json").output)[
        "hits"
    ]
    assert filtered and {h["speaker"] for h in filtered} == {"Chris Marsden"}


def test_a_failed_file_gives_exit_1_and_a_one_line_reason(run, tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    result = run("ingest", bad, MAIN_SESSION)
    assert result.exit_code == 1
    assert "1 ingested, 0 skipped, 1 failed" in result.output
    assert f"{bad}: is a PNG image" in result.output


def test_unknown_session_is_one_line_error(ingested):
    run = ingested
    result = run("show", "zzzz")
    assert result.exit_code == 1
    assert "no session matches 'zzzz'" in result.output and "forumlens sessions" in result.output


def test_python_m_forumlens_and_errors_without_traceback(tmp_path):
    env = {**os.environ, "FORUMLENS_DB": str(tmp_path / "m.sqlite3")}
    proc = subprocess.run(
        [sys.executable, "-m", "forumlens", "show", "nothing-here"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_not_a_database_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("hello" * 100)
    result = CliRunner().invoke(cli, ["--db", str(junk), "sessions"])
    assert result.exit_code == 1
    assert "is not a SQLite database" in result.output


def test_search_with_hostile_input_exits_cleanly(ingested):
    run = ingested
    for text in ['"', "NEAR(", "a" * 10_000, "😀", "-", "OR"]:
        result = run("search", text)
        assert result.exit_code == 0, (text, result.output)


READING_COMMANDS = [
    ["sessions"],
    ["show", "x"],
    ["report", "x"],
    ["search", "funding"],
    ["questions", "--open"],
    ["people"],
    ["coalitions"],
    ["glossary"],
    ["check"],
    ["brief", "--topic", "funding"],
    ["record"],
    ["analyse", "--all"],
]


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: c[0])
def test_a_reading_command_never_creates_a_store_from_a_typo(tmp_path, command):
    db = tmp_path / "missing" / "typo.sqlite3"
    result = CliRunner().invoke(cli, ["--db", str(db), *command])
    assert result.exit_code == 1, result.output
    assert "no store at this path" in result.output and "forumlens ingest" in result.output
    assert not db.exists() and not db.parent.exists()


def test_a_reading_command_refuses_an_empty_postgresql_database(pg_url):
    result = CliRunner().invoke(cli, ["--db", pg_url, "sessions"])
    assert result.exit_code == 1 and "holds no forumlens store" in result.output
    created = CliRunner().invoke(cli, ["--db", pg_url, "migrate"])
    assert created.exit_code == 0, created.output
    assert CliRunner().invoke(cli, ["--db", pg_url, "sessions"]).exit_code == 0


def test_search_by_a_coalition_acronym_and_an_unknown_coalition(ingested):
    run = ingested
    found = run("search", "libraries", "--coalition", "dc-pal", "--json")
    assert found.exit_code == 0 and json.loads(found.output)["hits"]
    unknown = CliRunner().invoke(cli, ["--db", str(run.db), "search", "libraries", "--coalition", "DC on Unicorns"])
    assert unknown.exit_code == 1 and "no Dynamic Coalition is called 'DC on Unicorns'" in unknown.output


@pytest.mark.parametrize("since", ["21", "last year", "", "2021-13-01", "2019-02-30"])
def test_brief_date_filters_that_are_not_dates_are_usage_errors(ingested, since):
    run = ingested
    result = CliRunner().invoke(cli, ["--db", str(run.db), "brief", "--topic", "funding", "--since", since])
    assert result.exit_code == 2 and "--since" in result.output and "internal error" not in result.output


def test_brief_for_an_unknown_coalition_suggests_the_nearest(ingested):
    run = ingested
    result = CliRunner().invoke(cli, ["--db", str(run.db), "brief", "--coalition", "DC on Public Acess in Libaries"])
    assert result.exit_code == 0 and "Public Access in Libraries" in result.output
    unknown = CliRunner().invoke(cli, ["--db", str(run.db), "brief", "--coalition", "DC on Unicorns"])
    assert unknown.exit_code == 1 and "no Dynamic Coalition is called" in unknown.output


# -- forumlens tag FILE / --text (issue 17, item 4) ----------------------------------------------------
def test_tag_a_short_file_prints_codes_with_evidence_lines(run, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Notes from the village meeting\n\nThe well is dry again. Clean water is the first need.\n")
    result = run("tag", notes)
    assert result.exit_code == 0, result.output
    first, evidence = result.output.splitlines()[:2]
    assert first.startswith("SDG6") and "(lines 3)" in first
    assert evidence.strip() == "L3  Clean water is the first need."


def test_tag_a_file_without_evidence_says_so(run, tmp_path):
    notes = tmp_path / "minutes.txt"
    notes.write_text("The meeting started late. We will take questions after the break.\n")
    result = run("tag", notes, "--scheme", "gdc")
    assert result.exit_code == 0
    assert result.output.strip() == f"no Global Digital Compact evidence found in {notes}"


def test_tag_the_shared_session_still_cites_lines(run):
    result = run("tag", MAIN_SESSION, "--scheme", "issue-area")
    assert result.exit_code == 0
    assert "IGF2021-COOPERATION" in result.output and "    L" in result.output


def test_tag_refuses_binary_and_missing_files_with_a_reason(run, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    refused = CliRunner().invoke(cli, ["tag", str(binary)])
    assert refused.exit_code == 1 and str(binary) in refused.output and "Traceback" not in refused.output
    missing = CliRunner().invoke(cli, ["tag", "clean water"])
    assert missing.exit_code == 1 and 'forumlens tag --text "clean water"' in missing.output


def test_tag_text_and_the_readme_jsonl_example(run):
    result = run("tag", "--text", "food security")
    assert result.exit_code == 0 and result.output.startswith("SDG2")
    assert run("tag", "--text", "the meeting started late").output.strip() == "no SDG evidence found in the text"
    lines = CliRunner().invoke(cli, ["tag", "--scheme", "sdg", "--jsonl"], input='{"id": 1, "text": "clean water"}\n')
    assert json.loads(lines.output)["codes"] == ["SDG6"]
    both = CliRunner().invoke(cli, ["tag", "--text", "x", "--jsonl"])
    assert both.exit_code != 0 and "--text and --jsonl" in both.output


def test_a_session_reference_is_an_id_prefix_a_hash_prefix_or_a_title_never_an_id_plus_noise(ingested):
    run = ingested
    sid = json.loads(run("sessions", "--json").output)["sessions"][0]["id"]
    assert run("show", sid.upper()[:6]).exit_code == 0  # ids are hex: case does not matter
    noisy = CliRunner().invoke(cli, ["--db", run.db, "show", sid + "abcd"])
    assert noisy.exit_code == 1 and "no session matches" in noisy.output
    import hashlib

    full = hashlib.sha256(MAIN_SESSION.read_bytes()).hexdigest()
    assert full.startswith(sid) and run("show", full[:20]).exit_code == 0
    empty = CliRunner().invoke(cli, ["--db", run.db, "report", " "])
    assert empty.exit_code == 1 and "no session given" in empty.output


@pytest.mark.parametrize("args", [["--limit", "0"], ["--limit", "-1"], ["--offset", "-5"]])
def test_search_refuses_counts_out_of_range(run, args):
    result = CliRunner().invoke(cli, ["--db", run.db, "search", "access", *args])
    assert result.exit_code == 2 and "range" in result.output


def test_search_needs_something_to_search_for(run):
    result = CliRunner().invoke(cli, ["--db", run.db, "search", ""])
    assert result.exit_code == 2 and "give something to search for" in result.output


def test_coalitions_resolves_a_misspelt_name_and_refuses_an_unknown_one(ingested):
    run = ingested
    found = run("coalitions", "DC-PAAL")
    assert found.exit_code == 0 and found.output.startswith("DC on Public Access in Libraries")
    unknown = CliRunner().invoke(cli, ["--db", run.db, "coalitions", "DC on Unicorns"])
    assert unknown.exit_code == 1 and "no Dynamic Coalition is called" in unknown.output


# -- tracebacks on request: --debug or FORUMLENS_DEBUG=1 ------------------------------------------------


def _a_bug(*_args, **_kwargs):
    raise RuntimeError("a bug in listing sessions")


def _main(*args: str) -> int:
    from forumlens.cli import main

    with pytest.raises(SystemExit) as exited:
        main(list(args))
    return int(exited.value.code or 0)


@pytest.fixture
def buggy_store(run, monkeypatch):
    """A real store whose `sessions` listing raises an error no one expected."""
    assert run("migrate").exit_code == 0
    monkeypatch.setattr("forumlens.views.list_sessions", _a_bug)
    monkeypatch.delenv("FORUMLENS_DEBUG", raising=False)
    return run.db


def test_an_unexpected_error_is_one_line_without_debug(buggy_store, capsys):
    assert _main("--db", buggy_store, "sessions") == 70
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: a bug in listing sessions" in err
    assert "FORUMLENS_DEBUG=1" in err and "Traceback" not in err


@pytest.mark.parametrize("ask", ["flag", "environment"])
def test_debug_from_the_flag_or_the_environment_prints_the_traceback(buggy_store, capsys, monkeypatch, ask):
    args = ["--db", buggy_store, "sessions"]
    if ask == "flag":
        args.insert(0, "--debug")
    else:
        monkeypatch.setenv("FORUMLENS_DEBUG", "1")
    assert _main(*args) == 70
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "in _a_bug" in err
    assert "internal error: RuntimeError: a bug in listing sessions" in err


def test_forumlens_debug_shows_the_traceback_of_a_bad_setting_too(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FORUMLENS_DEBUG", "1")
    monkeypatch.setenv("FORUMLENS_SEARCH_LIMIT", "twenty")
    assert _main("--db", str(tmp_path / "s.sqlite3"), "sessions") == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert "error: FORUMLENS_SEARCH_LIMIT='twenty' is not a valid int" in err

"""End to end: a subscriber's interests are matched when `forumlens ingest` stores new sessions."""

import json

from click.testing import CliRunner

from forumlens.cli import cli

from .conftest import MAIN_SESSION, ROOT


def test_ingest_queues_matches_for_interested_subscribers(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    runner = CliRunner()
    added = runner.invoke(
        cli,
        [
            "--db",
            db,
            "subscribers",
            "add",
            "Library network",
            "--feed",
            "--coalition",
            "DC-PAL",
            "--query",
            '"broadband plans"',
        ],
    )
    assert added.exit_code == 0, added.output
    result = runner.invoke(cli, ["--db", db, "ingest", str(ROOT / "examples"), str(MAIN_SESSION)])
    assert result.exit_code == 0, result.output
    shown = json.loads(runner.invoke(cli, ["--db", db, "subscribers", "show", "Library network", "--json"]).output)
    matches = {(m["session"], m["interest"]) for m in shown["matches"]}
    example = json.loads(runner.invoke(cli, ["--db", db, "sessions", "--json"]).output)["sessions"]
    example_id = next(s["id"] for s in example if "Workshop #42" in s["title"])
    main_id = next(s["id"] for s in example if s["title"].startswith("IGF 2021"))
    assert {(example_id, "coalition"), (example_id, "query"), (main_id, "coalition")} <= matches
    assert (main_id, "query") not in matches  # the main session never says "broadband plans"
    assert all(m["line"] >= 1 for m in shown["matches"])
    feed = runner.invoke(cli, ["--db", db, "subscribers", "feed", "Library network"]).output
    assert "<feed" in feed and "#L" in feed

"""`forumlens brief --topic` in a reader's own words: the taxonomy's other phrases for the idea (issue 23)."""

import json

from click.testing import CliRunner

from forumlens.cli import cli

SESSION = """IGF 2023 - Workshop: local networks

Amina Diallo: Good morning, and welcome to this workshop.
Amina Diallo: Community networks in villages are built and run by the people who live there, and they bring the Internet where no operator goes.
Pedro Santos: Our community networks in the mountain villages now serve four thousand households with shared radio links.
Pedro Santos: The cooperative pays its volunteers from a small monthly fee that every household agrees on.
Amina Diallo: Thank you all for coming today.
"""


def _brief(db: str, topic: str) -> dict:
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--topic", topic, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _quotes(brief: dict) -> list[str]:
    return [c["quote"] for b in brief["bullets"] for c in b["citations"]]


def test_a_topic_in_other_words_finds_the_sessions_points(tmp_path):
    path = tmp_path / "local-networks-2023.txt"
    path.write_text(SESSION, encoding="utf-8")
    db = str(tmp_path / "b.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(path)]).exit_code == 0
    quotes = _quotes(_brief(db, "rural connectivity"))
    assert any("Community networks in villages" in q for q in quotes), quotes
    assert all(q in SESSION for q in quotes)  # every point cited verbatim
    assert not _quotes(_brief(db, "freedom of expression"))


def test_an_unrelated_topic_finds_nothing_and_says_what_was_searched(tmp_path):
    path = tmp_path / "local-networks-2023.txt"
    path.write_text(SESSION, encoding="utf-8")
    db = str(tmp_path / "b.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(path)]).exit_code == 0
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--topic", "volcano tourism"], catch_exceptions=False)
    assert result.exit_code == 0
    note = result.stderr
    assert "no stored line speaks of 'volcano tourism'" in note
    assert "volcano*" in note and "tourism*" in note  # what was searched
    assert "semantic index" in note  # whether the meaning index could help
    assert "the store holds sessions on:" in note  # where to go next

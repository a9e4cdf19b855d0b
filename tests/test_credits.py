"""Whom a turn shown away from its session is credited to (`forumlens.credits`), read from a
store the real CLI made: the person the people analysis counts it for, on any line of the turn.

A search hit cites the line its words are on; in a turn of several paragraphs that is not the
turn's first line, which is the line the people analysis lists. Such hits were shown under the
bare caption label (a misspelt variant, or "MODERATOR") instead of the person.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.credits import credit_key, turn_credits
from forumlens.store import open_store

PANEL = """IGF 2022 Addis Ababa - Open Forum 3: Community networks

>> MODERATOR: Good afternoon. I am Ruth Alemu and I will chair this open forum. Our first speaker is Jonas Weber.

>> JONAS WEBER: Thank you, Ruth. Community networks connect villages that operators ignore.

They need spectrum licences they can afford, and they need training for local technicians.

>> JONAS WEEBER: One more point on spectrum: regulators should reserve a band for community networks.
"""

REPORT = """# Community Networks Initiative: Annual Report 2022

## Requests

The initiative asks regulators to reserve spectrum for community networks.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("credits")
    (folder / "of3.txt").write_text(PANEL, encoding="utf-8")
    (folder / "cni-2022.md").write_text(REPORT, encoding="utf-8")
    db = str(Path(folder) / "s.sqlite3")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def _hits(db: str, words: str) -> list[tuple[str, int]]:
    result = CliRunner().invoke(cli, ["--db", db, "search", words, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [(h["session"], h["line"]) for h in json.loads(result.output)["hits"]]


def test_a_hit_on_a_later_paragraph_of_a_turn_is_credited_to_its_speaker(store: str) -> None:
    refs = _hits(store, "technicians")
    assert refs and refs[0][1] == 7, refs  # the second paragraph of Jonas Weber's turn (line 5)
    with open_store(store, readonly=True) as s:
        credits = turn_credits(s, refs)
    assert credits[credit_key(*refs[0])]["name"] == "Jonas Weber"


def test_a_role_label_is_credited_to_the_person_and_a_report_paragraph_to_its_section(store: str) -> None:
    chair = _hits(store, "chair")
    spectrum = _hits(store, "reserve")
    with open_store(store, readonly=True) as s:
        credits = turn_credits(s, chair + spectrum)
    assert credits[credit_key(*chair[0])]["name"] == "Ruth Alemu"
    paragraph = next(
        credits[credit_key(*r)]
        for r in spectrum
        if credit_key(*r) in credits and credits[credit_key(*r)].get("section")
    )
    assert paragraph["section"] == "Requests" and paragraph["name"] is None


def test_search_prints_the_person_a_hit_is_credited_to(store: str) -> None:
    out = CliRunner().invoke(cli, ["--db", store, "search", "chair"], catch_exceptions=False).output
    assert "Ruth Alemu (captioned MODERATOR)" in out, out
    out = CliRunner().invoke(cli, ["--db", store, "search", "technicians"], catch_exceptions=False).output
    assert ":L7  Jonas Weber  [" in out, out
    out = (
        CliRunner()
        .invoke(cli, ["--db", store, "search", "reserve", "--session", "Annual Report"], catch_exceptions=False)
        .output
    )
    assert "§ Requests" in out and "(unnamed)" not in out, out

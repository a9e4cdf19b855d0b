"""`forumlens people NAME` for a name that is said in the record but belongs to nobody on record.

A new user reads in `questions` and `threads` that "Kofi Asante" asked a question (the online
moderator read it out) and looks him up: `people kofi` answered a bare "No people on record
matching 'kofi'." as if the name were nowhere. It now says which stored lines hold the name and
whose voice each is, and how to list them all. The session is written for this test.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

SESSION = (
    "IGF 2024 – Day 2 – Workshop #12: Tide Gauges and Open Data\n\n***\n\n"
    ">> ASTRID NYGAARD:  Good morning.  I am Astrid Nygaard and I moderate this workshop.  Bruno, the floor "
    "is yours.\n\n"
    ">> BRUNO SALLES:  Thank you, Astrid.  Our network publishes tide gauge readings every hour.  As Petra "
    "Novak showed in her study last year, open readings save coastal towns money.\n\n"
    ">> ASTRID NYGAARD:  Thank you, Bruno.  The session is closed.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("tides")
    (folder / "igf2024-ws-tides.txt").write_text(SESSION, encoding="utf-8")
    store = str(folder / "tides.sqlite3")
    assert CliRunner().invoke(cli, ["--db", store, "ingest", str(folder)]).exit_code == 0
    return store


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_name_only_mentioned_is_no_person_and_the_note_says_where_it_is_said(db):
    code, out, err = run(db, "people", "novak")
    assert code == 0 and "No people on record matching 'novak'." in out
    assert "note: nobody on record is called 'novak', but 1 stored line says it: " in err
    assert "L7 (Bruno Salles: “" in err and "Petra Novak showed" in err  # the line, its speaker, the words
    assert "forumlens search '\"novak\"'" in err


def test_a_name_said_nowhere_gets_no_note(db):
    code, out, err = run(db, "people", "zebedee")
    assert code == 0 and "No people on record matching 'zebedee'." in out
    assert "note" not in err


def test_a_person_on_record_is_listed_without_a_note(db):
    code, out, err = run(db, "people", "salles")
    assert code == 0 and out.startswith("Bruno Salles") and "note" not in err


def test_json_output_is_unchanged(db):
    code, out, err = run(db, "people", "novak", "--json")
    assert code == 0 and out.strip() == '{\n "people": []\n}' and err == ""  # as the flagged-label note

"""A person's title ends the name of the coalition or body before it.

"Keziah Otieno from the Dynamic Coalition on River Sensors and Open Maps and Dr. Tomas
Arvidsson from …" stored a second coalition, "… Open Maps and Dr", which became Keziah's
affiliation, her threads' actor and a second coalition in `coalitions` and `report --json`.
A title abbreviation ("Dr.", "Prof.", "Hon.") written before a capitalised word opens the next
person's name, so the coalition's or the body's name ends before it. The session is written
for this test.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.resolve.orgnames import proper_run
from forumlens.resolve.titles import opens_name

SESSION = (
    "IGF 2024 – Day 3 – Workshop #41: River Sensors for Village Schools\n\n***\n\n"
    ">> LOTTE VERMEULEN:  Good afternoon.  I am Lotte Vermeulen and I moderate this workshop.  With me are "
    "Keziah Otieno from the Dynamic Coalition on River Sensors and Open Maps and Dr. Tomas Arvidsson from the "
    "Baltic Water Institute.  Keziah, please.\n\n"
    ">> KEZIAH OTIENO:  Thank you, Lotte.  Our coalition needs funding for sensor kits in forty schools.\n\n"
    ">> TOMAS ARVIDSSON:  Thank you.  At the institute we calibrate the sensors every month.\n\n"
    ">> LOTTE VERMEULEN:  Thank you both.  The session is closed.\n"
)
COALITION = "Dynamic Coalition on River Sensors and Open Maps"


def _word(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize(
    "text, word",
    [
        ("… Open Maps and Dr. Tomas Arvidsson", "Dr"),
        ("… Schools Trust and Prof Amina Bello", "Prof"),
        ("… Water Board and Hon. Kamau Njoroge", "Hon"),
        ("… Red Comunitaria y Sra. Lucía Paz", "Sra"),
    ],
)
def test_a_title_before_a_capitalised_word_opens_a_name(text, word):
    assert opens_name(text, *_word(text, word))


@pytest.mark.parametrize(
    "text, word",
    [
        ("… the MS Office suite", "MS"),  # an acronym in capitals is no title
        ("… Schools and Dr. the rest", "Dr"),  # nothing capitalised follows
        ("… Trust and Her Majesty's Office", "Her"),  # a possessive alone is no title
        ("… Open Maps and Data Commons", "Data"),  # an ordinary word
    ],
)
def test_other_words_open_no_name(text, word):
    assert not opens_name(text, *_word(text, word))


def test_a_body_name_ends_before_a_title_and_a_name():
    text = "Joseph Mwangi from the Athi Water Board and Hon. Kamau Njoroge from the county."
    start = text.index("Athi")
    end, words = proper_run(text, start, len(text))
    assert text[start:end] == "Athi Water Board" and words == ["Athi", "Water", "Board"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("river")
    (folder / "igf2024-ws-river-sensors.txt").write_text(SESSION, encoding="utf-8")
    store = str(folder / "river.sqlite3")
    assert CliRunner().invoke(cli, ["--db", store, "ingest", str(folder)]).exit_code == 0
    return store


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_people_gives_the_coordinator_the_coalition_without_the_next_title(db):
    out = run(db, "people", "otieno")
    assert f"Keziah Otieno  (dc-representative; {COALITION})" in out
    assert "and Dr" not in out


def test_the_report_json_names_one_coalition_and_the_next_person_keeps_her_body(db):
    session = json.loads(run(db, "sessions", "--json"))["sessions"][0]["id"]
    report = json.loads(run(db, "report", session, "--json"))
    names = {c["name"] for c in report["coalitions"]}
    assert names == {COALITION}
    people = {p["name"]: p for p in report["people"]}
    assert people["Keziah Otieno"]["affiliation"] == COALITION
    assert people["Tomas Arvidsson"]["affiliation"] == "Baltic Water Institute"
    assert all(p.get("speaks_for") in (None, COALITION) for p in report["people"])
    # the turns and the evidence quote the words as said; no field that names a body holds the run-on
    orgs = [item["org"] for item in report["thread_items"]["items"]]
    assert orgs == [COALITION]  # the coalition's need is the coalition's, not the run-on one's

"""A coalition the registry does not know, followed by a new user through the CLI and the portal.

A coordinator ingests the sessions of a coalition too new for the registry. `forumlens
coalitions` lists it under the name said ("Dynamic Coalition on Open Rainfall Records") and
`threads` names it as the actor of its asks, but `threads --coalition`, `brief --coalition`
and `search --coalition` refused that name ("no Dynamic Coalition is called …", suggesting
registry coalitions that had nothing to do with it), and so did the portal's
`?coalition=` typed by hand and `/api/briefs`. These tests also cover `threads --since` naming
who asked a question when the years leave the question out and show only its answer.

The two sessions are written for this test (an invented coalition, invented people).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

from .web_support import cli_store, portal_client

HEAD = (
    "The following are the outputs of the captioning taken during an IGF intervention. Although it is largely "
    "accurate, in some cases it may be incomplete or inaccurate due to inaudible passages or transcription "
    "errors. It is posted as an aid, but should not be treated as an authoritative record.\n\n***\n\n"
)

FIRST = (
    "IGF 2021 – Day 2 – DC on Open Rainfall Records: Gauges, Farmers and Open Archives\n\n" + HEAD + ">> HANNA "
    "VIRTANEN:  Good morning.  I am Hanna Virtanen, coordinator of the Dynamic Coalition on Open Rainfall "
    "Records, and I will moderate.  Our coalition collects the rainfall records of village gauges and opens "
    "them to farmers.\n\nOscar, you are online, the floor is yours.\n\n"
    ">> OSCAR MBEKI:  Thank you, Hanna.  Oscar Mbeki, Limpopo farmers' union.  Our gauges are read by hand "
    "every morning, and the paper books are kept in the school.  We call on the national weather services "
    "to fund digital rain gauges for the villages.\n\n"
    ">> HANNA VIRTANEN:  Thank you, Oscar.  A question from the room, please introduce yourself.\n\n"
    ">> AUDIENCE:  Rosa Delgado, Andean water users' association.  How will the coalition check that the "
    "rainfall records typed from the paper books are correct?\n\n"
    ">> HANNA VIRTANEN:  Thank you, Rosa.  That is a hard question, and we cannot answer it today.  We will "
    "come back to it next year.  The session is closed.\n"
)

SECOND = (
    "IGF 2023 – Day 1 – DC on Open Rainfall Records: Checked Records\n\n" + HEAD + ">> HANNA VIRTANEN:  Good "
    "afternoon.  I am Hanna Virtanen, coordinator of the Dynamic Coalition on Open Rainfall Records.  Two "
    "years ago, Rosa Delgado asked how the coalition would check that the rainfall records typed from the "
    "paper books are correct.\n\nToday we can answer.  Every record typed from a paper book is now checked "
    "by a second volunteer against a photograph of the page.\n\n"
    ">> OSCAR MBEKI:  Oscar Mbeki, Limpopo farmers' union.  I repeat our call.  The villages still need "
    "funding for digital rain gauges, and no weather service has funded one yet.\n\n"
    ">> AUDIENCE:  Will the checked records be open to insurance companies as well?\n\n"
    ">> HANNA VIRTANEN:  Yes, every checked record is open to everyone.  And thank you, Oscar.  The coalition "
    "asks the regional climate centres to fund digital rain gauges for the villages.  The session is closed.\n"
)

NAME = "Dynamic Coalition on Open Rainfall Records"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("rainfall-sessions")
    (folder / "igf2021-dc-rainfall.txt").write_text(FIRST, encoding="utf-8")
    (folder / "igf2023-dc-rainfall.txt").write_text(SECOND, encoding="utf-8")
    return cli_store(tmp_path_factory, "rainfall", folder)


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_coalition_is_on_record_under_the_name_said(db):
    code, out, _ = run(db, "coalitions", "--json")
    assert code == 0
    assert NAME in [c["name"] for c in json.loads(out)["coalitions"]]


@pytest.mark.parametrize("typed", [NAME, "Open Rainfall Records", "DC on Open Rainfall Records", "rainfall records"])
def test_threads_follow_a_coalition_the_registry_does_not_know(db, typed):
    code, out, err = run(db, "threads", "--linker", "lexical", "--json", "--coalition", typed)
    assert code == 0, err
    threads = json.loads(out)["threads"]
    # its own ask ("The coalition asks the regional climate centres …"), named as the listing names it
    assert threads and {t["actor_name"] for t in threads} == {NAME}
    # the filter keeps exactly the threads the whole list names as the coalition's
    code, whole, _ = run(db, "threads", "--linker", "lexical", "--json")
    assert sorted(t["id"] for t in threads) == sorted(
        t["id"] for t in json.loads(whole)["threads"] if t["actor_name"] == NAME
    )


def test_brief_and_search_take_the_name_too(db):
    code, out, err = run(db, "brief", "--coalition", "Open Rainfall Records")
    assert code == 0, err
    assert out.splitlines()[0] == NAME
    assert "2 sessions" in out
    code, out, err = run(db, "search", "gauges", "--coalition", "rainfall records", "--json")
    assert code == 0, err
    assert json.loads(out)["hits"]


def test_a_misspelt_name_suggests_the_stored_coalition(db):
    code, _out, err = run(db, "threads", "--coalition", "Open Rainfal Recods")
    assert code == 1
    assert "no Dynamic Coalition is called 'Open Rainfal Recods'" in err
    assert f"did you mean {NAME}?" in err


def test_a_registry_coalition_is_still_found_by_its_acronym(db):
    code, out, err = run(db, "brief", "--coalition", "DC-PAL")
    assert code == 0, err
    assert out.startswith("DC on Public Access in Libraries (DC-PAL)")


def test_a_question_seen_from_the_year_of_its_answer_is_still_the_askers(db):
    code, out, err = run(db, "threads", "--linker", "lexical", "--json", "--kind", "question")
    assert code == 0, err
    [whole] = [t for t in json.loads(out)["threads"] if t["status"] == "answered-later"]
    assert whole["summary"].startswith("Rosa Delgado")
    code, out, err = run(db, "threads", "--linker", "lexical", "--json", "--kind", "question", "--since", "2023")
    assert code == 0, err
    [seen] = [t for t in json.loads(out)["threads"] if t["id"] == whole["id"]]
    assert [i["year"] for i in seen["items"]] == [2023]  # only the answer is shown
    assert seen["summary"].startswith("Rosa Delgado"), seen["summary"]  # not "Hanna Virtanen … asked a question"
    assert ", 2023: answered-later." in seen["summary"]


def test_the_portal_takes_a_typed_name_of_a_coalition_the_registry_does_not_know(db):
    with portal_client(db) as client:
        page = client.get("/threads", params={"coalition": "Open Rainfall Records"})
        assert page.status_code == 200, page.text[:500]
        api = client.get("/api/threads", params={"coalition": "rainfall records"})
        assert api.status_code == 200, api.text[:500]
        assert api.json()["threads"] and {t["actor_name"] for t in api.json()["threads"]} == {NAME}
        brief = client.get("/api/briefs", params={"topic": "rain gauges", "coalition": "Open Rainfall Records"})
        assert brief.status_code == 200, brief.text[:500]
        wrong = client.get("/api/search", params={"q": "gauges", "coalition": "Open Rainfal Recods"})
        assert wrong.status_code == 404
        assert NAME in wrong.json()["error"]["hint"]


def test_who_spoke_for_it_follows_the_order_of_its_sessions(db):
    with portal_client(db) as client:
        found = client.get("/api/coalitions/" + NAME.lower().replace(" ", "-"))
        assert found.status_code == 200, found.text[:500]
        data = found.json()
    order = [s["session"] for s in data["sessions"]]
    assert [s["year"] for s in data["sessions"]] == [2023, 2021]  # newest first
    spoke = [p["session"] for p in data["speakers"]]
    assert spoke and set(spoke) <= set(order)
    assert spoke == sorted(spoke, key=order.index)


def test_a_hit_said_by_an_unnamed_floor_voice_names_it_as_the_threads_do(db):
    code, out, err = run(db, "search", "insurance companies")
    assert code == 0, err
    [head] = [line for line in out.splitlines() if ":L" in line]
    assert "  a participant from the floor  [" in head and "AUDIENCE" not in head
    code, out, err = run(db, "search", "paper books", "--year", "2021")
    assert code == 0, err
    assert "Rosa Delgado (captioned AUDIENCE)" in out  # a floor voice who named herself keeps her name
    with portal_client(db) as client:
        page = client.get("/search", params={"q": "insurance companies"})
        assert page.status_code == 200
        assert "a participant from the floor" in page.text and ">AUDIENCE<" not in page.text.replace(" ", "").replace(
            "\n", ""
        )

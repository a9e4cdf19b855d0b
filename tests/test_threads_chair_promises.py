"""A coordinator who chairs her coalition's session promises, and reports, for it.

A new user's walk: the coordinator of a coalition chairs its yearly session and says "We will
prepare a two-page summary of the cost report for parliamentarians before the end of February";
a year on she says it was handed over. `threads` had no commitment thread for it (a moderator's
sentences were all floor management), so the delivery had no promise to close, and her "Last
year we promised a report, and the report was published in June" was lost too. A chair's
promises and their fates now count for the body she chairs for; her asks still do not (a chair
asking the room for questions is procedure). The sessions are written for this test.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

FIRST = (
    "IGF 2023 – Day 2 – DC Session: Dynamic Coalition on Lighthouse Radio – Member Reports\n\n***\n\n"
    ">> SIGRID HALVORSEN:  Good afternoon and welcome to the session of the Dynamic Coalition on Lighthouse "
    "Radio.  I am Sigrid Halvorsen, coordinator of the coalition, and I will chair.  Our members report "
    "first.\n\nOskar, please.\n\n"
    ">> OSKAR LIND:  Thank you, Sigrid.  Our stations reached forty islands this year.  We need funding for "
    "new antennas on the outer islands.\n\n"
    ">> SIGRID HALVORSEN:  Thank you, Oskar.  Please raise your hand if you want to join a working group.\n\n"
    ">> SIGRID HALVORSEN:  To close:  we will publish a map of all member stations before the next IGF.  We "
    "will also prepare a two-page summary of our coverage survey for the island councils.  Thank you all.\n"
)

SECOND = (
    "IGF 2024 – Day 1 – DC Session: Dynamic Coalition on Lighthouse Radio – One Year On\n\n***\n\n"
    ">> SIGRID HALVORSEN:  Good morning.  I am Sigrid Halvorsen, coordinator of the Dynamic Coalition on "
    "Lighthouse Radio, and I chair this session.  Last year we promised a map of all member stations, and the "
    "map was published in May.  The two-page summary of our coverage survey was handed to the island "
    "councils in March.\n\nOskar, your update.\n\n"
    ">> OSKAR LIND:  Thank you, Sigrid.  The outer islands still need funding for new antennas.\n\n"
    ">> SIGRID HALVORSEN:  Thank you, Oskar.  The session is closed.\n"
)


@pytest.fixture(scope="module")
def threads(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    folder = tmp_path_factory.mktemp("lighthouse")
    (folder / "igf2023-dc-lighthouse.txt").write_text(FIRST, encoding="utf-8")
    (folder / "igf2024-dc-lighthouse.txt").write_text(SECOND, encoding="utf-8")
    db = str(folder / "lighthouse.sqlite3")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(folder)]).exit_code == 0
    result = runner.invoke(cli, ["--db", db, "threads", "--linker", "lexical", "--json"])
    assert result.exit_code == 0
    return list(json.loads(result.stdout)["threads"])


def _items(thread: dict) -> list[tuple[int, str, str]]:
    return [(i["year"], i["role"], i["quote"]) for i in thread["items"]]


def _holding(threads: list[dict], words: str) -> dict:
    (found,) = [t for t in threads if any(words in i["quote"] for i in t["items"])]
    return found


def test_the_chairs_promise_is_a_commitment_thread_closed_by_her_report_a_year_on(threads):
    the_map = _holding(threads, "we will publish a map of all member stations")
    assert the_map["kind"] == "commitment" and the_map["status"] == "fulfilled"
    assert (2023, "raised", "To close: we will publish a map of all member stations before the next IGF.") in [
        (year, role, " ".join(quote.split())) for year, role, quote in _items(the_map)
    ]
    assert any(
        year == 2024 and role == "delivered" and "the map was published in May" in quote
        for year, role, quote in _items(the_map)
    )


def test_the_second_promise_of_the_same_turn_is_followed_too(threads):
    summary = _holding(threads, "prepare a two-page summary of our coverage survey")
    assert summary["kind"] == "commitment"
    assert summary["items"][0]["year"] == 2023 and summary["items"][0]["role"] == "raised"


def test_the_chairs_floor_management_is_still_no_ask(threads):
    quotes = [i["quote"] for t in threads for i in t["items"]]
    assert not any("raise your hand" in q or "your update" in q or "session is closed" in q for q in quotes)
    antennas = _holding(threads, "We need funding for new antennas")  # a member's ask, as before
    assert antennas["kind"] == "ask"


CHAIRED = """\
>> MODERATOR:  Good morning.  I am Greta Lindholm, from the Baltic Ferry Data Association, and I will moderate this workshop.  Our association will publish a timetable archive of all Baltic ferries before the next forum.

>> GRETA LINDHOLM:  Marek, you are online.  The floor is yours.

>> MAREK ZIELINSKI:  Thank you, Greta.  Our ports still need funding for passenger counters.
"""


def test_the_chairs_own_part_and_who_is_connected_are_no_promise_or_delivery() -> None:
    from .threads_support import items_of

    found = items_of(CHAIRED, "igf2031-ferry-data.txt")
    chair = [(i.signal, i.quote) for i in found.items if i.speaker == "Greta Lindholm"]
    assert chair == [
        ("promise", "Our association will publish a timetable archive of all Baltic ferries before the next forum.")
    ]

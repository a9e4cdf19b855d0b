"""A subscriber follows a coalition the registry does not know, by the name `coalitions` shows.

A ministry liaison ingests two sessions of a coalition too new for the registry, sees it in
`forumlens coalitions` as "Dynamic Coalition on Hive Sensor Data", and subscribes with
`--coalition "Hive Sensor Data"`. `subscribers add` warned that no Dynamic Coalition is called
that (naming an unrelated registry coalition as the nearest) and the digest then held no
coalition match at all, although the coalition presented in both sessions: the interest was
compared with the stored name as typed. `threads`, `brief` and `search --coalition` already read
such a name against the store (`coalition_filter.pick_coalition`); subscriptions now do too.

The two sessions are written for this test (an invented coalition, invented people).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.route.matching import Fact, SessionFacts, match_session, stored_coalition_keys
from forumlens.route.models import Interests, Subscriber

HEAD = "***\n\n"  # the caption firm's note is left out: these tests read the turns, not the header

FIRST = (
    "IGF 2022 – Day 2 – Workshop #77: Counting Bees with Cheap Sensors\n\n" + HEAD + ">> MIREILLE FONTAINE:  "
    "Good morning.  I am Mireille Fontaine and I moderate.  Our first speaker is Tariq Haddad, who speaks for "
    "the Dynamic Coalition on Hive Sensor Data.\n\n"
    ">> TARIQ HADDAD:  Thank you, Mireille.  Our coalition publishes the readings of hive sensors under an "
    "open licence.  We need volunteers who can install sensors in their own villages.\n\n"
    ">> MIREILLE FONTAINE:  Thank you, Tariq.  The session is closed.\n"
)

SECOND = (
    "IGF 2023 – Day 1 – DC Session: Dynamic Coalition on Hive Sensor Data – One Year of Readings\n\n"
    + HEAD
    + ">> TARIQ HADDAD:  Good afternoon.  I am Tariq Haddad, coordinator of the Dynamic Coalition on Hive "
    "Sensor Data.  This year our members installed four hundred sensors in eleven countries.\n\n"
    ">> JUNO PAREKH:  Thank you, Tariq.  The readings show that hives near highways lose weight in "
    "summer.\n\n"
    ">> TARIQ HADDAD:  Thank you, Juno.  The session is closed.\n"
)

NAME = "Dynamic Coalition on Hive Sensor Data"


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def folder(tmp_path):
    sessions = tmp_path / "bees"
    sessions.mkdir()
    (sessions / "igf2022-ws-bees.txt").write_text(FIRST, encoding="utf-8")
    (sessions / "igf2023-dc-bees.txt").write_text(SECOND, encoding="utf-8")
    return sessions


def test_the_store_holds_the_coalition_under_the_name_said(tmp_path, folder):
    db = str(tmp_path / "bees.sqlite3")
    assert run(db, "ingest", str(folder))[0] == 0
    code, out, _ = run(db, "coalitions")
    assert code == 0 and NAME in out


@pytest.mark.parametrize("typed", ["Hive Sensor Data", NAME, "hive sensor"])
def test_a_subscription_by_the_listed_name_or_part_of_it_is_not_warned_and_matches(tmp_path, folder, typed):
    db = str(tmp_path / "bees.sqlite3")
    assert run(db, "ingest", str(folder))[0] == 0
    code, out, err = run(db, "subscribers", "add", "Liaison", "--coalition", typed)
    assert code == 0 and "added Liaison" in out
    assert "warning" not in err
    code, out, _ = run(db, "digest", "--dry-run", "--subscriber", "Liaison")
    assert code == 0
    assert out.count(f"coalition {typed}: {NAME}") == 2  # one item in each of the two sessions


def test_a_subscription_made_before_the_sessions_matches_them_as_they_are_ingested(tmp_path, folder):
    db = str(tmp_path / "bees.sqlite3")
    code, _, err = run(db, "subscribers", "add", "Liaison", "--feed", "--coalition", "Hive Sensor Data")
    assert code == 0 and "no Dynamic Coalition is called that" in err  # nothing stored names it yet: said
    assert run(db, "ingest", str(folder))[0] == 0
    code, feed, _ = run(db, "subscribers", "feed", "Liaison")
    assert code == 0
    assert feed.count("<entry>") == 2 and "Counting Bees" in feed and "One Year of Readings" in feed


def test_a_misspelt_name_is_warned_with_the_stored_coalition_as_the_nearest(tmp_path, folder):
    db = str(tmp_path / "bees.sqlite3")
    assert run(db, "ingest", str(folder))[0] == 0
    code, _, err = run(db, "subscribers", "add", "Liaison", "--coalition", "Hive Sensr Dta")
    assert code == 0
    assert f"no Dynamic Coalition is called that (nearest: {NAME})" in err


def test_the_keys_of_an_interest_hold_the_stored_name_it_means():
    stored = [(NAME, None), ("Dynamic Coalition on Hive Sensor Standards", None), ("DC on Public Access", "DC-PAL")]
    assert stored_coalition_keys("hive sensor data", stored) == {"dynamic coalition on hive sensor data"}
    assert stored_coalition_keys("hive sensor", stored) == frozenset()  # two stored names fit: no guess
    assert stored_coalition_keys("Underwater Cables", stored) == frozenset()


def test_match_session_takes_the_stored_name_among_the_interest_keys():
    sub = Subscriber(name="Liaison", interests=Interests(coalitions=("Hive Sensor Data",)), id=7)
    facts = SessionFacts(
        session_id="s1",
        title="t",
        lines=("a line naming the Dynamic Coalition on Hive Sensor Data",),
        coalitions=(Fact(NAME, (1,), "presented"),),
    )
    assert match_session(facts, sub) == []  # compared as typed: nothing (the old behaviour, kept without keys)
    keys = {"Hive Sensor Data": stored_coalition_keys("Hive Sensor Data", [(NAME, None)])}
    (found,) = match_session(facts, sub, coalitions=keys)
    assert found.line == 1 and found.reason == f"coalition Hive Sensor Data: {NAME} (presented)"

"""`threads --since/--until` (CLI and portal API): each thread seen through the years asked for.

A thread listed for a span shows only its items inside the span, and its status is judged from
them alone, as `brief --until` judges it: a promise made in 2021 and delivered in 2023 is
`pending` up to 2022. Run on the threads development corpus (three sessions 2021–2023 and a
2023 annual report).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli

from .web_support import cli_store, portal_client

DEV = Path(__file__).resolve().parents[1] / "bench" / "threads" / "dev"


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return cli_store(tmp_path_factory, "threads-window", DEV)


def listed(db: str, *args: str) -> dict[str, dict]:
    result = CliRunner().invoke(cli, ["--db", db, "threads", "--linker", "lexical", "--json", *args])
    assert result.exit_code == 0, result.output
    return {t["id"]: t for t in json.loads(result.output)["threads"]}


def test_until_shows_only_the_items_inside_and_judges_the_status_on_them(dev_db):
    whole = listed(dev_db)
    until = listed(dev_db, "--until", "2022")
    assert until and all(i["year"] <= 2022 for t in until.values() for i in t["items"])
    assert all(t["last_year"] <= 2022 for t in until.values())
    # a commitment settled only in 2023 (delivered or reported slipped) is still pending up to 2022
    settled_later = [
        tid
        for tid, t in whole.items()
        if t["kind"] == "commitment"
        and t["status"] != "pending"
        and tid in until
        and all(i["role"] == "raised" or i["year"] == 2023 for i in t["items"][1:])
        and any(i["year"] == 2023 and i["role"] != "raised" for i in t["items"])
    ]
    assert settled_later
    assert all(until[tid]["status"] == "pending" for tid in settled_later)
    assert all(until[tid]["summary"].split(". “")[0].endswith(": pending") for tid in settled_later)
    assert all("2023" not in until[tid]["summary"].split(". “")[0] for tid in settled_later)  # its span too
    # an ask raised in 2021 and again in 2023 was raised once up to 2022
    again_later = [
        tid
        for tid, t in whole.items()
        if t["kind"] == "ask" and t["status"] == "recurring" and {i["year"] for i in t["items"]} == {2021, 2023}
    ]
    assert again_later and all(until[tid]["status"] == "raised-once" for tid in again_later)


def test_status_filter_reads_the_status_within_the_years(dev_db):
    pending = listed(dev_db, "--kind", "commitment", "--status", "pending", "--until", "2022")
    whole = listed(dev_db, "--kind", "commitment")
    assert pending and all(t["status"] == "pending" for t in pending.values())
    assert any(whole[tid]["status"] != "pending" for tid in pending)


def test_a_thread_with_no_item_inside_the_span_is_not_listed(dev_db):
    only_2022 = listed(dev_db, "--since", "2022", "--until", "2022")
    assert only_2022 and all(i["year"] == 2022 for t in only_2022.values() for i in t["items"])
    whole = listed(dev_db)
    skipping = [t for t in whole.values() if 2022 not in {i["year"] for i in t["items"]}]
    assert any(t["first_year"] < 2022 < t["last_year"] for t in skipping)  # spans 2022 without an item in it
    assert not {t["id"] for t in skipping} & set(only_2022)


def test_the_portal_api_sees_the_same_years_as_the_command(dev_db):
    with portal_client(dev_db) as client:
        answer = client.get("/api/threads", params={"until": "2022"})
        page = client.get("/threads", params={"kind": "commitment", "status": "pending", "until": "2022"})
    assert answer.status_code == 200
    assert all(i["year"] <= 2022 for t in answer.json()["threads"] for i in t["items"])
    api = {t["id"]: (t["status"], len(t["items"])) for t in answer.json()["threads"]}
    cli_until = listed(dev_db, "--until", "2022")
    assert api == {tid: (t["status"], len(t["items"])) for tid, t in cli_until.items()}
    assert page.status_code == 200
    for tid in listed(dev_db, "--kind", "commitment", "--status", "pending", "--until", "2022"):
        assert f"/threads/{tid}" in page.text


def test_a_listing_from_a_later_year_says_the_earlier_items_exist(dev_db):
    """Roles stay the whole thread's (a need said again is `repeated`), so a thread whose first item
    shown is not `raised` says how many items --since left out, and --until says so of later ones."""
    whole = listed(dev_db)
    since = listed(dev_db, "--since", "2023")
    cut = [tid for tid, t in since.items() if t["items"][0]["role"] != "raised"]
    assert cut and all(whole[tid]["first_year"] < 2023 for tid in cut)
    text = CliRunner().invoke(cli, ["--db", dev_db, "threads", "--linker", "lexical", "--since", "2023"])
    assert text.exit_code == 0, text.output
    blocks = {b.split("] ", 1)[1].split()[0]: b for b in ("\n" + text.output).split("\n[")[1:]}
    for tid in cut:
        before = sum(1 for i in whole[tid]["items"] if i["year"] < 2023)
        word = "items" if before != 1 else "item"
        assert f"not shown: {before} earlier {word}, before --since" in blocks[tid]
        assert f"--explain {tid}" in blocks[tid]
    untouched = [tid for tid, t in since.items() if all(i["year"] >= 2023 for i in whole[tid]["items"])]
    assert untouched and not any("not shown:" in blocks[tid] for tid in untouched)
    md = CliRunner().invoke(cli, ["--db", dev_db, "threads", "--linker", "lexical", "--until", "2021", "--md"])
    later = [tid for tid, t in listed(dev_db, "--until", "2021").items() if whole[tid]["last_year"] > 2021]
    assert later and md.output.count("later item") >= len(later)
    # the JSON contract is unchanged: items keep their roles, no new keys
    assert all(set(t) == set(whole[tid]) for tid, t in since.items())

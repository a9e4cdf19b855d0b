"""`forumlens threads` through the real command on the development corpus, the JSON contract, and the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import Store, open_store
from forumlens.threads import store_threads

DEV = Path(__file__).resolve().parents[1] / "bench" / "threads" / "dev"
CONTRACT = ["id", "kind", "category", "coalition", "status", "first_year", "last_year", "summary"]
ITEM = {"session", "line", "year", "speaker", "role", "quote"}
STATUSES = {
    "ask": {"recurring", "raised-once", "answered"},
    "commitment": {"fulfilled", "unfulfilled", "pending"},
    "question": {"answered", "answered-later", "open"},
}


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("threads") / "dev.sqlite3")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(DEV)])
    assert result.exit_code == 0, result.output
    return db


def run(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", db, "threads", "--linker", "lexical", *args])
    return result.exit_code, result.output


def sources() -> dict[str, list[str]]:
    return {p.name: p.read_text("utf-8").split("\n") for p in DEV.iterdir()}


def test_json_contract_and_verbatim_citations(dev_db):
    code, out = run(dev_db, "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["linker"] == "lexical"
    threads = data["threads"]
    assert {t["kind"] for t in threads} == {"ask", "commitment", "question"}
    store = open_store(dev_db, readonly=True)
    try:
        texts = {sid: store.session_text(sid) for sid in {i["session"] for t in threads for i in t["items"]}}
    finally:
        store.close()
    for t in threads:
        assert list(t)[: len(CONTRACT)] == CONTRACT and "items" in t
        assert t["status"] in STATUSES[t["kind"]]
        assert t["first_year"] <= t["last_year"]
        assert t["items"][0]["role"] == "raised"
        for item in t["items"]:
            assert set(item) >= ITEM and set(item) - ITEM <= {"title", "date", "page", "section", "who"}  # extensions
            found = texts[item["session"]]
            assert found is not None
            assert item["quote"] in found[2].split("\n")[item["line"] - 1]


def test_a_recurring_ask_across_three_years_and_a_report(dev_db):
    code, out = run(dev_db, "--json", "--coalition", "DC3", "--kind", "ask")
    assert code == 0, out
    threads = json.loads(out)["threads"]
    assert {t["coalition"] for t in threads} == {"DC on Community Connectivity"}
    longest = max(threads, key=lambda t: len(t["items"]))
    assert longest["status"] == "recurring" and longest["category"] == "funding"
    assert [i["year"] for i in longest["items"]] == [2021, 2022, 2023]
    assert longest["items"][-1]["speaker"] is None  # the annual report's paragraph


def test_filters_by_status_kind_and_years(dev_db):
    _, out = run(dev_db, "--json", "--kind", "commitment", "--status", "unfulfilled")
    unfulfilled = json.loads(out)["threads"]
    assert unfulfilled and all(t["status"] == "unfulfilled" for t in unfulfilled)
    assert all(any(i["role"] == "reported" for i in t["items"]) for t in unfulfilled)
    _, out = run(dev_db, "--json", "--since", "2023")
    assert all(t["last_year"] >= 2023 for t in json.loads(out)["threads"])
    _, out = run(dev_db, "--json", "--until", "2021-12")
    assert all(t["first_year"] <= 2021 for t in json.loads(out)["threads"])
    _, every = run(dev_db, "--json")
    _, later = run(dev_db, "--json", "--status", "answered-later")
    assert len(json.loads(later)["threads"]) < len(json.loads(every)["threads"])


def test_markdown_cites_titles_and_text_lists_ids(dev_db):
    code, md = run(dev_db, "--md", "--kind", "commitment")
    assert code == 0 and md.startswith("# Threads")
    assert "IGF 2021 – Day 2" in md and "line 27" in md
    code, text = run(dev_db, "--kind", "question", "--status", "open")
    assert code == 0 and "[question · open]" in text and "linker: lexical" in text


def test_explain_shows_rules_scores_and_refusals(dev_db):
    _, out = run(dev_db, "--json", "--kind", "commitment", "--status", "unfulfilled")
    thread = json.loads(out)["threads"][0]
    code, text = run(dev_db, "--explain", thread["id"])
    assert code == 0, text
    assert "opened" in text and "score" in text and "candidate" in text
    header = text.splitlines()[0]  # whose thread, by name: never the internal key ("coalition:DC3")
    assert thread["coalition"] in header and thread["actor"] not in header and "(actor" not in header
    code, data = run(dev_db, "--explain", thread["id"], "--json")
    decisions = json.loads(data)["thread"]["decisions"]
    assert next(d["action"] for d in decisions if d["thread"] == thread["id"]) == "opened"


def test_explain_takes_an_id_prefix_as_report_and_show_take_a_session_prefix(dev_db):
    """The ids `threads` prints are 11 characters; a unique prefix of 4 or more (any case) names the
    thread, as a session id prefix names a session elsewhere (it used to be "no thread has the id")."""
    _, out = run(dev_db, "--json", "--kind", "ask")
    ids = [t["id"] for t in json.loads(out)["threads"]]
    unique = next(i for i in ids if sum(j.startswith(i[:6]) for j in ids) == 1)
    whole = run(dev_db, "--explain", unique)
    assert whole[0] == 0
    assert run(dev_db, "--explain", unique[:6].upper()) == whole
    code, out = run(dev_db, "--explain", unique[:3])  # too short to be read as an id
    assert code == 1 and "4 characters or more" in out


def test_a_prefix_two_threads_share_lists_them_and_asks_for_more():
    from forumlens.commands.threads import pick_thread
    from forumlens.errors import ConfigError
    from forumlens.threads.models import Thread

    threads = [
        Thread("a1b2c3d4e5f", "ask", "DC-PAL", "DC-PAL", "funding", status="recurring"),
        Thread("a1b2ffff000", "ask", "IS3C", "IS3C", "participation", status="raised-once"),
    ]
    assert pick_thread(threads, "a1b2c") is threads[0] and pick_thread(threads, "a1b2f") is threads[1]
    assert pick_thread(threads, "b000") is None and pick_thread(threads, "a1b") is None
    with pytest.raises(ConfigError) as shared:
        pick_thread(threads, "a1b2")
    message = str(shared.value)
    assert "'a1b2' matches 2 threads (give more of the id)" in message
    assert "a1b2c3d4e5f  ask · recurring · DC-PAL" in message and "a1b2ffff000" in message


def test_usage_errors_name_the_fix(dev_db):
    code, out = run(dev_db, "--explain", "nope")
    assert code == 1 and "no thread has the id" in out and "forumlens threads" in out
    code, out = run(dev_db, "--coalition", "Coalition of Nothing Whatsoever")
    assert code == 1 and "error:" in out
    code, out = run(dev_db, "--since", "2024", "--until", "2021")
    assert code == 2 and "--since" in out
    code, out = run(dev_db, "--json", "--md")
    assert code == 2


def test_ingest_keeps_thread_items_and_threads_need_no_write(dev_db):
    store = open_store(dev_db, readonly=True)
    try:
        assert all(s.items is not None for s in store.thread_sources())  # after_ingest stored them
        assert store.sessions_without_thread_items() == []
    finally:
        store.close()


def test_store_methods_on_both_back_ends(fresh_store: Store):
    ingest_paths(
        fresh_store, [DEV / "igf2021-dc-coordination.txt", DEV / "igf2023-dc-coordination.txt"], IngestOptions()
    )
    found = fresh_store.thread_sources()
    assert [s.year for s in found] == [2021, 2023] and all(s.items for s in found)
    first = found[0].session
    fresh_store.save_thread_items(first, {"version": 1, "items": [], "speakers": {}})
    assert fresh_store.thread_sources()[0].items == {"version": 1, "items": [], "speakers": {}}
    analyses = {k: v for k, v in fresh_store.analyses(first).items() if k != "thread_items"}
    fresh_store.replace_analyses(first, analyses)  # as `analyse` does, before after_ingest extracts again
    assert fresh_store.sessions_without_thread_items() == [first]
    linked = store_threads(fresh_store)  # … and threads extract what is missing on the fly
    toolkit = [t for t in linked.threads if t.kind == "commitment" and t.status == "fulfilled"]
    assert toolkit and toolkit[0].items[0].session == first

"""Thread items name the person the resolve stage resolved, never a caption label variant (issue 20/23 item 6).

In the shared main session the captioners label one panellist's turn "OLIVIER REPIN-LEBLOND";
the people analysis merges that label into Olivier Crepin-Leblond (DC on Core Internet
Values). Every expectation below is read from that analysis (its people, their labels and
affiliations), not written down from the transcript, so the rule is checked for any label
variant it merges. Also: an empty thread list names the filters that kept nothing, in the
words the CLI's note uses.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.commands.threads import why_no_threads
from forumlens.ingest import prepare_bytes
from forumlens.models import Session, Turn
from forumlens.store import open_store
from forumlens.threads import SessionItems, extract_items, store_threads
from forumlens.threads.items import credited_session
from forumlens.threads.render import Citing, filter_terms, format_markdown, format_text, no_threads
from forumlens.threads.service import ThreadFilters
from forumlens.transcript.speakers import name_key

from .conftest import MAIN_SESSION

COALITION_SIGNALS = {"need", "promise", "update", "delivery", "slip"}  # items a speaker's coalition owns


@dataclass(frozen=True)
class Prepared:
    session: Session
    analyses: Mapping[str, Any]
    items: SessionItems


@pytest.fixture(scope="module")
def main() -> Prepared:
    p = prepare_bytes(MAIN_SESSION.read_bytes(), MAIN_SESSION.name)
    assert p.failure is None, p.failure
    return Prepared(p.session, p.analyses, extract_items(p.session, p.analyses, "main"))


def merged_variants(analyses: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """name_key of each caption label the people analysis merged into a person of another name → that person."""
    out = {}
    for person in analyses.get("people") or ():
        name = person.get("name")
        for label in person.get("labels") or ():
            if name and name_key(label) != name_key(name):
                out[name_key(label)] = person
    return out


def flagged_lines(analyses: Mapping[str, Any]) -> set[int]:
    return {int(f["line"]) for f in analyses.get("flags") or () if isinstance(f.get("line"), int)}


def variant_turns(p: Prepared) -> list[tuple[Turn, Mapping[str, Any]]]:
    """Speech turns whose caption label is a merged variant (and not a flagged mis-attribution)."""
    variants = merged_variants(p.analyses)
    flagged = flagged_lines(p.analyses)
    return [
        (t, variants[name_key(t.label)])
        for t in p.session.turns
        if t.kind == "speech" and t.label and name_key(t.label) in variants and t.line not in flagged
    ]


def on_turn(items: SessionItems, turn: Turn) -> list[Any]:
    return [i for i in items.items if turn.line <= i.line <= max(turn.line, turn.end_line)]


def test_the_shared_session_has_a_merged_label_variant_with_items_on_it(main: Prepared) -> None:
    turns = variant_turns(main)
    assert turns, "the people analysis merges a caption label variant (OLIVIER REPIN-LEBLOND)"
    assert any(on_turn(main.items, t) for t, _ in turns), "the variant's turn says something a thread keeps"


def test_an_item_on_a_label_variant_is_credited_to_the_merged_person(main: Prepared) -> None:
    for turn, person in variant_turns(main):
        for item in on_turn(main.items, turn):
            assert item.speaker == person["name"], (item.line, item.speaker, turn.label)
    variants = merged_variants(main.analyses)
    assert not [i for i in main.items.items if i.speaker and name_key(i.speaker) in variants]


def test_the_variants_coalition_items_are_his_coalitions(main: Prepared) -> None:
    owned = [
        (item, person)
        for turn, person in variant_turns(main)
        for item in on_turn(main.items, turn)
        if item.signal in COALITION_SIGNALS
    ]
    assert owned, "the variant's turn asks for something"
    for item, person in owned:
        assert item.coalition == person["affiliation"], (item.line, item.coalition)
    speakers = main.items.speakers
    for _turn, person in variant_turns(main):
        assert speakers.get(person["name"]) == person["affiliation"]
    variants = merged_variants(main.analyses)
    assert not [name for name in speakers if name_key(name) in variants], speakers


def test_credited_turns_name_people_on_record_or_keep_their_caption(main: Prepared) -> None:
    """Every speech turn names the person the analysis counts it for; a turn the parser gave no
    speaker is not renamed after its own label."""
    credited = credited_session(main.session, main.analyses)
    names = {p["name"] for p in main.analyses.get("people") or () if p.get("name")}
    known = {name_key(lbl): p["name"] for p in main.analyses["people"] if p.get("name") for lbl in p["labels"]}
    flagged = flagged_lines(main.analyses)
    for before, after in zip(main.session.turns, credited.turns, strict=True):
        if before.kind != "speech":
            assert after == before
        elif before.speaker is None and before.line not in flagged:
            assert after.speaker is None, before.label
        elif before.label and name_key(before.label) in known and before.line not in flagged:
            assert after.speaker == known[name_key(before.label)], before.label
        if after.speaker != before.speaker:
            assert after.speaker in names
        assert after.text == before.text  # only who, never what


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("walk3") / "s.sqlite3")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(MAIN_SESSION)])
    assert result.exit_code == 0, result.output
    return db


def test_threads_json_attributes_the_variants_thread_to_his_coalition(store_db: str, main: Prepared) -> None:
    result = CliRunner().invoke(cli, ["--db", store_db, "threads", "--json", "--linker", "lexical"])
    assert result.exit_code == 0, result.output
    threads = json.loads(result.output)["threads"]
    spans = [(t.line, max(t.line, t.end_line), person) for t, person in variant_turns(main)]
    text = MAIN_SESSION.read_text("utf-8").splitlines()
    seen = 0
    for thread in threads:
        for item in thread["items"]:
            for lo, hi, person in spans:
                if not lo <= item["line"] <= hi:
                    continue
                seen += 1
                assert item["speaker"] == person["name"]
                assert item["quote"] in text[item["line"] - 1]
                if thread["kind"] == "ask":  # a need is the coalition's: so is its thread
                    assert thread["coalition"] == person["affiliation"], thread["summary"]
                    assert thread["summary"].startswith(person["affiliation"])
    assert seen


def test_the_portal_links_the_merged_name_to_his_person_page(store_db: str, main: Prepared) -> None:
    from fastapi.testclient import TestClient

    from forumlens.web import create_app
    from forumlens.web.views import slug

    from .web_support import web_settings

    spans = [(t.line, max(t.line, t.end_line), person["name"]) for t, person in variant_turns(main)]
    with TestClient(create_app(store_db, web_settings(store_db))) as client:
        threads = client.get("/api/threads").json()["threads"]
        theirs = {
            (t["id"], name)
            for t in threads
            for item in t["items"]
            for lo, hi, name in spans
            if lo <= item["line"] <= hi
        }
        assert theirs
        for thread_id, name in theirs:
            page = client.get(f"/threads/{thread_id}")
            assert page.status_code == 200
            url = f"/people/{slug(name)}"
            assert f'href="{url}"' in page.text, (thread_id, name)
            assert client.get(url).status_code == 200


# -- an empty list says which filters kept nothing ----------------------------------------------


def test_an_empty_list_names_the_filters_that_kept_nothing(store_db: str) -> None:
    with open_store(store_db, readonly=True) as store:
        linked = store_threads(store, linker="lexical")
    assert linked.threads
    filters = ThreadFilters(kind="ask", since=2099)
    assert format_text([], linked, filters=filters) == "No threads match kind ask, since 2099."
    assert format_markdown([], linked, Citing(), filters=filters) == "_No threads match kind ask, since 2099._\n"
    both = ThreadFilters(coalition="DC on Core Internet Values", status="pending", until=2020)
    assert no_threads(both) == "No threads match status pending, coalition DC on Core Internet Values, until 2020."
    assert no_threads(ThreadFilters()) == "No threads on record."
    # the CLI's note on stderr lists the same filters in the same words
    for f in (filters, both):
        assert ", ".join(filter_terms(f)) in why_no_threads(f, len(linked.threads))


def test_the_empty_list_through_the_command_still_notes_the_filters(store_db: str) -> None:
    result = CliRunner().invoke(cli, ["--db", store_db, "threads", "--kind", "ask", "--since", "2099"])
    assert result.exit_code == 0
    assert "No threads match" in result.output
    assert "kind ask, since 2099" in result.output

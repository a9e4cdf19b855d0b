"""Matching: interests × session facts → matches with a reason and an evidence line."""

from __future__ import annotations

from collections import Counter

import pytest

from forumlens.route.matching import (
    Fact,
    SessionFacts,
    coalition_keys,
    match_new_sessions,
    match_session,
    tag_key,
)
from forumlens.route.models import Interests, Subscriber
from forumlens.route.repository import SubscriberRepository
from forumlens.route.service import add_subscriber

from .conftest import MAIN_SESSION
from .route_support import store_session

FACTS = SessionFacts(
    session_id="abc123",
    title="Roundtable",
    lines=("title", "", "line three", "", "", "", "I speak for the DC on Core Internet Values."),
    coalitions=(Fact("DC on Core Internet Values", (7, 8), "presented", ("DC-CIV",)),),
    tags=(Fact("SDG9", (3,), "Industry, innovation and infrastructure", ("sdg",)),),
    people=(Fact("Olivier Crépin-Leblond", (7,), "dc-representative"),),
    questions=(
        {
            "line": 3,
            "by": "Amina Yusuf",
            "to": "DC on Gender and Internet Governance",
            "text": "how do you measure it?",
            "status": "unanswered",
        },
    ),
    query_hits={"net neutrality": (7, "the **net neutrality** paper")},
)


def sub(**interests: tuple[str, ...]) -> Subscriber:
    return Subscriber(name="Envoy", id=1, interests=Interests(**interests))


@pytest.mark.parametrize(
    "interests, kind, line",
    [
        ({"coalitions": ("DC-CIV",)}, "coalition", 7),
        ({"coalitions": ("dc on core internet values",)}, "coalition", 7),
        ({"tags": ("sdg9",)}, "tag", 3),
        ({"tags": ("sdg:SDG 9",)}, "tag", 3),
        ({"people": ("Olivier Crepin Leblond",)}, "person", 7),  # accents and hyphens ignored
        ({"people": ("crepin-leblond",)}, "person", 7),  # part of a name
        ({"queries": ("net neutrality",)}, "query", 7),
        ({"questions_to": ("DC on Gender and Internet Governance",)}, "question", 3),
    ],
)
def test_each_interest_kind_matches_with_its_evidence_line(interests, kind, line):
    [match] = match_session(FACTS, sub(**interests))
    assert (match.kind, match.line, match.session_id) == (kind, line, "abc123")
    assert match.item.startswith(f"abc123/{kind}/")
    assert match.reason and match.evidence


@pytest.mark.parametrize(
    "interests",
    [
        {"coalitions": ("DC on Gender and Internet Governance",)},  # mentioned only in a question here
        {"tags": ("SDG3",)},
        {"people": ("Jennifer Chung",)},
        {"queries": ("blockchain",)},
        {"questions_to": ("DC on Core Internet Values",)},
        {},
    ],
)
def test_interests_that_are_not_in_the_session_do_not_match(interests):
    assert match_session(FACTS, sub(**interests)) == []


def test_reason_says_which_interest_matched_and_evidence_quotes_the_line():
    [match] = match_session(FACTS, sub(coalitions=("DC-CIV",)))
    assert match.reason == "coalition DC-CIV: DC on Core Internet Values (presented)"
    assert match.evidence == "I speak for the DC on Core Internet Values."


def test_registry_makes_official_names_and_acronyms_one_interest():
    from forumlens.resolve.registry import load_registry

    keys = coalition_keys("Dynamic Coalition on Gender and Internet Governance", load_registry())
    assert {"dc gender", "dc on gender and internet governance"} <= keys
    assert tag_key("GDC 3") == "GDC3"


def test_stored_analyses_match_and_are_recorded_once(fresh_store):
    session_id = store_session(fresh_store)
    add_subscriber(
        fresh_store,
        "Tech Envoy",
        email="envoy@example.org",
        interests={
            "coalitions": ["Dynamic Coalition on Core Internet Values"],
            "tags": ["SDG9"],
            "people": ["Amina Yusuf"],
            "queries": ['"net neutrality"'],
            "questions_to": ["DC-Gender"],
        },
    )
    add_subscriber(fresh_store, "Health office", feed=True, interests={"tags": ["SDG3"]})
    first = match_new_sessions(fresh_store, [session_id])
    assert sorted((m.kind, m.line) for m in first) == [
        ("coalition", 7),
        ("person", 11),
        ("query", 8),
        ("question", 11),
        ("tag", 17),
    ]
    assert {m.subscriber for m in first} == {"Tech Envoy"}
    assert match_new_sessions(fresh_store, [session_id]) == []  # idempotent: nothing new
    sub_id = SubscriberRepository(fresh_store).get("Tech Envoy").id
    queued = Counter((d.channel, d.status) for d in fresh_store.delivery_log(sub_id))
    assert queued == {("email", "pending"): 5}


def test_people_match_from_turns_when_no_cast_analysis_is_stored(fresh_store):
    session_id = store_session(fresh_store, analyses={})
    add_subscriber(fresh_store, "Watcher", feed=True, interests={"people": ["kenji tanaka"], "tags": ["SDG9"]})
    [match] = match_new_sessions(fresh_store, [session_id])
    assert (match.kind, match.line) == ("person", 17)


def test_real_corpus_session_matches_coalition_and_query(fresh_store):
    from forumlens.ingest import IngestOptions, ingest_file

    outcome = ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=10**8))
    add_subscriber(
        fresh_store, "Envoy", feed=True, interests={"queries": ['"net neutrality"'], "people": ["Jennifer Chung"]}
    )
    matches = match_new_sessions(fresh_store, [outcome.session])
    by_kind = {m.kind: m for m in matches}
    assert set(by_kind) == {"query", "person"}
    lines = MAIN_SESSION.read_text("utf-8").split("\n")
    assert "net neutrality" in lines[by_kind["query"].line - 1].lower()
    assert "JENNIFER CHUNG" in lines[by_kind["person"].line - 1]


_STATEMENT = (
    "---\ntitle: Statement of the Dynamic Coalition on Community Connectivity, 2024\ndate: 2024-05-02\n---\n\n"
    "# Statement of the Dynamic Coalition on Community Connectivity\n\n"
    "We ask regulators to give community networks affordable access to spectrum in rural areas.\n"
)


def test_a_coalitions_own_document_is_not_a_mention_and_front_matter_is_no_evidence(fresh_store):
    from forumlens.ingest import ingest_bytes

    outcome = ingest_bytes(fresh_store, _STATEMENT.encode(), "dc3-statement.md")
    add_subscriber(fresh_store, "Watcher", feed=True, interests={"coalitions": ["DC3"]})
    [match] = match_new_sessions(fresh_store, [outcome.session])
    assert "(its own statement)" in match.reason and "mentioned" not in match.reason
    assert match.line == 6  # the heading, never line 2 ("title:" of the front matter)


def test_a_coalition_named_only_in_front_matter_is_not_in_the_text():
    from forumlens.route.matching import Fact, coalitions_in_text

    text = "---\ntitle: Notes on the Dynamic Coalition on Gender\n---\n\nThe IGF met in Kyoto."
    gender = Fact("DC on Gender and Internet Governance", (2,), "mentioned")
    notes = {"kind": "notes", "coalitions": [{"name": "DC on Schools of Internet Governance"}]}
    assert coalitions_in_text([gender], text, "Notes", notes) == ()
    # in a transcript the same lines after the front matter stay, with their status
    kept = Fact("DC on Gender and Internet Governance", (2, 5), "mentioned")
    assert coalitions_in_text([kept], text, "Notes", None) == (Fact(kept.name, (5,), "mentioned"),)

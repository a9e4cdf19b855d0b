"""The store methods semantic search and related items read through (store/vectors.py), on both back ends.

No extra needed: vectors here are bytes written by the test, not the model's.
"""

from __future__ import annotations

import struct

import pytest

from forumlens.search import SearchFilters
from forumlens.store import Store
from forumlens.store.sqlstore import SQLStore
from forumlens.store.vectors import ActorMention, VectorQueries, VectorStore, turns_passing_sql

from .test_semantic_related import CONNECTIVITY, LIBRARIES, NEEDS, SCHOOLS, ingest_resources


def vector(*values: float) -> bytes:
    return struct.pack(f"<{len(values)}f", *values)


@pytest.fixture
def store(fresh_store: Store) -> Store:
    ingest_resources(fresh_store)
    return fresh_store


# -- the pure builder ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "filters, dialect, clauses, params",
    [
        (SearchFilters(), "sqlite", [], []),
        (SearchFilters(year=2022), "sqlite", ["s.year = ?"], [2022]),
        (  # the caption label, or the person the turn is counted for
            SearchFilters(speaker="Mei"),
            "sqlite",
            ["(t.speaker_key LIKE ? OR t.person_key LIKE ?)"],
            ["%mei%", "%mei%"],
        ),
        (
            SearchFilters(speaker="Mei"),
            "postgres",
            ["(t.speaker_key LIKE ? ESCAPE '' OR t.person_key LIKE ? ESCAPE '')"],
            ["%mei%", "%mei%"],
        ),
        (
            SearchFilters(session="F4435E", tag="sdg9"),
            "postgres",
            [
                "(s.id LIKE ? ESCAPE '' OR lower(s.title COLLATE \"C\") LIKE ? ESCAPE '')",
                't.session_id IN (SELECT session_id FROM tags WHERE upper(code COLLATE "C") = ?)',
            ],
            ["f4435e%", "%f4435e%", "SDG9"],
        ),
    ],
)
def test_turns_passing_sql(filters, dialect, clauses, params):
    sql, got = turns_passing_sql(filters, dialect)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    assert sql == "SELECT t.session_id, t.idx FROM turns t JOIN sessions s ON s.id = t.session_id" + where
    assert got == params


# -- one implementation, declared once ------------------------------------------------------------------
def test_every_declared_method_is_implemented_once_and_not_shadowed():
    declared = {n for n, v in vars(VectorStore).items() if callable(v) and not n.startswith("_")}
    implemented = {n for n, v in vars(VectorQueries).items() if callable(v) and not n.startswith("_")}
    assert declared == implemented
    for name in implemented:  # another query mixin defining the same name would win or lose silently
        assert getattr(SQLStore, name) is vars(VectorQueries)[name], name


# -- passage vectors ------------------------------------------------------------------------------------
def test_vectors_are_written_per_session_and_read_per_model(store):
    assert store.vector_counts() == {} and store.embedded_sessions("m1") == set()
    empty = store.vectors_signature("m1")
    store.replace_passage_vectors(NEEDS, "m1", [(3, 0, 13, 0, 44, vector(1, 0)), (3, 1, 13, 45, 80, vector(0, 1))])
    store.replace_passage_vectors(LIBRARIES, "m2", [(1, 0, 9, 0, 30, vector(0.6, 0.8))])
    assert store.vector_counts() == {"m1": 2, "m2": 1}
    assert store.embedded_sessions("m1") == {NEEDS} and store.embedded_sessions("m2") == {LIBRARIES}
    stored = store.passage_vectors("m1")
    assert stored.keys == [(NEEDS, 3, 0, 13, 0, 44), (NEEDS, 3, 1, 13, 45, 80)]
    assert stored.data == vector(1, 0) + vector(0, 1)
    signature = store.vectors_signature("m1")
    assert signature != empty
    store.replace_passage_vectors(NEEDS, "m3", [(0, 0, 7, 0, 10, vector(1, 0))])  # every model of the session goes
    assert store.vector_counts() == {"m2": 1, "m3": 1}
    assert store.vectors_signature("m1") == empty and store.passage_vectors("m1").data == b""


# -- turns ------------------------------------------------------------------------------------------------
def test_turns_of_a_session_by_key_and_by_line(store):
    turns = store.session_turns(CONNECTIVITY)
    assert [t.index for t in turns] == list(range(len(turns))) and turns[1].line == 9
    assert all(t.session == CONNECTIVITY and t.title.startswith("IGF 2022") for t in turns)
    covering = store.turn_covering(CONNECTIVITY, 9)
    assert covering == turns[1] and covering.speaker == "Luca Rossi" and "affordable spectrum" in covering.text
    assert store.turn_covering(CONNECTIVITY, 2) is None  # the title line is in no turn
    found = store.turns_by_key([(CONNECTIVITY, 1), (LIBRARIES, 0), (LIBRARIES, 99), ("nosuchsession", 0)])
    assert set(found) == {(CONNECTIVITY, 1), (LIBRARIES, 0)} and found[(CONNECTIVITY, 1)] == covering


def test_turns_passing_the_search_filters(store):
    every = store.turns_passing(SearchFilters())
    assert len(every) == store.counts()["turns"]
    assert store.turns_passing(SearchFilters(session=LIBRARIES[:6])) == {(LIBRARIES, i) for i in range(3)}
    assert store.turns_passing(SearchFilters(speaker="luca rossi")) == {(CONNECTIVITY, 1)}
    assert store.turns_passing(SearchFilters(coalition="dc-pal")) == {(LIBRARIES, i) for i in range(3)}


def test_session_ids_with_prefix(store):
    assert store.session_ids_with_prefix(CONNECTIVITY[:6]) == [CONNECTIVITY]
    assert store.session_ids_with_prefix("%") == [] and store.session_ids_with_prefix("_") == []
    assert store.session_ids_with_prefix("") == sorted([CONNECTIVITY, LIBRARIES, NEEDS, SCHOOLS])


# -- tags and who was there -------------------------------------------------------------------------------------
def test_mentions_and_affiliations(store):
    mentions = store.actor_mentions()
    assert ActorMention(LIBRARIES, "DC on Public Access in Libraries", "DC-PAL", "presented", (7, 9)) in mentions
    assert [(m.session, m.name) for m in mentions] == sorted((m.session, m.name) for m in mentions)
    spoke = {(a.session, a.name) for a in store.affiliated_appearances()}
    assert (CONNECTIVITY, "DC on Community Connectivity") in spoke
    assert store.speaker_affiliations(CONNECTIVITY, "Luca Rossi") == ["DC on Community Connectivity"]
    assert store.speaker_affiliations(CONNECTIVITY, "Nobody") == []


def test_tags_and_profile_inputs(store):
    assert store.best_tag_line(CONNECTIVITY) == 7 and store.best_tag_line(NEEDS) is None
    evidence = store.tag_evidence()
    assert all(isinstance(lines, list) and all(isinstance(x, int) for x in lines) for *_, lines in evidence)
    inputs = store.profile_inputs()
    assert inputs.sessions == sorted([CONNECTIVITY, LIBRARIES, NEEDS, SCHOOLS])
    assert inputs.keywords[CONNECTIVITY] == store.analysis(CONNECTIVITY, "keywords")
    assert {(sid, code) for sid, _, code, _ in inputs.tags} == {(sid, code) for sid, code, _, _ in evidence}
    assert inputs.mentions == store.actor_mentions()

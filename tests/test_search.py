"""Query parsing: any user string becomes a safe query; the SQL builders stay pure."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forumlens.search import SearchFilters, parse_query, to_fts5
from forumlens.store.sql import filter_sql, search_sql


@pytest.mark.parametrize(
    "text, groups, excluded",
    [
        ("funding research", [["funding", "research"]], []),
        ('"net neutrality" enforcement', [["net neutrality", "enforcement"]], []),
        ("libraries OR schools", [["libraries"], ["schools"]], []),
        ("platforms -telcos", [["platforms"]], ["telcos"]),
        ("platforms NOT telcos", [["platforms"]], ["telcos"]),
        ("wi-fi", [["wi fi"]], []),
        ('"unclosed phrase here', [["unclosed phrase here"]], []),
        ("((( unbalanced )", [["unbalanced"]], []),
        ("AND OR NEAR", [], []),
        ("😀 emoji 🎉", [["emoji"]], []),
        ("", [], []),
    ],
)
def test_parse_query(text, groups, excluded):
    query = parse_query(text)
    assert [[t.text for t in g] for g in query.groups] == groups
    assert [t.text for t in query.excluded] == excluded


def test_prefix_terms_keep_their_star():
    ((term,),) = parse_query("interop*").groups
    assert term.prefix and to_fts5(parse_query("interop*")) == '("interop"*)'


def test_only_exclusions_match_nothing():
    assert to_fts5(parse_query("-telcos")) is None


def test_every_term_is_quoted_in_fts5():
    assert to_fts5(parse_query('a"b OR c')) == '("a b") OR ("c")'
    assert to_fts5(parse_query('say "hi')) == '("say" AND "hi")'


def test_very_long_queries_are_capped():
    query = parse_query("word " * 5000)
    assert len(query.terms) <= 32


@pytest.mark.parametrize(
    "filters, clause, params",
    [
        (SearchFilters(speaker="Crépin-Leblond"), "t.speaker_key LIKE ?", ["%crepin leblond%"]),
        (SearchFilters(year=2021), "s.year = ?", [2021]),
        (SearchFilters(session="D209c"), "(s.id LIKE ? OR lower(s.title) LIKE ?)", ["d209c%", "%d209c%"]),
    ],
)
def test_filter_sql(filters, clause, params):
    where, got = filter_sql(filters)
    assert where == [clause] and got == params


def test_search_sql_binds_the_match_and_paginates():
    sql, params = search_sql('"x"', SearchFilters(limit=5, offset=10))
    assert "turns_fts MATCH ?" in sql and params == ['"x"', 5, 10]
    assert "JOIN sessions" not in sql  # only joined when a filter needs it


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_and_renders(text):
    expr = to_fts5(parse_query(text))
    assert expr is None or expr.count('"') % 2 == 0


# -- hybrid search on a store without vectors says why, and keeps its lexical half (issue 17, item 5) --
@pytest.fixture(scope="module")
def unembedded_store_path(tmp_path_factory):
    """The four small semantic-test sessions, ingested by the real pipeline, never embedded."""
    from forumlens.ingest import IngestOptions, ingest_paths
    from forumlens.store import open_store

    from .conftest import RESOURCES

    path = str(tmp_path_factory.mktemp("no-vectors") / "store.sqlite3")
    with open_store(path) as store:
        outcomes = ingest_paths(store, [RESOURCES / "semantic"], IngestOptions(max_bytes=5_000_000))
        assert [o.status for o in outcomes] == ["ingested"] * 4
    return path


def test_hybrid_without_vectors_answers_lexically_with_a_notice(unembedded_store_path):
    from forumlens.semantic import hybrid_notice, search_answer
    from forumlens.store import open_store

    with open_store(unembedded_store_path) as store:
        answer = search_answer(store, "consultants", SearchFilters(), "hybrid")
        paraphrase = search_answer(store, "paying for outside experts", SearchFilters(), "hybrid")
        assert hybrid_notice(store) == answer.notice
    assert answer.mode == "lexical" and [h.line for h in answer.hits] == [13]
    assert answer.notice and "no embeddings are stored" in answer.notice and "forumlens embed" in answer.notice
    assert paraphrase.hits == [] and paraphrase.notice == answer.notice  # the empty list now says why


def test_semantic_without_vectors_is_an_error_naming_embed(unembedded_store_path):
    from forumlens.errors import ConfigError
    from forumlens.semantic import search_answer
    from forumlens.store import open_store

    with open_store(unembedded_store_path) as store, pytest.raises(ConfigError) as info:
        search_answer(store, "consultants", SearchFilters(), "semantic")
    assert "forumlens embed" in info.value.render()


def test_cli_hybrid_without_vectors_prints_the_notice(unembedded_store_path):
    import json

    from click.testing import CliRunner

    from forumlens.cli import cli

    as_json = CliRunner().invoke(
        cli, ["--db", unembedded_store_path, "search", "--mode", "hybrid", "consultants", "--json"]
    )
    data = json.loads(as_json.output)
    assert as_json.exit_code == 0 and [h["line"] for h in data["hits"]] == [13]
    assert "forumlens embed" in data["notice"]
    text = CliRunner().invoke(cli, ["--db", unembedded_store_path, "search", "--mode", "hybrid", "outside experts"])
    assert text.exit_code == 0 and "No matches" in text.stdout
    assert "note: hybrid search answered with words only" in text.stderr and "forumlens embed" in text.stderr
    lexical = json.loads(
        CliRunner().invoke(cli, ["--db", unembedded_store_path, "search", "consultants", "--json"]).output
    )
    assert lexical["notice"] is None


def test_api_hybrid_without_vectors_answers_lexically_with_a_notice(unembedded_store_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from forumlens.web import create_app

    from .web_support import web_settings

    with TestClient(create_app(unembedded_store_path, web_settings(unembedded_store_path))) as client:
        hybrid = client.get("/api/search?q=consultants&mode=hybrid")
        plain = client.get("/api/search?q=consultants").json()
        semantic = client.get("/api/search?q=consultants&mode=semantic")
    assert hybrid.status_code == 200
    data = hybrid.json()
    assert [h["line"] for h in data["hits"]] == [h["line"] for h in plain["hits"]] == [13]
    assert data["mode"] == "lexical" and "forumlens embed" in data["notice"]
    assert plain["notice"] is None and set(plain) >= {"query", "hits", "offset", "limit", "has_next", "facets", "mode"}
    assert semantic.status_code == 400 and "forumlens embed" in semantic.json()["error"]["hint"]

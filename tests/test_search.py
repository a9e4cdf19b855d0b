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
        (
            SearchFilters(speaker="Crépin-Leblond"),  # the caption label, or the person the turn is counted for
            "(t.speaker_key LIKE ? OR t.person_key LIKE ?)",
            ["%crepin leblond%", "%crepin leblond%"],
        ),
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


# -- the candidate cap: common words rank the newest matches, everything else is unchanged (issue 19) --
CAP_QUERIES = [
    "coalition",
    "the",
    '"net neutrality"',
    '"dynamic coalition"',
    "fund*",
    "librar* OR school*",
    "coalition -gender",
    "Muller",
    "access internet",
    "youth OR children",
    '"internet gov*"',
    "a*",
    "2021",
]
CAP_FILTERS = [
    SearchFilters(),
    SearchFilters(limit=1000),
    SearchFilters(limit=7, offset=5),
    SearchFilters(year=2021),
    SearchFilters(speaker="marsden"),
    SearchFilters(session="2015"),
    SearchFilters(coalition="gender"),
    SearchFilters(tag="sdg9"),
]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """The shared transcript and the format samples, ingested by the whole pipeline (tags, coalitions)."""
    from forumlens.ingest import IngestOptions, ingest_paths
    from forumlens.store import open_store

    from .conftest import CORPUS, MAIN_SESSION

    store = open_store(str(tmp_path_factory.mktemp("cap") / "store.sqlite3"))
    paths = [MAIN_SESSION, *sorted((CORPUS / "formats").glob("*.txt"))]
    assert {o.status for o in ingest_paths(store, paths, IngestOptions(max_bytes=20_000_000))} == {"ingested"}
    yield store
    store.close()


def _match_ids(store, text):
    """Every turn id the index matches, newest first (the store's own FTS5 table, no filters)."""
    sql = "SELECT rowid FROM turns_fts WHERE turns_fts MATCH ? ORDER BY rowid DESC"
    return [r[0] for r in store._rows(sql, (to_fts5(parse_query(text)),))]


@pytest.mark.parametrize("filters", CAP_FILTERS, ids=repr)
def test_under_the_cap_the_hits_are_the_exhaustive_hits(corpus_store, filters):
    """Same hits, order, scores, snippets and lines as ranking every match in SQL."""
    from dataclasses import astuple, replace

    compared = 0
    for text in CAP_QUERIES:
        query = parse_query(text)
        capped = corpus_store.search(query, filters)
        exhaustive = corpus_store.search(query, replace(filters, candidates=None))
        assert capped.total_is_estimate is False, text
        assert [astuple(h) for h in capped] == [astuple(h) for h in exhaustive], text
        compared += len(capped)
    assert compared > 0


def test_total_counts_every_match_below_the_cap(corpus_store):
    for text in CAP_QUERIES:
        found = corpus_store.search(parse_query(text), SearchFilters(limit=3))
        assert (found.total, found.total_is_estimate) == (len(_match_ids(corpus_store, text)), False), text


def test_past_the_cap_the_newest_matches_are_ranked_and_the_result_says_so(corpus_store):
    query = parse_query("the")
    newest = _match_ids(corpus_store, "the")
    assert len(newest) > 40
    capped = corpus_store.search(query, SearchFilters(limit=25, candidates=25))
    assert (capped.total, capped.total_is_estimate) == (25, True)
    # exactly the 25 newest matches, ranked by their true bm25 score as the exhaustive SQL ranks them
    expected = corpus_store._rows(
        "SELECT t.session_id, bm25(turns_fts, 1.0, 0.3) AS score FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid"
        " WHERE turns_fts MATCH ? AND turns_fts.rowid >= ? ORDER BY score, turns_fts.rowid",
        (to_fts5(query), newest[24]),
    )
    assert [(h.session, h.score) for h in capped] == [(sid, -score) for sid, score in expected]
    page = corpus_store.search(query, SearchFilters(limit=10, candidates=25))
    assert [h.score for h in page] == [h.score for h in capped[:10]] and page.total_is_estimate
    uncapped = corpus_store.search(query, SearchFilters(limit=10, candidates=len(newest)))
    assert (uncapped.total, uncapped.total_is_estimate) == (len(newest), False)


def test_pages_of_a_capped_search_tile_its_ranking(corpus_store):
    query = parse_query("the")
    whole = corpus_store.search(query, SearchFilters(limit=30, candidates=30))
    pages = [corpus_store.search(query, SearchFilters(limit=10, offset=o, candidates=30)) for o in (0, 10, 20)]
    assert [h.score for p in pages for h in p] == [h.score for h in whole] and len(whole) == 30


def test_a_page_past_the_cap_widens_the_candidates(corpus_store):
    """Asking for hits 40..50 ranks at least 50 matches, so a deep page is never cut short."""
    found = corpus_store.search(parse_query("the"), SearchFilters(limit=10, offset=40, candidates=25))
    assert len(found) == 10 and found.total == 50 and found.total_is_estimate


def test_rank_candidates_orders_by_score_then_id_and_drops_the_extra_row():
    from forumlens.search import rank_candidates

    rows = [(9, 1.0), (8, 3.0), (7, 3.0), (6, 2.0)]  # newest first, as the stores give them
    assert rank_candidates(rows, SearchFilters(limit=3, candidates=3)) == ([(7, 3.0), (8, 3.0), (9, 1.0)], 3, True)
    assert rank_candidates(rows, SearchFilters(limit=2, candidates=None)) == ([(7, 3.0), (8, 3.0)], 4, False)
    assert rank_candidates(rows, SearchFilters(limit=2, offset=1, candidates=10)) == ([(8, 3.0), (6, 2.0)], 4, False)


@pytest.mark.parametrize("filters", CAP_FILTERS, ids=repr)
def test_the_candidate_query_walks_the_index_newest_first(corpus_store, filters):
    """FTS5 is the outer loop and delivers turn-id order itself, so LIMIT stops the walk
    (no sort of every match), and no plan looks the index up once per turn."""
    from forumlens.store.sql import candidates_sql

    sql, params = candidates_sql(to_fts5(parse_query("fund*")), filters, 10)
    plan = [row[3] for row in corpus_store._rows("EXPLAIN QUERY PLAN " + sql, params)]
    assert plan[0].startswith("SCAN turns_fts VIRTUAL TABLE"), plan
    assert not any("ORDER BY" in step for step in plan), plan
    assert params[-1] == 11


def test_a_hit_cites_the_line_holding_most_of_the_query_not_the_first_common_word():
    """A turn of three lines: "for" opens it, while "money" and "libraries" come together two lines
    on; the hit cites that line (it used to cite the first line, for the word "for")."""
    from forumlens.store.sql import line_of_first

    turn = (
        ">> LUCIA: Thank you. Lucia, for the Dynamic Coalition on Public Access in Libraries.\n"
        "\n"
        "Our next round is still waiting for a funder, and without that money the libraries stay out."
    )
    assert line_of_first(turn, 11, ["money", "for", "libraries"]) == 11
    assert line_of_first(turn, 11, ["libraries"]) == 9  # one word: its first line, as before
    assert line_of_first(turn, 11, ["broadband"]) == 9  # no word found (a stemmed match): the turn's line


def test_the_cli_hit_on_the_example_cites_the_funding_line(tmp_path):
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from forumlens.cli import cli

    db = str(tmp_path / "s.sqlite3")
    example = Path(__file__).resolve().parents[1] / "examples" / "igf2025-of-one-year-on.txt"
    assert CliRunner().invoke(cli, ["--db", db, "ingest", "--no-analysis", str(example)]).exit_code == 0
    result = CliRunner().invoke(cli, ["--db", db, "search", "money for libraries", "--json"])
    [hit] = json.loads(result.output)["hits"]
    lines = example.read_text(encoding="utf-8").split("\n")
    assert "money" in lines[hit["line"] - 1] and "libraries" in lines[hit["line"] - 1]

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

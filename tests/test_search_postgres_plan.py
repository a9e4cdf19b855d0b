"""PostgreSQL search reads a common phrase's newest matches from the newest turns first (issue 19).

The shortcut only changes how the candidates are read, never which they are: these tests
compare it with the one-query path on a real server, with spans that hold every match,
some of them, or none (so the "older turns" step runs), and past the end of the store.
"""

import pytest

from forumlens.search import Query, SearchFilters, Term, candidate_window, parse_query
from forumlens.store.fts import to_tsquery
from forumlens.store.postgres import LexemeShares, PostgresStore, match_share, recent_span
from forumlens.store.sql import pg_candidates_sql

from .test_postgres import _fill

PHRASES = [
    '"of the"',
    '"dynamic coalition"',
    '"net neutrality"',
    '"thank you"',
    '"in the" OR "to the"',
    '"we can" -gender',
]


@pytest.fixture(scope="module")
def pg_store(pg_cluster):
    pg_cluster.create_database("plan")
    store = _fill(PostgresStore(pg_cluster.url("plan")))
    store._native("ANALYZE turn_search")
    yield store
    store.close()
    pg_cluster.drop_database("plan")


def _one_query(store, tsquery, window):
    sql, params = pg_candidates_sql(tsquery, SearchFilters(), window)
    return sorted((int(i), float(s)) for i, s in store._unprepared(sql, params))


@pytest.mark.parametrize("text", PHRASES)
@pytest.mark.parametrize("window", [3, 20, 200])
def test_newest_span_first_finds_exactly_the_candidates_of_one_query(pg_store, text, window):
    tsquery = to_tsquery(parse_query(text))
    expected = _one_query(pg_store, tsquery, window)
    assert expected, text  # not vacuous
    turns = int(pg_store._native("SELECT count(*) FROM turns")[0][0])
    for span in (1, 7, 50, turns // 3, turns, turns * 2):
        assert sorted(pg_store._recent_first(tsquery, window, span)) == expected, (text, window, span)


def test_the_store_search_gives_the_same_pages_with_and_without_the_shortcut(pg_store, monkeypatch):
    from forumlens.store import postgres

    filters = SearchFilters(limit=5, candidates=10)
    with_shortcut = {t: pg_store.search(parse_query(t), filters) for t in PHRASES}
    assert any(recent_span(match_share(parse_query(t), pg_store._lexeme_shares()), 10, 1e9) for t in PHRASES)
    monkeypatch.setattr(postgres, "recent_span", lambda *_args: None)
    for text, hits in with_shortcut.items():
        plain = pg_store.search(parse_query(text), filters)
        assert (list(hits), hits.total, hits.total_is_estimate) == (list(plain), plain.total, plain.total_is_estimate)


def test_lexeme_shares_come_from_the_servers_statistics(pg_store):
    shares = pg_store._lexeme_shares()
    assert shares.rows > 0 and shares.shares
    the = int(pg_store._native("SELECT count(*) FROM turn_search WHERE tsv @@ 'the'::tsquery")[0][0])
    assert shares.of_word("the") == pytest.approx(the / shares.rows, rel=0.2)
    assert shares.of_word("zzzunseen") == shares.floor <= min(shares.shares.values())


def test_match_share_combines_terms_as_documented():
    shares = LexemeShares(1000.0, {"of": 0.8, "the": 0.9, "coalition": 0.4, "gender": 0.1, "coal": 0.05}, 0.01)

    def query(*groups, excluded=()):
        def term(text):
            return Term(tuple(text.split()))

        return Query(tuple(tuple(term(w) for w in g) for g in groups), tuple(term(w) for w in excluded))

    assert match_share(query(["of the"]), shares) == pytest.approx(0.8)  # a phrase: its rarest word
    assert match_share(query(["coalition", "gender"]), shares) == pytest.approx(0.04)  # independent terms
    assert match_share(query(["coalition"], ["gender"]), shares) == pytest.approx(0.5)  # groups add up
    assert match_share(query(["of"], ["the"], ["coalition"]), shares) == 1.0  # at most every turn
    assert match_share(query(["coalition"], excluded=["gender"]), shares) == pytest.approx(0.36)
    assert match_share(query(["unknown"]), shares) == pytest.approx(0.01)  # rarer than every listed word
    prefix = Query(((Term(("coal",), prefix=True),),))
    assert match_share(prefix, shares) == pytest.approx(0.46)  # every listed word under the prefix


def test_recent_span_is_used_only_when_it_is_a_small_part_of_the_store():
    window = candidate_window(SearchFilters())
    assert recent_span(0.5, window, 46_000) == int(1.5 * (window + 1) / 0.5) + 1
    assert recent_span(0.01, window, 46_000) is None  # rare: read every match
    assert recent_span(0.1, window, 46_000) is None  # the span would be most of the store
    assert recent_span(0.5, window, 0) is None  # no statistics yet


def test_statistics_rows_are_read_defensively():
    assert LexemeShares.from_stats(None, None, None).shares == {}
    assert LexemeShares.from_stats(10, ["a", "b"], [0.5]).shares == {}  # malformed: ignored
    read = LexemeShares.from_stats(100, ["a", "b"], [0.5, 0.2, 0.2, 0.5, 0.0])
    assert read.shares == {"a": 0.5, "b": 0.2} and read.floor == 0.2 and read.rows == 100

"""The PostgreSQL store on a real server: same hits as SQLite, safe SQL, clear errors."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forumlens.errors import ConfigError, StoreError, StoreReadOnly
from forumlens.ingest import IngestOptions, ingest_file
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.store import open_store
from forumlens.store.migrations import PG_MIGRATIONS, SCHEMA_VERSION, SQLITE_MIGRATIONS
from forumlens.store.postgres import PostgresStore
from forumlens.store.sqlite import SQLiteStore

from .conftest import CORPUS, MAIN_SESSION, ROOT
from .test_store import HOSTILE

FILES = [MAIN_SESSION, *sorted((CORPUS / "formats").glob("*.txt"))]

PARITY_QUERIES = [
    "coalition",
    "the",
    '"net neutrality"',
    '"dynamic coalition"',
    "fund*",
    "librar* OR school*",
    "coalition -gender",
    "coalition NOT internet",
    "Muller",
    "müller",
    "MÜLLER",
    "crepin",
    "chung",
    '"jennifer chung"',
    "wi-fi",
    "e-mail",
    "access internet",
    '"internet governance forum"',
    "youth OR children",
    "data protection",
    "cooperation digital",
    "sdg*",
    "un",
    "2021",
    "IGF",
    "a*",
    '"the"',
    "it's",
    "(((",
    "question answered",
    '"of the"',
    "recommendations governments",
    *HOSTILE,
]
PARITY_FILTERS = [
    SearchFilters(limit=1000),
    SearchFilters(limit=1000, year=2021),
    SearchFilters(limit=1000, speaker="marsden"),
    SearchFilters(limit=1000, speaker="Crépin-Leblond"),
    SearchFilters(limit=1000, session="openness"),
    SearchFilters(limit=1000, session="%"),
    SearchFilters(limit=1000, session="\\"),
    SearchFilters(limit=1000, coalition="gender"),
    SearchFilters(limit=1000, coalition="DC-CIV"),
    SearchFilters(limit=1000, tag="sdg9"),
]


def _fill(store):
    for path in FILES:
        document = read_bytes(path.read_bytes(), str(path))
        store.save_session(document, parse_document(document))
    return store


def _ingest(store):
    """The whole pipeline (analyses and their projections included), as `forumlens ingest` does."""
    for path in FILES:
        assert ingest_file(store, path, IngestOptions(max_bytes=20_000_000)).status == "ingested"
    return store


@pytest.fixture(scope="module")
def both(pg_cluster, tmp_path_factory):
    """The same corpus in a SQLite store and a PostgreSQL store."""
    pg_cluster.create_database("parity")
    sqlite = _ingest(SQLiteStore(str(tmp_path_factory.mktemp("parity") / "s.sqlite3")))
    postgres = _ingest(PostgresStore(pg_cluster.url("parity")))
    yield sqlite, postgres
    sqlite.close()
    postgres.close()
    pg_cluster.drop_database("parity")


def _hits(store, text, filters):
    return {(h.session, h.line, h.speaker) for h in store.search(parse_query(text), filters)}


def test_both_stores_hold_the_same_rows_in_every_table(both):
    """Same ingest, same rows: every column but the ingest time and the turns' own ids."""
    from forumlens.store.transfer import table_digests, tables_of

    sqlite, postgres = both
    columns = {
        t: [c for c in cols if (t, c) not in {("documents", "ingested_at"), ("turns", "id")}]
        for t, cols in tables_of(sqlite).items()
    }
    assert table_digests(postgres, columns) == table_digests(sqlite, columns)
    assert sqlite.counts() == postgres.counts()
    assert sqlite.sessions() != [] and [s.id for s in sqlite.sessions()] == [s.id for s in postgres.sessions()]
    for info in sqlite.sessions():
        assert postgres.load_session(info.id) == sqlite.load_session(info.id)
        for kind in ("people", "coalitions", "tags"):
            assert postgres.analysis(info.id, kind) == sqlite.analysis(info.id, kind)


@pytest.mark.parametrize("filters", PARITY_FILTERS, ids=lambda f: f"{f.year}-{f.speaker}-{f.session}")
def test_sqlite_and_postgres_return_the_same_hits(both, filters):
    sqlite, postgres = both
    nonempty = 0
    for text in PARITY_QUERIES:
        expected = _hits(sqlite, text, filters)
        assert _hits(postgres, text, filters) == expected, text
        nonempty += bool(expected)
    if filters == PARITY_FILTERS[0]:
        assert nonempty >= 30  # the comparison is not vacuous


WORDS = [
    "coalition",
    "internet",
    "the",
    "of",
    "access",
    "dynamic",
    "governance",
    "net",
    "neutrality",
    "funding",
    "youth",
    "müller",
    "gender",
    "data",
    "un",
    "igf",
    "report",
    "libraries",
    "cooperation",
    "platform",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(WORDS),
            st.sampled_from(WORDS).map(lambda w: w[:3] + "*"),
            st.sampled_from(WORDS).map(lambda w: "-" + w),
            st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"'),
            st.sampled_from(["OR", "NOT", "AND", "(", ")", '"', "*", "-"]),
            st.text(max_size=6),
        ),
        max_size=6,
    ).map(" ".join)
)
def test_random_queries_agree(both, text):
    sqlite, postgres = both
    filters = SearchFilters(limit=1000)
    assert _hits(postgres, text, filters) == _hits(sqlite, text, filters)


def test_ranking_puts_the_same_turns_first_for_a_clear_query(both):
    """Scores differ in scale (bm25 vs ts_rank); the best few hits of a focused query agree."""
    sqlite, postgres = both
    query = parse_query('"net neutrality"')

    def top(store):
        return {(h.session, h.line) for h in store.search(query, SearchFilters(limit=3))}

    assert top(postgres) == top(sqlite)


def test_snippets_mark_matches_like_sqlite(both):
    _, postgres = both
    hits = postgres.search(parse_query('"net neutrality"'), SearchFilters())
    assert hits and all("**Net Neutrality**" in h.snippet or "**net neutrality**" in h.snippet.lower() for h in hits)
    accented = postgres.search(parse_query("Muller"), SearchFilters())
    assert [h.speaker for h in accented] == ["Hans-Peter Müller"]


@pytest.mark.parametrize("filters", PARITY_FILTERS, ids=lambda f: f"{f.year}-{f.speaker}-{f.session}")
def test_postgres_under_the_cap_returns_its_exhaustive_hits(both, filters):
    """The capped query path changes nothing below the cap: same hits, order, scores, headlines."""
    from dataclasses import astuple, replace

    _, postgres = both
    for text in PARITY_QUERIES:
        query = parse_query(text)
        capped = postgres.search(query, filters)
        assert capped.total_is_estimate is False, text
        exhaustive = postgres.search(query, replace(filters, candidates=None))
        assert [astuple(h) for h in capped] == [astuple(h) for h in exhaustive], text


@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(limit=5, candidates=5),
        SearchFilters(limit=5, candidates=5, year=2021),
        SearchFilters(limit=5, candidates=5, speaker="chung"),
        SearchFilters(limit=3, offset=2, candidates=5, coalition="gender"),
    ],
    ids=repr,
)
def test_past_the_cap_both_stores_rank_the_same_newest_turns(both, filters):
    """Past the cap each store ranks the newest matches (the same turns) and says the total is capped."""
    sqlite, postgres = both
    capped = 0
    for text in ["the", "coalition", "a*", '"dynamic coalition"', "youth OR children", "internet -governance"]:
        found = [store.search(parse_query(text), filters) for store in (sqlite, postgres)]
        assert [(f.total, f.total_is_estimate) for f in found] == [(found[0].total, found[0].total_is_estimate)] * 2
        if found[0].total_is_estimate and not filters.offset:  # the page holds every candidate
            assert {(h.session, h.line) for h in found[1]} == {(h.session, h.line) for h in found[0]}, text
        capped += found[0].total_is_estimate
    assert capped >= 3


def test_the_candidate_query_is_planned_for_its_own_values(both):
    """Never a prepared statement: a generic plan, blind to how common the words are and
    which year is asked, made a year-filtered search 15 times slower."""
    _, postgres = both
    for year in [2006, 2015, 2018, 2021, 2023] * 3:
        postgres.search(parse_query("coalition"), SearchFilters(year=year))
    prepared = [r[0] for r in postgres._native("SELECT statement FROM pg_prepared_statements")]
    assert not [sql for sql in prepared if "ORDER BY t.id DESC" in sql], prepared


def test_migrations_match_version_for_version():
    assert len(PG_MIGRATIONS) == len(SQLITE_MIGRATIONS) == SCHEMA_VERSION


# Tables, columns, types, keys and indexes of both back ends: tests/test_store_schema.py.


_OPEN = "import sys; from forumlens.store.postgres import PostgresStore; PostgresStore(sys.argv[1]).close()"


def test_concurrent_first_opens_migrate_once(pg_url):
    # eight separate processes, not a fork of this one: a forked pool worker inherits the test
    # process's threads and signal handlers, and one once hung the run (it survived the pool's
    # SIGTERM while waiting on the task queue's lock)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    opens = [subprocess.Popen([sys.executable, "-c", _OPEN, pg_url], env=env, stderr=subprocess.PIPE) for _ in range(8)]
    for proc in opens:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode(errors="replace")
    store = PostgresStore(pg_url)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert store._rows("SELECT count(*) FROM forumlens_schema") == [(SCHEMA_VERSION,)]
        assert store.check() == []
    finally:
        store.close()


def test_a_newer_schema_is_refused(pg_url):
    PostgresStore(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO forumlens_schema (version) VALUES (99)")
    with pytest.raises(StoreError, match="newer than this forumlens"):
        PostgresStore(pg_url)


def test_unreachable_server_is_one_clear_error_without_the_password(pg_cluster):
    url = f"postgresql://someone:s3cret@127.0.0.1:{pg_cluster.port + 1 if pg_cluster.port < 65535 else 1}/x"
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert "cannot reach the PostgreSQL server" in str(info.value)
    assert "s3cret" not in str(info.value) and "***" in str(info.value)


def test_malformed_url_is_a_config_error():
    with pytest.raises((ConfigError, StoreError)):
        open_store("postgresql://host:notaport/db")


def test_a_user_without_write_rights_gets_read_only(pg_cluster, pg_url):
    store = _fill(PostgresStore(pg_url))
    store.close()
    database = pg_url.rsplit("/", 1)[1]
    pg_cluster.admin("DROP ROLE IF EXISTS reader")
    pg_cluster.admin("CREATE ROLE reader LOGIN")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    reader = open_store(pg_url.replace("forumlens@", "reader@"), readonly=True)
    try:
        assert reader.search(parse_query("coalition"), SearchFilters())
        document = read_bytes(b">> JANE DOE: a new session\n", "new.txt")
        with pytest.raises(StoreReadOnly):
            reader.save_session(document, parse_document(document))
    finally:
        reader.close()
        pg_cluster.admin(f'REVOKE ALL ON DATABASE "{database}" FROM reader')


def test_portable_sql_keeps_literal_marks_and_sqlite_aggregates(fresh_store):
    _fill(fresh_store)
    rows = fresh_store._rows("SELECT '?%' || ?, count(*) FROM sessions WHERE title LIKE ?", ["x", "%IGF%"])
    assert rows[0][0] == "?%x" and rows[0][1] >= 1
    ((joined,),) = fresh_store._rows(
        "SELECT group_concat(label) FROM (SELECT label FROM speakers WHERE label LIKE 'J%' ORDER BY label LIMIT 2) AS t"
    )
    assert joined.count(",") == 1
    ((total,),) = fresh_store._rows("SELECT sum(turns) FROM speakers")
    assert isinstance(total, int)


def test_saving_the_same_content_twice_in_one_process_returns_the_first_id(fresh_store, tmp_path):
    path = Path(MAIN_SESSION)
    document = read_bytes(path.read_bytes(), "a.txt")
    first = fresh_store.save_session(document, parse_document(document))
    assert fresh_store.save_session(document, parse_document(document)) == first

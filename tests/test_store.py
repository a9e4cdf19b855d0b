"""The store: atomic, idempotent ingest; ranked, filtered search with snippets."""

import pytest

from forumlens.errors import NotFound, StoreCorrupt, StoreReadOnly
from forumlens.models import Document
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.store.sqlite import SQLiteStore

from .conftest import CORPUS, MAIN_SESSION

HOSTILE = [
    '"',
    "'",
    "AND",
    "OR",
    "NOT",
    "NEAR(a b, 2)",
    "a*",
    "*",
    "-",
    "--",
    "(((",
    ")))",
    '"unbalanced',
    "x OR",
    "OR x",
    "col:term",
    "^caret",
    "😀🎉",
    "a" * 10_000,
    "\x00",
    "%",
    "_",
    "\\",
    "DROP TABLE turns;",
    "' OR 1=1 --",
    "{braces}",
    "[brackets]",
    "a AND (b OR",
    "NOT NOT NOT",
    '""',
    "* OR *",
]


def _store_file(store, path):
    document = read_bytes(path.read_bytes(), str(path))
    return store.save_session(document, parse_document(document))


@pytest.fixture
def loaded(fresh_store):
    _store_file(fresh_store, MAIN_SESSION)
    for path in sorted((CORPUS / "formats").glob("*.txt")):
        _store_file(fresh_store, path)
    return fresh_store


def test_saved_session_loads_back_identically(fresh_store):
    document = read_bytes(MAIN_SESSION.read_bytes(), "main.txt")
    session = parse_document(document)
    sid = fresh_store.save_session(document, session)
    assert fresh_store.load_session(sid) == session
    assert fresh_store.check() == []


def test_same_content_is_stored_once_and_force_replaces(fresh_store):
    first = _store_file(fresh_store, MAIN_SESSION)
    assert _store_file(fresh_store, MAIN_SESSION) == first
    assert fresh_store.counts()["sessions"] == 1
    document = read_bytes(MAIN_SESSION.read_bytes(), "again.txt")
    fresh_store.save_session(document, parse_document(document), replace=True)
    counts = fresh_store.counts()
    assert counts["sessions"] == 1 and counts["turns"] == 70
    assert fresh_store.check() == []


def test_a_failure_inside_the_transaction_leaves_the_store_unchanged(fresh_store):
    _store_file(fresh_store, MAIN_SESSION)
    before = fresh_store.counts()
    document = read_bytes((CORPUS / "formats" / "2006-style.txt").read_bytes(), "2006.txt")
    with pytest.raises(TypeError):
        fresh_store.save_session(document, parse_document(document), {"bad": object()})
    assert fresh_store.counts() == before
    assert fresh_store.check() == []


def test_search_ranks_and_cites_the_line_of_the_match(loaded, main_text):
    hits = loaded.search(parse_query('"net neutrality"'), SearchFilters(limit=50))
    assert hits and all("**" in h.snippet for h in hits)
    lines = main_text.split("\n")
    for hit in hits:
        if hit.title.startswith("IGF 2021"):
            assert "net neutrality" in lines[hit.line - 1].lower()
    assert hits == sorted(hits, key=lambda h: -h.score)


@pytest.mark.parametrize(
    "filters, check",
    [
        (SearchFilters(speaker="chris marsden"), lambda h: h.speaker == "Chris Marsden"),
        (SearchFilters(speaker="MARSDEN"), lambda h: h.speaker == "Chris Marsden"),
        (SearchFilters(year=2021), lambda h: h.title.startswith("IGF 2021")),
        (SearchFilters(session="openness"), lambda h: "Openness" in h.title),
    ],
)
def test_filters(loaded, filters, check):
    hits = loaded.search(parse_query("the"), filters)
    assert hits and all(check(h) for h in hits)


def test_accents_are_ignored_in_search(loaded):
    hits = loaded.search(parse_query("Muller"), SearchFilters())
    assert [h.speaker for h in hits] == ["Hans-Peter Müller"]


def test_pagination_does_not_repeat_hits(loaded):
    first = loaded.search(parse_query("coalition"), SearchFilters(limit=5))
    second = loaded.search(parse_query("coalition"), SearchFilters(limit=5, offset=5))
    assert len(first) == 5 and not {(h.session, h.line) for h in first} & {(h.session, h.line) for h in second}


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_never_raise(loaded, text):
    loaded.search(parse_query(text), SearchFilters())


def test_unknown_session_is_not_found(loaded):
    with pytest.raises(NotFound):
        loaded.load_session("no such session")


def test_read_only_database_file_is_refused_for_writing(tmp_path):
    path = tmp_path / "ro.sqlite3"
    SQLiteStore(str(path)).close()
    path.chmod(0o444)
    try:
        with pytest.raises(StoreReadOnly) as info:
            SQLiteStore(str(path))
        assert str(path) in str(info.value)
        SQLiteStore(str(path), readonly=True).close()  # reading still works
    finally:
        path.chmod(0o644)


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreCorrupt) as info:
        SQLiteStore(str(path))
    assert "forumlens check" in str(info.value) or "--db" in str(info.value)


def test_truncated_database_is_reported_not_a_traceback(tmp_path):
    path = tmp_path / "t.sqlite3"
    store = SQLiteStore(str(path))
    _store_file(store, MAIN_SESSION)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    try:
        damaged = SQLiteStore(str(path))
    except StoreCorrupt:
        return
    problems = damaged.check()
    assert problems, "a store cut to a third of its size must fail its check"


def test_schema_version_is_recorded(fresh_store):
    from forumlens.store.migrations import SCHEMA_VERSION

    assert fresh_store.schema_version() == SCHEMA_VERSION


def test_document_without_turns_is_kept(fresh_store):
    document = Document(
        source="notes.txt", text="Notes\n\nNo markers here.\n", format="text", encoding="utf-8", sha256="c" * 64
    )
    session = parse_document(document)
    fresh_store.save_session(document, session)
    assert fresh_store.counts()["documents"] == 1 and session.warnings


def test_transaction_is_atomic_for_feature_sql(fresh_store):
    with fresh_store._write() as execute:
        execute("INSERT INTO subscribers (name, interests, created_at) VALUES (?, ?, ?)", ("A", "{}", "now"))
    with pytest.raises(RuntimeError), fresh_store._write() as execute:
        execute("INSERT INTO subscribers (name, interests, created_at) VALUES (?, ?, ?)", ("B", "{}", "now"))
        raise RuntimeError("boom")
    assert fresh_store._rows("SELECT name FROM subscribers ORDER BY name") == [("A",)]


def test_every_query_method_is_declared_once_on_the_protocol():
    """Each store mixin owns its public names (a clash would silently shadow one), and each
    is declared on the `Store` protocol, the only surface features may use."""
    from forumlens.store.base import Store
    from forumlens.store.sqlstore import SQLStore

    owners: dict[str, str] = {}
    for mixin in SQLStore.__mro__[1:]:
        if not mixin.__module__.startswith("forumlens.store.") or mixin.__name__ == "SQLBase":
            continue
        for name, value in vars(mixin).items():
            if name.startswith("_") or not callable(value):
                continue
            assert name not in owners, f"{name} is defined by {owners[name]} and {mixin.__name__}"
            owners[name] = mixin.__name__
            assert hasattr(Store, name), f"{mixin.__name__}.{name} is not declared on the Store protocol"
    assert len(owners) > 50

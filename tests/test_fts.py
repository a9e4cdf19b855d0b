"""The PostgreSQL store's tokens are FTS5's tokens; its tsqueries and placeholders are safe."""

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forumlens.search import parse_query
from forumlens.store.fts import to_tsquery, tokens, tsvector_literal
from forumlens.store.placeholders import count_placeholders, to_pyformat

from .conftest import CORPUS, MAIN_SESSION


def _fts5_tokens(texts: list[str]) -> list[list[str]]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(t, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')")
    conn.executemany("INSERT INTO f (rowid, t) VALUES (?, ?)", [(i + 1, t) for i, t in enumerate(texts)])
    out: list[list[tuple[int, str]]] = [[] for _ in texts]
    for term, doc, offset in conn.execute("SELECT term, doc, offset FROM v"):
        out[doc - 1].append((offset, term))
    return [[term for _, term in sorted(row)] for row in out]


def test_tokens_are_fts5_tokens_on_the_whole_corpus():
    texts = [MAIN_SESSION.read_text("utf-8")] + [
        p.read_text("utf-8") for p in sorted((CORPUS / "formats").glob("*.txt"))
    ]
    lines = [line for text in texts for line in text.split("\n")]
    assert [tokens(line) for line in lines] == _fts5_tokens(lines)


@pytest.mark.parametrize(
    "text",
    [
        "Crépin-Leblond, Müller & García",
        "ΑΘΗΝΑ Ελλάδα",
        "Ёлка  Москва",
        "東京 会議",
        "e\u0301te\u0301",
        "wi‑fi e-mail don't",
        "x² ½ 3.5 1,000",
        "İstanbul ǅemal ß",
        "tab\tnew\nline\x00nul",
        "emoji😀mid",
    ],
)
def test_tokens_agree_with_fts5_on_any_script(text):
    assert tokens(text) == _fts5_tokens([text])[0]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_tokens_agree_with_fts5_on_random_text(text):
    assert tokens(text) == _fts5_tokens([text])[0]


def test_tsvector_keeps_positions_and_the_column_as_weight():
    assert (
        tsvector_literal("Net neutrality, net!", "chris marsden")
        == "'net':1A,3A 'neutrality':2A 'chris':4D 'marsden':5D"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("funding", "('funding')"),
        ("interop*", "('interop':*)"),
        ('"net neutrality"', "((('net':A <-> 'neutrality':A) | ('net':D <-> 'neutrality':D)))"),
        ("a OR b -c", "(('a') | ('b')) & !'c'"),
        ("Müller", "('muller')"),
        ("_", None),  # no word: FTS5 matches nothing
        ("funding _", None),
        ("funding OR _", "('funding')"),
        ("funding -_", "('funding')"),  # excluding nothing excludes nothing
        ("-telcos", None),
        ("it's", "((('it':A <-> 's':A) | ('it':D <-> 's':D)))"),
    ],
)
def test_to_tsquery(text, expected):
    assert to_tsquery(parse_query(text)) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_tsquery_lexemes_are_always_quoted_words(text):
    expr = to_tsquery(parse_query(text))
    if expr is not None:
        outside = expr.split("'")[::2]  # the text between quoted lexemes: operators only
        assert all(set(part) <= set(" ()|&!<->:*AD") for part in outside)


@pytest.mark.parametrize(
    "sql, expected",
    [
        ("SELECT ?", "SELECT %s"),
        ("SELECT '?', ?", "SELECT '?', %s"),
        (
            "SELECT 'it''s ?', \"col?\" FROM t WHERE a LIKE '%x%' AND b = ?",
            "SELECT 'it''s ?', \"col?\" FROM t WHERE a LIKE '%%x%%' AND b = %s",
        ),
        ("SELECT E'\\' ?' , ?", "SELECT E'\\' ?' , %s"),
        ("SELECT 1 -- what?\n, ?", "SELECT 1 -- what?\n, %s"),
        ("SELECT /* a? /* b? */ c? */ ?", "SELECT /* a? /* b? */ c? */ %s"),
        ("SELECT $$ ? $$, $tag$ '?' $tag$, ?", "SELECT $$ ? $$, $tag$ '?' $tag$, %s"),
        ("SELECT 10 % 3, ?", "SELECT 10 %% 3, %s"),
        ("SELECT '%s'", "SELECT '%%s'"),
    ],
)
def test_to_pyformat(sql, expected):
    assert to_pyformat(sql) == expected
    assert count_placeholders(sql) == expected.count("%s") - expected.count("%%s")


def test_the_snippet_scratch_index_tokenizes_as_the_store_does(tmp_path):
    """Page snippets come from a scratch FTS5 table (store/search_snippets.py): its tokenizer
    must be the one the store's turns_fts was created with, or the marks would differ."""
    from forumlens.store.fts import FTS5_TOKENIZE
    from forumlens.store.sqlite import SQLiteStore

    with SQLiteStore(str(tmp_path / "s.sqlite3")) as store:
        (ddl,) = store._rows("SELECT sql FROM sqlite_master WHERE name = 'turns_fts'")[0]
    assert f"tokenize='{FTS5_TOKENIZE}'" in " ".join(ddl.split())


@pytest.mark.parametrize(
    "text, query",
    [
        ("Net neutrality matters; NET NEUTRALITY again.", '"net neutrality"'),
        ("Funding, funded and fundamental funds " * 8, "fund*"),
        ("Crépin-Leblond and Müller spoke about wi-fi.", "muller wi-fi"),
        ("x² ½ 3.5 1,000 東京 会議 emoji😀mid", "emoji 3"),
        ("one two three four five six seven eight nine ten eleven twelve thirteen " * 5 + "target", "target"),
    ],
)
def test_page_snippets_equal_the_store_index_snippets(tmp_path, text, query):
    from forumlens.search import to_fts5
    from forumlens.store.search_snippets import page_snippets
    from forumlens.store.sql import SNIPPET_CLOSE, SNIPPET_OPEN

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(text, speaker_key, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO f (rowid, text, speaker_key) VALUES (7, ?, 'chris marsden')", (text,))
    match = to_fts5(parse_query(query))
    expected = conn.execute(
        "SELECT rowid, snippet(f, 0, ?, ?, '…', 20) FROM f WHERE f MATCH ?", (SNIPPET_OPEN, SNIPPET_CLOSE, match)
    ).fetchall()
    assert expected and page_snippets(match, [(7, text, "chris marsden")]) == dict(expected)
    assert page_snippets(match, [(7, text, "chris marsden")]) == dict(expected)  # the scratch table is left empty

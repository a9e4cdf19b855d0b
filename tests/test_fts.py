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

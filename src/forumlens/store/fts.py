"""SQLite FTS5's tokeniser, reproduced for PostgreSQL: tsvectors and tsqueries that match alike.

Search must give the same hits on both stores. PostgreSQL's own parser does not split
text the way FTS5's `unicode61 remove_diacritics 2` does (hyphenated words give extra
tokens and shift positions; what counts as a letter depends on the server's locale;
`unaccent` folds other characters than FTS5). So the PostgreSQL store does not let the
server tokenise: we tokenise here, exactly as FTS5 does, and hand the server finished
`tsvector` and `tsquery` values.

Exactness comes from asking SQLite itself: ASCII follows a fixed rule, and every other
character is looked up once per process in a tiny in-memory FTS5 table (is it part of a
word, and what does it fold to). A corpus uses a few hundred distinct characters, so this
costs milliseconds, and the two stores agree by construction on any script.

Both columns FTS5 indexes are kept apart by weight: the turn text is weight A, the
speaker key weight D. A single word may match either; a phrase must lie inside one
column, as in FTS5, so each phrase is written as `(phrase):A | (phrase):D`.
"""

from __future__ import annotations

import sqlite3
import string
import threading
from collections.abc import Iterable

from ..search import Query, Term

__all__ = [
    "ALL_PAIRS",
    "FTS5_TOKENIZE",
    "MAX_LEXEME_CHARS",
    "MAX_POSITION",
    "PAIR_CHARS",
    "to_tsquery",
    "tokens",
    "tsvector_literal",
    "word_pairs_tsquery",
]

FTS5_TOKENIZE = "unicode61 remove_diacritics 2"  # the tokenizer of the SQLite store's turns_fts (migration 1)

MAX_POSITION = 16383  # PostgreSQL keeps positions 1..16383; later words share the last one
MAX_LEXEME_CHARS = 500  # well under PostgreSQL's 2047-byte lexeme limit, far above any real word
_SEPARATOR = " "
# Adjacent word pairs (PostgreSQL migration 7, `forumlens_word_pairs`): a pair is "first second"
# cut to PAIR_CHARS characters, and a vector whose positions cannot be paired exactly holds the
# one lexeme ALL_PAIRS. Released with the migration: never change them.
PAIR_CHARS = 64
ALL_PAIRS = "!all"

_ascii = {chr(c): _SEPARATOR for c in range(128)}
_ascii.update({c: c for c in string.ascii_lowercase + string.digits})
_ascii.update({c: c.lower() for c in string.ascii_uppercase})
_FOLD: dict[int, str] = {ord(k): v for k, v in _ascii.items()}
_lock = threading.Lock()
_probe: sqlite3.Connection | None = None


def _learn(chars: Iterable[str]) -> None:
    """Ask FTS5 how it treats each new character: `x?y` gives one token `x…y`, or `x` and `y`."""
    global _probe
    new = sorted({c for c in chars if ord(c) not in _FOLD})
    for char in [c for c in new if 0xD800 <= ord(c) < 0xE000]:  # lone surrogates: never text
        _FOLD[ord(char)] = _SEPARATOR
        new.remove(char)
    if not new:
        return
    with _lock:
        new = [c for c in new if ord(c) not in _FOLD]
        if not new:
            return
        if _probe is None:
            _probe = sqlite3.connect(":memory:", check_same_thread=False)
            _probe.execute(f"CREATE VIRTUAL TABLE probe USING fts5(t, tokenize='{FTS5_TOKENIZE}')")
            _probe.execute("CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'instance')")
        conn = _probe
        conn.execute("DELETE FROM probe")
        conn.executemany("INSERT INTO probe (rowid, t) VALUES (?, ?)", [(i + 1, f"x{c}y") for i, c in enumerate(new)])
        found: dict[int, list[str]] = {}
        for term, doc, _offset in conn.execute("SELECT term, doc, offset FROM probe_terms ORDER BY doc, offset"):
            found.setdefault(int(doc), []).append(str(term))
        for i, char in enumerate(new):
            terms = found.get(i + 1, [])
            if len(terms) == 1 and terms[0].startswith("x") and terms[0].endswith("y"):
                _FOLD[ord(char)] = terms[0][1:-1]  # a word character; "" when FTS5 drops it (a diacritic)
            else:
                _FOLD[ord(char)] = _SEPARATOR


def tokens(text: str) -> list[str]:
    """The words FTS5 would index for `text`, lower-cased and without diacritics, in order."""
    _learn(set(text))
    folded = text.translate(_FOLD)
    return [w[:MAX_LEXEME_CHARS] for w in folded.split(_SEPARATOR) if w]


def _quote(lexeme: str) -> str:
    if "'" in lexeme or "\\" in lexeme:
        lexeme = lexeme.replace("\\", "\\\\").replace("'", "''")
    return "'" + lexeme + "'"


def tsvector_literal(text: str, speaker_key: str = "") -> str:
    """A `tsvector` in its text form: text words weight A, speaker-key words weight D.

    Positions are 1-based and consecutive like FTS5's (clamped to PostgreSQL's maximum).
    """
    words = tokens(text)
    key_words = tokens(speaker_key)
    entries: dict[str, list[str]] = {}
    for position, word in enumerate(words, 1):
        entries.setdefault(word, []).append(f"{min(position, MAX_POSITION)}A")
    for position, word in enumerate(key_words, len(words) + 1):
        entries.setdefault(word, []).append(f"{min(position, MAX_POSITION)}D")
    return " ".join(_quote(word) + ":" + ",".join(marks) for word, marks in entries.items())


def _term_sql(term: Term) -> str | None:
    """One term as a tsquery; None when it has no words at all (FTS5: matches nothing)."""
    words = tokens(term.text)
    if not words:
        return None
    star = ":*" if term.prefix else ""
    if len(words) == 1:
        return _quote(words[0]) + star

    def phrase(weight: str) -> str:
        parts = [f"{_quote(w)}:{weight}" for w in words]
        if term.prefix:
            parts[-1] = f"{_quote(words[-1])}:*{weight}"
        return "(" + " <-> ".join(parts) + ")"

    return f"({phrase('A')} | {phrase('D')})"


def to_tsquery(query: Query) -> str | None:
    """The tsquery text for a parsed query (pass it as a bound `%s::tsquery` parameter).

    Mirrors `to_fts5`: groups OR-ed, terms in a group AND-ed, exclusions AND NOT-ed. Every
    lexeme is quoted and made only of word characters, so no input yields a syntax error.
    A term with no words matches nothing in FTS5: its group is dropped (and an excluded
    one excludes nothing); None when nothing can match.
    """
    groups = []
    for group in query.groups:
        parts = [_term_sql(term) for term in group]
        if parts and all(parts):
            groups.append("(" + " & ".join(p for p in parts if p) + ")")
    if not groups:
        return None
    expr = " | ".join(groups)
    excluded = [p for p in (_term_sql(term) for term in query.excluded) if p]
    if excluded:
        expr = "(" + expr + ")" + "".join(f" & !{p}" for p in excluded)
    return expr


def _term_pairs(term: Term) -> list[str]:
    """The pair lexemes (tsquery syntax) every turn matching this phrase term holds; [] for one word.

    "a b c" gives 'a b' & 'b c'; with a prefix last word ("net neut*") its pair is a prefix
    too ('net neut':*). Cut as the server cuts (`PAIR_CHARS`), an exact pair stays exact and a
    prefix stays a prefix of the stored pair, so the condition never loses a match.
    """
    words = tokens(term.text)
    out = []
    for i in range(len(words) - 1):
        pair = f"{words[i]} {words[i + 1]}"
        star = ":*" if term.prefix and i == len(words) - 2 else ""
        out.append(_quote(pair[:PAIR_CHARS]) + star)
    return out


def word_pairs_tsquery(query: Query) -> str | None:
    """A tsquery over `forumlens_word_pairs(tsv)` that every turn matching `to_tsquery(query)` satisfies, or None.

    Why: a phrase of common words ("have more") is a rare match among many turns holding
    both words, and the GIN index of words cannot see positions, so each of those turns was
    read to test them. The pair index hands over only the turns holding the phrase's
    adjacent pairs; the phrase itself is still tested on the vector, so the pairs only
    narrow what is read, never what matches. A group needs a phrase to be narrowed; if any
    group has none (a single word can match anywhere), None: the pairs cannot help.
    Exclusions are left out (the condition must hold for every match). Turns whose vector
    the server could not pair hold `ALL_PAIRS`, accepted by every pair query.
    """
    if to_tsquery(query) is None:
        return None
    groups = []
    for group in query.groups:
        terms = [_term_sql(term) for term in group]
        if not terms or not all(terms):
            continue  # a group FTS5 drops (a term without words): it matches nothing, no condition needed
        pairs = [pair for term in group for pair in _term_pairs(term)]
        if not pairs:
            return None
        groups.append("(" + " & ".join(dict.fromkeys(pairs)) + ")")
    return " | ".join([*groups, _quote(ALL_PAIRS)])

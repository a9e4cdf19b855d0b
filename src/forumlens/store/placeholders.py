"""Portable SQL (`?` placeholders, SQLite style) → psycopg's `%s` style. Pure.

Feature modules write one SQL text for both stores. psycopg reads `%` as the start of
a placeholder anywhere in the text, literals included, so every `%` is doubled; and a
`?` becomes `%s` only where it is a placeholder, not inside a string literal, a quoted
identifier, a dollar-quoted body or a comment. (PostgreSQL's JSON `?` operators cannot
be used in portable SQL: write `jsonb_exists()` instead.)
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["count_placeholders", "to_pyformat"]

_DOLLAR_TAG = re.compile(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$")


def _skip_quoted(sql: str, i: int, quote: str, backslash: bool) -> int:
    """Index just past the closing quote of a literal starting at `sql[i]` (doubled quotes escape)."""
    j = i + 1
    while j < len(sql):
        char = sql[j]
        if backslash and char == "\\":
            j += 2
            continue
        if char == quote:
            if j + 1 < len(sql) and sql[j + 1] == quote:
                j += 2
                continue
            return j + 1
        j += 1
    return len(sql)  # unterminated: the server reports it


def _skip_block_comment(sql: str, i: int) -> int:
    depth, j = 0, i
    while j < len(sql):
        if sql.startswith("/*", j):
            depth += 1
            j += 2
        elif sql.startswith("*/", j):
            depth -= 1
            j += 2
            if depth == 0:
                return j
        else:
            j += 1
    return len(sql)


def _scan(sql: str) -> list[tuple[bool, str]]:
    """Split SQL into (is_code, text) pieces; only code pieces can hold placeholders."""
    pieces: list[tuple[bool, str]] = []
    start = i = 0
    while i < len(sql):
        char = sql[i]
        end = None
        if char == "'":
            escaped = i > 0 and sql[i - 1] in "eE" and (i < 2 or not (sql[i - 2].isalnum() or sql[i - 2] == "_"))
            end = _skip_quoted(sql, i, "'", backslash=escaped)
        elif char == '"':
            end = _skip_quoted(sql, i, '"', backslash=False)
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            end = len(sql) if newline < 0 else newline + 1
        elif sql.startswith("/*", i):
            end = _skip_block_comment(sql, i)
        elif char == "$" and (i == 0 or not (sql[i - 1].isalnum() or sql[i - 1] == "_")):
            tag = _DOLLAR_TAG.match(sql, i)
            if tag:
                close = sql.find(tag.group(0), tag.end())
                end = len(sql) if close < 0 else close + len(tag.group(0))
        if end is None:
            i += 1
            continue
        if i > start:
            pieces.append((True, sql[start:i]))
        pieces.append((False, sql[i:end]))
        start = i = end
    if start < len(sql):
        pieces.append((True, sql[start:]))
    return pieces


@lru_cache(maxsize=1024)
def to_pyformat(sql: str) -> str:
    """`?` placeholders → `%s`; every literal `%` → `%%`.

    >>> to_pyformat("SELECT '?%', x FROM t WHERE a = ? AND b LIKE '%' || ?")
    "SELECT '?%%', x FROM t WHERE a = %s AND b LIKE '%%' || %s"
    """
    out = []
    for is_code, text in _scan(sql):
        text = text.replace("%", "%%")
        out.append(text.replace("?", "%s") if is_code else text)
    return "".join(out)


def count_placeholders(sql: str) -> int:
    """How many `?` placeholders the statement has (outside literals and comments)."""
    return sum(text.count("?") for is_code, text in _scan(sql) if is_code)

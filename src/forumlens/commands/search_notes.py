"""Why a search answered nothing, when the query itself says so: for the CLI and the portal alike.

"No matches … try fewer or other words" is wrong advice for a query that has nothing to
look for: only excluded words (`-funding`, `NOT funding`: the search index finds turns by
the words they contain, so a query of exclusions alone matches no turn), or only
punctuation and operators (`*`, `OR`, `"`). Kept free of click and of the web stack so
both front ends import it.

Many search boxes read `speaker:avri` or `year:2018` as a filter; ours reads every word of the
query as a word to find, so such a query matches nothing and "try other words" would not tell
the user why. `filter_words` finds them, so each front end can name its own filter instead.
"""

from __future__ import annotations

import re

from ..search import parse_query

__all__ = ["as_typed", "filter_words", "nothing_to_find"]

# the filters both front ends offer, typed as `name:value` (a quoted value may hold spaces)
_FILTER_WORD = re.compile(r'(?<![\w"])(speaker|year|session|coalition|tag):("[^"]+"|[^\s"]+)', re.IGNORECASE)


def nothing_to_find(text: str) -> str | None:
    """The reason a query can match nothing whatever is stored, or None when it has a word to look for."""
    query = parse_query(text)
    if query.groups:
        return None
    if query.excluded:
        excluded = " ".join("-" + " ".join(term.words) for term in query.excluded)
        return f"the query only excludes words ({excluded}): add a word to look for, e.g. coalition {excluded}"
    return "the query has no word to look for (only punctuation or operators such as OR, NOT, *)"


def filter_words(text: str) -> tuple[str, dict[str, str]] | None:
    """`speaker:avri`-style words in a query: the query without them and the filters they name, or None.

    >>> filter_words('funding speaker:avri year:2018')
    ('funding', {'speaker': 'avri', 'year': '2018'})
    """
    found = {m.group(1).lower(): m.group(2).strip('"') for m in _FILTER_WORD.finditer(text)}
    if not found:
        return None
    return " ".join(_FILTER_WORD.sub(" ", text).split()), found


def as_typed(filters: dict[str, str]) -> str:
    """The filter words as the user typed them (`speaker:"Avri Doria" year:2018`), to quote them back."""
    return " ".join(
        f'{name}:"{value}"' if re.search(r"\s", value) else f"{name}:{value}" for name, value in filters.items()
    )

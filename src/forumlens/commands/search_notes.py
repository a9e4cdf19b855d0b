"""Why a search answered nothing, when the query itself says so: for the CLI and the portal alike.

"No matches … try fewer or other words" is wrong advice for a query that has nothing to
look for: only excluded words (`-funding`, `NOT funding`: the search index finds turns by
the words they contain, so a query of exclusions alone matches no turn), or only
punctuation and operators (`*`, `OR`, `"`). Kept free of click and of the web stack so
both front ends import it.
"""

from __future__ import annotations

from ..search import parse_query

__all__ = ["nothing_to_find"]


def nothing_to_find(text: str) -> str | None:
    """The reason a query can match nothing whatever is stored, or None when it has a word to look for."""
    query = parse_query(text)
    if query.groups:
        return None
    if query.excluded:
        excluded = " ".join("-" + " ".join(term.words) for term in query.excluded)
        return f"the query only excludes words ({excluded}): add a word to look for, e.g. coalition {excluded}"
    return "the query has no word to look for (only punctuation or operators such as OR, NOT, *)"

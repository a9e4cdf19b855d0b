"""Word lists as regex alternations that read the same in every run.

An alternation lists its longest words first, so "policy network" wins over "policy" at the
same place. Built from a set, words of equal length come in set order, which changes with the
hash seed: the pattern's text then differs from run to run, the compiled-pattern cache
(`text.recache`) misses it and is written again at every exit. Equal lengths therefore come in
text order. Any pattern built from a collection of words goes through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["alternation", "longest_first"]


def longest_first(words: Iterable[str]) -> list[str]:
    """The distinct words, longest first, equal lengths in text order.

    >>> longest_first({"ab", "b", "aa", "ccc"})
    ['ccc', 'aa', 'ab', 'b']
    """
    return sorted(set(words), key=lambda w: (-len(w), w))


def alternation(words: Iterable[str]) -> str:
    """`a|b|c` of the escaped words, longest first (`longest_first`), without a group.

    >>> alternation(["Paris", "Rio de Janeiro", "Rio"])
    'Rio\\\\ de\\\\ Janeiro|Paris|Rio'
    """
    return "|".join(re.escape(w) for w in longest_first(words))

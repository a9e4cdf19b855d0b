"""Where any of a few word phrases occurs, case-insensitively: an alternation's spans, made cheap.

Why: the glossary asks, for each sentence a term is used in, where the session's bodies'
names lie ("Dynamic Coalition on Public Access in Libraries"). Written as one
case-insensitive alternation of ~40 names, the pattern is compiled anew for every session
(its names differ) and scans each sentence trying every name at every position: ~100 µs a
sentence, a third of the glossary's time (issue 19). Here each phrase is its own pattern,
compiled once per process (names recur across sessions: the registry's coalitions), behind
the literals it requires (`text.fastre.required_literals`): a sentence lacking a word of a
phrase is not searched for it, and most sentences hold no name at all.

The spans are exactly `re.compile("|".join(patterns), re.IGNORECASE).finditer(text)`'s:
that alternation matches at the leftmost position where any phrase matches, with the first
phrase (in the given order) matching there, then goes on after the match. `spans` walks
the same way over the phrases that can occur in the text (one that cannot occur matches at
no position, so leaving it out changes no choice). Standard library only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .fastre import fold, required_literals

__all__ = ["PhraseSpans", "phrase_pattern"]


def phrase_pattern(phrase: str) -> str:
    r"""The pattern of one phrase: its words escaped, any run of white space between them.

    >>> phrase_pattern("Public  Access")
    'Public\\s+Access'
    """
    return r"\s+".join(map(re.escape, phrase.split()))


@lru_cache(maxsize=4096)  # bounded: a long ingest meets new names in every session
def _compiled(phrase: str) -> tuple[re.Pattern[str], tuple[frozenset[str], ...]]:
    pattern = re.compile(phrase_pattern(phrase), re.IGNORECASE)
    return pattern, tuple(required_literals(pattern))


class PhraseSpans:
    """The spans of an ordered list of phrases (each a `phrase_pattern`) in a text."""

    __slots__ = ("_needles", "_phrases")

    def __init__(self, phrases: list[str]) -> None:
        self._phrases = [_compiled(p) for p in phrases]
        # every literal of every phrase, tested once per text (in C) instead of once per phrase
        # that requires it: a session's ~130 names share their words ("coalition", "internet")
        self._needles = tuple(sorted({n for _, options in self._phrases for o in options for n in o}))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) of the phrases in `text`, as the alternation finds them.

        >>> PhraseSpans(["public access in libraries", "public access"]).spans("Public Access, PUBLIC ACCESS IN  libraries")
        [(0, 13), (15, 42)]
        """
        folded = fold(text)
        present = frozenset(filter(folded.__contains__, self._needles))
        # a phrase can occur only when each of its required sets meets the literals present
        disjoint = present.isdisjoint
        possible = [p for p, options in self._phrases if not any(map(disjoint, options))]
        out: list[tuple[int, int]] = []
        pos = 0
        while possible:
            starts = [(m.start(), k) for k, p in enumerate(possible) if (m := p.search(text, pos)) is not None]
            if not starts:
                break
            at = min(starts)[0]
            # the first phrase in order that matches at `at` (one whose earliest match lies
            # later may still match here only if it matched here: search finds the leftmost)
            match = next(m for k, p in enumerate(possible) if (m := p.match(text, at)) is not None)
            out.append(match.span())
            pos = match.end()
        return out

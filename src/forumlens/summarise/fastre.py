"""Regex prefilters: skip a pattern when the text lacks every literal a match must contain.

The procedural and cue patterns are long alternations ("the floor is yours", "can you
hear me", ...). Python's engine tries every alternative at every position, ~150 µs a
sentence, and most sentences match none. Each pattern's parse tree tells which literal
strings any match must contain (at least one of them); when the lower-cased text holds
none, the pattern cannot match and is not run. The answer is always the pattern's own:
the filter only decides whether asking is needed, and it only ever says "no" when a
match is impossible (a pattern whose literals cannot be worked out is always run).
"""

from __future__ import annotations

import re
from re import _constants as _sre_constants  # Python 3.11+ (the project's minimum)
from re import _parser as _sre_parse
from typing import Any

__all__ = ["PatternSet", "fold", "required_literals"]

# Characters that match an ASCII letter under IGNORECASE but do not lower() to it.
_FOLD = str.maketrans({"\u0131": "i", "\u0130": "i", "\u017f": "s", "\u212a": "k"})

_LITERAL = _sre_constants.LITERAL
_SUBPATTERN = _sre_constants.SUBPATTERN
_BRANCH = _sre_constants.BRANCH
_REPEATS = (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT)
_ZERO_WIDTH = (_sre_constants.AT,)


def fold(text: str) -> str:
    """The text as the prefilter compares it (lower-cased, case-fold look-alikes mapped)."""
    return text.translate(_FOLD).lower()


def _required(seq: Any) -> list[frozenset[str]]:
    """Sets of strings such that every match of `seq` contains a string of *each* set.

    (A conjunction of disjunctions; an empty list means nothing is known.)
    """
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        if op is _LITERAL:
            ch = chr(av)
            if not ch.isascii():
                flush()
                continue
            run.append(ch.lower())
            continue
        if op in _ZERO_WIDTH:  # a boundary does not consume: the run stays contiguous in the text
            continue
        flush()
        if op is _SUBPATTERN:
            options.extend(_required(av[-1]))
        elif op is _BRANCH:
            best = [_best(_required(branch)) for branch in av[1]]
            parts = [p for p in best if p is not None]
            if len(parts) == len(best):  # every branch needs one of its strings
                options.append(frozenset(s for part in parts for s in part))
        elif op in _REPEATS and av[0] >= 1:
            options.extend(_required(av[2]))
    flush()
    return [o for o in options if o and all(s.strip() for s in o)]


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The single most selective set: its shortest string is longest, then fewest strings."""
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


def required_literals(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    """Lower-case string sets; any match of `pattern` contains one string of each set."""
    if pattern.flags & re.VERBOSE:
        return []
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - the parser's internals changed: never filter
        return []
    return _required(tree)


class PatternSet:
    """Patterns run only when the text holds a literal of each set they require.

    `present(text)` finds which of all the patterns' literals occur (one `in` test per
    distinct literal, done once per text); a pattern is then possible only when each of
    its required sets meets them. Soundness: a pattern is skipped only when it cannot
    match, so every answer is the pattern's own.
    """

    def __init__(self, patterns: Any) -> None:
        self.patterns: tuple[re.Pattern[str], ...] = tuple(patterns)
        self.options = tuple(tuple(required_literals(p)) for p in self.patterns)
        self.needles = tuple(sorted({n for opts in self.options for o in opts for n in o}))

    def present(self, text: str) -> frozenset[str]:
        folded = fold(text)
        return frozenset([n for n in self.needles if n in folded])

    def possible(self, i: int, present: frozenset[str]) -> bool:
        return all(not o.isdisjoint(present) for o in self.options[i])

    def search(self, i: int, text: str, present: frozenset[str]) -> re.Match[str] | None:
        return self.patterns[i].search(text) if self.possible(i, present) else None

    def match(self, i: int, text: str, present: frozenset[str]) -> re.Match[str] | None:
        return self.patterns[i].match(text) if self.possible(i, present) else None

    def findall(self, i: int, text: str, present: frozenset[str]) -> list[Any]:
        return self.patterns[i].findall(text) if self.possible(i, present) else []

    def any_search(self, text: str, present: frozenset[str] | None = None) -> bool:
        """`any(p.search(text) for p in patterns)`, asking only the possible ones."""
        if present is None:
            present = self.present(text)
        return any(
            p.search(text)
            for p, opts in zip(self.patterns, self.options)
            if all(not o.isdisjoint(present) for o in opts)
        )

    def count(self, text: str, present: frozenset[str] | None = None) -> int:
        """How many of the patterns match `text`."""
        if present is None:
            present = self.present(text)
        return sum(1 for i, p in enumerate(self.patterns) if self.possible(i, present) and p.search(text))

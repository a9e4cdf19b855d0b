"""Word-start guards: the same pattern, tried only where a match can begin.

Many cue patterns are long case-insensitive alternations whose every branch opens with a
word boundary and a word (`\\b(?:in this session we|let me now|...)`), or at the start of
the text. Python's `re` cannot scan ahead for a case-insensitive first letter, so it tries
every branch at every position, and inside a word each branch fails only at its own `\\b`.
A match of such a pattern can only begin where a word begins (`\\b` before a word
character means the character before is not one), or where the `^` branch holds. Putting
`(?:(?<!\\w)(?=\\w)|^)` in front refuses every other position in one step: on the sentences
a report renders, `summarise.roles`'s session-talk pattern runs about twice as fast.

The guard is zero-width and adds no group, so `search`, `match`, `fullmatch`, `finditer`,
`findall` and `sub` give the same spans and groups (`tests/test_text_wordstart.py` checks
that on real sentences and on random patterns and strings). It is added only when the
parse tree proves every branch opens that way; otherwise the pattern is returned as it is.
Standard library only.
"""

from __future__ import annotations

import re
import re._constants as _K  # Python 3.11+ (the project's minimum)
import re._parser as _P
from typing import Any

from .recache import kept_fact

__all__ = ["GUARD", "guarded", "word_start"]

GUARD = r"(?:(?<!\w)(?=\w)|^)"
_START = (_K.AT_BEGINNING, _K.AT_BEGINNING_STRING)
_BOUNDARY = (_K.AT_BOUNDARY, _K.AT_UNI_BOUNDARY, _K.AT_LOC_BOUNDARY)
_WORD_CATEGORIES = (_K.CATEGORY_WORD, _K.CATEGORY_UNI_WORD, _K.CATEGORY_DIGIT, _K.CATEGORY_UNI_DIGIT)
_REPEATS = tuple(op for op in (_K.MAX_REPEAT, _K.MIN_REPEAT, getattr(_K, "POSSESSIVE_REPEAT", None)) if op)
_ZERO_WIDTH = (_K.AT, _K.ASSERT, _K.ASSERT_NOT)


def _is_word(code: int) -> bool:
    """An ASCII word character: under IGNORECASE every character `re` takes for it (İ, ı, ſ,
    the Kelvin sign) is a word character too, and `\\w` means the same with or without ASCII."""
    return code < 128 and (chr(code).isalnum() or code == 95)


def _in_words(items: Any) -> bool:
    """Whether a character class holds word characters only (a negated one never does)."""
    for op, av in items:
        if op is _K.LITERAL:
            if not _is_word(av):
                return False
        elif op is _K.RANGE:
            lo, hi = av
            if hi - lo > 256 or not all(_is_word(c) for c in range(lo, hi + 1)):
                return False
        elif op is _K.CATEGORY:
            if av not in _WORD_CATEGORIES:
                return False
        else:  # NEGATE, and anything unknown
            return False
    return True


def _word_first(items: list[Any]) -> bool:
    """Whether every match of `items` is non-empty and its first character a word character."""
    for k, (op, av) in enumerate(items):
        rest = items[k + 1 :]
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the first character is still to come
        if op is _K.LITERAL:
            return _is_word(av)
        if op is _K.IN:
            return _in_words(av)
        if op is _K.SUBPATTERN:
            return _word_first(list(av[-1]) + rest)
        if op is _K.BRANCH:
            return all(_word_first(list(alt) + rest) for alt in av[1])
        if op in _REPEATS:
            lo, _hi, sub = av
            if not _word_first(list(sub)):
                return False  # an iteration may be empty or open with another character
            return lo >= 1 or _word_first(rest)
        return False  # back-references, conditionals, ANY, NOT_LITERAL ...: not proven
    return False  # the match may be empty


def _opens_at_word(items: list[Any]) -> bool:
    """Whether every match of `items` begins at `^` (or `\\A`) or at `\\b` before a word character."""
    for k, (op, av) in enumerate(items):
        rest = items[k + 1 :]
        if op is _K.AT:
            if av in _START:
                return True
            if av in _BOUNDARY:
                return _word_first(rest)
            continue  # `$`, `\\B` ...: zero-width, the start is decided later
        if op in (_K.ASSERT, _K.ASSERT_NOT):
            continue  # a lookaround consumes nothing
        if op is _K.SUBPATTERN:
            return _opens_at_word(list(av[-1]) + rest)
        if op is _K.BRANCH:
            return all(_opens_at_word(list(alt) + rest) for alt in av[1])
        return False  # a character consumed with no boundary before it
    return False


def word_start(source: str, flags: int = 0) -> bool:
    """Whether `GUARD` in front of the pattern keeps all its matches (see the module doc).

    >>> word_start(r"\\b(?:we will|let me)\\b|^Online,", re.I)
    True
    >>> word_start(r"\\b(?:we will|, so)", re.I)
    False
    """
    if flags & re.VERBOSE or (source.startswith("(?") and source[2:3].isalpha()):
        return False  # a comment could swallow the closing parenthesis; global inline flags must lead
    try:
        return _opens_at_word(list(_P.parse(source, flags)))
    except Exception:  # a bad pattern, or the parser's internals changed: leave it as it is
        return False


def _proven(pattern: re.Pattern[str]) -> bool:
    """`word_start` of the pattern, kept with the command line's compiled patterns when
    `recache` is installed: parsing the pattern again would cost each start ~1 ms a pattern."""
    return bool(kept_fact("word-start", __file__, "proven", pattern, lambda p: word_start(p.pattern, p.flags)))


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with the word-start guard in front when that is proven to keep its matches,
    else `pattern` itself (compiled the same way: same flags, same groups).

    Use it where it was measured to pay: on a short pattern anchored at `^`, or one whose
    literal prefix `re` already scans for, the guard costs more than it saves."""
    if not isinstance(pattern.pattern, str) or not _proven(pattern):
        return pattern
    return re.compile(GUARD + "(?:" + pattern.pattern + ")", pattern.flags)

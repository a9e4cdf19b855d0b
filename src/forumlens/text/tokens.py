"""Words of running text, the one definition the tagger, glossary and keyword profiles share.

A vocabulary term, a tag's evidence span and a session's keyword must split text the same
way, or a term found in one stage is missed by the next. So the pattern lives here: a word
starts with a letter (accented Latin letters included) and keeps inner hyphens,
apostrophes, "&" and "+" ("multi-stakeholder", "don't", "R&D"), which `stems` later
splits at hyphens. Offsets are kept (`word_spans`) because quotes must be exact slices.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["HYPHEN", "WORD", "fold", "hyphen_parts", "word_spans", "words"]

WORD = re.compile(
    r"[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F]*(?:['\u2019&+\u2010\u2011-][A-Za-z0-9\u00C0-\u024F]+)*"
)
# ASCII hyphen plus the two Unicode hyphens captions use (U+2010, the non-breaking U+2011).
HYPHEN = re.compile(r"[-\u2010\u2011]")


def words(text: str) -> list[str]:
    """The words of `text`, as written.

    >>> words("Multi-stakeholder R&D, don't you think? 2021")
    ['Multi-stakeholder', 'R&D', "don't", 'you', 'think']
    """
    return WORD.findall(text)  # the pattern has no capturing group: whole matches


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the words of `text` (as `words`), so a quote can be cut exactly."""
    for m in WORD.finditer(text):
        yield m.start(), m.end()


def fold(word: str) -> str:
    """Lower-case `word` and fold the typographic apostrophe, so "Don’t" and "don't" agree.

    Captions and pasted documents mix U+2019 and "'" freely; every comparison of words
    (stems, stopword look-ups) goes through this first.
    """
    return word.lower().replace("\u2019", "'")


def hyphen_parts(word: str) -> list[str]:
    """The lower-cased, non-empty hyphen-separated parts of one word ("Multi-stakeholder" -> 2)."""
    return [part for part in HYPHEN.split(word.lower()) if part]

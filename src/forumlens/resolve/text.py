"""Text helpers shared by the resolve modules: tokens with offsets, lines, sentences.

Every helper returns character offsets into the text it was given, so anything built
on them can quote the source verbatim (DESIGN.md: quotes must be exact slices).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from forumlens.text.accents import ascii_fold
from forumlens.transcript.sentences import split_sentences

__all__ = ["LineIndex", "Token", "line_index", "norm_word", "paragraph_spans", "sentence_spans", "span_of", "tokenize"]

_WORD = re.compile(r"(?:[A-Z]\.){2,}(?:[A-Z]\b)?|[^\W\d_]+|\d+|&")


class Token(NamedTuple):
    """One word with its offsets (a NamedTuple: tokenising a session makes ~15k of them,
    and a frozen dataclass costs several times more to build)."""

    norm: str  # case-folded, accents stripped ("&" -> "and")
    raw: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def norm_word(word: str) -> str:
    """Case- and accent-insensitive form of one word."""
    if word == "&":
        return "and"
    if "." in word:  # dotted acronym: "I.G.F." -> "igf"
        word = word.replace(".", "")
    return ascii_fold(word).casefold()


def tokenize(
    text: str, start: int = 0, end: int | None = None, drop: frozenset[str] = frozenset({"the"})
) -> list[Token]:
    """Word tokens of `text[start:end]` with absolute offsets.

    Hyphens (including U+2011), apostrophes and digits split words, so "17DCs",
    "Secretary‑General's" and "DC-CIV" tokenise the same way in text and registry.
    Words in `drop` ("the") are skipped because captions add and lose them freely.
    """
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    append = tokens.append
    forms = _FORMS
    # A session is ~15k words: the spans come from C (`map` over `Match.span`) and each Token
    # is built by `tuple.__new__` directly, skipping the NamedTuple's Python-level `__new__`
    # (the same Token, ~10 % of tokenising; issue 19).
    for a, b in map(_SPAN, _WORD.finditer(text, start, stop)):
        word = text[a:b]
        form = forms.get(word)
        if form is None:
            form = _form(word)
        norm, raw, trim = form
        if norm in drop:
            continue
        append(_new(Token, (norm, raw, a, b - trim)))
    return tokens


_SPAN = re.Match.span
_new = tuple.__new__


# word -> (norm, raw, characters its end drops): a session repeats a few thousand words
# ~15k times, and one dict look-up per word is most of what tokenising then costs.
_FORMS: dict[str, tuple[str, str, int]] = {}
_FORMS_LIMIT = 50_000  # distinct words remembered (a session has a few thousand)


def _form(word: str) -> tuple[str, str, int]:
    """`tokenize`'s view of one word: dotted acronyms lose their dots ("U.N." ends before its last dot)."""
    if "." in word:
        form = (norm_word(word), word.replace(".", ""), int(word.endswith(".")))
    else:
        form = (norm_word(word), word, 0)
    if len(_FORMS) >= _FORMS_LIMIT:
        _FORMS.clear()
    _FORMS[word] = form
    return form


class LineIndex:
    """Maps character offsets to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def start(self, line: int) -> int:
        """Offset where a 1-based line starts (0 for line 1 or less)."""
        return self._starts[max(0, min(line, len(self._starts)) - 1)]


@lru_cache(maxsize=8)
def line_index(text: str) -> LineIndex:
    """The `LineIndex` of `text`, shared: threads ask `find_mentions` of each sentence of a
    session's text, and each call indexed the whole text's lines again (issue 19). Nothing
    changes a `LineIndex` once built, so one per text serves every caller."""
    return LineIndex(text)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Absolute sentence spans inside `text[start:end]`."""
    stop = len(text) if end is None else end
    return [(start + a, start + b) for a, b in split_sentences(text[start:stop])]


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Absolute spans of blank-line separated paragraphs inside `text[start:end]`."""
    stop = len(text) if end is None else end
    spans, pos = [], start
    for match in re.finditer(r"\n\s*\n", text[start:stop]):
        spans.append((pos, start + match.start()))
        pos = start + match.end()
    spans.append((pos, stop))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def span_of(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span containing `offset`, if any."""
    for a, b in spans:
        if a <= offset < b:
            return a, b
    return None

"""Sentence spans in caption text.

Captions break sentences badly: double spaces, missing final punctuation, "‑‑"
interruptions, paragraphs without a full stop. We return character spans rather than
strings so every later quote is an exact slice of the source (citations stay verbatim).
Furniture is never part of a sentence: a subtitle cue's identifier and timing lines, and
what an export leaves between the merged rows or blocks of one turn (`rowjoins.py`: a
table row's time and speaker cells, a `[Jo Li] 11:00:14` label line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .cues import speech_end, speech_start
from .rowjoins import export_furniture

__all__ = ["sentence_texts", "split_sentences"]

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "mt",
        "no",
        "nos",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "cf",
        "al",
        "fig",
        "jr",
        "sr",
        "dept",
        "govt",
        "inc",
        "ltd",
        "co",
        "corp",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "h.e",
        "hon",
        "amb",
        "approx",
        "vol",
        "art",
        "para",
        "sec",
        "ch",
        "op",
    ]
)

# A sentence ends at . ? ! (possibly followed by quotes/brackets) when whitespace follows
# and the next non-space character could start a sentence. A match starts only at the
# first mark of a run and takes the run whole (possessive: giving marks back cannot put
# whitespace after the match), so a caption line of thousands of dots is scanned once,
# not once per dot.
_END = re.compile(r"(?<![.?!…])[.?!…]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*>>)")


_LAST_WORD = re.compile(r"([^\W\d_][\w.]*)$")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


def _is_abbreviation(text: str, dot_at: int) -> bool:
    match = _LAST_WORD.search(text[max(0, dot_at - 40) : dot_at])
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # single initials ("C. Surname") and dotted acronyms ("U.N.")
    return len(word) == 1 or bool(_DOTTED.fullmatch(word))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


def split_sentences(text: str, max_chars: int = 600) -> list[tuple[int, int]]:
    """Character spans `(start, end)` of the sentences of `text`, in order.

    Paragraph breaks always end a sentence; very long run-ons are cut at the last
    comma or dash before `max_chars` so a quote stays quotable.

    >>> t = "Thank you.  We need funding -- and channels. Mr. Smith agrees"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Thank you.', 'We need funding -- and channels.', 'Mr. Smith agrees']
    """
    spans: list[tuple[int, int]] = []
    for start, end in _pieces(text):
        spans.extend(_cut_long(text, start, end, max_chars))
    return spans


# The pieces of a text are asked by several stages (resolve, the tag and analyse memo, the
# summary's units with a shorter `max_chars`) and, in a worker, again for a turn every
# session repeats: the last texts split are kept (`lru_cache`, the project's memo). Only texts
# up to `_KEPT_CHARS` are kept, so the cache holds at most `_KEPT_TEXTS` × that many characters
# of keys however long the inputs (a long caption line is split fresh each time it is asked).
_KEPT_TEXTS = 2048
_KEPT_CHARS = 8_000


def _pieces(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence pieces of `text` before long ones are cut (`split_sentences`' own
    work but the `max_chars` cut, which depends on the caller): they depend on the text alone."""
    if len(text) > _KEPT_CHARS:
        return tuple(_find_pieces(text))
    return _kept_pieces(text)


@lru_cache(maxsize=_KEPT_TEXTS)
def _kept_pieces(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_find_pieces(text))


def _find_pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece: a paragraph block cut after each sentence end, not yet trimmed."""
    block_start = 0
    blocks: list[tuple[int, int]] = []
    for match in _PARAGRAPH.finditer(text):
        blocks.append((block_start, match.start()))
        block_start = match.end()
    blocks.append((block_start, len(text)))
    furniture = export_furniture(text)
    if furniture:
        blocks = _without(blocks, furniture)
    for b_start, b_end in blocks:
        if text.find("-->", b_start, b_end) != -1 or text.find("</", b_start, b_end) != -1:
            # a subtitle cue: its identifier, timing line and voice tags are not a sentence
            b_start = speech_start(text, b_start, b_end)
            b_end = max(b_start, speech_end(text, b_start, b_end))
        cursor = b_start
        block = text[b_start:b_end]
        for match in _END.finditer(block):
            end = b_start + match.end()
            dot = b_start + match.start()
            if text[dot] == "." and match.end() - match.start() == 1 and _is_abbreviation(text, dot):
                continue
            yield cursor, end
            cursor = end
        yield cursor, b_end


def _without(blocks: list[tuple[int, int]], furniture: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`blocks` with the furniture spans cut out: each span ends the text before it."""
    out: list[tuple[int, int]] = []
    for start, end in blocks:
        for a, b in furniture:
            if b <= start or a >= end:
                continue
            if a > start:
                out.append((start, a))
            start = max(start, b)
        if start < end:
            out.append((start, end))
    return out


def _cut_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cut = max(window.rfind(", "), window.rfind(" ‑‑ "), window.rfind(" -- "), window.rfind("; "))
        if cut < max_chars // 3:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = max_chars
        trimmed = _trim(text, start, start + cut + 1)
        if trimmed:
            out.append(trimmed)
        start = start + cut + 1
    trimmed = _trim(text, start, end)
    if trimmed:
        out.append(trimmed)
    return out


def sentence_texts(text: str) -> list[str]:
    """The sentences themselves, for callers that do not need offsets."""
    return [text[a:b] for a, b in split_sentences(text)]

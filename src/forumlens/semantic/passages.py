"""Turns → passages: the units that are embedded. Pure.

A caption turn runs from one sentence to several minutes of speech, and the model reads
at most 256 tokens, so long turns are cut at sentence boundaries into passages of about
`max_words` words. Each passage keeps its turn, its character span inside the turn's text
and the 1-based source line it starts on, so a semantic hit cites a line as a lexical one
does. Stage notes and passages of fewer than `min_words` words are not embedded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Turn
from ..transcript.sentences import split_sentences

__all__ = ["Passage", "session_passages", "turn_passages"]

MAX_WORDS = 90
MIN_WORDS = 3


@dataclass(frozen=True)
class Passage:
    turn: int  # Turn.index
    part: int  # number of the passage inside its turn
    line: int  # 1-based source line of its first character
    start: int  # span inside the turn's text
    end: int
    text: str


def turn_passages(turn: Turn, *, max_words: int = MAX_WORDS, min_words: int = MIN_WORDS) -> list[Passage]:
    """The passages of one turn (none for a stage note or a turn of a word or two)."""
    if turn.kind != "speech" or len(turn.text.split()) < min_words:
        return []
    spans = split_sentences(turn.text) or [(0, len(turn.text))]
    groups: list[tuple[int, int]] = []
    start, end, count = spans[0][0], spans[0][1], 0
    for a, b in spans:
        n = len(turn.text[a:b].split())
        if count and count + n > max_words:
            groups.append((start, end))
            start, count = a, 0
        end = b
        count += n
    groups.append((start, end))
    # a short tail reads better with the passage before it
    if len(groups) > 1 and len(turn.text[groups[-1][0] : groups[-1][1]].split()) < max_words // 4:
        groups[-2:] = [(groups[-2][0], groups[-1][1])]
    out: list[Passage] = []
    # from the speech's first line (a marker may stand alone on the line above), counted on
    # from the last passage: linear in a long turn
    line, counted = turn.first_line, 0
    for a, b in groups:
        text = turn.text[a:b]
        line += turn.text.count("\n", counted, a)
        counted = a
        if len(text.split()) >= min_words:
            out.append(Passage(turn.index, len(out), line, a, b, text))
    return out


def session_passages(turns: Iterable[Turn], **options: int) -> list[Passage]:
    return [p for t in turns for p in turn_passages(t, **options)]

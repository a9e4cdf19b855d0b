"""Passages a speaker reads out in someone else's words.

A speaker reading a statement for an absent colleague ("Now I read her statement.  Quote.
'Dear colleagues, I am Odile …, and I regret that I cannot be with you in Addis …'  End
quote.") says, in the first person, where the *author* is, not where the reader is. The
reader is the person of the turn; what the quoted passage says of "I" and "here" is not theirs.

A passage counts as quoted when a caption marks it: "quote … end quote" / "unquote", or a
double-quoted run long enough to be a statement (a short quoted phrase is a title or a slogan,
and the speaker's own sentence around it still speaks for them).
"""

from __future__ import annotations

import re

__all__ = ["quoted_spans"]

_MIN_QUOTED = 60  # characters: shorter double-quoted runs are phrases, not statements read out
# "Quote.  … End quote.", "I quote: … unquote": the mark said as a sentence of its own (not
# "please do not quote me"), and its end said too
_MARKED = re.compile(
    r"(?:^|(?<=[.!?:;])\s+|\s{2,})(?:(?:begin|start|open|and I)\s+)?(?:I\s+)?quote\s*[.:,]"
    r"(?P<body>.+?)\b(?:end (?:of )?(?:the )?quote|close quote|unquote)\b",
    re.IGNORECASE | re.DOTALL,
)
_DOUBLE = re.compile(r"[\"“](?P<body>[^\"“”]+)[\"”]")


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) offsets of passages read out in another's words in `text[start:end]`."""
    spans: list[tuple[int, int]] = []
    piece = text[start:end]
    # most turns quote nothing: a look for the marks is cheaper than the patterns (issue 19)
    marked = (_MARKED, "quote" in piece.lower()), (_DOUBLE, '"' in piece or "“" in piece)
    for pattern in [p for p, mark in marked if mark]:
        for m in pattern.finditer(text, start, end):
            a, b = m.span("body")
            if b - a >= _MIN_QUOTED and not any(x <= a < y for x, y in spans):
                spans.append(m.span() if pattern is _DOUBLE else (a, b))  # a sentence opens at the mark
    return spans

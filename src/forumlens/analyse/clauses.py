"""Ask units: the pieces of a sentence the ask classifier judges one at a time.

Why: captions of spoken, often non-native English run several asks into one "sentence"
("… so what we ask is the ministry must …, and also the training for …, so we need some
funding …") and speakers voice lists as items ("One, funding: …; two, a contact person
…"). Judged whole, such a line yields one ask at most; cut at list markers, semicolons
and, in long sentences, at clause conjunctions after a comma, each piece is one
candidate. Short sentences are one unit, as before. Spans are relative to the sentence,
so a unit's text is always an exact slice of the transcript (reports quote it).
"""

from __future__ import annotations

import re

__all__ = ["LONG_WORDS", "MIN_WORDS", "ask_units"]

LONG_WORDS = 28  # a sentence this long is cut at clause conjunctions too
MIN_WORDS = 3  # shorter pieces are glued to the piece before

# "One, …", "two, …", "First, …", "Secondly: …", "Number three, …", "A: …" (after a comma,
# semicolon or colon; at the start of a sentence the splitter already separated them).
_LIST_MARK = re.compile(
    r"[;,:]\s+(?=(?:and\s+)?(?:(?:one|two|three|four|five|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?"
    r"|fifth|finally|lastly|number (?:one|two|three|four|five))\b\s*[,:]|[a-e]\s*[:)]))",
    re.I,
)
_SEMI = re.compile(r";\s+")
# Clause starts that begin a new thought in run-on speech: ", and also …", ", so we need …".
_CLAUSE = re.compile(
    r",\s+(?=(?:and\s+also|and\s+then|and\s+(?:we|i|the|they|our|please)|so|but|also|then|otherwise|please"
    r"|we\s+(?:need|ask|want|would|will|are|should|must|have)|i\s+(?:would|want|think|ask|call|invite|urge)"
    r"|my\s+(?:recommendation|ask|request|message|suggestion|proposal))\b)",
    re.I,
)


def _cut(text: str, pattern: re.Pattern[str], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        start = a
        for m in pattern.finditer(text, a, b):
            out.append((start, m.start() + 1))  # keep the comma/semicolon with the piece before
            start = m.end()
        out.append((start, b))
    return out


def _words(text: str) -> int:
    return len(text.split())


def _glue(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces under `MIN_WORDS` words join the piece before (or after, for the first)."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and (_words(text[a:b]) < MIN_WORDS or _words(text[out[-1][0] : out[-1][1]]) < MIN_WORDS):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n,;:":
        a += 1
    while b > a and text[b - 1] in " \t\n,;:":
        b -= 1
    return a, b


def ask_units(sentence: str) -> list[tuple[int, int]]:
    """Spans (relative to `sentence`) of the units to classify, in order, covering it."""
    spans = _cut(sentence, _LIST_MARK, [(0, len(sentence))])
    spans = _cut(sentence, _SEMI, spans)
    if _words(sentence) >= LONG_WORDS:
        spans = _cut(sentence, _CLAUSE, spans)
    trimmed = [_trim(sentence, a, b) for a, b in _glue(sentence, spans)]
    return [(a, b) for a, b in trimmed if b > a] or [(0, len(sentence))]

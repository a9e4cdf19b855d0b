"""A small offline language guesser: writing system first, then stopword profiles.

IGF documents are mostly in the six UN languages plus German, Portuguese and
Italian; the most frequent function words tell those apart reliably on a paragraph
or more, with no model to download. Confidence is the winner's share of the
stopword hits, scaled down for short texts.
"""

from __future__ import annotations

import re
import string
from collections import Counter

__all__ = ["PROFILES", "detect_language"]

PROFILES: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "that",
            "for",
            "it",
            "with",
            "as",
            "are",
            "be",
            "this",
            "on",
            "by",
            "which",
            "have",
            "from",
            "not",
            "we",
            "our",
            "their",
            "was",
            "were",
            "has",
            "been",
            "will",
            "would",
            "should",
            "can",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "et",
            "est",
            "une",
            "un",
            "du",
            "dans",
            "que",
            "pour",
            "qui",
            "sur",
            "au",
            "aux",
            "pas",
            "sont",
            "par",
            "avec",
            "nous",
            "ce",
            "cette",
            "leur",
            "été",
            "être",
            "ont",
            "ou",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "y",
            "que",
            "en",
            "un",
            "una",
            "es",
            "por",
            "para",
            "con",
            "del",
            "se",
            "al",
            "como",
            "su",
            "sus",
            "más",
            "sobre",
            "este",
            "esta",
            "son",
            "fue",
            "ha",
            "han",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "a",
            "os",
            "as",
            "de",
            "e",
            "que",
            "em",
            "um",
            "uma",
            "é",
            "do",
            "da",
            "dos",
            "das",
            "para",
            "com",
            "não",
            "por",
            "se",
            "ao",
            "mais",
            "como",
            "são",
            "foi",
            "pelo",
            "pela",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "mit",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "zu",
            "von",
            "auf",
            "für",
            "sich",
            "im",
            "wir",
            "werden",
            "sind",
            "auch",
            "oder",
            "wird",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "lo",
            "la",
            "gli",
            "le",
            "di",
            "e",
            "che",
            "è",
            "un",
            "una",
            "per",
            "non",
            "con",
            "del",
            "della",
            "dei",
            "delle",
            "nel",
            "sono",
            "come",
            "anche",
            "più",
            "alla",
            "questo",
        ]
    ),
}
_SCRIPTS = (
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _profiles_by_word() -> dict[str, tuple[str, ...]]:
    """word -> the profiles that hold it, in `PROFILES` order, so a word costs one look-up."""
    out: dict[str, tuple[str, ...]] = {}
    for code, profile in PROFILES.items():
        for word in profile:
            out[word] = (*out.get(word, ()), code)
    return out


_CODES_OF = _profiles_by_word()


def _letters(sample: str) -> tuple[int, int]:
    """(letters, characters outside ASCII) of `sample`: letters as `str.isalpha` counts them.

    ASCII letters are exactly A-Z and a-z, so they are counted by deleting them in C; only
    the characters outside ASCII (a few curly quotes in an English caption) are asked.
    """
    raw = sample.encode("ascii", "ignore")  # the ASCII characters
    letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    others = len(sample) - len(raw)
    if others:
        letters += sum(map(str.isalpha, _NON_ASCII.findall(sample)))
    return letters, others


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0..1); (None, 0.0) when there is too little to tell.

    Each distinct word is looked up once, with its count: a profile's hits are the same
    sums, and profiles enter the tally in the order of their first hit in the text (the
    order ties are broken in), as when every running word was looked up in turn.
    """
    sample = text[:50_000]
    letters, others = _letters(sample)
    if letters < 20:
        return None, 0.0
    # a script's characters are all outside ASCII: when those are under a quarter of the
    # letters, no script can reach the 0.3 share below, and the counting is skipped
    if others * 4 >= letters:
        for code, script in _SCRIPTS:
            share = len(script.findall(sample)) / letters
            if share > 0.3:
                return code, round(min(0.99, 0.5 + share / 2), 2)
    counts: Counter[str] = Counter()
    for word, n in Counter(_WORD.findall(sample)).items():  # distinct words in order of first use
        for code in _CODES_OF.get(word.lower(), ()):
            counts[code] += n
    if not counts:
        return None, 0.0
    (best, top), *rest = counts.most_common()
    runner = rest[0][1] if rest else 0
    margin = (top - runner) / top
    size = min(1.0, top / 30)
    return best, round(max(0.05, min(0.99, (0.4 + 0.6 * margin) * (0.5 + 0.5 * size))), 2)

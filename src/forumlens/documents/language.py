"""A small offline language guesser: writing system first, then stopword profiles.

IGF documents are mostly in the six UN languages plus German, Portuguese and
Italian; the most frequent function words tell those apart reliably on a paragraph
or more, with no model to download. Confidence is the winner's share of the
stopword hits, scaled down for short texts.
"""

from __future__ import annotations

import re
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


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0..1); (None, 0.0) when there is too little to tell."""
    sample = text[:50_000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return None, 0.0
    for code, script in _SCRIPTS:
        share = len(script.findall(sample)) / letters
        if share > 0.3:
            return code, round(min(0.99, 0.5 + share / 2), 2)
    counts: Counter[str] = Counter()
    words = [w.lower() for w in _WORD.findall(sample)]
    for word in words:
        for code, profile in PROFILES.items():
            if word in profile:
                counts[code] += 1
    if not counts:
        return None, 0.0
    (best, top), *rest = counts.most_common()
    runner = rest[0][1] if rest else 0
    margin = (top - runner) / top
    size = min(1.0, top / 30)
    return best, round(max(0.05, min(0.99, (0.4 + 0.6 * margin) * (0.5 + 0.5 * size))), 2)

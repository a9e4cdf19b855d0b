"""Tokens, stems and sentences shared by the tagger, its training script and the glossary.

Training (scikit-learn, `bench/`) and inference (pure Python, default install) must see
exactly the same features, so both call `features()` from here: one definition, no drift.
The stemmer is deliberately crude (suffix stripping, British and American spellings
folded): what matters is that vocabulary terms and text normalise the same way.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

__all__ = [
    "STOPWORDS",
    "SessionMemo",
    "features",
    "features_of_stems",
    "sentence_spans",
    "stem",
    "stems",
    "word_spans",
    "words",
]

_WORD = re.compile(
    r"[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F]*(?:['\u2019&+\u2010\u2011-][A-Za-z0-9\u00C0-\u024F]+)*"
)

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "may",
        "me",
        "might",
        "more",
        "most",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "shall",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "one",
        "two",
        "three",
        "per",
        "cent",
        "eg",
        "ie",
        "et",
        "al",
        "etc",
        "us",
        "thus",
        "however",
        "therefore",
        "although",
        "yet",
        "still",
        "well",
        "much",
        "many",
        "several",
        "another",
        "either",
        "neither",
        "every",
    ]
)

_SUFFIXES = (  # (suffix, replacement, minimum stem length left)
    ("isations", "iz", 3),
    ("izations", "iz", 3),
    ("isation", "iz", 3),
    ("ization", "iz", 3),
    ("ational", "ate", 3),
    ("ising", "iz", 3),
    ("izing", "iz", 3),
    ("ised", "iz", 3),
    ("ized", "iz", 3),
    ("ises", "iz", 3),
    ("izes", "iz", 3),
    ("ise", "iz", 3),
    ("ize", "iz", 3),
    ("ations", "ate", 3),
    ("ation", "ate", 3),
    ("ments", "", 4),
    ("ment", "", 4),
    ("ingly", "", 4),
    ("ings", "", 4),
    ("ing", "", 4),
    ("ies", "y", 2),
    ("ied", "y", 2),
    ("sses", "ss", 2),
    ("ness", "", 4),
    ("ities", "ity", 3),
    ("ers", "er", 3),
    ("ed", "", 4),
    ("ly", "", 4),
    ("es", "e", 3),
    ("s", "", 3),
)


# Word-level memos: the vocabulary of a corpus is small next to its running text (Zipf), so
# stemming each distinct word once is the big saving. Bounded so a hostile input cannot grow
# them without limit; when full they are simply not extended.
_MEMO_LIMIT = 200_000
_STEM_MEMO: dict[str, str] = {}
_WORD_STEMS: dict[str, tuple[str, ...]] = {}
_HYPHEN = re.compile(r"[-\u2010\u2011]")


def stem(word: str) -> str:
    """Fold a lower-case word to a crude stem ("farmers" -> "farmer", "organisation" -> "organiz")."""
    found = _STEM_MEMO.get(word)
    if found is None:
        found = _stem(word)
        if len(_STEM_MEMO) < _MEMO_LIMIT:
            _STEM_MEMO[word] = found
    return found


def _stem(word: str) -> str:
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    for suffix, repl, keep in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            return word[: len(word) - len(suffix)] + repl
    return word


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the words of `text` (letters, digits, inner hyphens and apostrophes)."""
    for m in _WORD.finditer(text):
        yield m.start(), m.end()


def words(text: str) -> list[str]:
    """The words of `text`, as written."""
    return _WORD.findall(text)  # the pattern has no capturing group: whole matches


def _word_stems(word: str) -> tuple[str, ...]:
    """Stems of the hyphen-separated parts of one word as written (memoised)."""
    found = _WORD_STEMS.get(word)
    if found is None:
        found = tuple(stem(part) for part in _HYPHEN.split(word.lower()) if part)
        if len(_WORD_STEMS) < _MEMO_LIMIT:
            _WORD_STEMS[word] = found
    return found


def stems(text: str) -> list[str]:
    """Stems of every word of `text`, hyphenated words split, stopwords kept (phrases need them)."""
    get = _WORD_STEMS.get
    out: list[str] = []
    extend = out.extend
    for w in _WORD.findall(text):
        extend(get(w) or _word_stems(w))
    return out


def features_of_stems(text_stems: list[str]) -> list[str]:
    """`features` of a text from its already computed `stems`."""
    toks = [s for s in text_stems if s not in STOPWORDS and not s.isdigit() and len(s) > 1]
    return toks + [f"{a} {b}" for a, b in itertools.pairwise(toks)]


def features(text: str) -> list[str]:
    """Bag-of-stems features for the learned model: content-word stems and adjacent pairs.

    Stopwords and bare numbers are dropped before pairing, so "access to water" and
    "water access" share the pair-free stems; pairs keep phrases such as "food secur".
    """
    return features_of_stems(stems(text))


_SENT_END = re.compile(r"(?<=[.!?])[\"')\]\u201d\u2019]*\s+(?=[\"'(\[\u201c\u2018]?[A-Z0-9>])|\n\s*\n")


def _project_splitter():
    try:
        from forumlens.transcript.sentences import split_sentences
    except ImportError:
        return None
    return split_sentences


_SPLIT_SENTENCES = _project_splitter()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`; the project's splitter is used when present.

    `forumlens.transcript.sentences.split_sentences` knows abbreviations and caption quirks;
    this regex fallback keeps the tagger usable on its own.
    """
    if _SPLIT_SENTENCES is not None:
        return list(_SPLIT_SENTENCES(text))
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        _append_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _append_trimmed(text, pos, len(text), spans)
    return spans


Passage = tuple[int, int, str, int]  # (start, end, text, word count) of a tagger passage of a turn


class SessionMemo:
    """Text work several stages need for one session, done once: sentence spans and stems.

    The caller that runs the stages over a session creates one and hands it to each
    (`find_intel`, `tag_session`, `extract_glossary`); a stage given none makes its own.
    Everything is keyed by the text it was computed from (pure functions of that text), so
    results are the same with or without sharing. Returned lists are shared: callers must
    not mutate them.
    """

    __slots__ = ("_spans", "_stems", "passages")

    def __init__(self) -> None:
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._stems: dict[str, list[str]] = {}
        self.passages: dict[str, list[Passage]] = {}  # the tagger's passages of each turn text

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        found = self._spans.get(text)
        if found is None:
            found = self._spans[text] = sentence_spans(text)
        return found

    def stems(self, text: str) -> list[str]:
        found = self._stems.get(text)
        if found is None:
            found = self._stems[text] = stems(text)
        return found


def _append_trimmed(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b))

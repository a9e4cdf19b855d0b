"""One light stemmer for every stage that compares words: tags, glossary, summaries, profiles.

Suffix stripping with British and American spellings folded ("organisations" and
"organizations" -> "organiz", "farmers" -> "farmer"). It is deliberately crude and has
no exceptions list: what matters is that a vocabulary term and running text normalise
the same way, so every stage must call this one.

`prefix_stem` is a second, documented variant for one job: matching the words of a
document title against a caption quote (`documents/links.py`). Keeping five letters
merges more ("regulation"/"regulatory", "digital"/"digitisation"), which a misheard quote
needs; on the shared corpus vocabulary it groups 690 of 1,863 words differently from
`stem`, so the two are not interchangeable.
"""

from __future__ import annotations

from .tokens import WORD, fold, hyphen_parts

__all__ = ["prefix_stem", "stem", "stems", "suffix_stem", "word_stems"]

_SUFFIXES = (  # (suffix, replacement, minimum stem length left); first match wins
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


def stem(word: str) -> str:
    """Fold a word to its light stem ("farmers" -> "farmer", "organisation" -> "organiz").

    >>> [stem(w) for w in ("Policies", "policy", "platforms", "organisation", "organization")]
    ['policy', 'policy', 'platform', 'organiz', 'organiz']
    """
    found = _STEM_MEMO.get(word)
    if found is None:
        found = _stem(word)
        if len(_STEM_MEMO) < _MEMO_LIMIT:
            _STEM_MEMO[word] = found
    return found


def _stem(word: str) -> str:
    word = fold(word)
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):  # "access", "status", "analysis" keep their s
        return word
    for suffix, repl, keep in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            return word[: len(word) - len(suffix)] + repl
    return word


def _word_stems(word: str) -> tuple[str, ...]:
    """Stems of the hyphen-separated parts of one word as written (memoised)."""
    found = _WORD_STEMS.get(word)
    if found is None:
        found = tuple(stem(part) for part in hyphen_parts(word))
        if len(_WORD_STEMS) < _MEMO_LIMIT:
            _WORD_STEMS[word] = found
    return found


def word_stems(word: str) -> tuple[str, ...]:
    """The stems one word (a `words` token) contributes to `stems`: one per hyphen-separated part.

    `stems(text)` is exactly these tuples joined, word after word, so a caller that already
    holds a text's words can stem a run of them without joining and re-splitting the text.

    >>> word_stems("Multi-stakeholder"), word_stems("platforms")
    (('multi', 'stakeholder'), ('platform',))
    """
    return _WORD_STEMS.get(word) or _word_stems(word)


def stems(text: str) -> list[str]:
    """Stems of every word of `text`, hyphenated words split, stopwords kept (phrases need them).

    >>> stems("Multi-stakeholder platforms")
    ['multi', 'stakeholder', 'platform']
    """
    get = _WORD_STEMS.get
    out: list[str] = []
    extend = out.extend
    for w in WORD.findall(text):
        extend(get(w) or _word_stems(w))
    return out


def prefix_stem(word: str, length: int = 5) -> str:
    """The first `length` letters of a case-folded word, possessive dropped (title matching).

    >>> prefix_stem("Regulatory"), prefix_stem("regulation"), prefix_stem("Net’s")
    ('regul', 'regul', 'net')
    """
    word = word.casefold().replace("\u2019", "'").removesuffix("'s")
    return word[:length] if len(word) >= length else word


def suffix_stem(word: str) -> str:
    """A lowercase word without its inflection ("-ing", "-ies" → "y", "-es", "-ed", "-s").

    The ask classifier's features (`analyse/askmodel.py`) were trained with exactly this
    rule; changing it, or using `stem` there, means retraining (`bench/train_asks.py`).

    >>> suffix_stem("meetings"), suffix_stem("policies"), suffix_stem("funded")
    ('meet', 'policy', 'fund')
    """
    for suffix in ("ings", "ing", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word

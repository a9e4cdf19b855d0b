"""Whether a lower-case word is an English word, from the English vocabulary the package ships.

Why: a body's name in another language writes its adjectives and head noun in lower case
("Ungdomsforum for nettpolitikk", "Nordfjord bibliotekssamarbeid", "Bibliothèque communautaire
de Jérémie"), and the organisation readers cut such a name after its last capitalised word
("Nordfjord", "Jérémie"): the commonest wrong-body shape of the round 17–19 first runs after the
missed ones. A letter outside English's alphabet ("komunitná") says "another language" only for
some languages; whether the word is in an English vocabulary says it for all of them. The
vocabulary is the WordPiece one the semantic model already ships (30,522 entries, ~20,000 whole
English words), so no new data file; a word it lacks but whose stem under a common English
suffix it holds ("captioners", "librarians", "cooperatives") is English too.

Not every English word is in it ("roundtable", "sandbox", "blockchain"): callers use this only
where a wrong "not English" costs little, a lower-case word continuing a capitalised name.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import forumlens.semantic
from forumlens.text.keep import code_digest, decoded, digest, kept

__all__ = ["english_word"]

# Longest first, so "ations" is tried before "s"; a stem keeps at least three letters.
_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ity",
    "ing",
    "ers",
    "ies",
    "er",
    "es",
    "ed",
    "ly",
    "al",
    "s",
    "d",
)


# the model's own tokenizer file (`semantic.embedder.TOKENIZER`), found without importing the embedder module: the
# analysis imports no more of `semantic` than its keyword profile (tests/test_semantic_lazy_imports.py)
_TOKENIZER = Path(forumlens.semantic.__file__).with_name("data") / "all-MiniLM-L6-v2.tokenizer.json"


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """The vocabulary's whole words (its "##" pieces and symbols left out).

    Parsing the ~700 KB tokenizer JSON costs ~20 ms a process, before the first session; the
    command line keeps the word list between runs (`text.keep`, keyed by the file's bytes and
    this module's code), so a warm start reads a ~200 KB marshal file instead (issue 19)."""
    data = _TOKENIZER.read_bytes()
    code = code_digest(__name__)
    key = None if code is None else digest(data, code)
    return frozenset(kept("english-words", key, lambda: _whole_words(data)))


def _whole_words(data: bytes) -> list[str]:
    """The alphabetic entries of the tokenizer file `data`, sorted (plain data `marshal` keeps)."""
    vocab = json.loads(decoded(data))["model"]["vocab"]
    return sorted(w for w in vocab if w.isalpha())


def english_word(word: str) -> bool:
    """`word` (any case) or its stem under a common English suffix is an English vocabulary word
    ("policy", "captioners" -> "captioner", "libraries" -> "library"); False for "nettpolitikk",
    "suohkan", "communautaire"."""
    vocabulary = _vocabulary()
    folded = word.casefold()
    if folded in vocabulary:
        return True
    for suffix in _SUFFIXES:
        stem = folded[: -len(suffix)]
        if not folded.endswith(suffix) or len(stem) < 3:
            continue
        if stem in vocabulary or stem + "e" in vocabulary or (suffix == "ies" and stem + "y" in vocabulary):
            return True
    return _compound(folded.removesuffix("s"), vocabulary)


def _compound(folded: str, vocabulary: frozenset[str]) -> bool:
    """Two English words written as one ("toolkit", "roundtable", "sandbox", "blockchain"): the
    vocabulary holds few such compounds whole, and a missing one read as "another language" took a
    sentence's opening words into a body's name ("About the Portuguese toolkit, …"). As the
    tokenizer reads it: the longest whole word opening it (four letters or more), then a whole word
    of three or more for the rest ("digitale" is "digital" and "e": not a compound)."""
    heads = [i for i in range(4, len(folded)) if folded[:i] in vocabulary]
    return bool(heads) and len(folded) - heads[-1] >= 3 and folded[heads[-1] :] in vocabulary

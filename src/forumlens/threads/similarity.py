"""How alike two items are: lexical (always, offline) or lexical plus sentence embeddings (if installed).

Lexical: each item is a bag of lexicon features (concepts such as `@money`, and the
content stems no concept claims), weighted TF-IDF over the items being linked, so a
feature every item has (the forum's own words) counts for little; plus character
4-grams of the unclaimed stems, which catch spellings and compounds the stemmer misses
("wi-fi"/"wifi", "toolkit"/"tool kit"). Score = 0.8 · feature cosine + 0.2 · 4-gram cosine.

Semantic (`forumlens[semantic]`): the packaged MiniLM sentence embeddings of the same
coalition-blanked quotes; score = mean of the lexical score and the embedding cosine
rescaled so unrelated sentences (cosine ≈ 0.15) score 0. The linking rules and
thresholds are the same for both; `threads` says which scorer ran.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from ..text import cosine
from .lexicon import Lexicon, load_lexicon
from .models import Item

__all__ = ["LexicalScorer", "Scorer", "SemanticScorer", "make_scorer"]

_FEATURE_WEIGHT = 0.8
_SEMANTIC_FLOOR = 0.15


class Scorer(Protocol):
    """Similarity of two items in [0, 1]; `name` says which linker ran."""

    name: str

    def similarity(self, a: Item, b: Item) -> float: ...

    def residual(self, a: Item, b: Item, category: str) -> float:
        """Feature cosine once the words that make `category` are set aside: is it the same *object*?"""
        ...

    def without(self, a: Item, b: Item, drop: Iterable[str]) -> float:
        """Feature cosine once `drop` (a deliverable's own words) is set aside."""
        ...

    def shared(self, a: Item, b: Item) -> list[str]: ...


def _key(item: Item) -> str:
    """One sentence of one session, as one signal (a caption turn is often one line of many sentences)."""
    return f"{item.ref}:{item.seq}:{item.signal}"


def _grams(stems: Sequence[str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for word in stems:
        padded = f" {word} "
        out.update(padded[i : i + 4] for i in range(max(1, len(padded) - 3)))
    return out


class LexicalScorer:
    """TF-IDF cosine over lexicon features, plus character 4-grams; needs nothing installed."""

    name = "lexical"

    def __init__(self, items: Sequence[Item], lexicon: Lexicon | None = None) -> None:
        lex = lexicon or load_lexicon()
        self._features = {_key(item): Counter(lex.features(item.about_text)) for item in items}
        df: Counter[str] = Counter()
        for feats in self._features.values():
            df.update(set(feats))
        n = len(self._features)
        self._idf = {f: math.log((n + 1) / (count + 1)) + 1.0 for f, count in df.items()}
        self._vectors = {key: self._weigh(feats) for key, feats in self._features.items()}
        self._grams = {
            key: _grams([f for f in feats.elements() if not f.startswith("@")]) for key, feats in self._features.items()
        }
        self._lex = lex

    def _weigh(self, feats: Counter[str]) -> dict[str, float]:
        return {f: count * self._idf.get(f, 1.0) for f, count in feats.items()}

    def _key(self, item: Item) -> str:
        key = _key(item)
        if key not in self._vectors:  # an item not seen at construction (tests, explain)
            feats = Counter(self._lex.features(item.about_text))
            self._features[key] = feats
            self._vectors[key] = self._weigh(feats)
            self._grams[key] = _grams([f for f in feats.elements() if not f.startswith("@")])
        return key

    def shared(self, a: Item, b: Item) -> list[str]:
        """The features both items have (for `explain`)."""
        return sorted(set(self._features[self._key(a)]) & set(self._features[self._key(b)]))

    def residual(self, a: Item, b: Item, category: str) -> float:
        ka, kb = self._key(a), self._key(b)
        signals = self._lex.category_signals(category)

        def rest(vector: dict[str, float]) -> dict[str, float]:
            return {f: w for f, w in vector.items() if not self._lex.signals_match(f, signals)}

        return cosine(rest(self._vectors[ka]), rest(self._vectors[kb]))

    def without(self, a: Item, b: Item, drop: Iterable[str]) -> float:
        ka, kb = self._key(a), self._key(b)
        gone = set(drop)
        return cosine(
            {f: w for f, w in self._vectors[ka].items() if f not in gone},
            {f: w for f, w in self._vectors[kb].items() if f not in gone},
        )

    def similarity(self, a: Item, b: Item) -> float:
        ka, kb = self._key(a), self._key(b)
        features = cosine(self._vectors[ka], self._vectors[kb])
        grams = cosine(self._grams[ka], self._grams[kb]) if self._grams[ka] and self._grams[kb] else 0.0
        return _FEATURE_WEIGHT * features + (1 - _FEATURE_WEIGHT) * grams


class SemanticScorer:
    """The lexical score averaged with the embedding cosine of the same quotes (the `semantic` extra)."""

    name = "semantic"

    def __init__(self, items: Sequence[Item], lexical: LexicalScorer) -> None:
        from ..semantic.embedder import load_embedder

        embedder = load_embedder()
        self._lexical = lexical
        keys = [_key(item) for item in items]
        rows = embedder.embed([item.about_text for item in items]).tolist() if items else []
        self._vectors: dict[str, list[float]] = {key: [float(x) for x in rows[i]] for i, key in enumerate(keys)}
        self.model = embedder.model

    def shared(self, a: Item, b: Item) -> list[str]:
        return self._lexical.shared(a, b)

    def residual(self, a: Item, b: Item, category: str) -> float:
        return self._lexical.residual(a, b, category)

    def without(self, a: Item, b: Item, drop: Iterable[str]) -> float:
        return self._lexical.without(a, b, drop)

    def similarity(self, a: Item, b: Item) -> float:
        lexical = self._lexical.similarity(a, b)
        va, vb = self._vectors.get(_key(a)), self._vectors.get(_key(b))
        if va is None or vb is None:
            return lexical
        raw = sum(x * y for x, y in zip(va, vb, strict=True))
        return 0.5 * lexical + 0.5 * max(0.0, (raw - _SEMANTIC_FLOOR) / (1 - _SEMANTIC_FLOOR))


def make_scorer(items: Sequence[Item], linker: str = "lexical") -> LexicalScorer | SemanticScorer:
    """The scorer a `--linker` asks for: `lexical`, `semantic` (ConfigError if not installed) or `auto`."""
    lexical = LexicalScorer(items)
    if linker == "lexical":
        return lexical
    if linker == "auto":
        from ..semantic.embedder import semantic_installed

        return SemanticScorer(items, lexical) if semantic_installed() else lexical
    return SemanticScorer(items, lexical)

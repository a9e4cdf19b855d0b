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

At archive scale the same sentence comes back many times (a coalition repeats its ask
word for word; a re-ingested or re-cut transcript repeats every sentence). A score
depends only on the two coalition-blanked quotes, so each distinct quote gets one id
(`text_id`), its features, vector, norm and embedding are computed once, and every score
of a quote said more than once is remembered per pair of ids: linking asks for the same
pair each time the quote comes back, and the second time is a dictionary look-up (a
quote said once is not remembered: at archive scale that would be millions of pairs). The arithmetic is the one `text.cosine` does, in
the same order, so scores are bit-for-bit those of computing each pair afresh.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from ..text.similarity import cosine_normed, norm
from .backref import NAMED_BACK
from .lexicon import Lexicon, load_lexicon
from .models import Item

__all__ = ["LexicalScorer", "Scorer", "SemanticScorer", "make_scorer"]

_FEATURE_WEIGHT = 0.8
_SEMANTIC_FLOOR = 0.15


class Scorer(Protocol):
    """Similarity of two items in [0, 1]; `name` says which linker ran."""

    name: str

    def text_id(self, item: Item) -> int:
        """One id per distinct coalition-blanked quote: items with the same id score the same against anything."""
        ...

    def similarity(self, a: Item, b: Item) -> float: ...

    def residual(self, a: Item, b: Item, category: str) -> float:
        """Feature cosine once the words that make `category` are set aside: is it the same *object*?"""
        ...

    def without(self, a: Item, b: Item, drop: Iterable[str]) -> float:
        """Feature cosine once `drop` (a deliverable's own words) is set aside."""
        ...

    def shared(self, a: Item, b: Item) -> list[str]: ...

    # the same scores by text id (`text_id`), for the linker's inner loops
    def pair(self, ka: int, kb: int) -> float: ...

    def residual_pair(self, ka: int, kb: int, category: str) -> float: ...

    def without_pair(self, ka: int, kb: int, drop: frozenset[str]) -> float: ...

    def residual_without_pair(self, ka: int, kb: int, category: str, drop: frozenset[str]) -> float:
        """`residual_pair` with `drop` (words every need of the actor says: its topic) also set aside."""
        ...

    def feature_set(self, ka: int) -> frozenset[str]:
        """The lexicon features of a quote."""
        ...

    def embedding_pair(self, ka: int, kb: int) -> float:
        """The sentence-embedding cosine of two quotes rescaled so unrelated ones score 0 (0 with no embeddings)."""
        ...


_Rest = tuple[dict[str, float], float]  # a residual vector and its norm
_RestMemo = dict[tuple[int, str], _Rest]  # (quote, category) → its residual less an actor's topic


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
        self._lex = lexicon or load_lexicon()
        self._ids: dict[str, int] = {}
        self._features: list[Counter[str]] = []
        df: Counter[str] = Counter()
        seen: set[str] = set()
        said: Counter[int] = Counter()
        for item in items:
            tid = self.text_id(item, weigh=False)
            said[tid] += 1
            key = _key(item)
            if item.about == NAMED_BACK:
                continue  # news found by its opening alone is mostly dropped unread: it does not weigh the words
            if key not in seen:  # document frequency counts sentences (keys), as many as say it
                seen.add(key)
                df.update(set(self._features[tid]))
        n = len(seen)
        self._idf = {f: math.log((n + 1) / (count + 1)) + 1.0 for f, count in df.items()}
        self._vectors: list[dict[str, float]] = []
        self._norms: list[float] = []
        self._grams: list[Counter[str]] = []
        self._gram_norms: list[float] = []
        for feats in self._features:
            self._add_vectors(feats)
        self.repeated = frozenset(tid for tid, n in said.items() if n > 1)  # quotes whose scores are remembered
        self._pairs: dict[tuple[int, int], float] = {}
        self._rest: dict[tuple[int, str], tuple[dict[str, float], float]] = {}
        self._rest_pairs: dict[tuple[int, int, str], float] = {}
        self._without: dict[tuple[int, int, frozenset[str]], float] = {}
        self._rest_without: dict[frozenset[str], tuple[dict[tuple[int, int, str], float], _RestMemo]] = {}
        self._shared: dict[tuple[int, int], tuple[str, ...]] = {}

    def _add_vectors(self, feats: Counter[str]) -> None:
        vector = {f: count * self._idf.get(f, 1.0) for f, count in feats.items()}
        grams = _grams([f for f in feats.elements() if not f.startswith("@")])
        self._vectors.append(vector)
        self._norms.append(norm(vector))
        self._grams.append(grams)
        self._gram_norms.append(norm(grams))

    def text_id(self, item: Item, *, weigh: bool = True) -> int:
        text = item.about_text
        found = self._ids.get(text)
        if found is None:  # a quote not seen at construction (tests, explain): weighed with the same IDF
            found = self._ids[text] = len(self._features)
            feats = Counter(self._lex.features(text))
            self._features.append(feats)
            if weigh:
                self._add_vectors(feats)
        return found

    def shared(self, a: Item, b: Item) -> list[str]:
        """The features both items have (for `explain`; remembered per pair of quotes: a repeated
        quote joining a large thread asks again)."""
        key = (self.text_id(a), self.text_id(b))
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = tuple(sorted(set(self._features[key[0]]) & set(self._features[key[1]])))
        return list(found)

    def _rest_of(self, tid: int, category: str) -> tuple[dict[str, float], float]:
        found = self._rest.get((tid, category))
        if found is None:
            signals = self._lex.residual_signals(category)
            rest = {f: w for f, w in self._vectors[tid].items() if not self._lex.signals_match(f, signals)}
            found = self._rest[(tid, category)] = (rest, norm(rest))
        return found

    def residual(self, a: Item, b: Item, category: str) -> float:
        return self.residual_pair(self.text_id(a), self.text_id(b), category)

    def residual_pair(self, ka: int, kb: int, category: str) -> float:
        found = self._rest_pairs.get((ka, kb, category))
        if found is None:
            (ra, na), (rb, nb) = self._rest_of(ka, category), self._rest_of(kb, category)
            found = cosine_normed(ra, na, rb, nb)
            if ka in self.repeated:
                self._rest_pairs[(ka, kb, category)] = found
        return found

    def without(self, a: Item, b: Item, drop: Iterable[str]) -> float:
        return self.without_pair(self.text_id(a), self.text_id(b), frozenset(drop))

    def feature_set(self, ka: int) -> frozenset[str]:
        return frozenset(self._features[ka])

    def residual_without_pair(self, ka: int, kb: int, category: str, drop: frozenset[str]) -> float:
        if not drop:
            return self.residual_pair(ka, kb, category)
        memo = self._rest_without.get(drop)  # one actor's topic is one set: memos per set, keyed by plain tuples
        if memo is None:
            memo = self._rest_without[drop] = ({}, {})
        pairs, vectors = memo
        found = pairs.get((ka, kb, category))
        if found is None:
            va = vectors.get((ka, category)) or self._rest_less(vectors, ka, category, drop)
            vb = vectors.get((kb, category)) or self._rest_less(vectors, kb, category, drop)
            found = cosine_normed(va[0], va[1], vb[0], vb[1])
            if ka in self.repeated:
                pairs[(ka, kb, category)] = found
        return found

    def _rest_less(self, vectors: _RestMemo, tid: int, category: str, drop: frozenset[str]) -> _Rest:
        """`_rest_of` less `drop`, made once per quote and kept in `vectors` (the memo of that `drop`)."""
        rest, full = self._rest_of(tid, category)
        kept = {f: w for f, w in rest.items() if f not in drop}
        found = vectors[(tid, category)] = (kept, norm(kept)) if len(kept) != len(rest) else (rest, full)
        return found

    def without_pair(self, ka: int, kb: int, drop: frozenset[str]) -> float:
        found = self._without.get((ka, kb, drop))
        if found is None:
            va = {f: w for f, w in self._vectors[ka].items() if f not in drop}
            vb = {f: w for f, w in self._vectors[kb].items() if f not in drop}
            found = cosine_normed(va, norm(va), vb, norm(vb))
            if ka in self.repeated:
                self._without[(ka, kb, drop)] = found
        return found

    def similarity(self, a: Item, b: Item) -> float:
        return self.pair(self.text_id(a), self.text_id(b))

    def embedding_pair(self, ka: int, kb: int) -> float:
        """No embeddings in the lexical linker: no evidence (the need-pair model of this linker weighs it 0)."""
        return 0.0

    def pair(self, ka: int, kb: int) -> float:
        found = self._pairs.get((ka, kb))
        if found is None:
            features = cosine_normed(self._vectors[ka], self._norms[ka], self._vectors[kb], self._norms[kb])
            ga, gb = self._grams[ka], self._grams[kb]
            grams = cosine_normed(ga, self._gram_norms[ka], gb, self._gram_norms[kb]) if ga and gb else 0.0
            found = _FEATURE_WEIGHT * features + (1 - _FEATURE_WEIGHT) * grams
            if ka in self.repeated:
                self._pairs[(ka, kb)] = found
        return found


class SemanticScorer:
    """The lexical score averaged with the embedding cosine of the same quotes (the `semantic` extra).

    Each distinct quote is embedded once (a quote said in many sessions is one row).
    """

    name = "semantic"

    def __init__(self, items: Sequence[Item], lexical: LexicalScorer) -> None:
        from ..semantic.embedder import load_embedder

        embedder = load_embedder()
        self._lexical = lexical
        texts: dict[int, str] = {}
        for item in items:
            texts.setdefault(lexical.text_id(item), item.about_text)
        ids = list(texts)
        rows = embedder.embed([texts[i] for i in ids]).tolist() if ids else []
        self._vectors: dict[int, list[float]] = {tid: [float(x) for x in rows[n]] for n, tid in enumerate(ids)}
        self._pairs: dict[tuple[int, int], float] = {}
        self.model = embedder.model

    def text_id(self, item: Item) -> int:
        return self._lexical.text_id(item)

    def shared(self, a: Item, b: Item) -> list[str]:
        return self._lexical.shared(a, b)

    def residual(self, a: Item, b: Item, category: str) -> float:
        return self._lexical.residual(a, b, category)

    def without(self, a: Item, b: Item, drop: Iterable[str]) -> float:
        return self._lexical.without(a, b, drop)

    def residual_pair(self, ka: int, kb: int, category: str) -> float:
        return self._lexical.residual_pair(ka, kb, category)

    def without_pair(self, ka: int, kb: int, drop: frozenset[str]) -> float:
        return self._lexical.without_pair(ka, kb, drop)

    def residual_without_pair(self, ka: int, kb: int, category: str, drop: frozenset[str]) -> float:
        return self._lexical.residual_without_pair(ka, kb, category, drop)

    def feature_set(self, ka: int) -> frozenset[str]:
        return self._lexical.feature_set(ka)

    def similarity(self, a: Item, b: Item) -> float:
        return self.pair(self.text_id(a), self.text_id(b))

    def embedding_pair(self, ka: int, kb: int) -> float:
        va, vb = self._vectors.get(ka), self._vectors.get(kb)
        if va is None or vb is None:
            return 0.0
        raw = sum(x * y for x, y in zip(va, vb, strict=True))
        return max(0.0, (raw - _SEMANTIC_FLOOR) / (1 - _SEMANTIC_FLOOR))

    def pair(self, ka: int, kb: int) -> float:
        lexical = self._lexical.pair(ka, kb)
        va, vb = self._vectors.get(ka), self._vectors.get(kb)
        if va is None or vb is None:
            return lexical
        found = self._pairs.get((ka, kb))
        if found is None:
            found = 0.5 * lexical + 0.5 * self.embedding_pair(ka, kb)
            if ka in self._lexical.repeated:
                self._pairs[(ka, kb)] = found
        return found


def make_scorer(items: Sequence[Item], linker: str = "lexical") -> LexicalScorer | SemanticScorer:
    """The scorer a `--linker` asks for: `lexical`, `semantic` (ConfigError if not installed) or `auto`."""
    lexical = LexicalScorer(items)
    if linker == "lexical":
        return lexical
    if linker == "auto":
        from ..semantic.embedder import semantic_installed

        return SemanticScorer(items, lexical) if semantic_installed() else lexical
    return SemanticScorer(items, lexical)

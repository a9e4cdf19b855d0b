"""Tag features, sentence spans and the per-session memo shared by the tagger and the glossary.

Training (scikit-learn, `bench/`) and inference (pure Python, default install) must see
exactly the same features, so both call `features()` from here: one definition, no drift.
Words, stems and stopwords come from `forumlens.text`, the package every stage shares, so
vocabulary terms and running text normalise the same way; they are re-exported here for
the modules that still import them from this one.
"""

from __future__ import annotations

import itertools

from forumlens.tag.taxonomy import Taxonomy, match_terms
from forumlens.text.stems import stems
from forumlens.text.stopwords import STOPWORDS
from forumlens.transcript.sentences import split_sentences

__all__ = [
    "Passage",
    "SessionMemo",
    "features",
    "features_of_stems",
    "sentence_spans",
]


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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (`forumlens.transcript.sentences`, which
    knows abbreviations and caption quirks), under the name the tag stages call."""
    return split_sentences(text)


Passage = tuple[int, int, str, int]  # (start, end, text, word count) of a tagger passage of a turn


class SessionMemo:
    """Text work several stages need for one session, done once: sentence spans and stems.

    The caller that runs the stages over a session creates one and hands it to each
    (`find_intel`, `tag_session`, `extract_glossary`); a stage given none makes its own.
    Everything is keyed by the text it was computed from (pure functions of that text), so
    results are the same with or without sharing. Returned lists are shared: callers must
    not mutate them.
    """

    __slots__ = ("_matches", "_spans", "_stems", "passages")

    def __init__(self) -> None:
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._stems: dict[str, list[str]] = {}
        self._matches: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        self.passages: dict[str, list[Passage]] = {}  # the tagger's passages of each turn text

    def matches(self, taxonomy: Taxonomy, text: str) -> list[tuple[int, int, int]]:
        """`match_terms` of the text's stems: a tag's evidence looks at the sentences of a
        passage once for each code it cites there."""
        key = (taxonomy.scheme, text)
        found = self._matches.get(key)
        if found is None:
            found = self._matches[key] = match_terms(taxonomy, self.stems(text))
        return found

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

"""Plain-text building blocks every stage shares: words, stems, stopwords, similarity,
and an exact prefilter for long regex alternations (`fastre.PatternSet`).

One definition of each, so the tagger, the glossary, summaries, keyword profiles, the
mention matcher and document links normalise text the same way (see each module for
why a stage needs a documented variant). Pure functions, standard library only.
"""

from __future__ import annotations

from .fastre import PatternSet, required_literals
from .similarity import cosine, dot
from .stems import prefix_stem, stem, stems
from .stopwords import (
    FLOOR_TALK,
    FORUM_WORDS,
    KEYWORD_STOPWORDS,
    NAME_CONNECTORS,
    QUESTION_STOPWORDS,
    SPOKEN_FILLER,
    STOPWORDS,
    SUMMARY_STOPWORDS,
)
from .tokens import fold, word_spans, words

__all__ = [
    "FLOOR_TALK",
    "FORUM_WORDS",
    "KEYWORD_STOPWORDS",
    "NAME_CONNECTORS",
    "QUESTION_STOPWORDS",
    "SPOKEN_FILLER",
    "STOPWORDS",
    "SUMMARY_STOPWORDS",
    "PatternSet",
    "cosine",
    "dot",
    "fold",
    "prefix_stem",
    "required_literals",
    "stem",
    "stems",
    "word_spans",
    "words",
]

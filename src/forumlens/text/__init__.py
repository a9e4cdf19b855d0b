"""Plain-text building blocks every stage shares: words, stems, stopwords, similarity.

One definition of each, so the tagger, the glossary, summaries, keyword profiles, the
mention matcher and document links normalise text the same way (see each module for
why a stage needs a documented variant). Pure functions, standard library only.
"""

from __future__ import annotations

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
    "cosine",
    "dot",
    "fold",
    "prefix_stem",
    "stem",
    "stems",
    "word_spans",
    "words",
]

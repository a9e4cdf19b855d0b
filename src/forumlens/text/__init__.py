"""Plain-text building blocks every stage shares: words, stems, stopwords, similarity,
and an exact prefilter for long regex alternations (`fastre.PatternSet`).

One definition of each, so the tagger, the glossary, summaries, keyword profiles, the
mention matcher and document links normalise text the same way (see each module for
why a stage needs a documented variant). Pure functions, standard library only.

The names are imported on first use (PEP 562, as the package root does): the command
line imports `text.recache` at start, and `forumlens --version` should not pay for the
prefilter it does not use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports  # the one PEP 562 loader (forumlens/__init__.py)

# `stems` names both a submodule and its function, and an imported submodule becomes the
# package's attribute: importing the function here keeps `text.stems` the function, as before.
from .stems import prefix_stem, stem, stems
from .tokens import fold, word_spans, words

# public name → submodule that defines it
_PUBLIC = {
    "FLOOR_TALK": ".stopwords",
    "FORUM_WORDS": ".stopwords",
    "KEYWORD_STOPWORDS": ".stopwords",
    "NAME_CONNECTORS": ".stopwords",
    "QUESTION_STOPWORDS": ".stopwords",
    "SPOKEN_FILLER": ".stopwords",
    "STOPWORDS": ".stopwords",
    "SUMMARY_STOPWORDS": ".stopwords",
    "PatternSet": ".fastre",
    "cosine": ".similarity",
    "dot": ".similarity",
    "required_literals": ".fastre",
}

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

if TYPE_CHECKING:
    from .fastre import PatternSet, required_literals
    from .similarity import cosine, dot
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

__getattr__, __dir__ = _lazy_exports(__name__, _PUBLIC, globals())

"""Whether a sentence is *about* a brief's topic, not only a sentence that says one of its words.

Issue 23, item 2: a "meaningful access" brief carried "We will extend free access to the
education version to public schools", a "data protection" brief a point on cable repairs
("public data on faults and repairs, and protection zones around cables"), a "gender"
brief "I speak today on behalf of the Dynamic Coalition on Gender and Internet
Governance". Each says the topic's words, none is about the topic. Three general rules,
each read from the shape of the record, never from one topic's words:

- **A name is not a subject** (`outside_names`): the words of a coalition's name ("the
  Dynamic Coalition on Children's Rights in the Digital Environment") say who speaks or is
  spoken of, not what about; relevance is judged on the sentence without them.
- **Two words, two ideas** (`one_clause`): a topic of several words that the sentence
  says only across clauses ("public data on faults ..., and protection zones") is two
  ideas said side by side, not the topic; one clause must hold it.
- **A topic its qualifier narrows** (`narrowed`): "meaningful access" is looked for by
  "access" (the qualifier is seldom said: `topic._MODIFIER`), but "access" alone is any
  access — to a product, to a building, to data. The sentence must then say the
  qualifier, or bear a neighbour of the topic in the taxonomies (`bears_neighbour`: the
  IGF issue area "Universal access and meaningful connectivity" names connectivity,
  public access, the last mile, affordability ...), or stand in a turn on the topic.

The taxonomy entries that neighbour a topic are those whose label shares a content word
with it (the entry the taxonomy itself names after the idea), else those whose evidence
vocabulary contains the topic. Pure functions; the coalition matcher is cached by text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..tag.taxonomy import Taxonomy, load_taxonomy, match_terms
from ..text.stems import stems
from ..text.stopwords import STOPWORDS
from .context import mentions_in
from .units import terms
from .vocabulary import same_word as _matches

__all__ = ["bears_neighbour", "narrowed", "one_clause", "outside_names", "topic_entries"]

_SCHEMES = ("sdg", "issue-area", "gdc")
# Clause boundaries inside a sentence: a list item or an aside is another idea.
_CLAUSE = re.compile(r"\s*(?:[,;:()]|\s[–—-]\s)\s*")


def outside_names(text: str) -> str:
    """`text` without the names of the coalitions it mentions (blanked, offsets kept).

    >>> outside_names("I speak for the Dynamic Coalition on Gender and Internet Governance today.").split()
    ['I', 'speak', 'for', 'the', 'today.']
    """
    found = [m for m in mentions_in(text) if m.kind == "dc"]
    if not found:
        return text
    chars = list(text)
    for m in found:
        chars[m.start : m.end] = " " * (m.end - m.start)
    return "".join(chars)


def clauses(text: str) -> list[str]:
    """The clauses of a sentence, split at commas, semicolons, colons, brackets and dashes."""
    return [c for c in _CLAUSE.split(text) if c.strip()]


def one_clause(words: Sequence[str], text: str) -> bool:
    """Whether one clause of `text` holds every stem of `words` (or `text` holds fewer than two).

    >>> one_clause(["data", "protect"], "Kenya passed its data protection law, finally.")
    True
    >>> one_clause(["data", "protect"], "We need public data on faults, and protection zones.")
    False
    """
    wanted = list(dict.fromkeys(words))
    if len(wanted) < 2:
        return True
    return any(all(any(_matches(w, t) for t in terms(c)) for w in wanted) for c in clauses(text))


@lru_cache(maxsize=256)
def topic_entries(topic: str) -> tuple[tuple[str, int], ...]:
    """(scheme, entry index) of the taxonomy entries that neighbour the topic (module doc)."""
    topic_stems = [s for s in stems(topic) if s not in STOPWORDS]
    named, holding = [], []
    for scheme in _SCHEMES:
        tax = load_taxonomy(scheme)
        matched = {entry for entry, _start, _len in match_terms(tax, topic_stems)}
        for entry in sorted(matched):
            holding.append((scheme, entry))
            if set(topic_stems) & set(stems(tax.entries[entry].label)):
                named.append((scheme, entry))
    return tuple(holding)


def bears_neighbour(text: str, topic: str) -> bool:
    """Whether `text` says a term of a taxonomy entry neighbouring the topic, other than the topic's own words."""
    entries = topic_entries(topic)
    if not entries:
        return False
    own = set(stems(topic))

    def other_word(stem: str) -> bool:  # "accessibility" is a form of "access", not its neighbour
        return stem not in STOPWORDS and not any(_matches(o, stem) or _matches(stem, o) for o in own)

    text_stems = stems(text)
    by_scheme: dict[str, set[int]] = {}
    for scheme, entry in entries:
        by_scheme.setdefault(scheme, set()).add(entry)
    for scheme, wanted in by_scheme.items():
        tax: Taxonomy = load_taxonomy(scheme)
        for entry, start, length in match_terms(tax, text_stems):
            if entry in wanted and any(other_word(s) for s in text_stems[start : start + length]):
                return True
    return False


def narrowed(modifiers: Sequence[str], topic: str, text: str, sentence_terms: Sequence[str]) -> bool:
    """Whether a sentence says a topic whose qualifier (`modifiers`, stems) was dropped to search it:
    it says a qualifier, or bears a neighbour of the topic in the taxonomies."""
    if not modifiers:
        return True
    return any(_matches(m, t) for m in modifiers for t in sentence_terms) or bears_neighbour(text, topic)


@lru_cache(maxsize=256)
def sibling_phrases(topic: str) -> tuple[tuple[str, ...], ...]:
    """Other phrases of the taxonomy entries the topic is a phrase of: the record's own names for its idea.

    Issue 23: "rural connectivity" is a term of the IGF access issue area, whose other
    terms ("community networks", "last mile", "connect the unconnected") are how sessions
    on it speak; the concept lexicon cannot link them, as no one word is shared. An entry
    counts when the topic says one of its terms of two or more stems (or is itself a
    one-word term): a single shared word ("connectivity") sits in many entries and would
    bring in human rights and gender. Only phrases of two or more stems are returned
    (stems, in order), and none made of the topic's own stems alone: a lone word of an
    issue area names too many other ideas.
    """
    topic_stems = [s for s in stems(topic) if s not in STOPWORDS]
    if not topic_stems:
        return ()
    out: dict[tuple[str, ...], None] = {}
    for scheme in _SCHEMES:
        tax = load_taxonomy(scheme)
        entries = {
            entry for entry, _start, length in match_terms(tax, topic_stems) if length >= 2 or len(topic_stems) == 1
        }
        for entry in sorted(entries):
            for term in tax.entries[entry].terms:
                seq = tuple(s for s in stems(term) if s not in STOPWORDS)
                if len(seq) >= 2 and not set(seq) <= set(topic_stems):
                    out.setdefault(seq)
    return tuple(out)


def says_sibling(text: str, phrases: Sequence[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The first of `phrases` (stems in order) that `text` says side by side, else None."""
    if not phrases:
        return None
    seq = [s for s in stems(text) if s not in STOPWORDS]
    for phrase in phrases:
        k = len(phrase)
        if any(tuple(seq[i : i + k]) == phrase for i in range(len(seq) - k + 1)):
            return phrase
    return None

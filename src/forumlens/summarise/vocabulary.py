"""A topic's vocabulary: the word stems a topic brief looks for, and the words that say the same thing.

Issue 23: `brief --topic funding` found one point in a store whose main session talks at
length about "financing", "financial" support, "money", "funds" and "resources". Two
causes, both general: the candidate sessions were found by the topic's words as typed
(the full-text index does not stem, so "funding" never met "funds"), and a sentence was
relevant only when it shared the topic's own stems. People name one idea with many words;
the project already keeps those words, per idea, in the concept lexicon the threads stage
also links by (`text.concepts`: "fund", "grant", "financ*", "money", "budget" → @money).
A topic word that belongs to a concept brings in the concept's other words as *related*
terms, which count for less than the topic's own words (`RELATED_WEIGHT`), so points that
use the topic's own words still come first. Pure functions over the lexicon.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text.concepts import load_concepts
from .units import terms

__all__ = ["RELATED_WEIGHT", "TopicTerm", "same_word", "search_words", "topic_vocabulary"]

# A sentence that says the idea in other words ("financing" for "funding") is relevant,
# but less than one that uses the topic's own word: its coverage counts this share.
RELATED_WEIGHT = 0.6
# Stems shorter than this are not searched as prefixes ("pay*" would find "payload").
_MIN_PREFIX = 4


def same_word(query_term: str, unit_term: str) -> bool:
    """Stems agree, the sentence's word extends the topic's ("child" ~ "children"), or they
    share a 6-letter prefix ("financ" ~ "financial", "accessib" ~ "accessible")."""
    if query_term == unit_term:
        return True
    if len(query_term) < 5:
        return False
    n = 6 if len(query_term) <= 7 else 7
    return unit_term.startswith(query_term) or unit_term[:n] == query_term[:n]


@dataclass(frozen=True)
class TopicTerm:
    """One content word of the topic: its stem, and the stems and prefixes of the same concept."""

    stem: str
    related: frozenset[str] = field(default_factory=frozenset)
    prefixes: tuple[str, ...] = ()

    def related_to(self, unit_term: str) -> bool:
        """Whether a sentence's stem says this word's idea in another word."""
        return unit_term in self.related or any(unit_term.startswith(p) for p in self.prefixes)


def topic_vocabulary(topic: str) -> list[TopicTerm]:
    """The topic's content stems (once each, in order), each with its concept's other words.

    >>> [t.stem for t in topic_vocabulary("Funding for the funders")]
    ['fund', 'funder']
    >>> topic_vocabulary("funding")[0].related_to("financ")
    True
    """
    concepts = load_concepts()
    table = concepts.members
    out: list[TopicTerm] = []
    for s in dict.fromkeys(terms(topic)):
        concept = concepts.concept(s)
        if concept is None or concept not in table:
            out.append(TopicTerm(s))
            continue
        related, prefixes = table[concept]
        out.append(TopicTerm(s, related - {s}, prefixes))
    return out


def search_words(topic: str, vocabulary: Iterable[TopicTerm] | None = None) -> list[str]:
    """Full-text query words that find every form of the topic's words and of their related words.

    The index matches words as written, so each stem long enough to be safe is searched
    as a prefix ("fund*" finds "funds", "funding", "funded"), next to the words as typed.
    """
    vocab = list(vocabulary) if vocabulary is not None else topic_vocabulary(topic)
    words: list[str] = [w for w in topic.split() if w.isalnum()]
    for t in vocab:
        for s in (t.stem, *sorted(t.related)):
            words.append(f"{s}*" if len(s) >= _MIN_PREFIX else s)
        words += [f"{p}*" for p in t.prefixes if len(p) >= _MIN_PREFIX]
    return list(dict.fromkeys(w.lower() for w in words))

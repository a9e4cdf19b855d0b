"""What may serve as evidence of a related item: substantive sentences and explanatory words.

A related session, partner or coalition is shown with a quote and the words two records
share. Procedure is not evidence ("Thank you very much.", "I think that's all from my
side.", "Ana, the floor is yours."), and neither are people's names or the logistics of
the meeting ("zoom", "room", "hear"): two sessions where someone named Ana spoke on Zoom
are not about the same thing. So:

- a sentence is *substantive* when the project's procedure detector
  (`summarise.procedural.is_procedural`, one detector for every stage) does not call it
  procedure, and it has at least `MIN_CONTENT_WORDS` explanatory words;
- a word is *explanatory* when it is not a stopword, floor talk (`profiles.FILLER`),
  meeting logistics or a generic word of conversation (`LOGISTICS`), a contraction of a
  function word ("i'm", "that's"), a number, or a word of a person's name on record.

When a sentence is quoted for an organisation (a coalition in a session), the words of its
name are passed with the people's names: "I speak for the Dynamic Coalition on Public
Access in Libraries." names the coalition and says nothing else, so it is not substantive.

Pure functions; the names come from the caller (`store_name_words` reads them once).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from ..summarise.procedural import is_procedural
from ..text import STOPWORDS, words

if TYPE_CHECKING:  # the store is only named in annotations: analysis must not import it
    from ..store.base import Store

__all__ = [
    "LOGISTICS",
    "MIN_CONTENT_WORDS",
    "explanatory",
    "explanatory_words",
    "is_substantive",
    "name_words",
    "store_name_words",
]

MIN_CONTENT_WORDS = 4  # "We map rural connectivity gaps." has four; "I will stop here." one
_APOSTROPHES = ("'", "\u2019")


# Meeting platforms, the room and the session's own logistics, and the generic words of
# conversation that any two meetings share. Topic words that sound technical stay out of
# this list ("offline", "connectivity", "network" are what coalitions work on).
def _word_set(block: str) -> frozenset[str]:
    """A set from whitespace-separated words: lists this long read better as text blocks."""
    return frozenset(block.split())


LOGISTICS = _word_set(
    """
    zoom webex webinar chat chatbox mic microphone mute muted unmute camera cameras screen slide slides
    link online onsite on-site remote remotely room rooms hall stage hear hearing heard listen listening
    audio video sound captions captioning captioner captioners interpretation interpreter interpreters
    recording recorded transcript break lunch coffee agenda housekeeping queue hand hands raise seconds
    hour hours clock back together side bit little able hope happy glad delighted pleasure honour honor
    year years day days week weeks month months people person part point points fact case number place
    end start begin beginning yesterday tomorrow tonight again indeed course maybe perhaps quite already
    speak speaking spoke talk talking talked tell told ask asked asking answer answered mention mentioned
    comment comments intervention interventions website websites webpage email emails mailing
    """
)


def _function_contraction(word: str) -> bool:
    """ "i'm", "that's", "we're", "don't": a function word with a clitic, not a topic."""
    for mark in _APOSTROPHES:
        if mark in word:
            base = word.split(mark, 1)[0]
            return len(base) < 3 or base in STOPWORDS or base in {"don", "doesn", "didn", "isn", "aren", "won", "can"}
    return False


@cache
def _dropped() -> frozenset[str]:
    from .profiles import FILLER  # profiles builds its word lists with this module: import when first asked

    return STOPWORDS | FILLER | LOGISTICS


def explanatory(word: str, names: frozenset[str] = frozenset()) -> bool:
    """May this lower-case word explain why two records are alike? (The module doc's rule.)"""
    return not (len(word) < 3 or word.isdigit() or word in _dropped() or word in names or _function_contraction(word))


# word as written -> its lower-case form when `explanatory` (without names), "" when not:
# a session's ~7,000 words are a few hundred distinct ones (issue 19). Bounded; when full,
# words are judged each time.
_KEPT: dict[str, str] = {}
_KEPT_LIMIT = 100_000


def _kept(word: str) -> str:
    low = word.lower()
    found = low if explanatory(low) else ""
    if len(_KEPT) < _KEPT_LIMIT:
        _KEPT[word] = found
    return found


def explanatory_words(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    """The lower-cased explanatory words of `text`, in order."""
    found = list(map(_KEPT.get, words(text)))  # `explanatory(low, names)` is `explanatory(low)` and not in names
    if None in found:
        found = [w if w is not None else _kept(word) for w, word in zip(found, words(text))]
    return [w for w in found if w and w not in names] if names else [w for w in found if w]


def is_substantive(sentence: str, names: frozenset[str] = frozenset()) -> bool:
    """Can this sentence be shown as evidence? Not procedure, and enough explanatory words.

    >>> is_substantive("I think that's all from my side.")
    False
    >>> is_substantive("We map rural connectivity gaps and help community networks.")
    True
    """
    if is_procedural(sentence):
        return False
    return len(explanatory_words(sentence, names)) >= MIN_CONTENT_WORDS


def name_words(names: Iterable[str | None]) -> frozenset[str]:
    """Lower-case words of people's names and caption labels ("Ana Silva", "JEAN-LUC" → ana, silva, jean, luc)."""
    out: set[str] = set()
    for name in names:
        for w in words(name or ""):
            for part in w.lower().replace("\u2011", "-").replace("\u2010", "-").split("-"):
                if len(part) >= 2 and part not in STOPWORDS:
                    out.add(part)
    return frozenset(out)


def store_name_words(store: Store) -> frozenset[str]:
    """Words of every person's name on record (the cast of every stored session)."""
    return name_words(store.known_people())

"""Whether a sentence only manages the floor: asks for it, gives it, checks the room can hear.

A moderated session is full of turn-taking said as questions and sentences: "May I, one
sentence?", "Ms. Mowla, do you hear the question?", "Rosa, hi, have you got a second?", "Can
everybody see?", "I will take one more and then the Commission responds.", "Mrs. Lovell-Sampson,
I will let you have the last word on that one." Reviewers found them in the IGF template's
Discussion as questions asked and answered (issue 23): an officer cannot paste any of them.

They are not told apart by a phrase list (each round brings new ones) but by what they are
about: once the names they address are set aside (a capitalised word: a vocative, a title, the
body given the floor), every content word left belongs to the session's own mechanics (speaking,
hearing, a question, a sentence, a second, the room, the last word). A sentence with one word
about anything else ("Can I ask, the licence conditions, are they public?", "What is
guaranteed?", "Jola, is your score also red sometimes?") is about the subject and stays.
A sentence with no content word at all says nothing about the floor either ("What do we do?"):
it needs at least one of the mechanics words to be floor talk.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.stems import stem
from .units import terms

__all__ = ["FLOOR_CORE", "FLOOR_WORDS", "is_floor_talk"]

# The session's own mechanics, as said: taking, giving and keeping the floor; hearing and
# seeing; the units a turn is measured in; where in the room a voice is; who is addressed.
# `_CORE` words name the floor itself; a sentence needs one of them to be about the floor
# ("What's one thing we can do tomorrow?" has only the counters and adverbs, and is a question).
_CORE = """
    speak speaking say add ask asking answer respond responds reply comment intervene take give let
    hear see listen repeat question questions sentence sentences word words point second seconds
    minute minutes moment floor microphone mic turn time session room middle back front row hand
    hands chat screen online remote everybody everyone anybody anyone somebody someone last
    """
FLOOR_CORE = frozenset(_CORE.split())
FLOOR_WORDS = FLOOR_CORE | frozenset(
    [
        "have",
        "got",
        "get",
        "go",
        "come",
        "start",
        "begin",
        "continue",
        "finish",
        "finished",
        "stop",
        "wait",
        "all",
        "one",
        "two",
        "more",
        "first",
        "next",
        "final",
        "another",
        "other",
        "quick",
        "short",
        "brief",
        "little",
        "just",
        "only",
        "also",
        "already",
        "again",
        "now",
        "then",
        "here",
        "there",
        "please",
        "sorry",
        "yes",
        "okay",
        "ok",
        "thank",
        "thanks",
        "hi",
        "hello",
        "main",
    ]
)
_FLOOR_STEMS = frozenset(stem(w) for w in FLOOR_WORDS)
# a word as written in capitals (a name, a title, a body), not "I", and not a place: a
# capitalised word after "in", "at", "from", "to" … (an article or possessive between) is where
# something happens or goes ("when will the IGF be in Africa again", "I take this one back to
# our Ministry of Agriculture"), a name the floor is given to is not
_PLACE_BEFORE = r"\b(?:in|at|from|to|into|across|within)\s+(?:(?:the|our|your|their|my|his|her)\s+)?"
_CAPITALISED = re.compile(r"\b(?!I\b)[A-Z][\w'’‑-]*")
_PLACE = re.compile(_PLACE_BEFORE + r"[A-Z][\w'’‑-]*")
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=65_536)
def is_floor_talk(text: str) -> bool:
    """Whether the sentence only manages the floor: every content word, names set aside, is
    one of the session's mechanics, and there is at least one.

    >>> is_floor_talk("Ms. Mowla, do you hear the question?")
    True
    >>> is_floor_talk("I will take one more and then the Commission responds.")
    True
    >>> is_floor_talk("Can I ask, the licence conditions, are they public?")
    False
    >>> is_floor_talk("What do we do?")
    False
    """
    plain = _CAPITALISED.sub(" ", _PLACE.sub(lambda m: m.group(0).lower(), text))
    if not any(w in FLOOR_CORE for w in _WORD.findall(plain.lower())):
        return False
    return all(t in _FLOOR_STEMS for t in terms(plain))

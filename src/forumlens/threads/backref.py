"""The output a follow-up names back with a definite noun phrase, and the open promise that phrase fits. Pure.

A delivery, slip or update usually opens with the output it is news of, said definitely: "The pocket guide is
finished", "The fraud toolkit is late", "The toolkit: the chapter on photographing is done", "On our glossary: four
languages are done", "The coalition's survey of connectivity in 280 rural clinics, published in 2014, found …". A
definite phrase points back to something already said; here, to the promise ("We will write a small pocket guide for
midwives", "the coalition will survey the connectivity of three hundred rural clinics"). The phrase's own words are
the evidence, whatever noun family the lexicon reads and whoever the actor reading credits the sentence to (an
unidentified `>> SPEAKER:` turn, a report's section heading, a colleague reading a statement).

- `referent(quote, cue)`: the stems of the content words of the definite phrase that opens the clause before the
  cue (after a lead such as "So", "First", "On", "About"; a container "Version 1.0 of" looked through), up to a
  participle, a relative word or punctuation; None when the clause opens with no determiner, or the phrase is a
  topic of talk ("The answer: …", "The problem is …") or names no output (a body, a meeting, a year);
- `fits(words, said)`: whether a promise's words `said` hold the phrase: its head (last word) and all its other
  words, or all but one when it has four or more.

Why grammar, not a list of outputs: outputs are any noun ("a board of wages", "a check-in for the rescue"), and a
later year tells them in other words around the same noun phrase; the determiner and the phrase's extent are
the shape every such sentence has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import stem
from ..text.stopwords import STOPWORDS

__all__ = ["NAMED_BACK", "fits", "news_opening", "referent", "word_stems"]

# `Item.about` of news found by its opening phrase alone (`news_opening`): it joins only the promise that phrase names
NAMED_BACK = "named-back"

# what may open the clause before the definite phrase: a connective, an ordinal, a topic preposition
_LEAD = re.compile(
    r"\W*(?:(?:so|and|but|also|now|then|first|firstly|second|secondly|third|next|finally|lastly|well|yes|no|on|about"
    r"|as for|as to|regarding|concerning)\b,?\s+)*",
    re.I,
)
# a container opening the clause bare: "Version 1.0 of", "Part two of"
_CONTAINER = re.compile(r"(?:version|part|edition|volume|chapter|phase)\s+[\w.]+\s+of\s+", re.I)
_DEFINITE = re.compile(r"(?:the|our|its|their|this|that|these|those)\s+", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’‑-]*|\d[\d.,]*|[^\w\s]")
# where the phrase ends: a verb of the clause, a relative word, a participle telling its history, a pronoun
_STOP = frozenset(
    re.findall(
        r"\w+",
        "that which who where when whom whose is are was were has have had will would can could should must may might"
        " did does do we i they he she it you us them announced promised published released launched planned"
        " started begun began done finished completed adopted presented printed held made written"
        " mentioned proposed agreed requested asked said told still already now also again",
    )
)
# heads that name no output: talk about the news, the teller, a meeting or a time
_NOT_OUTPUT = frozenset(
    stem(w)
    for w in re.findall(
        r"\w+",
        "answer question problem reason truth news point idea issue thing fact rest situation reality challenge"
        " lesson message conclusion summary difference result line good bad way work time year years month"
        " coalition coalitions secretariat members member people government governments ministry ministries"
        " forum igf session meeting mag chair team floor room",
    )
)
# heads of talk that are also a service made when a word qualifies them ("the safety line", "the Monday message", "our
# voice message"), unlike the talk itself ("the line is", "the message is"): with a word of their own they may be outputs
_SERVICE_WHEN_QUALIFIED = frozenset(stem(w) for w in ("line", "message"))
_PREPOSITIONS = frozenset(("of", "for", "on", "in", "to", "with", "about", "from", "by", "at"))
_CLAUSE_WORD = re.compile(r"[A-Za-z][\w'’‑-]*")
_POSSESSIVE = re.compile(r"['’]s$", re.I)
_MAX_WORDS = 8
_ANSWERING = re.compile(r"\W*(?:yes|no|yeah|sure|indeed)\b", re.I)
_MODAL = re.compile(r"(?:will|would|can|could|should|must|may|might|shall)\b", re.I)


def _content(word: str) -> str | None:
    low = _POSSESSIVE.sub("", word.lower())
    if not low[:1].isalpha() or low in STOPWORDS or len(low) < 3:
        return None
    return stem(low)


def _phrase(quote: str, end: int) -> tuple[tuple[str, ...], int] | None:
    """(stems of the definite phrase opening `quote[:end]`, head last; where the phrase stops) or None."""
    lead = _LEAD.match(quote, 0, end)
    start = lead.end() if lead is not None else 0
    container = _CONTAINER.match(quote, start, end)
    if container is not None:
        start = container.end()
    definite = _DEFINITE.match(quote, start, end)
    if definite is None:
        return None
    words: list[str] = []
    head: str | None = None
    stop = end
    last = ""
    for found in _WORD.finditer(quote, definite.end(), end):
        token = found.group(0)
        low = token.lower()
        if not token[:1].isalnum() or low in _STOP or (head is not None and _present_verb(quote, found, last)):
            stop = found.start()
            break
        last = low
        if low in _PREPOSITIONS and head is None:
            head = words[-1] if words else None
        if _POSSESSIVE.search(low):
            continue  # the owner ("the coalition's survey"), not the output
        kept = _content(token)
        if kept is not None and kept not in words:
            words.append(kept)
        if len(words) >= _MAX_WORDS:
            stop = found.end()
            break
    if not words:
        return None
    head = head or words[-1]
    if head in _NOT_OUTPUT and not (head in _SERVICE_WHEN_QUALIFIED and len(words) > 1):
        return None
    return (*(w for w in words if w != head), head), stop


# a verb in the present, third person ("works", "runs", "covers"), told by its place in the clause: after a phrase that
# already has its complement ("The check for donors on the phone| works in Mali since March", "Our application to
# record each piece delivered| works in Tamil Nadu"), after a noun or a participle, before a place, a time or "now"
_PRESENT_S = re.compile(r"[a-z]{2,}[^su\W]s", re.I)
_AFTER_VERB = re.compile(r"\s+(?:in|since|now|on|at|across|from|every|each|only|again|well|fine)\b", re.I)
_NOT_BEFORE_VERB = _PREPOSITIONS | frozenset(("the", "a", "an", "our", "its", "their", "this", "that", "and", "or"))


def _present_verb(quote: str, found: re.Match[str], last: str) -> bool:
    """Whether the word `found` is the clause's verb in the present tense, not a plural noun of the phrase."""
    return (
        _PRESENT_S.fullmatch(found.group(0)) is not None
        and bool(last)
        and last not in _NOT_BEFORE_VERB
        and last[:1].isalpha()
        and _AFTER_VERB.match(quote, found.end()) is not None
    )


def referent(quote: str, cue: str) -> tuple[str, ...] | None:
    """Stems of the content words of the definite phrase opening the follow-up's clause before its cue, its head
    (the last word before any "of"/"for" phrase) last; None when there is none.

    >>> referent("The pocket guide is finished, in three languages.", "is finished")
    ('pocket', 'guide')
    >>> referent("We finished the guide.", "We finished") is None
    True
    """
    at = quote.find(cue) if cue else -1
    end = at if at > 0 else len(quote)
    colon = quote.find(":", 0, end)
    if colon >= 0:
        end = colon
    found = _phrase(quote, end)
    if found is None:
        return None
    words, stop = found
    if quote.startswith(",", stop) and stop < end and not quote.startswith(",", end):
        return None  # "On the other side, the template … arrived": a lead-in phrase, the subject comes after its comma
    return words


def news_opening(sentence: str) -> tuple[int, int] | None:
    """Where the clause after a sentence's opening definite phrase starts and its first words end, when the phrase
    is followed by a topic colon ("The offline records: they work in one county") or a verb or relative word of
    the clause ("The tabletop guide has a draft", "The guide for managers is not finished"), and the clause has
    at least two words: the news of that phrase's output, whatever its verb (`link._named_back` keeps it only when
    one open promise holds the phrase). None otherwise.

    >>> sentence = "The seed calendar: we printed five hundred."
    >>> start, end = news_opening(sentence)
    >>> sentence[start:end]
    ': we printed'
    """
    if _ANSWERING.match(sentence):
        return None  # "Yes, the guide has a chapter for the guards": what an answer says the output is, not news of it
    colon = sentence.find(":")
    found = _phrase(sentence, colon if colon > 0 else len(sentence))
    if found is None:
        return None
    stop = found[1]
    if _MODAL.match(sentence, stop):
        return None  # "The paper will have a full section on this": what it will be, not what became of it
    if colon > 0 and not sentence[stop:colon].strip():
        stop = colon
    elif colon > 0 or stop >= len(sentence) or not sentence[stop : stop + 1].isalpha():
        return None  # the phrase runs into other words, or ends the sentence
    rest = list(_CLAUSE_WORD.finditer(sentence, stop))
    if len(rest) < 2:
        return None
    return stop, rest[1].end()


def word_stems(texts: Iterable[str]) -> frozenset[str]:
    """Stems of every word of `texts`, lower-cased: what `fits` compares a phrase with (a promise's quotes, a
    thread's deliverable nouns)."""
    return frozenset(stem(w.lower()) for text in texts for w in _CLAUSE_WORD.findall(text))


def fits(words: tuple[str, ...], said: Iterable[str]) -> bool:
    """Whether `said` (stems of a promise's words) holds the phrase `words` (`referent`): its head and every other
    word, or all but one of them when the phrase has four words or more."""
    have = set(said)
    if words[-1] not in have:
        return False
    missing = sum(1 for w in words[:-1] if w not in have)
    return missing == 0 or (missing == 1 and len(words) >= 4)

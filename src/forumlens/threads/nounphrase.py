"""The noun phrase a commitment cue governs, when the lexicon names no deliverable in it. Pure.

Why: a deliverable is any thing a coalition promises to make, and no list of nouns holds them
all ("a compendium of good practices", "an open test lab", "a transparency ranking"). The
lexicon's families (`lexicon.deliverables`) keep two known outputs apart; a noun it does not
know is still the deliverable when it heads the phrase the cue governs:

- a promise's object: the phrase right after the verb ("we will publish a compendium of …"),
  past an aside ("we will develop, together with the gender forum, indicators of …");
- a follow-up's subject: the phrase that opens the clause and ends at the cue ("The test lab
  did not happen", "The compendium is out since September").

The head is the phrase's last word; a container noun ("a set of guidelines", "the results of the
survey") is looked through to the phrase after its "of". Such a head is a family of its own,
`noun:` and its stem, so "the compendium" meets "a compendium" and nothing else.

A noun the lexicon knows is no output where it is a venue or a time ("presented at the regional IGF",
"before the next forum") or the forum's name qualifying another noun ("the IGF messages"): `is_output`.
"""

from __future__ import annotations

import re

from ..text import stem

__all__ = ["UNKNOWN_FAMILY", "is_output", "object_phrase", "subject_phrase", "unknown_family"]

UNKNOWN_FAMILY = "noun:"  # the family prefix of a deliverable the lexicon does not know


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_DET = r"(?:a|an|the|our|its|their|this|these|those|one|two|three|some|several|new|further)"
_WORD = r"[A-Za-z][\w'’‑-]*"
# what ends a noun phrase: a preposition, conjunction, relative word or punctuation
_END = (
    r"(?=\s*(?:[,.;:!?()\"”]|$)|\s+(?:of|on|for|with|about|between|in|to|that|which|who|where|from|by|at|and|or|but"
    r"|so|before|after|during|across|among|under|into|next|this|every|within|until|since|as|is|are|was|were|will|has"
    r"|have|had|did|does|do|can|could|should|would|must|may|might|now|still|already|we|they|i|you|he|she|it|too|also"
    r"|again|here|there|today|tomorrow|soon|yet|later)\b)"
)
# an aside between the verb and its object: ", together with the best practice forum on gender,"
_ASIDE = re.compile(
    r"^\s*,\s*(?:together |jointly |in (?:partnership|cooperation|collaboration) )?with\b[^,;.]{0,80},", re.I
)
# where the output will be, said between the verb and its object: "publish on its web site a list of …"; only
# when a determiner opens the object right after it (else the phrase is the object's own: "work on the report")
_PLACE_FIRST = re.compile(
    rf"^\s*(?:on|in|at)\s+(?:its|our|their|the)\s+(?:{_WORD}\s+){{1,2}}?(?=(?:a|an|the|our)\s)", re.I
)
_OBJECT = re.compile(rf"^\s*(?:{_DET}\s+)*(?P<np>(?:{_WORD}\s+){{0,2}}?{_WORD}){_END}", re.I)
# what may stand between the verb and its object when the object is a determined phrase after it (the verb's own
# object parse found none there): an aside between commas ("publish, by Berlin, a list of …", "map, country by
# country, the rules …"), a prepositional phrase of time, place or recipient ("publish in 2016 a short guide", "put on
# the phone a short check", "send to the pickers a price list"), a bare time ("each week", "next year"), or a
# first object right before "a"/"an" (a double object: "send all coalitions a template", "give the MAG a list")
_OBJECT_DET = r"(?:a|an|the|our|its|their|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|\d+)\s"
_FRONTED = re.compile(
    r"^\s*(?:,\s*[^,;.:!?]{2,50}?\s*,"
    r"|(?:in|on|at|by|before|after|during|from|to|for|within|until|through|across|into)\s+[^,;.:!?]{1,40}?"
    rf"(?=\s+{_OBJECT_DET})"
    r"|(?:each|every|next|this|later this|once a)\s+(?:week|month|year|day|evening|morning|quarter)\b,?"
    rf"|(?:(?!(?:it|them|that|this|what|how|whether|which|who)\b){_WORD}\s+){{1,4}}?(?=(?:a|an)\s))",
    re.I,
)
# the clause opens with the phrase ("The test lab did not happen"): a determiner, at most three words
_SUBJECT = re.compile(
    rf"\W*(?:(?:so|and|but|also|now|then|first|second|finally|well),?\s+)?(?:the|our|their|its|this|that)\s+"
    rf"(?P<np>(?:{_WORD}\s+){{0,2}}?{_WORD}){_END}",
    re.I,
)
# nouns that say how much or which form of a thing, not what it is: the thing is after their "of"
_CONTAINERS = _words(
    "set series number collection range kind type sort part piece pair couple lot bit version edition results"
    " result findings outcome outcomes revision update"
)
_CONTAINER_OF = re.compile(r"^\s+of\s+", re.I)
# heads that are no output: pronouns, quantities, abstract objects of "will do", "will have"
_NOT_HEAD = _words(
    "it them this that these those all more most much many best everything anything something nothing way ways"
    " time times effort efforts part work job sure use look note account care attention place step steps"
    # what a speaker talks about, not what they make: "I will start with the problem", "Our news is …"
    " news problem problems question questions issue issues point points thing things idea ideas message rest end"
)
_PREPOSITION = _words("with to on for about in at from by of into onto over through")


# heads that are no output only in a bare idiom ("take note of", "take into account"): with an article before them
# they are a thing made ("a short note on digital assets", "a concept note")
_BARE_IDIOM = _words("note account")


def _head(start: int, np: str, determined: bool = False) -> tuple[int, int] | None:
    """(start, end) of the last word of a phrase found at `start`, unless it is no output's noun; `determined`: an
    article or possessive opened the phrase (`_BARE_IDIOM`)."""
    words = list(re.finditer(_WORD, np))
    if not words:
        return None
    last = words[-1]
    word = last.group(0).lower()
    if start + last.start() > 0 and last.group(0)[:1].isupper():
        return None  # a name ("the Fijian and …"), not a common noun
    if words[0].group(0).lower() in _PREPOSITION or (word.endswith("ed") and len(words) > 1):
        return None  # "start with the problem", "the work done": no object phrase
    idiom = word in _NOT_HEAD and not (determined and word in _BARE_IDIOM)
    if idiom or word.endswith("ly") or len(word) < 3 or any(c.isdigit() for c in word):
        return None
    return start + last.start(), start + last.end()


_DETERMINER = re.compile(rf"\b{_DET}\s+", re.I)


def object_phrase(sentence: str, at: int) -> tuple[int, int] | None:
    """The head (span in `sentence`) of the object phrase starting at `at` (a promise cue's end): past an aside
    and a container noun's "of"; None when no phrase starts there."""
    aside = _ASIDE.match(sentence[at:])
    if aside is not None:
        at += aside.end()
    place = _PLACE_FIRST.match(sentence[at:])
    if place is not None:
        at += place.end()
    fronted = 0
    for _ in range(4):  # a container, then what it holds; a phrase before the object, then the object
        found = _OBJECT.match(sentence[at:])
        if found is None:
            before = _FRONTED.match(sentence[at:]) if fronted < 2 else None
            if before is None:
                return None
            at, fronted = at + before.end(), fronted + 1
            continue
        np = found.group("np")
        # a verb before the determiner ("… is to publish a compendium"): the phrase starts after it
        inner = list(_DETERMINER.finditer(np))
        start = at + found.start("np") + (inner[-1].end() if inner else 0)
        np = sentence[start : at + found.end("np")]
        head = _head(
            start, np, determined=bool(inner) or start > at + len(found.group(0)) - len(found.group(0).lstrip())
        )
        if head is None:
            before = _FRONTED.match(sentence[at:]) if fronted < 2 else None
            if before is None:  # "on every clinic door a poster": the first phrase was the one before the object
                return None
            at, fronted = at + before.end(), fronted + 1
            continue
        rest = _CONTAINER_OF.match(sentence[head[1] :])
        if sentence[head[0] : head[1]].lower() in _CONTAINERS and rest is not None:
            at = head[1] + rest.end()
            continue
        return head
    return None


# a phrase of at most five words that only says what the subject is of or for, between it and its cue ("the WIPO
# seminar| for our librarians |took place", "The CTU's yearly comparison| of broadband prices |came out")
_OF_PHRASE = re.compile(
    r"^\s+(?:of|for|on|about)\s+(?:(?!(?:that|which|who|we|they|i|you|it|he|she)\b)[\w'’‑-]+\s+){1,5}$", re.I
)


# a container noun that opens a clause bare, with its label ("Version 1.0 of", "Part two of"): the subject is after "of"
_CONTAINER_OPENS = re.compile(
    rf"\W*(?:{'|'.join(sorted(_CONTAINERS))})(?:\s+(?:[\d.]+|one|two|three|four|five))?\s+of(?=\s)", re.I
)


def subject_phrase(sentence: str, left: int, cue_start: int, *, at_cue: bool = False) -> tuple[int, int] | None:
    """The head (span in `sentence`) of the phrase that opens the clause at `left`, before the cue; with `at_cue`,
    only when the phrase ends where the cue starts, or only a short "of"/"for" phrase comes between (it is the
    subject the cue says something of)."""
    found = _SUBJECT.match(sentence, left, cue_start)
    if found is None:  # "Version 1.0 of the extension … came out": a container opens the clause without a determiner
        container = _CONTAINER_OPENS.match(sentence, left, cue_start)
        found = _SUBJECT.match(sentence, container.end(), cue_start) if container is not None else None
    gap = sentence[found.end("np") : cue_start] if found is not None else ""
    if found is None or (at_cue and gap.strip() and not _OF_PHRASE.match(gap)):
        return None
    start = found.start("np")
    head = _head(start, found.group("np"))
    if head is None or sentence[head[0] : head[1]].lower() in _CONTAINERS:
        return None
    return head


def unknown_family(noun: str) -> str:
    """The family of a deliverable noun the lexicon does not know: its own stem."""
    return UNKNOWN_FAMILY + stem(noun.lower())


# a meeting something was done at is its venue, and one it is done by its time, not what was done ("it was presented
# at the Ethiopian IGF in May", "we will translate it before the next forum")
_VENUE = re.compile(
    r"\b(?:at|during|before|after|until|till|since|by)\s+(?:the|our|its|their|this|a|an)\s+(?:[\w'’-]+\s+){0,2}$", re.I
)
# How far before a noun a venue phrase can start ("until the" and two words): wider than any real one.
_VENUE_REACH = 160
# the forum's own name before a noun only qualifies it ("the IGF messages", "the forum secretariat")
_FORUM = re.compile(r"(?:igf|forum)$", re.I)
_QUALIFIED = re.compile(
    r"\s+(?!(?:will|shall|would|could|was|were|is|are|has|had|took|takes|of|in|on|for|at|with|and|or|from|to|that"
    r"|which|this|next|last|by|before|after)\b)[A-Za-z]"
)


def is_output(sentence: str, found: tuple[int, int, str]) -> bool:
    """False for a lexicon noun that is no output here: a venue, or the forum's name qualifying another noun."""
    a, b, _ = found
    # The venue phrase is a few words long: search it in the words just before the noun, not from the
    # sentence's start (one run-on caption line holds thousands of nouns: quadratic otherwise, issue 19).
    # The window starts at a word's start, so `\b` reads as over the whole sentence.
    start = sentence.rfind(" ", 0, a - _VENUE_REACH) + 1 if a > _VENUE_REACH else 0
    if _VENUE.search(sentence, start, a):
        return False
    return not (_FORUM.search(sentence, a, b) and _QUALIFIED.match(sentence, b))

"""A body outside the registries, tied to the speaker by a link word in their own clause.

Why: the self-introduction cues (`orgs._SELF_CUES`) name the verbs and nouns that lead to a
body ("I work for", "I am with", "a researcher at"), so a speaker who ties themselves to a body
with any other verb is not read: "I am here for the Sdružení …", "I write about disasters for
the Rakuhoku Shimbun", "for six years I have produced a call-in programme on money matters at
Kwetu Hewani FM, a community radio". Read by hand over the who's-who misses of rounds 1–27, the
speaker's own first-person clause ending in "for/at the <capitalised name>" (or a name that
shows it is a body), and the clause that opens on the body and goes on in the first person ("At
the … Office we looked at …", "…, at the … Trust our budget …"), left a body unread in rounds
16, 17, 18, 20, 25 and 26 (stop 44: 6 right, 0 wrong; no firing on round 28). The shape is
read here, from the words alone: a singular "I" and only lower-case words up to the link, or the
link opening the clause with "we/our/I" right after the name.

What is no body: a place, a person of the session, a landform, a tool (`orgnames.org_at`
already refuses those it knows); a registry body (the cues and `voice.speaks_for` read those);
a state's own name ("the Republic of …"); capitalised words that qualify the lower-case noun
after them ("for the West African meeting"); a single capitalised word after "the" that is no
organisation word and no acronym ("for the Record"); a name without "the" unless it holds an
organisation word or an acronym, or its kind is said right after it (the caller's
`described`: ", a community radio"). Clauses that tie the speaker to the body loosely are
refused by their words: thanks and questions ("I thank you for the …", "I have a question for
the …"), past or denied ties ("I was at the …", "I did some interviews for the …", "I never
worked for the …"), another clause opened inside the speaker's ("I propose that … for the …")
where one is ("I am here at the …") and being there ("happy to be at the …"); an event or a
part of the programme ("At the Closing Plenary we …") is no body either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from forumlens.resolve.mentions import Mention
from forumlens.resolve.orgnames import org_at
from forumlens.resolve.orgwords import ACRONYM, ORG_WORDS, TRAIL, Gazetteer, Org, fold, is_landform
from forumlens.text.englishwords import english_word

__all__ = ["linked_orgs"]

# "I" (the speaker, singular), then only lower-case words (no name, no punctuation: one clause),
# then the link and a capital, with or without "the".
_I_LINK = re.compile(
    r"\bI(?:['’]m|['’]ve)?\s+(?P<words>(?:[a-z][\w'’\u2011-]*\s+){0,10}?)(?P<link>for|at)\s+(?P<the>the\s+)?(?=[A-Z])"
)
# A clause that opens on the link and goes on in the first person after the name.
_OPENING_LINK = re.compile(r"\b(?:At|at)\s+the\s+(?=[A-Z])")
_CLAUSE_OPEN = re.compile(r"(?:^|[,;:])\s*$")
_FIRST_PERSON_AFTER = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:we|our|I)\b")
# Words of the clause that make the tie loose: thanks, asking, voting, waiting, the past, a denial.
_LOOSE = frozenset(
    [
        *["thank", "thanks", "ask", "asked", "agree", "vote", "voted", "wait", "waited", "look", "looking"],
        *["hope", "pray", "apply", "applied", "call", "called", "question", "questions", "comment", "message"],
        *["was", "were", "went", "visited", "met", "spoke", "studied", "graduated", "worked", "used", "once"],
        *["previously", "formerly", "before", "not", "never", "no", "congratulate", "grateful", "sorry"],
        *["arrived", "came", "come", "travelled", "traveled", "flew", "stayed", "sitting", "sit", "standing"],
        # being somewhere and glad of it: "I am very happy to be at the Palais des Nations"
        *["be", "being", "happy", "glad", "pleased", "delighted", "honoured", "honored", "proud", "excited"],
        *["privileged", "welcome", "attend", "attending", "speak", "speaking", "participate"],
    ]
)
# The head of a name that is an event or a part of the programme, no body: "At the Closing
# Plenary we will …", "at the Opening Ceremony".
_EVENT_HEADS = frozenset(
    [
        *["plenary", "session", "sessions", "meeting", "summit", "conference", "workshop", "panel", "ceremony"],
        *["dialogue", "debate", "roundtable", "launch", "day", "week", "opening", "closing", "hearing"],
    ]
)
# The verb after "I" in the past: a tie that was, or a piece of work done for a client ("I did
# some interviews for the … Foundation"), not whom one is with now.
_PAST = frozenset(
    [
        *["did", "made", "wrote", "gave", "took", "had", "led", "ran", "got", "sent", "built", "taught"],
        *["brought", "left", "joined", "spent", "saw", "heard", "found", "won", "became", "began", "held"],
    ]
)
_ADVERBS = frozenset(["also", "still", "now", "currently", "just", "really", "actually", "mostly", "mainly", "often"])
# Words that open another clause inside the speaker's: what follows them has its own subject
# ("I propose to add that capacity building for CERTs …").
_SUBORDINATE = frozenset(["that", "which", "who", "whom", "whose", "if", "whether", "because", "when", "where"])
# Lower-case words that may follow a body's name in the same breath; any other lower-case word
# after the name is the head the name qualifies ("the West African meeting", "the … Union working
# group"): then the capitalised words are no body's whole name.
_AFTER_NAME = frozenset(
    [
        *["we", "our", "i", "my", "here", "there", "in", "at", "on", "from", "and", "for", "to", "with", "as"],
        *["where", "which", "who", "since", "now", "today", "this", "that", "so", "but", "or", "of", "is", "was"],
        *["are", "has", "have", "had", "will", "can", "every", "each", "all", "too", "also", "again", "then"],
    ]
)
# A state's own name is a country, even one the gazetteer lacks ("the Republic of …", "the
# Kingdom of …"): counsel appearing for it or a delegate sent by it speaks for a country, no body.
_STATE = re.compile(r"(?:Republic|Kingdom|State|Federation|Commonwealth|Principality|Emirate|Sultanate)\s+of\b")
_NEXT_WORD = re.compile(r"[ \u00a0]+([a-z][\w'’\u2011-]*)")
# Where one is, not whom one is with: "I am here at the …", "I am today at the …".
_WHERE = frozenset(["here", "there", "today", "now", "currently", "tonight"])


def _body(text: str, org: Org, has_the: bool, gazetteer: Gazetteer, described: Callable[[int], bool]) -> bool:
    """Whether the name read after the link shows it is a body outside the registries."""
    if org.mention is not None or not org.proper:
        return False  # a registry body: the cues and `voice` read it; a description: not a name
    words = [w.strip(TRAIL) for w in org.name.split()]
    following = _NEXT_WORD.match(text, org.end)
    if following is not None and following.group(1) not in _AFTER_NAME:
        return False  # "for the West African meeting": the name qualifies a noun, it is no body
    if _STATE.match(org.name) or (words and words[-1].lower() in _EVENT_HEADS):
        return False
    if not words or is_landform(words) or fold(org.name) in gazetteer.places | gazetteer.people:
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    if any(fold(w) in gazetteer.places | gazetteer.people for w in capitalised) and len(capitalised) < 2:
        return False
    headed = any(w.lower() in ORG_WORDS for w in words) or any(ACRONYM.fullmatch(w) for w in words)
    if headed or described(org.end):
        return True
    # Two or more capitalised words after "the" with no organisation word are a body only when one
    # of them is no English word (a name in another language or a coined one: "the Rakuhoku
    # Shimbun"); English ones are a programme, a goal or a region ("for the Sustainable
    # Development Goals", "for the Global South", "for the Digital Inclusion Strategy").
    return has_the and len(words) >= 2 and any(not english_word(w.lower()) for w in capitalised)


def linked_orgs(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    described: Callable[[int], bool],
) -> list[Org]:
    """Bodies outside the registries the speaker ties themselves to in text[start:end] (one of
    their own sentences) by a link word of their own clause; `described(pos)`: whether the kind
    of a body is said right after `pos` (", a community radio")."""
    found: list[Org] = []
    for cue in _I_LINK.finditer(text, start, end):
        words = cue.group("words").split()
        if any(w in _LOOSE or w in _SUBORDINATE for w in words):
            continue
        verb = next((w for w in words if w not in _ADVERBS), "")
        if verb in _PAST or verb.endswith("ed"):
            continue
        if cue.group("link") == "at" and any(w in _WHERE for w in words):
            continue
        org = org_at(text, cue.end(), end, mentions, gazetteer, place_cue=False)
        if org is not None and _body(text, org, cue.group("the") is not None, gazetteer, described):
            found.append(org)
    for cue in _OPENING_LINK.finditer(text, start, end):
        if _CLAUSE_OPEN.search(text[start : cue.start()]) is None:
            continue  # the link must open the sentence or a clause
        org = org_at(text, cue.end(), end, mentions, gazetteer, place_cue=False)
        if org is None or _FIRST_PERSON_AFTER.match(text, org.end, end) is None:
            continue
        if _body(text, org, True, gazetteer, described) and not any(o.start == org.start for o in found):
            found.append(org)
    return found

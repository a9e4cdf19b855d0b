"""What a reply does with the question it follows: answers, defers, declines, redirects, or none.

Why a module of its own: the fate rules (`questionfates`) decide *who* replies and *where* an
exchange closes; whether the reply turn they pair with a question says anything to it was left to
the position of the turn. A reply turn that follows is not an answer when each of its sentences
that speaks to the question only sends it elsewhere ("please answer these two in the Q and A box
in writing"), refuses it ("this one I cannot answer in one minute", "I will not say the country"),
hands it to someone else ("… Torben?") or says nothing to it at all ("Sorry, my connection, can
you repeat?"). This module reads a reply sentence by sentence (`transcript.sentences`), each
sentence on its own shape, and says which of five things the reply does; `analyse.questions`
keeps a question answered only when some reply it was paired with answers.

The sentence kinds reuse the question cues (`DECLINE_SENTENCE`: `DECLINE` and a first-person
refusal of a verb of saying whatever its object, which a sentence bounds; `DEFERS`, `NOT_KNOWN`, `PARKING`,
`CUT_OFF`, `CARRIED`) and add two general shapes bounded by the sentence rather than by a word
count: an answer sent to a channel or a later time anywhere in the sentence (`cues.TO_CHANNEL`), and a repair
(`_REPAIR`: the replier did not hear or lost the line).

A whole reply is also read for one more shape (`declines_first`): it opens by declining the question
by grammar (a first-person or "nobody" subject, a negation, a verb of knowing, answering, deciding,
saying or giving whose object is the question) and gives nothing after it, however many sentences of
explanation read as answers one by one.
"""

from __future__ import annotations

import re
from collections.abc import Set

from ..transcript.sentences import sentence_texts
from .context import FLOOR_CUE
from .cues import CUT_OFF, DECLINE_SENTENCE, MOVES_ON, PARKING, PROCEDURAL, TO_CHANNEL, content_words
from .questioncues import ANSWERS_NOW, CARRIED, DEFERS_FAST, FLOOR_OPEN, NOT_KNOWN_FAST, TIME_SHORT
from .questionfates import takes_up

__all__ = [
    "ANSWERS",
    "DECLINES",
    "DEFERS",
    "NONE",
    "REDIRECTS",
    "declines_first",
    "declines_grammatically",
    "puts_off",
    "read_reply",
    "sentence_kind",
    "withholds",
]

ANSWERS = "answers"
DEFERS = "defers"
DECLINES = "declines"
REDIRECTS = "redirects"
NONE = "none"

# A repair: the replier did not hear the question or lost the line, or the line to them was lost.
_REPAIR = re.compile(
    r"\b(?:can|could|would) you (?:please )?repeat\b|\b(?:i|we) (?:cannot|can'?t|could not|couldn'?t|did not|didn'?t)"
    r" hear\b|\bmy (?:connection|internet|line|audio)\b|^\W*\[(?:no audio|inaudible|audio[^\]]*)\]"
    # the line lost to the one asked ("I think we lost Noor", "we have lost her")
    r"|\b(?:we|i)(?: have| '?ve)? lost (?:him|her|them|the (?:line|connection|speaker)|(?-i:[A-Z][\w'’‑-]+))\b",
    re.I,
)
# A sentence that hands the question to someone by name and asks them: "Aigerim?", "And the company
# that is bought, Torben?", "For the second, Wanjiru, you go to the African IGF?".
_HANDS_ON = re.compile(
    r"(?:^|,\s*)(?P<name>(?-i:[A-Z][\w'’‑-]+))(?:\s+(?-i:[A-Z][\w'’‑-]+))?\s*\?\s*$"
    r"|^(?:[^,?]{0,60},\s*)?(?P<called>(?-i:[A-Z][\w'’‑-]+)),\s+(?:you|can you|could you|would you|do you|will you)\b[^?]*\?\s*$"
)
_PRONOUNS = frozenset({"You", "Yes", "No", "Okay", "Right", "Anyone", "Anybody", "Everyone", "Everybody", "Who"})
# Thanks and assent with nothing after them ("Thank you, Jonas.", "Okay.", "Sorry."), or a sentence
# that only manages the floor or the line (`PROCEDURAL`): courtesy says nothing to the question.
_COURTESY = re.compile(
    r"^\W*(?:thank(?:s| you)|okay|ok|sorry|well|good|great|right|(?:i|we)(?: am|'m| are|'re)(?: very| so| really)? sorry"
    r"|(?:i|we) apologi[sz]e|my apologies)\b[\w ,.'!-]{0,30}[.!]?\s*$",
    re.I,
)
# A caption's stage direction standing alone ("(Laughter)", "[ APPLAUSE ]").
_STAGE = re.compile(r"^\W*[\[(][^\])]{1,40}[\])]\W*$")
# A reply sentence that opens with its yes or no ("Yes, in Bemba and Nyanja.", "No, not yet.").
_NEXT = re.compile(r"\bthe next (?:one|question|item|speaker)\b", re.I)  # "Fredrik, the next one, please."
_YES_NO = re.compile(r"^\W*(?:yes|yeah|no|not yet|of course|sure|absolutely|exactly|correct)\b", re.I)


# A refusal to make something known (issue 22, stop 49): a first-person subject, a modal of ability or
# permission negated ("cannot", "will not", "may not", "am not allowed / permitted / authorised / at
# liberty / in a position to") and a verb of communication or disclosure (comment, announce, discuss,
# reveal, disclose, elaborate, go into, get into, speak to, talk about, ...), or the same verb with the
# thing withheld fronted ("This I cannot discuss"). Why: round 33's declines said "I am not allowed to
# comment on that in public", "I cannot announce prices here", "this I cannot discuss"; `cues.DECLINE`
# lists verbs and objects one by one and had none of the three.
_ADVERB_WORDS = r"(?:really|honestly|simply|just|personally|actually|unfortunately|also|still|then|now)"
_NEG_MODAL = (
    r"(?:cannot|can'?t|can not|could not|couldn'?t|will not|won'?t|may not|must not|would rather not|prefer not to"
    r"|(?:am|are|['’]m|['’]re) not (?:allowed|permitted|authori[sz]ed|at liberty|free|in a position|able) to)"
)
_TELL_VERB = (
    r"(?:comment|announce|discuss|reveal|disclose|divulge|elaborate|speak (?:to|about|on)|talk about|go public with"
    r"|publish|share|confirm|name"
    # "go into" says something only of a matter ("go into it", "go into the specifics"), not of a place
    # ("We cannot go into the houses")
    r"|(?:go|get|enter) into(?= (?:it|this|that|these|those|them|the (?:matter|question|case|specifics|substance))\b))"
)
_WITHHELD = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?:i|we)(?:\s+"
    + _ADVERB_WORDS
    + r")*(?:\s+|(?=['’]))"
    + _NEG_MODAL
    + r"(?:\s+"
    + _ADVERB_WORDS
    + r")*\s+"
    + _TELL_VERB
    + r"\b(?P<rest>[^.!?]*)",
    re.I,
)
# What makes such a refusal floor management, not a decline: it holds back a share of a long answer
# ("I cannot discuss every point today", "I can't go into detail"), for lack of time ("I will not talk
# about the police, I have only seven minutes"), or a contrast in the same sentence goes on to answer
# ("..., but the short version is ...").
_SHARE_HELD = re.compile(
    r"^\W*(?:on\s+|about\s+|into\s+)?(?:every|each|all|everything|(?:much|any|more|further|great|full|the|all the) details?"
    r"|details?|length|more|much|further|at length|in (?:depth|full|detail))\b"
    r"|\b(?:minutes?|seconds?|time)\b|\bbut\b",
    re.I,
)


def withholds(sentence: str) -> bool:
    """Whether `sentence` refuses to make the matter known (`_WITHHELD`: "I am not allowed to comment on
    that in public", "I cannot announce prices here", "This I cannot discuss"), not only a share of a
    long answer or for lack of time (`_SHARE_HELD`: "I cannot discuss every point today", "I can't go
    into detail in five minutes, but ...")."""
    return any(not _SHARE_HELD.search(m.group("rest")) for m in _WITHHELD.finditer(sentence))


# An answer put off by the one who gives it (issue 22, stop 49), read in the reply turn itself: an
# answer or a return promised for a later point of the session ("let me answer that one at the very
# end", "I answer you before the end", "I will come back to that"), a look at what the answer needs
# first ("I need to look at the numbers"), or the floor given to the next speaker first ("Let the next
# speaker go first"). Why: round 33 put four questions off this way and each was read answered on the
# spot, because the reply's other words passed for an answer.
_PUT_OFF = re.compile(
    r"\b(?:(?:i|we)(?:'ll| will| shall| can)?|let me|let us|let's)(?: " + _ADVERB_WORDS + r")*"
    r" (?:answer|reply|respond|come back|get back|return|turn back|go back|take (?:it|this|that)(?: one)?)\b"
    r"(?:(?! but\b)[^.!?;]){0,40}?\b(?:at|before|by|towards?|near) the (?:very )?end\b"
    r"|\b(?:i|we)(?:'ll| will)? (?:come|get|go) back to (?:it|this|that|you|your question)\b(?![^.!?]*\bnow\b)"
    r"|\b(?:i|we) (?:need|have|want|must) to (?:look at|look up|check|find|verify)(?: first)? (?:the|my|our) "
    r"(?:numbers?|figures?|data|notes?|papers?|documents?|files?)\b"
    r"|^\W*let (?:the next (?:speaker|person|question)|(?:somebody|someone|the others?) else|(?:him|her|them)) (?:go|speak|ask) first\b",
    re.I,
)


# The slot ended, said of the time or of whoever comes next (issue 22, stop 49): "our slot is finished",
# "the time has run out", "the next group is already waiting outside" (`cues.CUT_OFF` names the time
# and the next session, talk or panel, not the slot or the next group).
_SLOT_OVER = re.compile(
    r"\b(?:our|the|my) (?:slot|time|session|hour|time slot) (?:is|has) (?:now |already )?(?:over|finished|ended|up|gone"
    r"|run out)\b"
    r"|\bthe next (?:group|team|session|workshop|panel|speakers?|presenters?|organi[sz]ers?) (?:is|are) (?:already )?"
    r"(?:waiting|outside|here|at the door|standing)\b",
    re.I,
)


def puts_off(sentence: str) -> bool:
    """Whether `sentence` puts the answer off to later in the session (`_PUT_OFF`)."""
    return bool(_PUT_OFF.search(sentence))


def sentence_kind(sentence: str, question: Set[str] | None = None) -> str | None:
    """The non-answer a sentence of a reply makes (`DEFERS`, `DECLINES`, `REDIRECTS`, `NONE`), or None
    when it makes none (it may answer, or be courtesy: `read_reply` weighs that). A sentence that
    says it answers ("let me answer honestly", `ANSWERS_NOW`) or opens with its yes or no makes
    none, unless it refuses or repairs the line; one that carries the question elsewhere
    (`CARRIED`) is a hand-on only when it names nothing the question asked (`takes_up`: "the ombud
    office will send it officially to the platforms" answers "will the list be sent?")."""
    if _REPAIR.search(sentence):
        return NONE
    if DECLINE_SENTENCE.search(sentence) or withholds(sentence):
        return DECLINES
    if TO_CHANNEL.search(sentence) or puts_off(sentence) or _SLOT_OVER.search(sentence):
        return DEFERS
    if ANSWERS_NOW.search(sentence) or _YES_NO.match(sentence):
        return None
    if (
        PARKING.search(sentence)
        or CUT_OFF.search(sentence)
        or DEFERS_FAST.search(sentence)
        or NOT_KNOWN_FAST.search(sentence)
    ):
        return DEFERS
    m = _HANDS_ON.search(sentence.strip())
    if m and (m.group("name") or m.group("called")) not in _PRONOUNS:
        return REDIRECTS
    if question and CARRIED.search(sentence) and not takes_up(sentence, question):
        return REDIRECTS
    return None


def _courtesy(sentence: str) -> bool:
    """Thanks, assent, procedure or a short call of the next speaker or item (`FLOOR_CUE`, `FLOOR_OPEN`:
    "Fredrik, the next one, please.") that says nothing to the question ("Thank you, Jonas.", "Okay.")."""
    return bool(_COURTESY.match(sentence) or _STAGE.match(sentence)) or (
        bool(
            PROCEDURAL.search(sentence)
            or FLOOR_CUE.search(sentence)
            or FLOOR_OPEN.search(sentence)
            or _NEXT.search(sentence)
        )
        and len(sentence.split()) < 12
    )


def read_reply(text: str, question: Set[str] | None = None) -> str | None:
    """What the reply `text` does with a question whose content words are `question`.

    Each sentence is read on its own (`sentence_kind`), up to a sentence that moves the session on
    (`cues.MOVES_ON`), and after a sentence that stops for time (`CUT_OFF`, `TIME_SHORT`) only the
    sentences that take up the question's matter (the rest is the chair's closing). The reply
    answers as soon as one sentence that makes no non-answer says its yes or no ("Not yet.") or,
    being no courtesy, says something (a content word or a figure: "Nine out of 14 still work, five
    closed."). Otherwise it is the first
    non-answer it makes (a refusal, a deferral, a hand-on, a repair: `NONE`, nothing said to it).
    A reply that makes no non-answer and says nothing either ("Thank you, Keiko.", "Fredrik, the
    next one, please.") is no evidence either way: None. A reply that answers and then defers still answers (as
    `questionfates.answers_then_promises` reads it)."""
    sentences = sentence_texts(text)
    end = next((k for k, x in enumerate(sentences) if MOVES_ON.match(x)), len(sentences))
    if question and _put_off_alone(sentences[:end], question):
        return DEFERS
    kinds: list[str] = []
    stopped = False  # the replier stopped for time: only words about the question still answer it
    for sentence in sentences[:end]:
        kind = sentence_kind(sentence, question)
        if kind is not None:
            kinds.append(kind)
            stopped = stopped or bool(
                CUT_OFF.search(sentence) or TIME_SHORT.search(sentence) or _SLOT_OVER.search(sentence)
            )
            # after a refusal to make it known, what follows is its reason ("The matter is with the
            # court now"): only words about the question still answer it
            stopped = stopped or (kind == DECLINES and withholds(sentence))
        elif stopped and question:
            if takes_up(sentence, question):
                return ANSWERS
        elif _YES_NO.match(sentence) or (
            not _courtesy(sentence) and (content_words(sentence) or re.search(r"\d", sentence))
        ):
            return ANSWERS
    return kinds[0] if kinds else None


def _put_off_alone(sentences: list[str], question: Set[str]) -> bool:
    """Whether the reply puts the question off (`puts_off`) and says nothing to it around that: no
    sentence before or after that makes no non-answer takes its words up (`takes_up`) or gives a
    figure after it. Why: a reply that first answers the asker's other point ("The islands, yes, we
    will write a box about the remote islands.  The question of the money ..., let me answer that one at
    the very end") read as an answer by its first sentence (round 33)."""
    at = next((k for k, x in enumerate(sentences) if puts_off(x)), None)
    if at is None:
        return False
    said = [x for k, x in enumerate(sentences) if k != at and sentence_kind(x, question) is None]
    return not any(takes_up(x, question) for x in said) and not any(
        re.search(r"\d", x) for x in sentences[at + 1 :] if sentence_kind(x, question) is None
    )


# A decline read by its grammar (`declines_first`): a first-person or "nobody" subject, a negation,
# and a verb of knowing, answering, deciding, saying or giving ("I cannot decide this", "That I
# really don't know", "nobody can answer it now", "I do not have a number with me").
_DECLINE_VERB = r"(?P<verb>answer|know|decide|say|tell|give|share|promise|commit|confirm|disclose|speak|have)"
_ADVERB = r"(?:really|honestly|simply|just|personally|actually|myself|here|today|now|yet|unfortunately)"
_NEGATED = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?P<subj>i|we)(?:\s+" + _ADVERB + r")*\s+"
    r"(?:cannot|can'?t|can not|could not|couldn'?t|do not|don'?t|did not|didn'?t|will not|won'?t"
    r"|(?:am|are) not (?:able|in a position) to)(?:\s+" + _ADVERB + r")*\s+" + _DECLINE_VERB + r"\b"
    r"|\b(?P<none>nobody|no one|no-one)(?:\s+(?:here|in the room|on the panel))?(?:\s+" + _ADVERB + r")*\s+"
    r"(?:can|could|is able to|will be able to)\s+(?P<verb2>answer|say|tell|decide|know|give)\b",
    re.I,
)
# What the negated verb takes when it takes the question: a pronoun or the question itself, a yes or
# a no, "you" before either ("That I cannot tell you now"), or nothing at all ("I cannot decide").
_OBJECT = re.compile(
    r"^(?:you\s+|us\s+)?(?:(?P<pro>it|this|that|these|those|them|yes|no)\b"
    r"|(?:the|this|that|your|these|those|a|any)\s+(?:(?:exact|precise|real|right|good|second|first|other)\s+)?"
    r"(?P<noun>[\w‑'-]+))",
    re.I,
)
# A finite verb right after the pronoun makes it the subject of a clause said, not the object
# ("nobody can say it was a secret deal").
_FINITE = re.compile(
    r"^\s*(?:is|was|are|were|has|have|had|will|would|can|could|does|did|should|must|may|might|'s)\b", re.I
)
# Words that say where, when or how the decline holds, not what it declines ("now", "for the ministry").
_CIRCUMSTANCE = re.compile(
    r"^(?:\s*(?:" + _ADVERB + r"|right now|at the moment|at this moment|with me|in my head|for sure|for certain"
    r"|officially|exactly|here|on that|on this))*\s*",
    re.I,
)
# Nouns that name a figure: what a "how many/how much" question asks for.
_FIGURE_NOUNS = frozenset(
    {"number", "numbers", "figure", "figures", "data", "statistics", "percentage", "amount", "answer"}
)
_QUANTITY = re.compile(r"\bhow (?:many|much|often|long)\b|\b(?:number|percentage|share|figure|amount) of\b", re.I)
# A sentence that opens on the declined thing itself ("That I cannot tell you", "The second question I cannot answer").
_FRONTED = re.compile(
    r"^\W*(?:(?:that|this|it|those|these)|(?:the|your|this|that) (?:\w+ )?question)\s+(?:i|we)\b", re.I
)
# A decline that a contrast opens follows something given in the same sentence.
_AFTER_GIVING = re.compile(r"\b(?:but|though|although|yet)\W*$", re.I)
_INTERJECTION = re.compile(r"^\W*(?:\w+\W*){1,2}$")  # "Hmm.", "Ah.", "Oh, okay." before the reply proper
DECLINE_WITHIN = 2  # the reply's first sentences (courtesy aside) that may carry the decline


def declines_grammatically(sentence: str, question: Set[str], quantity: bool = False) -> bool:
    """Whether `sentence` declines the question by its grammar: a first-person or "nobody"
    subject, a negation and a verb of knowing, answering, deciding, saying or giving
    (`_NEGATED`), whose object is the question: a pronoun (not the subject of a clause said:
    "nobody can say it was a secret deal"), a yes or a no, the question's own words, a figure
    when the question asks how many, "for" a body ("I cannot answer for the network"), nothing
    at all ("I cannot decide."), or the thing declined fronted before the subject ("That I cannot
    tell you now"). Its name ("I won't say my name") and "anything" are not the question, and a
    decline a contrast opens ("…, but I cannot promise") hedges what the sentence gave before it."""
    for m in _NEGATED.finditer(sentence):
        verb = (m.group("verb") or m.group("verb2") or "").lower()
        if _AFTER_GIVING.search(sentence[: m.start()]):
            continue  # "… has a small budget, we will ask for it, but I cannot promise": given, then hedged
        if _FRONTED.match(sentence[: m.end()]) and sentence[: m.start()].count(",") == 0:
            return True
        tail = _CIRCUMSTANCE.sub("", sentence[m.end() :], count=1)
        if not tail or tail[0] in ",.;:!?)" or re.match(r"(?:but|because|and|so|as)\b", tail, re.I):
            if verb != "have":
                return True  # nothing taken: the verb declines the matter at hand
            continue
        if verb in ("answer", "speak", "decide") and re.match(
            r"for\s+(?:the|my|our|his|her|their|your|this|that)\b", tail, re.I
        ):
            return True  # "I cannot answer for the network today": no standing to answer
        obj = _OBJECT.match(tail)
        if obj is None:
            continue
        if obj.group("pro"):
            if verb == "have" or _FINITE.match(tail[obj.end() :]):
                continue
            return True
        noun = obj.group("noun").lower()
        if (
            (quantity and noun in _FIGURE_NOUNS)
            or noun in ("question", "questions")
            or (verb != "have" and noun in question)
        ):
            return True
    return False


def declines_first(text: str, question: Set[str], asked: str = "") -> bool:
    """Whether the reply `text` opens by declining the question (`declines_grammatically`, in one
    of its first `DECLINE_WITHIN` sentences once courtesy and interjections are set aside, with
    nothing before it that takes the question up) and gives no answer after it: every later
    sentence up to a move on is itself a non-answer (`sentence_kind`, a decline) or neither takes
    the question's words up (`takes_up`) nor gives a figure. `asked` is the question's text (a
    "how many" question is declined by "I do not have a number").
    Why: rounds 27–30's first runs read such replies as answers, sentence by sentence ("we do not
    have these numbers … I cannot answer it", "nobody can answer it now", "I cannot decide this
    … but I cannot promise", "I do not have a number … I will send a number after the session")."""
    quantity = bool(_QUANTITY.search(asked))
    sentences = sentence_texts(text)
    end = next((k for k, x in enumerate(sentences) if MOVES_ON.match(x)), len(sentences))
    said = [x for x in sentences[:end] if not _courtesy(x) and not _INTERJECTION.match(x)]
    at = next((k for k, x in enumerate(said[:DECLINE_WITHIN]) if declines_grammatically(x, question, quantity)), None)
    if at is None:
        return False
    if any(sentence_kind(x, question) is None and takes_up(x, question) for x in said[:at]):
        return False  # it answered first and declines only the rest ("Until June, yes.  After June I cannot promise")
    return not any(
        sentence_kind(x, question) is None
        and not declines_grammatically(x, question, quantity)
        and (takes_up(x, question) or re.search(r"\d", x))
        for x in said[at + 1 :]
    )

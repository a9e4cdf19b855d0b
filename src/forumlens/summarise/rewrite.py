"""Bullets that read as sentences: the documented rewrites from a cited caption sentence.

A policy officer pastes a bullet into a note; a caption sentence ("So I think that, you
know, we we released a handbook") cannot be pasted. Every bullet is the cited sentence
put through these transformations and nothing else (each one is named in `Rendered.steps`
so a test, or a reader of the JSON, can tell what happened; the citation keeps the words
as said):

1. ``filler``: `compress.compress` deletes filler (the captioner's stage notes
   "(Interpretation from Arabic)", "[inaudible]", discourse markers, "I think that",
   "you know", leading "So,", caption stutters "the the", "we we", and false starts
   restarted after a dash "we have ‑‑ we had"); here also a false start restarted after
   a comma ("we have, we had" -> "we had") and the speaker's numbering of their points
   ("Second, we heard ...", "My second message, training ..." -> the point: `unnumber`),
   and a pointer to another speaker ("..., as Jason has clearly described": a name the
   bullet does not introduce; `restart`), a resumption ("I was saying, ..."), a trailing
   hedge ("..., I think."), and a link back to the sentence before ("For this reason, ...",
   "That is why we ...": a reason the bullet does not hold; `restart`).
2. ``repair`` (deletions only, `repair`): a fragment, or a sentence with a dangling subject,
   whose words hold a full clause becomes that clause: a leading complement "that" dropped
   ("That we need to look at ..., and that ..." -> "We need to look at ..., and ..."), a short
   framing head before "is that" dropped (never a hope, fear or claim), or a dependent head
   cut at a clause boundary ("Together with local authorities, and we will use this map ..."
   -> "We will use this map ..."), never inside an unfinished subordinate clause ("so that
   captioning, | sign language ... are guaranteed") and never more than `MAX_HEAD_SHARE` of
   the words. The citation still quotes the whole sentence verbatim.
3. ``context``: a sentence whose subject is still a dangling "this/it/that issue/these ..."
   is preceded by the speaker's previous sentence in the same turn, which names the referent
   (both are cited), only when that sentence is short (`MAX_PRIOR_WORDS`); otherwise the
   sentence is *rejected* and the selector takes another (often a clause window of it).
4. ``third-person``: when the speaker spoke for a named coalition or office (resolved by
   the cast, not an inferred credit) and "we" is the body's own ("we released", not the
   inclusive "we need to"), "We released a handbook" -> "The Dynamic Coalition on Public
   Access in Libraries released a handbook": the verb agrees (have -> has, are -> is, need ->
   needs) and the pronouns follow (we -> it, our -> its, us -> it). Only a "we" that is the
   sentence's subject: one after a finite verb ("Jason mentioned ... and we have ...") keeps
   the first person (and gets the attribution below). Nor when the sentence names another
   coalition ("We have seen how the Dynamic Coalition on Gender evolved": the "we" may be all
   coalitions') or the speaker says in the same turn that they belong to another one ("I'm
   involved in the Platform Responsibility coalition": `other_body`, `wording.Wording.voice`).
4a. ``room-voice``: a chair's "we heard / we agreed" (and their summing-up "I heard") is
   the session's and "we will" the organisers' ("The session heard strong agreement that
   ...", "The session has agreed ...", "The organisers will extend the comment period
   ..."), when no other first person remains (`room_voice`). When neither 4 nor 4a
   applies, the first person stays and step 5 names the speaker.
5. ``attributed``: a bullet still in the first person is prefixed "Name (Org): " — unless
   it sits under its speaker's own heading (speaker points), which attributes it already.
6. ``case``: capital first letter, a final full stop (none after a quotation that closes on
   its own stop: `compress.full_stop`), and a quotation mark the sentence neither opens nor
   closes dropped (a caption sentence cut inside a quoted card: `balance_quotes`).
6a. ``audience``: the room's "your" before what participants contributed ("with your
   inputs", "your comments") becomes "the participants'" (`audience`): a chair's thanks
   to the room, on paper.
7. ``short-form`` (`naming.name_once`, over a section's bullets in order): a body named in
   full again becomes "the coalition", "the ministry" ... unless another body of that kind
   was named in between; a speaker's "Name (Org): " is shown once, then "Name: ".

A bullet never opens on a pronoun whose antecedent it does not hold: "it/they/this ..."
as subject, and also a possessive or personal pronoun ("Its page ...", "Their study ...",
"He said ...") count as dangling (step 3 resolves or rejects them).

A sentence is *rejected* (`problem` says why; the selector then takes the next best) when
it is a question (also one whose mark the captioner lost: "Do people trust the network, ..., or do they
not.", `_INVERTED_QUESTION`, or one in quotation marks), a captioner's note in brackets ("(Group work at the
tables, not captioned)."), a vocative aside ("Sofía, you heard ..."), procedure (time keeping,
thanks, hand-offs, "we will stop here", "our first speaker is", the chair introducing
themselves, and moderator talk: framing the session, introducing the next voice, the room,
`roles.is_session_talk`; from a speaker who chairs, also their "we"/"I" doing what the
session does, "Today we ask them ...", "We're talking about ...": `roles.is_chair_talk`),
a report that leaves out what was said ("two coalitions told a workshop what they had
produced": `roles.is_empty_report`), a relayed comment ("We have a comment from Aisha in Kenya": `roles.is_relay`),
a speaker introducing themselves ("I'm X from Y", "I run a helpline ...":
`roles.is_introduction`), or a fragment that no repair makes a sentence: no finite verb outside its relative
clauses (`finite.main_clause_verb`: "A real child who is abused now, and who we found."), starting with
a conjunction or relative word, cut off on an article or conjunction or where the captions
lost words ("... the health workers also need..."), its only verbs inside a wh-clause
hung on a phrase ("In all regions, about ... and what they think about ..."), only conditions whose main clause never comes ("If a direction ... passes through my
ministry, for any reason.": `_condition_only`), a participle phrase
followed by a conjunction instead of its main clause ("Owned and run by the communities,
and the question is ..."), a reporting verb without its subject (a clause cut from "She says
..., and asks that ...": "Asks that the funds ..."), verbs that are only an infinitive, an
object's verb or a trailing subordinate clause's ("Interlink, improving the links and also to
have funds to make it work.", "The Roadmap ... as Jason has clearly described."), or under
`MIN_WORDS` words. A statement that opens with a
wh-word ("When we set up our CERT, we had two staff"), an opening phrase ("Within our
office, we ...") or speaks of a generic "you" ("you can buy certificates and call your
diesel hours green") is none of these.

Pure functions over strings; all regexes general (no per-session lists).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..text.fastre import Prefiltered
from ..text.stopwords import STOPWORDS
from ..text.wordstart import guarded
from ..transcript.furniture import NOTE
from ..transcript.speakers import name_key
from .compress import compress, full_stop
from .finite import THIRD_PERSON, main_clause_verb, opens_imperative
from .floor import is_floor_talk
from .labels import PREFIXES
from .procedural import MODERATOR_ROLES, is_procedural
from .roles import DECIDER, is_announcement, is_chair_talk, is_empty_report, is_introduction, is_relay, is_session_talk

__all__ = [
    "MIN_WORDS",
    "Rendered",
    "Voice",
    "attributed_to",
    "attribution_prefix",
    "body_name",
    "dangling",
    "dangling_object",
    "first_person",
    "has_finite_verb",
    "names_body",
    "opens_clause",
    "other_body",
    "problem",
    "render_sentence",
    "repair",
    "restart",
    "shown_name",
    "third_person",
]

MIN_WORDS = 6  # shorter than this is a fragment or a slogan, not a point
MAX_CONTEXT_WORDS = 50  # a context merge longer than this is no longer one point
MAX_PRIOR_WORDS = 25  # a previous sentence longer than this is a point of its own, not a referent


@dataclass(frozen=True)
class Voice:
    """Who said a sentence, as far as the cast knows.

    `name`: the credited speaker (None: no one credited); `body`: the coalition or office
    they spoke for, only when the cast resolved it and the credit is not inferred
    (a guess about who spoke cannot put words in a body's mouth); `org`: the affiliation
    shown in an attribution ("Name (Org): ..."); `role`: the cast role, for an unnamed
    speaker ("A participant: ...").
    """

    name: str | None = None
    body: str | None = None
    org: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Rendered:
    """A bullet's text and the named transformations that produced it from its quote(s)."""

    text: str
    steps: tuple[str, ...]
    context: bool = False  # the previous sentence was put first (its quote is cited too)


# ------------------------------------------------------------------ rejection tests

# A wh-word that opens a statement, not a question: a subordinate clause with its own subject
# ("When we set up our CERT in 2016 we had two staff") or a pseudo-cleft ("What needs to be done is ...").
_NOT_ASKING = (
    r"(?:when|where|once|whenever|wherever)\s+(?:I|we|they|he|she|you|it|there|people|the|our|their|a|an|this|these|"
    r"most|many|some|every|each)\b|"
    r"what\s+(?:needs|matters|worries|concerns|helps|works|counts|remains|happened|happens|struck|surprised|"
    r"is (?:needed|missing|important|lacking|clear|new|different|striking))\b[^,?]{0,60}?\b(?:is|was|are)\b"
)
_QUESTION = re.compile(
    r"\?[\"”’']*\s*$|^\W*(?!"
    + _NOT_ASKING
    + r")(?:how|what|why|where|when|which|who|is there|are there|do you|does|did|"
    r"can you|could you|would you|shall we|should we)\b(?![^,]{0,80},\s+(?!(?:and|or|but|so|please|then)\b)\w+)"
    r"(?!\s+(?:I|we|they|you|people|everyone|the \w+)\s+(?:\w+\s+){0,4}?(?:is|was|are|were)\b)|"
    r"\b(?:I(?:'d| would) like to (?:know|ask|hear)|I want(?:ed)? to (?:know|ask|hear)|I wonder|"
    r"I(?:'m| am) (?:curious|wondering)|I have (?:a|one|another) question|my question (?:is|was)|"
    r"(?:tell|ask) (?:us|you) (?:about|how|what|whether|if))\b|"
    r"[,;:]\s+(?:(?:so|and|but|then)\s+)?(?:how|why|(?:what|where|when|which|who)(?= (?:can|could|should|would|will|do|does|did)\b))"
    r"\s+(?:can|could|should|would|will|do|does|did|is|are)\s+\w+|"
    # an inverted question after a comma: "..., for example, could we organize maybe ..."
    r"[,;:]\s+(?:(?:for example|for instance|so|and|but|then),?\s+)?(?:could|can|should|shall|would) (?:we|you|they)\b",
    re.IGNORECASE,
)
# A yes/no question whose mark the captioner lost: an auxiliary before its subject opens the
# sentence ("Do people trust the network, ..., or do they not."). Not "you" (a request: "Could
# you send it to the list"), nor the conditional inversions "Should/Were/Had X ..., ...". No
# sentence of the rapporteurs' reference takeaways (1,612) and no annotated ask of the asks
# sets but one request to "you" (1,464) opens so.
_INVERTED_QUESTION = re.compile(
    r"^\W*(?:do|does|did|is|are|was|can|could|will|would|shall|has|have|isn't|aren't|don't|doesn't)\s+"
    r"(?:people|we|they|I|he|she|it|there|the|this|these|those|our|their|any|all|most|anyone|anybody|everyone|"
    r"somebody|someone)\b[^?]*$",
    re.IGNORECASE,
)
# Talk about the talk: "The last, I would like to just mention the work of ..." announces a
# point without making it.
_META_TALK = re.compile(
    r"^\W*(?:[^,]{0,30},\s+)?I(?:(?:'d| would) (?:just )?like|(?: just)? want(?:ed)?) to (?:just )?(?:mention|highlight|say|add|talk about|share|"
    r"stress|underline|touch on|flag)\b(?!\s+(?:that|how|why)\b)",
    re.IGNORECASE,
)
# Words that open a sentence capitalised without being a name ("In Tonga, we ...", "Within our office, we ...").
_NOT_A_NAME = (
    r"(?:in|on|at|for|with|within|to|from|by|as|after|before|during|since|when|if|so|and|but|the|this|that|these|"
    r"those|our|my|their|its|today|now|here|there|yesterday|also|however|then|last|next|first|second|third|finally|"
    r"of|over|under|through|across|like|unlike|beyond|besides|without|among|between|instead|meanwhile|again|still|"
    r"yes|no|well|okay|indeed|actually|globally|locally|nationally|regionally|internationally|overall|generally|"
    r"personally|unfortunately|fortunately|similarly|likewise|otherwise|together|along|based|speaking)\b"
)
# Addressing someone in the room: "Sofía, you heard ...", "as you said", "thank you". The name is
# matched case-sensitively: under IGNORECASE any opening phrase ("Within our office, we") was a "name".
_VOCATIVE = re.compile(
    r"^\W*(?!" + _NOT_A_NAME + r")(?-i:(?:[A-Z][\w'‑-]+\s+){0,2}[A-Z][\w'‑-]+),\s+"
    r"(?:you|your|thank|please|I|we|so|and|now|as)\b|"
    r"\byou(?:'ve| have)? (?:heard|said|mentioned|asked|raised|talked|spoke|pointed|were saying|guessed)\b|"
    r"\bthank(?:s| you)\b|\b(?:heard|hear|thank|echo|agree with) you\b(?! \w)",
    re.IGNORECASE,
)
# "your coalition" addresses the listener, unless "you" is generic in the sentence: "you can buy
# cheap certificates and claim that your diesel hours are green" speaks of anyone.
_YOUR = re.compile(r"\byour\b", re.IGNORECASE)
_GENERIC_YOU = re.compile(
    r"\b(?:if|when|once|unless|whether|where|so) you\b|\byou (?:can(?:not|'t)?|could|have to|need to|must|will|would|"
    r"don't|do not|get|buy|want|pay|lose)\b",
    re.IGNORECASE,
)
# Procedure the sentence-level procedural test does not catch on its own.
_PROCEDURE = re.compile(
    r"\b(?:(?:we|I)(?:'ll| will| must| have to| need to| should)? (?:stop|end|leave it|close) (?:here|there|now)|"
    r"(?:running|run|are|we're) (?:a (?:bit|little) )?(?:late|behind|over)|out of time|(?:last|final) (?:minute|few minutes)|"
    r"(?:hand|pass|give|turn)(?:ing)? (?:it |this )?(?:over|back) to|next (?:speaker|question|panell?ist)|"
    r"let me (?:just )?(?:start|begin|close|end|conclude|stop)|(?:before|as) we (?:close|end|finish|wrap)|"
    r"(?:welcome|hello|good (?:morning|afternoon|evening)) (?:everyone|everybody|all)|time (?:is up|check|keeper)|"
    r"I(?:'m| am) (?:so |very )?sorry|I apologi[sz]e|(?:going to|let me|I(?:'ll| will)) start with|"
    r"we have (?:\w+ )?(?:speakers|panell?ists|guests) (?:from|with|here|online)|"
    r"(?:the|our|my) (?:first|next|last|final) (?:speaker|panell?ist|presenter|intervention|intervener)|"
    r"next,? (?:we (?:go|move|turn|have|hear)|I (?:have|invite|call))|joining us (?:remotely|online|from)|"
    r"(?:one|another|a) (?:more |last |final )?question from|"
    r"a question (?:to|for) (?:(?:the|our) (?:panel|panell?ists?|speakers?|floor|room|audience|moderator|chair|"
    r"organi[sz]ers|secretariat)|you|him|her|(?-i:[A-Z]\w+))|"
    r"open(?:ing)? (?:up )?the floor|"
    # the cast introduced: "Ana Rokovuni is our online moderator"
    r"(?:is|will be) (?:our|your) (?:online |remote |onsite |on-site )?(?:co-?)?(?:moderator|rapporteur|facilitator)|"
    # a self-introduction as the session's chair: "I am Aminata Kone and I moderate this forum"
    r"(?:my name is|I(?:'m| am)) (?-i:[A-Z][\w‑-]+)(?: (?-i:[A-Z][\w‑-]+))*,? and I(?:'ll| will)? "
    r"(?:moderate|chair|facilitate|co-?moderate|am (?:the |your )?(?:moderator|chair|facilitator))|(?:let me |let's |we(?:'ll| will) )?leave (?:it|that|this)\b[^.]{0,30}\b(?:for|to) "
    r"(?:the next|another|a later|a future|later)|(?:speak|talk|present) for (?:about |around |up to |some )?\w+ minutes)\b|"
    r"^I(?:'m| am) (?:from|with|based in|here (?:from|with|on behalf of))\b[^,;:]{0,60}$",
    re.IGNORECASE,
)
_PROCEDURE = guarded(_PROCEDURE)  # the same matches, tried only where a word starts (`text.wordstart`)
# Coordinating conjunctions, relative and dependent openers: the sentence continues another.
_LEADING = re.compile(
    r"^\W*(?:and|but|or|nor|yet|plus|so|because|which|who|whom|whose|whereas|including|like|such as|as well as|"
    r"is|are|was|were|"
    r"as|than|for example|for instance|especially|meaning|not only|together with|along with|rather than|instead of|"
    r"to|of|by|with|about(?= (?:their|the|our|his|her|its|what|how|why|whether|\w+ing)\b))\b",
    re.IGNORECASE,
)
# Opening subordinate clauses are fine when a main clause follows the comma ("When a government ...,
# accessibility requirements should ...").
_SUBORDINATE_OK = re.compile(r"^\W*as\b[^,]{3,80},\s+\w+", re.IGNORECASE)
# A prepositional opener before the sentence's own subject: "With DC Gender we center ...",
# "By 2025, every school should ...". The main clause is what follows the opener (`_opener_ok`).
_OPENER = re.compile(
    r"^\W*(?:with|by|to|of|about|for example|for instance|together with|along with|like|especially|instead of)\b",
    re.IGNORECASE,
)
# (a pronoun inside a wh- or that-clause is no subject of the sentence: "About their use of
# social media and what they think about ..." has no main clause)
_OPENER_SUBJECT = re.compile(
    r"^\W*\w+(?:\s+[\w'‑-]+){0,7}?(?<!\bwhat)(?<!\bhow)(?<!\bwhy)(?<!\bwhere)(?<!\bwhen)(?<!\bwhich)(?<!\bthat)"
    r"(?<!\bwhether)(?<!\bif)\s+(?-i:I|we|they|he|she|We|They|He|She)\s+(?:\w+ly\s+|also\s+|now\s+)?"
    r"(?!(?:and|or|of|to|in|on|for|the|a|an)\b)[a-z]+\b",
    re.IGNORECASE,
)
# What is left when a sentence ends: a dangling article, conjunction or possessive means it was cut off.
_CUT_OFF = re.compile(r"\b(?:the|a|an|of|and|or|but|nor|than|our|their|its|my|your|his|her|whose)\W*$", re.IGNORECASE)
# What the captions lost: an ellipsis where the sentence starts ("... the health workers also
# need") or right after a verb or a function word at its end ("also need...").
_LOST = re.compile(
    r"^\W*(?:\.\.\.|…)|\b(?:need|needs|want|wants|have|has|is|are|was|were|be|to|should|must|will|can|could|"
    r"would|also|with|for|in|on|at|from|that|which|who|about)\s*(?:\.\.\.|…)\W*$",
    re.IGNORECASE,
)
_LOST = guarded(_LOST)  # the same matches, tried only where a word starts (`text.wordstart`)
# Both of its alternatives hold an ellipsis, which few sentences do: asked only of those that hold one
# (`text.fastre`; the problem check's sentences, 64 -> 29 ms over 5,839, issue 19).
_LOST_FAST = Prefiltered(_LOST, alternatives=True)
_AUX = (
    r"am|is|are|was|were|has|have|had|do|does|did|can|could|will|would|shall|should|may|might|must|"
    r"isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|don't|doesn't|didn't|can't|cannot|couldn't|won't|"
    r"wouldn't|shouldn't|mustn't|" + "|".join(THIRD_PERSON) + r"|remain|exist|matter"
)
_PAST_IRREGULAR = frozenset(
    [
        "ran",
        "made",
        "did",
        "had",
        "was",
        "were",
        "saw",
        "found",
        "took",
        "gave",
        "wrote",
        "began",
        "brought",
        "built",
        "held",
        "led",
        "met",
        "sent",
        "spent",
        "set",
        "put",
        "got",
        "went",
        "came",
        "thought",
        "knew",
        "said",
        "told",
        "paid",
        "left",
        "became",
        "kept",
        "won",
        "began",
        "chose",
        "grew",
        "drew",
        "heard",
        "spoke",
        "understood",
        "taught",
        "sought",
        "felt",
        "meant",
        "lost",
        "rose",
        "fell",
    ]
)

_FINITE = re.compile(
    rf"\b(?:{_AUX}|{'|'.join(sorted(_PAST_IRREGULAR))})\b|\w(?:'re|'m|'ve|'ll|'d)\b|"
    # "it's", "that's", "there's": "is/has" contracted; after a name or a noun "'s" is a
    # possessive ("from Hassan's point"), no verb
    r"\b(?:it|that|this|there|here|what|who|where|how|why|when|which|he|she|one|everyone|everybody|nobody|"
    r"nothing|something|everything|someone|somebody|let|today|now)['’]s\b|\w['’]s\s+(?:going|been|got)\b|"
    # a plural subject and its verb: "Rural clinics lose", "Regulators rarely collect", "Women use"
    r"\b(?:[a-z]{3,}s|[A-Z][a-z]+s|people|women|men|children)\s+(?:\w+ly\s+|also\s+|still\s+|now\s+|often\s+|only\s+)?"
    r"(?!(?:of|and|or|in|on|for|with|to|from|at|by|the|a|an|that|which|who|as|like|such|than|about|into|over|"
    r"under|between|across|through|during|including|per|more|most|less|all|both|each|not|so|very|here|there)\b)"
    r"(?:[a-z]+)\b(?=\s+(?:the|a|an|\w+)\b)|"
    # a named subject and its verb: "the Ministry of ICT sees", "the Dynamic Coalition ... calls on"
    # (a determiner is no subject: "the data from the operators on time" has no verb)
    r"\b(?!(?:the|a|an|this|these|those|our|their|its|my|your|his|her|every|each|some|all|any|no)\s)"
    r"(?:[A-Z][A-Za-z-]*[a-z]|[A-Z]{2,})\s+(?:\w+ly\s+|also\s+|now\s+)?(?!(?:is|has|was)\b)[a-z]{2,}[^s\W]?s\b"
    # ("Regular updates to the Office ...": "-s to" + a determiner is a plural noun's complement)
    r"(?=\s+(?:on|to(?!\s+(?:the|a|an|this|these|its|their|our|his|her|my|your)\b)|that|not|the|a|an|its|their|it|"
    r"community|\w+ing)\b)|"
    # an imperative after a colon: "Three things: test the platforms, enforce the laws ..."
    r"[:;]\s+[a-z]+\s+(?:the|a|an|their|its|our|all|more|every|it|them)\b|"
    r"\b(?:I|we|they|you|he|she|it|who|that|which|people|countries|governments|communities|companies|"
    r"coalitions|states|operators|users|speakers|participants)\s+(?:\w+ly\s+|also\s+|still\s+|now\s+|just\s+|all\s+)?"
    r"(?!the\b|a\b|an\b|of\b|and\b|to\b|in\b|on\b|for\b)[a-z]+\b|"
    r"\b(?!(?:the|a|an|be|been|being|of|to|is|was|were|are|has|have|had|so|very|more|most|less|too|well|newly|"
    r"widely|internationally|locally|nationally|globally|commonly|fully|highly)\s)\w+\s+\w+ed\b",
    re.IGNORECASE,
)
# A subject that needs the sentence before it: "It is ...", "This was one issue ...",
# "These conditions should ...", "That's what ...", after an opening phrase or "that".
_PRONOUN = r"(?:this|that|these|those|it|they|them)"
_TIME_NOUN = (
    r"(?:year|years|month|week|morning|afternoon|evening|time|decade|summer|spring|autumn|winter|"
    r"century|round|day|days|moment|"
    # the event the citation names: "This workshop is organised by ..."
    r"session|workshop|panel|meeting|conference|event|forum)"
)
_DANGLING = re.compile(
    rf"^(?:[^,]{{0,60}},\s+)?{_PRONOUN}(?:'s)?\b(?:\s+(\w+))?|"
    rf"\b(?:realised|realized|found|saw|think|believe|say|said|know|noticed|learned|learnt|agree|agreed) that "
    rf"(?:this|it|these|those|they)\b(?:\s+(\w+))?",
    re.IGNORECASE,
)
# "That we need to ...", "That the ...": a complement clause without its main clause.
_THAT_CLAUSE = re.compile(r"^\W*that\s+(?:we|they|I|you|the|there|it|our|this|these|a|an|in|all)\b", re.IGNORECASE)
# "It is important to", "it takes", "it seems": the expletive "it" refers to nothing before.
_EXPLETIVE = re.compile(
    r"^(?:[^,]{0,60},\s+)?it(?:'s| is| was| will be| would be| has been| remains| seems| takes| makes sense)\b"
    r"(?:(?! that\b)[^,.;]){0,60}\b(?:to|that|whether|if|when|how)\b|^\W*(?:this|that) (?:is|was) (?:why|how)\b",
    re.IGNORECASE,
)


# "Using the network to share the results because they're excellent": an -ing phrase whose
# only finite verb sits in a subordinate clause.
_GERUND_HEAD = re.compile(
    r"^\W*[A-Za-z]+ing\b(?:(?!\b(?:is|are|was|were|has|have|can|could|will|would|should|must|remains|means|"
    r"helps|requires|needs|makes)\b)[^,;])*?\b(?:because|which|who|that|when|where|while|if|since|so)\b",
    re.IGNORECASE,
)


# "A few days ago, released a working draft": the subject is missing after the opening phrase.
# "Owned and run by the communities themselves, and the question is ...": a participle phrase
# whose comma is followed by a conjunction, not by the main clause it should modify.
_PARTICIPLE_HEAD = re.compile(
    r"^\W*[A-Za-z]+(?:ed|en|wn|un|lt|ught)\b(?:\s+and\s+[A-Za-z]+)?\s+(?:by|in|for|with)\b[^,;]*[,;]\s+(?:and|but|or|so)\b",
    re.IGNORECASE,
)
# "For other coalitions to think about ...": a for-to infinitive clause (a subject of up to
# six words, then "to" and its verb), the tail of a sentence whose main clause was left
# behind ("I think also for other coalitions to ..."). The loose finite-verb test reads the
# infinitive or the plural noun as a verb, so it passes as a point unless checked here.
_FOR_TO = re.compile(r"^\W*for\s+(?:(?!to\b)[\w'’‑-]+\s+){1,6}to\s+", re.IGNORECASE)
_BREAK = re.compile(r"\s*(?:[,;:—–]|‑‑|--)\s*")
_SUBJECT_VERB = re.compile(
    r"\b(?:I|we|they|he|she|there)\s+(?!to\b)[a-z]", re.IGNORECASE
)  # never "it", "you": objects too
# A finite verb whose subject is the for-to clause itself ("For X to work requires ...").
_CLAUSE_SUBJECT_VERB = re.compile(
    r"(?:is|are|was|were|will|would|can|could|should|must|remains|requires|needs|means|takes)"
)


def for_to_fragment(clean: str) -> bool:
    """Whether a sentence is only a for-to infinitive clause: after "For NP to VERB ..." no
    clause of its own follows a break ("For the IGF to work, we need ..."), no subject
    pronoun with its verb ("... they need ..."), and no finite verb outside a relative
    clause takes the infinitive clause as its subject ("For X to work requires ...").

    >>> for_to_fragment("For other coalitions to think about it and to be involved in coalitions that are working on it.")
    True
    >>> for_to_fragment("For the IGF to matter, we need national regulators in the room.")
    False
    """
    m = _FOR_TO.match(clean)
    if m is None:
        return False
    rest = clean[m.end() :]
    parts = _BREAK.split(rest, maxsplit=1)
    if len(parts) == 2 and has_finite_verb(parts[1]) and main_clause_verb(parts[1], has_finite_verb):
        return False
    if _SUBJECT_VERB.search(rest):
        return False
    words = [w.lower().strip(".,;:!?") for w in rest.split()]
    return not any(
        _CLAUSE_SUBJECT_VERB.fullmatch(w) and (i == 0 or words[i - 1] not in ("that", "which", "who"))
        for i, w in enumerate(words)
    )


# Verbs that report what someone says or asks, in their third-person form.
_REPORTING = (
    r"(?:asks|says|notes|argues|stresses|recommends|urges|calls on|calls for|suggests|proposes|warns|insists|adds|"
    r"explains|requests|demands|claims|points out|believes|thinks|mentions|describes|highlights|emphasi[sz]es|"
    r"agrees|reminds|encourages|invites|hopes|wants)"
)
_NO_SUBJECT = re.compile(
    r"^[^,]{0,40},\s+\w+ed\s+(?:a|an|the|our|its|their|this|these|\d)|"
    # "Released a working draft on ...": a verb in the past with its object but no subject
    r"^\W*(?-i:[A-Z][a-z]+ed)\s+(?:a|an|the|our|its|their|this|these|\d)\b|"
    # "Asks that the funds ...", "Urges donors to ...": a reporting verb whose subject was cut
    # off with the clause before it ("She says ..., and asks that ..."); as a noun ("Calls that
    # come in ...") it is followed by a relative clause's verb, not by a subject
    r"^\W*(?:also\s+)?" + _REPORTING + r"\s+(?:(?:that|whether|if)\s+(?:the|a|an|this|these|those|our|their|its|"
    r"all|every|some|we|they|I|he|she|it|there|(?-i:[A-Z]\w+))\b|(?:the|a|an|our|their|all|(?-i:[A-Z]\w+)|\w+s)\s+"
    r"(?:\w+\s+){0,3}?to\s+\w+)",
    re.IGNORECASE,
)
# "Some of the actors that could help ...": no finite verb before a relative clause (its verb is not the main one).
_RELATIVE = re.compile(r"(?:,\s+|\s)(?:which|who|whose|that)\s+(?!'s)", re.IGNORECASE)


def _main_clause_missing(text: str) -> bool:
    m = _RELATIVE.search(text)
    if m is None:
        return False
    head, rest = text[: m.start()], text[m.end() :]
    if len(head.split()) < (2 if m.group(0).strip(" ,").lower() == "whose" else 4) or has_finite_verb(head):
        return False
    # "Governments that offer incentives to data centres, in our view, should attach ...": a main verb may follow
    after = rest.split(",", 1)[1] if "," in rest else ""
    return not re.match(r"\s*(?:\w+ly\s+)?(?:" + _AUX + r")\b", after, re.IGNORECASE)


# "In all regions, about their use of social media and what they think about ...": the only
# verbs are inside a wh-clause that a preposition or "and" hangs on the phrase before it.
_WH_OBJECT = re.compile(
    r"(?:,\s+|\s)(?:and|or|about|of|on|in|to|for|with|as to)\s+(?:what|how|why|whether|where|when|who)\s+",
    re.IGNORECASE,
)


def _only_wh_verbs(text: str) -> bool:
    m = _WH_OBJECT.search(text)
    if m is None or has_finite_verb(text[: m.start()]) or len(text[: m.start()].split()) < 4:
        return False
    clause = text[m.end() :]
    # "..., and what they want is money": the wh-clause is a subject with its own main verb
    return not re.search(r"\w\s+(?:is|are|was|were)\b", clause, re.IGNORECASE)


# Verbs the loose finite test (`_FINITE`) counts that are not the sentence's own: an
# infinitive after "to" ("also to have funds"), a verb's object pronoun taken for a subject
# ("to make it work"), and a subordinate clause after the sentence's head ("the Roadmap ...
# and the Digital Compact as Jason has clearly described").
_INFINITIVE_AUX = re.compile(r"\bto\s+(?:\w+ly\s+)?(?:have|do|remain|exist|matter)\b", re.IGNORECASE)
_OBJECT_PRONOUN = re.compile(r"\b([a-z]+)\s+(?:it|them)\b(?=\s+[a-z]+)")
_SUBORDINATE_TAIL = re.compile(
    r"(?<=\w)\s+(?:as|because|since|although|though|unless|whereas|while|if|when|once|until)\s+[^,;:]*", re.IGNORECASE
)


def _dependent_verbs_only(clean: str) -> bool:
    """Whether every finite verb the loose test finds is an infinitive, sits after a verb's object
    pronoun, or is inside a subordinate clause after the head: "Interlink, improving the links and
    also to have funds to make it work." has no main clause. Only ever turns a yes into a no."""
    if opens_imperative(clean):
        return False  # "Oblige the connection if you must, but give ...": its verb opens it
    masked = _INFINITIVE_AUX.sub("to X", clean)
    masked = _OBJECT_PRONOUN.sub(lambda m: m.group(0) if m.group(1) in STOPWORDS else m.group(1) + " X", masked)
    masked = _SUBORDINATE_TAIL.sub(" X", masked)
    return masked != clean and not main_clause_verb(masked, has_finite_verb)


# "Please coordinate with each other.": a short request is a whole sentence.
_IMPERATIVE = re.compile(r"^\W*please\s+[a-z]+\s+\w+\s+\w+", re.IGNORECASE)


def has_finite_verb(text: str) -> bool:
    """Whether a sentence has a finite verb (auxiliary, copula, -s/-ed form after a subject).

    A decider and its verb ("the court holds, unanimously, that ...": `roles.DECIDER`) is
    one too: read as no verb, the head naming who decided was cut as a framing phrase and the
    holding lost its decider.
    """
    return bool(_FINITE.search(text) or DECIDER.search(text))


# A bullet opening with a possessive or personal pronoun ("Its coalition page ...", "Their
# study ...", "He said ..."): its antecedent is in a sentence the bullet does not hold.
_PRONOUN_START = re.compile(r"^\W*(?:its|their|theirs|his|her|hers|he|she|him)\b", re.IGNORECASE)


# `render_sentence` asks `dangling` and `first_person` of the same text two or three times
# (before and after each repair step): on a report's renderings 1,387 and 1,842 calls for
# 554 and 572 distinct texts. Both read the text alone, so each is kept per text.
@lru_cache(maxsize=65_536)
def dangling(text: str) -> bool:
    """Whether the sentence's subject is a pronoun or "this/that/these + noun" pointing back
    (or it opens with a possessive or personal pronoun: "Its page ...", "He said ...")."""
    if _PRONOUN_START.match(text):
        return True
    m = _DANGLING.search(text)
    if not m or _EXPLETIVE.search(text):
        return False
    intro = m.group(0).rsplit(",", 1)[0] if m.start() == 0 and "," in m.group(0) else ""
    if intro and has_finite_verb(intro):
        # "Cooperation works, that strategies need budgets ...": a list of that-clauses, unless the
        # first clause is itself headed by the pronoun ("It is not serious in itself, it is ...",
        # "They have no ID, they are waiting ...": both clauses point back)
        return dangling(intro)
    following = (m.group(1) or m.group(2) or "").lower()
    # "This year", "that time": a demonstrative time phrase opens a sentence, it does not refer back
    return not re.fullmatch(_TIME_NOUN, following)


# "we will translate it into French", "and I'll send them round": a clause whose subject is a
# personal pronoun (after at most one lead word) and whose verb's object is "it/them" with no noun between (no determiner
# opens one), so what is translated or sent is named in a clause the bullet does not hold. An
# expletive object ("we make it possible to", "we find it hard that") points forward, not back.
_OBJECT_BACK = re.compile(
    r"^\W*(?:[a-z]+,?\s+)?(?:we|i|they|you|he|she)\b"  # after at most one lead word ("and", "next")
    r"(?:\s+(?!(?:the|a|an|this|that|these|those|our|their|its|my|your|his|her)\b)[a-z'’]+){1,4}?"
    r"\s+(?:it|them)\b(?!\s+(?:[a-z]+\s+)?(?:to|that)\b)",
    re.IGNORECASE,
)


def dangling_object(text: str) -> bool:
    """Whether a clause's object pronoun points back to a noun the clause does not hold: "we will
    translate it into French and Spanish" (what "it" is was said before the clause).

    `dangling` reads the subject; an ask or promise quoted as the clause after "…, and" has a
    subject ("we") and loses its object's antecedent instead. A caller shows the whole cited
    sentence instead (its earlier clause names the thing), or nothing.
    >>> dangling_object("and we will translate it into French and Spanish next year.")
    True
    >>> dangling_object("We will translate the report into French."), dangling_object("We make it possible to join.")
    (False, False)
    """
    return bool(_OBJECT_BACK.match(text))


def _opener_ok(clean: str) -> bool:
    """Whether a sentence opening with a prepositional phrase has its own main clause after it:
    a subject pronoun right after the phrase, or a sentence after its comma."""
    if not _OPENER.match(clean):
        return False
    if _OPENER_SUBJECT.match(clean):
        return True
    comma = clean.find(", ")
    if comma > 0 and has_finite_verb(clean[:comma]):
        return False  # "Together with UN agencies are supporting, ...": a clause without its subject, not an opener
    return comma > 0 and len(clean[:comma].split()) <= 10 and problem(clean[comma + 2 :]) is None


# A condition with nothing it conditions: "If somebody finds the money for the trainers." One
# clause (no comma, colon, semicolon or dash after the conjunction) ending the sentence; no
# rapporteur's reference sentence and no annotated ask of the asks sets has this shape.
_BARE_CONDITION = re.compile(r"^(?:if|unless|although|though|whereas|because|whenever)\b[^,;:—–]*[.!]?$", re.IGNORECASE)


# A condition with nothing it conditions, though a comma follows it: "If a direction to the
# operators passes through my ministry, for any reason." or a list of conditions ("If exchange
# points grow, if regulators license small operators, if landing stations are opened ...").
# Every part after the first is another condition or has neither a finite verb nor an
# imperative ("please DM us", "look for a label": a request is a main clause). No reference
# sentence (1,612) and no annotated ask or commitment (1,464) has this shape.
_CONDITION = re.compile(
    r"^\W*(?:if|unless|when|whenever|once|although|though|even if|as long as|provided that)\b", re.IGNORECASE
)
_REQUEST_LEAD = re.compile(r"^\W*(?:please|kindly|then|so)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"\s*[,;:—–]\s*")
_NUMBERING = re.compile(
    r"^\W*(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|and|but|so),?\s+", re.IGNORECASE
)
_JOINED = re.compile(r"^(?:and|or|but)\s+", re.IGNORECASE)  # ", and if ...": one more condition


def _condition_only(clean: str) -> bool:
    """Whether the sentence is only conditions (`_CONDITION`), its main clause never said (after
    the speaker's numbering: "Second, if a direction ..., for any reason.")."""
    clean = _NUMBERING.sub("", clean)
    if not _CONDITION.match(clean):
        return False
    parts = [p for p in _CLAUSE_BREAK.split(clean.rstrip(".!")) if p]
    rest = [p for p in parts[1:] if not _CONDITION.match(_JOINED.sub("", p))]
    return len(parts) >= 2 and not any(
        has_finite_verb(p) or opens_imperative(p) or _REQUEST_LEAD.match(p) for p in rest
    )


@lru_cache(maxsize=65_536)
def problem(text: str) -> str | None:
    """Why a (filler-free) sentence cannot be a point, or None: question, vocative,
    procedure, relay, introduction, fragment (no finite verb, leading conjunction, cut
    off, too short)."""
    clean = " ".join(text.split())
    if NOTE.match(clean):
        return "procedure"  # the captioner's note about the room: "(Group work at the tables, not captioned)."
    if _QUESTION.search(clean) or _INVERTED_QUESTION.match(clean):
        return "question"
    if _VOCATIVE.search(clean) or (_YOUR.search(clean) and not _GENERIC_YOU.search(clean)):
        return "vocative"
    if is_procedural(clean) or _PROCEDURE.search(clean) or is_session_talk(clean):
        return "procedure"
    if is_relay(clean):
        return "relay"
    if _META_TALK.match(clean) or is_announcement(clean) or is_empty_report(clean):
        return "procedure"  # an announcement's content is in the sentences after it (or nowhere)
    if is_introduction(clean):
        return "introduction"
    if len(clean.split()) >= MIN_WORDS and is_floor_talk(clean):
        return "procedure"  # managing the floor (`floor`); a shorter one is a fragment below
    if _IMPERATIVE.match(clean):
        return None  # a request: a whole sentence however short
    if len(clean.split()) < MIN_WORDS or _CUT_OFF.search(clean) or _LOST_FAST.search(clean):
        return "fragment"
    leading = _LEADING.match(clean) and not _SUBORDINATE_OK.match(clean) and not _opener_ok(clean)
    if leading or _THAT_CLAUSE.match(clean) or _BARE_CONDITION.match(clean) or _condition_only(clean):
        return "fragment"
    if not main_clause_verb(clean, has_finite_verb) or _GERUND_HEAD.match(clean) or _NO_SUBJECT.match(clean):
        return "fragment"
    if _PARTICIPLE_HEAD.match(clean) or for_to_fragment(clean):
        return "fragment"
    if _main_clause_missing(clean) or _only_wh_verbs(clean) or _dependent_verbs_only(clean):
        return "fragment"
    return None


# ------------------------------------------------------------------ rewriting

# A false start restarted after a comma: "we have, we had", "it is, it was" -> the restart.
_RESTART = re.compile(
    r"\b(I|we|they|it|there|this|you)\s+(?:have|has|had|is|was|are|were|do|did|can|could|will|would)\s*(?:,|‑‑|--|—)\s+\1\s+"
    r"(?=(?:have|has|had|is|was|are|were|do|did|can|could|will|would)\b)",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"(?:(?<=^)|(?<=[,;:]\s))(?:I (?:really |do )?(?:think|believe|feel|guess)|I would say|I'd say)(?: that)?,?\s+(?=\w)|"
    # a stance opener before the claim: "For me the rule must be simple", "In my view, ..."
    r"^(?:for me|in my (?:view|opinion)|from my (?:side|point of view)|personally|honestly),?\s+(?=\w)",
    re.IGNORECASE,
)


# A self-correction: "we need more explicit, no, we need explicit recognition" -> the correction.
_CORRECTION = re.compile(r"\b(\w+)\b[^,.;]{0,50},\s+(?:no|sorry|I mean),\s+(?=\1\b)", re.IGNORECASE)


# A pointer to someone else in the room: "..., as Jason has clearly described." A bullet that
# keeps it names a person it does not introduce; the citation still quotes it.
_NAME = r"(?-i:[A-Z][\w'‑-]+)(?:\s+(?-i:[A-Z][\w'‑-]+)){0,2}"
_REFERENCE_VERB = (
    r"(?:(?:has|have|had|just|already|clearly|rightly|also|very|so|well|nicely|eloquently)\s+)*"
    r"(?:said|says|described|mentioned|noted|explained|pointed out|highlighted|stressed|emphasi[sz]ed|put it|"
    r"shown|showed|indicated|presented|outlined)(?:\s+(?:before|earlier|already|today|this morning|yesterday))?"
)
_REFERENCE = re.compile(
    r"^\W*as\s+" + _NAME + r"\s+" + _REFERENCE_VERB + r",\s+|"
    r",?\s+(?:just\s+)?as\s+" + _NAME + r"\s+" + _REFERENCE_VERB + r"(?=\s*[,.;:!]|\s*$)",
    re.IGNORECASE,
)


# `restart`'s last three patterns behind their literal prefilters (`text.fastre`): most
# sentences hold no ", no," or ", sorry,", no "as X said" verb and no hedge verb, and `re`
# would try every position of them (a report's 622 sentences: 15.5 -> 6.2 ms). `_RESTART`
# needs only a comma and a pronoun, which most sentences hold: it runs as it is.
_CORRECTION_FAST = Prefiltered(_CORRECTION)
_REFERENCE_FAST = Prefiltered(_REFERENCE)
_HEDGE_FAST = Prefiltered(_HEDGE)


# A trailing hedge ("..., I think.", "..., I suppose.") and a resumption ("I was saying, the plan
# is ...") carry no claim: the sentence says the same without them.
_SPOKEN_ASIDE = re.compile(
    r"^\W*(?:[Aa]s )?I was saying,\s+(?=\w)|,\s+I (?:think|suppose|believe|guess)(?=\s*[.!]?\s*$)"
)
# A link back to the sentence before ("For this reason, the ministry reformed ..."): on its own the
# bullet points at a reason it does not hold; without the link it states what was done.
_BACK_LINK = re.compile(
    r"^\W*(?:for (?:this|that|these|those) reasons?|because of (?:this|that)|as a result(?: of (?:this|that))?|"
    r"therefore|thus|hence),\s+(?=\w)|^\W*(?:that|this) is why\s+(?=(?:we|they|I|the|our|their|it)\b)",
    re.IGNORECASE,
)


def restart(text: str) -> str:
    """Drop a false start restarted after a comma or dash, a self-correction, a clause-initial
    hedge, and a pointer to another speaker ("as Jason has clearly described").

    >>> restart("we have, we had a study")
    'we had a study'
    >>> restart("We need more explicit, no, we need explicit recognition.")
    'we need explicit recognition.'
    """
    out = _RESTART.sub(lambda m: m.group(1) + " ", text)
    out = _CORRECTION_FAST.sub("", out)
    out = _REFERENCE_FAST.sub("", out)
    out = _SPOKEN_ASIDE.sub("", _BACK_LINK.sub("", out))
    return _HEDGE_FAST.sub("", out)


_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|myself|I'm|I've|I'd|I'll)\b")
_FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ours|ourselves|we're|we've|we'd|we'll)\b", re.IGNORECASE)


@lru_cache(maxsize=65_536)  # asked again of the same text (see `dangling`)
def first_person(text: str) -> bool:
    """Whether the sentence speaks in the first person (I, we and their forms)."""
    return bool(_FIRST_SINGULAR.search(text) or _FIRST_PLURAL.search(text))


_ADVERBS = r"(?:(?:also|really|already|still|now|just|often|then|recently|actively|currently|always|even|only|"
_ADVERBS += r"actually|then|finally|first|together|all|both|mostly|mainly|usually|never|jointly|successfully|again|once|regularly|repeatedly|therefore)\s+)*"
# "We <verb>" where "we" is the body acting (not the inclusive "we need to", "we should", "we must")
_INCLUSIVE = re.compile(
    r"\b(?:we|we're|we've)\s+"
    + _ADVERBS
    + r"(?:need|needs|should|must|have to|has to|ought|can't afford|cannot afford|"
    r"all|are all|have all|want to see|'re all)\b|\blet's\b|\blet us\b",
    re.IGNORECASE,
)
_IRREGULAR = {
    "are": "is",
    "were": "was",
    "have": "has",
    "do": "does",
    "don't": "doesn't",
    "aren't": "isn't",
    "weren't": "wasn't",
    "haven't": "hasn't",
}
_UNCHANGED = frozenset(
    [
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "did",
        "didn't",
        "can't",
        "cannot",
        "couldn't",
        "won't",
        "wouldn't",
        "shouldn't",
        "had",
        "hadn't",
        "was",
        "wasn't",
    ]
)
# "could we organise ...": a question inside the sentence, the verb would not agree
_INVERTED = re.compile(
    r"\b(?:can|could|would|should|will|shall|do|did|does|may|might|must|are|were|have|had)\s+we\b", re.IGNORECASE
)
_CONTRACTED = {"we're": "it is", "we've": "it has", "we'd": "it would", "we'll": "it will"}
_WE_VERB = re.compile(r"\b(we|we're|we've|we'd|we'll)(\s+" + _ADVERBS + r")(\w+(?:'t)?)?", re.IGNORECASE)
_POSSESSIVE_BODY = re.compile(
    r"\bour (?:own )?(?:dynamic coalition|coalition|DC|organi[sz]ation|office|ministry|agency|association|network|"
    r"group|commission|department|team)\b",
    re.IGNORECASE,
)


def _agree(verb: str) -> str:
    """The third-person singular of a verb that followed "we" (past forms and modals unchanged)."""
    low = verb.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low in _UNCHANGED or low.endswith("ed") or not low.isalpha():
        return verb
    if low in {"go", "do"} or re.search(r"(?:s|sh|ch|x|z|o)$", low):
        return verb + "es"
    if re.search(r"[^aeiou]y$", low):
        return verb[:-1] + "ies"
    return verb + "s"


_NOT_VERBS = frozenset(
    [
        "as",
        "in",
        "at",
        "on",
        "of",
        "from",
        "with",
        "the",
        "a",
        "an",
        "to",
        "for",
        "by",
        "and",
        "or",
        "but",
        "that",
        "this",
        "these",
        "those",
        "who",
        "which",
        "because",
        "so",
        "not",
        "also",
        "together",
        "ourselves",
        "here",
        "there",
    ]
)


def body_name(body: str) -> str:
    """The body as a sentence subject: "DC on X" -> "the Dynamic Coalition on X"."""
    name = re.sub(r"^DC\b", "Dynamic Coalition", body.strip())
    if name.lower().startswith("the ") or re.match(r"^[A-Z]{2,}\b(?!.*\bof\b)", name):
        return name  # "UN DESA", not "the UN DESA"
    return f"the {name}"


def possessive(name: str) -> str:
    """The possessive of a name or short form: "the coalition" -> "the coalition's", a plural
    or a name ending in s takes the apostrophe only ("the Dynamic Coalition on Public Access
    in Libraries'").

    >>> possessive("the coalition"), possessive("DC on Public Access in Libraries")
    ("the coalition's", "DC on Public Access in Libraries'")
    """
    return name + ("'" if name.endswith("s") else "'s")


# What a coalition or office makes and owns: "our guide", "our working groups", "our report".
# An "our" before anything else ("our children", "our society") may be everyone's.
_OWNED = re.compile(
    r"\bour\s+(?=(?:(?:own|latest|new|first|annual|recent|current|next|main|\w+ing)\s+)?(?:[\w‑-]+\s+)?"
    r"(?:guides?|reports?|recommendations?|stud(?:y|ies)|research|surveys?|toolkits?|checklists?|members|membership|"
    r"working groups?|maps?|database|principles|charter|papers?|frameworks?|outputs?|projects?|website|page|"
    r"programmes?|programs?|trainings?|workshops?|findings|publications?|handbooks?|statements?|standards?)\b)",
    re.IGNORECASE,
)


def _owned_only(text: str, subject: str) -> str | None:
    """The sentence with the body's possessive for its things, when its only first person is
    "our" before something a body makes or owns (`_OWNED`); None otherwise."""
    rest = _OWNED.sub("", text)
    if not _OWNED.search(text) or _FIRST_PLURAL.search(rest) or _FIRST_SINGULAR.search(text):
        return None
    seen: list[str] = []

    def name(_m: re.Match[str]) -> str:
        seen.append(subject)
        return (possessive(subject) if len(seen) == 1 else "its") + " "

    return _OWNED.sub(name, text)


# A named coalition or forum ("the Dynamic Coalition on Gender", "DC on Gender", "the
# Platform Responsibility coalition", "the BPF on Cybersecurity").
_BODY_MENTION = re.compile(
    r"\b(?:(?:Dynamic Coalition|DC|Best Practice Forum|BPF) on (?-i:[A-Z][\w'’‑-]*)(?:(?:,| and| in| of| on| the| for| &)*"
    r" (?-i:[A-Z][\w'’‑-]*))*|(?:(?-i:[A-Z][\w'’‑-]*) ){1,5}(?:dynamic )?coalition)\b",
    re.IGNORECASE,
)
# The speaker saying they belong to a body: "I'm involved in the Platform Responsibility coalition".
_MEMBERSHIP = re.compile(
    r"\bI(?:'m| am)? (?:also )?(?:(?:involved|active|engaged) (?:in|with)|(?:a )?(?:member|part) of|with|"
    r"(?:co-?)?chair(?:ing)?|coordinat(?:e|ing)|lead(?:ing)?|represent(?:ing)?|work(?:ing)? (?:for|with|in))"
    r" (?:the )?$",
    re.IGNORECASE,
)
# Words that do not tell one body from another ("Our Dynamic Coalition", "This new coalition").
_BODY_WORDS = frozenset(
    [
        "the",
        "a",
        "our",
        "my",
        "your",
        "their",
        "its",
        "this",
        "that",
        "these",
        "every",
        "each",
        "any",
        "another",
        "other",
        "new",
        "same",
        "whole",
        "global",
        "dynamic",
        "coalition",
        "dc",
        "best",
        "practice",
        "forum",
        "bpf",
        "on",
        "of",
        "and",
        "in",
        "for",
    ]
)


def _body_key(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[\w'’‑-]+", name.lower()) if w not in _BODY_WORDS)


def other_body(text: str, body: str, membership: bool = False) -> bool:
    """Whether `text` names a coalition or forum other than `body` (with `membership`: one the
    speaker says they belong to). Its "we" may then be that body's, or all coalitions': only
    the cast's body can be a sentence's subject, so the sentence keeps its first person.

    >>> other_body("We have seen how the Dynamic Coalition on Gender has evolved.", "DC on Journalism")
    True
    >>> other_body("I'm involved in the Platform Responsibility coalition.", "DC on Journalism", membership=True)
    True
    """
    own = _body_key(body)
    for m in _BODY_MENTION.finditer(text):
        key = _body_key(m.group(0))
        if not key or key <= own:
            continue
        if not membership:
            return True
        if _MEMBERSHIP.search(text[max(0, m.start() - 60) : m.start()]):
            return True
    return False


def names_body(text: str, body: str) -> bool:
    """Whether `text` already names `body` as someone other than its "we": by name ("the
    Dynamic Coalition on X", "DC on X"), or as a determiner and the body's head noun ("the
    coalition", "this ministry", `naming.short_form`). Its "we" then speaks *to* or *about* the
    body ("We would like the coalition to give us a summary"), so the body cannot be the
    sentence's subject: a rewrite would say the body twice ("The coalition would like the
    coalition …"). "Our coalition" is the speaker's own body and does not count.

    >>> names_body("We would like the coalition to give us a two-page summary.", "DC on Schools")
    True
    >>> names_body("Our coalition ran tests, and we published the results.", "DC on Schools")
    False
    """
    from .naming import short_form  # naming renders with this module: imported here, not at the top

    rest = _POSSESSIVE_BODY.sub("", text).lower()
    full = body_name(body).lower().removeprefix("the ")
    if full in rest or body.lower() in rest:
        return True
    short = short_form(body)
    if not short:
        return False
    noun = re.escape(short.split()[-1])
    return bool(re.search(rf"\b(?:the|this|that|your|their|its)\s+(?:[\w‑-]+\s+)?{noun}\b", rest))


def third_person(text: str, body: str | None) -> str | None:
    """The sentence with the body as its subject, or None when it cannot be said so.

    Only the body's own "we" is rewritten (not the inclusive "we need to", "we should");
    a sentence that also says "I" stays in the first person.
    >>> third_person("We need sustainable funding.", "DC on Core Internet Values") is None
    True
    >>> third_person("We have published a guide on our website.", "DC on Core Internet Values")
    'The Dynamic Coalition on Core Internet Values has published a guide on its website.'
    """
    if (
        not body
        or not body[:1].isupper()
        or _FIRST_SINGULAR.search(text)
        or _INCLUSIVE.search(text)
        or _INVERTED.search(text)
        or other_body(text, body)
        or names_body(text, body)
    ):
        return None
    subject = body_name(body)
    head = _FIRST_PLURAL.search(text)
    owned = _POSSESSIVE_BODY.search(text)
    if not head:
        return None
    if has_finite_verb(text[: head.start()]):
        # "Jason mentioned ... and we have ...": "we" is not the sentence's subject; only the
        # body's own things may still be named ("governments have put our procurement guide
        # into their rules" -> "... the coalition's procurement guide ...")
        return _owned_only(text, subject)
    done: dict[str, bool] = {"subject": False}

    def we(m: re.Match[str]) -> str:
        pronoun, gap, verb = m.group(1).lower(), m.group(2), m.group(3) or ""
        who = subject if not done["subject"] else "it"
        done["subject"] = True
        if pronoun in _CONTRACTED:
            return f"{who} {_CONTRACTED[pronoun].split()[1]}{gap}{verb}"
        low = verb.lower()
        if not re.fullmatch(r"[a-z]+(?:n't)?", low) or low in _NOT_VERBS:
            done["failed"] = True  # "we as a coalition", "we in the region": not a verb to agree
            return m.group(0)
        agreed = verb if low in _PAST_IRREGULAR else _agree(verb)
        return f"{who}{gap}{agreed}"

    out = text
    if owned and owned.start() == head.start():
        # "our coalition ran": the body is now the subject; any later "we" is "it"
        out = out[: owned.start()] + subject + out[owned.end() :]
        done["subject"] = True
    elif head.group(0).lower() == "our":  # "Our ask to governments is" -> "The body's ask ..."
        out = out[: head.start()] + possessive(subject) + out[head.end() :]
        done["subject"] = True
    out = _WE_VERB.sub(we, out)
    out = re.sub(r"\bours\b", "its own", out, flags=re.IGNORECASE)
    out = re.sub(r"\bourselves\b", "itself", out, flags=re.IGNORECASE)
    out = re.sub(r"\bour\b", "its", out, flags=re.IGNORECASE)
    out = re.sub(r"\bus\b", "it", out)
    if done.get("failed") or _FIRST_PLURAL.search(out) or out.lower().count(subject.lower()) > 1:
        return None  # the body named twice ("… would like the … to give it …"): no noun phrase is repeated
    return out[:1].upper() + out[1:]


# A chair's "we" in the closing is the room's or the organisers': "we heard strong agreement
# that ...", "we agreed today that ...", "we will extend the comment period ...".
_ROOM_WE = re.compile(
    r"\b(?:we|We)(?P<adv>(?:\s+(?:have|all|also|clearly|today|just))*)\s+(?P<verb>heard|agreed|decided|learned|learnt|saw|"
    r"noted|will|shall)\b|\b(?:we|We)'ll\b|"
    # the chair summing up what the room said: "I heard a real disagreement on the definition"
    r"\bI(?P<iadv>(?:\s+(?:have|also|clearly|today|just))*)\s+(?P<iverb>heard|noted)\b(?! (?:from|that) (?:my|our)\b)"
)


def room_voice(text: str, role: str | None) -> str | None:
    """A chair's "we" as the session's ("we heard", "we agreed") or the organisers' ("we
    will"), so the sentence needs no attribution; None when the speaker does not chair or
    another first person remains ("we need to ..." is the speaker's own).

    >>> room_voice("We heard strong agreement that helplines need core funding.", "moderator")
    'The session heard strong agreement that helplines need core funding.'
    >>> room_voice("We will extend the comment period, and we will revise the report.", "chair")
    'The organisers will extend the comment period, and they will revise the report.'
    """
    if not role or role.lower() not in MODERATOR_ROLES:
        return None
    seen: list[str] = []

    def sub(m: re.Match[str]) -> str:
        if m.group("iverb"):
            verb, adv = m.group("iverb"), m.group("iadv") or ""
        else:
            verb = m.group("verb") or "will"
            adv = m.group("adv") or "" if m.group("verb") else ""
        who = "the organisers" if verb in ("will", "shall") else "the session"
        subject = who if not seen or seen[-1] != who else ("they" if who == "the organisers" else "it")
        if subject in ("the session", "it"):  # "we have agreed" -> "the session has agreed"
            adv = re.sub(r"\bhave\b", "has", adv)
        out = subject + adv + " " + verb
        seen.append(who)
        return out

    out = _ROOM_WE.sub(sub, text)
    if out == text or first_person(out):
        return None
    return out[:1].upper() + out[1:]


def attribution_prefix(voice: Voice | None) -> str:
    """ "Name (Org): " for a first-person bullet; a role when the speaker is unnamed; a
    caption's numbered role label as a reader writes it (`shown_name`: "Juror 11: ")."""
    if voice is None or not voice.name:
        role = (voice.role if voice else None) or ""
        return f"{PREFIXES.get(role, PREFIXES['participant'])}: "
    name = shown_name(voice.name)
    org = voice.org or voice.body
    return f"{name} ({org}): " if org and org not in voice.name else f"{name}: "


# A caption label that numbers the members of a group instead of naming them ("JUROR 11",
# "PANELLIST 2"): the speaker asked not to be named, so the number is who they are.
_NUMBERED_LABEL = re.compile(r"[A-Z]{3,}(?: [A-Z]{3,})* \d{1,3}")


def shown_name(name: str) -> str:
    """A name as an attribution shows it: a caption's numbered role label in a reader's case
    ("JUROR 11" -> "Juror 11", so it reads as the member of a group it is, not as a shout);
    any other name as the cast spells it.

    >>> shown_name("JUROR 11"), shown_name("Dewi"), shown_name("UNESCO")
    ('Juror 11', 'Dewi', 'UNESCO')
    """
    return name.title() if _NUMBERED_LABEL.fullmatch(name) else name


# The attribution `attribution_prefix` writes: a name, an optional "(Org)", a colon.
_ATTRIBUTION = re.compile(r"(?P<who>[^:()\n]{1,80}?)(?: \([^)\n]{1,120}\))?: (?=\S)")


def attributed_to(text: str, speakers: Iterable[str | None]) -> bool:
    """Whether a bullet opens with an attribution to one of the people it cites (`speakers`)
    or to an unnamed role (`labels.PREFIXES`): one word is enough ("Dewi: I will ...",
    "Juror 11: ..."), because it is the name the captions and the cast know the speaker by.

    Why the speakers and not any capitalised words before a colon: "Ideas: we ..." opens
    with a heading, not a person; the check and the rendering agree because both read the
    prefix `attribution_prefix` writes for the cited speaker.

    >>> attributed_to("Dewi: I will share these notes.", ["Dewi"])
    True
    >>> attributed_to("Juror 11: The statistician explained it to us.", ["JUROR 11"])
    True
    >>> attributed_to("Ideas: we should make it civil.", ["Dewi"])
    False
    """
    m = _ATTRIBUTION.match(text)
    if m is None:
        return False
    # the name alone, or with its parenthesis when the name has one ("Andi (Jakarta)")
    who = {name_key(m.group("who")), name_key(m.group(0)[:-2])}
    if who & {name_key(p) for p in PREFIXES.values()}:
        return True
    return any(name_key(s) in who for s in speakers if s)  # the key ignores case: "Juror 11" is "JUROR 11"


def balance_quotes(text: str) -> str:
    """Drop a quotation mark the sentence does not close or open: the caption sentence was cut
    inside a quoted card or reading ("It failed because ... cards." with its opening mark and
    no closing one), and a bullet with half a quotation cannot be pasted. A balanced quotation
    stays. The citation keeps the marks as said.

    >>> balance_quotes('"It failed because the map was on paper.')
    'It failed because the map was on paper.'
    >>> balance_quotes('nobody knew, they said."')
    'nobody knew, they said.'
    >>> balance_quotes('The motion is: "never justified."')
    'The motion is: "never justified."'
    """
    out = text.strip()
    if out.count('"') % 2:  # the first mark if it opens the sentence, else the last (a card cut short)
        at = 0 if out.startswith('"') else out.rfind('"')
        out = out[:at] + out[at + 1 :]
    if out.count("“") > out.count("”"):
        at = 0 if out.startswith("“") else out.rfind("“")
        out = out[:at] + out[at + 1 :]
    if out.count("”") > out.count("“"):
        at = out.rfind("”")
        out = out[:at] + out[at + 1 :]
    return " ".join(out.split())


def _case(text: str) -> str:
    out = " ".join(balance_quotes(text).split()).strip(" ,;:")
    if not out:
        return out
    return full_stop(out[0].upper() + out[1:])


# "we will revise the report with your inputs": the chair thanks the room for what it
# gives; on paper the "your" is the participants'.
_AUDIENCE_YOUR = re.compile(
    r"(?<=\w\s)(?<!^\w\s)((?:with|from|for|on|to|of|by|about|include|reflect|add|receive|welcome|and)\s+)your\s+"
    r"(?=(?:inputs?|comments?|feedback|contributions?|suggestions)\b)",
    re.IGNORECASE,
)


def audience(text: str) -> str:
    """The room's "your" made "the participants'" where it owns what they contributed
    (inputs, comments, feedback, contributions, suggestions), never at the start of a
    sentence ("From your experience, how ..." addresses someone).

    >>> audience("We will revise the report with your inputs.")
    "We will revise the report with the participants' inputs."
    """
    return _AUDIENCE_YOUR.sub(lambda m: m.group(1) + "the participants' ", text)


# "Second, we heard ...", "My second message, training programmes ...", "The second finding,
# automatic captions ...", "Number three: the shelters are ...": the speaker's numbering of
# their points, not part of the point. A colon follows only a bare number ("One: ...").
_ORDINAL_HEAD = re.compile(
    r"^\W*(?:(?:and|so)\s+)?(?:(?:(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|finally|lastly|"
    r"number (?:one|two|three|four|five)|one|two|three|four|five)|(?:my|the|our|a|one) (?:first|second|third|fourth|fifth|last|final|next|other)"
    r" (?:point|message|thing|issue|one|finding|recommendation|lesson|observation|remark|comment|concern|challenge|"
    r"ask|element|aspect|area)s?),|(?:number (?:one|two|three|four|five)|one|two|three|four|five):)\s+(?=\w)",
    re.IGNORECASE,
)
# "Three, and here I agree with Evans from the floor, farmers were designed for ...": an aside
# between the number and the point, opened by "and" and closed by a comma (the last such comma
# before the point is tried first, so an aside with its own comma is dropped whole).
_ASIDE = re.compile(r"^and\s+[^,;:]{3,80}?,\s+(?=\w)", re.IGNORECASE)


def unnumber(text: str) -> str:
    """The sentence without the speaker's numbering of it, when what is left is a sentence.

    What follows the number is the point when it stands alone; else, when it opens with an
    aside ("and here I agree with ...,"), the clause after the aside is (deletions only, so
    the citation of the whole sentence stays verbatim).

    >>> unnumber("My second message, training programmes are often designed for large countries.")
    'Training programmes are often designed for large countries.'
    >>> unnumber("Three, and here I agree with the floor, farmers were designed for and not designed with.")
    'Farmers were designed for and not designed with.'
    >>> unnumber("Number three: the shelters are paid for month by month by donations.")
    'The shelters are paid for month by month by donations.'
    >>> unnumber("Second, funding.")
    'Second, funding.'
    """
    m = _ORDINAL_HEAD.match(text)
    if m is None:
        return text
    rest = text[m.end() :]
    aside = _ASIDE.match(rest)
    for candidate in (rest, rest[aside.end() :] if aside else None):
        if candidate is not None and problem(_case(candidate)) is None:
            return _case(candidate)
    return text


def _clean(text: str) -> tuple[str, list[str]]:
    steps = []
    out = compress(text)
    if out != " ".join(text.split()):
        steps.append("filler")
    again = restart(out)
    if again != out:
        steps.append("filler")
        out = compress(again)
    bare = unnumber(out)
    if bare != out:
        steps.append("filler")
        out = bare
    room = audience(out)
    if room != out:
        steps.append("audience")
        out = room
    return _case(out), steps


# ------------------------------------------------------------------ repair (deletions only)

_CONJ_HEAD = re.compile(r"^\W*(?:and so|and then|but also|and|but|or|nor|yet|plus|so|then)\b,?\s+", re.IGNORECASE)
_SUBJECT_AFTER = r"(?=(?:we|they|I|you|there|the|our|their|a|an|all|most|many|some|every|each|governments|countries)\b)"
# "that we need ...": a complement clause whose main clause ("I heard", "everyone agreed") was before it
_THAT_HEAD = re.compile(r"^\W*that\s+" + _SUBJECT_AFTER, re.IGNORECASE)
# the same list going on: "..., and that the environment must ..." -> "..., and the environment must ..."
_AND_THAT = re.compile(r"(,?\s+(?:and|or|but)\s+)that\s+" + _SUBJECT_AFTER, re.IGNORECASE)
_CLAUSE_CUT = re.compile(r"\s*(?:[,;:]|‑‑|--|—|–)\s+")
# "That really struck us is that most facilities run on diesel": a short framing head before "is that"
_FRAME = re.compile(r"^\W*(?:[\w'‑-]+,?\s+){1,7}?(?:is|was) that\s+(?=\w)", re.IGNORECASE)
# "My hope is that governments fund it": dropping such a frame would assert what was only hoped
_STANCE = re.compile(
    r"\b(?:hope|fear|wish|worry|dream|risk|danger|question|assumption|claim|argument|proposal|suggestion|idea|"
    r"expectation|concern|doubt|belief|view|impression|feeling|guess|assumption|temptation|myth|rumou?r)s?\b",
    re.IGNORECASE,
)
# A subordinate clause's opener: a cut after it keeps the clause's words only if the head holds its verb
# ("Because the grid is unreliable, most data centres run on diesel" -> the main clause).
_SUBORDINATOR = re.compile(
    r"^\W*(?:so that|in order that|so|because|since|if|unless|when|whenever|while|whereas|although|though|"
    r"even if|even though|whether|as long as|provided that|once|until|which|who|that|where|as)\b",
    re.IGNORECASE,
)
MAX_HEAD_SHARE = 0.6  # a repair may delete at most this share of the words before the clause it keeps


def opens_clause(text: str) -> bool:
    """Whether `text` opens a subordinate clause it does not finish ("so that captioning"): what
    follows it after a comma ("sign language and venues are guaranteed") is still inside it."""
    opener = _SUBORDINATOR.match(text)
    return opener is not None and not has_finite_verb(text[opener.end() :])


def repair(text: str) -> str | None:
    """A fragment made a sentence by deleting words only, or None when no deletion makes one.

    Tried in order, the first that reads as a sentence (`problem` None, no dangling subject,
    at least `MIN_WORDS` + 2 words) wins:
    1. a leading complement "that" (and its repeats after "and") dropped: "That we need to look
       at the life cycle, and that the environment must ..." -> "We need to look at the life
       cycle, and the environment must ...";
    2. a leading conjunction dropped: "Or the grid has no green supply." -> "The grid has ...";
    3. a dependent head cut at a clause boundary, with the conjunction after it: "Together with
       local authorities, and we will use this map to ..." -> "We will use this map to ...";
       the head may hold at most `MAX_HEAD_SHARE` of the words.
    >>> repair("Together with local authorities, and we will use this map to target the fund.")
    'We will use this map to target the fund.'
    """
    candidates = []
    frame = _FRAME.match(text)
    if frame and not _STANCE.search(frame.group(0)):
        candidates.append(text[frame.end() :])
    if _THAT_HEAD.match(text):
        candidates.append(_AND_THAT.sub(r"\1", _THAT_HEAD.sub("", text, count=1)))
    head = _CONJ_HEAD.match(text)
    if head:
        candidates.append(text[head.end() :])
    words = len(text.split())
    clause_start = 0
    for cut in _CLAUSE_CUT.finditer(text):
        if len(text[: cut.start()].split()) > MAX_HEAD_SHARE * words:
            break
        inside = opens_clause(text[clause_start : cut.start()])
        clause_start = cut.end()
        if inside:
            continue  # "so that captioning, | sign language ... are guaranteed": the cut is inside the clause
        rest = _CONJ_HEAD.sub("", text[cut.end() :], count=1)
        if _THAT_HEAD.match(rest):
            rest = _AND_THAT.sub(r"\1", _THAT_HEAD.sub("", rest, count=1))
        candidates.append(rest)
    for candidate in candidates:
        out = _case(compress(candidate))
        if len(out.split()) >= MIN_WORDS + 2 and problem(out) is None and not dangling(out):
            return out
    return None


@lru_cache(maxsize=65_536)
def render_sentence(
    text: str, voice: Voice | None = None, before: str | None = None, attributed: bool = False
) -> Rendered | None:
    """The bullet text for a cited sentence, or None when it must not be a point.

    `before`: the speaker's previous sentence in the same turn (for a dangling subject);
    `attributed`: the bullet sits under its speaker's name, so first person may stay.
    >>> render_sentence("So, um, we we have published a guide for libraries.", Voice("Ana", "DC on X", "DC on X")).text
    'The Dynamic Coalition on X has published a guide for libraries.'
    """
    out, steps = _clean(text)
    chair = voice is not None and (voice.role or "").lower() in MODERATOR_ROLES
    if chair and (is_chair_talk(out) or is_chair_talk(text)):  # the raw text keeps its "Now, ..."
        return None  # the chair's agenda for the session ("Today we ask them ..."): procedure
    why = problem(out)
    if why == "fragment":
        fixed = repair(out)
        if fixed is None:
            return None
        out = fixed
        steps.append("repair")
    elif why:
        return None
    context = False
    if dangling(out) and (fixed := repair(out)) is not None:
        out = fixed  # a clause of the sentence says it without the referent: shorter than a context merge
        steps.append("repair")
    if dangling(out):
        if before is None:
            return None
        prior, prior_steps = _clean(before)
        if (
            problem(prior)
            or (chair and is_chair_talk(prior))
            or dangling(prior)
            or len(prior.split()) > MAX_PRIOR_WORDS
            or len(prior.split()) + len(out.split()) > MAX_CONTEXT_WORDS
        ):
            return None
        out, context = f"{prior} {out}", True
        steps += [*prior_steps, "context"]
    if voice is not None and first_person(out):
        third = third_person(out, voice.body)
        if third is not None and problem(third) is None:  # "With DC Gender we ..." keeps its pronoun subject
            out = third
            steps.append("third-person")
    if voice is not None and first_person(out) and (room := room_voice(out, voice.role)) is not None:
        out = room
        steps.append("room-voice")
    if first_person(out) and not attributed:
        out = attribution_prefix(voice) + out
        steps.append("attributed")
    final = _case(out)
    if final != out:
        steps.append("case")
    return Rendered(final, tuple(dict.fromkeys(steps)), context)

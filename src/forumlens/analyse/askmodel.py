"""A trained sentence classifier for asks, recommendations and commitments and their category.

Why a model and not more cue phrases: asks on unseen sessions come as lists ("Two, a
contact person …"), imperatives to the room ("Sign up for …"), recommendations to
named institutions ("My advice to the regulators is …") and clauses of long run-on
caption lines, without "we need"; each new phrasing cost a new rule and the rules had
been fitted to the sessions they were scored on. Here two multinomial logistic
regressions over sparse features do the judging:

- *type*: none / ask / recommendation / commitment, from word and word-pair features,
  the first words of the unit (imperatives), a list item after an announced list of
  requests, and the rule cues of `analyse.askcues` as features (so what the rules knew
  is kept, weighted by data instead of trusted blindly);
- *category*: the taxonomy of `analyse.asks`, from the same words plus the category
  keyword hits (anywhere, and in the ten words after the ask's verb), and since stop 22 the
  words and verb of the object phrase (`object_phrase`: what is asked for).

A unit is an ask when it is ask-shaped (`has_evidence`) and P(not none) reaches the
threshold stored with the weights, which
`bench/train_asks.py` calibrates on out-of-fold predictions of the training sentences
(`bench/data/asks/*.tsv`, written and annotated for this project; README there).
Inference is pure Python over weights shipped as package JSON
(`analyse/data/asks_model.json`): no extra dependency, a few microseconds a unit.
Training calls `unit_features` from here, so training and inference cannot drift apart.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import add

from ..shipped import load_shipped
from ..text.fastre import PatternSet, Prefiltered
from ..text.stems import suffix_stem
from .askcues import (
    ASK,
    CATEGORIES,
    COMMIT,
    FLOW,
    IMPERATIVE_ALT,
    IMPERATIVE_VERBS,
    POLICY_SUBJECT,
    RECOMMEND,
    ask_window,
)
from .context import FLOOR_CUE
from .cues import PROCEDURAL
from .selfintro import is_self_introduction

__all__ = [
    "EVIDENCE",
    "WE_REQUEST",
    "AskModel",
    "Prediction",
    "Softmax",
    "category_features",
    "load_ask_model",
    "object_phrase",
    "type_features",
]

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
# Discourse and list markers in front of the words that carry the unit.
_LEAD = re.compile(
    r"^(?:\W*(?:and|so|also|but|then|okay|ok|well|um|uh|yes|now|finally|lastly|please|pls|plz|also|number"
    r"|one|two|three|four|five|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|[a-e](?=\s*[:)]))\b)+\W*",
    re.I,
)
LIST_MARK = re.compile(
    r"^\W*(?:and\s+)?(?:(?:one|two|three|four|five|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|finally"
    r"|lastly|number (?:one|two|three|four|five))\b\s*[,:]|[a-e]\s*[:)]|the (?:first|second|third|last) (?:is|one)\b)",
    re.I,
)
# "Three things we need", "two requests", "my recommendations are", "what we ask is simple".
_LIST_INTRO = re.compile(
    r"\b(?:(?:two|three|four|five|a few|several|some|a couple of|the following)\b[^.?!]{0,30}"
    r"\b(?:things|requests?|asks?|demands?|recommendations?|proposals?|suggestions?|messages?|points|ideas|priorities|parts)"
    r"|(?:my|our) (?:asks?|requests?|demands?|needs|recommendations?|proposals?|suggestions?|messages?|priorities)\b"
    r"|what we (?:ask|need|want|propose|recommend)\b)",
    re.I,
)
_INTRO_NEED = re.compile(
    r"\b(?:need|ask|request|demand|recommend|propos|suggest|message|want|would like|call|priorit)\w*", re.I
)
# "Donors, …", "Ministers, …", "Young people especially, …": the room addressed first.
_VOCATIVE = re.compile(r"^(?:[A-Za-z]+\s+){0,2}[A-Za-z]+,\s+(?=please\b|[a-z])", re.I)
# What comes before the words that carry a unit (stop 21): a caption note ("(Interpretation from
# French) Share your glossaries"), a short heading before a colon ("One sentence: give …",
# "Mine: please think …") and an address ("So I would say to the governments, if …, prepare …").
_NOTE = re.compile(r"^\s*[(\[][^()\[\]]{0,80}[)\]]\s*")
_HEADS = re.compile(
    r"^(?:(?:[\w'‑-]+\s+){0,2}[\w'‑-]+:\s+"
    r"|(?:so\s+|and\s+)?(?:i|we)\s+(?:would|'d|will|just\s+want\s+to|want\s+to)\s+(?:just\s+|also\s+|really\s+)?(?:say|tell|ask)\s+(?:this\s+)?(?:to\s+)?"
    r"[^,.;:?!]{1,40},\s+)",
    re.I,
)
_PAST = re.compile(
    r"\b(?:we|i|they|he|she|it)\s+(?:(?!(?:need|feed|proceed|succeed|exceed)\b)\w+ed|did|had|was|were|got|took|made|ran|went|came|gave|found|wrote|began"
    r"|built|brought|sent|held|won|paid|spent|saw|told|said)\b",
    re.I,
)
# An institution or group addressed ("urge the World Bank", "my message to the regulators")
# or named as the subject of a modal ("The ITU should …").
_TO_INSTITUTION = re.compile(
    r"\b(?:(?:message|recommendation|advice|suggestion|request|appeal|plea|ask)s?\s+(?:is\s+)?(?:to|for)\s+(?:the\s+)?\w"
    r"|(?:urge|call on|calls on|call upon|calls upon|appeal to|invite|encourage|advise|ask)\s+(?:the\s+|all\s+|our\s+|every\s+|other\s+)?"
    r"(?:[A-Z][\w&‑-]+|[a-z]+s\b)"
    r"|\bask(?:ing)?\s+(?:the\s+)?[A-Z][\w&‑-]+)"
)
# "please send …", and "please, all the NRIs here, leave your number …" (a vocative between).
_PLEASE_VERB = re.compile(
    r"\b(?:please|pls|plz),?\s+(?:(?:all|every|each|dear|my|our|the|you)\b[^,.;:?!]{0,40},\s+)?(\w+)", re.I
)
_NAMED_MODAL = re.compile(
    r"\b[A-Z][A-Za-z&‑-]+\s+(?:should|must|ought to|need to|have to|has to)\b(?!\s+(?:be noted|say))"
)
# "Our network will …", "My ministry commits to …": a body of the speaker's committing.
_OUR_WILL = re.compile(
    r"\b(?:our|my)\s+(?:[\w-]+\s+){0,2}?(?:will|shall|commits? to|is going to|are going to|plans? to|intends? to"
    # "our fund has decided to finance, from next year, …": a decision of the speaker's body taken
    r"|ha(?:s|ve) decided to)\b"
    r"|\b(?:we|i)\s+(?:hereby\s+)?commit\b"
    # "The Italian youth IGF will present it in Rome", "the Pacific coalition will translate …": a
    # named body of the forum (an NRI, a coalition, a network, a hub) taking something on; "will be"
    # (an output announced, `analyse.outputs`') is not.
    r"|\bthe\s+(?:(?-i:[A-Z])[\w‑-]*\s+|youth\s+|national\s+|regional\s+){1,4}"
    r"(?:IGF|coalition|network|hub|chapter|initiative|association|secretariat)\s+(?:will|shall|is\s+going\s+to|commits?\s+to)\s+(?!be\b)",
    re.I,
)
# "We are ready to host …", "I would be happy to work with …", "our forum is willing to …":
# an offer, i.e. a commitment without "will". ("we" and "i" take the space before the verb
# here: until stop 19 only "we're"/"I'm" matched, so "We are ready to run a pilot" had no cue.)
_OFFER = re.compile(
    r"\b(?:(?:we|i)\s*|our\s+(?:[\w-]+\s+){0,2}?|my\s+(?:[\w-]+\s+){0,2}?)(?:are|am|is|'re|'m|would be|'d be|will be|remain)\s+"
    r"(?:very\s+|more than\s+|always\s+|also\s+)?(?:ready|happy|willing|glad|prepared|available|open)\s+to\s+(?!be\b|say\b|hear\b|see\b|answer\b|take questions\b)\w+",
    re.I,
)
# "What I would ask from governments is …", "What we really need is …": a pseudo-cleft ask.
_CLEFT = re.compile(
    r"\bwhat\s+(?:i|we)\s+(?:would\s+|really\s+|also\s+|most\s+)*(?:ask|need|want|propose|recommend|suggest|request|expect)\w*"
    r"\b[^.?!]{0,60}?\b(?:is|are)\b",
    re.I,
)
# "schools need a module …", "the islands needs more …": a need of a named third party.
_THIRD_NEED = re.compile(
    r"\b(?!(?:we|i|they|you|it|this|that|what|who)\b)[a-z]+\s+(?:really\s+|also\s+|urgently\s+|still\s+)?needs?\s+"
    r"(?:a|an|more|some|better|real|proper|the|their|our|stable|long-term)\b",
    re.I,
)
# "We could also ask each …", "you might consider …": a suggestion voiced as a possibility.
# Only as the unit's main clause (after at most a discourse word or an "I think"): inside a
# subordinate clause ("where we can cooperate", "so that we can have", "a person we could
# call") or negated ("we could not measure") it reports or explains, and "can" states an
# ability far more often than it suggests (precision round of issue 22).
_COULD = re.compile(
    r"^\W*(?:(?:and|so|but|also|then|maybe|perhaps|or|now|i think|i guess|i believe|i suppose)\W+){0,3}"
    r"(?:we|you|they)\s+(?:could|might)\s+(?:also\s+|maybe\s+|perhaps\s+|even\s+)?"
    r"(?!be\b|see\b|hear\b|say\b|not\b|never\b)\w+",
    re.I,
)
# Requests in the shapes of non-native and spoken English that carry no "need"/"should":
# "we would like that the operators share …", "I want to propose that each NRI …", "if you
# could send the list, that would help a lot" (round 5 of issue 22: units of these shapes had
# no ask-shaped feature at all, so the evidence gate kept the classifier from ever judging them).
_WOULD_LIKE = re.compile(r"\b(?:we|i)\s+(?:would|'d)\s+(?:really\s+)?(?:like|love|want)\s+(?:that|for)\s+\w+", re.I)
_PROPOSE = re.compile(r"\b(?:we|i)\s+(?:(?:would\s+)?(?:want|like)\s+to\s+)?(?:propose|suggest)\s+that\b", re.I)
_WOULD_HELP = re.compile(r"\b(?:that|it|this)\s+would\s+(?:really\s+|also\s+)?help\b", re.I)
# "My recommendation is that …", "Our forum recommends that …", "the network proposes that …":
# a recommendation or proposal reported as a statement, by the speaker or by their body (stop 20).
_THAT_PROPOSAL = re.compile(
    r"\b(?:(?:recommend|propos|suggest)(?:s|ed)?|(?:recommendation|proposal|suggestion|request|ask)\s+(?:is|was|would be))"
    r"\s+that\b"
    # "the first recommendation is the training of …", "so our asks are first that …", "my proposal, let us …"
    r"|\b(?:first|second|third|main|last|final|my|our|one|other)\s+(?:recommendations?|proposals?|suggestions?|requests?"
    r"|asks?|priorit(?:y|ies))\s*(?:(?:is|are|would be)\s+(?:first\s+|simply\s+|simple\s*:?\s*)?(?:that|to|the|a|an|for)\b|,)",
    re.I,
)
# "we will document …", "I'll circulate …": the speaker's side takes something on, whatever the
# verb (the rules' commitment cue lists verbs; this is its shape). Not "we can …": an ability
# far more often than an offer.
_WE_WILL = re.compile(
    r"\b(?:we|i)(?:'ll|\s+(?:will|shall|are going to|am going to)|'re going to|'m going to)\s+(?:also\s+|then\s+)?"
    # "I will ask them and come back to the list", "we will ask her by email": a follow-up with
    # someone absent, not the floor talk of "I will ask Maria to speak" / "I'll ask you".
    # "I'll take your example back to the team": carrying a message to one's own side, not "we will take a break"
    r"(?!(?:be|have|see|hear|now|start|continue|move|go|take(?!\s+(?:[\w'‑’-]+\s+){1,5}?back\s+to\b)|talk|ask(?!\s+(?:them|her|him)\b(?!\s+to\b))|come|get|say|speak|jump|turn|listen|begin|close"
    r"|end|finish|wrap|break|stop|try|answer|pass|hand|introduce|let|switch|mute|unmute|repeat|read|wait"
    r"|leave|check|keep|return|revert|reflect|think|consider|do\s+(?:that|this|it|so|our\s+best|a\s+(?:quick\s+)?round)|give\s+(?:\w+\s+)?(?:the\s+)?(?:floor|word|mic)"
    r"|give\s+(?:you|him|her|them)\b(?!\s+(?:a|an|some|the|our|all)\b))\b)[a-z]+",
    re.I,
)
# Round 7 (stop 21, from the kinds of units `asks_blind5` lost with no ask-shaped feature at all):
# "If someone can help with the translation, we would be very happy", "if the secretariat
# could host it, that would be perfect": a request voiced as a hedged condition.
_HEDGED_IF = re.compile(
    r"\bif\s+(?:\w+\s+){1,4}?(?:can|could|would|will)\s+(?!not\b)\w+[^.?!]{0,120}?,\s+(?:then\s+)?"
    r"(?:(?:it|that|this)\s+(?:would|will)\s+be|(?:we|i)\s+(?:would|will)\s+be\s+(?:very\s+|so\s+|really\s+)?"
    r"(?:happy|grateful|glad|thankful|delighted))\b",
    re.I,
)
# "let us sit together after the session", "let's use the white spaces": a proposal to the
# room in the first person plural (floor talk, "let us move to …", is cut by the floor cues).
_LET_US = re.compile(
    r"\blet(?:'s|\s+us)\s+(?!(?:move|go|start|begin|continue|hear|turn|take|see|close|wrap|end|stop|come|pass|give"
    r"|listen|welcome|thank|have\s+a\s+look|check|try|get\s+back|say|talk\s+about|be|remember|recall|not|just|also|hope|now"
    r"|wait|break|finish|conclude|summari[sz]e|recap)\b)[a-z]+",
    re.I,
)
# "we can give you some cases", "I can send you the template", "Yes, I can share": an offer
# voiced with "can" as the unit's main clause (inside "where we can cooperate" or "so that we
# can …" it explains); not an ability to see, say or hear.
_CAN_OFFER = re.compile(
    r"^\W*(?:(?:and|so|but|also|then|yes|yeah|okay|ok|sure|of course|from our side|on our side|i think)\W+){0,3}"
    # "For the Korean version we can pay ourselves": what the offer covers, before its subject
    r"(?:(?:for|as for|about)\s+(?:the|our|this|that)\s+(?:[\w'‑-]+\s+){0,3}?)?"
    r"(?:we|i)\s+can\s+(?:also\s+|easily\s+|gladly\s+)?(?!(?:see|say|tell|hear|do|be|only|not|imagine|talk|answer"
    r"|read|find|assume|expect|understand|speak|think|start|go|move|look|get|agree|use|learn|confirm|sense|feel|discuss|ask"
    r"|follow|repeat|continue|check|note|conclude)\b)[a-z]+(?:\s+(?:you|them|it|this|that|these|those|some|our|the|a|an|every"
    r"|each|with|to|for|other|ourselves|myself|us)\b|\W*$)",
    re.I,
)
# "Bolivia will put its recommendations there, I promise": an explicit promise makes the
# clause a commitment whoever its subject is.
_PROMISE = re.compile(
    r"\b(?:i|we)\s+(?:hereby\s+)?(?:promise|pledge|guarantee)\b"
    # "From our side, the regional association will translate …": a body speaking for its own side
    r"|\b(?:from|on|for)\s+(?:our|my)\s+(?:side|part)\b[^.?!]{0,80}?\b(?:will|shall|commits?|are\s+going\s+to|is\s+going\s+to)\b",
    re.I,
)
# "The ITU could host the indicators …", "UNESCO might collect …": a named body given a suggestion.
_NAMED_COULD = re.compile(
    r"\b(?!(?:We|I|You|They|It|This|That|There|He|She|What|Who|How|So|And|But)\b)(?:[A-Z][A-Za-z&‑-]+|secretariat|regulators?|ministry|ministries|government|governments)"
    r"\s+(?:could|might|can)\s+(?:also\s+|maybe\s+|perhaps\s+)?(?!be\b|not\b|say\b|see\b|have\b)\w+"
)
# "can we get moderators who speak Turkish?", "Could we have a youth seat on the MAG?": something
# to be provided, asked for as a question by "we" (not the floor's "can we have the next slide",
# "can I have two more minutes"): a request as much as a question (asks_blind11).
_WE_REQUEST_TEXT = (
    r"(?:^\W*|[,:]\s+[\"“]?|[\"“])(?:(?:and|so|but|maybe|also|then)\s+)*(?:can|could)\s+we\s+(?:please\s+|also\s+)?(?:get|have)\s+"
    r"(?!(?:a|an|the|one|some|two|three|five)?\s*(?:quick\s+|short\s+|last\s+|next\s+|few\s+)?(?:look|minute|minutes|moment|second"
    r"|word|break|photo|picture|mic\w*|slides?|questions?|hands?|show|answer|response|reaction|comment|round|volunteer)\b)"
)
# "Could you write it and send it to the list?", "can the secretariat give us the access …": a
# request in the form of a question, with a verb of giving or doing (not "can you tell us how").
_POLITE = re.compile(
    r"(?:^|,\s+)(?:(?:and|so|but|maybe|also|then)\s+)*(?:could|can|would|will)\s+(?:you|the\s+[\w‑-]+|someone|somebody|anyone"
    r"|[A-Z][\w&‑-]+)\s+(?:please\s+|also\s+|maybe\s+)?(?:send|share|give|write|put|add|make|help|publish|post|circulate"
    r"|translate|host|invite|update|provide|fund|connect|include|review|comment|forward|upload|organi[sz]e|prepare|open"
    r"|list|map|collect)\b"
    r"|" + _WE_REQUEST_TEXT,
    re.I,
)
WE_REQUEST = re.compile(_WE_REQUEST_TEXT, re.I)
# An appositive after the subject ("And we, the DRC IGF, will …", "I, as the chair, can …"):
# cues read the sentence without it.
_APPOSITIVE = re.compile(r"\b(we|i),\s+(?:the|as|in|at|from|on behalf of)\s+[^,.;:?!]{2,50}?,\s+", re.I)
# The same without commas, as run-on captions write it ("we the microworkers in Zimbabwe will write …"),
# only before a verb of taking something on (so "we the people need" keeps its words).
_BARE_APPOSITIVE = re.compile(
    r"\b(we)\s+the\s+(?:[\w'‑-]+\s+){1,6}?(?=(?:will|shall|commit|promise|are going to)\b)", re.I
)
# "If the students teach the older people, give them credits …": an imperative after a leading
# condition; the head verb is read after the condition.
_LEADING_IF = re.compile(r"^(?:if|when|once|where|as long as)\b[^,.;:?!]{3,120},\s+", re.I)
# A unit right after a heading that names whom it addresses ("To the libraries: open …",
# "And to everybody in this hall: …", "My message to the funds is simple: release …").
_ADDRESSEE_HEAD = re.compile(
    r"(?:^|[.;!?]\s+|,\s+|\band\s+)(?:to\s+(?:the|all|every|our|my|each|everybody|everyone|you)\b[^.?!:;]{0,70}"
    r"|(?:my|our)\s+(?:\w+\s+)?(?:message|recommendation|advice|ask|request|appeal)s?\b[^.?!:;]{0,60})[:]\s*$",
    re.I,
)

# Round 9 (stop 23, from the kinds of units the development sets lost with no ask-shaped feature):
# "The satellite capacity must be contracted in advance": an obligation voiced in the passive.
_PASSIVE_MODAL = re.compile(
    r"\b(?:must|should|needs?\s+to|has\s+to|have\s+to|ought\s+to)\s+(?:also\s+|really\s+|always\s+|not\s+)?be\s+"
    r"(?:[a-z]+(?:ed|en|wn)|made|done|sold|put|kept|set|paid|built|taught|read|heard|given|told)\b",
    re.I,
)
# "so please, the regulators, oblige the operators …", "and please, next year …": a "please" with
# any verb after it, not only a verb of `IMPERATIVE_VERBS` (floor talk is cut by the floor cues).
_PLEASE_ANY = re.compile(r"\b(?:please|pls|plz)\b(?!\s*[.?!]?\s*$)", re.I)
# A time or place phrase in front of an imperative ("next year bring this topic …", "back home, ask …").
_TIME_LEAD = re.compile(
    r"^(?:(?:next|this|every|each)\s+(?:year|month|week|time|meeting|session|call)|today|tomorrow|from now on|at home"
    r"|back home|in your countries|in your country|when you go home|then|now|also|maybe|perhaps|simply|just)\s*,?\s+",
    re.I,
)
# The shape of an imperative with any verb: a first word that is no closed-class word, adverb or
# inflected form, followed by a determiner, pronoun or particle ("Oblige the operators …", "Go
# back home and ask …"): the verb list of `IMPERATIVE_VERBS` is closed, the shape is not.
_NOT_VERB_TEXT = """the a an this that these those there here it its we i you they he she our my your their his her
    and or but so if when because as while since although though also then now yesterday today tomorrow
    sometimes often again still maybe perhaps indeed yes no not very only just even already all every each
    some many most more much other another one two three four five first second third last next what who how
    why where which in on at for with from by of to about after before during between under over into thank
    thanks welcome good great ok okay well hello hi sorry excuse dear ladies colleagues friends"""
_NOT_VERB = frozenset(_NOT_VERB_TEXT.split())
_OBJECT_TEXT = "the a an your our their this these those them us it all every each more some any back up out down"
_OBJECT_NEXT = frozenset(_OBJECT_TEXT.split())


# Whole words in any script for the imperative shape: the model's ASCII tokens cut "Lucía" into
# "luc a", which read as a verb and its object ("Fund a …") and made a self-introduction an ask.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")


def _imperative_shape(lead: str) -> bool:
    words = _WORD.findall(lead.lower())[:2]
    if len(words) < 2 or not lead[:1].isalpha():
        return False
    first, nxt = words
    return (
        first not in _NOT_VERB
        and not first.endswith(("s", "ed", "ing", "ly"))
        and not first.isdigit()
        and not _SUBJECT_CONTRACTION.match(first)
        and nxt in _OBJECT_NEXT
    )


# "I'm the officer of …", "we're the hub in …", "it's the …": a subject fused with its verb opens
# a statement (a self-introduction, most often), never an imperative; "don't …" and "let's …" do
# open requests and keep their own features.
_SUBJECT_CONTRACTION = re.compile(r"^(?!(?:don|let)['’])\w+['’](?:m|re|s|ve|d|ll)$")


# "the technicians need to learn …", "operators must …": an obligation put on anyone.
_ANY_MODAL = re.compile(r"\b(?:needs? to|must|have to|has to)\s+(?!say|mention|be\b|admit|confess)\w+", re.I)
_FIRST_PERSON_MODAL = re.compile(r"\b(?:we|i)\s+(?:should|must|ought to|need to|have to)\b", re.I)
_QUESTION_START = re.compile(r"^\W*(?:who|what|when|where|why|how|which|is|are|do|does|did|can|could|should)\b", re.I)
_IMPERATIVE = IMPERATIVE_VERBS
_NOT_IMPERATIVE_NEXT = frozenset({"i", "is", "are", "was", "were", "you"})
# "let me", "give me the floor", "allow me to …": floor talk; "send me your examples", "tell me
# where …", "write me" ask for something.
_FLOOR_ME = frozenset({"let", "give", "allow", "excuse", "forgive", "bear"})


def _not_imperative_next(verb: str, nxt: str) -> bool:
    """Whether the word after an imperative verb shows it is no request ("let us", "let me")."""
    return nxt in _NOT_IMPERATIVE_NEXT or (nxt == "me" and verb in _FLOOR_ME) or (verb == "let" and nxt == "us")


# Shared with `analyse.asks` (whether a unit before a colon is only a heading).
ADDRESSEE_HEAD = _ADDRESSEE_HEAD
LEAD = _LEAD
LIST_INTRO = _LIST_INTRO


# Stems of the words seen so far: a session repeats its words, and stemming is a third of
# the feature cost of a unit otherwise.
_stem = lru_cache(maxsize=1 << 16)(suffix_stem)


@lru_cache(maxsize=1 << 16)
def _token(word: str) -> str:
    """A word's stem, or "#" for a number: one cached call a word (a session repeats its words)."""
    return "#" if word.isdigit() else suffix_stem(word)


def _tokens(text: str) -> list[str]:
    return list(map(_token, _TOKEN.findall(text.lower())))


def _ngrams(toks: Sequence[str]) -> list[str]:
    out = [f"u:{t}" for t in toks]
    out += [f"b:{a}_{b}" for a, b in itertools.pairwise(toks)]
    return out


def _length(n: int) -> str:
    return "len:<5" if n < 5 else "len:<12" if n < 12 else "len:<25" if n < 25 else "len:25+"


# `_context`'s search behind its literals (issue 19): most tails hold no alternative's words; same matches
_LIST_INTRO_CUE = Prefiltered(_LIST_INTRO, alternatives=True)


def _context(before: str) -> list[str]:
    """Whether the unit follows an announced list of requests in the same turn."""
    tail = before[-300:]
    found = list(_LIST_INTRO_CUE.finditer(tail))
    intro = found[-1] if found else None
    if intro is None:
        return []
    return ["ctx:intro-need"] if _INTRO_NEED.search(intro.group(0)) else ["ctx:intro"]


# Every pattern the two feature functions search a unit with, in one `PatternSet`: the
# unit's literals are looked up once (`_Unit`) and a pattern whose required words are absent
# is not run at all. Same answers as running each pattern (the set only skips impossible
# ones); ~20 searches of up to 600 characters per unit cost ~1.6 ms on unpunctuated captions.
_SEARCHED: dict[str, re.Pattern[str]] = {
    "ask": ASK,
    "rec": RECOMMEND,
    "commit": COMMIT,
    "policy-subject": POLICY_SUBJECT,
    "to-institution": _TO_INSTITUTION,
    "named-modal": _NAMED_MODAL,
    "we-modal": _FIRST_PERSON_MODAL,
    "modal": _ANY_MODAL,
    "our-will": _OUR_WILL,
    "offer": _OFFER,
    "cleft": _CLEFT,
    "third-need": _THIRD_NEED,
    "could": _COULD,
    "would-like": _WOULD_LIKE,
    "propose": _PROPOSE,
    "would-help": _WOULD_HELP,
    "that-proposal": _THAT_PROPOSAL,
    "we-will": _WE_WILL,
    "hedged-if": _HEDGED_IF,
    "let-us": _LET_US,
    "can-offer": _CAN_OFFER,
    "promise": _PROMISE,
    "named-could": _NAMED_COULD,
    "polite": _POLITE,
    "procedural": PROCEDURAL,
    "floor": FLOOR_CUE,
    "past": _PAST,
    "list-mark": LIST_MARK,
    "please": _PLEASE_VERB,
    "passive-modal": _PASSIVE_MODAL,
    "please-any": _PLEASE_ANY,
    **{f"kw:{name}": pattern for name, pattern in CATEGORIES.items()},
}
_NAMES = tuple(_SEARCHED)
_INDEX = {name: i for i, name in enumerate(_NAMES)}
_SET = PatternSet(_SEARCHED.values())


class _Unit:
    """One unit's text with each pattern's search run at most once, and only when possible."""

    def __init__(self, text: str) -> None:
        self.text = _APPOSITIVE.sub(r"\1 ", text) if "," in text else text  # cues read "we, the X, will" as "we will"
        if "we the " in self.text.lower():
            self.text = _BARE_APPOSITIVE.sub(r"\1 ", self.text)
        self.present = _SET.present(self.text)  # the literals of every searched pattern it holds
        self._found: dict[str, re.Match[str] | None] = {}
        self._tokens: list[str] | None = None

    def search(self, name: str) -> re.Match[str] | None:
        if name not in self._found:
            self._found[name] = _SET.search(_INDEX[name], self.text, self.present)
        return self._found[name]

    def count(self, name: str) -> int:
        """How many non-overlapping matches (as `len(findall)`); 0 without a search when impossible."""
        i = _INDEX[name]
        if not _SET.possible(i, self.present) or self.search(name) is None:
            return 0
        return len(_SET.patterns[i].findall(self.text))

    @property
    def tokens(self) -> list[str]:
        if self._tokens is None:
            self._tokens = _tokens(self.text)
        return self._tokens


# An imperative verb with its object or particle ("Fund the …", "Share your …", "sign up"), not a
# noun phrase that starts with a verb-like word ("sign languages, yes").
_VERB_OBJECT = re.compile(
    rf"(?:{IMPERATIVE_ALT})\s+(?:the|a|an|your|our|their|this|these|those"
    r"|us|them|it|more|all|every|each|some|any|to|up|in|on|with|for|out|back|together)\b",
    re.I,
)


def _lead(text: str) -> str:
    """The unit from the words that carry it: after a caption note, discourse and list markers,
    a short heading, an address, and a vocative ("Donors, …") — but an imperative that opens the
    unit is never taken for a vocative ("Fund the maintenance, not only …")."""
    lead = _HEADS.sub("", _LEAD.sub("", _NOTE.sub("", text, count=1)), count=1)
    return lead if _VERB_OBJECT.match(lead) else _VOCATIVE.sub("", lead, count=1)


def _after_condition(rest: str) -> str:
    """What follows a leading condition whose own commas run on ("if you have a case study,
    especially from the Pacific, send it to us"): the first comma piece that opens with an
    imperative verb, else the text as it was."""
    for piece in rest.split(", ")[1:3]:
        first = piece.split(" ", 1)[0].lower()
        if first in _IMPERATIVE:
            return piece
    return rest


def type_features(text: str, before: str = "", unit: _Unit | None = None) -> list[str]:
    """Features of one unit for the type model (`before`: the turn's text before the unit)."""
    u = unit or _Unit(text)
    shape, lead = _shape_features(text, before, u)
    return _ngrams(u.tokens) + shape + _other_features(text, lead, u)


def _shape_features(text: str, before: str, u: _Unit) -> tuple[list[str], str]:
    """The features that can make a unit ask-shaped (every `EVIDENCE` feature is one of these),
    and the unit's lead: `AskModel.judge` stops here when none is found, as most units of a
    session show none, before the words, length and self-introduction features are worked out."""
    feats: list[str] = []
    lead = _lead(text)
    lead, conditioned = _LEADING_IF.subn("", lead, count=1)
    if conditioned:
        feats.append("after-condition")
        lead = _after_condition(lead)
    timed = _TIME_LEAD.sub("", lead, count=1)
    if timed != lead and timed.split(" ", 1)[0].lower() in _IMPERATIVE:
        lead = timed  # "next year bring this topic to a main session"
    if _imperative_shape(lead):
        feats.append("imperative-shape")
    head = _TOKEN.findall(lead.lower())[:2]
    if head:
        feats.append(f"f:{head[0]}")
        if len(head) > 1:
            feats.append(f"f2:{head[0]}_{head[1]}")
        nxt = head[1] if len(head) > 1 else ""
        if head[0] in _IMPERATIVE and not _not_imperative_next(head[0], nxt):
            feats.append("imperative")
    please = u.search("please")
    if please and please.group(1).lower() in _IMPERATIVE and "imperative" not in feats:
        feats.append("imperative")
    ctx = _context(before)
    feats += ctx
    if u.search("list-mark"):
        feats.append("list-item")
        feats += [f"list-item&{c}" for c in ctx]
    ask, rec, commit = u.search("ask"), u.search("rec"), u.search("commit")
    if ask:
        feats.append("cue:ask")
    if rec:
        feats.append("cue:rec")
    if commit:
        feats.append("cue:commit-flow" if FLOW.search(commit.group(0)) else "cue:commit")
    disjoint = u.present.isdisjoint  # `_SET.possible` inlined: 23 cues a unit, most ruled out by their literals
    for name, feature, options in _TYPE_CUE_TESTS:
        if not any(map(disjoint, options)) and u.search(name):
            feats.append(feature)
    if _ADDRESSEE_HEAD.search(before[-120:]):
        feats.append("ctx:addressee")
        if "imperative" in feats:
            feats.append("imperative&ctx:addressee")
    return feats, lead


def _other_features(text: str, lead: str, u: _Unit) -> list[str]:
    """The type features no `EVIDENCE` feature is among: floor talk, tense, question shape, length."""
    feats: list[str] = []
    if u.search("procedural"):
        feats.append("cue:procedural")
    if u.search("floor"):
        feats.append("cue:floor")
    if u.search("past"):
        feats.append("cue:past")
    stripped = text.rstrip()
    if stripped.endswith("?"):
        feats.append("question-mark")
    if _QUESTION_START.search(lead):
        feats.append("question-start")
    feats.append(_length(len(u.tokens)))
    if is_self_introduction(text):
        feats.append(SELF_INTRO)
    return feats


# Cue features in the order the type model has always listed them (the order does not change
# a prediction, features are a set, but keeps feature lists comparable across versions).
_TYPE_CUES = (
    "policy-subject",
    "to-institution",
    "named-modal",
    "we-modal",
    "modal",
    "our-will",
    "offer",
    "cleft",
    "third-need",
    "could",
    "would-like",
    "propose",
    "would-help",
    "that-proposal",
    "we-will",
    "hedged-if",
    "let-us",
    "can-offer",
    "promise",
    "named-could",
    "polite",
    "passive-modal",
    "please-any",
)
# each type cue with its feature and its pattern's required literal sets (`PatternSet.options`): a cue
# whose sets the unit's literals miss cannot match, so `_shape_features` does not ask it (issue 19)
_TYPE_CUE_TESTS = tuple((name, f"cue:{name}", _SET.options[_INDEX[name]]) for name in _TYPE_CUES)


def category_features(text: str, before: str = "", unit: _Unit | None = None) -> list[str]:
    """Features of one unit for the category model: words plus category keyword hits, with
    hits in the object phrase counted apart ("we need X" is about X), and the object phrase's
    own words and verb (`object_phrase`): what is asked for decides the category, and its words
    generalise where no keyword list names them ("still waiting for a funder")."""
    u = unit or _Unit(text)
    feats = _ngrams(u.tokens)
    verb, window = object_phrase(text, u)
    for name, pattern in CATEGORIES.items():
        hits = u.count(f"kw:{name}")
        if hits:
            feats.append(f"kw:{name}")
            if hits >= 2:
                feats.append(f"kw2:{name}")
        if window and hits and pattern.search(window):  # the object phrase, searched on its own
            feats.append(f"kwin:{name}")
    if verb:
        feats.append(f"verb:{_stem(verb)}")
    feats += [f"obj:{t}" for t in _content_stems(window)]
    if u.search("policy-subject") or u.search("named-modal"):
        feats.append("cue:named-modal")
    if u.search("to-institution"):
        feats.append("cue:to-institution")
    if u.search("list-mark"):
        feats.append("list-item")
        feats += [f"ctx-kw:{name}" for name in _context_categories(before)]
    return feats


# Words that carry no topic of their own in an object phrase ("the", "our", "to", "more").
_FUNCTION_TEXT = """a an the of to for and or in on at with by from into about our your their my his her its this that these
    those some more any all every each other be is are was it we us you they i them me also just really very
    so then please not only at least one two three can could would will should must have has"""
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
# "we ask the treasury to fund …", "we need you to publish …": the verb asked for, after "to".
_TO_VERB = re.compile(r"^(?:[\w'‑-]+\s+){0,5}?to\s+([a-z]+)\b", re.I)


def object_phrase(text: str, unit: _Unit | None = None) -> tuple[str, str]:
    """(verb, object): what a unit asks for. After an ask, recommendation or commitment cue,
    the words up to the first clause break (`ask_window`), with the verb an addressee is asked
    to perform ("we ask the treasury to fund …" → fund); for an imperative ("Publish the
    list …"), its verb and the words after it; for a list item or heading with neither, its
    first words ("Two, a contact person …")."""
    u = unit or _Unit(text)
    trigger = u.search("ask") or u.search("rec") or u.search("commit")
    if trigger:
        window = ask_window(u.text, trigger.end())
        first = window.split(" ", 1)[0].lower() if window else ""
        if first in _IMPERATIVE:
            return first, window[len(first) :].strip()
        to = _TO_VERB.match(window)
        if to and _asked_verb(to.group(1).lower()):
            return to.group(1).lower(), window[to.end() :].strip()
        return "", window
    lead = _LEADING_IF.sub("", _lead(text), count=1)
    words = lead.split(" ", 1)
    first = words[0].lower().strip(",.;:")
    if first in _IMPERATIVE and len(words) > 1:
        return first, ask_window(words[1], 0)
    return "", ask_window(lead, 0)


def _asked_verb(word: str) -> bool:
    """Whether the word after "<addressee> to" is the verb asked for: any of the imperative verbs,
    or any other word of a base form ("ask the training centres to work with the regulators on a
    curriculum": what is asked is to work with someone; the addressee's words, "training", name
    who is asked, not what). The verb list is closed; the shape is not."""
    return word in _IMPERATIVE or (
        word not in _NOT_VERB and not word.endswith(("ing", "ed", "ly")) and not word.isdigit() and len(word) > 2
    )


def _content_stems(window: str) -> list[str]:
    return [_stem(t) for t in _TOKEN.findall(window.lower()) if t not in _FUNCTION_WORDS and not t.isdigit()]


def _context_categories(before: str) -> list[str]:
    """Categories whose keywords the sentence announcing a list names ("Two requests on funding:")."""
    tail = re.split(r"[.?!]\s+", before[-200:].rstrip())[-1]
    return [name for name, pattern in CATEGORIES.items() if pattern.search(tail)]


@dataclass(frozen=True)
class Softmax:
    """A multinomial logistic regression over binary features: `weights[f][k]` for class k."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, Sequence[float]]

    def probabilities(self, feats: Sequence[str]) -> dict[str, float]:
        z = list(self.bias)
        get = self.weights.get
        for w in filter(None, map(get, set(feats))):  # the same additions in the same order, fewer bytecodes
            z = list(map(add, z, w))  # element-wise in C (numpy is no core dependency)
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {c: v / total for c, v in zip(self.classes, e, strict=True)}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Softmax:
        classes = tuple(str(c) for c in data["classes"])  # type: ignore[attr-defined]
        bias = tuple(float(b) for b in data["bias"])  # type: ignore[attr-defined]
        weights = {str(f): tuple(float(x) for x in w) for f, w in data["weights"].items()}  # type: ignore[attr-defined]
        if len(bias) != len(classes) or any(len(w) != len(classes) for w in weights.values()):
            raise ValueError("ask model: every weight row needs one value per class; retrain with bench/train_asks.py")
        return cls(classes, bias, weights)

    def to_json(self) -> dict[str, object]:
        return {
            "classes": list(self.classes),
            "bias": [round(b, 5) for b in self.bias],
            "weights": {f: [round(x, 5) for x in w] for f, w in sorted(self.weights.items())},
        }


# Features that make a unit ask-shaped: a unit with none of them is never an ask, whatever
# its words (long descriptive sentences share many words with asks and are the most
# frequent kind of sentence in a session, far more than in the training sentences).
EVIDENCE = frozenset(
    {
        "imperative",
        "list-item&ctx:intro-need",
        "list-item&ctx:intro",
        "ctx:intro-need",
        "cue:ask",
        "cue:rec",
        "cue:commit",
        "cue:policy-subject",
        "cue:to-institution",
        "cue:named-modal",
        "cue:we-modal",
        "cue:our-will",
        "cue:modal",
        "cue:offer",
        "cue:cleft",
        "cue:third-need",
        "cue:could",
        "cue:would-like",
        "cue:propose",
        "cue:would-help",
        "cue:that-proposal",
        "cue:we-will",
        "cue:hedged-if",
        "cue:let-us",
        "cue:can-offer",
        "cue:promise",
        "cue:named-could",
        "cue:polite",
        "cue:passive-modal",
        "cue:please-any",
        "imperative-shape",
        "ctx:addressee",
        "list-item",
    }
)


_CONTEXT_ONLY = frozenset({"ctx:intro-need", "ctx:addressee"})
# A unit that is only a name and whom the speaker speaks for (`analyse.selfintro`): no evidence
# makes it an ask, whatever words its body's name carries ("… Public Access in Libraries").
SELF_INTRO = "self-intro"


def has_evidence(feats: Sequence[str]) -> bool:
    """Whether a unit is ask-shaped (`EVIDENCE`) and not a self-introduction (`SELF_INTRO`), and not only by its context when it is a
    fragment of under five words ("And from the IGF" before "we would like …"), nor a question
    other than a polite request ("So when we say protect, protect from what exactly?"; questions
    are `analyse.questions`' own; "Could you send it to the list?" is a request)."""
    found = EVIDENCE.intersection(feats)
    if not found or SELF_INTRO in feats:
        return False
    if "question-mark" in feats and "cue:polite" not in found:
        return False
    return not ("len:<5" in feats and found <= _CONTEXT_ONLY)


@dataclass(frozen=True)
class Prediction:
    """What the classifier says about one unit."""

    p_ask: float  # P(ask or recommendation or commitment); 0 when the unit has no ask-shaped evidence
    type: str  # the most likely of the three
    category: str
    categories: dict[str, float]  # P(category), for secondary categories


@dataclass(frozen=True)
class AskModel:
    """Type and category models and the calibrated threshold on P(not none)."""

    type_model: Softmax
    category_model: Softmax
    threshold: float
    notes: Mapping[str, object]

    def predict(self, text: str, before: str = "") -> Prediction:
        unit = _Unit(text)
        feats = type_features(text, before, unit)
        return self._predicted(self._types(feats), text, before, unit)

    def judge(self, text: str, before: str, threshold: float) -> Prediction | None:
        """`predict`, or None when P(ask) < `threshold` (as `predict(...).p_ask < threshold`),
        without the category model's work then: most units of a session are not asks, and a
        unit with no ask-shaped evidence (P(ask) = 0) needs neither model. Same answers as
        `predict` whenever it returns one."""
        unit = _Unit(text)
        shape, lead = _shape_features(text, before, unit)
        if threshold > 0.0 and EVIDENCE.isdisjoint(shape):
            return None  # no evidence (`has_evidence`), so P(ask) = 0 (`_types`): below any positive threshold
        feats = _ngrams(unit.tokens) + shape + _other_features(text, lead, unit)  # `type_features`
        if not has_evidence(feats) and threshold > 0.0:
            return None
        types = self._types(feats)
        if 1.0 - types.get("none", 0.0) < threshold:
            return None
        return self._predicted(types, text, before, unit)

    def categories(self, text: str, before: str = "") -> dict[str, float]:
        """P(category) of a unit alone, without the type model's work: what `analyse.asks`
        asks of a unit the cue rules already found (stop 24: the learned category decides
        there too when it is sure, the keyword score only when it is not)."""
        return self.category_model.probabilities(category_features(text, before))

    def _types(self, feats: list[str]) -> dict[str, float]:
        """P(type) of a unit; a unit with no ask-shaped evidence is no ask, whatever the model says."""
        types = self.type_model.probabilities(feats)
        return {**types, "none": 1.0} if not has_evidence(feats) else types

    def _predicted(self, types: dict[str, float], text: str, before: str, unit: _Unit) -> Prediction:
        """The prediction from the type probabilities: the likeliest kind of ask and its category."""
        kinds = {k: v for k, v in types.items() if k != "none"}
        cats = self.category_model.probabilities(category_features(text, before, unit))
        return Prediction(
            p_ask=1.0 - types.get("none", 0.0),
            type=max(kinds, key=lambda k: kinds[k]),
            category=max(cats, key=lambda k: cats[k]),
            categories=cats,
        )

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> AskModel:
        return cls(
            type_model=Softmax.from_json(data["type"]),  # type: ignore[arg-type]
            category_model=Softmax.from_json(data["category"]),  # type: ignore[arg-type]
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
            notes=dict(data.get("notes") or {}),  # type: ignore[call-overload]
        )

    def to_json(self) -> dict[str, object]:
        return {
            "threshold": round(self.threshold, 4),
            "notes": dict(self.notes),
            "type": self.type_model.to_json(),
            "category": self.category_model.to_json(),
        }


@cache
def load_ask_model() -> AskModel | None:
    """The shipped model (`analyse/data/asks_model.json`), or None when none is shipped."""
    return load_shipped(
        "forumlens.analyse",
        "asks_model.json",
        AskModel.from_json,
        what="ask model",
        rebuild="python bench/train_asks.py",
    )

"""A commitment read by its grammar: the speaker's side, a future modal and an action verb.

Why (issue 22, stop 47): the cue rules (`askcues.COMMIT`) know a commitment by a closed list of
verbs taken on ("we will share / publish / train …"). On rounds 20-31 commitments were the largest
shape of missed ask lines (74 of 154), and most of them were ordinary promises whose verb is not on
that list ("our students' club will make the coverage map of the district this winter", "we will
invite them again, and in writing"), or a chair's closing delivery whose subject is the thing
delivered (`delivery_promise`). What makes them commitments is their grammar, not their verb:

- the subject is the speaker's side: "I", "we", or a body the speaker owns ("our clinic", "my
  ministry");
- the modal puts the deed in the future: "will", "'ll", "shall", "am / are going to";
- the verb is a deed, not talk about the meeting itself (`_TALK`: "I will now hear …", "we will
  take two questions", "I will be brief", "I will say a few words"), nor a negation;
- the subject opens a main clause, not a relative one ("the third point I'll make") nor the meeting's
  next step ("now we'll turn to the second issue");
- the verb takes something: "the result I cannot promise, but the proposal I will make." puts the
  object first, a stance on a thing already named, not a deed announced;
- the deed has a time after the session ("this winter", "by March", "every quarter", "again"): without
  one, "I will put a sheet on the table" and "we will forward the question" are the meeting's own
  business (rounds 1-19 without this: 3 right, 5 wrong);
- the sentence states it: a question ("will we publish it?") or a condition ("if the money is
  there, we will build …": the deed hangs on someone else's) commits to nothing.

`asksentence.CueSentence.commit` reads it only where the cue rules found no commitment, so every cue
commitment is as before. Still missed by design: a deed with no time ("we will continue for Baku"),
and verbs that are floor talk elsewhere ("I will talk to the coordinators tomorrow", "we will start
a radio campaign in January": `_TALK`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, wraps

from forumlens.text.fastre import Prefiltered

__all__ = ["delivery_promise", "own_pledge", "relay_promise"]

# Verbs that speak about the meeting or the speaker's own talk, or say nothing to do: a pledge whose
# verb is one of them is the meeting's business ("I will now hear …", "we will take two questions").
# being, having, wanting, trying: no deed named
_NO_DEED = frozenset(
    {"be", "have", "need", "get", "know", "want", "like", "hope", "think", "let", "keep", "try", "do", "use"}
)
# the speaker's own talk in the room
_ROOM_TALK = frozenset(
    {
        "hear",
        "see",
        "say",
        "tell",
        "talk",
        "speak",
        "discuss",
        "answer",
        "respond",
        "reply",
        "ask",
        "introduce",
        "read",
        "repeat",
        "explain",
        "show",
        "focus",
        "look",
        "mention",
        "describe",
        "present",
        "walk",
        "touch",
        "spend",
        "reflect",
        "note",
        "remind",
        "address",
        "call",
        "listen",
        "check",
        "add",
        "stress",
        "argue",
        "underline",
        "emphasise",
        "emphasize",
        "quote",
        "pick",
        "admit",
        "confess",
        "summarise",
        "summarize",
        "mix",
    }
)
# the floor and the agenda
_FLOOR = frozenset(
    {
        "start",
        "begin",
        "move",
        "go",
        "come",
        "take",
        "give",
        "pass",
        "hand",
        "turn",
        "stop",
        "end",
        "close",
        "wrap",
        "finish",
        "conclude",
        "allow",
        "leave",
        "return",
        "follow",
        "wait",
        "stay",
        "sit",
        "break",
        "meet",
        "lose",
        "miss",
        "remember",
        "welcome",
        "thank",
        "adjourn",
        "pause",
        "chair",
        "moderate",
        "facilitate",
        "unmute",
        "mute",
        "switch",
        "jump",
        "skip",
    }
)
_TALK = _NO_DEED | _ROOM_TALK | _FLOOR
# Words that stand where the verb is when the modal's verb comes later or never ("we will not …", "I'll
# just …", "we will probably …"; `_PLEDGE` keeps a few adverbs of its own before the verb): no deed is
# read from them.
_NOT_A_VERB = frozenset({"not", "never", "just", "probably", "maybe", "also", "still", "only", "now"})
_PLEDGE = re.compile(
    r"\b(?P<subject>we|i|(?:our|my)\s+(?:[\w'‑-]+\s+){0,2}?[\w'‑-]+)"
    r"(?:\s+(?:will|shall|am\s+going\s+to|are\s+going\s+to|is\s+going\s+to)|'ll|'re\s+going\s+to|'m\s+going\s+to)"
    r"(?:\s+(?:also|then|definitely|certainly|personally|gladly|happily|immediately|soon|together|again))?"
    r"\s+(?P<verb>[a-z]+)\b(?!\s*[.!;]|\s*$)",
    re.I,
)
# "the third point I'll make", "what we will do", "now we'll turn to …": the subject opens a relative clause
# (the deed is a thing said) or the meeting's next step, not a deed announced.
_RELATIVE = re.compile(
    r"\b(?:point|points|thing|things|what|which|one|question|comment|remark|word|words|now)\s*,?\s*$", re.I
)
# When the deed falls, after the session ("this winter", "next week", "by the end of March", "every
# quarter", "again"): a promise to the room names its time; "I will put a sheet on the table", "we will
# forward the question" are the meeting's own business, done there and then.
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_WHEN = re.compile(
    r"\b(?:(?:next|this|coming|this\s+coming)\s+(?:week|month|year|spring|summer|autumn|fall|winter|term|season)"
    r"|tomorrow|again|every\s+(?:week|month|quarter|year|day)|(?:by|before|until|from|in|within|after)\s+(?:the\s+end\b|"
    + _MONTH
    + r"|\d+\s+(?:days?|weeks?|months?)|(?:one|two|three|four|six|a\s+few)\s+(?:days?|weeks?|months?)|next\b)"
    r"|" + _MONTH + r"\b)",
    re.I,
)
# "if the money is there, we will build …", "unless the ministry pays, we will …": a condition on the deed.
_CONDITION = re.compile(r"\b(?:if|unless|when|once|as\s+soon\s+as|provided)\b", re.I)
# "our colleagues will", "my question will": a body of the speaker's side, not a thing said.
_NOT_A_BODY = re.compile(
    r"\b(?:question|questions|point|points|time|answer|comment|comments|presentation|slides?|intervention|"
    r"turn|message|proposal|idea|last|first|second|third|next|final)$",
    re.I,
)


# Both readers are asked of every sentence the cue rules leave without a commitment, and again of the
# same words by `analyse.asks` (its unit, a chair's sentence, the "other" kept on record): most
# sentences hold no "will" and no deliverable, which the prefilters see without running the
# patterns, and a text asked again is answered from memory (issue 19).
_PLEDGE_CUE = Prefiltered(_PLEDGE)
Found = re.Match[str] | None
REMEMBERED = 256  # texts whose answers are kept: a sentence and its units are asked within a few calls
REMEMBERED_LONGEST = 20_000  # longer texts (a 2 MB caption line) are read each time, never kept


def _remembered(read: Callable[[str], Found]) -> Callable[[str], Found]:
    """`read`, answered by `functools.lru_cache` for the last `REMEMBERED` texts asked (the answer is
    a pure function of the text: the same match object comes back); a text longer than
    `REMEMBERED_LONGEST` is read each time and never kept."""
    kept = lru_cache(maxsize=REMEMBERED)(read)

    @wraps(read)
    def remembered(text: str) -> Found:
        return read(text) if len(text) > REMEMBERED_LONGEST else kept(text)

    return remembered


@_remembered
def own_pledge(text: str) -> re.Match[str] | None:
    """The first place where `text` states a deed of the speaker's side in the future ("we will start
    a campaign on the radio in January"), or None: the match's `verb` group is the deed taken on."""
    if "?" in text:
        return None
    for m in _PLEDGE_CUE.finditer(text):
        verb = m.group("verb").lower()
        if (
            verb in _TALK
            or verb in _NOT_A_VERB
            or _NOT_A_BODY.search(m.group("subject"))
            or _RELATIVE.search(text, 0, m.start())
        ):
            continue
        if _CONDITION.search(text, 0, m.start()) or not _WHEN.search(text, m.end()):
            return None
        return m
    return None


# What a session hands on after it: its report, summary, notes, slides, recording, answers.
_DELIVERABLE = (
    r"(?:(?:session|workshop|meeting|final|full|short|written|draft|new|chair's|this|the|our|my|a|all|that|these)\s+)*"
    r"(?:report|summary|notes|minutes|slides|recording|recordings|transcript|answers|list|draft|version|proposals"
    r"|messages|video|materials|presentations)\b"
)
# Where it goes: a list, a page, a body, the participants.
_DESTINATION = r"(?:to|on|onto|into|in|through|with)\s+(?:the|our|all|every|each|everybody|everyone|you|them|\w+'s)\b"
_DELIVERY = re.compile(
    # "the session report will go to the Secretariat this week", "this summary goes to the list from me tonight"
    rf"(?:^|(?<=[,;:]\s)|(?<=[,;:]\s\s)|(?<=\band\s)|(?<=\bso\s)|(?<=\bthen\s))(?:[\w'‑-]+\s+){{0,4}}?{_DELIVERABLE}(?:\s+[\w'‑-]+){{0,6}}?\s+"
    rf"(?:will\s+(?:go|be\s+(?:sent|circulated|posted|shared|uploaded|published|put|on)|reach)|goes|go)\s+"
    rf"(?:[\w'‑-]+\s+){{0,3}}?{_DESTINATION}"
    # "Luciano will circulate the notes of today on the mailing list", "the rapporteur will send the report to …"
    rf"|\b(?-i:[A-Z])[\w'‑-]*(?:\s+[\w'‑-]+){{0,2}}?\s+will\s+(?:circulate|send|put|post|upload|include|share|publish)\s+"
    rf"(?:[\w'‑-]+\s+){{0,3}}?{_DELIVERABLE}"
    # "within two weeks you will find the session report on the session page"
    rf"|\byou\s+will\s+(?:find|receive|get)\s+{_DELIVERABLE}",
    re.I,
)

_DELIVERY_CUE = Prefiltered(_DELIVERY, alternatives=True)

# "The report goes to the Secretariat, and the Secretariat gives it to the MAG, this is the normal way":
# the present tense of a habit describes how things go, it promises nothing.
_HABIT = re.compile(r"\b(?:normal(?:ly)?|usual(?:ly)?|always|every\s+time|each\s+time|whenever|as\s+a\s+rule)\b", re.I)


@_remembered
def delivery_promise(text: str) -> re.Match[str] | None:
    """Where `text` says that what the session produced will reach people ("the session report will go
    to the Secretariat this week", "Luciano will circulate the notes on the mailing list by Friday"),
    or None. A chair's closing promise has this shape more often than "we will": the deliverable or
    the colleague who carries it is the subject. A question or a condition is no promise."""
    if "?" in text:
        return None
    m = _DELIVERY_CUE.search(text)
    if m is None or _CONDITION.search(text, 0, m.start()) or _HABIT.search(text):
        return None
    return m


# A question, message or point handed on by the speaker's side to a body not in the room ("I will pass it to
# the Secretariat today", "we will transmit your question to the chair of the working group", "I will take
# it myself to the meeting of the organising group"): the annotators' commitment (a link to institutions,
# `askframes._RELAY`), which `own_pledge` leaves out (no time, or a verb of the floor: "pass", "give") and
# the floor cue reads as a hand-off. The destination is a body by its kind of noun (open names before
# it); "I will pass it to Maria", "we will give it to the next speaker" hand the floor.
_RELAYED_THING = (
    r"(?:it|this(?:\s+one)?|that(?:\s+one)?|them|both|these|those"
    r"|(?:your|the|this|that|these|those|all|both|our|his|her|their)\s+(?:[\w'‑-]+\s+){0,2}?"
    r"(?:questions?|messages?|points?|requests?|concerns?|comments?|proposals?|recommendations?|ideas?"
    r"|issues?|suggestions?|list|results?|findings|handbook|guide|report))"
)
_RELAY_BODY = (
    r"(?:secretariat|mag|ministry|ministries|government|minister|chair|board|committee|council|working\s+group"
    r"|organi[sz]ers|organi[sz]ing\s+group|meeting|igf|network|coalition|department|regulator|rapporteur"
    r"|donors|agency|office|parliament|bureau|commission|authority|leadership|management|team|colleagues)"
)
_RELAY = re.compile(
    r"\b(?:i|we)(?:'ll|\s+will|\s+shall|\s+am\s+going\s+to|\s+are\s+going\s+to)"
    r"(?:\s+(?:also|then|personally|myself|certainly|definitely|gladly|directly))?"
    rf"\s+(?:pass|give|take|bring|transmit|forward|convey|carry|relay|send)\s+{_RELAYED_THING}"
    r"(?:\s+(?:myself|also|too|personally|back|on|over|directly))*"
    rf"\s+to\s+(?:the|our|their|my|your)\s+(?:[\w'‑-]+\s+){{0,4}}?(?P<body>{_RELAY_BODY})\b",
    re.I,
)
_RELAY_CUE = Prefiltered(_RELAY)


@_remembered
def relay_promise(text: str) -> re.Match[str] | None:
    """Where the speaker's side promises to hand a question or a message on to a body (see `_RELAY`), or
    None. A question or a condition is no promise."""
    if "?" in text:
        return None
    m = _RELAY_CUE.search(text)
    if m is None or _CONDITION.search(text, 0, m.start()):
        return None
    return m

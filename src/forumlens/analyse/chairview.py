"""How `analyse.asks` reads a chair's sentence: floor talk, the chair's own commitment, or words read out.

A moderator's sentences are mostly floor management ("we will now hear from …") and promotion, not
the session's asks. `chair_view` says how a sentence is judged: never (floor talk, the opening
welcome), only as the chair's own commitment (`chair_commits`: "I commit to send it by Friday",
the session report on its way to people), or as anyone's sentence when the chair reads out a
participant's words (`_RELAYED`, `_READ_OUT`, `inside_quote`: the chat, a remote hub, a
communiqué read word for word). A chair's sentence that `analyse.presenter` lets present is
judged at `MODERATOR_THRESHOLD`.
"""

from __future__ import annotations

import re

from forumlens.text.fastre import Prefiltered

from .askcues import IMPERATIVE_ALT
from .context import FLOOR_CUE, Sentence
from .pledges import delivery_promise, relay_promise
from .reported import reported_request

__all__ = ["MODERATOR_THRESHOLD", "QUOTE_REACH", "chair_commits", "chair_requests", "chair_view", "inside_quote"]

# A chair's sentence that passed `analyse.presenter` is still more often floor talk than an
# ask (the prior differs from a speaker's): the classifier needs this much to count it there.
MODERATOR_THRESHOLD = 0.5


def chair_view(
    s: Sentence, chair: bool, presented: set[int], opening: bool, quoted: bool = False
) -> tuple[bool, bool] | None:
    """How `find_asks` reads a sentence: None when it is never judged (a moderator's floor talk,
    the opening welcome), else (relayed: a chair reading out a participant's words; own_only: a
    chair's sentence judged only as their own commitment). `quoted`: the sentence stands inside
    a quotation the chair opened after a colon (`inside_quote`), a message read out word for
    word. Shared with the training-row generator (`bench/train_asks.py --gold-rows`), so its
    hard negatives are the units the classifier is really shown."""
    read_out = (
        quoted
        or _RELAYED_CUE.search(s.text) is not None
        or _READ_OUT.match(s.text) is not None
        or reported_request(s.text)
    )
    relayed = chair and s.start not in presented and read_out
    own_only = chair and s.start not in presented and not relayed  # floor talk, unless the chair takes something on
    if own_only and delivery_promise(s.text):
        return relayed, own_only  # "the session report will go to the Secretariat this week": on record, even opening
    if own_only and chair_requests(s.text):
        return False, False  # "please send your comments on the draft by Friday": judged as presented
    if own_only and (
        opening
        or "?" in s.text
        or (FLOOR_CUE.search(s.text) and not relay_promise(s.text))
        or _CHAIR_ROLE.search(s.text)
        or not chair_commits(s.text)
    ):
        return None
    return relayed, own_only


# A chair's own commitment ("I commit to send it before the end of the month", "we will add it")
# is on record in any of their turns, not only in the turns `analyse.presenter` lets present:
# on asks_blind5 three of a chair's commitments were lost that way. Floor talk of the same shape
# ("we will now hear from …") is cut by the floor and procedure cues and the rules' FLOW verbs.
_CHAIR_COMMIT = re.compile(r"\b(?:i|we)\s+(?:hereby\s+)?(?:commit|promise|will|'ll|shall)\b|\b(?:i|we)'ll\b", re.I)


def chair_commits(text: str) -> bool:
    """A chair's own commitment: "I / we will …" (`_CHAIR_COMMIT`) or the session's output on its way
    to people (`pledges.delivery_promise`: "the session report will go to the Secretariat this week")."""
    return _CHAIR_COMMIT.search(text) is not None or delivery_promise(text) is not None


# A chair's own request to the room or to a named body: a request verb with an addressee and the
# deed asked ("I ask every registry in this room to send its table …", "we ask the ministry to
# support …") or a "please" imperative ("please send your comments on the guide before the 15th",
# "please, all of you, register on the platform"). It is the session's ask, not floor talk, unless
# the deed is the floor's own: speaking, introducing, keeping time, the microphone, a question
# asked now (`_FLOOR_DEED`), or the sentence asks a question or hands the floor. Such a sentence is
# judged as a presented one (the rules' cue or the classifier at `MODERATOR_THRESHOLD`).
_FLOOR_DEED = (
    r"(?:speak|talk|introduce|present|take|give|go|come|raise|unmute|mute|keep|be|stay|state|identify|wait"
    r"|welcome|join\s+(?:me|us\s+in)|ask|answer|respond|reply|turn|switch|use|start|begin|continue|wrap|conclude"
    r"|proceed|repeat|let|sit|stand|hold|type|do|put\s+(?:your|the)\s+questions?|post\s+(?:your|the)\s+questions?"
    r"|send\s+(?:your|the|us\s+your)\s+questions?|thank|applaud|enjoy|bear|note|remember|look|see|listen|check)\b"
)
_CHAIR_ASK = re.compile(
    r"\b(?:i|we)\s+(?:(?:would|'d|also|now|just|kindly|strongly|therefore)\s+)*(?:(?:like|want)\s+to\s+)?"
    r"(?:ask|urge|invite|encourage|call\s+(?:up)?on|request|appeal\s+to)\s+"
    rf"(?!you\b)(?:(?!to\b)[\w'‑-]+\s+){{1,8}}?to\s+(?!{_FLOOR_DEED})[a-z]+"
    # after "please" an imperative verb, maybe behind an aside ("please, everybody in the room, register …",
    # "please, before you leave, fill in …"); not "please, the gentleman at the back" (a speaker named)
    rf"|(?:^|[,:;]\s*|\b(?:and|so|now|also|then)\s+)please\s*,?\s+(?:[^,.;:?!]{{1,50}},\s*)?"
    rf"(?!{_FLOOR_DEED})(?:{IMPERATIVE_ALT})\b",
    re.I,
)


def chair_requests(text: str) -> bool:
    """A chair's own request to the room or a named body (`_CHAIR_ASK`), not a question nor a hand-off."""
    return "?" not in text and FLOOR_CUE.search(text) is None and _CHAIR_ASK.search(text) is not None


# What a chair says about their own role or the meeting ("I will moderate", "I will summarise",
# "my name is …, I will …") is not a commitment to the session's work.
_CHAIR_ROLE = re.compile(
    r"\b(?:welcome|my name|i am|i'm|moderat\w*|chair\w*|summari[sz]\w*|introduc\w*|wrap|close|closing"
    r"|(?<!this )(?<!next )(?<!same )time|minutes?)\b",
    re.I,
)
# "Ngozi from the coalition writes: please do not forget …", "one last message from the hub in
# Lagos, …: please, the organisers, invite …": a chair reading out a participant's words (the
# chat, a remote hub) in a sentence of their own. What follows the colon is the participant's,
# judged as anyone's sentence at the classifier's threshold, not as the chair's floor talk; on
# asks_blind9 three such asks were lost to the chair's rules. A relayed question stays a
# question (`analyse.questions` tracks it and its sentence is skipped here).
_RELAYED = re.compile(
    r"\b(?:writes|wrote|says|adds|posted|types|messages?\s+from|comments?\s+from)\b[^.?!:;]{0,80}:\s+\S"
    # "… from Priya in Klang:  \"not a question, but pls make …\"", "he asks me to read it:  \"The IGF
    # should …\"": a message read out word for word in quotation marks after a colon (asks_blind11
    # lost five asks of chat, WebEx and Slido messages read out so).
    r"|:\s+[\"“]\s*\S"
    # "Seini writes from Tonga, it's not a question, she says the partners should pay …": a message
    # retold in reported speech, no colon (asks_blind16 lost such a Q&A-box comment with the cast).
    r"|\b(?:writes|wrote|posted|types|typed)\b[^.?!:;]{0,80}?\b(?:(?:she|he|they)\s+(?:says|writes|asks)|not\s+a\s+question)\b",
    re.I,
)
# Searched only where one alternative's words are (issue 19): same matches
_RELAYED_CUE = Prefiltered(_RELAYED, alternatives=True)
_QUOTE_OPEN = re.compile(r":\s+[\"“]")
# A chair's sentence that opens with a quotation mark is a text read out word for word, not floor
# talk: a communiqué paragraph put for adoption ('Paragraph two.  "We call on the regulators …"'),
# a message read without an announcing colon. asks_blind14 lost every paragraph of a Day 0
# communiqué so (five asks); the classifier still decides whether the text asks for anything.
_READ_OUT = re.compile(r"\s*[\"“]\s*\w")


# How far back a read-out message's opening is looked for: messages read out are a few sentences,
# and a bounded look keeps a chair's very long turn linear (issue 19).
QUOTE_REACH = 1500


def inside_quote(text: str, at: int) -> bool:
    """Whether offset `at` of a turn lies inside a quotation opened after a colon (within
    `QUOTE_REACH` characters) and not yet closed: the second and later sentences of a message
    a chair reads out word for word (the first carries the colon itself, `_RELAYED`)."""
    opened = None
    for m in _QUOTE_OPEN.finditer(text, max(0, at - QUOTE_REACH), at):
        opened = m.end()
    if opened is None:
        return False
    between = text[opened:at]
    return '"' not in between and "”" not in between

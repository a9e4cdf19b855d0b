"""Which sentences are questions: housekeeping set aside, read-out items split, a '?' inside a caption line.

Why a module of its own: whether one sentence is a question is asked before anything is grouped
or judged, of every sentence of every turn, and by other stages too (`threads.items` reads
`is_housekeeping`); the rules are the first list of `analyse.questions`' docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from ..text.fastre import Prefiltered
from ._regex import compile_cue
from .behalf import QUESTION_WORD
from .context import AnalysisContext, Sentence
from .cues import (
    AGENDA_STATEMENT,
    ASK_FRAME,
    FLOOR_INVITE,
    FLOOR_REQUEST,
    LOGISTICS,
    MOD_FRAME,
    PRESENCE_CHECK,
    PROCEDURAL,
    SELF_ANSWER,
    TIMEKEEPING,
    WH_AFTER_COMMA,
    WH_START,
    CheckMemo,
    content_words,
    is_procedural,
)
from .questioncues import (
    CHAT_CHECK,
    CONSENT_CALL,
    DEFERS_FAST,
    FLOOR_GIVING,
    FLOOR_OPEN,
    HEADED,
    QUOTED_RELAY,
    REPORTED,
    REPORTED_ITEM,
    SENDER,
    TECH_CHECK,
    reported_asker,
    verbless,
)

if TYPE_CHECKING:
    pass


_ENDS_Q = re.compile(r"\?[\"'”’)\].!]*\s*$")
_YOU = re.compile(r"\byou(r)?\b", re.I)
_VOCATIVE = re.compile(r"^\W*([A-Z][\w‑'-]+(?: [A-Z][\w‑'-]+)?),\s")  # "Eli, what do …": the name addressed
_NOTE = re.compile(r"[(\[][^()\[\]]*[)\]]")
_THANKS = re.compile(r"^\W*(thank|thanks|welcome|great|ok|okay|good|absolutely|indeed|sure)\b", re.I)
_PASS_ON = compile_cue(
    r"\b(answer|respond to|take|react to|address|pick up) (that|this|it)\b"
    r"|\b(want|like|wish|care) to (comment|respond|react|reply|answer|come in|say (something|a word)|add (something|anything))"
    r"( (on|to) (that|this|it))?\W*$"
    r"|\b(can|could|would|will) you (please |briefly |quickly )?(comment|respond|react|reply|answer|come in)\W*$",
    re.I,
)
# A moderator sending a question on ("Markus, that is a question for the secretariat."): a
# statement about the question before it, not a question of its own (`MOD_FRAME` reads "a
# question for" as the frame of one).
_REDIRECT = compile_cue(
    r"^\W*(?:[A-Z][\w‑'-]+(?: [A-Z][\w‑'-]+)?,\s*)?(?:that|this|it)(?:'s|’s| is| was| would be)\s+"
    r"(?:(?:a|an|one|the)\s+)?(?:(?:good|great|fair|important|valid|difficult|tough|big|interesting|better)\s+)?"
    r"question\s+(?:for|to)\b[^?:]*$",
    re.I,
)
_QUESTION_WORD = QUESTION_WORD
_AUX = "do|does|did|can|could|would|will|should|is|are|was|were|has|have"
_WH_OR_AUX = "how|what|why|who|when|where|which|is|are|do|does|did|can|could|should|would|will|has|have"
# One of several questions read out in one sentence ("three questions left: from Kofi, how
# will …; from Rita, is there …", "one question online from Samuel he asks if … and the
# second also online from Yuki what is …"; "Dhaka asks: why do …"): "from" + a capitalised
# name + a question-shaped clause, or a name + "asks:". A sentence holding two or more is cut
# into one question per item (`_relay_pieces`); a sentence holding one is a question read out
# for that name and starts a question of its own.
_RELAY_ITEM = re.compile(
    r"(?:\b[Ff]rom\s+(?P<name>[A-Z][\w‑'-]+(?:\s+[A-Z][\w‑'-]+){0,2})(?:\s+in\s+[A-Z][\w‑'-]+)?\s*[,:]?\s*"
    r"(?:(?:he|she|they)\s+(?:asks?|is asking|wants? to know|would like to know|wonders?|writes?|is|are)(?:\s+"
    r"(?:if|whether|how|what|why|who|when|where|which|about)\b|[^:?.]{0,60}?:\s*(?i:" + _WH_OR_AUX + r")\b)"
    r"|(?<=[,:])\s*(?P<wh>(?i:" + _WH_OR_AUX + r"))\b|(?<![,:])(?:what|how|why)\s+(?i:" + _AUX + r")\b"
    # "from Dmytro K., for Baraka:  how much …?", "from Mbali in Eswatini, to the whole panel:  who …?": the
    # addressee heading of a Q&A-box item, then the question, whatever word opens it, up to its "?"
    r"|(?:for|to)\s+(?P<to>(?:the\s+)?(?:whole\s+)?(?:panel(?:lists)?|speakers|everybody|everyone|all of you|all)\b"
    r"|(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?[A-Z][\w‑'-]+(?:\s+[A-Z][\w‑'-]+)?)\s*:\s+(?=[^?.!]{3,300}\?))"
    r"|\b(?!(?:He|She|They|It|Everyone|Everybody|Someone|Somebody|One|This|That)\b)(?P<asker>[A-Z][\w‑'-]+)\s+(?:asks|is asking|wants to know|would like to know"
    # "Aroha writes from New Zealand, I read it: how do …": a message read out, from where it is written
    r"|writes(?=\s+from\s+[A-Z][^.?!:]{0,60}:))"
    r"(?:\s+from\s+(?:[A-Z][\w‑'-]+\s*){1,3}(?:,\s*(?:and\s+)?(?:I|let me)\s+read\s+it)?)?"
    r"(?:\s+(?:the\s+)?(?:panel(?:lists)?|speakers|everybody|everyone|all|[A-Z][\w‑'-]+))?"
    r"(?:\s*:\s+\S|\s*,\s+(?i:" + _WH_OR_AUX + r")\b|\s+(?i:if|whether)\b))"
)
# What ends right before a "NAME asks:" asker when NAME is the last word of a longer phrase
# ("a remote participant from the Ghana IGF asks:"): a determiner, then at most two capitalised
# words ("And Dhaka asks:" keeps Dhaka).
_INSIDE_PHRASE = re.compile(r"\b(?:the|a|an|our|their|this|that)\s+(?:[A-Z][\w‑'-]*\s+){0,2}$")
# A question put to a named person by a heading: "For Laura: who pays …", "And a second small
# one for Tariq: are your …", "Question to Amara: did …".
# A numbered one too, and a titled surname: "First for Ms. Gitau: did …?".
_FOR_PERSON = re.compile(
    r"(?:^\W*(?:(?i:first|second|third|then|next|finally|lastly)\W+)?|\b(?:question|one|and)\s+(?:\w+\s+){0,2}?)"
    r"(?:for|to)\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?([A-Z][\w‑'-]+)\s*:\s"
)
# "Why …? Because …" answers itself; after any other question "because" gives the reason for asking.
_WHY = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:why|how come)\b", re.I)


def _bare(text: str) -> bool:
    """One or two words and no question word: a name called out or a "No?", not a question."""
    return len(text.split()) <= 2 and not _QUESTION_WORD.search(text)


def _logistics(text: str) -> bool:
    """A short yes/no question about screens, sound, slides, time slots or photos."""
    return len(text.split()) <= 14 and bool(LOGISTICS.search(text))


def is_housekeeping(text: str, memo: CheckMemo | None = None) -> bool:
    """Whether a sentence manages the floor rather than asks something (rules in the module docstring).

    The shape decides, not the topic: the floor-management patterns must cover the whole
    sentence once a leading vocative is set aside, so "How do we protect children
    online?" stays a question while "Ana, anything online?" does not; a sentence about
    time is housekeeping only without a question word or a first-person question frame
    ("We're nearly out of time: what is the one change you would make?" asks something).
    """
    t = text.strip()
    rest = _VOCATIVE.sub("", t, count=1)
    if (is_procedural(t, memo) or (rest != t and is_procedural(rest, memo))) and not _asks_beyond_procedure(t):
        return True
    if FLOOR_REQUEST.search(rest) or PRESENCE_CHECK.search(rest) or _logistics(rest):
        return True
    if CHAT_CHECK.search(rest) or TECH_CHECK.search(rest) or CONSENT_CALL.search(rest) or FLOOR_GIVING.search(rest):
        return True
    if TIMEKEEPING.search(t) and not (_QUESTION_WORD.search(t) or ASK_FRAME.search(t)):
        return True
    return _bare(rest)


PROCEDURE_ROOM = 6  # content words a question holds beyond its floor-management words


def _asks_beyond_procedure(text: str) -> bool:
    """A question whose floor-management words are a small part of it ("For Thandiwe: what is
    the role of the mobile operators in your NRI, do they participate or do they see you as a
    critic?" holds "see you"): a question word comes before the first floor-management words
    and, those set aside, at least `PROCEDURE_ROOM` content words remain, so it asks something;
    "Can you hear us?" or "Is there anybody else in the room who …?" open with the procedure."""
    asks = _QUESTION_WORD.search(text)
    first = PROCEDURAL.search(text)
    if "?" not in text[-4:] or asks is None or first is None or first.start() < asks.end():
        return False  # "Is there anybody else in the Zoom room who …?" opens with the procedure
    return len(content_words(PROCEDURAL.sub(" ", text))) >= PROCEDURE_ROOM


# "What I would ask from governments is clear rules: …", "What we need is …": a statement
# (a pseudo-cleft ask) that opens with a question word, not a question.
# A heading that announces a question ("And a question for the Quito hub, …:").
QUESTION_HEAD = re.compile(r"\b(?:question|one)\s+(?:is\s+)?(?:for|to)\b", re.I)
# "I will ask each of them the same question: …", "my question to all of you is …": an
# opening question put to the speakers, not a rhetorical opener ("Who do you call? Most
# citizens have no idea. That is our topic.").
_PUT_TO_PANEL = re.compile(
    r"\b(?:ask|put to)\s+(?:each of |all of |every one of )?(?:them|you|our speakers|the speakers|the panel(?:ists)?)"
    r"\b[^.?!]{0,30}\bquestion|\bquestion (?:to|for) (?:all of you|each of you|the panel|our speakers|you all)\b",
    re.I,
)
_BECAUSE = re.compile(r"^\W*because\b", re.I)
# The speaker's own answer that names no one or nothing ("Who owns the data?  Nobody can tell
# you.", "Who pays?  Not the operator, …"): the question before it is rhetorical, like one
# answered "No." (`SELF_ANSWER`). Only after the speaker's own "?": a chair's reply opening
# "Nobody from the ministry is here" is judged by the fate rules, not this.
_NONE_ANSWER = re.compile(
    r"^\W*(?:nobody|no one|no-one|none|not (?:the|a|an|us|them|him|her|one|yet|today|now))\b", re.I
)
_CLEFT_STATEMENT = re.compile(r"^\W*what\s+(?:i|we)\b[^?,;:]{0,50}?\b(?:is|are|was)\b", re.I)


def is_question_sentence(
    text: str, moderator: bool, following: str = "", floor: bool = False, memo: CheckMemo | None = None
) -> bool:
    """Whether one sentence puts a question (see the module docstring for the rules).

    `floor`: the speaker was given the floor to ask (a participant after "let's take
    questions from the floor"), so their "?" sentences are questions even without "you".
    """
    t = text.strip()
    if is_housekeeping(t, memo):
        # "A question for the hub, if they can still hear us: is there a youth group …?" —
        # the floor check is the heading, the question follows the colon.
        head, colon, tail = t.rpartition(":")
        tail = tail.strip()
        if not colon or len(tail.split()) < 4 or not _ENDS_Q.search(tail) or is_housekeeping(tail, memo):
            return False
        return bool(moderator or floor or _YOU.search(tail) or QUESTION_HEAD.search(head))
    ends_q = bool(_ENDS_Q.search(t)) or "?" in t[-4:]
    if not ends_q and (AGENDA_STATEMENT.search(t) or _CLEFT_STATEMENT.search(t)):
        return False
    if not ends_q and _REDIRECT.search(t):
        return False  # "Markus, that is a question for the secretariat."
    if ASK_FRAME.search(t):
        return True
    own_answer = SELF_ANSWER.match(following) or _NONE_ANSWER.match(following)
    if ends_q and own_answer and (_WHY.match(t) or not _BECAUSE.match(following)):
        return False
    if moderator:
        head, colon, tail = t.rpartition(":")
        # "Youssef, you can keep it for your last words if you prefer:  in Tunisia, did …?":
        # the offer to defer is the heading, the question follows the colon
        headed = bool(colon) and len(tail.split()) >= 4 and not DEFERS_FAST.search(tail)
        if ends_q and (_handoff(t) or (DEFERS_FAST.search(t) and not headed)):
            return False  # "Joseph, on the quality?", "… and we come back to it before the end?"
        return ends_q or bool(WH_START.search(t) or WH_AFTER_COMMA.search(t) or MOD_FRAME.search(t))
    if floor and REPORTED.match(t):
        return True  # "He asks if the BPF will continue next year …", read out for someone
    if ends_q and _BECAUSE.match(following) and not _WHY.match(t):
        return True  # "Is there a fund for NRIs, or not?  Because we hear different things."
    return ends_q and (floor or bool(_YOU.search(t)) or bool(HEADED.search(t)))


def _handoff(text: str) -> bool:
    """A moderator's short verbless question that calls a name or names a topic ("Joseph, on
    the quality?", "Mariam, the cost?", "And the evaluation of the funds?"): it gives the
    floor to answer an earlier question and asks nothing new (`questioncues.verbless`)."""
    rest = _VOCATIVE.sub("", text.strip(), count=1)
    words = len(rest.split())
    return words <= 8 and verbless(rest.rstrip("?!. ")) and (rest != text.strip() or words <= 6)


def _floor_turn(ctx: AnalysisContext, index: int) -> bool:
    """A turn by someone invited from the floor, or by a participant."""
    if ctx.people[index].role in ("participant", "remote-hub"):
        return True
    for j in range(index - 1, max(-1, index - 3), -1):
        if ctx.turns[j].kind == "speech" and _words(ctx.turns[j].text) >= 2:
            if not ctx.is_moderator(j):
                return False
            text = ctx.turns[j].text
            tail = text[-300:]
            return bool(FLOOR_INVITE.search(tail) or FLOOR_OPEN.search(tail)) or _called_to_ask(ctx, j, index)
    return False


def _called_to_ask(ctx: AnalysisContext, mod: int, index: int) -> bool:
    """The moderator's last sentence is a short question calling this speaker by name ("Rui,
    your hand is up again?"): a call to speak from the floor, not a question to answer, when
    the speaker has not spoken since their last question. Structural: a call by name that asks
    nothing of substance."""
    last = ctx.sentences[mod][-1] if ctx.sentences[mod] else None
    name = ctx.people[index].name
    if last is None or not name or len(last.text.split()) > HANDOFF_WORDS or "?" not in last.text:
        return False
    called = _vocative(last.text)
    return bool(called) and called in name.split()


def _has_content(text: str) -> bool:
    t = text.strip()
    return bool(_ENDS_Q.search(t) or WH_START.search(t) or WH_AFTER_COMMA.search(t)) or "?" in t[-4:]


@lru_cache(maxsize=4096)
def _words(text: str) -> int:
    """Words of a text, caption notes left out. Kept per text: the fate rules count the same
    answer turns again for every question that looks past them (`empty_turn`)."""
    return len(_NOTE.sub(" ", text).split())


_RELATIVE = frozenset({"who", "which", "where", "when"})
_READ_OUT = re.compile(r"\b(?:questions?|chat|asks?)\b", re.I)
_ONLINE = re.compile(r"\bonline\b", re.I)


def _relay_item(text: str, m: re.Match[str]) -> bool:
    """A `_RELAY_ITEM` match reads a question out, unless its "who"/"which"/"where"/"when"
    after a comma opens a relative clause ("a colleague from Kenya, who works …"): those count
    only after a word that announces read-out questions ("questions", "chat", "online")."""
    if m.group("asker") and _INSIDE_PHRASE.search(text, 0, m.start("asker")):
        return False  # "the Ghana IGF asks:": the asker is a longer phrase, not one name
    wh = m.group("wh")
    if not (wh and wh.lower() in _RELATIVE):
        return True
    # "online" announces read-out questions only in a sentence that asks ("… online from
    # Moscow, who will help with the remote participation." introduces a co-moderator).
    return bool(_READ_OUT.search(text, 0, m.start()) or (_ONLINE.search(text, 0, m.start()) and "?" in text))


_READS_OUT = re.compile(r"\b(?:questions?|chat|e-?mails?|online|hub|remote|zoom|asks?)\b", re.I)
_RELAY_ROOM = re.compile(
    r"^(?:the\s+)?(?:whole\s+)?(?:panel(?:lists)?|speakers|everybody|everyone|all of you|all|you)$", re.I
)
_RELAY_CHAIR = re.compile(r"^(?:the\s+)?(?:chair|moderator)$", re.I)


@dataclass(frozen=True)
class _Relay:
    """One question read out for someone: where it starts in its sentence, for whom, to whom,
    and, for one read inside quotation marks, where the quotation opens in its turn (`quote`)."""

    start: int
    name: str | None
    to: str | None = None
    quote: int | None = None


@dataclass(frozen=True)
class Quoted:
    """A quotation read out for someone (`QUOTED_RELAY`): where its cue starts, where the quoted
    words open and close in the turn's text, whose words they are and to whom they go."""

    cue: int
    start: int
    end: int
    name: str
    to: str | None


_ASKING = re.compile(r"(?:asks|asked|is asking|wants to know|would like to know|wonders)$", re.I)
# The sender a question or message is counted out from ("one question from Rustam Toktomushev, he
# … follows from Dushanbe.  He asks, "…?""): the name after "question from", not the last "from".
_QUESTION_FROM = re.compile(
    r"\b(?:questions?|messages?|comments?)\s+(?:is\s+|comes\s+)?from\s+([A-Z][\w‑'-]+(?:\s+[A-Z][\w‑'-]+){0,2})"
)


def _counted_sender(before: str) -> str | None:
    """The sender of the last question counted out in `before` ("one question from NAME"), unless
    a later item is counted out from someone else ("… And the second is from Ben.")."""
    sender = list(_QUESTION_FROM.finditer(before))
    if not sender:
        return None
    later = [m for m in SENDER.finditer(before) if m.start() > sender[-1].start()]
    return None if later else sender[-1].group(1)


QUOTE_REACH = 800  # characters a quotation read out may run when the captions lose its closing mark
_CLOSE = {'"': '"', "“": "”"}


@lru_cache(maxsize=256)
def quoted_relays(turn_text: str) -> tuple[Quoted, ...]:
    """The quotations a turn reads out for someone (`QUOTED_RELAY`), in order: each runs from its
    opening mark to the closing one (or to the next quotation read out, or `QUOTE_REACH`, where the
    captions lost the closing mark). A pronoun's asker is the name read just before it
    (`reported_asker`), and a named asker's quotation counts only in a turn that reads something out
    (a word of the chat, e-mail or hub, a question counted out, a sender "from NAME") unless its verb
    asks ("Hamid asks, "…?""): a speaker quoting a minister's "Why should we pay?" in
    their own story reads nothing out."""
    found: list[Quoted] = []
    cues = [m for m in QUOTED_RELAY.finditer(turn_text) if "\n" not in turn_text[m.start() : m.start("open")]]
    for k, m in enumerate(cues):
        start = m.end()
        close = turn_text.find(_CLOSE[m.group("open")], start)
        limit = min(cues[k + 1].start() if k + 1 < len(cues) else len(turn_text), start + QUOTE_REACH)
        end = close if 0 <= close < limit else limit
        before = turn_text[max(0, m.start() - 300) : m.start()]
        reads_out = bool(_READS_OUT.search(before) or _names_a_sender(before))
        name = m.group("sender") or m.group("asker")
        if m.group("pron"):
            name = _counted_sender(before) or (reported_asker(before) if reads_out else None)
        elif m.group("asker") and _INSIDE_PHRASE.search(turn_text, 0, m.start("asker")):
            name = None  # "the Ghana IGF asks, …": the asker is a longer phrase, not one name
        elif m.group("asker") and not (reads_out or _ASKING.match(m.group("verb"))):
            name = None  # "the minister says, "why should we pay?"": a quotation in the speaker's story
        if name:
            found.append(Quoted(m.start(), start, end, name, m.group("to")))
    return tuple(found)


def _quoted_item(text: str, turn_text: str, rel: int) -> _Relay | None:
    """The relay of a sentence that asks inside a quotation read out for someone (`quoted_relays`):
    its "?" (at its end, before any closing marks) falls between the quotation's marks."""
    if "?" not in text or not _ENDS_Q.search(text):
        return None
    mark = rel + text.rstrip().rstrip("\"'”’)]. ").rfind("?")
    if mark < rel:
        return None
    for q in quoted_relays(turn_text):
        if q.start <= mark < q.end:
            return _Relay(max(0, q.cue - rel), q.name, q.to, q.start)
    return None


# `REPORTED_ITEM` runs on every sentence of every turn (~35 µs each, case-insensitive with a
# name before its verb) and needs an asking verb ("asks", "wants to know", "wonders"): behind
# its literal prefilter (`fastre`) only the few sentences holding one are scanned, with the
# pattern's own matches (issue 19). `_RELAY_ITEM` is cheap and its "from" is in most
# sentences: a prefilter would cost more than it saves.
_REPORTED_SCAN = Prefiltered(REPORTED_ITEM)


# A speaker naming themselves before the "from": "My name is Ana, from Brazil", "I am Jo Li, from
# Kenya" say where the speaker is from, not whose question is read out.
_SELF_NAMED = re.compile(r"\b(?:[Mm]y name is|I am|I['’]m)\b[^.!?]*$")


def _names_a_sender(before: str) -> bool:
    """Whether `before` names someone a question comes from ("The first is from Ines", "Yes, from
    Rahul, he says …") other than the speaker introducing themselves."""
    return any(_SELF_NAMED.search(before, 0, m.start()) is None for m in SENDER.finditer(before))


def relay_items(text: str, turn_text: str, rel: int) -> list[_Relay]:
    """The questions a sentence reads out for others (`_RELAY_ITEM`, `REPORTED_ITEM`), in order.

    A reported item whose asker is a pronoun ("he asks if …") counts only in a turn that
    reads questions out (a word of the chat, e-mail or hub, or a sender "from NAME": `SENDER`)
    and names the asker before it (`questioncues.reported_asker`): a speaker's own story ("my
    daughter, she asks why …") reads nothing out."""
    items = [
        (m.start(), m.end(), _Relay(m.start(), m.group("name") or m.group("asker"), m.group("to")))
        for m in _RELAY_ITEM.finditer(text)
        if _relay_item(text, m)
    ]
    for m in _REPORTED_SCAN.finditer(text):
        if any(a < m.end() and m.start() < b for a, b, _ in items):
            continue  # the same item, already read by `_RELAY_ITEM`
        name = m.group("asker")
        if m.group("pron"):
            before = turn_text[max(0, rel + m.start() - 300) : rel + m.start()]
            name = reported_asker(before) if _READS_OUT.search(before) or _names_a_sender(before) else None
            if name is None:
                continue
        elif _INSIDE_PHRASE.search(text, 0, m.start("asker")):
            continue  # "the Ghana IGF asks:": the asker is a longer phrase, not one name
        items.append((m.start(), m.end(), _Relay(m.start(), name, m.group("to"))))
    if not items and turn_text:
        quoted = _quoted_item(text, turn_text, rel)
        if quoted is not None:
            return [quoted]
    return [r for _, _, r in sorted(items, key=lambda x: x[0])]


def _relay_pieces(s: Sentence, turn_text: str = "") -> list[tuple[Sentence, _Relay | None]]:
    """The sentence, or one piece per relayed question when it reads out two or more
    (`relay_items`), each with the name it is read for."""
    items = relay_items(s.text, turn_text, s.rel)
    if not items:
        return [(s, None)]
    if len(items) == 1:
        return [(s, items[0])]
    out: list[tuple[Sentence, _Relay | None]] = []
    for k, m in enumerate(items):
        a = 0 if k == 0 else m.start
        b = items[k + 1].start if k + 1 < len(items) else len(s.text)
        out.append((_piece(s, a, b), m))
    return out


def _piece(s: Sentence, a: int, b: int) -> Sentence:
    """The part `a:b` of sentence `s`, trimmed, as a sentence of its own (line counted on)."""
    piece = s.text[a:b]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    line = s.line + s.text.count("\n", 0, a + lead)
    return Sentence(s.turn, s.start + a + lead, s.start + a + lead + len(piece), line, piece, s.rel + a + lead)


# A question mark inside a sentence the splitter kept whole because a lower-case word follows
# ("… why the state cannot tell the exam board to change? and a small comment, …"): captions
# written in lower case lose the capital that marks the next sentence, not the "?".
INNER_Q_WORDS = 6
_INNER_Q = re.compile(r"\?[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[a-z])")


def _question_marks(s: Sentence) -> list[Sentence]:
    """The sentence cut after every inner "?" that a lower-case word follows (`_INNER_Q`) and
    that closes a clause of at least `INNER_Q_WORDS` words: a short tag before more words ("can
    i answer, yes? so for the women, …", "okay? and then …") asks nothing and stays inside."""
    cuts, last = [], 0
    for m in _INNER_Q.finditer(s.text):
        if len(s.text[last : m.start()].split()) >= INNER_Q_WORDS:
            cuts.append(m.end())
        last = m.end()
    if not cuts:
        return [s]
    bounds = [0, *cuts, len(s.text)]
    return [_piece(s, a, b) for a, b in pairwise(bounds) if s.text[a:b].strip()]


def _vocative(text: str) -> str | None:
    """The name a sentence opens by addressing ("Eli, what do regulators think …")."""
    match = _VOCATIVE.match(text)
    return (
        match.group(1) if match and match.group(1).lower() not in {"so", "now", "and", "yes", "well", "again"} else None
    )


HANDOFF_WORDS = 10  # a moderator's question this short can be a call to speak

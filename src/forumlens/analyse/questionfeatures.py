"""The shape of what follows a question, as features for the question-fate model.

Why features and not verdicts: the hand-written fate rules of `analyse.questions` were
fitted to the ways our development sessions leave questions open and kept 1 of 13
not-answered questions on the next unseen set. What generalises is the *shape* of the
exchange: who speaks next (the addressee, the asker, the moderator, someone else), what
the moderator does next (a new question, a hand-off, closing for time, their own words
before moving on: not knowing, forwarding by email), whether the reply closes the
session, how many
questions were batched together, how much of the question the following turns repeat,
how close the session's end is, and whether the addressee ever speaks again. Cue phrases
(time, closing, deferral, declining) enter as features too, weighted by data instead of
trusted as rules (`analyse.questionmodel` holds the weights; `bench/train_questions.py`
fits them). Every feature is a string; numbers are bucketed so the model stays a small
logistic regression over binary features, like the ask classifier. A reply that takes up
several questions by their askers' names ("Layla, yes, … Jean-Baptiste, we will ask her by
email") or by parts ("the first part …") is read in the part that is this question's
(`addressed_part`, `questioncues.ordinal_part`); an aside that comes only after the reply has
answered ("… and for the commission, let me take it after") is `late:`, not `aside:`.

Pure functions of an `AnalysisContext` and the question groups of `analyse.questions`;
training and inference both call `fate_features`, so they cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice, takewhile

from ..text.fastre import PatternSet, Prefiltered
from ..text.roomwords import COURTESY_OPENERS, JOINER_OPENERS, titled
from ..text.suffixes import Suffixes
from ._regex import compile_cue
from .context import AnalysisContext
from .cues import CUT_OFF, DECLINE, PARKING, QUESTION_REF, RETURN_TO, SELF_ANSWER, TIMEKEEPING, content_words
from .questioncues import ANSWERS_NOW, DEFERS, NOT_KNOWN, TIME_SHORT, ordinal_part, without_read_back
from .questionfates import NON_ANSWER_WORDS
from .questions import (
    ANSWER_WINDOW,
    BRIEF,
    OVERLAP,
    QuestionGroup,
    answers_then_promises,
    calls_next,
    cut_off,
    empty_turn,
    mod_answers,
    question_turn,
    same_question,
    same_speaker,
    substantive,
    takes_up,
    word_overlap,
)
from .questions_later import later_turns
from .questionsentences import _words
from .restated import only_restates

__all__ = [
    "ASIDES",
    "CLOSING",
    "DEFER",
    "NOT_KNOWN",
    "NOT_NAMES",
    "FateContext",
    "addressee_returns",
    "fate_features",
    "following_turns",
    "replier_returns",
    "said_lower",
    "topic_word",
]

# A moderator closing the session or the round ("thank you all for coming", "in closing",
# "before we close", "final remarks").
CLOSING = compile_cue(
    r"\b(thank(s| you) (all|everyone|everybody) (for|so much)|in closing|to close|before we close|we close"
    r"|closing (remarks|words|round)|final (remarks|words|round)|last (word|round)|conclude|concluding"
    r"|end (of|the) (the )?session|see you (all )?(next|in|at|tomorrow)|let me close|close with)\b",
    re.I,
)
# A speaker deferring their own answer ("can I come back to it at the end?", "let me answer that later").
DEFER = compile_cue(
    r"\b(come back to (it|this|that|your question)|(answer|address|take) (it|this|that) (later|at the end|in my closing)"
    r"|at the end,? if (there is|we have) time|hold (that|this) thought|later in the session"
    # the speaker's own "let me take it after", "may I return to it at the end?", "I will
    # answer at the end", "let me answer after the chat questions"
    r"|(answer|return to|come back to|get back to|respond to|reply to|take|address)"
    r"( (it|this|that|them|your question|the question))?( \w+)? (at the end|afterwards|after\b|in a (moment|minute))"
    # sent elsewhere: "we will forward it to Devika by email", "please answer Ekow in the chat"
    r"|(forward|send|pass|answer|reply|respond|follow up|report back)( \S+){0,4} (by e-?mail|in the chat|in writing|bilaterally|outside)"
    r"|(we|i) (have|had) no (more )?time"
    # the number is not at hand yet: "let me look in my notes", "come back to me" (stop 29)
    r"|(let me|i will|i'll|i need to) (look|check)( it| that)? (in|at) my (notes|papers|files|spreadsheet)|come back to me)\b",
    re.I,
)

_NAME_WORD = re.compile(r"[A-Z][\w‑'-]+")


@dataclass(frozen=True)
class FateContext:
    """What `fate_features` needs about the session's questions besides the context."""

    groups: list[QuestionGroup]
    close: int  # turn index where the exchange the question opened is over
    index: int  # the question's index in `groups`
    words: dict[int, set[str]] = field(default_factory=dict)  # content words per turn, shared by a session's questions
    tails: dict[int, Suffixes] = field(default_factory=dict)  # turns with many questions, shared likewise

    def overlap(self, ctx: AnalysisContext, question: set[str], j: int) -> float:
        """`questions.word_overlap` of turn `j`, its content words computed once per session."""
        if j not in self.words:
            self.words[j] = content_words(without_read_back(ctx.turns[j].text)[:2000])
        shared = question & self.words[j]
        return len(shared) / len(question) if question and len(shared) >= 2 else 0.0


def following_turns(ctx: AnalysisContext, g: QuestionGroup, upto: int | None = None) -> list[int]:
    """Speech turns of at least four words after the question's turn, by other speakers (from
    the session's `LaterTurns`; the features read only the part they need of it)."""
    return list(later_turns(ctx).follows(g.turn, upto=upto))


@lru_cache(maxsize=2048)
def _aside(text: str) -> bool:
    """Time, parking, deferral, declining or not-knowing language: a question set aside, unless
    the speaker says they answer now (`ANSWERS_NOW`: "I will answer only partly because we are
    out of time"). Kept per text: the fate features weigh the same reply for each question it
    follows (about half the calls repeat a text), and `NOT_KNOWN`/`DEFERS` cost ~1 ms a reply."""
    return not _ANSWERS_NOW.search(text) and ASIDES.any_search(text)


# Substantive words of a reply before its first aside that make the aside a remark on a part
# of the question the reply has already answered ("The first part is easy.  The software
# exists, it is free, … For the second part, I am sorry, I am not the right person").
LATE_ASIDE = 18


def _late_aside(text: str, question: set[str] | None = None) -> bool:
    """`text` sets something aside only after `LATE_ASIDE` substantive words of its own (thanks
    and floor talk do not count): it answered first. In a short reply (`NON_ANSWER_WORDS`, as
    `answers_then_promises` reads one) those words must also take the question up (`takes_up`:
    one of the `question`'s content words): words that only talk about the question ("I'd rather
    give you the correct number than a guess.  Let me send a message to my office, …") answer
    nothing. A long reply is not held to it: its opening greets and frames before it answers."""
    starts = [m.start() for p in ASIDES.patterns if (m := p.search(text))]
    if not starts:
        return False
    before = text[: min(starts)]
    short = _words(text) < NON_ANSWER_WORDS
    return substantive(before) >= LATE_ASIDE and (not short or takes_up(before, question))


# `_aside` asks eight cue patterns of the same text for each answer turn it weighs: one
# literal test of the text (`fastre.PatternSet`) leaves only the patterns that can match to
# run, with the same answer (issue 19).
_ANSWERS_NOW = Prefiltered(ANSWERS_NOW)
ASIDES = PatternSet((CUT_OFF, PARKING, DEFER, NOT_KNOWN, DECLINE, TIMEKEEPING, TIME_SHORT, DEFERS))

# Questions in one turn from which their rests of the turn are searched as `Suffixes` of it:
# one pass of each pattern over the turn instead of one over each question's rest (a long
# caption line holds dozens of questions). Below it the plain search costs less.
SUFFIXES_FROM = 4


def _aside_after(ctx: AnalysisContext, g: QuestionGroup, fc: FateContext, in_turn: int) -> bool:
    """`_aside` of the rest of the question's turn after its last sentence, with the same
    answer; when the turn holds `in_turn` >= `SUFFIXES_FROM` questions, without reading the
    turn again for each of them (issue 19)."""
    turn = ctx.turns[g.turn]
    start = g.sentences[-1].end
    if in_turn < SUFFIXES_FROM or start < turn.start:
        return _aside(ctx.session.text[start : turn.end])
    if g.turn not in fc.tails:
        fc.tails[g.turn] = Suffixes(ctx.session.text[turn.start : turn.end])
    rest, at = fc.tails[g.turn], start - turn.start
    return not rest.search(ANSWERS_NOW, at) and any(rest.search(p, at) for p in ASIDES.patterns)


NOT_NAMES = titled(COURTESY_OPENERS | JOINER_OPENERS) | frozenset(
    # and the words that open a question's read-out or self-introduction ("Question from …", "A question for …")
    ["Question", "A", "From", "Just", "For", "To"]
)


def _asker_words(ctx: AnalysisContext, g: QuestionGroup) -> set[str]:
    """Words that name the asker: their name, or, for an unnamed voice from the floor, the
    capitalised words of its self-introduction before the question ("Viktor Horvath, Hungary.
    A question for all: …"); other speakers' names (addressees) are left out."""
    words = {w for w in _NAME_WORD.findall(g.by or "") if len(w) > 2}
    if not g.by:  # an unnamed voice from the floor: the names it gives itself
        start = ctx.turns[g.turn].start
        words |= _name_words(ctx, ctx.session.text[start : min(g.sentences[0].start, start + 200)])
    speakers = {w for name in ctx.speaker_names if name != g.by for w in name.split()}
    return words - speakers - NOT_NAMES


def _name_words(ctx: AnalysisContext, text: str) -> set[str]:
    """Capitalised words of `text` that can name a person or a place. Not acronyms, common
    words written in lower case elsewhere ("What", "I'm"), or the session's topic words ("To
    the Secretariat: …"): a word the session says more than `TOPIC_MENTIONS` times names a
    body, not one voice."""
    return {
        w
        for w in _NAME_WORD.findall(text)
        if len(w) > 2
        and not w.isupper()
        and "'" not in w  # "I'm"
        and not said_lower(ctx.session.text, w)
        and not topic_word(ctx.session.text, w)
    }


def asker_names(ctx: AnalysisContext, g: QuestionGroup) -> frozenset[str]:
    """Words by which a reply can say whose question it takes up ("yes, for Kwabena, it works
    offline", "For the colleague from Bolivia, no", "On the first question, from Tashkent"):
    `_asker_words`, the self-introduction of a named voice from the floor ("Qiu Lihua, from
    Kunming"), and for a question read out for someone, the names it gives before its colon
    ("The first is from Kwabena Asante-Mensah in Kumasi, for Priyanka: …"). Empty for a
    chair's own question: a chair is named all session long."""
    said = " ".join(x.text for x in g.sentences)
    head = said.split(":", 1)[0] if ":" in said else ""
    read_out = g.by != g.asked_by or bool(_FROM.search(head))
    if g.from_moderator and not read_out:
        return frozenset()
    words = _asker_words(ctx, g) if not g.from_moderator else set()
    start = ctx.turns[g.turn].start
    if g.by and not read_out:
        words |= _name_words(ctx, ctx.session.text[start : min(g.sentences[0].start, start + 200)])
    if read_out:
        words |= _name_words(ctx, head)
    speakers = {w for name in ctx.speaker_names if name != g.by for w in name.split()}
    return frozenset(words - speakers - NOT_NAMES)


_FROM = re.compile(r"\bfrom\b", re.I)
# How far into a reply its naming of an asker says whose question it takes up.
OPENING = 150


def _spots(text: str, words: frozenset[str]) -> list[int]:
    """Where `text` names any of `words`, in order (a substring test first: most replies
    name no one who asked)."""
    if not words or not any(w in text for w in words):
        return []
    names = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b")
    return [m.start() for m in names.finditer(text)]


def addressed_part(text: str, mine: frozenset[str], others: frozenset[str]) -> str | None:
    """The part of a reply that takes up this question when the reply takes up several by
    their askers' names ("Layla, yes, 30 October. … Jean-Baptiste, we will ask her by
    email."): from the sentence that names this asker to the next name of another asker.
    None when the reply's opening names only other askers ("For Abebe, yes, …": it answers
    someone else); the whole reply when it names no asker."""
    theirs = _spots(text, others - mine)
    own = _spots(text, mine)
    if not own:
        return None if theirs and theirs[0] < OPENING else text
    at = own[0]
    begin = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("\n", 0, at))
    begin = max(begin, max((p for p in theirs if p < at), default=-1))
    end = next((p for p in theirs if p > at), len(text))
    return text[begin + 1 if begin >= 0 else 0 : end]


def _other_askers(ctx: AnalysisContext, g: QuestionGroup, fc: FateContext, upto: int) -> frozenset[str]:
    """Names of the askers and addressed speakers of the other questions put between this
    one's turn (a few turns before it: a batch of questions) and turn `upto` ("Layla, yes, 30
    October.  Wairimu, are you with us? …": the part on Wairimu is another question's)."""
    words: set[str] = set()
    people = set(ctx.speaker_names)
    for h in fc.groups:
        if h is not g and g.turn - ANSWER_WINDOW <= h.turn < upto:
            words |= asker_names(ctx, h)
            if h.to != g.to and h.to in people:
                words |= {w for w in h.to.split() if len(w) > 2}
    return frozenset(words - set((g.to or "").split()) - set((g.by or "").split()))


TOPIC_MENTIONS = 4


# Both read the whole session, and a long session's floor voices give the same words again
# and again: kept per (session text, word), not read once per question (issue 19).
@lru_cache(maxsize=2048)
def said_lower(text: str, word: str) -> bool:
    """ "What": a common word, written in lower case somewhere in the session (the search
    only when the lower-case word is in the text at all)."""
    low = word.lower()
    return low in text and re.search(rf"\b{re.escape(low)}\b", text) is not None


@lru_cache(maxsize=2048)
def topic_word(text: str, word: str) -> bool:
    """The session says `word` more than `TOPIC_MENTIONS` times: it names a body, not a voice
    (counting stops there; a word the text holds no more often as a substring is not, without a
    scan of the whole session: `str.count` counts in C, and the whole-word matches are among those)."""
    if text.count(word) <= TOPIC_MENTIONS:
        return False
    found = re.finditer(rf"\b{re.escape(word)}\b", text)
    return sum(1 for _ in islice(found, TOPIC_MENTIONS + 1)) > TOPIC_MENTIONS


def _handed(ctx: AnalysisContext, name: str, j: int, asked: int) -> bool:
    """The turn right before the addressee's turn `j` (after the question) is a moderator's
    whose last two sentences call them by first name ("Joseph, on the quality?"): in a round
    of questions, the floor given back to the addressee for this one."""
    prev = next((k for k in range(j - 1, asked, -1) if not empty_turn(ctx, k)), None)
    first = name.split()[0] if name else ""
    if prev is None or not first or not ctx.is_moderator(prev):
        return False
    tail = " ".join(x.text for x in ctx.sentences[prev][-2:])
    return bool(re.search(rf"\b{re.escape(first)}\b", tail))


RETURN_OPENING = 200  # characters of a later turn in which the addressee says they return to a question


def addressee_returns(ctx: AnalysisContext, g: QuestionGroup) -> int | None:
    """The turn in which the addressee, who set the question aside in their first reply ("may
    I return to it at the end?", "let me take it after"), takes the floor again after someone
    else has spoken and takes the question up: it repeats the question's words, names the
    asker ("And now Mr. Baig, the return."), opens by saying it returns (`RETURN_TO`: "Yes,
    thank you for waiting."), or follows a moderator's hand-back by name
    ("Mr. Dzhaksybekov, the question of the privacy?"). The shape of a deferred answer given
    later, whatever words deferred it; None when there is none.

    Used after the fate is decided, never as a fate feature: as a feature it fired on as
    many answered questions (an addressee answering again on the same topic) and did not
    improve the leave-one-set-out figures (stop 23)."""
    speaks = list(later_turns(ctx).speaks(g.turn, g.to))
    if len(speaks) < 2 or ctx.is_moderator(speaks[0]) or not _aside(ctx.turns[speaks[0]].text[:600]):
        return None  # a chair speaks all session long: their later turns share the topic, not the answer
    return _comes_back(ctx, g, g.to, speaks)


def replier_returns(ctx: AnalysisContext, g: QuestionGroup, reply: int) -> int | None:
    """The turn in which the one who put the question off in reply turn `reply` ("let me answer that
    one at the very end", "I need to look at the numbers") takes it up again after someone else has
    spoken, read as `addressee_returns` reads the addressee's return; None when they never do (the
    question was left open) or when the replier chairs (their later turns share the topic)."""
    name = ctx.people[reply].name
    if name is None or ctx.is_moderator(reply):
        return None
    speaks = [reply, *(j for j in later_turns(ctx).speaks(g.turn, name, after=reply))]
    return _comes_back(ctx, g, name, speaks) if len(speaks) > 1 else None


def _comes_back(ctx: AnalysisContext, g: QuestionGroup, name: str | None, speaks: list[int]) -> int | None:
    """Of `name`'s turns `speaks` after the question (the first: the reply that set it aside), the
    first with someone else's turn before it that takes the question up (`addressee_returns`)."""
    later = later_turns(ctx)
    words = content_words(" ".join(s.text for s in g.core))
    asker = _asker_words(ctx, g) if not g.from_moderator else set()
    # someone else's first turn after the addressee's first reply: a later turn of theirs with
    # someone in between comes after it
    between = next((k for k in later.follows(g.turn, after=speaks[0]) if ctx.people[k].name != name), None)
    for j in speaks[1:]:
        if between is None or between >= j:
            continue  # the addressee's own next turn, no one in between
        text = ctx.turns[j].text[:2000]
        if word_overlap(words, text) >= OVERLAP or any(re.search(rf"\b{re.escape(w)}\b", text[:400]) for w in asker):
            return j
        if RETURN_TO.search(text[:RETURN_OPENING]):
            return j  # "Yes, thank you for waiting.  So, in our law, …": the return opens the turn
        if _handed(ctx, name or "", j, speaks[0]):
            return j
    return None


def _speaks_for(body: str, text: str) -> bool:
    """The reply names the body the question was put to by two of its own words ("… our area
    of expertise, as you guessed from the name, Internet access in public libraries" for the
    DC on Public Access in Libraries): one who speaks for it replies."""
    words = content_words(body)
    return len(words) >= 2 and len(words & content_words(text)) >= 2


# The reply's first words take the question up as asked ("Good question.", "Thank you for
# the question, …", "To answer your question, …"): a reply that says it answers, short enough
# to be the turn's opening and not a later remark about some other question.
_ACKNOWLEDGES = re.compile(
    r"\W*(?:(?:yes|well|okay|ok|thank you|thanks)[,.!]?\s+)?"
    r"(?:(?:that is|that's|it is|it's|a|what a|very)\s+)*(?:good|great|fair|excellent|important|interesting)\s+question\b"
    r"|\W*(?:thank you|thanks)(?: very much| so much)? for (?:the|your|this|that) (?:good |great |important )?question\b"
    r"|\W*(?:to answer|in answer to|answering) (?:the|your|this|that) question\b",
    re.I,
)


_LEFT = re.compile(r"\b(?:has|had|have) (?:to )?(?:left|leave|gone)\b|\bis not (?:here|with us) any ?more\b", re.I)


def fate_features(ctx: AnalysisContext, g: QuestionGroup, fc: FateContext) -> list[str]:
    """Features of one question's fate (see the module docstring for why these)."""
    groups, close = fc.groups, fc.close
    feats: list[str] = []
    people = set(ctx.speaker_names)
    relayed = bool(g.by) and g.by != g.asked_by
    asker = "relayed" if relayed else "mod" if g.from_moderator else "floor"
    feats.append(f"ask:{asker}")
    words = content_words(" ".join(s.text for s in g.core))
    to_person = g.to in people
    feats.append("to:person" if to_person else "to:room" if g.to == "room" else "to:other")
    # Batching: more questions put in the same turn, before or after this one.
    same_turn = [h for h in groups if h.turn == g.turn]
    if len(same_turn) > 1:
        feats.append("batch:first" if same_turn[0] is g else "batch:later")
    later = later_turns(ctx)
    follow = list(islice(later.follows(g.turn), 4))  # the first following turns; the rest from indexes
    restated = bool(follow) and not g.from_moderator and only_restates(ctx, follow[0])
    # the chair repeats the floor question in their own words: the exchange goes on after it
    follow = follow[1:] if restated else follow[:3]
    if follow and question_turn(ctx, groups, follow[0]):
        feats.append("round:more-questions-next")  # a round of questions is being collected
    inside = list(takewhile(lambda j: j < close, later.follows(g.turn)))[1 if restated else 0 :]
    if close == g.turn:
        feats.append("close:same-turn")
    elif not inside:
        feats.append("close:next")
    if len(follow) <= 2:
        feats.append("end:near")
    # Who speaks next, and the moderator's next move.
    if not follow:
        feats.append("next:none")
    else:
        j = follow[0]
        # A moderator is read as the moderator even when addressed: a relayed chat question put
        # to the chair ("Anja, one more from online: …") is often met with floor management or a
        # cut for time, which the moderator features read, and "next:addressee" would call it answered.
        # A question put to a coalition is the addressee's when one who speaks for it replies.
        speaker = ctx.people[j]
        addressed = bool(g.to) and g.to in (speaker.name, speaker.affiliation)
        text = ctx.turns[j].text
        if not addressed and not to_person and g.to != "room":
            addressed = _speaks_for(g.to, text[:600])  # no who's who: the reply names the body it speaks for
        who = "mod" if ctx.is_moderator(j) else ("addressee" if addressed else "other")
        feats.append(f"next:{who}")
        # A reply that takes up several questions by their askers' names is read in the part
        # that names this one's asker; one that opens naming only other askers answers them.
        mine, others = asker_names(ctx, g), _other_askers(ctx, g, fc, j)
        said = addressed_part(text, mine, others)
        # (a moderator naming the asker is thanking them: "Thank you, Marco.  I will keep …")
        if who != "mod" and _spots(text[:OPENING], mine):
            feats.append("reply:names-asker")
        elif who != "mod" and said is None:
            feats.append("reply:names-other")
        if said is not None and len(same_turn) > 1:
            said = ordinal_part(said, same_turn.index(g))
            if said is None:
                feats.append("reply:other-part")  # "Can I take the first part, …" answers the question before
        said = said or ""
        if who == "mod":
            # The rules' reading of a moderator's words: stopping for time or parking the
            # question ("maybe Tariq can answer by email"), unless handing it over briefly
            # ("we are almost out of time, so Tariq, very briefly").
            if cut_off(said) or PARKING.search(said):
                feats.append("aside:mod-cut")
            asks = [h for h in groups if h.turn == j and h.from_moderator]
            if asks:
                feats.append("mod:moves-on")  # the moderator's next words put a new question
            head = ctx.session.text[ctx.turns[j].start : asks[0].sentences[0].start if asks else ctx.turns[j].end]
            if substantive(head) >= 12 and (QUESTION_REF.search(head) or SELF_ANSWER.match(head)):
                feats.append("mod:replies")  # the rules' reading of a moderator's own answer
            answers = not g.from_moderator and mod_answers(ctx, groups, j, words)
            if answers:
                feats.append("mod:answers")  # the moderator's turn opens with an answer of their own
            handed = calls_next(ctx, j)
            if handed:
                feats.append("mod:calls-next")  # the floor given by name to the next speaker
            head = addressed_part(head, mine, others) or ""
            # an addressee who has left, with the floor handed by name to someone who can answer
            # ("The Minister had to leave.  Her adviser, Mr. Tanaka, do you want to say something?")
            # is no aside: who takes the floor answers (stop 30, asks_blind13)
            if _aside(head[:600]) and not BRIEF.search(head[:600]) and not (handed and _LEFT.search(head[:600])):
                # the moderator's own words before moving on stop for time, defer, forward or
                # do not know ("I honestly don't know, I will … come back to you by email");
                # "we are almost out of time, so Tariq, very briefly" hands the floor over;
                # one that only follows the chair's own answer ("We met them twice, nothing is
                # signed.  We will come back to you on that.") is late, like `late:next`
                late = answers and answers_then_promises(re.split(r"(?<=[.!?])\s+", head), words)
                feats.append("late:mod-head" if late else "aside:mod-head")
            after = follow[1] if len(follow) > 1 else None
            first = (g.to or "").split()[0] if g.to and g.to in people else ""
            if (
                first
                and after is not None
                and ctx.people[after].name == g.to
                and re.search(rf"\b{re.escape(first)}\b", text)
            ):
                feats.append("mod:hands-to-addressee")
        elif _aside(said[:600]):
            feats.append("late:next" if _late_aside(said[:600], words) else "aside:next")
        elif not same_speaker(ctx, j, g.turn) and _ACKNOWLEDGES.match(text):
            feats.append("reply:acknowledges")  # "Good question.  The report has …": taken up as asked
        if CLOSING.search(text):
            feats.append("next:closes")  # the reply is the session's (or the round's) closing turn
    if g.parked or _aside_after(ctx, g, fc, len(same_turn)):
        feats.append("aside:own-turn")
    # Word overlap between the question and the replies (`words`, above).
    window = inside[:ANSWER_WINDOW]
    overlaps = [fc.overlap(ctx, words, j) for j in window]
    if overlaps and max(overlaps) >= 0.3:
        feats.append("overlap:reply")
    if any(share >= 0.3 for _, share in later.sharing(words, g.turn, close)):
        feats.append("overlap:later")
    mine = asker_names(ctx, g)
    if mine and any(_spots(ctx.turns[j].text[:OPENING], mine) for j in window[1:] if not ctx.is_moderator(j)):
        feats.append("window:names-asker")  # a later reply in the exchange says it answers this asker
    # A later turn that names the asker and, close to the name, stops for time or parks the
    # question ("To Viktor, on the audits, … sorry, we don't have time, maybe offline").
    asker_words = _asker_words(ctx, g) if not g.from_moderator else set()  # a chair is named all session
    named = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(asker_words))) + r")\b") if asker_words else None
    for j in later.naming(g.turn, asker_words) if named else ():
        if any(h.turn < j and (h.turn, h.sentences[0].start) > (g.turn, g.sentences[0].start) for h in groups):
            break  # a later question came first: a cut at `j` sets that one aside, not this (round 16, Q2)
        text = ctx.turns[j].text
        if not any(w in text for w in asker_words):
            continue  # a substring test first: most turns name no one who asked
        spots = [m.start() for m in named.finditer(text)] if named else []
        if any(
            cut_off(text[max(0, at - 200) : at + 250]) or PARKING.search(text[max(0, at - 200) : at + 250])
            for at in spots
        ):
            feats.append("aside:taken-up")
            break
    # The addressee, when a speaker of the session: do they speak again, and how?
    if to_person:
        speaks = list(islice(later.speaks(g.turn, g.to), 1))
        if not speaks:
            feats.append("addr:never-again")
        else:
            feats.append("addr:before-close" if speaks[0] < close else "addr:after-close")
            if _handed(ctx, g.to or "", speaks[0], g.turn):
                feats.append("addr:handed")  # a moderator gave the addressee the floor by name first
            reply = ctx.turns[speaks[0]].text[:600]
            if len(same_turn) > 1:
                reply = ordinal_part(reply, same_turn.index(g)) or ""
            if DECLINE.search(reply):
                feats.append("addr:declines")
            elif _aside(reply):
                feats.append("late:addressee" if _late_aside(reply, words) else "aside:addressee")
    if any(same_question(g, h, ctx) for h in groups[fc.index + 1 :] if h.turn > g.turn):
        feats.append("reasked-later")
    if any(f.startswith("aside:") for f in feats):
        feats.append("aside:any")
    return feats

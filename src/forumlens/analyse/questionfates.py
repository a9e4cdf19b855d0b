"""The hand-written fate rules: where a question's exchange closes and whether it was answered.

Why a module of its own: the rules read the turns after a question (who replies, a moderator's
own answer or call, a non-answer, a new question closing the exchange) and give the fate model
its rule verdict and features (`question_fates`); `analyse.questions` links the answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..text.suffixes import Suffixes
from ..transcript.sentences import sentence_texts
from .askcues import COMMIT
from .context import FLOOR_CUE, AnalysisContext
from .cues import (
    CUT_OFF,
    DECLINE,
    FLOOR_INVITE,
    MOVES_ON,
    PARKING,
    PROCEDURAL,
    QUESTION_REF,
    RELAY,
    SELF_ANSWER,
    TIMEKEEPING,
    content_words,
)
from .questioncues import (
    ANSWERS_NOW,
    CARRIED,
    DEFERS_FAST,
    FLOOR_OPEN,
    NOT_KNOWN_FAST,
    ORDINAL_QUESTION,
    TIME_SHORT,
    ordinal_part,
    without_read_back,
)
from .restated import only_restates, restates, without_restatement

if TYPE_CHECKING:
    pass
from .questiongroups import QuestionGroup, _last_clause, empty_turn, same_speaker
from .questionsentences import _PASS_ON, _REDIRECT, _THANKS, _vocative, _words
from .replyshared import asker_words, thanks_only
from .replyshared import question_turn as question_turn

ANSWER_WINDOW = 6  # speech turns in which a floor question can still be taken up
OVERLAP = 0.3  # share of a question's content words an answer must repeat to take it up


def substantive(text: str) -> int:
    """Words of `text` outside its thanks, floor calls and procedure (a sentence of each is
    dropped whole): the measure of whether a turn says enough to answer, since "Thank you. Next
    speaker, please." is long enough by a raw count and says nothing to the question."""
    from .context import FLOOR_CUE

    kept = [
        s
        for s in re.split(r"(?<=[.!?])\s+", text)
        if not (_THANKS.match(s) or FLOOR_CUE.search(s) or PROCEDURAL.search(s))
    ]
    return sum(len(s.split()) for s in kept)


def word_overlap(question: set[str], text: str) -> float:
    """Share of the question's content words that `text` repeats (0 below two), up to a
    read-back of the chair's notes, which repeats every question it lists (`without_read_back`)."""
    if not question:
        return 0.0
    shared = question & core_words(without_read_back(text)[:2000])
    return len(shared) / len(question) if len(shared) >= 2 else 0.0


def reply_run(ctx: AnalysisContext, j: int, close: int) -> list[int]:
    """Lines of the answer turns starting at `j`: it and the non-moderator turns right after it."""
    lines = [ctx.turns[j].line]
    k = j + 1
    while k < close and (ctx.turns[k].kind != "speech" or not ctx.is_moderator(k)):
        if not empty_turn(ctx, k) and ctx.people[k].name != ctx.people[j].name:
            break
        if not empty_turn(ctx, k):
            lines.append(ctx.turns[k].line)
        k += 1
    if ctx.is_moderator(j):
        return lines
    k = j + 1
    while k < close and not ctx.is_moderator(k):
        if not empty_turn(ctx, k) and ctx.turns[k].line not in lines:
            lines.append(ctx.turns[k].line)
        k += 1
    return lines


def answer_end(ctx: AnalysisContext, groups: list[QuestionGroup], j: int, close: int) -> int:
    """Where the answer starting at turn `j` ends: at `close`, or before a later turn that
    mainly asks a new question (someone from the floor asking is not part of the answer)."""
    return next((k for k in range(j + 1, close) if question_turn(ctx, groups, k)), close)


def _addressee_replies(ctx: AnalysisContext, g: QuestionGroup, j: int, part: str | None = None) -> bool:
    """The person the question named takes the next turn and does not decline or say they
    cannot answer now (`_non_answer`): the shape of an answer whatever their role (a co-moderator asked "what is in the chat?" answers).
    `part` is the share of the reply that takes up this question when it answers several
    ("twenty litres per person.  For who pays, he cannot answer for the Ministry of Finance")."""
    if empty_turn(ctx, j) or same_speaker(ctx, j, g.turn):
        return False
    name = ctx.people[j].name
    text = ctx.turns[j].text if part is None else part
    question = core_words(" ".join(s.text for s in g.core))
    if not name or name != g.to or DECLINE.search(text[:600]) or _non_answer(text, question):
        return False
    return not refers_elsewhere(text, question)


NON_ANSWER_WORDS = 45  # a reply shorter than this that defers says only that (`_non_answer`)
BRIEF = re.compile(r"\b(briefly|quickly|very short|in (one|a) minute|short answer|one sentence)\b", re.I)


def _non_answer(text: str, question: Set[str] | None = None) -> bool:
    """A short reply that only says the number is not at hand or sends the question on
    ("Honestly, I don't know a global evaluation, sorry. Maybe someone in the room knows."),
    not one that says it answers ("let me answer honestly. … and I will follow up"), nor one
    that answers first and then promises more (`answers_then_promises`, which with the
    `question`'s content words asks that what comes first takes it up, `takes_up`)."""
    head = text[:300]
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return (
        _words(text) < NON_ANSWER_WORDS
        and bool(DEFERS_FAST.search(head) or NOT_KNOWN_FAST.search(head))
        and not ANSWERS_NOW.search(head)
        # "We do not collect the gender, so we don't show it.  The voice is the problem, not the
        # profile.  … but I don't have a good answer for that": it answers first, the hedge
        # follows; not in a reply that takes askers in turn by name ("For Tavita, I agree …  And
        # Oysha, on the licence, let me check …"): what comes first answers someone else
        and not (not any(_vocative(x) for x in sentences) and answers_then_promises(sentences, question))
    )


# A first sentence in which the replier says they cannot or will not say ("I don't have the split
# by country in my head", "I am not sure", "I don't think they are represented today").
_NOT_MINE = re.compile(
    r"\b(?:i|we)(?:'m|'re| am| are)? (?:(?:do|did|can|could|would)(?: not|n'?t)|cannot|not)"
    r" (?:have|know|sure|remember|want to guess|think (?:they|he|she|anyone|anybody)|authori[sz]ed|able)\b",
    re.I,
)
# The rest of such a reply points to where the answer is, or who has it, instead of giving it: a
# document, someone else, a later time, or a question to someone else ("Rodrigo, do you know?").
_ELSEWHERE = re.compile(
    r"\b(?:report|website|web site|slides|document|colleague|office|team|secretariat|ministry"
    r"|later|next week|tomorrow|by (?:e-?mail|phone)|in writing|write|ask|check)\b|\?",
    re.I,
)


def refers_elsewhere(text: str, question: Set[str]) -> bool:
    """A short reply that opens by saying the replier cannot or will not say (`_NOT_MINE`) and then
    points to where the answer is or who has it (`_ELSEWHERE`), repeating none of the question's
    content words after that first sentence ("I don't have the split by country in my head and I
    don't want to guess.  It is all in our annual report."; "I am not sure.  Let me ask my colleague
    in the union."): it sends the question on. A plain "no" that then explains ("We don't have a
    law yet.  The ministry drafts one on the e-waste …") takes the question's words up, and so
    answers."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x and not thanks_only(x)]
    if not sentences or _words(text) >= NON_ANSWER_WORDS:
        return False
    if not (_NOT_MINE.search(sentences[0]) and _ELSEWHERE.search(text)):
        return False
    return not question & core_words(" ".join(sentences[1:]))


ANSWER_WORDS = 10  # substantive words a moderator's reply needs to answer a question itself


def _hedges(sentence: str) -> bool:
    """A sentence that defers, parks or says the answer is not at hand."""
    return bool(DEFERS_FAST.search(sentence) or NOT_KNOWN_FAST.search(sentence) or PARKING.search(sentence))


def takes_up(said: str, question: Set[str] | None) -> bool:
    """Whether words a reply says before it defers take the question up: they share one of its
    content words (`content_words`). Without the question's words (`None`) or when it has none,
    nothing is asked of them.

    Why: the words before a deferral were counted, not read. Round 21's replies that only talk
    about the question and then send it elsewhere ("I'd rather give you the correct number than
    a guess.  Let me send a message to my office, … I'll give it to you before we finish.")
    carried enough words to pass for an answer given first; an answer given first names what was
    asked ("We met them twice, but nothing is signed yet.  We will come back to you on that.")."""
    return not question or bool(_stems(question) & _stems(content_words(_NAMED.sub(" ", said))))


# A capitalised word inside a sentence: a name the reply calls or thanks ("Thank you, Tomasi, that is
# a big one"), which a floor question's self-introduction shares with it without taking anything up.
_NAMED = re.compile(r"(?<=[\w,;:] )[A-Z][\w'’‑-]*")


STEM = 5  # letters of a content word that name its matter ("translated", "translation")


def _stems(words: Set[str]) -> set[str]:
    """The first `STEM` letters of each content word: `content_words` stems only endings like
    "-ed" and "-s", so "translated" and "translation" would not meet."""
    return {w[:STEM] for w in words}


def carries_away(said: str, question: Set[str] | None) -> bool:
    """A reply that carries the question elsewhere (`questioncues.CARRIED`: "please take it with
    Altantsetseg at the coffee", "I think it belongs there") and says nothing of its matter
    (`takes_up`): the shape of a referral, wherever it sends the question. Only with the
    question's words (a reply is never judged a referral without them)."""
    return bool(question) and bool(CARRIED.search(said)) and not takes_up(said, question)


def answers_then_promises(sentences: list[str], question: Set[str] | None = None) -> bool:
    """A short reply that answers first and only then promises more ("We met them twice, but
    nothing is signed yet.  We will come back to you on that."): the sentences before the
    first deferring one carry `ANSWER_WORDS` substantive words about the matter, not about
    the question ("That is a good question, but …", "That question is for the ministry"),
    and no word of time, closing or declining is anywhere in the reply. A promise to follow
    up after an answer does not unmake it; a deferral that opens the reply ("I do not have
    the number.  …") or a long closing turn that defers among other business still leaves
    the question open."""
    first = next((k for k, s in enumerate(sentences) if _hedges(s)), None)
    whole = " ".join(sentences)
    if not first or _words(whole) >= NON_ANSWER_WORDS:  # no hedge (the other rules judge), or it opens the reply
        return False
    said = " ".join(sentences[:first])
    if QUESTION_REF.search(said) or cut_off(whole) or DECLINE.search(whole) or FLOOR_INVITE.search(whole):
        return False
    if TIMEKEEPING.search(whole) or TIME_SHORT.search(whole) or CUT_OFF.search(whole):
        return False
    return substantive(said) >= ANSWER_WORDS and takes_up(said, question)


# A yes/no question about a deed to come ("Will the workshop publish the list …?", "Can you put the
# slides online?", "Are you going to translate it?"), once a leading "And"/"So" and a name called are
# set aside.
_WILL_QUESTION = re.compile(
    r"^\W*(?:(?:and|so|but|then|also)\W+)?(?:[A-Z][\w'’‑-]+(?: [A-Z][\w'’‑-]+)?,\s+)?"
    r"(?:will|would|could|can|shall|are|is)\s+(?:you|we|they|the\b|your|this|that|it|there)\b",
    re.I,
)


# A refusal to promise the deed asked, bounded by its sentence ("I cannot promise, I will take the
# question back to Geneva", "I cannot promise one, it depends on the contributions", "she cannot
# commit"); a "but …" after it in the sentence still gives something (`withholds_the_deed`).
_WITHHOLDS = re.compile(
    r"\b(?:i|we|he|she|they|who)(?: honestly| really| simply)? (?:cannot|can'?t|can not|could not|am not able to"
    r"|are not able to|is not able to) (?:promise|commit|guarantee)\b(?![^.!?]*\bbut\b)",
    re.I,
)
# The head of a question read out for someone ("He asks, will …", "And she asks: can …").
_ASKS_HEAD = re.compile(r"^\W*(?:and\s+)?(?:[\w'’‑-]+\s+){0,3}?(?:asks?|wants to know|wonders)\s*[,:]?\s*", re.I)


def withholds_the_deed(g: QuestionGroup, text: str) -> bool:
    """Whether a reply refuses to promise the deed a yes/no question about a deed to come asks for
    (`_WILL_QUESTION`: "will the Secretariat pay for the hubs' connection next year?" — "No budget
    exists for this at the moment … I cannot promise, I will take the question back."): the
    counterpart of `promises_the_deed`, whatever else the reply says about the matter. Why: the
    reply that explains why it cannot commit reads as an answer sentence by sentence, and the
    golds of rounds 25–28 call it a question left open (a decline; five questions in four rounds)."""
    core = next((s.text for s in g.core if "?" in s.text), None)
    if core is None or not _WILL_QUESTION.match(_ASKS_HEAD.sub("", core, count=1)):
        return False
    return any(_WITHHOLDS.search(x) for x in sentence_texts(text))


def promised_reply(ctx: AnalysisContext, g: QuestionGroup, groups: list[QuestionGroup], close: int) -> int | None:
    """The first reply to `g` (the next turn by another voice, up to the turn that closes the
    exchange, read up to its own question) when it promises the deed asked (`promises_the_deed`)."""
    words = core_words(" ".join(s.text for s in g.core))
    for j in range(g.turn + 1, min(close + 1, len(ctx.turns))):
        if empty_turn(ctx, j) or same_speaker(ctx, j, g.turn) or (j < close and question_turn(ctx, groups, j)):
            continue
        cut = next((h.sentences[0].start for h in groups if h.turn == j), ctx.turns[j].end)
        head = ctx.session.text[ctx.turns[j].start : cut]
        return j if promises_the_deed(g, head, words) else None
    return None


def promises_the_deed(g: QuestionGroup, text: str, question: Set[str]) -> bool:
    """The reply's first sentence promises the deed a yes/no question about a deed to come asks for,
    naming its matter (`takes_up`): "Will the workshop publish the list of funds?" — "We will publish
    the list on the workshop page this week, I promise." answers it (a yes, by a commitment), whatever
    the reply goes on to say about time. The promise is read with the asks' own commitment cue
    (`askcues.COMMIT`: the first person taking on a deed, "we will publish …", "I'll send …"), not a
    list of its own, and the sentence is the first that `transcript.sentences` splits off after
    thanks; one the reply reader calls a deferral, a refusal, a hand-on or a repair
    (`replyreader.sentence_kind`: "We will come back to you on that", "I will follow up on the
    list") passes the question on, and so does a promise that names nothing the question asked
    ("I will take your request back to my team"). Why: the chair who answers a floor question with
    a promise and then stops for time had the question parked by the stop (stop 40, N9's walk)."""
    from .replyreader import sentence_kind

    core = next((s.text for s in g.core if "?" in s.text), None)
    if core is None or not _WILL_QUESTION.match(core):
        return False
    first = next((x for x in sentence_texts(text.strip()) if not thanks_only(x)), "")
    if not COMMIT.search(first) or sentence_kind(first, question) is not None:
        return False
    return bool(question) and takes_up(first, question)


def mod_answers(ctx: AnalysisContext, groups: list[QuestionGroup], j: int, question: Set[str] | None = None) -> bool:
    """The moderator's turn `j` opens with an answer: at least `ANSWER_WORDS` substantive words
    before any question or floor call of theirs, none of them deferring, parking or stopping
    for time ("Very easy, everybody can join, institutions and persons, there is a form on our
    page."); saying time is short while answering ("I will answer only partly because we are
    out of time. The output …") still answers. A turn that only thanks and calls the next
    speaker has none, and nor does one that carries the question elsewhere without taking it
    up (`carries_away`: "that's a big one, … Let me take it with me to the closing plenary").
    Only the words before a sentence that moves the session to its close count (`MOVES_ON`:
    "To close.", "I really have to close, I'm sorry."): the summary after it is no answer."""
    turn = ctx.turns[j]
    cut = next((h.sentences[0].start for h in groups if h.turn == j), turn.end)
    head = ctx.session.text[turn.start : cut]
    firsts = ctx.name_words
    kept = []
    for sent in re.split(r"(?<=[.!?])\s+", head):
        if MOVES_ON.match(sent):
            break  # "To close.", "I really have to close, …": from here on the turn closes the session
        called = _vocative(sent)
        if (called and called in firsts) or FLOOR_OPEN.search(sent) or HANDS_ROUND_ON.search(sent) or _calls(ctx, sent):
            break  # from the first call of a name on, the turn hands the floor on
        if FLOOR_CUE.search(sent) or _MIC.search(sent) or restates(sent) or runs_the_session(sent):
            continue  # floor management, or the question repeated in the chair's words ("If we could have a mic over here, …")
        if not (QUESTION_REF.search(sent) and len(sent.split()) <= 8):  # "It is a good question."
            kept.append(sent)
    said = " ".join(kept)
    if carries_away(said, question):
        return False
    if answers_then_promises(kept):
        return True
    if (
        DEFERS_FAST.search(said)
        or NOT_KNOWN_FAST.search(said)
        or PARKING.search(said)
        or cut_off(said)
        or DECLINE.search(said)
        or ((TIMEKEEPING.search(said) or TIME_SHORT.search(said)) and not ANSWERS_NOW.search(said))
        or FLOOR_INVITE.search(said)
    ):
        return False
    return substantive(said) >= ANSWER_WORDS


# The words of a session's own running: who speaks, in what order, the questions and answers as
# such. A chair's sentence made only of these ("Hmm, two big questions.", "Let's hear online
# first and then the panel.", "Let me take also the online questions, and then the panel
# answers.") orders the floor; it says nothing about what was asked (`runs_the_session`).
_RUNNING = frozenset(
    {
        "answer", "respond", "respons", "reply", "repli", "react", "reaction", "comment",
        "hear", "take", "come", "back", "give", "start", "begin", "continue", "move", "wait",
        "online", "chat", "zoom", "room", "floor", "panel", "panelist", "panellist", "speaker",
        "first", "then", "next", "later", "after", "before", "together", "also", "again", "more",
        "minut", "time", "quick", "quickly", "brief", "briefly", "please", "okay", "thank", "thanks",
        "good", "great", "interesting", "many", "several", "both", "three", "four", "hmm", "well",
    }
)  # fmt: skip


def runs_the_session(sentence: str) -> bool:
    """A sentence whose content words (`content_words`) are only those of the session's own running
    (`_RUNNING`), at least one: floor order and talk of the questions as such, no word of the matter asked.
    A chair's answer names its matter ("Very easy, everybody can join, there is a form on our page.")."""
    said = content_words(sentence)
    return bool(said) and said <= _RUNNING  # none at all: a hedge is made of such words ("I don't see anybody here.")


_MIC = re.compile(r"\b(?:mic|microphone|mike)s?\b", re.I)
# A chair handing a round of questions to the panel ("Panel, please answer together, each of you
# takes what is for you.  Torstein, you start.") gives the floor on; it answers nothing itself.
# asks_blind15 took such a hand-off for the answer to a round of four questions (issue 22, Q2).
HANDS_ROUND_ON = re.compile(
    r"\b(?:please\s+)?(?:answer|respond|reply|react)\s+(?:together|in turn|one by one|one after the other|all (?:of )?(?:them|these|the questions))\b"
    r"|\beach of you (?:takes?|picks?|answers?|choose)\b|\byou (?:start|begin|go first)\b",
    re.I,
)
_LET_US_HEAR = re.compile(r"\b(?:let'?s|let us) (?:have|hear|take) (?:the )?(?:answers?|responses?|reactions?)\b", re.I)


def _calls(ctx: AnalysisContext, sentence: str) -> bool:
    """A short sentence naming a session speaker ("Oksana?", "Hannah first.", "Mr. Koffi.")."""
    words = sentence.split()
    if not words or len(words) > 6:
        return False
    firsts = ctx.name_words
    return any(len(n) > 2 and n in firsts for n in (w.strip(",.?!:;") for w in words))


def calls_next(ctx: AnalysisContext, j: int) -> bool:
    """The moderator's turn `j` ends by giving the floor to whoever speaks next ("Who wants to
    take it?  Oksana?", "Aiko, do we have French?", "Let's have the answers.  Hannah first."):
    that speaker's turn is the reply to the question before."""
    nxt = next((k for k in range(j + 1, len(ctx.turns)) if not empty_turn(ctx, k)), None)
    who = ctx.people[nxt].name if nxt is not None else None
    if not who:
        return False
    name = set(who.split())
    sents = [x.text for x in ctx.sentences[j]][-2:]
    named = False
    for x in sents:
        called = _vocative(x)
        said = {w.strip(",.?!:;") for w in x.split()}
        if (called and called in name) or (_calls(ctx, x) and name & said):
            named = True
        elif name & said and _PASS_ON.search(_last_clause(x)):
            named = True  # "Her adviser at the back, Mr. Tanaka from the ministry, do you want to say something?"
    return named and (any("?" in x for x in sents) or bool(_LET_US_HEAR.search(ctx.turns[j].text)))


def cut_off(text: str) -> bool:
    """A moderator stopping for time without handing the question to anyone ("we are out
    of time, maybe the speakers can reply in writing"); "we are almost out of time, so
    Lars, very briefly" still gives it the floor."""
    return bool(CUT_OFF.search(text)) and not (_PASS_ON.search(text) or BRIEF.search(text) or ANSWERS_NOW.search(text))


def _invited_before(ctx: AnalysisContext, g: QuestionGroup) -> set[str]:
    """Speakers named in the asking turn before the question ("Dhaka, the floor is yours …
    while they fix the audio let me read a question from the chat: …"): their next turn is
    the intervention they were called for, not an answer to a question they were not asked.
    Only for a question read out for someone else."""
    if g.by == g.asked_by:  # the speaker's own question goes to whom they called
        return set()
    # the next speakers first: the last turn of a session (or a one-turn caption line) has
    # none, and its words before each question need not be read (issue 19)
    named = []
    for j in range(g.turn + 1, min(len(ctx.turns), g.turn + 4)):
        name = ctx.people[j].name
        label = ctx.turns[j].label or ""
        if name and name != g.to:
            named.append((name, set(name.split()) | {w.title() for w in label.split()[-1:]}))
    before = ctx.session.text[ctx.turns[g.turn].start : g.sentences[0].start] if named else ""
    if not before.strip():
        return set()
    words = set(re.findall(r"\b[A-Z][\w‑'-]+", before))
    return {name for name, says in named if words & says}


def _takes_floor_for(ctx: AnalysisContext, g: QuestionGroup, j: int, crowded: bool, invited: set[str]) -> bool:
    """Whether turn `j`, by someone who replies after the question, can be its answer by
    position alone. Not when the question went to a named speaker and `j` is someone else
    (the addressee's own turn answers, `_addressee_replies`), not when more questions were
    put after it in the same turn (a reply answers the one it takes up), and not when `j`'s
    speaker had been called on before the question was read (`_invited_before`)."""
    name = ctx.people[j].name
    named = g.to in ctx.speaker_names if g.to else any(p.name == g.to for p in ctx.people)  # "" or None: unnamed turns
    person_to = g.to != "room" and named
    if person_to and name != g.to:
        return False
    return not crowded and name not in invited


def _fate(ctx: AnalysisContext, g: QuestionGroup, groups: list[QuestionGroup], close: int) -> tuple[str, list[int]]:
    words = content_words(" ".join(s.text for s in g.core))
    direct = g.from_moderator and not g.parked
    parked = g.parked
    crowded = any(h is not g and h.turn == g.turn and h.sentences[0].start > g.sentences[0].start for h in groups)
    same_turn = [h for h in groups if h.turn == g.turn]
    nth = same_turn.index(g) if len(same_turn) > 1 else 0  # which of its turn's questions, for `ordinal_part`
    invited = _invited_before(ctx, g)
    seen = 0
    # the addressee declined it, said they cannot answer, or replied to the other parts of its turn
    # and left this one out (`_asked_since`: a later reply of theirs after another's question is that one's)
    declined = False
    for j in range(g.turn + 1, min(close + 1, len(ctx.turns))):
        first = _part_for(ctx, g, groups, j, nth) if seen == 0 else None  # None: it takes up only other parts
        if first is not None and _addressee_replies(ctx, g, j, first):
            return "answered", [ctx.turns[j].line] if j == close else reply_run(
                ctx, j, answer_end(ctx, groups, j, close)
            )
        if j == close:  # the turn that moves on may still reply first ("It is a fair point. … Yuki, …?")
            cut = next((h.sentences[0].start for h in groups if h.turn == j), ctx.turns[j].end)
            head = ctx.session.text[ctx.turns[j].start : cut]
            if (
                seen == 0
                and not g.from_moderator
                and ctx.is_moderator(j)
                and not same_speaker(ctx, j, g.turn)
                and substantive(head) >= 6
                and not PARKING.search(head)
                and not cut_off(head)
                and not carries_away(head, words)
                and not refers_elsewhere(
                    ctx.turns[j].text, words
                )  # "I don't think they are here.  Rodrigo, do you know?"
            ):
                return "answered", [ctx.turns[j].line]
            break
        if empty_turn(ctx, j) or same_speaker(ctx, j, g.turn) or question_turn(ctx, groups, j):
            continue
        text = ctx.turns[j].text
        if ctx.is_moderator(j) and not g.from_moderator:
            if only_restates(ctx, j):
                continue  # "So the lady is asking whether …": a re-ask, neither an answer nor a move on
            text = without_restatement(ctx, j)
        seen += 1
        if ctx.is_moderator(j):
            if (
                not g.from_moderator
                and seen == 1
                and not PARKING.search(text)
                and not cut_off(text)
                and not _redirects(ctx, j)
                and (
                    (QUESTION_REF.search(text) and substantive(text) >= 12)
                    or (SELF_ANSWER.match(text) and substantive(text) >= 6)
                    or mod_answers(ctx, groups, j, words)
                )
            ):
                return "answered", [ctx.turns[j].line]
            if seen == 1 and (PARKING.search(text) or cut_off(text) or DEFERS_FAST.search(text[:400])):
                parked, direct = True, False
            elif not g.from_moderator and seen == 1 and (RELAY.search(text) or calls_next(ctx, j)):
                direct = True
            elif not g.from_moderator and seen == 1:
                direct = False
            continue
        part = _part_for(ctx, g, groups, j, nth, text)
        if (
            cut_off(text[:400])
            and not _asked_since(groups, g, j, anyone=True)
            and ctx.people[j].role not in ("participant", "remote-hub")
        ):
            # a host who is not the chair stops for time ("we are really out of time, the next speaker
            # is already waiting"): the question is set aside here, whoever the cast says hosts; a
            # participant from the floor who says "we always run out of time" asks, it cuts nothing
            parked, direct = True, False
            continue
        if part is None or DECLINE.search(part[:600]) or _non_answer(part, words) or refers_elsewhere(part, words):
            direct = False  # passed on, or only another part answered: only a later turn that takes it up answers it
            declined = declined or ctx.people[j].name == g.to
            continue
        if len(same_turn) > 1 and part != text and substantive(part) >= ANSWER_WORDS:
            return "answered", reply_run(ctx, j, answer_end(ctx, groups, j, close))  # "The first part is simple. …"
        someone_else = not _takes_floor_for(ctx, g, j, crowded, invited)
        if (not someone_else and (direct or (seen == 1 and not parked))) or (
            not parked and not (declined and _asked_since(groups, g, j)) and _addressee_replies(ctx, g, j, part)
        ):
            return "answered", reply_run(ctx, j, answer_end(ctx, groups, j, close))
        if word_overlap(words, text) >= OVERLAP:
            return ("answered-later" if parked else "answered"), reply_run(ctx, j, answer_end(ctx, groups, j, close))
        if seen >= ANSWER_WINDOW:
            break
    return "unanswered", []


def _asked_since(groups: list[QuestionGroup], g: QuestionGroup, j: int, anyone: bool = False) -> bool:
    """Whether someone else put a question of their own to `g`'s addressee or to the room between
    `g`'s turn and turn `j` (not a chair's restatement of it): an addressee who declined `g` and
    speaks again after it replies to that one ("I cannot share it." … a new asker to them …
    "Only to recommend, for now."), so their later turn answers `g` by their name only when no
    such question came between (a question to another panellist does not: "Sorry, my office
    answered.  Yes, …" comes back to `g`). `anyone`: a question to whomever (the one asked it
    who says "let's take it offline" sets that one aside, not `g`)."""
    return any(
        g.turn < h.turn < j and not h.restates and h.by != g.by and (anyone or h.to in (g.to, "room")) for h in groups
    )


def _part_for(
    ctx: AnalysisContext, g: QuestionGroup, groups: list[QuestionGroup], j: int, nth: int, text: str | None = None
) -> str | None:
    """The share of reply `j` (its `text`, by default the turn's) that takes up `g`, the `nth`
    question of its turn: the part it marks (`ordinal_part`), else the sentences it gives this
    question of a batch (`batch_part`), else all of it; None when it marks only other parts."""
    text = ctx.turns[j].text if text is None else text
    part = ordinal_part(text, nth)  # a reply answering part by part is judged on this question's part
    if part == text:
        if left_out(ctx, g, groups, j):
            return None  # it takes up only the other questions of the batch
        part = batch_part(ctx, g, groups, j) or text  # one reply to several askers: this question's sentences
    return part


@dataclass(frozen=True)
class ReplyShare:
    """What one reply paired with a question says to it (`reply_kinds`): the reply's turn, the
    sentences that go to the question (its part, its share of a batch, or the whole turn), how many
    questions the reply takes together (1: this one alone) and what those sentences do with it
    (`replyreader.read_reply`: answers, defers, declines, redirects, none). `sentences` are those
    of `text` (`sentence_texts`), split once here for the readers that weigh them one by one
    (`relayedreply`)."""

    turn: int
    text: str
    batch_size: int
    kind: str
    sentences: tuple[str, ...] = ()


def reply_kinds(
    ctx: AnalysisContext,
    g: QuestionGroup,
    groups: list[QuestionGroup],
    lines: list[int],
    paired: Mapping[int, list[QuestionGroup]] | None = None,
) -> Iterator[ReplyShare]:
    """What each reply on `lines` (the turns an "answered" verdict pairs with `g`) does with `g`,
    in order, for the replies that say something either way: the one reader of a reply's share of
    a question, which `reply_reading` (every question) and `relayedreply.relayed_reply_answers` (a
    question read out for someone else) weigh each in its own way.

    Each reply is read on the sentences that take `g` up: its part (`_part_for`), and when the
    turn replies to several questions — a round (`_batch`) or the questions the rules pair with
    the same line (`paired`: line → questions) — the sentences `_owners` gives `g` by its asker's
    name or its words; a reply none of whose sentences goes to `g` while some go to the others says
    nothing to it and is not read. A turn that puts a question of its own (`_new_asker`) and the
    asker's own turns are no replies; courtesy or floor business alone (`read_reply` None) is no
    evidence either way."""
    from .replyreader import ANSWERS, DECLINES, NONE, declines_first, read_reply

    same_turn = [h for h in groups if h.turn == g.turn]
    nth = same_turn.index(g) if len(same_turn) > 1 else 0
    words = core_words(" ".join(s.text for s in g.core))
    for line in lines:
        j = ctx.turn_at_line.get(line)
        if j is None or empty_turn(ctx, j) or same_speaker(ctx, j, g.turn):
            continue
        part = _part_for(ctx, g, groups, j, nth)
        if part is None:
            continue
        batch = _batch(ctx, groups, j)
        if len(batch) < 2:
            batch = [h for h in (paired or {}).get(line, []) if h.turn < j]
        if part == ctx.turns[j].text and g in batch and len(batch) > 1:
            owners = _owners(ctx, batch, j)
            mine = [x.text for x, o in zip(ctx.sentences[j], owners, strict=True) if o is not None and batch[o] is g]
            if not mine and any(o is not None for o in owners):
                continue  # its sentences go to the others' questions: it says nothing to `g`
            part = " ".join(mine) or part
        kind = read_reply(part, words)
        if kind == ANSWERS and withholds_the_deed(g, part):
            kind = DECLINES  # "… I cannot promise": the deed asked is refused, whatever is explained
        elif kind == ANSWERS and declines_first(part, words, " ".join(s.text for s in g.core)):
            kind = DECLINES  # "That I really don't know, …  Send me an email": declined, nothing given
        if kind is None:
            continue  # courtesy or floor business alone: no evidence either way
        if kind != NONE and (question_turn(ctx, groups, j) or _new_asker(ctx, groups, g, j)):
            continue  # a turn that asks (a new asker of the round) is no reply; one that only asks to hear again is
        yield ReplyShare(j, part, len(batch) if g in batch else 1, kind, tuple(sentence_texts(part)))


def reply_reading(
    ctx: AnalysisContext,
    g: QuestionGroup,
    groups: list[QuestionGroup],
    lines: list[int],
    paired: Mapping[int, list[QuestionGroup]] | None = None,
) -> str:
    """What the replies on `lines` (the turns an "answered" verdict pairs with `g`) do with it, from
    what each says to it (`reply_kinds`): `ANSWERS` when one of them answers, when none was read
    (or none said anything either way), or when the last one read hands the question on (what the
    one it was handed to said is not among them); else the non-answer the first one read makes.
    Why: a reply turn that follows is not an answer when all it says to the question is a
    deferral, a refusal, a hand-on or a repair (round 26: four of seven lost not-answered
    questions)."""
    from .replyreader import ANSWERS, REDIRECTS

    kinds: list[str] = []
    for share in reply_kinds(ctx, g, groups, lines, paired):
        if share.kind == ANSWERS:
            return ANSWERS
        kinds.append(share.kind)
    if not kinds or kinds[-1] == REDIRECTS:
        return ANSWERS
    return kinds[0]


def _new_asker(ctx: AnalysisContext, groups: list[QuestionGroup], g: QuestionGroup, j: int) -> bool:
    """Whether turn `j`, in the run of turns after `g`, is not `g`'s addressee and puts a question of
    its own that is no hand-on: the next asker of a round, not a reply to `g` (a panellist who ends
    a reply by handing a question on by name, "… And the company that is bought, Torben?", still
    replies; `replyreader.sentence_kind` reads the hand-on)."""
    from .replyreader import REDIRECTS, sentence_kind

    return ctx.people[j].name != g.to and any(
        h.turn == j and h is not g and any(sentence_kind(x.text) != REDIRECTS for x in h.sentences) for h in groups
    )


def _batch(ctx: AnalysisContext, groups: list[QuestionGroup], j: int) -> list[QuestionGroup]:
    """The questions reply `j` takes together: those asked since the last turn, before `j`, that
    was neither a question turn, a chair's, nor empty (a round of floor questions, then the
    panellist's reply to them all)."""
    start = next(
        (
            k
            for k in range(j - 1, -1, -1)
            if not empty_turn(ctx, k) and not ctx.is_moderator(k) and not question_turn(ctx, groups, k)
        ),
        -1,
    )
    return [h for h in groups if start < h.turn < j]


def batch_part(ctx: AnalysisContext, g: QuestionGroup, groups: list[QuestionGroup], j: int) -> str | None:
    """The sentences of reply `j` that take up question `g` when it answers two or more questions
    asked in a row ("I'll take the three questions together.  On the fund, …  On the maps, I don't
    have a good answer today."): each sentence goes to the question whose content words it shares
    most (one question alone, at least one word), a sentence sharing none or tied stays with the one
    before it. None when the reply answers one question or no sentence takes `g` up: the whole
    reply is then judged (`left_out` says when that whole reply answers only the others). A batch
    reply is judged question by question, so a non-answer to one of them (`_non_answer`) is not
    hidden by the answers to the others."""
    owned = _batch_owners(ctx, groups, j)
    if owned is None or g not in owned[0]:
        return None
    batch, owners = owned
    mine = [
        s.text for s, owner in zip(ctx.sentences[j], owners, strict=True) if owner is not None and batch[owner] is g
    ]
    return " ".join(mine) or None


def left_out(ctx: AnalysisContext, g: QuestionGroup, groups: list[QuestionGroup], j: int) -> bool:
    """Whether reply `j` takes up other parts of `g`'s question turn by their words and none of
    its sentences takes up `g` ("How much did it cost?  And who pays the maintenance now?":
    "The maintenance, the assembly pays from the new revenue."): a reply that sorts itself among
    the parts by what it says and never comes to this one has not answered it, however it sits
    after it. A reply opens on the first part: what it says before any sentence takes up a part
    is for that one ("On the translation, the Secretariat has a small budget …" to "will the
    output be translated?", whose stems differ). A reply no sentence of which takes up a part of
    `g`'s turn is judged whole."""
    owned = _batch_owners(ctx, groups, j)
    if owned is None or g not in owned[0]:
        return False
    batch, owners = owned
    parts = [i for i, h in enumerate(batch) if h.turn == g.turn]
    taken = [o for o in owners if o in parts]
    if len(parts) < 2 or not taken:
        return False
    opens = owners[0] not in parts and batch[parts[0]] is g
    return batch.index(g) not in taken and not opens


def _batch_owners(
    ctx: AnalysisContext, groups: list[QuestionGroup], j: int
) -> tuple[list[QuestionGroup], list[int | None]] | None:
    """The questions reply `j` takes together (`_batch`) and, for each sentence of `j`, the index
    of the one it takes up (`_owners`), or None when the batch holds one question."""
    batch = _batch(ctx, groups, j)
    if len(batch) < 2:
        return None
    return batch, _owners(ctx, batch, j)


def _owners(ctx: AnalysisContext, batch: list[QuestionGroup], j: int) -> list[int | None]:
    """For each sentence of reply `j`, the index in `batch` of the question it takes up (`batch_part`
    says how: the asker it names, else the one question whose content words it shares most, else
    the one before), None until one is taken up."""
    words = [core_words(" ".join(x.text for x in h.core)) for h in batch]
    owners: list[int | None] = []
    owner: int | None = None
    askers = [asker_words(h) for h in batch]
    for sentence in ctx.sentences[j]:
        said = core_words(sentence.text)
        shared = [len(w & said) for w in words]
        best = max(shared)
        named = names_asker(sentence.text, askers)
        if named is not None:
            owner = named
        elif best and shared.count(best) == 1:
            owner = shared.index(best)
        owners.append(owner)
    return owners


ASKER_REACH = 6  # words at a sentence's start in which a reply names the asker it turns to ("And Nivi, on …")


def names_asker(sentence: str, askers: list[frozenset[str]]) -> int | None:
    """Which question of a batch a reply's sentence turns to by naming its asker near its start
    ("For Aroha, it is a very good question.", "And Nivi, on the terminal, …"): a reply to a round
    of questions says whose it takes, and that beats shared content words. None when no asker,
    or more than one, is named there."""
    head = {
        re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w‑'’-]+", sentence)[:ASKER_REACH]
    }  # "To Pierre's question"
    hits = [i for i, words in enumerate(askers) if words & head]
    return hits[0] if len(hits) == 1 else None


def turns_to_asker(ctx: AnalysisContext, g: QuestionGroup, groups: list[QuestionGroup], lines: list[int]) -> bool:
    """Whether a reply on `lines` (the rules' answer) opens a sentence by naming the one who put `g`,
    when that asker put no other question ("For Aroha, it is a very good question.  …"): a panellist
    taking a question of a round by its asker's name answers it, whatever its position. A sentence
    that names the asker only to defer ("Juliana, on the date, let me check with my colleague",
    `_non_answer`) takes nothing up."""
    words = asker_words(g)
    if not words or g.from_moderator or sum(asker_words(h) == words for h in groups) > 1:
        return False  # an asker of several questions named once answers only some of them
    return any(
        turn.line in lines
        and not ctx.is_moderator(j)
        and not same_speaker(ctx, j, g.turn)
        and not _talk_between(ctx, groups, g.turn, j, lines)
        and not _kept_for_later(ctx, words, g.turn, j)
        and any(names_asker(s.text, [words]) == 0 and not _non_answer(s.text) for s in ctx.sentences[j])
        for j, turn in enumerate(ctx.turns)
    )


def _kept_for_later(ctx: AnalysisContext, asker: frozenset[str], start: int, j: int) -> bool:
    """Whether a chair, between question turn `start` and reply `j`, set the question aside by its
    asker's name ("For Aigerim's question, let's keep it, our last speaker may have something."):
    a reply naming the asker after that takes it up later, it is not the round's answer."""
    return any(
        ctx.is_moderator(k)
        and any(asker & set(_NAME_WORD.findall(x.text)) and _hedges(x.text) for x in ctx.sentences[k])
        for k in range(start + 1, j)
    )


_NAME_WORD = re.compile(r"[A-Z][\w‑-]+")  # a name without its "'s"


def _answers_round(ctx: AnalysisContext, groups: list[QuestionGroup], start: int, k: int) -> bool:
    """Whether turn `k` replies to a round of two or more questions that holds the one of turn
    `start` (another panellist's part of the round's answers, not talk of its own)."""
    batch = _batch(ctx, groups, k)
    return len(batch) > 1 and any(h.turn == start for h in batch)


def _talk_between(ctx: AnalysisContext, groups: list[QuestionGroup], start: int, j: int, lines: list[int]) -> bool:
    """Whether someone other than the chair spoke between question turn `start` and reply `j`
    outside the run of replies on `lines`, the round's questions and its answers (walk 31: "To answer Lucia, …"
    after another panellist's talk answers her later, not in a round's replies)."""
    return any(
        not empty_turn(ctx, k)
        and not ctx.is_moderator(k)
        and not question_turn(ctx, groups, k)
        and ctx.turns[k].line not in lines
        and not _answers_round(ctx, groups, start, k)
        for k in range(start + 1, j)
    )


def _redirects(ctx: AnalysisContext, j: int) -> bool:
    """A moderator's turn that sends the question on ("That's a good question for the
    secretariat.  Chengetai, …?", `_REDIRECT`): it praises or places the question, it does not answer it."""
    return any(_REDIRECT.search(s.text) for s in ctx.sentences[j])


def _closes(ctx: AnalysisContext, g: QuestionGroup, groups: list[QuestionGroup], boundaries: list[int]) -> int:
    """Turn index where the exchange opened by `g` is over: a later question of the moderator's
    own, or the next segment. A question read out for someone (`relayed_for`) is one of a batch
    ("from Sanjida, for Baraka: …?  And the second, for Dr. Litia: …?"): the reader's next
    question in the same turn is read for the panel to answer together, it does not close it.
    Nor does a later question of the same turn listed by its ordinal ("He has two questions.  The
    first for Chinedu, …?  And the second, for you, Adjoa, …?", `ORDINAL_QUESTION`): a numbered
    list is put to be answered in turn, whoever reads it and wherever its authors were named."""
    for h in groups:
        if h is g or h.turn < g.turn or (h.turn == g.turn and h.sentences[0].start <= g.sentences[0].start):
            continue
        if h.turn == g.turn and (g.relayed_for or ORDINAL_QUESTION.match(h.sentences[0].text)):
            continue
        if h.from_moderator and h.asked_by == h.by and not h.restates:
            return h.turn
    after = [b for b in boundaries if b > g.turn]
    return min(after) if after else len(ctx.turns)


@lru_cache(maxsize=1024)
def core_words(text: str) -> frozenset[str]:
    """`content_words` of a question's core or an answer's head, kept: `link_answers` compares
    every later question with each earlier one and `word_overlap` weighs the same answer turn
    for each question before it, so each text is otherwise stemmed once per pair."""
    return frozenset(content_words(text))


def same_question(a: QuestionGroup, b: QuestionGroup, ctx: AnalysisContext) -> bool:
    """Whether the moderator's later question `b` puts `a` again (the fate feature
    `reasked-later`): to the same addressee and flagged a re-ask or sharing 0.3 of the shorter
    core's content words, or to anyone sharing 0.6. Why: a question the chair puts again is one
    the first exchange may have left open."""
    wa = core_words(" ".join(s.text for s in a.core))
    wb = core_words(" ".join(s.text for s in b.core))
    shared = wa & wb
    sim = len(shared) / max(1, min(len(wa), len(wb))) if len(shared) >= 2 else 0.0  # one shared word is a topic
    same_to = a.to == b.to and a.to != "room"
    return b.from_moderator and ((same_to and (b.reask or sim >= 0.3)) or sim >= 0.6)


@dataclass(frozen=True)
class FateRecord:
    """One question's exchange as the fate model reads it (internal; `question_fates`)."""

    close: int  # turn index where the exchange is over
    rule: tuple[str, list[int]]  # the hand-written rules' status and answer lines
    features: list[str]  # `questionfeatures.fate_features`
    promised: bool = False  # the first reply promises the deed asked (`promised_reply`): an evident answer


def question_fates(
    ctx: AnalysisContext,
    groups: list[QuestionGroup],
    boundaries: list[int] | None = None,
    *,
    with_features: bool = True,
) -> list[FateRecord]:
    """The rules' fate and the model's features of every question (training reads these too;
    `with_features=False` leaves the features out when only the rules judge)."""
    from .questionfeatures import FateContext, fate_features  # builds on this module's helpers
    from .questions_later import later_turns

    bounds = boundaries or []
    out = []
    # the speech turns' content words, which "overlap:later" reads for every question anyway
    words: dict[int, set[str]] = later_turns(ctx).words if with_features else {}
    tails: dict[int, Suffixes] = {}
    for i, g in enumerate(groups):
        close = _closes(ctx, g, groups, bounds)
        promised = None if close == g.turn else promised_reply(ctx, g, groups, close)
        if promised is not None:
            rule: tuple[str, list[int]] = ("answered", [ctx.turns[promised].line])
        else:
            rule = ("unanswered", []) if close == g.turn else _fate(ctx, g, groups, close)
        feats = fate_features(ctx, g, FateContext(groups, close, i, words, tails)) if with_features else []
        out.append(FateRecord(close, rule, feats, promised is not None))
    return out

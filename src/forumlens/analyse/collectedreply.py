"""Questions collected and answered together: one reply turn that takes up several earlier questions.

Why a module of its own: the fate rules (`questionfates`) pair a question with the turns right
after it, and a round of questions answered at once (`questionfates._batch`) only when nothing but
questions and the chair came between. A chair who keeps a speakers list takes three interventions,
each ending in a question, and only then asks a panellist or the Secretariat to "respond to the
questions"; the reply takes them in turn ("On the number of workshops, …  On the trust fund, …
And the question in the email, …"). By position the next intervention passed for the answer of
each question, or none was found.

The reading here is of the reply's shape, not of its words: a turn whose sentences go, part by
part, to two or more questions put in different earlier turns (each part naming the question's
asker near its start, or sharing two or more of its content words, more than with any other
question of the round) is a collected reply. Each question it takes up is judged on its own part
(`replyreader.read_reply`): answered there (after other business: answered later) when the part
answers, left open when it only defers or declines. The reply replaces what the rules found only
where that was found by position alone (the turn they paired shares few of the question's words and
is not by its named addressee) or where they found nothing; a question with a reply of its own
keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .context import AnalysisContext, Sentence
from .cues import CUT_OFF
from .questionfates import (
    ASKER_REACH,
    OVERLAP,
    _non_answer,
    core_words,
    word_overlap,
)
from .questiongroups import QuestionGroup, empty_turn, same_speaker
from .replyshared import asker_words, question_turn, thanks_only, voice_between

__all__ = ["collected_fates", "collected_parts"]


@dataclass(frozen=True)
class Part:
    """The sentences of a collected reply that go to one question: their text, the line of the
    first, and whether the part opens by naming the question's asker ("Valeria, the logo.  …")."""

    text: str
    line: int  # the line of the sentence naming the asker, else of the one sharing most of its words
    named: bool


# A reply, or the chair's hand-over before it, that speaks of the questions as a round to take in
# turn ("I will go through the questions in order", "ask the Secretariat to respond to the
# questions", "let me take them together", "the three questions"): a collected reply says so.
COLLECTED = re.compile(
    r"\b(?:the|these|those|your|all|both|two|three|four|five|several|many|other|remaining)"
    r"(?: (?:the|these|those|two|three|four|five|good|many))? questions\b"
    r"|\b(?:take|answer|go through|respond to) (?:them|these|those|all)\b|\bin (?:the )?order\b|\btogether\b",
    re.I,
)

REACH = 30  # turns back from a reply in which a collected question can have been put
SHARED = 2  # content words a reply sentence shares with a question to take it up by its matter


def collected_parts(ctx: AnalysisContext, candidates: Sequence[QuestionGroup], j: int) -> dict[int, Part]:
    """For reply turn `j` and the questions put before it (`candidates`), the part of the reply
    each question it takes up gets (index in `candidates` → `Part`). A sentence goes to the question whose asker it names near its start,
    else to the one question it shares the most content words with (`SHARED` at least); a sentence
    that takes none up stays with the one before it (the rest of that part); sentences before the
    first one taken up go to no one. A short sentence of thanks ("Thank you, Marta.") takes nothing up,
    whoever it names."""
    words = [core_words(" ".join(x.text for x in h.core)) for h in candidates]
    askers = [asker_words(h) for h in candidates]
    owner: int | None = None
    parts: dict[int, list[Sentence]] = {}
    named: set[int] = set()
    peak: dict[int, tuple[int, int]] = {}  # the line of the sentence that shares most with each question
    for sentence in ctx.sentences[j]:
        if thanks_only(sentence.text):
            continue  # "Thank you, Marta." names the asker to thank her, not to take her question up
        head = {re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w‑'’-]+", sentence.text)[:ASKER_REACH]}
        by_name = [i for i, a in enumerate(askers) if a and a & head]
        said = core_words(sentence.text)
        shared = [len(w & said) for w in words]
        best = max(shared, default=0)
        if len(by_name) == 1:
            owner = by_name[0]
            named.add(owner)
        elif best >= SHARED and shared.count(best) == 1:
            owner = shared.index(best)
        if owner is not None:
            parts.setdefault(owner, []).append(sentence)
            hit = (100 if len(by_name) == 1 else shared[owner], -sentence.line)
            peak[owner] = max(peak.get(owner, hit), hit)
    return {i: Part(" ".join(x.text for x in got), -peak[i][1], i in named) for i, got in parts.items()}


def _candidates(ctx: AnalysisContext, groups: list[QuestionGroup], j: int, boundaries: Sequence[int]) -> list[int]:
    """Indexes of the questions reply `j` may take together: put from the floor (not a chair's own,
    not a restatement) in the `REACH` turns before `j`, in its segment, by someone else or read out
    by the replier for someone else (an e-mail the Secretariat reads and then answers)."""
    start = max([b for b in boundaries if b <= j] + [j - REACH, 0])
    return [
        i
        for i, h in enumerate(groups)
        if start <= h.turn < j
        and not h.from_moderator
        and not h.restates
        and not (same_speaker(ctx, j, h.turn) and h.by == h.asked_by)
    ]


def collected_fates(
    ctx: AnalysisContext,
    groups: list[QuestionGroup],
    fates: list[tuple[str, list[int]]],
    boundaries: Sequence[int] = (),
) -> dict[int, tuple[str, list[int]]]:
    """The fates a collected reply gives (question index → (status, answer lines)), for the
    questions whose fate (`fates`, what the rules and the model found) it corrects.

    A collected reply is a turn by someone other than the chair, not one that stops for time
    (`cues.CUT_OFF`), whose parts (`collected_parts`) take up questions of two or more earlier
    turns. Each question is taken up by the first collected reply after it, and its fate changes:
    - found answered by position alone (`_by_position`) before the reply, when the reply or the
      chair's hand-over before it speaks of the questions as a round (`COLLECTED`): the turn it
      was paired with was the next intervention of a speakers list, so the question is answered in
      its part (after other business: answered later) or left open when its part does not answer;
    - found unanswered, when its part opens by naming its asker and answers (`read_reply`);
    - found answered by this very reply: the answer line becomes its part's (a long reply's
      first line is often its thanks), the status stands.
    The status is `answered-later` when someone other than the chair spoke between the question
    and the reply without only asking (other business), else `answered`."""
    from .replyreader import ANSWERS, DEFERS, read_reply

    by_line = ctx.turn_at_line
    out: dict[int, tuple[str, list[int]]] = {}
    done: set[int] = set()
    for j in range(len(ctx.turns)):
        if empty_turn(ctx, j) or ctx.is_moderator(j) or question_turn(ctx, groups, j):
            continue
        cand = [i for i in _candidates(ctx, groups, j, boundaries) if i not in done]
        if len(cand) < 2 or CUT_OFF.search(ctx.turns[j].text):
            continue
        parts = collected_parts(ctx, [groups[i] for i in cand], j)
        taken = {cand[k]: part for k, part in parts.items()}
        if len(taken) < 2 or len({groups[i].turn for i in taken}) < 2:
            continue  # one question, or the parts of one turn (`questioncues.ordinal_part` reads those)
        framed = _framed(ctx, j)
        for i, part in taken.items():
            done.add(i)
            g = groups[i]
            status, lines = fates[i]
            first = by_line.get(lines[0]) if lines else None
            words = core_words(" ".join(x.text for x in g.core))
            kind = read_reply(part.text, words)
            if kind == ANSWERS and _non_answer(part.text, words):
                kind = DEFERS  # "Yuki, the consultant.  I must be honest, we do not know yet."
            if status == "unanswered":
                if not (part.named and kind == ANSWERS):
                    continue
            elif first == j:
                # the rules' own reply, read from its first line: its status stands
                # (`questions.reply_reading` judged what it says), its answer line is the part's
                if part.line != lines[0]:
                    out[i] = (status, [part.line, *(x for x in lines[1:] if x != part.line)])
                continue
            elif not (framed and first is not None and first < j and _by_position(ctx, g, first)):
                continue  # it has a reply of its own (or this one)
            elif kind is not None and kind != ANSWERS:
                out[i] = ("unanswered", [])
                continue
            later = voice_between(ctx, groups, g.turn, j)
            out[i] = ("answered-later" if later else "answered", [part.line])
    return out


def _framed(ctx: AnalysisContext, j: int) -> bool:
    """Whether reply `j`'s opening, or the chair's turn right before it, speaks of the questions as
    a round to take together or in turn (`COLLECTED`)."""
    before = next((k for k in range(j - 1, -1, -1) if not empty_turn(ctx, k)), None)
    texts = [x.text for x in ctx.sentences[j][:3]]
    if before is not None and ctx.is_moderator(before):
        texts += [x.text for x in ctx.sentences[before][-3:]]
    return any(COLLECTED.search(t) for t in texts)


def _by_position(ctx: AnalysisContext, g: QuestionGroup, first: int) -> bool:
    """Whether the turn `first` the rules paired with `g` is its answer by position alone: not by
    its named addressee and sharing less than `OVERLAP` of its content words."""
    if g.to and ctx.people[first].name == g.to:
        return False
    return word_overlap(set(core_words(" ".join(x.text for x in g.core))), ctx.turns[first].text) < OVERLAP

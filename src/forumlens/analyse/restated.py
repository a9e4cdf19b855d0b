"""A chair's restatement of the floor question just asked ("So if I have understood correctly,
the question to Mr. Khan is: …?", "So the lady is asking whether …").

Why a module of its own: in sessions whose chair repeats every floor question in their own
words before the panel answers (asks_blind13's 2008 main session, a common shape of large
main sessions with poor floor microphones), the restatement looked like a new question of the
chair's. It closed the floor question's exchange (a moderator's question ends it), so the floor
question was "unanswered" while the restatement took its answer; and a restatement without a
question mark ("So the question is, when will …  I do not see ICANN here, please raise it at
the workshop") was read as the chair answering in their own words. Annotators record the
question once, on the floor speaker's line, in the speaker's words; the restatement is a re-ask.

The shape: the chair's next turn after the floor question opens with a restating frame — "the
question (to X) is", "the lady / gentleman / speaker is asking", "in other words", "let me
rephrase the question", optionally after "So", "Okay" or "If I have understood correctly".
Only a moderator's turn right after someone else's question counts, so a floor speaker's own
"So the question is …" stays a question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._regex import compile_cue

if TYPE_CHECKING:
    from .context import AnalysisContext
    from .questions import QuestionGroup

__all__ = [
    "RESTATES",
    "named_in_restatement",
    "only_restates",
    "restated_originals",
    "restates",
    "restating_turn",
    "without_restatement",
]

# A restating turn with fewer words than this besides the restatement only re-asks and hands the
# floor ("So the question to Mr. Khan is: …?  Mr. Khan."); with more, the chair also says
# something of their own (a redirect, an answer), which the fate rules read as before.
REST_WORDS = 8

_LEAD = r"^\W*(?:(?:so|okay|ok|right|well|now|good|yes|alright)\b\W+)*"
_UNDERSTOOD = (
    r"(?:(?:if|as)\s+i\s+(?:have\s+|'ve\s+)?(?:understood|understand|got)\s+(?:(?:it|you|him|her|that|this)\s+)?"
    r"(?:correctly|right|well|properly)?\W+)?"
)
_FRAME = (
    r"(?:(?:the|your|his|her|this|their)\s+question\s+(?:(?:to|for)\s+(?P<to>[^,:;?]{1,60}?)\s+)?is\b"
    r"|(?:the|this|our)\s+(?:lady|gentleman|speaker|participant|colleague|questioner|friend|delegate|member"
    r"|man|woman|young\s+\w+)\s+(?:is\s+asking|asks|wants\s+to\s+know|would\s+like\s+to\s+know)\b"
    r"|in\s+other\s+words\b"
    r"|(?:let\s+me|i\s+will|i'll|i\s+would\s+like\s+to)\s+(?:repeat|rephrase|restate|summari[sz]e|sum\s+up)\s+"
    r"(?:the|your|his|her|that|this)\s+question)"
)
RESTATES = compile_cue(_LEAD + _UNDERSTOOD + _FRAME, re.I)


def restates(sentence: str) -> bool:
    """Whether a sentence opens with a restating frame ("So the question to Ms. Li is, …")."""
    return bool(RESTATES.search(sentence))


def restating_turn(ctx: AnalysisContext, j: int) -> bool:
    """Whether turn `j` is a moderator's that opens by restating a question."""
    first = next(iter(ctx.sentences[j]), None)
    return first is not None and ctx.is_moderator(j) and restates(first.text)


def only_restates(ctx: AnalysisContext, j: int) -> bool:
    """Whether moderator turn `j` restates a question and says little else (`REST_WORDS`)."""
    return restating_turn(ctx, j) and len(without_restatement(ctx, j).split()) < REST_WORDS


def without_restatement(ctx: AnalysisContext, j: int) -> str:
    """Turn `j`'s text without its opening restatement sentences: what the chair says of their
    own after repeating the question (an answer, a redirect, a floor call); the whole text when
    it opens with none. Sentences as the context cut them ("Mr. Khan" is no sentence end)."""
    text = ctx.turns[j].text
    end = 0
    for sentence in ctx.sentences[j]:
        if not restates(sentence.text):
            break
        end = sentence.rel + len(sentence.text)
    return text[end:].strip() if end else text


def named_in_restatement(ctx: AnalysisContext, j: int) -> str | None:
    """The session speaker the chair's restatement puts the question to ("the question to Madam
    Limbu-Plaskett is"), by any part of their name longer than two letters; None if it names
    no one or no speaker."""
    first = next(iter(ctx.sentences[j]), None)
    m = RESTATES.search(first.text) if first is not None else None
    named = (m.group("to") or "") if m else ""
    words = {w.strip(".,").lower() for w in named.split()}
    hits = [n for n in ctx.speaker_names if any(len(p) > 2 and p.lower() in words for p in n.split())]
    return hits[0] if len(hits) == 1 else None


def restated_originals(ctx: AnalysisContext, groups: Sequence[QuestionGroup]) -> dict[int, int]:
    """Index of each question group that is a chair's restatement → index of the floor question
    it restates: a moderator's group whose turn opens with a restating frame, in the first
    speech turn after the turn of someone else's question (that turn's last question)."""
    out: dict[int, int] = {}
    for k, h in enumerate(groups):
        if not h.from_moderator or h.by != h.asked_by:
            continue
        if not restating_turn(ctx, h.turn):
            continue
        before = next(
            (
                j
                for j in range(h.turn - 1, -1, -1)
                if ctx.turns[j].kind == "speech" and len(ctx.turns[j].text.split()) >= 4
            ),
            None,
        )
        asked = [i for i, g in enumerate(groups[:k]) if g.turn == before and not g.from_moderator]
        if asked:
            out[k] = asked[-1]
    return out

"""What the readers of replies share: whose question a reply turns to, which turn mainly asks,
what is only thanks, and whether other business came between a question and its reply.

Why a module of its own: the fate rules (`questionfates`), the entry point (`questions`) and the
collected-reply reading (`collectedreply`) each need these small readings, and the last had
imported them as private helpers of the first two. They depend only on the question groups and
the sentence cues, so every reader of replies can build on them without an import cycle.
"""

from __future__ import annotations

import re

from .context import AnalysisContext
from .questiongroups import QuestionGroup, empty_turn, same_speaker
from .questionsentences import _THANKS, _words

__all__ = ["asker_words", "question_turn", "thanks_only", "voice_between"]


def question_turn(ctx: AnalysisContext, groups: list[QuestionGroup], j: int) -> bool:
    """A turn that mainly asks (so it cannot be an answer)."""
    asked = sum(_words(s.text) for g in groups if g.turn == j for s in g.sentences)
    return asked > 0 and asked * 2.5 >= _words(ctx.turns[j].text)


def thanks_only(sentence: str) -> bool:
    """A short sentence of thanks or assent ("Thank you, Somchai.", "Okay."), not a reply that
    opens with thanks ("Thank you for the question, but this question is for Dubai.")."""
    return bool(_THANKS.match(sentence)) and len(sentence.split()) <= 4


def asker_words(g: QuestionGroup) -> frozenset[str]:
    """The name words of whoever put `g` (the participant a read-out question is for first)."""
    name = g.relayed_for or g.asked_by or g.by or ""
    return frozenset(w for w in re.findall(r"[\w‑'-]+", name) if len(w) > 2 and w[0].isupper())


def voice_between(ctx: AnalysisContext, groups: list[QuestionGroup], asked: int, back: int) -> bool:
    """Whether someone other than the asker and the moderators spoke between the question's
    turn and `back`, not only to put a question of their own: the question was taken up after
    other business, not as the exchange's first reply (a chair passing it to the room, "Who
    wants to take this?", and the next speaker answering; a round of floor questions answered
    together, "To Pierre's question, …", is an answer at once)."""
    return any(
        not empty_turn(ctx, k)
        and not ctx.is_moderator(k)
        and not same_speaker(ctx, k, asked)
        and not question_turn(ctx, groups, k)
        for k in range(asked + 1, back)
    )

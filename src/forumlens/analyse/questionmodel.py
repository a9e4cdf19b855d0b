"""A trained model of a question's fate: answered, answered-later or unanswered.

Why: the fate rules of `analyse.questions` reached 100 % on the development sessions and
kept 1 of 13 not-answered questions of the next unseen set; each session leaves questions
open in its own way. Here a multinomial logistic regression (the `Softmax` of the ask
classifier) weighs the shape of what follows a question (`analyse.questionfeatures`).
A question is answered when P(answered) reaches the threshold stored with the weights,
which `bench/train_questions.py` calibrates on out-of-fold predictions (folds by file);
otherwise the more likely of answered-later and unanswered. Inference is pure Python
over package JSON (`analyse/data/questions_model.json`); without that file the rules
decide alone.

Answer lines stay the rules' where the rules found an answer; when the model finds an
answer the rules did not, the first reply it is most likely to be (the addressee's turn,
else the first reply that is not the moderator's) gives the lines (`answer_lines`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import takewhile

from ..shipped import load_shipped
from .askmodel import Softmax
from .context import AnalysisContext
from .cues import content_words
from .questions import QuestionGroup, answer_end, question_turn, reply_run
from .questions_later import later_turns

__all__ = ["STATUSES", "QuestionModel", "answer_lines", "load_question_model"]

STATUSES = ("answered", "answered-later", "unanswered")


@dataclass(frozen=True)
class QuestionModel:
    """The fate softmax and the calibrated threshold on P(answered)."""

    softmax: Softmax
    threshold: float
    notes: Mapping[str, object]

    def probabilities(self, feats: Sequence[str]) -> dict[str, float]:
        return self.softmax.probabilities(feats)

    def decide(self, feats: Sequence[str]) -> str:
        """The status: answered at or above the threshold, else the likelier of the other two."""
        p = self.softmax.probabilities(feats)
        if p["answered"] >= self.threshold:
            return "answered"
        return "answered-later" if p["answered-later"] > p["unanswered"] else "unanswered"

    def later_or_open(self, feats: Sequence[str]) -> str:
        """For a question the rules found taken up later: answered-later or unanswered,
        whichever the model finds likelier (it is not asked whether it was answered at once)."""
        p = self.softmax.probabilities(feats)
        return "answered-later" if p["answered-later"] > p["unanswered"] else "unanswered"

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> QuestionModel:
        softmax = Softmax.from_json(data["model"])  # type: ignore[arg-type]
        if tuple(softmax.classes) != STATUSES:
            raise ValueError(f"classes {softmax.classes} are not {STATUSES}")
        return cls(softmax, float(data["threshold"]), dict(data.get("notes") or {}))  # type: ignore[arg-type,call-overload]

    def to_json(self) -> dict[str, object]:
        return {"threshold": round(self.threshold, 4), "notes": dict(self.notes), "model": self.softmax.to_json()}


def answer_lines(
    ctx: AnalysisContext,
    g: QuestionGroup,
    groups: list[QuestionGroup],
    close: int,
    status: str,
    rule: tuple[str, list[int]],
) -> list[int]:
    """Answer lines for the model's status: the rules' when they found an answer, else the
    likeliest reply (answered: the addressee's turn before the close, else the first reply
    that is neither the moderator's nor a new question; answered-later: the later turn that
    repeats most of the question, or the addressee's first turn after the close)."""
    if status == "unanswered":
        return []
    rule_status, lines = rule
    # The rules' answer stands, unless the model says the question was answered only later:
    # then the reply the rules took for an answer is the one that set it aside.
    if lines and rule_status in (status, "answered-later"):
        return lines
    later = later_turns(ctx)  # the following turns, read only as far as needed (issue 19)
    if status == "answered":
        inside = list(takewhile(lambda j: j < close, later.follows(g.turn)))
        pick = next((j for j in inside if ctx.people[j].name == g.to), None)
        if pick is None:
            pick = next(
                (j for j in inside if not ctx.is_moderator(j) and not question_turn(ctx, groups, j)),
                inside[0] if inside else next(later.follows(g.turn), None),
            )
        if pick is None:
            return []
        return reply_run(ctx, pick, answer_end(ctx, groups, pick, close)) if pick < close else [ctx.turns[pick].line]
    words = content_words(" ".join(s.text for s in g.core))
    # the later turn that repeats most of the question (the first of equals): only turns
    # sharing two of its words score above 0
    scored = max(((share, -j) for j, share in later.sharing(words, g.turn, close)), default=(0.0, 0))
    if scored[0] > 0:
        return [ctx.turns[-scored[1]].line]
    pick = next(later.speaks(g.turn, g.to, after=close - 1), None)
    return [ctx.turns[pick].line] if pick is not None else []


@cache
def load_question_model() -> QuestionModel | None:
    """The shipped model (`analyse/data/questions_model.json`), or None when none is shipped."""
    return load_shipped(
        "forumlens.analyse",
        "questions_model.json",
        QuestionModel.from_json,
        what="question-fate model",
        rebuild="python bench/train_questions.py",
    )

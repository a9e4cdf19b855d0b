"""Whether the reply paired with a relayed question takes that question up.

Why a module of its own: a question read out for someone else (a chat, hub, email or blog question
the online moderator or the chair relays: "He asks, …?", "And Thomas asks the panel: …?") is put
by one person and asked by another, and often in a batch of two or three read in one turn. The
fate rules (`questionfates`) pair it with the replies that follow the read-out; the question-fate
model (`questionmodel`) then weighs that pairing by the shape of the exchange alone, and the shape
of a relayed batch (the asker absent, the question to the room, the next reply naming another
asker) is the shape of a question left open — so a relayed question answered by a reply that
plainly speaks to it was judged unanswered (stop 42's round 27: three of its misses; rounds 1–26
hold the same shape). This module gives the explicit evidence the model lacks: a sentence of a
paired reply that goes to *this* question among those read out in the same turn and that answers
it, read by the one reader of replies (`questionfates.reply_kinds`, which `reply_reading` weighs for
every question). Pure functions over the analysis context.
"""

from __future__ import annotations

from collections.abc import Mapping

from .context import AnalysisContext
from .questionfates import core_words, names_asker, reply_kinds
from .questiongroups import QuestionGroup, empty_turn, same_speaker
from .replyreader import ANSWERS

__all__ = ["is_relayed", "relayed_reply_answers"]


def is_relayed(g: QuestionGroup) -> bool:
    """A question read out by someone other than its asker (the fate features' `ask:relayed`): its
    asker was read out for it (`by`), whether or not the voice reading it has a name of its own (a
    `REMOTE MODERATOR` label leaves `asked_by` empty; round 28's e-mailed questions)."""
    return bool(g.by) and g.by != g.asked_by


def relayed_reply_answers(
    ctx: AnalysisContext,
    g: QuestionGroup,
    groups: list[QuestionGroup],
    lines: list[int],
    paired: Mapping[int, list[QuestionGroup]] | None = None,
) -> bool:
    """Whether a reply on `lines` (the turns the rules pair with the relayed question `g`) gives
    `g` a sentence of its own that answers it.

    Only the replies right after the read-out count (`_replies_after`): the run of turns after
    it up to the next turn of a chair or moderator (one who keeps a question for later, answers
    it in their own words or moves on has the model's or the other rules' reading), the relayer
    again, or a new asker. Each is read by the one reader of replies (`questionfates.reply_kinds`:
    the reply's share of `g` among the questions it takes together, and what that share does);
    a share that answers counts when the reply takes `g` alone or the share plainly speaks to it
    (`_speaks_to`). A question that is not relayed is never judged here: its pairing is the
    model's to weigh."""
    if not is_relayed(g):
        return False
    run = _replies_after(ctx, g, groups)
    wanted = [line for line in lines if line in run]
    words = core_words(" ".join(s.text for s in g.core))
    return any(
        share.kind == ANSWERS and (share.batch_size == 1 or _speaks_to(share.sentences, g, words))
        for share in reply_kinds(ctx, g, groups, wanted, paired)
    )


def _replies_after(ctx: AnalysisContext, g: QuestionGroup, groups: list[QuestionGroup]) -> set[int]:
    """The lines of the turns right after the read-out of `g`: up to the next turn of a chair or
    moderator, of the relayer again, or of a new asker (empty turns skipped)."""
    lines: set[int] = set()
    for j in range(g.turn + 1, len(ctx.turns)):
        if empty_turn(ctx, j):
            continue
        if ctx.is_moderator(j) or same_speaker(ctx, j, g.turn) or any(h.turn == j for h in groups):
            break  # the chair's turn, the relayer again, or a new asker: the run of replies is over
        lines.add(ctx.turns[j].line)
    return lines


def _speaks_to(share: tuple[str, ...], g: QuestionGroup, words: frozenset[str]) -> bool:
    """Whether a reply's share of `g` (its sentences, `ReplyShare.sentences`), one of several questions it takes together, plainly speaks to
    `g`: one of its sentences names `g`'s asker ("For Tomasz, …") or repeats two of its content
    words. Why: `reply_kinds` gives a sentence to the question whose words it shares most, one word
    is enough there ("If the phone works …" went to a question about repaired phones while the reply
    answered another asker by name); with no other question to choose from, one word is enough."""
    asker = frozenset(w for w in (g.relayed_for or g.by or "").split() if len(w) > 2 and w[0].isupper())
    return any(len(words & core_words(s)) >= 2 or (asker and names_asker(s, [asker]) is not None) for s in share)

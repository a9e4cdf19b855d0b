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
paired reply that goes to *this* question among those read out in the same turn (by its asker's
name or by the words it shares most, `questionfates._owners`) and that answers it
(`replyreader.read_reply`). Pure functions over the analysis context.
"""

from __future__ import annotations

from .context import AnalysisContext
from .questionfates import _batch, _core_words, _empty, _names_asker, _owners, _same_speaker
from .questiongroups import QuestionGroup

__all__ = ["is_relayed", "relayed_reply_answers"]


def is_relayed(g: QuestionGroup) -> bool:
    """A question read out by someone other than its asker (the fate features' `ask:relayed`)."""
    return bool(g.by) and g.asked_by is not None and g.by != g.asked_by


def relayed_reply_answers(
    ctx: AnalysisContext, g: QuestionGroup, groups: list[QuestionGroup], lines: list[int]
) -> bool:
    """Whether a reply on `lines` (the turns the rules pair with the relayed question `g`) gives
    `g` a sentence of its own that answers it.

    Only the replies right after the read-out count: the run of turns after it up to the next
    turn of a chair or moderator (one who keeps a question for later, answers it in their own
    words or moves on has the model's or the other rules' reading). Each reply's sentences are
    shared among the questions it takes together (`_batch`: the floor questions before the
    read-out too, so a reply to one of those is not counted for `g`) by `_owners` — the asker a
    sentence names, else the one question whose content words it shares most — and `g`'s share
    is read as a reply (`read_reply`). A turn that asks a question of its own is no reply. A
    question that is not relayed is never judged here: its pairing is the model's to weigh."""
    from .replyreader import ANSWERS, read_reply

    if not is_relayed(g):
        return False
    words = _core_words(" ".join(s.text for s in g.core))
    wanted = set(lines)
    for j in range(g.turn + 1, len(ctx.turns)):
        if _empty(ctx, j):
            continue
        if ctx.is_moderator(j) or _same_speaker(ctx, j, g.turn) or any(h.turn == j for h in groups):
            return False  # the chair's turn, the relayer again, or a new asker: the run of replies is over
        if ctx.turns[j].line not in wanted:
            continue
        batch = _batch(ctx, groups, j)
        if g not in batch:
            batch = [h for h in groups if h.turn == g.turn]
        owners = _owners(ctx, batch, j)
        mine = [s.text for s, o in zip(ctx.sentences[j], owners, strict=True) if o is not None and batch[o] is g]
        if mine and (len(batch) == 1 or _speaks_to(mine, g, words)) and read_reply(" ".join(mine), words) == ANSWERS:
            return True
    return False


def _speaks_to(sentences: list[str], g: QuestionGroup, words: frozenset[str]) -> bool:
    """Whether a reply's share of `g`, one of several questions it takes together, plainly speaks to
    `g`: one of its sentences names `g`'s asker ("For Tomasz, …") or repeats two of its content
    words. Why: `_owners` gives a sentence to the question whose words it shares most, one word is
    enough there ("If the phone works …" went to a question about repaired phones while the reply
    answered another asker by name); with no other question to choose from, one word is enough."""
    asker = frozenset(w for w in (g.relayed_for or g.by or "").split() if len(w) > 2 and w[0].isupper())
    return any(len(words & _core_words(s)) >= 2 or (asker and _names_asker(s, [asker]) is not None) for s in sentences)

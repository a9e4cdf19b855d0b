"""Need items from the asks the analyse stage found (or stored) in one session.

Why a module of its own: a coalition's ask found by `analyse.asks` (its trained classifier
tells an ask or recommendation from the rest) is a need item even where no thread cue fired;
this turns those stored asks into items and drops the ones the cue rules already made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from ..models import Turn
from .actors import Actor
from .backref import NAMED_BACK
from .cues import is_non_ask
from .deliverables import _category, _names, _without_coalitions
from .itemcontext import ASKS_CUE, _Context
from .models import Item
from .sentences import Sentence


# -- asks the analyse stage found ----------------------------------------------------------------
def _analysed_asks(
    ctx: _Context, covering: Mapping[int, list[tuple[Turn, Sentence]]]
) -> dict[int, tuple[Mapping[str, Any], Turn, Sentence]]:
    """The sentences the `asks` analysis found an ask or recommendation in (sentence start → the ask, its
    turn and sentence): the sentence of the line whose words the stored quote holds (or that holds it)."""
    found: dict[int, tuple[Mapping[str, Any], Turn, Sentence]] = {}
    for ask in ctx.analyses.get("asks") or []:
        if not isinstance(ask, Mapping) or ask.get("type") not in _NEED_TYPES or ask.get("line") is None:
            continue
        quote = str(ask.get("quote") or "")
        if not quote:
            continue
        for turn, sentence in covering.get(int(ask["line"]), []):
            if quote in sentence.text or sentence.text in quote:
                found.setdefault(sentence.start, (ask, turn, sentence))
                break
    return found


def _stored_needs(
    ctx: _Context, analysed: Mapping[int, tuple[Mapping[str, Any], Turn, Sentence]], actors: Mapping[int, Actor]
) -> list[Item]:
    """A need item for each ask the analysis found, unless it is thanks, procedure or a question
    (`is_non_ask`) or the speaker chairs. (The other sentences of its line are not read: a line that
    opens "I want to remind one thing …" still holds the ask its next sentence makes.)"""
    out = []
    for ask, turn, sentence in analysed.values():
        if is_non_ask(sentence.text) or turn.speaker in ctx.moderators:
            continue
        coalition, org = ctx.document_by if ctx.document else actors.get(turn.index, (None, None))
        out.append(
            Item(
                ctx.session_id,
                sentence.line,
                sentence.text,
                "need",
                turn.speaker,
                coalition or (None if org else ask.get("coalition")),
                org,
                _category(ctx, _without_coalitions(ctx, sentence)),
                cue=ASKS_CUE,
                seq=sentence.start,
                names=_names(ctx, sentence),
            )
        )
    return out


def _asks_taxonomy(
    items: Iterable[Item], analysed: Mapping[int, tuple[Mapping[str, Any], Turn, Sentence]]
) -> list[Item]:
    """Each need the `asks` analysis found too, with that analysis' category in `asked`: one taxonomy, so
    a thread's category is the one the session report gives the same sentence (`status.thread_category`)."""
    out = []
    for item in items:
        found = analysed.get(item.seq) if item.signal == "need" else None
        category = str(found[0].get("category") or "other") if found is not None else None
        out.append(replace(item, asked=category) if category is not None else item)
    return out


# a coalition's recommendation ("every session … should have live captions") is its ask of the forum: the
# asks analysis' trained classifier (`analyse.askmodel`) tells the two apart, a thread needs both. (Running that
# classifier again here on every sentence no rule took, at P ≥ 0.5, added no blind3 item and two noisy dev
# threads: measured at stop 19, not kept.)
_NEED_TYPES = frozenset({"ask", "recommendation"})


_COMMITMENT_SIGNALS = frozenset({"promise", "update", "delivery", "slip"})


def _dedupe(items: Iterable[Item]) -> list[Item]:
    """One item per sentence and signal (a need the analyse stage found too is kept once); a sentence
    that promises or reports on a promise is not also an ask the analyse stage read into it."""
    items = list(items)
    # news found by its opening phrase alone (`backref.news_opening`) gives way to an ask the analyse stage read there
    asked: dict[int, list[str]] = {}
    for i in items:
        if i.cue == ASKS_CUE:
            asked.setdefault(i.line, []).append(i.quote)
    items = [
        i
        for i in items
        if i.about != NAMED_BACK or not any(q in i.quote or i.quote in q for q in asked.get(i.line, ()))
    ]
    committed = {i.line for i in items if i.signal in _COMMITMENT_SIGNALS}
    committed_quotes = {(i.line, i.quote) for i in items if i.signal in _COMMITMENT_SIGNALS}
    seen: set[tuple[int, str]] = set()
    out = []
    for item in sorted(items, key=lambda i: (i.seq, i.cue == ASKS_CUE)):
        if item.cue == ASKS_CUE and item.line in committed and (item.line, item.quote) in committed_quotes:
            continue
        key = (item.seq, item.signal)
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out

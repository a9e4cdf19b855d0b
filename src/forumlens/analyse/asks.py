"""Asks, needs, recommendations and commitments, each with a category.

Taxonomy (the README section "Asks and commitments" repeats it for users)
-------------------------------------------------------------------------
type — what the sentence does:
  ask             a request or a stated need ("we need channels of communication",
                  "it would be helpful if …", "I would like to request …")
  recommendation  what others should do ("outputs should be made more visible",
                  "I would highly recommend …", "we have to think of ways to …")
  commitment      what the speaker or their body will do ("we will share the final
                  report", "we would have to do our part", "we can explore that")
category — what it is about (first match by keyword weight, ties by this order):
  funding                 money, financing, financial base, funds, paying consultants
  concise-summaries       one-to-two page briefs, talking points, concise summaries
  communication-channels  channels, regular updates, reaching decision makers
  recognition             recognition, the official record, being considered a stakeholder
  visibility              visibility, profile, showcase, publicising, accessible to the public
  links-to-institutions   links to UN agencies, governments, IGOs, NRIs, decision making
  capacity-building       capacity, training, skills, literacy, methodology
  participation           involvement, engagement, joining, inclusivity, inputs, volunteers
  agenda                  putting an issue on an agenda
  cooperation             coalitions and partners working together, exchanging practice
  support                 material or secretariat support, sustainability of coalitions
  policy                  a substantive recommendation about the Internet itself (laws,
                          regulation, standards, licences, taxes, privacy; last in ties)
  other                   none of the above
Outputs (reports, statements, glossaries, charters, papers) are found by
`analyse.outputs`, not here.

Rules and a trained classifier (issue 22): the cue phrases ("we need", "should", "it
would be helpful if", "I would like to request", "we will share") are kept and decide the
unit they are in, because on real captions they were right far more often than not. The
category of every unit is the learned category model's when it is sure (stop 24; it reads
the object phrase, the verb asked for and the keyword hits as features), the keyword score's
when it is not, unless that score is one keyword outside the object asked for and the model
clearly prefers another category (`WEAK_LEARNED`: "… not a new website" is not visibility). Everything they miss goes to the classifier of
`analyse.askmodel`, trained on annotated sentences (`bench/data/asks/`): list items after
an announced list of requests, imperatives to the room, recommendations to named
institutions, and the clauses of long run-on lines, which `analyse.clauses` cuts into
units first. Every decision still quotes its exact unit. A moderator's sentences are
mostly floor management and promotion ("please go to their session"), not the session's
asks: only those `analyse.presenter` finds substantive (a chair presenting a coalition's
asks, a closing call to the room) are judged, at a higher classifier threshold, and in any
of their turns a chair's own commitment ("I commit to send it by Friday"). Sentences that are
tracked questions are skipped.

Where each part lives: the cue rules' reading of one sentence (type, keyword scores) is
`analyse.asksentence`; cutting a sentence into units and judging each, rules first and then the
classifier, is `analyse.askunits`; weighing the learned, keyword and frame categories is
`analyse.askcategory`; how a chair's sentence is read is `analyse.chairview`. This module walks
the turns and keeps what is on record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .askcategory import routable_other, settled_category
from .askcues import CATEGORIES
from .askmodel import WE_REQUEST, AskModel, load_ask_model
from .asksentence import category_scores, classify_category, classify_type, says_nothing
from .askunits import judge_rules, judge_units
from .chairview import MODERATOR_THRESHOLD, chair_commits, chair_view, inside_quote
from .context import AnalysisContext
from .cues import is_procedural
from .models import Ask
from .pledges import delivery_promise, own_pledge
from .presenter import chair_sentences

# Names kept importable from here because other modules import them from `asks` (`summarise.themes`,
# `threads.deliverables`, `bench/train_asks.py`, tests); `PROCEDURAL` and `TYPES`, which nothing
# imported from here, are their own modules' only (`cues`, `asksentence`).
__all__ = [
    "CATEGORIES",
    "category_scores",
    "chair_view",
    "classify_category",
    "classify_type",
    "find_asks",
    "inside_quote",
    "says_nothing",
]


def find_asks(
    ctx: AnalysisContext,
    skip: Iterable[tuple[int, int]] = (),
    coalitions: dict[int, str] | None = None,
    *,
    model: AskModel | bool | None = True,
) -> list[Ask]:
    """Asks, recommendations and commitments of every non-moderator speech turn.

    `skip` holds absolute sentence spans already reported as questions;
    `coalitions` maps turn index → the coalition the speaker speaks for.
    `model`: the classifier to judge with (`True`: the shipped one, `analyse.askmodel`;
    `False` or None: the cue-phrase rules alone, as before the classifier).
    With the classifier each sentence is cut into units (`analyse.clauses`: list items,
    clauses of long run-on lines), so one sentence can hold several asks, each quoted by
    its own unit. One record per unit (stop 23): a caption line often holds several asks of
    one category ("The regulators should cap … The regulators should also publish …"), and
    merging them per (line, category), as until stop 22, lost them (leave-one-set-out, with the
    routable "other" asks below, ask-line recall 0.82 → 0.92, precision 0.94 → 0.90); a unit
    holding two clauses that are each an ask is cut in two (`askunits.second_asks`).
    A second category a unit fits nearly as well goes in `also`, never into a second record.
    """
    judge = load_ask_model() if model is True else (model or None)
    skipped = set(skip)
    seen: set[tuple[int, str, str]] = set()
    out: list[Ask] = []
    chaired = chair_sentences(ctx)  # a moderator's turn is floor management unless they present
    first_chair = min(chaired, default=-1)  # the opening turn welcomes and introduces
    for turn in ctx.turns:
        if turn.kind != "speech":
            continue
        chair = turn.index in chaired
        presented = {x.start for x in chaired.get(turn.index, ())}
        opening = chair and turn.index == first_chair
        for s in ctx.sentences[turn.index]:
            if len(s.text.split()) < 4 or ((s.start, s.end) in skipped and not _requested(s.text, ctx)):
                continue
            view = chair_view(s, chair, presented, opening, chair and inside_quote(turn.text, s.rel))
            if view is None:
                continue
            relayed, own_only = view
            if judge is None:
                found = judge_rules(ctx, s)
            else:
                found = judge_units(
                    ctx, turn, s, judge, max(judge.threshold, MODERATOR_THRESHOLD) if chair and not relayed else None
                )
            for line, quote, kind, category, also in found:
                if own_only and (kind != "commitment" or not chair_commits(quote)):
                    continue
                if not _on_record(kind, category, quote):
                    continue
                category = settled_category(kind, category, quote)
                also = tuple(c for c in also if c != category)
                key = (line, category, quote)
                if key in seen:
                    continue
                seen.add(key)
                out.append(
                    Ask(
                        category=category,
                        type=kind,
                        by=ctx.people[turn.index].name,
                        line=line,
                        quote=quote,
                        coalition=(coalitions or {}).get(turn.index),
                        also=also,
                    )
                )
    return out


def _on_record(kind: str, category: str, quote: str) -> bool:
    """Whether a found ask is kept: not a recommendation whose modals have no verb ("Governments should
    too.": the classifier's shape cues, but nothing to do, `says_nothing`), nor an "other" with nothing
    to route ("we need to change", `askcategory.routable_other`; "it will be published", an output
    announced in the passive, `_PASSIVE_COMMIT`, which is `analyse.outputs`' own)."""
    if kind == "recommendation" and says_nothing(quote):
        return False
    return not (
        category == "other"
        and (
            (kind == "ask" and not routable_other(quote))
            or (_PASSIVE_COMMIT.search(quote) and not (own_pledge(quote) or delivery_promise(quote)))
        )
    )


# A commitment with no category of its own is still on record when someone acts ("we will add
# this as a finding", "I commit to send it"): on the newer sets of issue 22 such lines are
# annotated asks (category other), and dropping them lost 5 of 84 on asks_blind5. An output
# announced in the passive ("which will be published in December") is `analyse.outputs`' own.
_PASSIVE_COMMIT = re.compile(r"\b(?:will|shall|is going to|are going to)\s+be\s+(?:\w+ed|\w+en|available|out)\b", re.I)


def _requested(question: str, ctx: AnalysisContext) -> bool:
    """A tracked question that is also a request ("can we get moderators who speak Turkish?",
    `askmodel.WE_REQUEST`): judged as an ask too, unless it is the floor's housekeeping."""
    return WE_REQUEST.search(question) is not None and not is_procedural(question, ctx.memo)

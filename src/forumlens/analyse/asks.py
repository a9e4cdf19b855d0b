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
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cached_property

from forumlens.models import Turn
from forumlens.text.fastre import Prefiltered

from .askcues import ASK as _ASK
from .askcues import CATEGORIES, IMPERATIVE_VERBS, ask_window, category_hits, head_category
from .askcues import COMMIT as _COMMIT
from .askcues import FLOW as _FLOW
from .askcues import POLICY_SUBJECT as _POLICY_SUBJECT
from .askcues import RECOMMEND as _RECOMMEND
from .askframes import brings_people_in, delivered, edits_forum_text, frame_category, put_to_body, teaches
from .askmodel import ADDRESSEE_HEAD, LEAD, LIST_INTRO, WE_REQUEST, AskModel, Prediction, _asked_verb, load_ask_model
from .clauses import ask_units, opens_next
from .context import FLOOR_CUE, AnalysisContext, Sentence
from .cues import PROCEDURAL, CheckMemo, is_procedural  # noqa: F401 (PROCEDURAL: public re-export)
from .models import Ask
from .pledges import delivery_promise, own_pledge
from .presenter import chair_sentences
from .reported import direct_speech, reported_request, without_aside

__all__ = ["CATEGORIES", "TYPES", "category_scores", "classify_category", "classify_type", "find_asks"]

TYPES = ("ask", "recommendation", "commitment")


def classify_type(sentence: str) -> str | None:
    """`ask`, `recommendation`, `commitment`, or None when the sentence is none of them."""
    return _Sentence(sentence).kind


class _Sentence:
    """Every regex of type and category run at most once per sentence (several decisions share them)."""

    def __init__(self, text: str, memo: CheckMemo | None = None) -> None:
        self.text = text
        self._memo = memo

    @cached_property
    def ask(self) -> re.Match[str] | None:
        found = next((m for m in _ASK.finditer(self.text) if not _REPORTED_ASK.match(m.group(0))), None)
        return found or _SPOKEN_ASK_CUE.search(self.text)

    @cached_property
    def rec(self) -> re.Match[str] | None:
        return next(
            (
                m
                for m in _RECOMMEND.finditer(self.text)
                if (not _STATE_OF_THINGS.search(self.text, 0, m.start()) or not self.text.startswith("be", m.end() + 1))
                and not (m.group(1) and _ELIDED.match(self.text, m.end()))
            ),
            None,
        )

    @cached_property
    def commit(self) -> re.Match[str] | None:
        """The cue rules' commitment, else one read by its grammar (`pledges`: a deed of the speaker's
        side in the future, or the session's report or notes on their way to people)."""
        return _COMMIT.search(self.text) or own_pledge(self.text) or delivery_promise(self.text)

    @property
    def hands_floor(self) -> bool:
        """A floor hand-off ("I give it to Maria"), unless a request of the speaker's own comes
        first and the words are what the addressee should do with a thing ("I recommend that
        governments do not give the money to one body, give it to the place that is open")."""
        floor = FLOOR_CUE.search(self.text)
        if floor is None:
            return False
        cue = self.rec or self.ask
        return cue is None or cue.start() > floor.start()

    @property
    def trigger(self) -> re.Match[str] | None:
        """The cue that made the sentence an ask, recommendation or commitment."""
        kind = self.kind
        if kind == "commitment":
            return self.commit
        return self.ask if kind == "ask" else self.rec if kind == "recommendation" else None

    @property
    def kind(self) -> str | None:
        if is_procedural(self.text, self._memo) or self.hands_floor:
            return None
        commit = self.commit
        if commit and not _FLOW.search(commit.group(0)) and not self.ask:
            return "commitment"
        if self.ask:
            return "ask"
        if self.rec:
            return "recommendation"
        return None

    @cached_property
    def plain(self) -> dict[str, int]:
        """Keyword hits per category in the whole sentence."""
        return {name: category_hits(name, self.text) for name in CATEGORIES}

    def scores(self) -> dict[str, int]:
        trigger = self.ask or self.rec or self.commit
        at = trigger.end() if trigger else 0
        verb = _verb_group(trigger) if trigger is not None and trigger is self.commit else None
        if trigger is not None and verb is not None and trigger.group(verb):
            at = trigger.start(verb)  # "we will train …": the verb taken on heads the window (HEAD_BONUS)
        asked = _asked_at(self.text, at) if trigger else None
        if asked is not None:
            at = asked  # the addressee names who is asked, not what: the window is what is asked of them
        window = ask_window(self.text, at) if trigger else ""
        plain = self.plain
        scores = {}
        lead = self.text[max(0, at - 40) : at] + " " if trigger else ""
        for name in CATEGORIES:
            hits = plain[name] + 2 * (category_hits(name, lead + window, len(lead)) if window else 0)
            if hits:
                scores[name] = hits
        head = head_category(window)
        if head in scores:
            scores[head] += HEAD_BONUS  # the verb that heads the object decides over a word inside it
        return scores

    def category(self, kind: str) -> str:
        scores = self.scores()
        if _POLICY_SUBJECT.search(self.text) and scores.get("funding", 0) <= scores.get("policy", 0) + 1:
            return "policy"  # "regulators should …": about the rules, unless money is what is asked for
        if scores:
            return max(scores, key=lambda k: (scores[k], -_ORDER[k]))
        return "policy" if kind == "recommendation" else "other"

    def also(self, first: str) -> list[str]:
        return [name for name, hits in self.plain.items() if name != first and hits >= 2 and name != "support"][:1]


_TRIGGERS = (_ASK, _RECOMMEND, _COMMIT)

# Requests of meeting speech the shared cues (`askcues.ASK`, which the classifier also reads) do
# not hold, each a speaker's own request by its form (round 24: all three lost, P(ask) 0.00-0.07):
# a hedged invitation ("and I would invite the other universities … to join us"), a wish put as
# a condition ("we'd really love it if the network had …"), and a request named before it is said,
# with or without a verb ("And my request to the IGF, next year, one session with …").
_SPOKEN_ASK = re.compile(
    r"\b(?:i|we)\s*(?:would|'d)\s+(?:also\s+|really\s+|like\s+to\s+)?(?:invite|urge|call\s+on|appeal\s+to)\s+"
    r"(?!you\b)(?:[\w'‑-]+\s+){1,8}?to\s+[a-z]+"
    r"|\b(?:i|we)\s*(?:would|'d)\s+(?:also\s+|really\s+|just\s+)?(?:love|like)\s+it\s+if\b"
    r"|^\W*(?:(?:and|so|but|also)\s+)*(?:my|our)\s+(?:request|appeal)\s+(?:to|for)\s+(?:the|this|all|every|our|you)\b"
    # not "my request to the ministry was refused" (a story) nor "… is to have …" (the classifier's)
    r"(?![^,.;:?!]*\b(?:is|are|was|were|got|has\s+been|had\s+been)\b)",
    re.I,
)
# Searched only where one alternative's words are (issue 19): same matches
_SPOKEN_ASK_CUE = Prefiltered(_SPOKEN_ASK, alternatives=True)


# The addressee kept apart from what is asked (stop 40, K7): "I ask the ministries of education in
# the region to negotiate …" asks for a negotiation, not for education; the keyword window (three
# points a hit, `_Sentence.scores`) starts at the verb asked of the addressee, whose own words
# count as any word of the sentence (one point). Only after a request verb ("we call on the
# development partners to support …"), not after a commitment ("we will send trainers to ten
# post offices": "to" before a place names no verb asked of anyone).
_DIRECTIVE_END = re.compile(
    r"\b(?:ask|asking|urge|call\s+(?:up)?on|calling\s+(?:up)?on|encourage|invite|request|want|need|like|appeal\s+to)"
    r"(?:\s+(?:the|our|all|every|each|you|your|these|those))?\s*$",
    re.I,
)
_ADDRESSEE_TO = re.compile(r"\s*((?!to\b)(?:[\w'‑-]+\s+){0,6}?)to\s+([a-z]+)\b", re.I)


def _asked_at(text: str, at: int) -> int | None:
    """Where the verb asked of an addressee starts, when the cue ending at `at` is a request verb
    and an addressee and "to <verb>" follow; None otherwise."""
    if not _DIRECTIVE_END.search(text, max(0, at - 40), at):  # a bounded look: the cue's last words
        return None
    m = _ADDRESSEE_TO.match(text, at)
    if not m or not _asked_verb(m.group(2).lower()):
        return None
    return m.start(2)


# "they call the elderly … and they ask for money", "it requests a fee": what others do, told as
# a story, not the speaker's request (a need, "they need time", still is one: it is asked for them).
_REPORTED_ASK = re.compile(r"(?:they|he|she|it)\b.*\b(?:ask\s+for|request|call\s+for)$", re.I)
# "We are not where we should be", "as it should be", "more than they should be": a "should be"
# inside a comparison or a where-clause measures how things are, and recommends nothing.
_STATE_OF_THINGS = re.compile(r"\b(?:where|as|than)\s+(?:[\w']+\s+){0,2}$", re.I)
# "We have not, but we should.", "I think we should, yes", "We should, and we will.": a modal whose verb is
# left out (ellipsis) ends its sentence with nothing to do. What it recommends is not in the sentence, so
# the sentence is no recommendation (a call to action would read "we should" and nothing else).
_ELIDED = re.compile(
    r"(?:\s*,?\s*(?:too|also|as\s+well|really|indeed|definitely|certainly|though|yes|then"
    r"|(?:and|but|or)\s+(?:we|i|you|they|he|she|it)\s+(?:will|shall|can|must|should|would|could|do|did)(?:\s+not|n't)?)\b)*"
    r"\s*[.!?…]*\s*$",
    re.I,
)

_MODAL = re.compile(r"\b(?:should|ought\s+to|must|needs?\s+to|ha(?:ve|s)\s+to)\b", re.I)


def says_nothing(unit: str) -> bool:
    """Whether every modal of `unit` has its verb left out (`_ELIDED`): "Governments should too.", "We must."
    A unit like that is no recommendation, whichever reader (cue rules or classifier) found it."""
    modals = list(_MODAL.finditer(unit))
    return bool(modals) and all(_ELIDED.match(unit, m.end()) for m in modals)


_ORDER = {name: i for i, name in enumerate(CATEGORIES)}
# The group of `askcues.COMMIT` that holds the verb taken on ("we will *train* 200 women", "our
# association will *fund* two trainings"). That verb is what is committed, as the verb after "to" is
# what an addressee is asked (`_asked_at`): the keyword window starts at it, so a category keyword
# that is the verb itself heads the window. Until stop 41 the window started after it and the
# verb counted as one plain hit, which a word of the object or an aside tied or outweighed (a
# promise to train "whatever the budget" read as funding; stop 41, K8: rounds 1-24 three flips, all right).
_COMMIT_VERB = 4


def _verb_group(commit: re.Match[str]) -> int | str | None:
    """The group of a commitment match that holds the verb taken on (a cue's or a pledge's); None for a
    delivery promise, whose subject is the thing delivered."""
    if commit.re is _COMMIT:
        return _COMMIT_VERB
    return "verb" if "verb" in commit.re.groupindex else None


HEAD_BONUS = 2  # a keyword that is the asked-for verb itself ("teach …") outweighs one in its object


def category_scores(sentence: str) -> dict[str, int]:
    """Keyword hits per category; hits in the ten words after the ask's verb count three times,
    because "we need X" is about X whatever else the sentence mentions."""
    return _Sentence(sentence).scores()


def classify_category(sentence: str, kind: str = "ask") -> str:
    """The taxonomy category with the best keyword score (ties: taxonomy order)."""
    return _Sentence(sentence).category(kind)


def _also(sentence: str, first: str) -> list[str]:
    """A second category when the sentence asks for two things as strongly (≥2 plain hits)."""
    return _Sentence(sentence).also(first)


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
    holding two clauses that are each an ask is cut in two (`_second_asks`).
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
                found = _judge_rules(ctx, s)
            else:
                found = _judge_units(
                    ctx, turn, s, judge, max(judge.threshold, MODERATOR_THRESHOLD) if chair and not relayed else None
                )
            for line, quote, kind, category, also in found:
                if own_only and (kind != "commitment" or not _chair_commits(quote)):
                    continue
                if kind == "recommendation" and says_nothing(quote):
                    continue  # "Governments should too.": the classifier's shape cues, but nothing to do
                if category == "other" and (
                    (kind == "ask" and not _routable_other(quote))
                    or (_PASSIVE_COMMIT.search(quote) and not (own_pledge(quote) or delivery_promise(quote)))
                ):
                    continue  # "we need to change", "it will be published": nothing to route (outputs are elsewhere)
                if category == "other":
                    category = frame_category(quote) or category  # "we will circulate it to all participants"
                if category == "other" and kind == "commitment" and delivery_promise(quote):
                    category = "communication-channels"  # "the session report goes to the mailing list tonight"
                elif kind == "commitment" and category in _DELIVERED_AS and delivered(quote):
                    category = "communication-channels"  # "we will put the translations on the BPF page"
                category = _decided_after(kind, category, quote)
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


def _decided_after(kind: str, category: str, quote: str) -> str:
    """The category after the model and the frames, where the sentence's structure decides against them
    (issue 22, stop 45), in this order: a recommendation whose modal's subject is a body is policy when it
    was left "other" or read as a link to that body (`askframes.put_to_body`); teaching people is capacity
    building (`askframes.teaches`); an ask or recommendation for an edit to the forum's own text is not the
    policy it talks about (`askframes.edits_forum_text`); a policy that brings people into a body or a
    meeting is participation (`askframes.brings_people_in`)."""
    if kind == "recommendation" and category in ("other", "links-to-institutions") and put_to_body(quote):
        category = "policy"  # "the regulator in Peru should let the telecentre share the connection"
    if teaches(quote):
        return "capacity-building"  # "our network will train 200 women as managers, we have the money"
    if kind != "commitment" and category == "policy" and edits_forum_text(quote):
        return "other"  # "I would ask the policy network to put the basket first in the document"
    if category == "policy" and brings_people_in(quote):
        return "participation"  # "the parliaments should invite the young people when they discuss the laws"
    return category


# What the speaker's side will deliver to people (`askframes.delivered`: put on a page, sent to
# the participants) is on record as a communication channel, not as the thing delivered: on the
# development sets of issue 22 such commitments were read as visibility ("we will publish the
# clinic materials on GitHub") or concise summaries ("we will send a summary of this forum to
# the association and to all the speakers") where the annotators chose the channel.
_DELIVERED_AS = frozenset({"visibility", "concise-summaries"})


def _requested(question: str, ctx: AnalysisContext) -> bool:
    """A tracked question that is also a request ("can we get moderators who speak Turkish?",
    `askmodel.WE_REQUEST`): judged as an ask too, unless it is the floor's housekeeping."""
    return WE_REQUEST.search(question) is not None and not is_procedural(question, ctx.memo)


def chair_view(
    s: Sentence, chair: bool, presented: set[int], opening: bool, quoted: bool = False
) -> tuple[bool, bool] | None:
    """How `find_asks` reads a sentence: None when it is never judged (a moderator's floor talk,
    the opening welcome), else (relayed: a chair reading out a participant's words; own_only: a
    chair's sentence judged only as their own commitment). `quoted`: the sentence stands inside
    a quotation the chair opened after a colon (`inside_quote`), a message read out word for
    word. Shared with the training-row generator (`bench/train_asks.py --gold-rows`), so its
    hard negatives are the units the classifier is really shown."""
    read_out = (
        quoted
        or _RELAYED_CUE.search(s.text) is not None
        or _READ_OUT.match(s.text) is not None
        or reported_request(s.text)
    )
    relayed = chair and s.start not in presented and read_out
    own_only = chair and s.start not in presented and not relayed  # floor talk, unless the chair takes something on
    if own_only and delivery_promise(s.text):
        return relayed, own_only  # "the session report will go to the Secretariat this week": on record, even opening
    if own_only and (
        opening or "?" in s.text or FLOOR_CUE.search(s.text) or _CHAIR_ROLE.search(s.text) or not _chair_commits(s.text)
    ):
        return None
    return relayed, own_only


_Found = tuple[int, str, str, str, tuple[str, ...]]  # line, quote, type, category, secondary categories


def _judge_rules(ctx: AnalysisContext, s: Sentence) -> list[_Found]:
    """The cue-phrase rules on the whole sentence (no model shipped, or asked for)."""
    facts = _Sentence(s.text, ctx.memo)
    kind = facts.kind
    if kind is None:
        return []
    category = facts.category(kind)
    return [(s.line, s.text, kind, category, tuple(facts.also(category)))]


# The classifier reads at most this much of a unit: a unit still longer after every clause
# cut (unpunctuated archive captions) shows its ask shape at the start, and judging a
# 2 MB line whole made each call linear in the line (issue 22, bench/long_input.py).
MAX_UNIT_CHARS = 600
# A cue-phrase unit without any category keyword ("urge the banks to lend to small
# operators") takes the classifier's category only when the classifier is sure of it:
# an ask or commitment needs P(ask) ≥ SURE_ASK and P(category) ≥ SURE_CATEGORY, else it is
# "other" and dropped (nothing to route); a recommendation takes the classifier's category
# when P(category) ≥ SURE_REC_CATEGORY or when it is policy (the taxonomy's default for a
# recommendation: "electoral bodies should write … into these agreements"), else "other"
# (a weak guess is not routed: "the secretariat should add a checklist to the form").
# The precision round of issue 22 set these:
# with any sure-ish category ("they need to be emphasized" → policy 0.78, "that's what we
# are looking for to achieve" → cooperation 0.54) the path let in vague statements.
SURE_ASK = 0.9
SURE_CATEGORY = 0.5
SURE_REC_CATEGORY = 0.6
# "will be published", "they need to be emphasized": a passive cue names no one who acts,
# so without a category keyword there is nothing to route (an output is `analyse.outputs`').
_PASSIVE_CUE = re.compile(
    r"^[\w' ]{0,30}?\b(?:will|shall|would|must|should|needs?\s+to|ha(?:s|ve)\s+to)\s+(?:\w+\s+)?be\s+\w+(?:ed|en|wn)\b",
    re.I,
)
# A chair's own commitment ("I commit to send it before the end of the month", "we will add it")
# is on record in any of their turns, not only in the turns `analyse.presenter` lets present:
# on asks_blind5 three of a chair's commitments were lost that way. Floor talk of the same shape
# ("we will now hear from …") is cut by the floor and procedure cues and the rules' FLOW verbs.
_CHAIR_COMMIT = re.compile(r"\b(?:i|we)\s+(?:hereby\s+)?(?:commit|promise|will|'ll|shall)\b|\b(?:i|we)'ll\b", re.I)


def _chair_commits(text: str) -> bool:
    """A chair's own commitment: "I / we will …" (`_CHAIR_COMMIT`) or the session's output on its way
    to people (`pledges.delivery_promise`: "the session report will go to the Secretariat this week")."""
    return _CHAIR_COMMIT.search(text) is not None or delivery_promise(text) is not None


# What a chair says about their own role or the meeting ("I will moderate", "I will summarise",
# "my name is …, I will …") is not a commitment to the session's work.
_CHAIR_ROLE = re.compile(
    r"\b(?:welcome|my name|i am|i'm|moderat\w*|chair\w*|summari[sz]\w*|introduc\w*|wrap|close|closing"
    r"|(?<!this )(?<!next )(?<!same )time|minutes?)\b",
    re.I,
)
# A commitment with no category of its own is still on record when someone acts ("we will add
# this as a finding", "I commit to send it"): on the newer sets of issue 22 such lines are
# annotated asks (category other), and dropping them lost 5 of 84 on asks_blind5. An output
# announced in the passive ("which will be published in December") is `analyse.outputs`' own.
_PASSIVE_COMMIT = re.compile(r"\b(?:will|shall|is going to|are going to)\s+be\s+(?:\w+ed|\w+en|available|out)\b", re.I)
# "we ask the operators to …", "I would ask the governments here to …", "I invite the researchers to …".
_DIRECTED = re.compile(
    r"\b(?:ask|asking|need|invite|urge|request|call on|want|would like)\s+(?!to\b|you\b|it\b|this\b|that\b)(?:[\w'‑-]+\s+){1,5}?to\s+"
    r"(?!be\b|respond\b|answer\b|comment\b|react\b|say\b|speak\b|hear\b|take\b)[a-z]+",
    re.I,
)


def _routable_other(quote: str) -> bool:
    """Whether an ask with no category ("other") is still on record: someone is asked to act
    ("so we ask the operators to put a hotline …", `_DIRECTED`), or a full clause asks for
    something that is not vague ("we need the insurance companies at the table"). Dropping every
    "other" ask, as until stop 22, lost them on each newer set; a list heading ("Three things we
    need from this group"), a short fragment and "we need to be honest" stay out."""
    return _DIRECTED.search(quote) is not None or (
        len(quote.split()) >= 7 and not LIST_INTRO.search(quote) and not _VAGUE.search(quote)
    )


# "we need to be honest", "I need to check one number", "why we ask": talk about the asking, no ask.
_VAGUE = re.compile(
    r"\b(?:need|have|want)s?\s+to\s+(?:be|check|verify|say|think|respond|answer|see)\b|\bwhy\s+we\b", re.I
)
# "Ngozi from the coalition writes: please do not forget …", "one last message from the hub in
# Lagos, …: please, the organisers, invite …": a chair reading out a participant's words (the
# chat, a remote hub) in a sentence of their own. What follows the colon is the participant's,
# judged as anyone's sentence at the classifier's threshold, not as the chair's floor talk; on
# asks_blind9 three such asks were lost to the chair's rules. A relayed question stays a
# question (`analyse.questions` tracks it and its sentence is skipped here).
_RELAYED = re.compile(
    r"\b(?:writes|wrote|says|adds|posted|types|messages?\s+from|comments?\s+from)\b[^.?!:;]{0,80}:\s+\S"
    # "… from Priya in Klang:  \"not a question, but pls make …\"", "he asks me to read it:  \"The IGF
    # should …\"": a message read out word for word in quotation marks after a colon (asks_blind11
    # lost five asks of chat, WebEx and Slido messages read out so).
    r"|:\s+[\"“]\s*\S"
    # "Seini writes from Tonga, it's not a question, she says the partners should pay …": a message
    # retold in reported speech, no colon (asks_blind16 lost such a Q&A-box comment with the cast).
    r"|\b(?:writes|wrote|posted|types|typed)\b[^.?!:;]{0,80}?\b(?:(?:she|he|they)\s+(?:says|writes|asks)|not\s+a\s+question)\b",
    re.I,
)
# Searched only where one alternative's words are (issue 19): same matches
_RELAYED_CUE = Prefiltered(_RELAYED, alternatives=True)
_QUOTE_OPEN = re.compile(r":\s+[\"“]")
# A chair's sentence that opens with a quotation mark is a text read out word for word, not floor
# talk: a communiqué paragraph put for adoption ('Paragraph two.  "We call on the regulators …"'),
# a message read without an announcing colon. asks_blind14 lost every paragraph of a Day 0
# communiqué so (five asks); the classifier still decides whether the text asks for anything.
_READ_OUT = re.compile(r"\s*[\"“]\s*\w")


# How far back a read-out message's opening is looked for: messages read out are a few sentences,
# and a bounded look keeps a chair's very long turn linear (issue 19).
QUOTE_REACH = 1500


def inside_quote(text: str, at: int) -> bool:
    """Whether offset `at` of a turn lies inside a quotation opened after a colon (within
    `QUOTE_REACH` characters) and not yet closed: the second and later sentences of a message
    a chair reads out word for word (the first carries the colon itself, `_RELAYED`)."""
    opened = None
    for m in _QUOTE_OPEN.finditer(text, max(0, at - QUOTE_REACH), at):
        opened = m.end()
    if opened is None:
        return False
    between = text[opened:at]
    return '"' not in between and "”" not in between


# A chair's sentence that passed `analyse.presenter` is still more often floor talk than an
# ask (the prior differs from a speaker's): the classifier needs this much to count it there.
MODERATOR_THRESHOLD = 0.5
SECONDARY_SHARE = 0.6  # a second category needs this share of the first one's probability


def _judge_units(
    ctx: AnalysisContext, turn: Turn, s: Sentence, model: AskModel, threshold: float | None = None
) -> list[_Found]:
    """Rules first, then the classifier on the units the rules did not decide.

    A cue phrase the rules trust ("we need", "should", "we will share") decides its own
    unit, with the rules' category (they were right more often on real captions than
    the classifier, whose training sentences are few); every other unit of the sentence
    (list items, clauses of run-on lines, imperatives, recommendations to institutions)
    is the classifier's, at its calibrated threshold (`threshold` overrides it: a chair's
    sentences take `MODERATOR_THRESHOLD`). Housekeeping and hand-offs never count.
    """
    out: list[_Found] = []
    units = _join_elaborations(s.text, ask_units(s.text))
    facts = _Sentence(s.text, ctx.memo)
    kind = facts.kind
    covered = -1
    if kind is not None:
        trigger = facts.trigger
        at = trigger.start() if trigger else 0
        covered = next((i for i, (a, b) in enumerate(units) if a <= at < b), 0)
        # one unit: the whole sentence but a sound note before it (`clauses._trim`), so the line is its words'
        a, b = units[covered] if len(units) > 1 else (units[0][0], len(s.text))
        facts_unit = _Sentence(s.text[a:b], ctx.memo) if len(units) > 1 else facts
        rel = s.rel + a
        if facts_unit.scores():
            learned = model.categories(s.text[a : min(b, a + MAX_UNIT_CHARS)], turn.text[max(0, rel - 300) : rel])
            category = _learned_or_keywords(facts_unit, kind, learned)
            also = tuple(facts_unit.also(category))
        else:
            pred = model.predict(s.text[a : min(b, a + MAX_UNIT_CHARS)], turn.text[max(0, rel - 300) : rel])
            category, also = _keywordless_category(kind, pred, s.text[at:b], s.text[a:b]), ()
        out += _second_asks(ctx, turn, s.rel + a, s.text[a:b], model, threshold) or [
            (turn.line_at(s.rel + a), s.text[a:b], kind, category, also)
        ]
    for i, (a, b) in enumerate(units):
        b = min(b, a + MAX_UNIT_CHARS)
        unit = s.text[a:b]
        if i == covered or len(unit.split()) < 3 or is_procedural(unit, ctx.memo) or FLOOR_CUE.search(unit):
            continue
        if i + 1 < len(units) and s.text[b : units[i + 1][0]].lstrip().startswith(":"):
            continue  # a heading ("So my ask to the Envoy and to this forum: …"): the ask is what follows
        rel = s.rel + a
        probe = (
            (_gapped(s.text[units[i - 1][0] : units[i - 1][1]], unit) if i else None)
            or direct_speech(unit)
            or without_aside(unit)
        )
        judged = model.judge(
            probe or unit, turn.text[max(0, rel - 300) : rel], model.threshold if threshold is None else threshold
        )
        if judged is None:
            continue
        category, also = _unit_category(probe or unit, judged, ctx)
        if not category:
            continue
        out += _second_asks(ctx, turn, rel, unit, model, threshold) or [
            (turn.line_at(rel), unit, judged.type, category, also)
        ]
    return out


# "I would encourage the universities to put their courses online, and the donors to fund the
# digitisation …": the second addressee shares the first clause's request verb (gapping), so its
# unit ("and the donors to fund …") has no verb of its own to show that it is asked.
_DIRECTIVE_HEAD = re.compile(
    r"^.*?\b(?:i|we)\s+(?:(?:would|'d|also|really|strongly|must|want\s+to|would\s+like\s+to)\s+)*"
    r"(?:encourage|ask|urge|invite|call\s+(?:up)?on|appeal\s+to|request|advise)\b",
    re.I,
)
_GAPPED = re.compile(
    r"^\W*(?:and|or)\s+(?:also\s+)?((?!(?:we|i|you|it|this|that)\b)(?:[\w'‑-]+\s+){1,6}?to\s+"
    r"(?!be\b|say\b|speak\b|hear\b)[a-z]+\b.*)$",
    re.I | re.S,
)


def _gapped(previous: str, unit: str) -> str | None:
    """The unit as the classifier should read it when it is a gapped addressee of the previous
    unit's request ("and the donors to fund …" after "I would encourage the universities to …"):
    the previous unit's request head, then the unit ("I would encourage the donors to fund …");
    None for any other unit. The quote stays the unit as said."""
    head = _DIRECTIVE_HEAD.match(previous)
    gapped = _GAPPED.match(unit) if head else None
    if not head or not gapped or not _GAPPED_ADDRESSEE.match(previous, head.end()):
        return None
    return f"{head.group(0)} {gapped.group(1)}"


# The previous unit's own addressee and infinitive ("… encourage the universities of the region to put …").
_GAPPED_ADDRESSEE = re.compile(r"\s+(?!you\b|to\b)(?:[\w'‑-]+\s+){1,8}?to\s+[a-z]+", re.I)


# ", and we invite the other NRIs to …", ", and we can train …", ", maybe the next IGF can invite …",
# ", and please share …", and a reason that is the speaker's own commitment (", because we will
# prepare a map …"; not ", because the lawmakers will use your text"): a clause with its own subject (or a "please") and its own modal or
# request verb, after a comma inside a unit that `analyse.clauses` left whole (short sentences
# are never cut there). Each such clause can be an ask of its own.
_SECOND_CLAUSE = re.compile(
    r",\s+(?=because\s+(?:we|i)(?:'ll|\s+(?:will|shall|are\s+going\s+to)\b)"
    r"|(?:and\s+|so\s+|but\s+|maybe\s+|then\s+)*(?:also\s+)?(?:please\b"
    r"|(?:we|i)\s+(?:will|'ll|can|offer|invite|ask|urge|need|would|are|am|shall|also|commit|promise)\b"
    r"|(?:the|our|my|this|every|each|all)\s+(?:[\w'‑-]+\s+){0,3}?(?:should|must|can|could|will|shall|need to|has to|have to)\b))",
    re.I,
)


def _second_asks(
    ctx: AnalysisContext, turn: Turn, rel: int, unit: str, model: AskModel, threshold: float | None
) -> list[_Found]:
    """The unit's clauses (`_SECOND_CLAUSE`) as separate asks when at least two of them are
    asks by the classifier's own judgement; [] (keep the unit whole) otherwise."""
    cuts = [m.start() for m in _SECOND_CLAUSE.finditer(unit)]
    # a clause that only opens the next one ("And my request to the members, please, if you have
    # material, send it to me": a request named, then said) is not cut from it (`clauses.opens_next`)
    kept: list[int] = []
    for c in cuts:
        if not opens_next(unit[kept[-1] if kept else 0 : c]):
            kept.append(c)
    cuts = kept
    if not cuts:
        return []
    bounds = [0, *cuts, len(unit)]
    found: list[_Found] = []
    for a, b in itertools.pairwise(bounds):
        piece_at = a + (2 if a else 0)
        piece = unit[piece_at:b]
        if len(piece.split()) < 4 or FLOOR_CUE.search(piece):
            continue
        at = rel + piece_at
        judged = model.judge(
            piece, turn.text[max(0, at - 300) : at], model.threshold if threshold is None else threshold
        )
        if judged is None:
            continue
        category, also = _unit_category(piece, judged, ctx)
        if category and not (category == "other" and judged.type == "ask" and not _routable_other(piece)):
            found.append((turn.line_at(at), piece, judged.type, category, also))
    return found if len(found) >= 2 else []


def _join_elaborations(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A unit that asks before a colon ("Second, team up: an application from five networks
    is stronger …") takes what follows the colon as its own explanation: one unit, not an
    ask and a statement judged apart. A heading before a colon stays apart (`_is_heading`)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        a, b = units[i]
        if i + 1 < len(units) and text[b : units[i + 1][0]].lstrip().startswith(":") and not _is_heading(text[a:b]):
            out.append((a, units[i + 1][1]))
            i += 2
            continue
        out.append((a, b))
        i += 1
    return out


def _is_heading(unit: str) -> bool:
    """A unit before a colon that only names whom the next unit addresses or announces it
    ("To the ITU Development Sector", "My message to the funds is simple", "Three requests"),
    not one that asks itself ("Second, team up: an application from five networks …")."""
    return bool(ADDRESSEE_HEAD.search(unit.rstrip() + ":") or LIST_INTRO.search(unit)) or not any(
        w.lower() in IMPERATIVE_VERBS for w in LEAD.sub("", unit).split()[:1]
    )


# The learned category decides a unit with category keywords when its probability reaches this;
# below it the keyword score does (the rules' old answer). `bench/train_asks.py --loso-categories`
# (gold asks of asks_blind … asks_blind8, the right unit given, each set left out): keywords where
# they fire and the model elsewhere 362/518 right; the model where sure 376 at 0.5, 373 at 0.8,
# 370 at 0.9. On the development files (`tests/resources/analyse`, where the keyword lists were
# written) asks+category falls 61 → 54 of 71 at 0.5 and 59 at 0.8: 0.8 keeps most of both.
LEARNED_CATEGORY = 0.8


def _learned_or_keywords(facts: _Sentence, kind: str, learned: dict[str, float]) -> str:
    """The category of a unit with keyword hits: the learned model's when sure
    (`LEARNED_CATEGORY`; "we need the companies to publish their privacy policies in plain
    language" names a kind of summary, but what is asked for is a rule), else the keyword
    score's. The model's
    "other" never overrides a keyword: a unit that names a topic has something to route."""
    return _sure_learned(learned) or _weak_keyword_learned(facts, learned) or facts.category(kind)


# A single keyword outside the object the unit asks for ("design the portal so that a language is
# a file, not a new website", "we put the answer on the website of our group") is weak evidence:
# it names a thing the sentence mentions, not what it asks for. There the learned category
# decides when it leads the keyword's own category by this factor and reaches `WEAK_LEARNED`;
# a keyword in the object window (three points) or two plain hits still decide as before.
WEAK_LEARNED = 0.3
WEAK_LEAD = 3.0


def _weak_keyword_learned(facts: _Sentence, learned: dict[str, float]) -> str | None:
    """The learned category of a unit whose keyword evidence is one plain hit (see `WEAK_LEARNED`),
    when the model clearly prefers another category; None otherwise (the keywords decide)."""
    scores = facts.scores()
    if not scores or max(scores.values()) > 1:
        return None
    top = max(learned, key=lambda name: learned[name])
    keyword = max(scores, key=lambda k: (scores[k], -_ORDER[k]))
    if top == keyword or learned[top] < WEAK_LEARNED or learned[top] < WEAK_LEAD * learned.get(keyword, 0.0):
        return None
    return top


def _sure_learned(learned: dict[str, float]) -> str | None:
    """The learned category when it reaches `LEARNED_CATEGORY` and is not "other"."""
    top = max(learned, key=lambda name: learned[name])
    return top if top != "other" and learned[top] >= LEARNED_CATEGORY else None


def _keywordless_category(kind: str, pred: Prediction, from_trigger: str, unit: str = "") -> str:
    """Category of a cue-phrase unit with no category keyword (see SURE_ASK). A recommendation
    whose unsure category the model would leave "other" is policy when it is put to the state
    (`_STATE_BODY`: "the central government should make a framework contract …", "we recommend
    that the host governments accept …"): what the state is told to do is a rule or a policy."""
    p_category = pred.categories.get(pred.category, 0.0)
    if kind == "recommendation":
        if p_category >= SURE_REC_CATEGORY or pred.category == "policy":
            return pred.category
        return "policy" if _STATE_BODY.search(unit) else "other"
    if _PASSIVE_CUE.search(from_trigger):
        return "other"
    if pred.p_ask < SURE_ASK or p_category < SURE_CATEGORY:
        return _leaning_category(kind, pred, unit)
    return pred.category


# A cue-phrase ask ("I ask you to …", "we need …") with no category keyword, on record as "other"
# because the model is unsure, still takes the category the model leans to when that category
# has at least this probability: on record either way, the lean is right more often than "other"
# (stop 40, K7; BENCHMARKS.md). Only an ask `_routable_other` keeps: which lines are asks does not change.
LEANING_CATEGORY = 0.2


def _leaning_category(kind: str, pred: Prediction, unit: str) -> str:
    """The category of an unsure cue-phrase ask: the likeliest category other than "other" when
    it reaches `LEANING_CATEGORY` and the ask stays on record; "other" for anything else (a
    commitment, an ask `find_asks` drops, a frame `frame_category` reads, a weak lean)."""
    if kind != "ask" or not unit or not _routable_other(unit) or frame_category(unit):
        return "other"  # dropped, or `frame_category`'s (`find_asks` reads the frame of an "other" first)
    lean = max((c for c in pred.categories if c != "other"), key=lambda c: pred.categories[c], default="other")
    return lean if pred.categories.get(lean, 0.0) >= LEANING_CATEGORY else "other"


# The state as the one told what to do: "the central government should …", "ministers must …",
# "we recommend that the governments …" (the subject of the modal or of the recommended clause).
_STATE_BODY = re.compile(
    r"\b(?:governments?|regulators?|ministers?|ministries|parliaments?|parliamentarians|lawmakers|legislators"
    r"|(?:public|national|state|data\s+protection)\s+authorit(?:y|ies))\s+(?:should|must|ought\s+to|need\s+to|has\s+to|have\s+to"
    r"|(?!should|must)[a-z]+\b(?<!ed)(?<!s)(?=\s+(?:the|a|an|their|its|our|all|every|more|less|no)\b))",
    re.I,
)


def _unit_category(unit: str, pred: Prediction, ctx: AnalysisContext) -> tuple[str, tuple[str, ...]]:
    """Category of a unit the classifier found: with a category keyword present, the
    classifier's category when it is sure (`_learned_or_keywords`), else the keyword score (the
    classifier breaks its ties); without one, the classifier's category, or "" (not reported)
    when neither the category nor the ask is sure (P(category) < SURE_CATEGORY and
    P(ask) < SURE_ASK), as on the rules' keywordless path."""
    facts = _Sentence(unit, ctx.memo)
    scores = facts.scores()
    if scores:
        sure = _sure_learned(pred.categories) or _weak_keyword_learned(facts, pred.categories)
        if sure:
            return sure, tuple(facts.also(sure))
        best = max(scores.values())
        tied = [name for name, hits in scores.items() if hits == best]
        category = facts.category(pred.type) if len(tied) == 1 else max(tied, key=lambda c: pred.categories.get(c, 0.0))
        return category, tuple(facts.also(category))
    ranked = sorted(pred.categories.items(), key=lambda kv: -kv[1])
    top = ranked[0][1]
    if top < SURE_CATEGORY and pred.type == "commitment" and pred.p_ask >= SURE_ASK:
        return "other", ()  # "I will bring it to our regulator myself": on record, not routed by a guess
    if top < SURE_CATEGORY and pred.p_ask < SURE_ASK:
        return "", ()  # no keyword, an unsure category and an unsure ask: a weak guess is not reported
    also = tuple(c for c, p in ranked[1:2] if p >= SECONDARY_SHARE * top and c not in ("other", "support"))
    return pred.category, also

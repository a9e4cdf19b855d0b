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
  policy                  a substantive recommendation about the Internet itself
  other                   none of the above
Outputs (reports, statements, glossaries, charters, papers) are found by
`analyse.outputs`, not here.

Why rules and not a model: asks in IGF captions are voiced in a small set of
constructions ("we need", "should", "it would be helpful if", "I would like to
request"); rules keep every decision explainable with a verbatim quote and need no
training data. Moderators' sentences are skipped: theirs are floor management and
promotion ("please go to their session"), not the session's asks; so are sentences
that are tracked questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from ._regex import compile_cue
from .context import FLOOR_CUE, AnalysisContext
from .cues import PROCEDURAL, CheckMemo, is_procedural  # noqa: F401 (PROCEDURAL: public re-export)
from .models import Ask

__all__ = ["CATEGORIES", "TYPES", "category_scores", "classify_category", "classify_type", "find_asks"]

TYPES = ("ask", "recommendation", "commitment")

_W = r"[\w‑'-]+"
_ASK = re.compile(
    rf"\b(we|they|i|dcs|coalitions|it|[a-z]+ coalitions?)\s+((really|still|do|also|urgently|would|may|will|all|just)\s+)*"
    rf"(need|needs|needed|require|requires|lack|are looking for|call for|ask for|request)\b(?! to (say|mention|stop))"
    rf"|\bthere (is|'s|are) (a |an |the )?({_W} ){{0,2}}needs?\b|\bthere needs to be\b|\bneeds? to be (done|improved|made)"
    rf"|\b(the|a|real|clear|strong|urgent) need (for|to|of)\b|\bneeds? more\b|\bresources needed\b"
    rf"|\b(i|we) (would like to|want to|wish to|'d like to) (request|ask for|invite|encourage|call on|urge|see)\b"
    rf"|\b(i|we) (request|invite|urge|call on|appeal to)\b|\bplease (do )?(join|share|send|contact|support|help|consider)\b"
    rf"|\bit would be (very |really |extremely )?(helpful|useful|great|good|important) (if|to have|for)\b"
    rf"|\bwould be (very |really |extremely )?helpful\b|\bhelp us\b|\bmain challenge\b[^.]{{0,40}}\bis\b"
    rf"|\bneed(ing)? to (do|establish|find|pay|ensure|have|make|engage)\b"
    rf"|\b(i|we) (would|'d) (like|want|love) (the|our|all|more|you|them|to see)\b|\b(i|we) (really )?want (more|the|to see|you)\b"
    rf"|\b(i|we) (would |must |want to )?(ask|urge|call on) (the|you|all|every\w*|governments?|states|platforms)\b"
    rf"|\bwould look to\b|\blook(ing)? to (the )?(dynamic coalitions|you|coalitions) (to|for)\b",
    re.I,
)
_RECOMMEND = re.compile(
    r"\b(should|ought to)\b|\b(i|we)( would| strongly| highly| really| also| just)* (recommend|suggest|propose|encourage)\b"
    r"|\b(try to |need to |have to )?improv(e|ing) (the |our )?(links|visibility|channels|support|participation)\b"
    r"|\bwhen we recommend\b|\b(we|you) (have to|must) (think|find|work|improve|make|consider|sustain)\b"
    r"|\bone (element|thing|way) (to be improved|that i see|would be|could be)\b|\b(can|could) do a lot\b"
    r"|\bcould (also )?be (considered|done|improved)\b|\bmore work that could be done\b|\bthe way forward\b",
    re.I,
)
_COMMIT = re.compile(
    r"\b(we|i)\s*('ll|'d| will| shall| are going to|'re going to| commit to| plan to| intend to| would like to"
    r"| can| could| would)( also| then| very soon)? (share|publish|release|launch|produce|organi[sz]e|host|support"
    r"|provide|follow up|put together|bring|look at|explore|champion|send|present|contribute|engage|develop"
    r"|do our part|have to do our part|think of|mobili[sz]e)\b|\bwill be (shared|published|released|launched|available)\b"
    r"|\bso we can explore\b|\bwe (are|'re) aiming to\b",
    re.I,
)
_FLOW = compile_cue(
    r"\b(hand|give|pass|turn|read|repeat|move|stop|start|come back|hear|talk|speak|ask|introduce"
    r"|leave it|keep (this|it) short)\b",
    re.I,
)

CATEGORIES: dict[str, re.Pattern[str]] = {
    "funding": compile_cue(
        r"\b(financ\w*|funds?|funding|funded|money|budget\w*|cost\w*|pay\b|donors?|grants?|sponsor\w*"
        r"|resources needed)\b",
        re.I,
    ),
    "concise-summaries": compile_cue(
        r"\b(concise\w*|summar\w+|one page|two pages?|one-pager|digestible|talking points"
        r"|briefings?|key messages|distil\w*)\b",
        re.I,
    ),
    "communication-channels": compile_cue(
        r"\b(channels?|regular (updates?|communication)|updates? to|communicat\w*"
        r"|mechanism|reach(es)? (the right|those|decision|policy)|keep us up to speed|focal points?|contact points?"
        r"|mailing lists?|newsletters?|publicized)\b",
        re.I,
    ),
    "recognition": compile_cue(r"\b(recogni[sz]\w*|official record|acknowledg\w*|credit\b|legitima\w*)\b", re.I),
    "visibility": compile_cue(
        r"\b(visib\w*|visible|profiled?|showcas\w*|publici[sz]\w*|promot\w*|accessible|findable"
        r"|spotlight|public profile|awareness|read (it|the)|follow-?up on these|website|finds? them)\b",
        re.I,
    ),
    "links-to-institutions": compile_cue(
        r"\b(links?|linked|linking|linkages?|interlink\w*|connect\w*|intergovernmental"
        r"|un agencies|institutions?|decision[- ]mak\w*|governments?|partner\w*|nris?"
        r"|member states|regional agenda|international organi[sz]ations?|un system"
        r"|connect the dots|channel(ed)? to)\b",
        re.I,
    ),
    "capacity-building": compile_cue(
        r"\b(capacity|capacities|training|train\b|skills?|literacy|methodolog\w*"
        r"|mentor\w*|educat(e|ion|ing)\b(?! data))\b",
        re.I,
    ),
    "participation": compile_cue(
        r"\b(participat\w*|involve\w*|engag\w*|join\w*|inclusiv\w*|volunteer\w*|take part"
        r"|be part of|younger|inputs?|get involved|global south|private sector|rekindle"
        r"|considered (and recognized )?as a stakeholder|come to|attend\w*|consultations?)\b",
        re.I,
    ),
    "agenda": compile_cue(r"\b(agenda)\b", re.I),
    "cooperation": compile_cue(
        r"\b((?<!digital )cooperat\w*|collaborat\w*|work together|exchange|lessons learned|synerg\w*|joint"
        r"|similar issues|overlapping issues)\b",
        re.I,
    ),
    "support": compile_cue(r"\b(support\w*|sustainab\w*|sustain\b|material|help us|resources)\b", re.I),
}


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
        return _ASK.search(self.text)

    @cached_property
    def rec(self) -> re.Match[str] | None:
        return _RECOMMEND.search(self.text)

    @cached_property
    def commit(self) -> re.Match[str] | None:
        return _COMMIT.search(self.text)

    @property
    def kind(self) -> str | None:
        if is_procedural(self.text, self._memo) or FLOOR_CUE.search(self.text):
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
        return {name: len(p.findall(self.text)) for name, p in CATEGORIES.items()}

    def scores(self) -> dict[str, int]:
        trigger = self.ask or self.rec or self.commit
        window = " ".join(self.text[trigger.end() :].split()[:_WINDOW_WORDS]) if trigger else ""
        plain = self.plain
        scores = {}
        for name, pattern in CATEGORIES.items():
            hits = plain[name] + 2 * (len(pattern.findall(window)) if window else 0)
            if hits:
                scores[name] = hits
        return scores

    def category(self, kind: str) -> str:
        scores = self.scores()
        if _POLICY_SUBJECT.search(self.text) and "funding" not in scores:
            return "policy"
        if scores:
            return max(scores, key=lambda k: (scores[k], -_ORDER[k]))
        return "policy" if kind == "recommendation" else "other"

    def also(self, first: str) -> list[str]:
        return [name for name, hits in self.plain.items() if name != first and hits >= 2 and name != "support"][:1]


_POLICY_SUBJECT = compile_cue(
    r"\b(governments?|regulators?|states|companies|platforms|operators|parliaments?|lawmakers"
    r"|legislators|authorities|ministries)\s+(should|must|ought to|need to)\b",
    re.I,
)
_TRIGGERS = (_ASK, _RECOMMEND, _COMMIT)
_WINDOW_WORDS = 10


_ORDER = {name: i for i, name in enumerate(CATEGORIES)}


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
    ctx: AnalysisContext, skip: Iterable[tuple[int, int]] = (), coalitions: dict[int, str] | None = None
) -> list[Ask]:
    """Asks, recommendations and commitments of every non-moderator speech turn.

    `skip` holds absolute sentence spans already reported as questions;
    `coalitions` maps turn index → the coalition the speaker speaks for.
    One record per sentence, under its primary category (a second category it fits as
    strongly goes in `also`, never into a second record); and one per (line, category):
    several sentences of one paragraph making the same ask are one ask, quoted by the first.
    """
    skipped = set(skip)
    seen: set[tuple[int, str]] = set()
    out: list[Ask] = []
    for turn in ctx.turns:
        if turn.kind != "speech" or ctx.is_moderator(turn.index):
            continue
        for s in ctx.sentences[turn.index]:
            if (s.start, s.end) in skipped or len(s.text.split()) < 4:
                continue
            facts = _Sentence(s.text, ctx.memo)
            kind = facts.kind
            if kind is None:
                continue
            category = facts.category(kind)
            if kind in ("ask", "commitment") and category == "other":
                continue  # "we need to change", "it will be published": nothing to route (outputs are elsewhere)
            if (s.line, category) in seen:
                continue
            also = tuple(facts.also(category))
            seen.add((s.line, category))
            out.append(
                Ask(
                    category=category,
                    type=kind,
                    by=ctx.people[turn.index].name,
                    line=s.line,
                    quote=s.text,
                    coalition=(coalitions or {}).get(turn.index),
                    also=also,
                )
            )
    return out

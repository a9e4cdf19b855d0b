"""Cue patterns of asks, recommendations and commitments, and the keywords of each category.

Shared by the rules (`analyse.asks`) and the learned sentence classifier
(`analyse.askmodel`), which uses every one of them as a feature, so the two read a
sentence the same way. General English constructions of meeting speech, not phrases of
any one transcript.
"""

from __future__ import annotations

import re

from ..text.alternation import alternation
from ._regex import compile_cue

__all__ = [
    "ASK",
    "CATEGORIES",
    "COMMIT",
    "FLOW",
    "IMPERATIVE_ALT",
    "IMPERATIVE_VERBS",
    "POLICY_SUBJECT",
    "RECOMMEND",
    "WINDOW_WORDS",
    "ask_window",
]

_W = r"[\w‑'-]+"
ASK = re.compile(
    rf"\b(we|they|i|dcs|coalitions|it|[a-z]+ coalitions?)\s+((really|still|do|also|urgently|would|may|will|all|just)\s+)*"
    rf"(need|needs|needed|require|requires|lack|are looking for|call for|ask for|request)\b(?! to (say|mention|stop))"
    rf"|\bthere (is|'s|are) (a |an |the )?({_W} ){{0,2}}needs?\b|\bthere needs to be\b|\bneeds? to be (done|improved|made)"
    rf"|\b(the|a|real|clear|strong|urgent) need (for|to|of)\b|\bneeds? more\b|\bresources needed\b"
    rf"|\b(i|we) (would like to|want to|wish to|'d like to) (request|ask for|invite|encourage|call on|urge|see)\b"
    # "We wish that every platform has a button …", "we wish for a gaming track": a wish list's
    # items are requests (a greeting, "we wish you a good evening", takes no that/for)
    rf"|\b(i|we) (all |really |also |strongly )?wish (that|for)\b"
    rf"|\b(i|we) (request|invite|urge|call on|appeal to)\b|\b(please|pls|plz) (do )?(join|share|send|contact|support|help|consider)\b"
    rf"|\bit would be (very |really |extremely |so |super |just )?(helpful|useful|great|good|nice|better|important|wonderful|ideal"
    rf"|cool|amazing|awesome|fantastic|perfect|lovely) (if|to have|for)\b"
    rf"|\bwould be (very |really |extremely )?helpful\b|\bhelp us\b|\bit would (really |greatly |also )?help\b(?! me\b)|\bmain challenge\b[^.]{{0,40}}\bis\b"
    rf"|\bneed(ing)? to (do|establish|find|pay|ensure|have|make|engage)\b"
    rf"|\b(i|we) ?(would|'d) (really |also |just )?(like|want|love) (the|our|all|more|you|them|to see)\b|\b(i|we) (really )?want (more|the|to see|you)\b"
    # "we would ask that the deadline is not before May", "I'd request that …": a request as a that-clause
    rf"|\b(i|we) ?(would |'d |must |also )*(ask|request) that\b"
    rf"|\b(i|we) (would |must |want to )?(ask|urge|call on) (the|you|all|every\w*|other|our|governments?|states|platforms"
    rf"|countries|donors|companies|operators|regulators|ministries|parliaments?)\b"
    rf"|\bwould look to\b|\blook(ing)? to (the )?(dynamic coalitions|you|coalitions) (to|for)\b",
    re.I,
)
RECOMMEND = re.compile(
    r"\b(should|ought to)\b|\b(i|we)('d| would| strongly| highly| really| also| just)* (recommend|suggest|propose|encourage|advise)\b"
    r"|\b(try to |need to |have to )?improv(e|ing) (the |our )?(links|visibility|channels|support|participation)\b"
    r"|\bwhen we recommend\b|\b(we|you) (have to|must) (think|find|work|improve|make|consider|sustain)\b"
    r"|\bone (element|thing|way) (to be improved|that i see|would be|could be)\b|\b(can|could) do a lot\b"
    r"|\bcould (also )?be (considered|done|improved)\b|\bmore work that could be done\b|\bthe way forward\b",
    re.I,
)
COMMIT = re.compile(
    r"\b(we|i|our(?: [\w-]+){1,2}?)\s*('ll|'d| will| shall| are going to|'re going to| commit to| plan to| intend to"
    r"| would like to| can| could| would)( also| then| very soon)? (share|publish|release|launch|produce|organi[sz]e|host"
    r"|support|provide|follow up|put together|bring|look at|explore|champion|send|present|contribute|engage|develop"
    r"|do our part|have to do our part|think of|mobili[sz]e|offer|translate|fund|finance|train|create|set up|cover"
    r"|open(?! the (?:floor|session|meeting|discussion)))\b|\bwill be (shared|published|released|launched|available)\b"
    r"|\bso we can explore\b|\bwe (are|'re) aiming to\b",
    re.I,
)
FLOW = compile_cue(
    r"\b(hand|give|pass|turn|read|repeat|move|stop|start|come back|hear|talk|speak|ask|introduce"
    r"|leave it|keep (this|it) short)\b",
    re.I,
)

# "cost" as a verb after a modal, a negation or a pronoun subject says what something does or
# spares ("access must not cost the planet", "it costs nothing", "which will cost us time"), not
# what money is asked for; only a sum after it ("it costs a million", "will cost 20,000 euros")
# keeps it about funding. The noun ("the costs", "cover the cost of …") always is.
# (Lookbehinds are fixed-width: one per word length.)
_COST_VERB = (
    r"(?<!\b(?:it|do|to) )(?<!\b(?:not|can|may|did) )(?<!n't )(?<!\b(?:must|will|that|this|does) )"
    r"(?<!\b(?:would|could|might|which) )(?<!\bshould )"
)
_COST = (
    r"cost(?:s|ing)?\b(?=\s+(?:us\s+|them\s+)?(?:money|[$€£\d]|(?:a\s+)?(?:millions?|billions?|thousands?|hundreds?|fortune)\b"
    r"|(?:dollars?|euros?|too\s+much|a\s+lot)\b))|" + _COST_VERB + r"cost\w*"
)

CATEGORIES: dict[str, re.Pattern[str]] = {
    "funding": compile_cue(
        r"\b(financ\w*|funds?|funding|funded|fund-?rais\w*|money|budget\w*|"
        + _COST
        + r"|pay\b|donors?|funders?|grants?|sponsor\w*|loans?|lend(?:ing|ers?)"
        r"|subsid\w*"
        r"|resources needed)\b",
        re.I,
    ),
    "concise-summaries": compile_cue(
        r"\b(concise\w*|summar\w+|one page|two pages?|one-pager|digestible|talking points"
        r"|briefings?|key messages|distil\w*|plain language)\b",
        re.I,
    ),
    "communication-channels": compile_cue(
        r"\b(channels?|regular (updates?|communication)|updates? to|communicat\w*"
        r"|mechanism|reach(es)? (the right|those|decision|policy)|keep us up to speed|focal points?|contact points?"
        r"|mailing lists?|newsletters?|publicized)\b",
        re.I,
    ),
    "recognition": compile_cue(
        r"\b(recogni(?:[sz]\w*|tion\w*)|official record|acknowledg\w*|credit\b|legitima\w*)\b", re.I
    ),
    "visibility": compile_cue(
        r"\b(visib\w*|visible|profiled?|showcas\w*|publici[sz]\w*|promot\w*|accessible|findable"
        r"|spotlight|public profile|awareness|read (it|the)|follow-?up on these|website|finds? them)\b",
        re.I,
    ),
    # Bodies ("governments", "institutions", "NRIs") are named in most asks as their addressee or
    # subject ("the NRIs should budget …"); only a link *to* or *with* them is this category.
    "links-to-institutions": compile_cue(
        r"\b(links?|linked|linking|linkages?|interlink\w*|connect(?:ion|ions|ed|ing|s)?\b(?! (?:the )?(?:villages?|schools?|homes?|people|users|households))"
        r"|intergovernmental|decision[- ]mak\w*|un agencies|member states|international organi[sz]ations?|un system"
        r"|regional agenda|(?:to|with|into|and) (?:the |our |their |national |local )?(?:institutions?|governments?|ministr\w+)"
        r"|connect the dots|channel(ed)? to)\b",
        re.I,
    ),
    "capacity-building": compile_cue(
        r"\b(capacity|capacities|training|train(?:ed|s)?\b|skills?|literacy|methodolog\w*"
        r"|mentor\w*|educat(e|ion|ing)\b(?! data)|learn (how|to)|curricul\w*|courses?|teach\w*|taught"
        r"|internships?|fellowships?|scholarships?|trainers?|coach\w*)\b",
        re.I,
    ),
    "participation": compile_cue(
        r"\b(participat\w*|involve\w*|engag\w*|join\w*|inclusiv\w*|volunteer\w*|take part"
        r"|be part of|younger|inputs?|get involved|global south|private sector|rekindle"
        r"|considered (and recognized )?as a stakeholder|come to|attend\w*|consultations?"
        r"|interpret(?:ers?|ation)|captioning|sign language)\b",
        re.I,
    ),
    # Putting an issue on what a forum discusses: its agenda, a main session or topic, a slot or a
    # place in a programme ("a slot in the main programme", "include the exchange points in its
    # programme", "bring this topic to a main session"); "training programmes" stay capacity, and
    # what is prepared "for the main session" is an output, not a place on its agenda.
    "agenda": compile_cue(
        r"\b(agendas?|(?:in|into|to|a) (?:the |a )?main sessions?|main (?:topic|theme)s?|(?:a|one|own|dedicated) (?:main )?session (?:of|on|for|about)"
        r"|slots?\b(?= in| at| on| for)|(?:in|into|to|on) (?:the|its|their|your|our|a) (?:main |next |annual |official )?programmes?"
        r"|(?:in|into|to|on) (?:the|its|their|your|our|a) (?:main |next |annual |official )?programs?\b(?! (?:for|to|of|that)\b)"
        r"|themes? (?:of|for) (?:the|next|this)\b"
        # a place in next year's forum: "a gaming track next year", "a session next year on the buildings"
        r"|(?:tracks?|streams?|sessions?) (?:next year|at the next (?:IGF|forum|meeting))\b)\b",
        re.I,
    ),
    "cooperation": compile_cue(
        r"\b((?<!digital )cooperat\w*|collaborat\w*|work together|exchange|lessons learned|synerg\w*|joint|partners?(?:hips?)?"
        r"|similar issues|overlapping issues|team(?:ing)? up|join forces|work(?:ing)? (?:closely )?with)\b",
        re.I,
    ),
    "support": compile_cue(r"\b(support\w*|sustainab\w*|sustain\b|material|help us|resources)\b", re.I),
    # last, so any other category wins a tie: rules about the Internet itself
    "policy": compile_cue(
        r"\b(laws?|legislat\w*|regulat(e|es|ed|ing|ion|ions)\b|mandatory|ban\b|banned|open (data )?formats?|standards?"
        r"|interoperab\w*|licen[cs](e|es|ing)\b|tax(es)?\b|encrypt\w*|rights of users|user rights|privacy|data protection"
        r"|procurement|clauses?|rules?\b(?! of procedure))\b",
        re.I,
    ),
}

# Where the object of an ask ends: "the countries should adopt open access rules, otherwise we
# finance a monopoly" asks for rules, not money. The keyword window after the ask's verb stops
# at a reason, a contrast or a new clause (stop 21).
_WINDOW_END = re.compile(r"[,;:.?!]|\b(?:because|otherwise|since|but|so that|as|when|while|which|who)\b", re.I)
WINDOW_WORDS = 10


# A price named as what is to be shown or lowered ("publish their full cost, the fee and the
# exchange rate", "bring down the cost of the USSD session", "show the price in the real money")
# is about transparency or a rule, not money asked for: funding keywords of price inside such an
# object do not count (round 17, issue 22: three asks of asks_blind17 routed to funding).
_PRICE_OBJECT = re.compile(
    r"\b(?:publish\w*|show\w*|display\w*|disclos\w*|compar\w*|reduc\w*|lower\w*|cut|cuts|cap|caps|bring(?:s|ing)? down"
    r"|count\w*|measur\w*|explain\w*)\b[^,.;:!?]{0,40}\b(?:costs?|prices?|fees?|money)\b",
    re.I,
)
_PRICE_WORD = re.compile(r"(?:cost\w*|money)$", re.I)


def category_hits(name: str, text: str, start: int = 0) -> int:
    """Keyword hits of category `name` in `text` from offset `start` on (the words before it are
    context: the ask's verb, "publish", before its window), without the price words of a price
    that is to be shown or lowered (`_PRICE_OBJECT`) for funding."""
    found = [m for m in CATEGORIES[name].finditer(text) if m.start() >= start]
    if name != "funding" or not found:
        return len(found)
    spans = [m.span() for m in _PRICE_OBJECT.finditer(text)]
    return sum(1 for m in found if not (_PRICE_WORD.match(m.group(0)) and any(a <= m.start() < b for a, b in spans)))


# Words before the verb that heads what is asked ("should also teach", "to please fund").
_BEFORE_HEAD = frozenset({"also", "then", "please", "to", "really", "just", "first", "now", "rather", "not"})


def head_category(window: str) -> str | None:
    """The category whose keyword is the verb (`IMPERATIVE_VERBS`) that heads the asked-for thing ("Schools should
    teach digital money …": capacity-building, whatever the taught topic names), or None. The
    catch-all "support" never heads: "support X" is about X."""
    words = [w.strip(",.;:!?\"'") for w in window.split()]
    head = next((w for w in words if w.lower() not in _BEFORE_HEAD), "")
    if head.lower() not in IMPERATIVE_VERBS:
        return None  # a noun opens the object ("needs to be capacity to make links …"): no verb heads it
    return next((n for n, p in CATEGORIES.items() if n != "support" and p.fullmatch(head)), None)


def ask_window(text: str, at: int) -> str:
    """The (at most ten) words after offset `at` (the end of the ask's verb), up to the first
    clause break, whitespace joined: what the ask is about."""
    words = text[at:].split()[:WINDOW_WORDS]
    joined = " ".join(words)
    end = _WINDOW_END.search(joined, 1)
    return joined[: end.start()].strip() if end else joined


POLICY_SUBJECT = compile_cue(
    r"\b(governments?|regulators?|states|companies|platforms|operators|parliaments?|lawmakers"
    r"|legislators|authorities|ministries)\s+(should|must|ought to|need to)\b",
    re.I,
)

# Base-form verbs that open an imperative to the room or to an institution ("Sign up …",
# "Fund the travel …", "To the regulators: publish …"). Shared by the classifier's
# imperative feature and the clause cutter of run-on lines.
_VERB_TEXT = """join send share bring come put give include make keep stop take use read write talk tell invite fund support
    consider think remember publish open sign register subscribe answer follow contact help allow build create design
    ensure provide reach start try vote apply check book look call engage listen visit download submit attend
    contribute encourage adopt avoid protect respect review train translate remove reduce lower increase spend
    pay donate fill reply respond partner get do don't set let focus move recognise recognize showcase promote
    connect involve reserve record list map count measure audit regulate license licence ban drop end extend
    expand invest mobilise mobilize prioritise prioritize raise plan prepare present report document release
    finance simplify require accept hire teach mentor host cut team pool unite coordinate collaborate cooperate
    link align budget turn switch enable back secure update upgrade test pilot collect gather
    comment choose explain sit leave"""
IMPERATIVE_VERBS = frozenset(_VERB_TEXT.split())
# The verbs as one regex alternation, longest first and then in alphabetical order: a set's
# iteration order changes with the hash seed, and so would the pattern's text (and the
# compiled-pattern cache of `text.recache`, rewritten on every run).
IMPERATIVE_ALT = alternation(IMPERATIVE_VERBS)
